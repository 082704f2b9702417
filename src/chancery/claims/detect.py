"""Find ordinal and count claims about recognition in an article: pure text + extraction in,
:class:`ClaimCandidate` values out. Checking them against the ledger is ``chancery.ledger.claims``.

Kinds:
- ``ordinal``: "the second country to do so after Syria", "the first state to recognise …";
- ``only``: "only Russia and Syria have recognised …" (a closed list of recognisers);
- ``count``: "97 countries recognise …", "more than 100 states have recognised …".
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from chancery.records import RECOGNITION_TYPES, Actor, Event, Extraction

ClaimKind = Literal["ordinal", "only", "count"]
_RECOGNITION_EVENTS = {"recognize", "establish_relations", "announce_intent_to_recognize", "switch_recognition"}
_STATE_KINDS = {"state", "contested_state", "territory"}
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])")


@dataclass
class ClaimCandidate:
    text: str
    start: int
    end: int
    kind: ClaimKind
    entities: list[str]  # the recognised entity codes the claim is about (DPR, LPR …)
    subject: str | None = None  # who the ordinal claim is about (PRK in "Pyongyang … second country")
    ordinal: int | None = None
    count: int | None = None
    comparator: str | None = None  # exact | more_than | at_least | about | fewer_than
    named: list[str] = field(default_factory=list)  # predecessors (ordinal) or the listed recognisers (only)
    category: str = "state"  # state: UN members and observers only; any: contested entities count too
    group: str | None = None  # "the first European country": a group the ledger cannot check
    other: bool = False  # "N other countries": the subject is not counted
    date: str | None = None  # the subject event's date, when known

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class ClaimDetector:
    """Holds the compiled cues; build once (it reads ``lang/en/claims.toml``) and call on many articles."""

    def __init__(self, lexicon_dir: str | None = None, lexicon: dict[str, Any] | None = None) -> None:
        if lexicon is None:
            from chancery.lang.loader import load_lexicon

            lexicon = load_lexicon("claims", lexicon_dir=lexicon_dir)
        self.ordinals: dict[str, int] = {k.lower(): int(v) for k, v in lexicon["ordinals"].items()}
        self.numbers: dict[str, int] = {k.lower(): int(v) for k, v in lexicon["numbers"].items()}
        self.nouns: dict[str, str] = {k.lower(): v for k, v in lexicon["nouns"].items()}
        self.comparators: dict[str, str] = {k.lower(): v for k, v in lexicon["comparators"].items()}
        self.verbs = [v.lower() for v in lexicon["cues"]["recognition_verbs"]]
        nouns = "|".join(re.escape(n) for n in sorted(self.nouns, key=len, reverse=True))
        ordinals = "|".join(sorted(self.ordinals, key=len, reverse=True))
        numbers = "|".join(sorted(self.numbers, key=len, reverse=True))
        comparators = "|".join(re.escape(c) for c in sorted(self.comparators, key=len, reverse=True))
        cues = "|".join(re.escape(c) for c in sorted(lexicon["cues"]["predecessor_cues"], key=len, reverse=True))
        self.ordinal_re = re.compile(
            rf"\b(?:the|a|its)\s+(?P<ord>{ordinals}|\d+(?:st|nd|rd|th))\s+(?P<mods>(?:[A-Z][\w-]*\s+){{0,2}})"
            rf"(?P<noun>{nouns})\b", re.I)
        self.count_re = re.compile(
            rf"(?:\b(?P<cmp>{comparators})\s+)?(?:a\s+)?\b(?P<num>\d{{1,3}}|{numbers})\s+(?P<other>other\s+)?"
            rf"(?P<noun>{nouns})\b", re.I)
        self.only_re = re.compile(r"\bonly\b(?:\s+by)?\s+", re.I)
        self.blockers = {w.lower() for w in lexicon["cues"].get("noun_blockers", [])}
        negations = "|".join(re.escape(w) if w.startswith("n'") else r"\b" + re.escape(w)
                             for w in lexicon["cues"].get("negations", []))
        self.negation_re = re.compile(rf"(?:{negations})\b", re.I) if negations else None
        self.cue_re = re.compile(rf"\b(?:{cues})\b", re.I)

    # -- helpers ---------------------------------------------------------------------------------
    def _blocked(self, text: str, end: int) -> bool:
        """The noun is a modifier ("state visit", "state-owned"), not the counted thing."""
        following = re.match(r"[\s-]*([A-Za-z']+)", text[end:end + 30])
        return bool(following and following.group(1).lower() in self.blockers)

    def _negated_after(self, text: str, end: int, stop: int) -> bool:
        """"five states do not recognise …": a count of those who do not."""
        window = text[end:min(stop, end + 40)]
        return bool(self.negation_re and self.negation_re.search(window))

    def _mentions_recognition(self, text: str) -> bool:
        low = text.lower()
        return any(v in low for v in self.verbs)

    @staticmethod
    def _sentences(text: str, extraction: Extraction) -> list[tuple[int, int]]:
        bounds: list[tuple[int, int]] = []
        start = 0
        for m in _SENTENCE_END.finditer(text):
            bounds.append((start, m.start() + 1))
            start = m.end()
        bounds.append((start, len(text)))
        return [(s, e) for s, e in bounds if text[s:e].strip()]

    @staticmethod
    def _actors_in(extraction: Extraction, start: int, end: int) -> list[Actor]:
        return [a for a in extraction.entities
                if a.code and a.kind in _STATE_KINDS and start <= a.start and a.end <= end]

    @staticmethod
    def _subject_events(extraction: Extraction, start: int, end: int, at: int, exclude: set[str]) -> list[Event]:
        """Recognition events the claim speaks of: in its sentence, else the last one before it.
        Events by the actors the claim lists (its predecessors, its "only" list) are not its subject."""
        family = [e for e in extraction.events if e.type in _RECOGNITION_EVENTS and e.type in RECOGNITION_TYPES
                  and e.modality != "negated" and not (e.actor and e.actor.code in exclude)]
        here = [e for e in family if start <= e.trigger.start < end]
        if here:
            return here
        before = [e for e in family if e.trigger.start < at]
        if not before:
            return []
        last = before[-1]
        return [e for e in before if e.sentence == last.sentence]

    def _target_after_verb(self, extraction: Extraction, text: str, start: int, end: int,
                           exclude: set[str]) -> list[str]:
        low = text[start:end].lower()
        for verb in self.verbs:
            pos = low.find(verb)
            if pos >= 0:
                codes = [a.code for a in self._actors_in(extraction, start + pos, end)
                         if a.code not in exclude and a.kind != "state"]
                if codes:
                    return list(dict.fromkeys(c for c in codes if c))
        return []

    def _named_list(self, extraction: Extraction, text: str, pos: int, end: int) -> tuple[list[str], int]:
        """Actor codes listed from ``pos`` ("X, Y and Z"), and where the list ends."""
        codes: list[str] = []
        cursor = pos
        actors = sorted(self._actors_in(extraction, pos, end), key=lambda a: a.start)
        for actor in actors:
            gap = text[cursor:actor.start]
            if codes and not re.fullmatch(r"\s*(?:,|and|or|as well as|, and|&)\s*(?:the\s+)?", gap, re.I):
                break
            if not codes and not re.fullmatch(r"[\s,:(—–-]*(?:the\s+)?", gap, re.I):
                break
            codes.append(actor.code or "")
            cursor = actor.end
        return [c for c in codes if c], cursor

    # -- detection -------------------------------------------------------------------------------
    def detect(self, text: str, extraction: Extraction) -> list[ClaimCandidate]:
        claims: list[ClaimCandidate] = []
        for s_start, s_end in self._sentences(text, extraction):
            sentence = text[s_start:s_end]
            if not self._mentions_recognition(sentence):
                continue
            claims.extend(self._ordinals(text, extraction, s_start, s_end))
            taken = [(c.start, c.end) for c in claims]
            claims.extend(c for c in self._onlys(text, extraction, s_start, s_end)
                          if not any(a <= c.start < b for a, b in taken))
            taken = [(c.start, c.end) for c in claims]
            claims.extend(c for c in self._counts(text, extraction, s_start, s_end)
                          if not any(a <= c.start < b or c.start <= a < c.end for a, b in taken))
        return claims

    def _entities_and_subject(self, extraction: Extraction, text: str, s_start: int, s_end: int, at: int,
                              exclude: set[str]) -> tuple[list[str], str | None, str | None]:
        events = self._subject_events(extraction, s_start, s_end, at, exclude)
        subject = next((e.actor.code for e in events if e.actor and e.actor.code), None)
        explicit = self._target_after_verb(extraction, text, at, s_end, exclude | ({subject} if subject else set()))
        targets = explicit or list(dict.fromkeys(
            e.target.code for e in events if e.target and e.target.code and e.actor and e.actor.code == subject))
        date = next((e.date.value for e in events if e.date.value), None)
        return targets, subject, date

    def _ordinals(self, text: str, extraction: Extraction, s_start: int, s_end: int) -> list[ClaimCandidate]:
        out = []
        for m in self.ordinal_re.finditer(text, s_start, s_end):
            if self._blocked(text, m.end()):
                continue
            word = m.group("ord").lower()
            ordinal = self.ordinals.get(word) or int(re.sub(r"\D", "", word) or 0)
            if not ordinal:
                continue
            end = m.end()
            named: list[str] = []
            cue = self.cue_re.search(text, m.end(), min(s_end, m.end() + 120))
            if cue:
                named, list_end = self._named_list(extraction, text, cue.end(), s_end)
                if named:
                    end = max(end, list_end)
            verb = re.compile(r"\bto\s+(?:\w+\s+){0,2}?(?:" + "|".join(re.escape(v) for v in self.verbs) + r")\w*",
                              re.I).search(text, m.end(), min(s_end, m.end() + 160))
            if verb:
                end = max(end, verb.end())
            elif not named:
                continue
            entities, subject, date = self._entities_and_subject(extraction, text, s_start, s_end, m.start(),
                                                                 set(named))
            mods = m.group("mods").strip()
            out.append(ClaimCandidate(
                text=text[m.start():end], start=m.start(), end=end, kind="ordinal", entities=entities,
                subject=subject, ordinal=ordinal, named=named, category=self.nouns[m.group("noun").lower()],
                group=mods or None, date=date))
        return out

    def _onlys(self, text: str, extraction: Extraction, s_start: int, s_end: int) -> list[ClaimCandidate]:
        out = []
        for m in self.only_re.finditer(text, s_start, s_end):
            named, list_end = self._named_list(extraction, text, m.end(), s_end)
            if not named:
                continue
            entities, subject, date = self._entities_and_subject(extraction, text, s_start, s_end, m.start(),
                                                                 set(named))
            entities = [e for e in entities if e not in named]
            out.append(ClaimCandidate(text=text[m.start():list_end], start=m.start(), end=list_end, kind="only",
                                      entities=entities, subject=subject, named=named, date=date))
        return out

    def _counts(self, text: str, extraction: Extraction, s_start: int, s_end: int) -> list[ClaimCandidate]:
        out = []
        for m in self.count_re.finditer(text, s_start, s_end):
            if self._blocked(text, m.end()) or self._negated_after(text, m.end(), s_end):
                continue
            raw = m.group("num").lower()
            count = int(raw) if raw.isdigit() else self.numbers[raw]
            comparator = self.comparators.get((m.group("cmp") or "").lower(), "exact")
            named, list_end = self._named_list(extraction, text, m.end() + 1, s_end) \
                if text[m.end():m.end() + 2].strip().startswith((",", "(", "—", ":")) else ([], m.end())
            entities, subject, date = self._entities_and_subject(extraction, text, s_start, s_end, m.start(),
                                                                 set(named))
            out.append(ClaimCandidate(
                text=text[m.start():max(m.end(), list_end)], start=m.start(), end=max(m.end(), list_end),
                kind="count", entities=entities, subject=subject, count=count, comparator=comparator,
                named=named, category=self.nouns[m.group("noun").lower()], other=bool(m.group("other")), date=date))
        return out


def detect_claims(text: str, extraction: Extraction, detector: ClaimDetector | None = None) -> list[ClaimCandidate]:
    return (detector or ClaimDetector()).detect(text, extraction)
