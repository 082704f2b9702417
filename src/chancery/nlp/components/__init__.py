"""Chancery spaCy components, one module each; importing a module registers its factory."""
