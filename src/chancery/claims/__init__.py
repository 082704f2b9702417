"""Ordinal and count claims about recognition, found in article text (checking: chancery.ledger.claims)."""

from chancery.claims.detect import ClaimCandidate, ClaimDetector, detect_claims

__all__ = ["ClaimCandidate", "ClaimDetector", "detect_claims"]
