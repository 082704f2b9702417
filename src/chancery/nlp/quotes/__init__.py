"""Helpers for quotes, speakers, coreference, channels and outlets (used by the quote components)."""
