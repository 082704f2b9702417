"""Modality of an event trigger from the dependency parse: asserted, negated, future, conditional
or possible.

The rules look at the trigger and the chain of words that govern it without opening a new
statement (infinitive complements, coordinated verbs, gerund objects, a noun the trigger
complements): "did not decide to recognise" is negated, "is expected to follow suit and
recognise" is future, "will recognise in September unless ..." is conditional. A reporting
verb ends the chain: in "X said Y had recognised Z" the saying does not change Y's act.
Priority: negated > conditional > future > possible > asserted. Cue words live in
``lang/en/events.toml`` ([modality]).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from chancery.lang.loader import load_lexicon

ASSERTED, NEGATED, FUTURE, CONDITIONAL, POSSIBLE = "asserted", "negated", "future", "conditional", "possible"

# Dependencies through which a governing word's modality reaches the trigger.
_CHAIN_DEPS = frozenset({"xcomp", "conj", "pcomp", "acl", "advcl", "dobj", "pobj", "prep", "nsubjpass"})
_CHAIN_LIMIT = 6


@dataclass(frozen=True)
class ModalityCues:
    negation: frozenset[str]
    refusal_heads: frozenset[str]
    future_aux: frozenset[str]
    future_heads: frozenset[str]
    future_going: frozenset[str]
    possible_aux: frozenset[str]
    possible_heads: frozenset[str]
    possible_adverbs: frozenset[str]
    conditional_marks: frozenset[str]
    conditional_weak_marks: frozenset[str]
    lifting_marks: frozenset[str]
    refusal_hedges: frozenset[str]
    stance_heads: frozenset[str]
    pending_adverbs: frozenset[str]
    noun_negation: frozenset[str]
    noun_future: frozenset[str]
    noun_possible: frozenset[str]
    reporting_verbs: frozenset[str]

    @classmethod
    def from_lexicon(cls, data: dict[str, list[str]]) -> ModalityCues:
        return cls(**{name: frozenset(w.lower() for w in data.get(name, [])) for name in cls.__dataclass_fields__})


def load_modality_cues(lexicon_dir: str | None = None) -> ModalityCues:
    return ModalityCues.from_lexicon(load_lexicon("events", lexicon_dir=lexicon_dir)["modality"])


@lru_cache(maxsize=1)
def _shipped_cues() -> ModalityCues:
    return load_modality_cues(None)


def governing_chain(trigger: Token, cues: ModalityCues) -> list[Token]:
    """The trigger and the words that govern it within the same statement (see module doc)."""
    chain = [trigger]
    tok = trigger
    for _ in range(_CHAIN_LIMIT):
        if tok.dep_ not in _CHAIN_DEPS or tok.head is tok:
            break
        head = tok.head
        if head.lemma_.lower() in cues.reporting_verbs and head.pos_ in ("VERB", "AUX"):
            break
        # A verb in an adverbial clause or a noun's object is its own act unless it is a gerund
        # or participle hanging off the governing clause ("..., recognising X").
        if tok.dep_ == "advcl" and tok.tag_ not in ("VBG", "VBN"):
            break
        if tok.dep_ in ("pobj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN") and tok is not trigger:
            break
        if tok.dep_ == "conj" and any(c.dep_ in ("aux", "neg", "nsubj", "nsubjpass") for c in tok.children):
            break  # "will not maintain ties and does not recognise": each verb has its own marking
        chain.append(head)
        tok = head
    return chain


def _condition_marks(tok: Token) -> set[str]:
    """Subordinators of the adverbial clauses and prepositions hanging off ``tok``."""
    marks: set[str] = set()
    for child in tok.children:
        if child.dep_ == "advcl":
            marks.update(g.lower_ for g in child.children if g.dep_ in ("mark", "advmod"))
        elif child.dep_ in ("prep", "mark"):
            marks.add(child.lower_)
    return marks


@dataclass
class _Marks:
    negations: int = 0
    future: bool = False
    possible: bool = False
    conditional: bool = False
    weak_condition: bool = False
    # strong condition words other than "unless / until / without" (what would end a refusal)
    binding_condition: bool = False
    hedged: bool = False  # "may / might / perhaps": possibility in the narrow sense


def _marks(trigger: Token, cues: ModalityCues) -> _Marks:
    marks = _Marks()
    chain = governing_chain(trigger, cues)
    for depth, tok in enumerate(chain):
        lemma = tok.lemma_.lower()
        # a governing word colours the act only through its complement ("plans to recognise",
        # "its plan to recognise", "considering recognising"), not through a coordinated verb
        below = chain[depth - 1] if depth else None
        complement = below is not None and (below.dep_ in ("xcomp", "acl", "pcomp")
                                            or below.dep_ == "dobj" and below.tag_ == "VBG")
        if complement and lemma in cues.refusal_heads:
            marks.negations += 1
        if complement and below is not None and below.dep_ == "xcomp" and any(
                c.dep_ == "advmod" and c.lower_ in cues.pending_adverbs for c in tok.children):
            marks.negations += 1  # "has yet to recognise": not done
        if complement and lemma in cues.future_heads:
            marks.future = True
        if complement and lemma in cues.future_going and tok.tag_ == "VBG":
            marks.future = True
        if complement and lemma in cues.possible_heads | cues.stance_heads:
            marks.possible = True
        would = False
        for child in tok.children:
            dep, word = child.dep_, child.lower_
            if dep == "neg" or (dep in ("advmod", "det", "preconj") and word in cues.negation):
                marks.negations += 1
            elif dep in ("aux", "auxpass"):
                if word == "would" or child.lemma_.lower() == "would":
                    would = True
                elif word in cues.future_aux or child.lemma_.lower() in cues.future_aux:
                    marks.future = True
                elif word in cues.possible_aux:
                    marks.possible = True
                    marks.hedged = marks.hedged or word in cues.refusal_hedges
            elif dep in ("advmod", "amod") and word in cues.possible_adverbs:
                marks.possible = True
                marks.hedged = marks.hedged or word in cues.refusal_hedges
            elif dep == "amod" and tok.pos_ == "NOUN":
                if word in cues.noun_future:
                    marks.future = True
                elif word in cues.noun_possible:
                    marks.possible = True
                elif word in cues.noun_negation:
                    marks.negations += 1
        if would:
            marks.future = True
        found = _condition_marks(tok)
        strong = found & cues.conditional_marks
        if strong:
            marks.conditional = True
            marks.binding_condition = marks.binding_condition or bool(strong - cues.lifting_marks)
        elif found & cues.conditional_weak_marks:
            marks.weak_condition = True
    return marks


def modality_of(trigger: Token, cues: ModalityCues | None = None) -> str:
    """asserted | negated | future | conditional | possible for the act ``trigger`` names."""
    cues = cues or _shipped_cues()
    marks = _marks(trigger, cues)
    if marks.negations % 2:
        return NEGATED
    if (marks.conditional or marks.weak_condition) and (marks.future or marks.possible):
        return CONDITIONAL
    if marks.future:
        return FUTURE
    if marks.possible:
        return POSSIBLE
    if marks.conditional and trigger.pos_ in ("VERB", "AUX"):
        return CONDITIONAL
    return ASSERTED


def refusal_modality(trigger: Token, cues: ModalityCues | None = None) -> str:
    """The modality of a refusal itself (the negated act ``trigger`` names; see docs/events.md).

    The negation is what makes the act a refusal, so it does not count again; a refusal is stated
    when it is said, so "will not" / "would not" are asserted too. "unless / until / without"
    name what would end the refusal, so it stays asserted; "if" makes the refusal itself
    conditional ("would not recognise X if it declared ..."); "may / might not" makes it possible.
    """
    cues = cues or _shipped_cues()
    marks = _marks(trigger, cues)
    if marks.binding_condition:
        return CONDITIONAL
    if marks.hedged:
        return POSSIBLE
    return ASSERTED


def is_hedged(trigger: Token, cues: ModalityCues | None = None) -> bool:
    """True when a possibility auxiliary or adverb governs the act ("may recognise ... if")."""
    cues = cues or _shipped_cues()
    for tok in governing_chain(trigger, cues):
        for child in tok.children:
            if child.dep_ in ("aux", "advmod") and child.lower_ in (cues.possible_aux | cues.possible_adverbs):
                return True
    return False


def reporting_verb(trigger: Token, cues: ModalityCues | None = None) -> Token | None:
    """The reporting verb whose complement states the event ("X said Y had recognised Z"), if any."""
    cues = cues or _shipped_cues()
    tok = trigger
    for _ in range(_CHAIN_LIMIT + 2):
        head = tok.head
        if head is tok:
            return None
        if tok.dep_ in ("ccomp", "parataxis", "xcomp", "advcl") and head.lemma_.lower() in cues.reporting_verbs \
                and head.pos_ in ("VERB", "AUX"):
            return head
        tok = head
    return None
