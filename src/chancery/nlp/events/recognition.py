"""The recognition family from the parse: recognise, withdraw, switch, intent, refusal, talks,
establish and sever relations.

``find_recognition(doc, arguments, lexicon, cues)`` returns ``Found`` records (trigger, type,
actor and target mentions, modality) in document order; ``merge.py`` turns them into Events.
Only the text decides: a type comes from the trigger word, the word governing it and the
modality of the clause (see docs/events.md, "Type rules").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from chancery.lang.loader import load_lexicon
from chancery.nlp.events.arguments import Arguments, actor_code, actor_kind, is_passive
from chancery.nlp.events.modality import (
    ASSERTED,
    CONDITIONAL,
    FUTURE,
    NEGATED,
    POSSIBLE,
    ModalityCues,
    is_hedged,
    modality_of,
    refusal_modality,
    reporting_verb,
)

RECOGNIZE, WITHDRAW, SWITCH, INTENT = "recognize", "withdraw_recognition", "switch_recognition", \
    "announce_intent_to_recognize"
REFUSE, TALKS, ESTABLISH, SEVER, SUPPORT = "refuse_recognition", "talks_on_recognition", "establish_relations", \
    "sever_relations", "support"
MAINTAIN = "maintain_relations"  # internal: becomes a sever when it stops, else no event
RELATION_TYPES = frozenset({ESTABLISH, SEVER})
_ANCESTOR_LIMIT = 6


def _words(data: dict[str, Any], name: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(name, []))


@dataclass(frozen=True)
class RecognitionLexicon:
    types: dict[str, tuple[str, str]]  # type -> (PLOVER root, CAMEO code)
    verbs: frozenset[str]
    withdraw_verbs: frozenset[str]
    nouns: frozenset[str]
    withdraw_nouns: frozenset[str]
    withdraw_governors: frozenset[str]
    switch_governors: frozenset[str]
    switch_objects: frozenset[str]
    grant_governors: frozenset[str]
    claim_heads: frozenset[str]
    claim_preps: frozenset[str]
    claim_roles: frozenset[str]
    target_kinds: frozenset[str]
    relation_nouns: frozenset[str]
    excluded_modifiers: frozenset[str]
    establish_verbs: frozenset[str]
    sever_verbs: frozenset[str]
    establish_nouns: frozenset[str]
    sever_nouns: frozenset[str]
    normalisation_words: frozenset[str]
    partner_preps: frozenset[str]
    pair_preps: frozenset[str]
    mutual: frozenset[str]
    talks: frozenset[str]
    follow_verbs: frozenset[str]
    follow_objects: frozenset[str]
    do_words: frozenset[str]
    receive_governors: frozenset[str]
    establish_phrasal: frozenset[str]
    maintain_verbs: frozenset[str]
    cease_verbs: frozenset[str]
    change_adverbs: frozenset[str]
    change_openers: frozenset[str]
    change_times: frozenset[str]

    @classmethod
    def from_lexicon(cls, data: dict[str, Any]) -> RecognitionLexicon:
        rec, rel = data["recognition"], data["relations"]
        return cls(
            types={name: (str(v["plover"]), str(v["cameo"])) for name, v in data["types"].items()},
            verbs=_words(rec, "verbs"), withdraw_verbs=_words(rec, "withdraw_verbs"), nouns=_words(rec, "nouns"),
            withdraw_nouns=_words(rec, "withdraw_nouns"), withdraw_governors=_words(rec, "withdraw_governors"),
            switch_governors=_words(rec, "switch_governors"),
            switch_objects=_words(rec, "switch_objects"), grant_governors=_words(rec, "grant_governors"),
            claim_heads=_words(rec, "claim_heads"), claim_preps=_words(rec, "claim_preps"),
            claim_roles=_words(rec, "claim_roles"), target_kinds=_words(rec, "target_kinds"),
            relation_nouns=_words(rel, "nouns"), excluded_modifiers=_words(rel, "excluded_modifiers"),
            establish_verbs=_words(rel, "establish_verbs"), sever_verbs=_words(rel, "sever_verbs"),
            establish_nouns=_words(rel, "establish_nouns"), sever_nouns=_words(rel, "sever_nouns"),
            normalisation_words=_words(rel, "normalisation_words"), partner_preps=_words(rel, "partner_preps"),
            pair_preps=_words(rel, "pair_preps"), mutual=_words(rec, "mutual"), talks=_words(data["talks"], "words"),
            follow_verbs=_words(data["follow_up"], "verbs"), follow_objects=_words(data["follow_up"], "objects"),
            do_words=_words(data["follow_up"], "do_words"), receive_governors=_words(rec, "receive_governors"),
            establish_phrasal=_words(rel, "establish_phrasal"), maintain_verbs=_words(rel, "maintain_verbs"),
            cease_verbs=_words(data["ceasing"], "verbs"), change_adverbs=_words(data["ceasing"], "adverbs"),
            change_openers=_words(data["ceasing"], "openers"), change_times=_words(data["ceasing"], "times"),
        )


def load_recognition_lexicon(lexicon_dir: str | None = None) -> RecognitionLexicon:
    return RecognitionLexicon.from_lexicon(load_lexicon("events", lexicon_dir=lexicon_dir))


@dataclass
class Found:
    """One recognition-family act before it becomes Events (one per actor × target)."""

    type: str
    trigger: Token
    actors: list[Span]
    targets: list[Span]
    modality: str
    source: Span | None = None
    reported_by: Token | None = None
    confidence: float = 0.8
    trigger_end: int | None = None  # token index after the trigger phrase (verb + particle)
    notes: list[str] = field(default_factory=list)
    base: str = ""  # the type before modality and talks retyped it (recognize for a refusal)
    words: tuple[int, ...] = ()  # other tokens that name the act ("ties" in "cut ties")


class RecognitionFinder:
    def __init__(self, doc: Doc, arguments: Arguments, lexicon: RecognitionLexicon, cues: ModalityCues) -> None:
        self.doc = doc
        self.args = arguments
        self.lex = lexicon
        self.cues = cues

    # -- entry --------------------------------------------------------------------------------
    def find(self) -> list[Found]:
        out: list[Found] = []
        used: set[int] = set()  # trigger tokens already turned into an act
        for tok in self.doc:
            lemma = tok.lemma_.lower()
            found: Found | None = None
            if tok.i in used:
                continue
            if lemma in self.lex.switch_objects and tok.dep_ == "dobj" \
                    and tok.head.lemma_.lower() in self.lex.switch_governors:
                found = self._switch(tok, tok.head)
                if found is not None:
                    used.add(found.trigger.i)
                    out.append(found)
                    continue
            if lemma in self.lex.verbs and tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod":
                found = self._recognise_verb(tok)
            elif lemma in self.lex.withdraw_verbs and tok.pos_ == "VERB":
                found = self._simple_verb(tok, WITHDRAW)
            elif lemma in self.lex.nouns and tok.pos_ in ("NOUN", "PROPN"):
                found = self._recognition_noun(tok)
            elif lemma in self.lex.relation_nouns and tok.pos_ in ("NOUN", "PROPN"):
                found = self._relations(tok)
            elif lemma in self.lex.normalisation_words and not self._has_relation_object(tok):
                found = self._normalisation(tok)
            elif tok.pos_ in ("VERB", "AUX") and self._is_follow_up(tok):
                found = self._follow_up(tok, out)
            if found is not None:
                used.add(found.trigger.i)
                out.append(found)
        return out

    # -- recognition --------------------------------------------------------------------------
    def _recognise_verb(self, verb: Token) -> Found | None:
        claim = self._claim_owner(verb)
        actors = self.args.subjects(verb)
        if claim is not None:
            owners = self.args.actors(claim)
            if not owners or not actors:
                return None
            return Found(SUPPORT, verb, actors, owners, modality_of(verb, self.cues))
        targets = self._targets(self.args.objects(verb, self._codes(actors)))
        if not targets:
            return None
        return self._typed(RECOGNIZE, verb, actors, targets)

    def _simple_verb(self, verb: Token, kind: str) -> Found | None:
        actors = self.args.subjects(verb)
        targets = self._targets(self.args.objects(verb, self._codes(actors))
                                or self.args.prep_objects(verb, {"from"}, self._codes(actors)))
        if not targets:
            return None
        return self._typed(kind, verb, actors, targets)

    def _claim_owner(self, verb: Token) -> Token | None:
        """For "recognised Moroccan sovereignty over X" / "X as Y's capital": the word naming the owner."""
        for obj in self.args.object_heads(verb):
            if obj.lemma_.lower() in self.lex.claim_heads and (
                    any(c.dep_ == "prep" and c.lower_ in self.lex.claim_preps for c in obj.children)
                    or self.args.span_at(obj) is None):
                owners = [c for c in obj.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
                owners += [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                           for g in c.children if g.dep_ == "pobj"]
                if owners:
                    return owners[0]
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                for role in prep.children:
                    if role.dep_ == "pobj" and role.lemma_.lower() in self.lex.claim_roles:
                        owners = [c for c in role.children if c.dep_ in ("poss", "amod", "compound")]
                        owners += [g for c in role.children if c.dep_ == "prep" and c.lower_ == "of"
                                   for g in c.children if g.dep_ == "pobj"]
                        if owners:
                            return owners[0]
        return None

    def _recognition_noun(self, noun: Token) -> Found | None:
        named: list[Span] = []
        anchor = noun
        if noun.dep_ == "compound" and self.args.span_at(noun.head) is not None:
            # "withdrawing its recognition Kosovo" (a missing "of"): the name heads the phrase
            anchor = noun.head
            named = self.args.actors(anchor)
        governor = anchor.head if anchor.dep_ in ("dobj", "nsubjpass", "conj") else None
        gov_lemma = governor.lemma_.lower() if governor is not None else ""
        # "the withdrawal of its recognition"
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in self.lex.withdraw_nouns:
            governor, gov_lemma = noun.head.head, "withdraw"
            kind = WITHDRAW
        elif gov_lemma in self.lex.withdraw_governors:
            kind = WITHDRAW
        elif gov_lemma in self.lex.switch_governors:
            kind = SWITCH
        else:
            kind = RECOGNIZE
        if kind == SWITCH:
            return self._switch(noun, governor)
        if governor is not None and gov_lemma in self.lex.receive_governors and governor.pos_ in ("VERB", "AUX"):
            # "Kosovo will receive recognition from Israel": the giver acts, the receiver is the target
            givers = self.args.prep_objects(noun, {"from", "by"}) or self.args.prep_objects(governor, {"from", "by"})
            receivers = self._targets(self.args.subjects(governor, self._codes(givers)))
            if not givers or not receivers:
                return None
            found = self._typed(RECOGNIZE, noun, givers, receivers, modality_word=noun)
            if found is not None:
                found.words = (governor.i,)
            return found
        pair = self.args.prep_objects(noun, self.lex.pair_preps)
        if len(pair) > 1 and kind == RECOGNIZE:
            # "mutual recognition between X and Y": each recognises the other
            mutual = any(c.lemma_.lower() in self.lex.mutual for c in noun.children if c.dep_ == "amod")
            return self._typed(RECOGNIZE, noun, pair if mutual else pair[:1], pair[1:] if not mutual else pair)
        claim = self._noun_claim_owner(noun)
        if claim is not None:
            holders = self.args.possessors(noun) or self.args.prep_objects(noun, {"by"})
            owners = self.args.actors(claim, self._codes(holders))
            if not holders or not owners:
                return None
            return Found(SUPPORT, noun, holders, owners, modality_of(noun, self.cues), confidence=0.6,
                         trigger_end=noun.i + 1)
        actors: list[Span] = []
        if governor is not None and governor.pos_ in ("VERB", "AUX") and (
                kind != RECOGNIZE or gov_lemma in self.lex.grant_governors):
            actors = self.args.subjects(governor)
        if not actors and governor is not None and governor.pos_ == "NOUN":
            actors = self.args.possessors(governor)
        if not actors:
            actors = self.args.possessors(noun) or self.args.prep_objects(noun, {"by"})
        exclude = self._codes(actors)
        targets = [s for s in named if actor_code(s) not in exclude] or self.args.prep_objects(noun, {"of", "to"},
                                                                                             exclude)
        if not targets and governor is not None:
            targets = self.args.prep_objects(governor, {"to"}, exclude)
        if not targets:
            targets = [s for s in self.args.spans if s.start > noun.i and s.start <= noun.i + 3
                       and noun.sent.start <= s.start < noun.sent.end and actor_code(s) not in exclude]
            targets = self._targets(targets)[:1]
        if not targets:
            targets = self._sentence_contested(noun, exclude)
        targets = self._targets(targets)
        if not actors or not targets:
            return None
        trigger = governor if kind == WITHDRAW and governor is not None else noun
        found = self._typed(kind, trigger, actors, targets, modality_word=noun)
        if found is not None:
            found.confidence = 0.7
            found.words = (noun.i,) + ((governor.i,) if governor is not None and governor.pos_ in ("VERB", "AUX")
                                       and gov_lemma in self.lex.grant_governors | self.lex.withdraw_governors else ())
        return found

    def _noun_claim_owner(self, noun: Token) -> Token | None:
        """"France's recognition of Moroccan sovereignty over X": the owner of the claim."""
        for obj in self.args.prep_object_heads(noun, {"of"}):
            if obj.lemma_.lower() in self.lex.claim_heads and self.args.span_at(obj) is None:
                owners = [c for c in obj.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
                if owners:
                    return owners[0]
        return None

    def _switch(self, noun: Token, governor: Token | None) -> Found | None:
        """"moved its recognition (over) from Taipei to Beijing": target after "to", `from` after "from"."""
        holders = [noun] + ([governor] if governor is not None else [])
        if governor is not None:
            holders += [c for c in governor.children if c.dep_ in ("prt", "advmod", "prep")]
        targets = [s for h in holders for s in self.args.prep_objects(h, {"to"})][:1]
        sources = [s for h in holders for s in self.args.prep_objects(h, {"from"})][:1]
        exclude = self._codes(targets + sources)
        actors: list[Span] = []
        if governor is not None and governor.pos_ in ("VERB", "AUX"):
            actors = self.args.subjects(governor, exclude)
        actors = actors or self.args.possessors(noun, exclude)
        if not targets or not actors:
            return None
        found = Found(SWITCH, governor or noun, actors, targets, modality_of(noun, self.cues),
                      source=sources[0] if sources else None, words=(noun.i,))
        return self._retype(found)

    def _sentence_contested(self, tok: Token, exclude: frozenset[str]) -> list[Span]:
        sent = tok.sent
        return [s for s in self.args.spans if sent.start <= s.start < sent.end
                and actor_kind(s) == "contested_state" and actor_code(s) not in exclude][:1]

    # -- relations ----------------------------------------------------------------------------
    def _has_relation_object(self, tok: Token) -> bool:
        return any(c.lemma_.lower() in self.lex.relation_nouns for c in tok.children if c.dep_ in ("dobj", "pobj"))

    def _relations(self, noun: Token) -> Found | None:
        mods = {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound")}
        if mods & self.lex.excluded_modifiers:
            return None
        modifier = next((c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i and (
            c.lemma_.lower() in self.lex.establish_nouns or c.lemma_.lower() in self.lex.normalisation_words)), None)
        if modifier is not None and modifier.tag_ == "VBN":
            return None  # "normalised relations": a state, not an act
        if modifier is not None:  # "normalising relations" parsed as an adjective
            return self._relation_found(ESTABLISH, modifier, noun, self.args.owners(noun))
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "of":
            head = head.head
        elif noun.dep_ == "conj" and head.lemma_.lower() in self.lex.relation_nouns:
            return None  # "relations and ties": one act
        if noun.dep_ not in ("dobj", "nsubjpass", "pobj", "nsubj") or head is noun:
            return None
        lemma = head.lemma_.lower()
        if head.pos_ in ("VERB", "AUX"):
            small_clause = noun.dep_ == "nsubj" and head.tag_ in ("VBN", "VBD") and head.dep_ in ("ccomp", "oprd", "xcomp") \
                and not any(c.dep_ == "dobj" for c in head.children)
            if noun.dep_ == "nsubj" and not small_clause and not any(c.dep_ == "auxpass" for c in head.children):
                return None
            state = {g.lemma_.lower() for c in head.children if c.dep_ == "prep" for g in c.children
                     if g.dep_ == "pobj"}
            particles = {f"{lemma} {c.lower_}" for c in head.children if c.dep_ in ("prt", "advmod")}
            if lemma in self.lex.establish_verbs or particles & self.lex.establish_phrasal:
                kind = ESTABLISH
            elif lemma in self.lex.sever_verbs or state & self.lex.sever_nouns:
                kind = SEVER  # also "ties were put under suspension"
            elif lemma in self.lex.maintain_verbs and noun.dep_ == "dobj":
                kind = MAINTAIN  # only "no longer maintains ties" is an act (a sever)
            else:
                return None
            # "declared relations suspended": the declarer acts
            actors = self.args.subjects(head.head) if small_clause else self.args.subjects(head)
            if not actors and is_passive(head) and not self.args.prep_objects(noun, self.lex.pair_preps):
                # "X announced that relations with Y were being opened": the announcer is the party
                reporter = reporting_verb(head, self.cues)
                if reporter is not None:
                    actors = [a for a in self.args.subjects(reporter)
                              if actor_kind(a) in ("state", "person", "organisation")][:1]
        elif head.pos_ in ("NOUN", "PROPN"):
            if lemma in self.lex.establish_nouns:
                kind = ESTABLISH
            elif lemma in self.lex.sever_nouns:
                kind = SEVER
            else:
                return None
            actors = self.args.possessors(head) or self.args.owners(head)
        else:
            return None
        return self._relation_found(kind, head, noun, actors)

    def _relation_found(self, kind: str, trigger: Token, noun: Token | None, actors: list[Span]) -> Found | None:
        holders = [trigger] + ([noun] if noun is not None else [])
        if not actors and noun is not None:
            actors = self.args.possessors(noun)
        pair: list[Span] = []
        for holder in holders:
            pair = pair or self.args.prep_objects(holder, self.lex.pair_preps)
        if len(pair) > 1:
            actors, targets = pair[:1], pair[1:]
        else:
            targets = []
            for holder in holders:
                targets = targets or self.args.prep_objects(holder, self.lex.partner_preps, self._codes(actors))
            if not targets and pair:
                targets = [s for s in pair if actor_code(s) not in self._codes(actors)]
        if not targets and len(actors) > 1:
            actors, targets = actors[:1], actors[1:]
        found = self._typed(kind, trigger, actors, targets)
        if found is not None:
            found.words = (noun.i,) if noun is not None else ()
            if not actors or not targets:
                found.confidence = 0.5
        return found

    def _normalisation(self, tok: Token) -> Found | None:
        if tok.pos_ in ("VERB", "AUX"):
            actors = self.args.subjects(tok)
        elif tok.pos_ in ("NOUN", "PROPN"):
            actors = self.args.possessors(tok) or self.args.owners(tok)
        else:
            return None
        return self._relation_found(ESTABLISH, tok, None, actors)

    # -- "X followed suit", "X did the same" ----------------------------------------------------
    def _is_follow_up(self, verb: Token) -> bool:
        lemma = verb.lemma_.lower()
        if lemma in self.lex.follow_verbs:
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            return all(o.lemma_.lower() in self.lex.follow_objects or self.args.span_at(o) is not None
                       for o in objects)
        return lemma == "do" and any(c.dep_ in ("dobj", "advmod") and c.lower_ in self.lex.do_words
                                     for c in verb.children)

    def _follow_up(self, verb: Token, earlier: list[Found]) -> Found | None:
        """X repeats the latest recognition-family act of the last sentences toward its targets.
        The follow-up's own modality wins ("is expected to follow suit" is an intent); asserted,
        it copies the earlier act's type and modality ("refused to recognise X; Y did the same")."""
        floor = self.args.sentence_floor(verb)
        act = next((f for f in reversed(earlier) if f.actors and f.targets and f.trigger.i < verb.i), None)
        if act is None or act.trigger.i < floor:
            return None
        leaders = self._codes(act.actors)
        actors = [s for s in self.args.subjects(verb, leaders) if actor_code(s) not in leaders]
        actors = [s for s in actors if actor_kind(s) in self.lex.target_kinds or actor_kind(s) != "media"]
        if not actors:
            return None
        targets = [s for s in act.targets if actor_code(s) not in self._codes(actors)]
        if not targets:
            return None
        modality = modality_of(verb, self.cues)
        if modality == ASSERTED:
            return Found(act.type, verb, actors, targets, act.modality, source=act.source, confidence=0.6,
                         trigger_end=verb.i + 1, base=act.base or act.type)
        found = self._retype(Found(act.base or act.type, verb, actors, targets, modality, source=act.source,
                                   confidence=0.6))
        return found

    # -- typing -------------------------------------------------------------------------------
    def _typed(self, kind: str, trigger: Token, actors: list[Span], targets: list[Span],
               modality_word: Token | None = None) -> Found | None:
        modality = modality_of(modality_word or trigger, self.cues)
        found = Found(kind, trigger, actors, targets, modality)
        return self._retype(found, modality_word)

    def _retype(self, found: Found, modality_word: Token | None = None) -> Found | None:
        # a mention that resolves to no code cannot be a party; leave the slot for inheritance
        found.actors = [s for s in found.actors if actor_code(s)]
        found.targets = [s for s in found.targets if actor_code(s)]
        kind, modality = found.type, found.modality
        found.base = found.base or kind
        if kind in (RECOGNIZE, MAINTAIN) and self._ceases(found.trigger, modality):
            # "no longer recognises X", "starting now, does not recognise X", "stopped recognising":
            # the end of a recognition (or of maintained ties) is a withdrawal (or a sever)
            found.type = found.base = WITHDRAW if kind == RECOGNIZE else SEVER
            if modality == NEGATED:
                found.modality = refusal_modality(modality_word or found.trigger, self.cues)
            kind, modality = found.type, found.modality
        elif kind == MAINTAIN:
            return None
        talks = self._talks_context(found.trigger)
        if kind in (RECOGNIZE, ESTABLISH):
            if modality == NEGATED:
                found.type = REFUSE
                # the negation makes the refusal; the refusal itself is stated (docs/events.md)
                found.modality = refusal_modality(modality_word or found.trigger, self.cues)
                if found.modality == POSSIBLE:
                    return None
            elif talks:
                found.type = TALKS
            elif modality == CONDITIONAL and is_hedged(found.trigger, self.cues):
                return None  # "may recognise X if ...": a hypothesis, not an announcement
            elif kind == RECOGNIZE and modality in (FUTURE, CONDITIONAL):
                found.type = INTENT
            elif modality == POSSIBLE:
                return None
        elif kind == SUPPORT:
            return found if modality in (ASSERTED, FUTURE) else None
        elif modality in (NEGATED, POSSIBLE):
            return None
        if found.trigger_end is None:
            particles = [c.i for c in found.trigger.children if c.dep_ == "prt"]
            found.trigger_end = max([found.trigger.i] + particles) + 1
        return found

    def _ceases(self, trigger: Token, modality: str) -> bool:
        """The act stops from now on: "no longer", "not ... any more / from now on / starting today",
        or a governing "stop / cease"."""
        if trigger.dep_ in ("xcomp", "dobj", "pcomp") and trigger.head.lemma_.lower() in self.lex.cease_verbs:
            return True
        clause = [trigger]
        while clause[-1].dep_ == "conj" and clause[-1].head is not clause[-1] and len(clause) < 4:
            clause.append(clause[-1].head)  # "starting now, X will not keep ties and does not recognise Y"
        for verb in clause:
            for child in verb.children:
                if child.dep_ not in ("advmod", "advcl", "prep", "npadvmod", "neg"):
                    continue
                words = {w.lower_ for w in child.subtree} if child.n_rights + child.n_lefts < 4 else {child.lower_}
                if words >= {"no", "longer"} or words >= {"no", "more"}:
                    return True
                if modality == NEGATED and (words & self.lex.change_adverbs
                                            or words & self.lex.change_openers and words & self.lex.change_times):
                    return True
        return False

    def _talks_context(self, trigger: Token) -> bool:
        tok = trigger
        for _ in range(_ANCESTOR_LIMIT):
            if tok.head is tok:
                return False
            if tok.dep_ in ("ccomp", "relcl", "parataxis"):
                return False
            tok = tok.head
            if tok.lemma_.lower() in self.lex.talks:
                return True
            if tok.lemma_.lower() in self.cues.reporting_verbs:
                return False
        return False

    def _targets(self, spans: list[Span]) -> list[Span]:
        return [s for s in spans if actor_kind(s) in self.lex.target_kinds]

    @staticmethod
    def _codes(spans: list[Span]) -> frozenset[str]:
        return frozenset(c for c in (actor_code(s) for s in spans) if c)
