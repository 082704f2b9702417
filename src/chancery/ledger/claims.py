"""Check ordinal and count claims against the ledger as of the article date.

Verdicts:
- ``supported``: the ledger gives the same rank, list or number;
- ``qualified``: true only under a reading the claim leaves implicit (some earlier recogniser not
  counted, contested entities counted or not, same-day or month-only dates that allow either order);
- ``contradicted``: no reading of the ledger makes it true;
- ``unverifiable``: the ledger cannot decide (unknown entity or subject, a group such as "European"
  the ledger has no membership for, or a count above an incompletely covered entity's list).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from chancery.claims.detect import ClaimCandidate
from chancery.ledger.dates import interval, overlaps
from chancery.ledger.names import Names
from chancery.ledger.queries import StatusRow, status


@dataclass
class Recogniser:
    actor: str
    name: str
    kind: str
    first_date: str
    precision: str | None
    state: str

    def to_dict(self, counted: bool = True) -> dict[str, Any]:
        return {"actor": self.actor, "name": self.name, "kind": self.kind, "date": self.first_date,
                "precision": self.precision, "state": self.state, "counted": counted}


def _recognisers(rows: list[StatusRow]) -> list[Recogniser]:
    """Everyone who ever recognised (withdrawn ones included: they were counted at the time), in order."""
    return [Recogniser(r.actor, r.name, r.kind, r.first_date, r.first_precision, r.state)
            for r in rows if r.first_date is not None]


def _fmt(codes: list[str], names: Names) -> str:
    shown = [names.name(c) for c in codes]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _result(claim: ClaimCandidate, entity: str | None, verdict: str, reason: str,
            compared: list[dict[str, Any]] | None = None, as_of: str | None = None) -> dict[str, Any]:
    return {"text": claim.text, "start": claim.start, "end": claim.end, "kind": claim.kind, "entity": entity,
            "subject": claim.subject, "ordinal": claim.ordinal, "count": claim.count, "comparator": claim.comparator,
            "named": claim.named, "verdict": verdict, "reason": reason, "as_of": as_of,
            "evidence": compared or []}


def check_ordinal(claim: ClaimCandidate, entity: str, everyone: list[Recogniser], as_of: str,
                  names: Names) -> dict[str, Any]:
    subject = claim.subject
    counted = [r for r in everyone if claim.category == "any" or r.kind == "state"]
    own = next((r for r in everyone if r.actor == subject), None)
    when = own.first_date if own else (claim.date or as_of)
    span = interval(when)
    before = [r for r in counted if r.actor != subject and interval(r.first_date)[1] < span[0]]
    tied = [r for r in counted if r.actor != subject and r not in before and overlaps(interval(r.first_date), span)]
    compared = [r.to_dict() for r in before + tied]
    low, high = len(before) + 1, len(before) + len(tied) + 1
    wanted = claim.ordinal or 0
    prior_codes = {r.actor for r in everyone if r.actor != subject and interval(r.first_date)[0] <= span[1]}
    missing = [c for c in claim.named if c not in prior_codes]
    if missing:
        return _result(claim, entity, "contradicted",
                       f"{_fmt(missing, names)} had not recognised {names.name(entity)} before that date",
                       compared, as_of)
    if low <= wanted <= high:
        if low == high:
            return _result(claim, entity, "supported", f"rank {low} in the ledger", compared, as_of)
        return _result(claim, entity, "qualified",
                       f"rank {low}–{high}: {_fmt([r.actor for r in tied], names)} share the date's day or period",
                       compared, as_of)
    if claim.named and wanted == len(claim.named) + 1 and wanted < low:
        uncounted = [r.actor for r in before if r.actor not in claim.named]
        for item in compared:
            item["counted"] = item["actor"] in claim.named
        return _result(claim, entity, "qualified",
                       f"rank {low} in the ledger; true only when {_fmt(uncounted, names)} "
                       f"{'is' if len(uncounted) == 1 else 'are'} not counted", compared, as_of)
    if claim.category == "state":
        others = [r for r in everyone if r.kind != "state" and r.actor != subject and interval(r.first_date)[1] < span[0]]
        if others and wanted == low + len(others):
            return _result(claim, entity, "qualified", f"rank {wanted} only when {_fmt([r.actor for r in others], names)}"
                           " (not UN members) are counted", compared, as_of)
    return _result(claim, entity, "contradicted", f"rank {low}{'' if low == high else f'–{high}'} in the ledger, "
                   f"not {wanted}", compared, as_of)


def check_only(claim: ClaimCandidate, entity: str, current: list[Recogniser], names: Names,
               as_of: str) -> dict[str, Any]:
    named = set(claim.named) - {claim.subject}
    pool = [r for r in current if r.actor != claim.subject]
    states = {r.actor for r in pool if r.kind == "state"}
    everyone = {r.actor for r in pool}
    compared = [r.to_dict(counted=r.actor in named) for r in pool]
    missing = sorted(named - everyone)
    if missing:
        return _result(claim, entity, "contradicted",
                       f"{_fmt(missing, names)} did not recognise {names.name(entity)} as of {as_of}", compared, as_of)
    if everyone == named:
        return _result(claim, entity, "supported", "the ledger lists exactly these recognisers", compared, as_of)
    if states == named or states <= named:
        extra = sorted(everyone - named)
        verb = "recognises" if len(extra) == 1 else "recognise"
        return _result(claim, entity, "qualified", f"true of UN members; {_fmt(extra, names)} also {verb} "
                       f"{names.name(entity)}", compared, as_of)
    extra = sorted(states - named)
    verb = "recognises" if len(extra) == 1 else "recognise"
    return _result(claim, entity, "contradicted", f"{_fmt(extra, names)} also {verb} {names.name(entity)}",
                   compared, as_of)


def _count_matches(comparator: str, actual: int, claimed: int) -> bool:
    if comparator == "more_than":
        return actual > claimed
    if comparator == "at_least":
        return actual >= claimed
    if comparator == "fewer_than":
        return actual < claimed
    if comparator == "about":
        return abs(actual - claimed) <= max(2, round(claimed * 0.1))
    return actual == claimed


def check_count(claim: ClaimCandidate, entity: str, current: list[Recogniser], names: Names,
                as_of: str) -> dict[str, Any]:
    pool = [r for r in current if not (claim.other and r.actor == claim.subject)]
    states = [r for r in pool if r.kind == "state"] if claim.category == "state" else pool
    claimed, comparator = claim.count or 0, claim.comparator or "exact"
    compared = [r.to_dict(counted=r in states) for r in pool]
    if _count_matches(comparator, len(states), claimed):
        return _result(claim, entity, "supported", f"{len(states)} in the ledger", compared, as_of)
    if claim.category == "state" and _count_matches(comparator, len(pool), claimed):
        return _result(claim, entity, "qualified", f"{len(pool)} only when contested entities are counted "
                       f"({len(states)} UN members)", compared, as_of)
    if names.coverage(entity) != "complete" and len(states) < claimed:
        return _result(claim, entity, "unverifiable", f"the ledger lists {len(states)}, and its list for "
                       f"{names.name(entity)} is known to be incomplete", compared, as_of)
    return _result(claim, entity, "contradicted", f"{len(states)} in the ledger", compared, as_of)


def check_claim(conn: Connection, claim: ClaimCandidate, as_of: str | None,
                names: Names | None = None) -> list[dict[str, Any]]:
    """One verdict per entity the claim is about (a claim about "the DPR and LPR" is checked twice)."""
    names = names or Names()
    as_of = as_of or claim.date
    if not claim.entities or not as_of:
        return [_result(claim, None, "unverifiable", "no recognised entity or date could be tied to the claim",
                        as_of=as_of)]
    results = []
    for entity in claim.entities:
        rows = status(conn, entity, as_of, names=names)
        everyone = _recognisers(rows)
        if not everyone:
            results.append(_result(claim, entity, "unverifiable", f"the ledger has no recognitions of "
                                   f"{names.name(entity)}", as_of=as_of))
        elif claim.group:
            results.append(_result(claim, entity, "unverifiable", f"the ledger does not know which states are "
                                   f"{claim.group!r}", [r.to_dict() for r in everyone], as_of))
        elif claim.kind == "ordinal":
            if not claim.subject:
                results.append(_result(claim, entity, "unverifiable", "no recognising actor tied to the claim",
                                       [r.to_dict() for r in everyone], as_of))
            else:
                results.append(check_ordinal(claim, entity, everyone, as_of, names))
        else:
            current = [r for r in everyone if r.state == "recognises"]
            check = check_only if claim.kind == "only" else check_count
            results.append(check(claim, entity, current, names, as_of))
    return results
