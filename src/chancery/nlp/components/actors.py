"""``chancery_actors``: resolve actor mentions into ``doc.spans["actors"]`` (``span._.actor``).

Order of work on each doc:
1. gazetteer forms (states, contested entities, metonyms, demonyms, bodies, people, outlets),
   acronyms case-sensitively, everything else in any casing but all-lower-case;
2. elliptical coordination ("the Donetsk and Lugansk People's Republics" → DPR + LPR);
3. roles: "<state> [’s] <body|office> [, Name]" and "<body|office> of <state>" become one mention of
   that state, kind organisation (or person, with the person's name);
4. longest mention wins; the gazetteer wins over NER;
5. NER fallback: PERSON/ORG/NORP/GPE/FAC entities nothing above covers (code None).

Works without NER or parser (blank pipelines): steps 1-4 read tokens only.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from chancery.nlp.extensions import ACTORS, Resolved
from chancery.nlp.gazetteer import BODY, ENTITY_FORMS, PERSON, Form, Gazetteer

NER_KINDS = {"PERSON": "person", "ORG": "organisation", "NORP": "group", "GPE": "territory", "FAC": "organisation"}
STATE_KINDS = ("state", "contested_state", "territory")
# A one-word state form inside a longer entity of these labels is part of a name ("Paris Hilton",
# "Moscow State University", "Minsk agreements"), not a mention of the state.
NAME_LABELS = ("PERSON", "ORG", "FAC", "LAW", "EVENT", "WORK_OF_ART", "PRODUCT")
CONJUNCTIONS = ("and", "&", "or", ",")
POSSESSIVE_TOKENS = ("'s", "’s", "'", "’")
ARTICLE_WORDS = ("the", "a", "an")
STANCE_PREFIXES = ("pro", "anti", "non")
STANCE_SUFFIXES = ("backed", "speaking", "born", "based", "aligned", "friendly", "leaning", "funded",
                   "sponsored", "installed", "style", "type", "language")

# Names that take "the" after "of": "Foreign Ministry of the United States".
ARTICLE_NAME_WORDS = frozenset({
    "Republic", "Union", "Kingdom", "States", "Islands", "Emirates", "See", "Netherlands", "Gambia",
    "Bahamas", "Philippines", "Maldives", "Comoros", "Seychelles", "Court", "Council", "Commission",
    "Assembly", "Organization", "Organisation", "League", "Forum", "Group", "Community", "Movement",
    "Bank", "Fund", "Agency", "Committee", "Nations", "Parliament",
})

# Ranks break ties between candidate mentions of equal length (higher wins).
# A role shared by coordinated states outranks the bare state mention it rewrites.
RANK_SHARED, RANK_PERSON, RANK_ENTITY, RANK_BODY, RANK_MEDIA, RANK_ROLE = 6, 5, 4, 3, 2, 1


@dataclass
class Candidate:
    start: int
    end: int
    actor: Resolved
    form: str
    rank: int


@Language.factory(
    "chancery_actors",
    assigns=["doc.spans"],
    requires=[],
    default_config={"lexicon_dir": None},
)
def make_actor_recognizer(nlp: Language, name: str, lexicon_dir: str | None) -> ActorRecognizer:
    return ActorRecognizer(nlp, name, Gazetteer.load(lexicon_dir))


class ActorRecognizer:
    """Matchers are built once here; ``__call__`` only runs them."""

    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer) -> None:
        self.name = name
        self.gazetteer = gazetteer
        self.exact_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.role_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.forms: dict[int, Form] = {}
        self.roles: dict[int, tuple[str, bool]] = {}  # match id → (canonical role, is an office)
        for form in gazetteer.forms:
            key = ("x:" if form.exact else "f:") + form.text
            self.forms[nlp.vocab.strings.add(key)] = form
            matcher = self.exact_matcher if form.exact else self.folded_matcher
            matcher.add(key, [nlp.make_doc(t) for t in _apostrophe_variants(form.text)])
        for table, is_office in ((gazetteer.body_roles, False), (gazetteer.office_roles, True)):
            for text, canonical in table.items():
                key = f"role:{text}"
                self.roles[nlp.vocab.strings.add(key)] = (canonical, is_office)
                self.role_matcher.add(key, [nlp.make_doc(t) for t in _apostrophe_variants(text)])

    # ------------------------------------------------------------------ pipeline entry
    def __call__(self, doc: Doc) -> Doc:
        candidates = self._gazetteer_candidates(doc)
        candidates += self._coordination_candidates(doc, candidates)
        candidates += self._role_candidates(doc, candidates)
        chosen = _select(candidates)
        chosen = self._drop_inside_person_names(doc, chosen)
        chosen += _ner_fallback(doc, chosen)
        spans = []
        for cand in sorted(chosen, key=lambda c: (c.start, c.end)):
            span = Span(doc, cand.start, cand.end, label=cand.actor.kind)
            span._.actor = cand.actor
            spans.append(span)
        doc.spans[ACTORS] = spans
        return doc

    # ------------------------------------------------------------------ 1. gazetteer
    def _gazetteer_candidates(self, doc: Doc) -> list[Candidate]:
        out = []
        for match_id, start, end in self.exact_matcher(doc) + self.folded_matcher(doc):
            form = self.forms[match_id]
            if not form.exact and not form.text.islower() and doc[start:end].text.islower():
                continue  # "china", "turkey": common words, not states
            if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in STANCE_PREFIXES:
                continue  # "pro-Russian separatists" are not Russia
            if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in STANCE_SUFFIXES:
                continue  # nor are "Russian-backed" or "Russian-speaking" ones
            out.append(Candidate(start, end, form.actor, form.form, _form_rank(form.form)))
        return out

    # ------------------------------------------------------------------ 2. coordination
    def _coordination_candidates(self, doc: Doc, found: list[Candidate]) -> list[Candidate]:
        """'<A> and <B> <head>' where '<A> <head>' and '<B> <head>' are both known forms."""
        covered = {i for c in found for i in range(c.start, c.end)}
        out: list[Candidate] = []
        for conj in doc:
            if conj.lower_ not in CONJUNCTIONS or conj.i == 0:
                continue
            right_start = conj.i + 1
            if right_start < len(doc) and doc[right_start].lower_ == "the":
                right_start += 1
            for size in (4, 3, 2):
                right_end = right_start + size
                if right_end > len(doc):
                    continue
                right_text = _singular_text(doc[right_start:right_end], self.gazetteer.plural_heads)
                right = self.gazetteer.lookup(right_text, allow_lowercase=False)
                if right is None or right.form not in ENTITY_FORMS:
                    continue
                left = self._left_conjunct(doc, conj.i, doc[right_start:right_end], right_text, covered)
                if left is not None:
                    out.append(left)
                out.append(Candidate(right_start, right_end, right.actor, right.form, RANK_ENTITY))
                break
        return out

    def _left_conjunct(self, doc: Doc, conj_i: int, right: Span, right_text: str,
                       covered: set[int]) -> Candidate | None:
        for head_from in range(1, len(right)):
            head = right_text[right[head_from].idx - right.start_char:]
            for left_size in (2, 1):
                left_start = conj_i - left_size
                if left_start < 0 or any(i in covered for i in range(left_start, conj_i)):
                    continue
                left = doc[left_start:conj_i]
                if not all(t.is_title or t.is_upper for t in left):
                    continue
                form = self.gazetteer.lookup(f"{left.text} {head}", allow_lowercase=False)
                if form is not None and form.form in ENTITY_FORMS:
                    return Candidate(left_start, conj_i, form.actor, form.form, RANK_ENTITY)
        return None

    # ------------------------------------------------------------------ 3. roles
    def _role_candidates(self, doc: Doc, found: list[Candidate]) -> list[Candidate]:
        roles: dict[int, tuple[int, str, bool]] = {}  # start → (end, canonical, is office), longest
        for match_id, start, end in self.role_matcher(doc):
            if start not in roles or roles[start][0] < end:
                roles[start] = (end, *self.roles[match_id])
        role_ends: dict[int, tuple[int, str, bool]] = {}  # end → longest role ending there
        for start, (end, canonical, office) in sorted(roles.items(), reverse=True):
            role_ends[end] = (start, canonical, office)
        entities = sorted((c for c in found if c.form in ENTITY_FORMS and c.actor.code), key=lambda c: c.start)
        bodies = {c.start: c for c in found if c.form == BODY}
        persons = {c.start: c for c in found if c.form == PERSON}
        out: list[Candidate] = []
        for ent in entities:
            role_start = ent.end
            if role_start < len(doc) and doc[role_start].text in POSSESSIVE_TOKENS:
                role_start += 1
            body = bodies.get(role_start)
            own_end = ent.end  # "head of [the North Korean Foreign Ministry]": the state's own body
            if body is not None and body.actor.country == ent.actor.code:
                out.append(Candidate(ent.start, body.end, body.actor, BODY, RANK_ROLE))
                own_end = body.end
            elif role_start in roles:
                end, canonical, office = roles[role_start]
                out.append(self._role_mention(doc, ent, (ent.start, end), canonical, office, persons, roles))
                own_end = end if not office else own_end
            of_i = ent.start - 1
            if of_i > 0 and doc[of_i].lower_ == "the":
                of_i -= 1
            if of_i > 0 and doc[of_i].lower_ == "of" and of_i in role_ends:
                start, canonical, office = role_ends[of_i]
                out.append(self._role_mention(doc, ent, (start, own_end), canonical, office, persons, roles))
        out += _shared_roles(doc, entities, out)
        return out

    def _role_mention(self, doc: Doc, ent: Candidate, bounds: tuple[int, int], role: str, office: bool,
                      persons: dict[int, Candidate], roles: dict[int, tuple[int, str, bool]]) -> Candidate:
        start, end = bounds
        state = ent.actor
        country = state.code if state.kind in STATE_KINDS else None
        if office:
            named = self._name_after(doc, end, persons, roles)
            if named is not None:
                name_end, person = named
                return Candidate(start, name_end, Resolved(state.code, person, "person", country),
                                 PERSON, RANK_ROLE)
        return Candidate(start, end, Resolved(state.code, f"{role} of {_with_article(state.name)}", "organisation", country),
                         BODY, RANK_ROLE)

    def _name_after(self, doc: Doc, i: int, persons: dict[int, Candidate],
                    roles: dict[int, tuple[int, str, bool]]) -> tuple[int, str] | None:
        """The person named right after an office ("President Vladimir Putin", "minister, Ana Ruiz")."""
        while True:  # chained offices: "Minister Foreign Minister X", "Deputy PM and Foreign Minister X"
            if i in roles and roles[i][2]:
                i = roles[i][0]
            elif i + 1 < len(doc) and doc[i].lower_ == "and" and roles.get(i + 1, (0, "", False))[2]:
                i += 1
            else:
                break
        if i < len(doc) and doc[i].text == ",":
            i += 1
        if i >= len(doc) or i in roles:
            return None
        if i in persons:
            return persons[i].end, persons[i].actor.name
        if doc[i].ent_type_ and doc[i].ent_type_ != "PERSON":
            return None  # NER knows better: "Central News Agency" is no name
        for ent in doc.ents:
            if ent.start == i and ent.label_ == "PERSON" and len(ent) <= 5:
                return ent.end, ent.text
        end = i
        stop = self.gazetteer.name_stopwords
        while end < len(doc) and end - i < 5:
            tok = doc[end]
            is_word = tok.is_title and tok.is_alpha and tok.lower_ not in stop and not self._starts_form(doc, end)
            is_hyphen = tok.text == "-" and end > i and not doc[end - 1].whitespace_ and end + 1 < len(doc) \
                and doc[end + 1].is_title
            if not (is_word or is_hyphen):
                break
            end += 1
        if end == i:
            return None
        if end < len(doc) and doc[end].is_title and doc[end].lower_ in stop:
            return None  # "Central News Agency": the run was the start of an organisation's name
        return end, doc[i:end].text

    def _other_name_words(self, doc: Doc, ent: Span, skip: int) -> bool:
        """True if ``ent`` has other name words besides token ``skip``, none of them an actor form."""
        words = [j for j in range(ent.start, ent.end)
                 if j != skip and doc[j].is_alpha and doc[j].lower_ not in ARTICLE_WORDS]
        return bool(words) and not any(doc[j].is_upper or self._starts_form(doc, j) for j in words)

    def _starts_form(self, doc: Doc, i: int) -> bool:
        form = self.gazetteer.lookup(doc[i].text, allow_lowercase=False)
        return form is not None and form.form != PERSON

    # ------------------------------------------------------------------ 4. NER interplay
    def _drop_inside_person_names(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """"Jordan" in "Michael Jordan" is no state: drop one-token forms inside longer named entities."""
        if not doc.ents:
            return chosen
        person_ents = [e for e in doc.ents if e.label_ in NAME_LABELS and len(e) > 1]
        if not person_ents:
            return chosen
        kept = []
        for cand in chosen:
            inside = cand.form in ENTITY_FORMS and cand.end - cand.start == 1 and not doc[cand.start].is_upper \
                and any(e.start <= cand.start and cand.end <= e.end and self._other_name_words(doc, e, cand.start)
                        for e in person_ents)
            if not inside:
                kept.append(cand)
        return kept


def _shared_roles(doc: Doc, entities: list[Candidate], roles: list[Candidate]) -> list[Candidate]:
    """'the Russian and Chinese foreign ministries': the role after the last conjunct applies to all."""
    by_start = {c.start: c for c in roles if c.form == BODY}
    out = []
    for ent in entities:
        nxt = ent.end
        if nxt < len(doc) and doc[nxt].lower_ in CONJUNCTIONS:
            role = by_start.get(nxt + 1)
            if role is not None and role.actor.kind == "organisation":
                base = role.actor.name.rsplit(" of ", 1)[0]
                country = ent.actor.code if ent.actor.kind in STATE_KINDS else None
                out.append(Candidate(ent.start, ent.end, Resolved(ent.actor.code, f"{base} of {_with_article(ent.actor.name)}",
                                                                  "organisation", country), BODY, RANK_SHARED))
    return out


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Longest first, then rank, then earliest; no two chosen mentions share a token."""
    taken: set[int] = set()
    chosen = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), -c.rank, c.start)):
        tokens = range(cand.start, cand.end)
        if any(i in taken for i in tokens):
            continue
        taken.update(tokens)
        chosen.append(cand)
    return chosen


def _ner_fallback(doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
    taken = {i for c in chosen for i in range(c.start, c.end)}
    out = []
    for ent in doc.ents:
        kind = NER_KINDS.get(ent.label_)
        if kind is None:
            continue
        start = ent.start
        while start < ent.end and doc[start].lower_ in ARTICLE_WORDS:
            start += 1
        end = ent.end
        if end > start and doc[end - 1].text in POSSESSIVE_TOKENS:
            end -= 1
        if start >= end or any(i in taken for i in range(start, end)):
            continue
        out.append(Candidate(start, end, Resolved(None, doc[start:end].text, kind, None), ent.label_, 0))
    return out


def _form_rank(form: str) -> int:
    if form == PERSON:
        return RANK_PERSON
    if form == BODY:
        return RANK_BODY
    if form in ENTITY_FORMS:
        return RANK_ENTITY
    return RANK_MEDIA


def _singular_text(span: Span, plural_heads: dict[str, str]) -> str:
    last = span[-1]
    singular = plural_heads.get(last.lower_)
    if singular is None:
        return span.text
    if last.is_title:
        singular = singular.capitalize()
    elif last.is_upper:
        singular = singular.upper()
    return span[:-1].text_with_ws + singular if len(span) > 1 else singular


def _with_article(name: str) -> str:
    """"Foreign Ministry of the United States", "... of the Netherlands", but "... of Russia"."""
    words = set(name.split())
    return f"the {name}" if words & ARTICLE_NAME_WORDS else name


def _apostrophe_variants(text: str) -> list[str]:
    variants = {text, text.replace("'", "’"), text.replace("’", "'")}
    return sorted(variants)
