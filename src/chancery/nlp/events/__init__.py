"""Event recognition helpers: recognition family, general PLOVER events, modality."""
