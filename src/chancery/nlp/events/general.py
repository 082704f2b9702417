"""General (non-recognition) events: who did what to whom, coded as a PLOVER root and CAMEO code.

A trigger is read from the dependency parse in this order of precedence: a phrasal verb
("call on", "crack down on"), a verb with a telling object ("lifted the ban" → yield, "imposed
sanctions on" → sanction, "placed under arrest" → coerce), a light verb with an event noun
("held talks with", "launched an attack on", "issued a warning to"), the verb alone, or a
predicative adjective ("is critical of"). The actor is the subject (the "by" agent in the passive,
the antecedent of a relative pronoun, the controller of an infinitive); the target is the object
of a preposition the frame names, else the direct or indirect object (the passive subject). Each
argument is the whole noun phrase, or the resolved actor mention inside it when there is one;
coordinated arguments give one event each.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING, Any

from chancery.nlp.actor_lookup import actor_at, actors_in
from chancery.nlp.events.modality import modality_of
from chancery.nlp.events.plover import Frame, PloverLexicon
from chancery.records import Actor, DateValue, Event, Modality, Offsets, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_SUBJECT = frozenset({"nsubj"})
_PASSIVE_SUBJECT = frozenset({"nsubjpass"})
_OBJECTS = frozenset({"dobj", "obj"})
_DATIVE = frozenset({"dative", "iobj"})
_COMPLEMENTS = frozenset({"oprd", "acomp", "xcomp", "attr", "ccomp"})
# Children that end a noun phrase argument (its coordination is split off on purpose).
_OUTSIDE_NP = frozenset({"relcl", "acl", "cc", "conj", "advcl", "parataxis", "punct", "dep", "prep"})
_OWNER_PREPS = frozenset({"of", "in", "from"})  # "the Ministry of Defence of X", "a court in X"
_RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "its", "their", "them", "him", "her"})
_NOT_TARGET_ENTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY"})
_FALLBACK_PREPS_SKIP = frozenset({"for", "during", "after", "before", "since", "until", "amid", "despite",
                                  "because", "over", "about", "as", "like", "by", "via", "through",
                                  "of", "without", "within"})
_PARTICLE_DEPS = frozenset({"prt", "prep", "dobj", "oprd", "acomp", "advmod", "xcomp", "ccomp"})
_PARTY_PREPS = frozenset({"to", "against", "on", "upon", "with", "from", "into", "in", "at", "toward", "towards"})
_PARTY_ENTS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
_DATELINE = frozenset({"-", "--", "—", "–", ":"})
# Roots whose object is usually a thing moved or withheld, the party coming after a preposition
# ("sent aid to X", "suspended aid to X", "returned the paintings to X", "lifted its ban on X").
_TRANSFER_ROOTS = frozenset({"aid", "yield", "sanction", "agree", "cooperate", "mobilize", "request", "protest",
                             "consult", "coerce"})
_QUANTITY_NOUNS = frozenset({"round", "series", "wave", "spate", "string", "set", "flurry", "number", "couple"})
_SYMMETRIC = frozenset({"consult", "agree", "cooperate"})
_ENT_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "group", "NORP": "group"}


@dataclass(frozen=True)
class Reading:
    """A trigger matched in the lexicon: which token governs the arguments and which frame applies."""

    verb: Token  # the word whose subject/objects are the arguments
    trigger: Token  # the word reported as the trigger (the event noun of a light verb)
    frame: Frame
    used: Token | None  # the object noun that selected the frame (never the target itself)


def general_events(doc: Doc, lexicon: PloverLexicon) -> list[Event]:
    """Every event in ``doc`` whose trigger is in the PLOVER lexicon, in text order."""
    events: list[Event] = []
    taken: set[int] = set()
    for token in doc:
        reading = read_trigger(token, lexicon)
        if reading is not None:
            taken.add(reading.trigger.i)
            events.extend(_events_for(reading, lexicon))
        elif token.lemma_.lower() in lexicon.demand_verbs:
            events.extend(_modal_demands(token, lexicon))
    for token in doc:
        if token.pos_ == "NOUN" and token.i not in taken:
            events.extend(_nominal_event(token, lexicon))
    if lexicon.argument_cues is not None and events:
        _resolve_anaphora(doc, events, lexicon.argument_cues)
    return sorted(events, key=lambda e: e.trigger.start)


def _resolve_anaphora(doc: Doc, events: list[Event], cues: object) -> None:
    """A pronoun or "the country" argument becomes the actor mention it refers to."""
    from chancery.nlp.events.arguments import Arguments

    finder = Arguments(doc, cues)  # type: ignore[arg-type]
    resolved: dict[tuple[int, int], Actor | None] = {}
    for event in events:
        for role in ("actor", "target"):
            value: Actor | None = getattr(event, role)
            if value is None or value.code is not None:
                continue
            key = (value.start, value.end)
            if key not in resolved:
                resolved[key] = _antecedent_actor(doc, value, finder)
            found = resolved[key]
            if found is not None:
                setattr(event, role, found)


def _antecedent_actor(doc: Doc, value: Actor, finder: Any) -> Actor | None:
    span = doc.char_span(value.start, value.end, alignment_mode="expand")
    if span is None or len(span) > 4:
        return None
    antecedents = finder.resolve_anaphor(span.root)
    if not antecedents:
        return None
    mention = antecedents[0]
    actor = mention._.actor
    return Actor(code=actor.code, name=actor.name, kind=actor.kind, text=mention.text,
                 start=mention.start_char, end=mention.end_char, country=actor.country)


def read_trigger(token: Token, lexicon: PloverLexicon) -> Reading | None:
    """The lexicon reading of ``token`` as a trigger, or None."""
    if token.pos_ == "ADJ" and token.dep_ in ("acomp", "oprd"):
        frame = lexicon.adjectives.get(token.lemma_.lower())
        return Reading(token.head, token, frame, None) if frame else None
    if token.pos_ not in ("VERB", "AUX") or (token.pos_ == "AUX" and token.dep_ == "aux"):
        return None
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in _PARTICLE_DEPS and not _temporal_prep(child):
            frame = lexicon.phrasal.get((lemma, child.lemma_.lower()))
            if frame is not None:
                return None if frame.blocks else Reading(token, token, frame, None)
    objects = _object_nouns(token)
    for obj, _via_prep in objects:
        frame = lexicon.collocations.get((lemma, _noun_key(obj)))
        if frame is not None:
            return None if frame.blocks else Reading(token, token, frame, obj)
    for obj, via_prep in objects:
        if not via_prep:
            noun = _counted(obj)  # "launched a new round of talks" → talks
            frame = lexicon.light_noun(lemma, _noun_key(noun))
            if frame is not None:
                return Reading(token, noun, frame, noun)
    frame = lexicon.verbs.get(lemma)
    if frame is not None and not frame.blocks and _object_fits(frame, objects):
        return Reading(token, token, frame, None)
    for obj, via_prep in objects:  # "placed under arrest", "remained on alert"
        frame = lexicon.collocations.get(("*", _noun_key(obj))) if via_prep else None
        if frame is not None and not frame.blocks:
            return Reading(token, token, frame, obj)
    return None


def _counted(noun: Token) -> Token:
    """The noun a quantity noun counts ("a round of talks", "a series of raids"), else the noun."""
    if noun.lemma_.lower() in _QUANTITY_NOUNS:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                counted = _first(g for g in child.children if g.dep_ == "pobj")
                if counted is not None:
                    return counted
    return noun


def _noun_key(noun: Token) -> str:
    """The lemma, joined to a hyphenated first part ("cease-fire" → "ceasefire", "air-strike")."""
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].text == "-" and not doc[noun.i - 2].whitespace_ \
            and not doc[noun.i - 1].whitespace_:
        return doc[noun.i - 2].lower_ + noun.lemma_.lower()
    return noun.lemma_.lower()


def _object_fits(frame: Frame, objects: list[tuple[Token, bool]]) -> bool:
    if frame.needs_object and not any(o.dep_ in _OBJECTS for o, _ in objects):
        return False
    return frame.objects is None or any(o.lemma_.lower() in frame.objects for o, _ in objects)


def _temporal_prep(tok: Token) -> bool:
    return tok.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in tok.children if g.dep_ == "pobj")


def _object_nouns(verb: Token) -> list[tuple[Token, bool]]:
    """Nouns that may select a verb's reading: objects, passive subjects, complements, prepositional objects."""
    found: list[tuple[Token, bool]] = []
    for child in verb.children:
        if child.dep_ in _OBJECTS or child.dep_ in _PASSIVE_SUBJECT or child.dep_ in _COMPLEMENTS:
            found.append((child, False))
            # "recalled Ms X, its ambassador to Y": the apposition says what the object is
            found.extend((g, False) for g in child.children if g.dep_ == "appos")
        elif child.dep_ in ("prep", "prt"):
            found.extend((g, True) for g in child.children if g.dep_ == "pobj")
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        found.append((verb.head, False))
    return found


def _events_for(reading: Reading, lexicon: PloverLexicon) -> list[Event]:
    verb, frame = reading.verb, reading.frame
    actors, targets = _arguments(reading, lexicon)
    if not actors and not targets:
        return []
    modality: Modality = _modality(reading.trigger)
    root, cameo = frame.root, frame.cameo
    if modality == "negated":  # a refusal to cooperate is a rejection; other denied acts did not happen
        if root not in lexicon.negated:
            return []
        root = lexicon.negated[root]
        cameo = lexicon.root_cameo.get(root, cameo)
    elif modality in lexicon.intent_modalities and root in lexicon.intent_root:
        cameo = lexicon.intent_cameo.get(root, cameo)
        root = lexicon.intent_root[root]
    doc = verb.doc
    pairs: list[tuple[Actor | None, Actor | None]] = []
    two_sided = root in _SYMMETRIC or frame.root in _SYMMETRIC  # also "failed to reach a deal"
    if root == "reject":
        targets = _condition_parties(verb, targets, lexicon.party_nouns) or targets
    if two_sided and len(actors) > 1:  # "Chile and Peru agreed ..." is Chile ↔ Peru
        pairs = [(_actor(doc, a, lexicon), _actor(doc, b, lexicon)) for a, b in combinations(actors, 2)]
    elif two_sided and len(actors) == 1:  # "British and EU negotiators agreed ..."
        pairs = _premodifier_pair(doc, actors[0], lexicon)
    actor_values: list[Actor | None] = [_actor(doc, a, lexicon) for a in actors] or [None]
    target_values: list[Actor | None] = [_actor(doc, t, lexicon) for t in targets] or [None]
    pairs += [(a, t) for a in actor_values for t in target_values]
    out = []
    for actor, target in pairs:
        # PLOVER events are dyadic: an act without a named source and target is not coded
        if actor is None or target is None or (actor.start, actor.end) == (target.start, target.end):
            continue
        confidence = frame.confidence + 0.1 * sum(a.code is not None for a in (actor, target))
        out.append(_event(reading.trigger, root, cameo, actor, target, modality, confidence))
    return out


def _modal_demands(verb: Token, lexicon: PloverLexicon) -> list[Event]:
    """ "X said Y must/should ...": a demand by X on Y; "X said Y was responsible": X blames Y."""
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        if any(c.dep_ == "aux" and c.lower_ in lexicon.demand_modals for c in clause.children):
            frame = Frame("request", lexicon.demand_cameo, confidence=0.5)
        elif any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in lexicon.blame_predicates
                 for c in clause.children):
            frame = Frame("accuse", lexicon.blame_cameo, confidence=0.5)
        else:
            continue
        target = _first(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
        actor = _subject(verb)
        if target is None or actor is None or target.lower_ in _PRONOUNS:
            continue
        actor = _antecedent(verb, actor)
        return [_event(verb, frame.root, frame.cameo, _actor(verb.doc, actor, lexicon),
                       _actor(verb.doc, target, lexicon),
                       _modality(verb), frame.confidence)]
    return []


def _nominal_event(noun: Token, lexicon: PloverLexicon) -> list[Event]:
    """An event noun with both parties in its own phrase: "Russia's attack on Ukraine", "US sanctions
    against Iran", "threats by X to Y"."""
    frame = lexicon.nouns.get(noun.lemma_.lower())
    if frame is None or frame.blocks:
        return []
    target = _prep_target(Reading(noun, noun, frame, None), frame.preps)
    if target is None:
        return []
    actor: Token | None = None
    for child in noun.children:
        if _across_dateline(child, noun):
            continue
        if child.dep_ == "poss" or (child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i
                                    and actor_at(noun.doc, child) is not None):
            actor = child
        elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
            actor = _first(g for g in child.children if g.dep_ == "pobj") or actor
        if actor is not None:
            break
    if actor is None or actor.lower_ in _PRONOUNS:
        return []
    doc = noun.doc
    actor_value = _actor_token(doc, actor, lexicon)
    return [_event(noun, frame.root, frame.cameo, actor_value, _actor(doc, t, lexicon), _modality(noun),
                   frame.confidence - 0.1) for t in _conjuncts(target)]


def _actor_token(doc: Doc, tok: Token, lexicon: PloverLexicon) -> Actor:
    """A premodifier party ("US" in "US sanctions"): its own mention, not the whole noun phrase."""
    span = actor_at(doc, tok)
    if span is not None and span._.actor is not None:
        resolved = span._.actor
        return Actor(code=resolved.code, name=resolved.name, kind=resolved.kind,
                     text=span.text, start=span.start_char, end=span.end_char, country=resolved.country)
    return _actor(doc, tok, lexicon)


def _event(trigger: Token, root: str, cameo: str, actor: Actor | None, target: Actor | None,
           modality: Modality, confidence: float) -> Event:
    sent = trigger.sent
    return Event(type=root, plover=root.upper(), cameo=cameo, actor=actor, target=target,
                 date=DateValue(None, None, None, None), modality=modality,
                 sentence=Offsets(sent.start_char, sent.end_char),
                 trigger=Trigger(trigger.text, trigger.idx, trigger.idx + len(trigger.text)),
                 confidence=max(0.05, min(0.95, confidence)))


def _condition_parties(verb: Token, targets: list[Token], parties: frozenset[str]) -> list[Token]:
    """In a conditional refusal ("will not end the strike until the company pays") the party whose
    act is awaited is the target, unless the refusal already names one."""
    if any(_is_party(t, parties) for t in targets):
        return []
    tok = verb
    for _ in range(4):
        for clause in tok.children:
            if clause.dep_ == "advcl" and any(m.lower_ in ("until", "unless", "before") for m in clause.children
                                              if m.dep_ == "mark"):
                subject = _first(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
                if subject is not None and subject.lower_ not in _PRONOUNS:
                    return _conjuncts(subject)
        if tok.dep_ not in ("xcomp", "conj", "ccomp") or tok.head is tok:
            break
        tok = tok.head
    return []


def _premodifier_pair(doc: Doc, head: Token, lexicon: PloverLexicon) -> list[tuple[Actor | None, Actor | None]]:
    """Coordinated modifiers of one head ("British and EU negotiators") as the two parties."""
    for child in head.children:
        if child.i < head.i and child.dep_ in ("amod", "compound", "poss", "nmod"):
            other = _first(k for k in child.children if k.dep_ == "conj" and k.i < head.i)
            if other is not None:
                first_start, first_end = noun_phrase(child)
                return [(_actor(doc, child, lexicon, first_start, first_end),
                         _actor(doc, head, lexicon, other.left_edge.i, noun_phrase(head)[1]))]
    return []


def _modality(trigger: Token) -> Modality:
    value = modality_of(trigger)
    return value if value in ("asserted", "negated", "future", "conditional", "possible") else "asserted"  # type: ignore[return-value]


# ---------------------------------------------------------------------------------------------- arguments

def _arguments(reading: Reading, lexicon: PloverLexicon) -> tuple[list[Token], list[Token]]:
    verb, frame = reading.verb, reading.frame
    parties = lexicon.party_nouns
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN")
    if passive:
        actor = _agent(verb)
        target = _first(c for c in verb.children if c.dep_ in _PASSIVE_SUBJECT)
        if target is None and verb.dep_ in ("acl", "relcl"):
            target = verb.head
        if target is not None and target.lower_ in _RELATIVE and verb.dep_ == "relcl":
            target = verb.head
        if target is reading.used:
            target = _prep_target(reading, frame.preps) or _party_target(verb, reading.used, parties) \
                or _object_target(verb, reading.used)
    else:
        actor = _subject(verb, lexicon.document_nouns)
        if frame.instrument:  # "deployed troops to X": the troops are not the target
            target = _prep_target(reading, frame.preps) or _party_target(verb, reading.used, parties)
        else:
            moved = frame.root in _TRANSFER_ROOTS and _party_target(verb, reading.used, parties)
            target = (_prep_target(reading, frame.preps) or _party_object(verb, reading.used, parties)
                      or moved or _object_target(verb, reading.used)
                      or _clause_target(verb, parties) or _fallback_target(verb, reading.used))
    actor = _antecedent(verb, actor) if actor is not None else None
    actors = _conjuncts(actor) if actor is not None else []
    targets = _conjuncts(target) if target is not None else []
    return actors, targets


def _first(tokens: Iterable[Token]) -> Token | None:
    return next(iter(tokens), None)


def _last(tokens: Iterable[Token]) -> Token | None:
    found = None
    for tok in tokens:
        found = tok
    return found


def _across_dateline(dependent: Token, head: Token) -> bool:
    """A dateline dash stands between a word before its head and the head ("KABUL - A ... attack")."""
    if dependent.i > head.i:
        return False
    dashes = [t.i for t in dependent.doc[dependent.i + 1:head.i] if t.text in _DATELINE]
    return bool(dashes) and any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in dependent.doc[dashes[-1] + 1:head.i + 1])


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return _first(g for g in child.children if g.dep_ == "pobj")
    return None


def _subject(verb: Token, documents: frozenset[str] = frozenset()) -> Token | None:
    """The subject of an active verb, following control, coordination and relative clauses; a
    document that speaks ("a statement condemning X") stands for whoever issued it."""
    tok = verb
    for _ in range(6):
        subject = _nearest_subject(tok)
        if subject is not None:
            if subject.lower_ in _RELATIVE:
                return _relative_head(tok) or subject
            return subject
        if tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ == "VBG"):
            head = tok.head
            if head.lemma_.lower() in documents and head.dep_ in _OBJECTS and head.head is not head:
                return _subject(head.head) or head
            return head
        if tok.dep_ == "xcomp":
            controller = _first(c for c in tok.head.children if c.dep_ in _OBJECTS)
            if controller is not None:
                return controller
        if tok.dep_ not in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp") or tok.head is tok:
            return None
        if tok.dep_ in ("advcl", "ccomp") and tok.tag_ not in ("VBG", "VBN", "VB"):
            return None
        tok = tok.head
        if tok.pos_ == "ADP":  # "by attacking", "after meeting"
            tok = tok.head
    return None


def _nearest_subject(verb: Token) -> Token | None:
    """The subject nearest the verb: a dateline ("PARIS - The court ruled") is parsed as a second one."""
    return _last(c for c in verb.children if c.dep_ in _SUBJECT and not _across_dateline(c, verb))


def _relative_head(tok: Token) -> Token | None:
    """The noun a relative clause containing ``tok`` modifies."""
    for _ in range(6):
        if tok.dep_ == "relcl":
            return tok.head
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def _antecedent(verb: Token, subject: Token) -> Token:
    """For a pronoun subject, the subject of the clause that reports or governs this one."""
    if subject.lower_ not in _PRONOUNS:
        return subject
    tok = verb
    for _ in range(6):
        if tok.head is tok or tok.dep_ not in ("ccomp", "xcomp", "advcl", "conj", "pcomp", "relcl"):
            break
        tok = tok.head
        outer = _nearest_subject(tok)
        if outer is not None and outer.lower_ not in _PRONOUNS and outer.lower_ not in _RELATIVE:
            return outer
    return subject


def _prep_target(reading: Reading, preps: tuple[str, ...]) -> Token | None:
    if not preps:
        return None
    hosts = [reading.verb] + ([reading.used] if reading.used is not None else [])
    for prep in preps:
        for host in hosts:
            for child in host.children:
                if child.dep_ in ("prep", "prt", "dative") and child.lower_ == prep:
                    pobj = _first(g for g in child.children if g.dep_ == "pobj")
                    if pobj is not None and pobj is not reading.used and _can_be_argument(pobj):
                        return pobj
    return _nested_prep_target(reading, preps)


def _nested_prep_target(reading: Reading, preps: tuple[str, ...]) -> Token | None:
    """The framed preposition attached inside the object ("returned a painting that was stolen
    to X" as the parser often reads it), when its object names a party."""
    for obj in (c for c in reading.verb.children if c.dep_ in _OBJECTS):
        for tok in obj.subtree:
            if tok.dep_ == "prep" and tok.lower_ in preps and tok.head is not obj:
                pobj = _first(g for g in tok.children if g.dep_ == "pobj")
                if pobj is not None and (pobj.ent_type_ in _PARTY_ENTS or pobj.pos_ == "PROPN"
                                         or actor_at(pobj.doc, pobj) is not None):
                    return pobj
    return None


def _party_object(verb: Token, used: Token | None, parties: frozenset[str]) -> Token | None:
    """A direct or indirect object that names a party (a state, body or person)."""
    obj = _object_target(verb, used)
    return obj if obj is not None and _is_party(obj, parties) else None


def _party_target(verb: Token, used: Token | None, parties: frozenset[str]) -> Token | None:
    """A party named after a directional preposition when the object is a thing: on the verb
    ("returned the paintings to X"), then on its object ("lifted its ban on X")."""
    objects = [c for c in verb.children if c.dep_ in _OBJECTS]
    hosts = [verb] + objects + [g for c in objects for g in c.children if g.dep_ == "appos"]
    hosts += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for host in hosts:
        for child in host.children:
            if child.dep_ == "prep" and child.lower_ in _PARTY_PREPS:
                pobj = _first(g for g in child.children if g.dep_ == "pobj")
                if pobj is not None and pobj is not used and _is_party(pobj, parties):
                    return pobj
    return None


def _is_party(tok: Token, parties: frozenset[str]) -> bool:
    if tok.ent_type_ in _PARTY_ENTS or tok.lemma_.lower() in parties:
        return True
    start, end = noun_phrase(tok)
    if actor_at(tok.doc, tok) is not None or actors_in(tok.doc, start, tok.i):
        return True
    return tok.pos_ == "PROPN" and tok.ent_type_ not in _NOT_TARGET_ENTS


def _object_target(verb: Token, used: Token | None) -> Token | None:
    for deps in (_OBJECTS, _DATIVE):
        obj = _first(c for c in verb.children if c.dep_ in deps and c is not used and _counted(c) is not used)
        if obj is not None and _can_be_argument(obj):
            return obj
    return None


def _clause_target(verb: Token, parties: frozenset[str]) -> Token | None:
    """The party a complement clause is about: "demanded that X resign", "agreed to lend money to X"."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            subject = _first(g for g in child.children if g.dep_ in ("nsubj", "nsubjpass"))
            if subject is not None and subject.lower_ not in _PRONOUNS and _can_be_argument(subject):
                return subject
        elif child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
            found = (_party_target(child, None, parties) or _party_object(child, None, parties)
                     or _object_target(child, None) or _fallback_target(child, None)
                     or _clause_target(child, parties))
            if found is not None:
                return found
    return None


def _fallback_target(verb: Token, used: Token | None) -> Token | None:
    """Without a framed target: the used object itself, else the first place-or-party prepositional object."""
    if used is not None and used.dep_ in _OBJECTS and _can_be_argument(used):
        return used
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ not in _FALLBACK_PREPS_SKIP:
            pobj = _first(g for g in child.children if g.dep_ == "pobj")
            if pobj is not None and pobj is not used and _can_be_argument(pobj):
                return pobj
    return None


def _can_be_argument(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "X") and tok.ent_type_ not in _NOT_TARGET_ENTS


def _conjuncts(head: Token) -> list[Token]:
    """The head and the nouns coordinated with it ("Egypt, Bahrain and the UAE")."""
    out = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN"):
                out.append(child)
                stack.append(child)
    return sorted(out, key=lambda t: t.i)


def noun_phrase(head: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``head`` with its modifiers, without its
    coordination, relative clauses or a dateline before it ("PARIS - The court ...")."""
    start, end = head.i, head.i + 1
    for child in head.children:
        if child.dep_ in _OUTSIDE_NP and not (child.dep_ in ("prep", "acl") and child.i > head.i):
            continue
        start = min(start, child.left_edge.i)
        end = max(end, child.right_edge.i + 1)
    doc = head.doc
    for i in range(head.i - 1, start - 1, -1):
        if doc[i].text in _DATELINE:
            start = i + 1
            break
    return start, end


def _resolved(head: Token, start: int, lexicon: PloverLexicon) -> Span | None:
    """The actor mention an argument stands for: on its head; for a common noun naming a party, a
    mention before the head ("Iranian officials") or after "of/in/from" ("a court in X"). A base in
    a country, or a name that merely contains a demonym, is not that country."""
    doc = head.doc
    span = actor_at(doc, head)
    if span is not None:
        return span
    owner = _first(c for c in head.children if c.dep_ == "poss")
    owned = actor_at(doc, owner) if owner is not None else None
    if owned is not None:
        return owned  # "Israel's attacks", "Trump's plan" stand for their owner
    lemma = head.lemma_.lower()
    if lemma not in lexicon.party_nouns or (head.pos_ == "PROPN" and lemma not in lexicon.state_bodies):
        return None
    before = actors_in(doc, start, head.i)
    if before:
        return before[-1]
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in _OWNER_PREPS:
            pobj = _first(g for g in child.children if g.dep_ == "pobj")
            mention = actor_at(doc, pobj) if pobj is not None else None
            if mention is not None:
                return mention
    return None


def _actor(doc: Doc, head: Token, lexicon: PloverLexicon, start: int | None = None,
           end: int | None = None) -> Actor:
    if start is None or end is None:
        start, end = noun_phrase(head)
    phrase: Span = doc[start:end]
    span = _resolved(head, start, lexicon)
    if span is not None and span._.actor is not None:
        resolved = span._.actor
        return Actor(code=resolved.code, name=resolved.name, kind=resolved.kind,
                     text=phrase.text, start=phrase.start_char, end=phrase.end_char, country=resolved.country)
    kind = _ENT_KINDS.get(head.ent_type_, "group")
    return Actor(code=None, name=phrase.text, kind=kind, text=phrase.text,  # type: ignore[arg-type]
                 start=phrase.start_char, end=phrase.end_char)
