"""Language data (lexicons, gazetteers, cue lists) as TOML files, read when a component is built."""

from chancery.lang.loader import load_lexicon

__all__ = ["load_lexicon"]
