"""From found acts to ``records.Event``: one event per actor × target, inherited arguments for
elliptic relation mentions, Taipei → Beijing switches merged into one event, general PLOVER
events that restate a recognition-family act dropped, modality and dates attached.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from chancery.nlp.events.arguments import Arguments, actor_code
from chancery.nlp.events.modality import (
    ASSERTED,
    CONDITIONAL,
    FUTURE,
    ModalityCues,
    modality_of,
    reporting_verb,
)
from chancery.nlp.events.recognition import (
    ESTABLISH,
    INTENT,
    RECOGNIZE,
    REFUSE,
    RELATION_TYPES,
    SEVER,
    SWITCH,
    TALKS,
    Found,
    RecognitionLexicon,
)
from chancery.records import RECOGNITION_TYPES, Actor, DateValue, Event, Offsets, Trigger

DateFinder = Callable[[Doc, Token, "DateValue | None", bool], "tuple[DateValue, DateValue | None]"]
TAIWAN, CHINA = "TWN", "CHN"
_INHERIT_SENTENCES = 4
# General roots that restate an establish/sever or a recognition in the same sentence.
_RESTATING_ROOTS = {
    ESTABLISH: {"agree", "cooperate", "consult", "support"},
    SEVER: {"sanction", "reject", "protest", "reduce"},
    RECOGNIZE: {"agree", "cooperate", "support"},
    SWITCH: {"agree", "cooperate", "sanction", "support"},
    INTENT: {"agree", "cooperate", "support"},
    REFUSE: {"reject"},
    "withdraw_recognition": {"sanction", "reject", "reduce"},
    TALKS: {"consult"},
}
_PLANNED_TYPES = frozenset({INTENT, REFUSE, TALKS})


def span_to_actor(span: Span) -> Actor:
    """A mention as an event argument: people and bodies act for the state they belong to."""
    resolved = span._.actor
    return Actor(code=actor_code(span), name=resolved.name, kind=resolved.kind, text=span.text,
                 start=span.start_char, end=span.end_char, country=resolved.country)


def inherit_arguments(found: list[Found]) -> None:
    """An elliptic relations mention ("Ties were restored in 2020", "the UAE announced it was
    severing ties") takes the missing parties from the latest relations act a few sentences back."""
    for i, act in enumerate(found):
        if act.type not in RELATION_TYPES and act.type != REFUSE:
            continue
        if act.actors and act.targets:
            continue
        sent_start = act.trigger.sent.start
        later = [f for f in found[i + 1:] if f.type in RELATION_TYPES and f.actors and f.targets]
        if act.actors and later and not any(e.type in RELATION_TYPES for e in found[:i]):
            # "the UAE announced it was severing ties ... Bahrain cut relations with Doha": the
            # partner of an elliptic mention may be named only later in the passage
            own = {actor_code(s) for s in act.actors}
            act.targets = [s for s in later[0].targets if actor_code(s) not in own][:1]
            act.confidence = min(act.confidence, 0.5)
            continue
        for earlier in reversed(found[:i]):
            if earlier.type not in RELATION_TYPES and earlier.type not in (REFUSE, TALKS, "switch_recognition"):
                continue
            if not (earlier.actors and earlier.targets):
                continue
            if _sentence_distance(earlier.trigger, sent_start) > _INHERIT_SENTENCES:
                break
            if not act.actors and not act.targets:
                if act.trigger.pos_ not in ("VERB", "AUX"):
                    break  # "normalisation is possible only once ...": a topic, not a new act
                act.actors, act.targets = list(earlier.actors), list(earlier.targets)
            elif not act.targets:
                own = {actor_code(s) for s in act.actors}
                partners = [s for s in earlier.targets + earlier.actors if actor_code(s) not in own]
                act.targets = partners[:1] if earlier.type == act.type else partners[:1]
            else:
                own = {actor_code(s) for s in act.targets}
                act.actors = [s for s in earlier.actors + earlier.targets if actor_code(s) not in own][:1]
            act.confidence = min(act.confidence, 0.6)
            break


def _sentence_distance(token: Token, sent_start: int) -> int:
    doc = token.doc
    count = 0
    start = sent_start
    while start > token.sent.start and count <= _INHERIT_SENTENCES:
        start = doc[start - 1].sent.start
        count += 1
    return count


def found_to_events(doc: Doc, found: Iterable[Found], lexicon: RecognitionLexicon,
                    arguments: Arguments, cues: ModalityCues) -> list[Event]:
    events: list[Event] = []
    for act in found:
        if not act.actors or not act.targets:
            continue
        plover, cameo = lexicon.types[act.type]
        end = act.trigger_end or act.trigger.i + 1
        trigger_span = doc[act.trigger.i:max(end, act.trigger.i + 1)]
        trigger = Trigger(trigger_span.text, trigger_span.start_char, trigger_span.end_char)
        sent = act.trigger.sent
        attribution = _reported(act.trigger, arguments, cues)
        for actor_span in act.actors:
            for target_span in act.targets:
                actor, target = span_to_actor(actor_span), span_to_actor(target_span)
                if actor.code is not None and actor.code == target.code:
                    continue
                source = span_to_actor(act.source) if act.source is not None else None
                events.append(Event(
                    type=act.type, plover=plover, cameo=cameo, actor=actor, target=target,
                    date=DateValue(None, None, None, None), modality=act.modality,  # type: ignore[arg-type]
                    sentence=Offsets(sent.start_char, sent.end_char), trigger=trigger,
                    confidence=act.confidence, source=source, attribution=attribution))
    return events


def _reported(trigger: Token, arguments: Arguments, cues: ModalityCues) -> dict[str, object] | None:
    verb = reporting_verb(trigger, cues)
    if verb is None:
        return None
    speakers = arguments.subjects(verb)
    speaker = speakers[0] if speakers else None
    return {"reported": True, "cue": {"text": verb.text, "start": verb.idx, "end": verb.idx + len(verb.text)},
            "speaker": {"text": speaker.text, "start": speaker.start_char, "end": speaker.end_char,
                        "code": actor_code(speaker)} if speaker is not None else None}


def _pair(event: Event) -> frozenset[str | None]:
    return frozenset({event.actor.code if event.actor else None, event.target.code if event.target else None})


def merge_switches(events: list[Event]) -> list[Event]:
    """X cuts ties with Taipei and establishes ties with / recognises Beijing → one switch X→CHN from TWN."""
    taiwan_cuts = {e.actor.code: e for e in events if e.type == SEVER and e.actor and e.target
                   and e.target.code == TAIWAN}
    out: list[Event] = []
    dropped: set[int] = set()
    switched: dict[str | None, Event] = {e.actor.code if e.actor else None: e for e in events if e.type == SWITCH}
    for event in events:
        if event.type not in (ESTABLISH, RECOGNIZE) or not event.actor or not event.target:
            continue
        codes = [event.actor.code, event.target.code]
        if CHINA not in codes:
            continue
        other = codes[1] if codes[0] == CHINA else codes[0]
        party = event.actor if event.actor.code == other else event.target
        cut = taiwan_cuts.get(other)
        if cut is None and other not in switched:
            continue
        dropped.add(id(event))
        if cut is not None:
            dropped.add(id(cut))
        if other in switched:
            continue
        china = event.target if event.target.code == CHINA else event.actor
        switched[other] = replace(event, type=SWITCH, actor=party, target=china,
                                  source=cut.target if cut is not None else None,
                                  plover="COOPERATE", cameo="054")
        out.append(switched[other])
    for event in events:
        if event.type == SEVER and event.actor and event.target and event.target.code == TAIWAN \
                and event.actor.code in switched:
            dropped.add(id(event))
    kept = [e for e in events if id(e) not in dropped] + out
    for event in kept:
        if event.type == SWITCH and event.source is None:
            event.source = next((e.target for e in events if e.target and e.target.code == TAIWAN), None)
    return kept


def act_tokens(found: Iterable[Found]) -> set[int]:
    """Token indices that name a recognition-family act: its trigger phrase and the nouns it takes
    ("cut ... ties", "withdrew ... recognition"), for every act found, also those later merged
    into a switch or left without parties."""
    out: set[int] = set()
    for act in found:
        out.update(range(act.trigger.i, max(act.trigger_end or 0, act.trigger.i + 1)))
        out.update(act.words)
    return out


def drop_restating(general: list[Event], recognition: list[Event], doc: Doc | None = None,
                   taken: set[int] | None = None) -> list[Event]:
    """General events that restate a recognition-family act (the same trigger word, or the same
    pair in the same sentence), or whose actor is their own target."""
    kept = []
    # Both tests below only ever match within one sentence: group once instead of pairing every event.
    by_sentence: dict[tuple[int, int], list[Event]] = {}
    for r in recognition:
        by_sentence.setdefault((r.sentence.start, r.sentence.end), []).append(r)
    for event in general:
        if event.actor and event.target and event.actor.code and event.actor.code == event.target.code:
            continue  # an actor acting on itself is a misread argument
        if doc is not None and taken and _trigger_tokens(doc, event.trigger) & taken:
            continue  # "cut" in "cut ties with Taipei and established relations with Beijing"
        root = event.plover.lower()
        duplicate = any(
            _overlaps(r.trigger, event.trigger)
            or root in _RESTATING_ROOTS.get(r.type, ()) and r.sentence == event.sentence
            and (_pair(r) == _pair(event) or None in _pair(event) and _pair(event) - {None} <= _pair(r))
            for r in by_sentence.get((event.sentence.start, event.sentence.end), ()))
        if not duplicate:
            kept.append(event)
    return kept


def _overlaps(a: Trigger, b: Trigger) -> bool:
    return a.start < b.end and b.start < a.end


def _trigger_tokens(doc: Doc, trigger: Trigger) -> set[int]:
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    return {t.i for t in span} if span is not None else set()


def drop_misread(doc: Doc, general: list[Event], cues: ModalityCues, labelling_verbs: frozenset[str]) -> list[Event]:
    """General events with a news outlet as a party (unless the outlet reports: "AP reported"), and
    a labelling "calling it a victory" read as a call (consult)."""
    kept = []
    for event in general:
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        root = span.root if span is not None and len(span) else None
        lemma = root.lemma_.lower() if root is not None else ""
        media = any(a is not None and a.kind == "media" for a in (event.actor, event.target))
        if media and lemma not in cues.reporting_verbs:
            continue
        if root is not None and lemma in labelling_verbs and _labels(root):
            continue
        kept.append(event)
    return kept


def _labels(verb: Token) -> bool:
    """"called it a victory", "termed the move illegal": an object plus a predicative complement."""
    deps = {c.dep_ for c in verb.children}
    return "dobj" in deps and bool(deps & {"oprd", "attr", "acomp"}) or "oprd" in deps


def apply_modality(doc: Doc, events: list[Event], cues: ModalityCues) -> None:
    """General events get the modality of their trigger's clause unless their coder set one."""
    for event in events:
        if event.modality != ASSERTED or event.type in RECOGNITION_TYPES:
            continue
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is not None and len(span):
            event.modality = modality_of(span.root, cues)  # type: ignore[assignment]


def attach_dates(doc: Doc, events: list[Event], date_finder: DateFinder | None) -> None:
    """Dates in document order; each event may be relative to the one before ("a day after")."""
    previous: DateValue | None = None
    for event in events:
        if date_finder is not None:
            span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            future = event.type in _PLANNED_TYPES or event.modality in (FUTURE, CONDITIONAL)
            date, planned = date_finder(doc, span.root, previous, future)
            event.date = date
            if planned is not None:
                event.planned = planned
        if event.date.value:
            previous = event.date


def dedupe(events: list[Event]) -> list[Event]:
    """One event per (type, actor, target, trigger)."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for event in events:
        key = (event.type, event.actor.code if event.actor else None, event.target.code if event.target else None,
               event.trigger.start, event.plover)
        if key in seen:
            continue
        seen.add(key)
        out.append(event)
    return out
