"""Who did it and to whom: event arguments from the dependency parse, mapped to actor mentions.

``Arguments(doc, cues)`` indexes ``doc.spans["actors"]`` once per Doc; then, for a trigger verb,
``subjects``/``objects`` return the actor mentions of its arguments, handling passive voice
("Kosovo was recognised by Togo"), relative clauses ("Syria, which recognised Abkhazia"),
control ("Pyongyang decided to recognise"; "urged Serbia to recognise" takes the object),
coordination ("Russia and Syria recognised the Donetsk and Lugansk republics" → two + two),
generic heads ("the independence of Kosovo", "Kosovo's statehood") and anaphora ("it", "them",
"the country", "the two republics": the most recent compatible actor(s) before the word).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from chancery.lang.loader import load_lexicon
from chancery.nlp.extensions import ACTORS

# Dependencies that stay inside a noun phrase argument (coordination included).
_CORE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "conj", "cc", "det", "nummod", "appos", "case",
                        "punct", "quantmod", "npadvmod"})
_SUBJ_DEPS = frozenset({"nsubj", "csubj"})
_RELATIVE = frozenset({"which", "who", "that", "whom", "whose"})
# Kinds of mention that can act or be acted upon in a diplomatic event.
_ARGUMENT_KINDS = frozenset({"state", "contested_state", "territory", "igo", "organisation", "person", "group"})
_ANAPHORA_SENTENCES = 3
# "the two republics" may name a group of contested entities introduced at the top of the article.
_GROUP_SENTENCES = 10
_NUMBERS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5}


@dataclass(frozen=True)
class ArgumentCues:
    anaphoric_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    anaphoric_nouns: frozenset[str]
    contested_nouns: frozenset[str]
    generic_heads: frozenset[str]
    object_control: frozenset[str]
    speaker_pronouns: frozenset[str]
    ranks: frozenset[str]
    copulas: frozenset[str]
    reporting_verbs: frozenset[str]

    @classmethod
    def from_lexicon(cls, data: dict[str, list[str]]) -> ArgumentCues:
        return cls(**{name: frozenset(w.lower() for w in data.get(name, [])) for name in cls.__dataclass_fields__})


def load_argument_cues(lexicon_dir: str | None = None) -> ArgumentCues:
    data = load_lexicon("events", lexicon_dir=lexicon_dir)
    return ArgumentCues.from_lexicon({**data["arguments"], "reporting_verbs": data["modality"]["reporting_verbs"]})


def actor_code(span: Span) -> str | None:
    """The code an actor mention acts for: its own, or for people and bodies the state they belong to."""
    resolved = span._.actor
    if resolved is None:
        return None
    if resolved.kind in ("person", "organisation", "media", "group") and resolved.country:
        return str(resolved.country)
    return resolved.code


def actor_kind(span: Span) -> str:
    resolved = span._.actor
    return str(resolved.kind) if resolved is not None else ""


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "advcl") and any(c.dep_ == "agent" for c in verb.children))


class Arguments:
    """Per-Doc argument finder; build once per Doc (indexes the actor mentions)."""

    def __init__(self, doc: Doc, cues: ArgumentCues) -> None:
        self.doc = doc
        self.cues = cues
        spans = [s for s in doc.spans.get(ACTORS, []) if s._.actor is not None and actor_kind(s) in _ARGUMENT_KINDS]
        spans.sort(key=lambda s: (s.start, -s.end))
        self.spans: list[Span] = spans
        self._ends = [s.end for s in spans]
        self._by_token: dict[int, Span] = {}
        for span in spans:
            for i in range(span.start, span.end):
                self._by_token.setdefault(i, span)

    # -- mentions -------------------------------------------------------------------------
    def span_at(self, token: Token) -> Span | None:
        return self._by_token.get(token.i)

    def _core_tokens(self, head: Token) -> list[Token]:
        """The noun phrase around ``head`` without clauses and non-"of" prepositions hanging off it."""
        out: list[Token] = []
        stack = [head]
        while stack:
            tok = stack.pop()
            out.append(tok)
            for child in tok.children:
                if child.dep_ == "appos" and self.span_at(tok) is not None and self.span_at(child) is None:
                    continue  # "Abkhazia, the rebel region of Georgia": a description, not a party
                if child.dep_ == "conj" and self._subject_of_next_clause(child):
                    continue  # "recognised the state and Serbia said ...": Serbia opens a clause
                if child.dep_ in _CORE_DEPS:
                    stack.append(child)
                elif child.dep_ == "prep" and child.lower_ == "of" and (
                        tok.lemma_.lower() in self.cues.generic_heads or self.span_at(tok) is not None):
                    stack.extend(g for g in child.children if g.dep_ == "pobj")
        return out

    def _subject_of_next_clause(self, conj: Token) -> bool:
        """A conjunct followed by a finite verb without a subject of its own is that verb's subject."""
        after = conj.right_edge.i + 1
        if after >= len(self.doc):
            return False
        verb = self.doc[after]
        if verb.tag_ not in ("VBD", "VBZ", "VBP", "MD"):
            return False
        if verb.dep_ in ("aux", "auxpass"):
            verb = verb.head
        return verb.pos_ in ("VERB", "AUX") and verb.dep_ in ("conj", "ROOT") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)

    def actors(self, head: Token, exclude: frozenset[str] = frozenset()) -> list[Span]:
        """Actor mentions an argument headed by ``head`` refers to (coordination → several)."""
        head = self._relative_antecedent(head)
        found: list[Span] = []
        seen: set[int] = set()
        for tok in sorted(self._core_tokens(head), key=lambda t: t.i):
            span = self.span_at(tok)
            if span is not None and span.start not in seen and actor_code(span):
                seen.add(span.start)
                found.append(span)
        found = self._dedupe(found, exclude)
        if found and head.lemma_.lower() in self.cues.contested_nouns and self.span_at(head) is None \
                and all(actor_kind(s) == "state" for s in found):
            # "two breakaway Georgian regions": the adjective names the parent state, not the regions
            return self.resolve_anaphor(head, exclude | {c for c in (actor_code(s) for s in found) if c})
        if found:
            return found
        if head.dep_ == "appos" and self.span_at(head.head) is not None:
            return self.actors(head.head, exclude)  # "Malawi, a country which recognised ..."
        if head.lemma_.lower() in self.cues.anaphoric_nouns and head.tag_ == "NNS" and head.dep_ in ("pobj", "attr"):
            # "Sierra Leone belongs to the countries that have withdrawn ...": the class named
            # after a copula or "one of / among" stands for the clause's subject
            owners = [s for s in self.owners(head, exclude) if actor_code(s)]
            if owners:
                return owners
        if self._defined_by_clause(head):
            return []  # "the remaining countries that recognise X": a class, not an earlier mention
        return self.resolve_anaphor(head, exclude)

    def _defined_by_clause(self, head: Token) -> bool:
        """A noun restricted by its own relative or participle clause ("countries that recognise X",
        "states recognising X") describes a class; "the two regions that broke away" still counts
        its referents and stays anaphoric, as does a non-restrictive ", which ..." clause."""
        if any(c.dep_ in ("det", "nummod", "predet") and c.lower_ in _NUMBERS for c in head.children):
            return False
        for child in head.children:
            if child.dep_ in ("relcl", "acl") and child.i > head.i and child.pos_ in ("VERB", "AUX"):
                before = self.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
                if before is None or before.lower_ not in (",", "(", "—", "–"):
                    return True
        return False

    def _dedupe(self, spans: list[Span], exclude: frozenset[str]) -> list[Span]:
        out: list[Span] = []
        codes: set[str | None] = set()
        for span in spans:
            code = actor_code(span)
            if code in exclude or code in codes:
                continue
            codes.add(code)
            out.append(span)
        return out

    def _relative_antecedent(self, tok: Token) -> Token:
        if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
            return tok.head.head
        return tok

    # -- anaphora -------------------------------------------------------------------------
    def resolve_anaphor(self, tok: Token, exclude: frozenset[str] = frozenset()) -> list[Span]:
        """The most recent compatible actor(s) before ``tok`` for a pronoun or a definite description."""
        word = tok.lower_
        lemma = tok.lemma_.lower()
        if word in self.cues.speaker_pronouns:
            return self._speaker(tok, exclude)
        definite = lemma in self.cues.anaphoric_nouns and any(
            c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "its", "their") for c in tok.children)
        if (word in ("it", "they") or definite and tok.tag_ not in ("NNS", "NNPS")) \
                and tok.dep_ in ("nsubj", "nsubjpass"):
            speaker = self._governing_subject(tok, exclude)
            if speaker:
                return speaker
        if word in self.cues.anaphoric_pronouns:
            plural = word in self.cues.plural_pronouns
            person = word in self.cues.person_pronouns
        elif lemma in self.cues.anaphoric_nouns and tok.pos_ in ("NOUN", "PROPN"):
            determiners = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "poss", "predet")}
            if self._ranked_class(tok):
                return []  # "the first country to recognise X" introduces its referent; it points nowhere
            if not determiners & {"the", "this", "that", "these", "those", "both", "two", "three", "its", "their"}:
                return []
            plural = tok.tag_ in ("NNS", "NNPS") or bool(determiners & {"both", "two", "three", "these", "those"})
            person = False
        else:
            return []
        contested = lemma in self.cues.contested_nouns
        wanted = 1
        counted = False  # "both / the two republics" name exactly that many
        if plural and word not in self.cues.anaphoric_pronouns:
            numbers = [_NUMBERS[c.lower_] for c in tok.children if c.lower_ in _NUMBERS]
            wanted = numbers[0] if numbers else 2
            counted = bool(numbers)
        window = _GROUP_SENTENCES if contested and plural else _ANAPHORA_SENTENCES
        sentence_floor = self.sentence_floor(tok, window)
        pos = bisect.bisect_right(self._ends, tok.i) - 1
        candidates: list[Span] = []
        first_group: list[Span] = []
        fallback: list[Span] = []
        while pos >= 0:
            span = self.spans[pos]
            pos -= 1
            if span.start < sentence_floor:
                break
            if span.end > tok.i:
                continue
            if not self._compatible(span, exclude, person, contested):
                continue
            code = actor_code(span)
            if candidates and actor_code(candidates[-1]) == code:
                continue
            if not plural:
                # centering: a subject of the last sentences is the likelier antecedent
                if span.root.dep_ in ("nsubj", "nsubjpass"):
                    return [span]
                fallback = fallback or [span]
                continue
            if candidates and not self._coordinated(span, candidates[-1]):
                # a run of coordinated mentions ended; "both republics" wants a group of two
                if len(self._dedupe(candidates, exclude)) >= wanted:
                    break
                first_group = first_group or candidates
                candidates = []
            candidates.append(span)
        if fallback:
            return fallback
        if plural and len(self._dedupe(candidates, exclude)) < wanted:
            if counted:
                return []  # "the two sides" with no pair named before: leave it unresolved
            candidates = first_group or candidates
        if not candidates and word not in self.cues.anaphoric_pronouns:
            return self._cataphor(tok, exclude, contested)
        return self._dedupe(list(reversed(candidates)), exclude)

    @staticmethod
    def _compatible(span: Span, exclude: frozenset[str], person: bool, contested: bool) -> bool:
        kind = actor_kind(span)
        code = actor_code(span)
        if code is None or code in exclude:
            return False
        if person != (kind == "person"):
            return False  # "he" wants a person; "it"/"they" skip people
        if contested and kind != "contested_state":
            return False
        return not (kind in ("igo", "media") and not person)

    def _governing_subject(self, tok: Token, exclude: frozenset[str]) -> list[Span]:
        """"Taiwan said it would end ties", "Burkina Faso broke them off when it shifted ...": the
        subject pronoun of a complement or adverbial clause is the governing clause's subject."""
        clause = tok.head
        for _ in range(3):
            if clause.dep_ not in ("ccomp", "advcl", "conj", "xcomp", "dep") or clause.head is clause:
                return []
            clause = clause.head
            heads = [h for h in self.subject_heads(clause)
                     if h.lower_ not in self.cues.anaphoric_pronouns | self.cues.speaker_pronouns]
            spans = [s for h in heads for s in self.actors(h, exclude)
                     if actor_kind(s) in ("state", "contested_state", "person", "organisation")]
            if spans:
                return spans if tok.lower_ == "they" else spans[:1]
        return []

    def _speaker(self, tok: Token, exclude: frozenset[str]) -> list[Span]:
        """"I" / "we": the subject of the reporting verb governing the statement, else of the last
        reporting verb in this or the previous sentence (a quote that runs on)."""
        for ancestor in list(tok.ancestors)[:6]:
            if ancestor.lemma_.lower() in self.cues.reporting_verbs and ancestor.pos_ == "VERB":
                spans = self._speaker_of(ancestor, tok, exclude)
                if spans:
                    return spans
        floor = self.sentence_floor(tok, 2)
        for i in range(tok.i - 1, floor - 1, -1):
            verb = self.doc[i]
            if verb.lemma_.lower() in self.cues.reporting_verbs and verb.pos_ == "VERB":
                return self._speaker_of(verb, tok, exclude)
        return []

    def _speaker_of(self, verb: Token, tok: Token, exclude: frozenset[str]) -> list[Span]:
        heads = [h for h in self.subject_heads(verb) if h.lower_ not in self.cues.speaker_pronouns and h.i != tok.i]
        spans = [s for h in heads for s in self.actors(h, exclude)
                 if actor_kind(s) in ("state", "contested_state", "person", "organisation")]
        return spans[:1]

    def _cataphor(self, tok: Token, exclude: frozenset[str], contested: bool = False) -> list[Span]:
        """"Because the island nation chose ..., Taiwan cut ties with the Solomon Islands": with no
        antecedent, a description names a state that follows in its sentence, in a clause that
        governs the description's own. The subject of a coordinated clause ("X recognised both
        republics, and Syria followed") is another party, never the referent."""
        sent = tok.sent
        ancestors = {a.i for a in tok.ancestors}
        for span in self.spans:
            if span.start <= tok.i or span.start >= sent.end:
                continue
            code = actor_code(span)
            kinds = ("contested_state",) if contested else ("state", "contested_state")
            if not code or code in exclude or actor_kind(span) not in kinds:
                continue
            if self._clause_of(span.root).i in ancestors:
                return [span]
        return []

    @staticmethod
    def _clause_of(tok: Token) -> Token:
        """The verb whose clause a mention belongs to."""
        for _ in range(8):
            if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
                return tok
            tok = tok.head
        return tok

    def _coordinated(self, left: Span, right: Span) -> bool:
        """Only "and", commas and determiners between two mentions ("Donetsk and Lugansk")."""
        between = self.doc[left.end:right.start]
        return len(between) <= 3 and all(t.lower_ in {"and", ",", "the", "&", "as", "well"} for t in between)

    def sentence_floor(self, tok: Token, sentences: int = _ANAPHORA_SENTENCES) -> int:
        """Index of the first token of the sentence ``sentences - 1`` sentences before ``tok``'s."""
        sent = tok.sent
        start = sent.start
        for _ in range(sentences - 1):
            if start == 0:
                break
            start = self.doc[start - 1].sent.start
        return start

    # -- arguments of a verb ----------------------------------------------------------------
    def subject_heads(self, verb: Token) -> list[Token]:
        """Heads of the doer of ``verb``: subject, passive agent, controller, relative antecedent."""
        if is_passive(verb):
            return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        subjects = [c for c in verb.children if c.dep_ in _SUBJ_DEPS]
        if len(subjects) > 1:  # a clause has one subject: the model hung a far noun phrase on it too
            preceding = [c for c in subjects if c.i < verb.i]
            subjects = preceding[-1:] or subjects[:1]
        if subjects:
            heads = [self._relative_antecedent(s) for s in subjects]
            return sorted(heads + [o for h in heads for o in self._orphan_conjunct(h)], key=lambda t: t.i)
        misparsed = [c for c in verb.children if c.i < verb.i and c.dep_ in ("advmod", "npadvmod", "dep", "nmod")
                     and self.span_at(c) is not None]
        if misparsed:  # the small model sometimes attaches a sentence-initial name as a modifier
            return misparsed[-1:]
        head = verb.head
        if head is verb:
            return []
        if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "pcomp"):
            # "agreed to Israel and the UAE normalising their ties": the small model hangs the
            # gerund's subject on the preposition before it
            before = self.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
            if before is not None and before.dep_ in ("pobj", "dobj", "conj") and self.span_at(before) is not None \
                    and before.head is not verb:
                while before.dep_ == "conj" and before.head.i < before.i:
                    before = before.head
                return [before]
        if verb.dep_ in ("relcl", "acl") and self._ranked_class(head) and not self.owner_heads(head):
            # "X was, notably, the first country to recognise Y", parsed without the copula link
            root = verb.sent.root
            if root.lemma_.lower() in self.cues.copulas:
                return [c for c in root.children if c.dep_ == "nsubj"]
        if verb.dep_ in ("xcomp", "conj") and is_passive(head) and not any(c.dep_ == "agent" for c in head.children):
            # raising: "Slovenia is expected to recognise", "X was forced to cut ties"
            return [self._relative_antecedent(c) for c in head.children if c.dep_ == "nsubjpass"]
        if verb.dep_ == "xcomp":
            if head.lemma_.lower() in self.cues.object_control:
                # "urged Serbia to recognise", "appealed to the world to recognise", "called on X to ..."
                addressees = [c for c in head.children if c.dep_ == "dobj"] or self.prep_object_heads(
                    head, {"to", "on", "upon"})
                if addressees:
                    return addressees
            return self.subject_heads(head)
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.lemma_.lower() in self.cues.object_control:
            # "pressed his allies into recognising"
            addressees = [c for c in head.head.children if c.dep_ == "dobj"]
            if addressees:
                return addressees
        if verb.dep_ in ("conj", "advcl", "pcomp", "ccomp", "dep") and head.pos_ in ("VERB", "AUX"):
            return self.subject_heads(head)
        if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
            if self.span_at(head) is not None:
                return [head]  # "Syria, having recognised Abkhazia, ..."
            if head.dep_ == "appos" and self.span_at(head.head) is not None:
                return [head.head]  # "Malawi, a country recognising Kosovo since 2008, ..."
            if head.lemma_.lower() in self.cues.anaphoric_nouns and head.dep_ not in ("pobj", "attr"):
                # "the remaining countries recognising X": the class is the doer; it names no actor
                return [head] if not self._defined_by_clause(head) else []
        if verb.dep_ in ("acl", "relcl", "pcomp", "pobj"):
            return self.owner_heads(head)
        return []

    def _orphan_conjunct(self, subject: Token) -> list[Token]:
        """"Israel and the UAE normalising ...", parsed with "Israel" left behind as the object of
        the word before: a mention right before "and <subject>" whose "and" has no conjunct."""
        left = subject.left_edge.i
        if left < 2:
            return []
        cc = self.doc[left - 1]
        owner = cc.head
        if cc.dep_ != "cc" or owner.i != left - 2 or self.span_at(owner) is None \
                or any(c.dep_ == "conj" for c in owner.children):
            return []
        return [owner]

    def _ranked_class(self, noun: Token) -> bool:
        """"the first / only / latest country": a class noun ranked by an ordinal."""
        return noun.lemma_.lower() in self.cues.anaphoric_nouns and any(
            c.dep_ == "amod" and c.lower_ in self.cues.ranks for c in noun.children)

    def owner_heads(self, noun: Token) -> list[Token]:
        """Whose is a noun or a clause hanging off one: its possessor, else the subject of the verb
        governing it ("its decision to recognise", "signed a decree recognizing", "became one of
        the countries to recognise")."""
        tok = noun
        for _ in range(4):
            if tok.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
                possessors = [c for c in tok.children if c.dep_ == "poss"]
                if possessors:
                    return possessors
            if tok is not noun and tok.pos_ in ("VERB", "AUX"):
                return self.subject_heads(tok)
            if tok.dep_ not in ("pobj", "prep", "attr", "dobj", "nsubjpass", "appos", "pcomp", "acl", "npadvmod") \
                    or tok.head is tok:
                break
            tok = tok.head
        return []

    def owners(self, noun: Token, exclude: frozenset[str] = frozenset()) -> list[Span]:
        return [s for h in self.owner_heads(noun) for s in self.actors(h, exclude)]

    def object_heads(self, verb: Token) -> list[Token]:
        """Heads of what ``verb`` acts upon: direct object, passive subject, modified noun."""
        if is_passive(verb):
            heads = [c for c in verb.children if c.dep_ in ("nsubjpass", "csubjpass")]
            if not heads and verb.dep_ in ("acl", "relcl"):
                heads = [verb.head]
            return [self._relative_antecedent(h) for h in heads]
        heads = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        if not heads and verb.dep_ == "relcl":
            heads = [verb.head]
        return [self._relative_antecedent(h) for h in heads]

    def prep_object_heads(self, token: Token, preps: frozenset[str] | set[str]) -> list[Token]:
        """Objects of the prepositions in ``preps`` attached to ``token`` ("relations with X")."""
        out: list[Token] = []
        for child in token.children:
            if child.dep_ in ("prep", "agent") and child.lower_ in preps:
                out.extend(g for g in child.children if g.dep_ == "pobj")
        return out

    def subjects(self, verb: Token, exclude: frozenset[str] = frozenset()) -> list[Span]:
        return [s for h in self.subject_heads(verb) for s in self.actors(h, exclude)]

    def objects(self, verb: Token, exclude: frozenset[str] = frozenset()) -> list[Span]:
        return [s for h in self.object_heads(verb) for s in self.actors(h, exclude)]

    def prep_objects(self, token: Token, preps: frozenset[str] | set[str],
                     exclude: frozenset[str] = frozenset()) -> list[Span]:
        return [s for h in self.prep_object_heads(token, preps) for s in self.actors(h, exclude)]

    def possessors(self, noun: Token, exclude: frozenset[str] = frozenset()) -> list[Span]:
        """Actors named as the noun's owner or modifier ("Israel's", "U.S.", "Swedish" recognition)."""
        out: list[Span] = []
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < noun.i:
                out.extend(self.actors(child, exclude))
        return self._dedupe(out, exclude)
