"""The recognition ledger: dated, cited facts from reference data and ingested articles."""

from chancery.ledger.api import Ledger

__all__ = ["Ledger"]
