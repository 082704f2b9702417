"""Temporal expressions: parsing surface text and resolving it against a reference date (no spaCy)."""
