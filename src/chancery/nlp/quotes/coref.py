"""Rule-based coreference for speakers: names, pronouns and nominal mentions ("the envoy").

A pronoun goes to the most recent compatible person within a few sentences; "the <role>" goes to
the most recent person whose role has the same class (``roles.toml``), preferring one whose
affiliation matches the words before the role ("the Donetsk leader" → a DPR person); a collective
noun ("the ministry", "the newspaper") goes to the most recent actor of that kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from chancery.nlp.actor_lookup import actors_in
from chancery.nlp.extensions import ACTORS
from chancery.nlp.quotes.lexicon import QuoteLexicon
from chancery.nlp.quotes.outlets import OutletTable
from chancery.nlp.quotes.people import (
    ROLE_GLUE,
    Person,
    Resolver,
    affiliation_of,
    apposition,
    person_names,
    title_before,
)
from chancery.nlp.quotes.sentences import Sentences

PRONOUN_WINDOW = 6  # sentences back a pronoun may reach


@dataclass
class Entry:
    """One mention of a known person, by token range, for recency search."""

    start: int
    end: int
    person: Person


@dataclass
class People:
    doc: Doc
    lex: QuoteLexicon
    sents: Sentences
    resolver: Resolver | None
    outlets: OutletTable | None = None
    persons: dict[str, Person] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)
    text: str = ""

    def build(self) -> People:
        doc = self.doc
        self.text = doc.text  # Doc.text is rebuilt from tokens on every access
        actor_tokens = {i for sp in doc.spans.get(ACTORS, []) if sp._.actor is not None
                        and sp._.actor.kind != "person" for i in range(sp.start, sp.end)}
        for found in person_names(doc, self.sents.spans):
            span = self._trim_name(found, actor_tokens)
            if span is None:
                continue
            person = self._person_for(span)
            sent = self.sents.of_token(span.start)
            info = title_before(doc, span.start, sent, self.lex, self.resolver) \
                or apposition(doc, span.start, span.end, sent, self.lex, self.resolver)
            if info and info.role:
                if info.role not in person.roles:
                    person.roles.append(info.role)
                if info.role_class:
                    person.role_classes.add(info.role_class)
                person.affiliation = person.affiliation or info.affiliation
                person.gender = person.gender or self.lex.gender.get(info.role.split()[-1].lower())
            before = doc[span.start - 1].lower_ if span.start > 0 else ""
            person.gender = person.gender or self.lex.gender.get(before)
            person.mentions.append((span.start_char, span.end_char))
            self.entries.append(Entry(span.start, span.end, person))
        self.entries.sort(key=lambda en: en.start)
        return self

    def _trim_name(self, span: Span, actor_tokens: set[int]) -> Span | None:
        i, j = span.start, span.end
        words = [t.lower_ for t in self.doc[i:j]]
        while i < j:
            role = self.lex.role_at(words, i - span.start)
            if role is not None:
                i += role[1]
            elif i in actor_tokens or words[i - span.start] in ROLE_GLUE or words[i - span.start] in self.lex.honorifics:
                i += 1
            else:
                break
        if j - i < 1 or (j - i == 1 and not self.doc.has_annotation("ENT_IOB")):
            return None
        if any(k in actor_tokens for k in range(i, j)):
            return None
        return self.doc[i:j]

    def _person_for(self, span: Span) -> Person:
        name = span.text
        if name in self.persons:
            return self.persons[name]
        words = name.split()
        for person in self.persons.values():  # "Matsegora" after "Alexander Matsegora"
            if words[-1] == person.name.split()[-1] and (len(words) == 1 or len(person.name.split()) == 1):
                if len(words) > len(person.name.split()):
                    self.persons[name] = person
                    person.name = name
                return person
        person = Person(name)
        self.persons[name] = person
        return person

    # ------------------------------------------------------------------ resolving a speaker mention
    def resolve(self, start: int, end: int, head: int | None = None) -> dict[str, Any]:
        """Speaker record for the mention in tokens [start, end): name, role, affiliation."""
        doc = self.doc
        span = doc[start:end]
        record: dict[str, Any] = {"text": span.text, "start": span.start_char, "end": span.end_char,
                                  "name": None, "role": None, "affiliation": None}
        antecedent = _relative_antecedent(span)
        if antecedent is not None:  # "the envoy, who said …": the mention stays "who"
            found = self.resolve(*antecedent)
            found.update(text=record["text"], start=record["start"], end=record["end"])
            if found["name"] is None:
                found["name"] = doc[antecedent[0]:antecedent[1]].text
            return found
        entry = self._named(start, end)
        person = entry.person if entry is not None else None
        low = [t.lower_ for t in span]
        if person is None and span[-1].is_title and low[-1] not in self.lex.pronouns:
            person = self._by_surname(span[-1].text)
        if person is None and len(span) == 1 and low[0] in self.lex.pronouns:
            gender, number = self.lex.pronouns[low[0]]
            if number == "sg" and gender in ("m", "f"):
                person = self._recent(start, lambda p: p.gender in (None, gender))
                if person is not None and person.gender is None:
                    person.gender = gender
            elif number == "pl" or gender == "n":
                return self._fill_actor(record, self._recent_actor(start, None))
        if person is None:
            person = self._nominal(span, low)
        if person is not None:
            record.update(name=person.name, role=person.roles[0] if person.roles else None,
                          affiliation=person.affiliation)
            person.mentions.append((span.start_char, span.end_char))
            if entry is not None and entry.start > start:
                local = self._local_role(doc[start:entry.start])
            elif entry is not None and entry.end < end:
                local = self._local_role(doc[entry.end:end])
            else:
                local = None if entry is not None else self._local_role(span)
            if local is not None and local.role:
                record["role"] = local.role
                record["affiliation"] = local.affiliation or person.affiliation
            return record
        body = self._body(span, low)
        if body is not None:
            return self._fill_actor(record, body)
        actor = self._actor_in(start, end)
        if actor is not None:
            return self._fill_actor(record, actor)
        local = self._local_role(span)
        if local is not None:
            record.update(role=local.role, affiliation=local.affiliation)
        return record

    def _fill_actor(self, record: dict[str, Any], actor: tuple[str, str | None] | None) -> dict[str, Any]:
        if actor is not None:
            record["name"] = actor[0]
            if actor[1]:
                record["affiliation"] = {"code": actor[1], "name": actor[0]}
        return record

    def _named(self, start: int, end: int) -> Entry | None:
        hits = [en for en in self.entries if en.start >= start and en.end <= end]
        return hits[-1] if hits else None

    def _by_surname(self, word: str) -> Person | None:
        hits = {id(p): p for p in self.persons.values() if p.name.split()[-1] == word}
        return next(iter(hits.values())) if len(hits) == 1 else None

    def _recent(self, before: int, ok: Any, role_class: str | None = None) -> Person | None:
        limit = self.sents.spans[max(0, self.sents.index_of_token(before) - PRONOUN_WINDOW)].start
        for en in reversed(self.entries):
            if en.start >= before:
                continue
            if en.start < limit and role_class is None:
                break
            if ok(en.person) and (role_class is None or role_class in en.person.role_classes):
                return en.person
        return None

    def _nominal(self, span: Span, low: list[str]) -> Person | None:
        """ "the envoy", "the Russian ambassador", "the Donetsk leader" → a person met before."""
        if not low or low[0] not in ("the", "this", "that"):
            return None
        for i in range(len(low) - 1, 0, -1):
            hit = self.lex.role_at(low, i)
            if hit is not None and i + hit[1] == len(low):
                return self._nominal_match(span, i, self.lex.roles[hit[0]])
        return None

    def _nominal_match(self, span: Span, i: int, role_class: str) -> Person | None:
        affiliation = affiliation_of(self.doc, span.start + 1, span.start + i, self.resolver)
        code = affiliation["code"] if affiliation is not None else None

        def same_side(p: Person) -> bool:
            return bool(p.affiliation) and p.affiliation is not None and p.affiliation["code"] == code

        if code is not None:
            match = self._recent(span.start, same_side, role_class) or self._recent(span.start, same_side)
            if match is not None:
                return match
        match = self._recent(span.start, lambda p: True, role_class)
        if match is None:  # a person met without a title: "Pushilin …. The Donetsk leader …"
            match = self._recent(span.start, lambda p: not p.role_classes and (
                code is None or p.affiliation is None or same_side(p)))
            if match is not None:
                match.role_classes.add(role_class)
                match.affiliation = match.affiliation or affiliation
        return match

    def _local_role(self, span: Span) -> Any:
        from chancery.nlp.quotes.people import role_in

        return role_in(self.doc, span.start, span.end, self.lex, self.resolver)

    def _body(self, span: Span, low: list[str]) -> tuple[str, str | None] | None:
        if len(low) < 2 or low[0] != "the":
            return None
        kind = self.lex.bodies.get(" ".join(low[1:])) or self.lex.bodies.get(low[-1])
        if kind is None or any(t.is_title for t in span[1:]):
            return None
        if kind == "media":
            return self._recent_outlet(span.start_char)
        return self._recent_actor(span.start, ("organisation", "igo", "state", "contested_state"))

    def _recent_outlet(self, before_char: int) -> tuple[str, str | None] | None:
        best: tuple[int, str] | None = None
        for sp in self.doc.spans.get(ACTORS, []):
            if sp._.actor is not None and sp._.actor.kind == "media" and sp.end_char <= before_char \
                    and (best is None or sp.start_char > best[0]):
                best = (sp.start_char, sp._.actor.name)
        if self.outlets is not None:
            for s, _e, outlet in self.outlets.find(self.text, 0, before_char):
                if best is None or s > best[0]:
                    best = (s, outlet.name)
        return (best[1], None) if best else None

    def _recent_actor(self, before: int, kinds: tuple[str, ...] | None) -> tuple[str, str | None] | None:
        best = None
        for sp in self.doc.spans.get(ACTORS, []):
            actor = sp._.actor
            if actor is None or sp.end > before or actor.kind == "person":
                continue
            if kinds is not None and actor.kind not in kinds:
                continue
            if best is None or sp.start > best[0]:
                best = (sp.start, actor)
        if best is None:
            return None
        return best[1].name, best[1].code

    def _actor_in(self, start: int, end: int) -> tuple[str, str | None] | None:
        spans = [sp for sp in actors_in(self.doc, start, end) if sp._.actor is not None]
        if not spans:
            return None
        actor = spans[-1]._.actor
        return actor.name, (None if actor.kind == "media" else actor.code)  # an outlet is not its own side

    def to_list(self) -> list[dict[str, Any]]:
        seen: list[Person] = []
        for en in self.entries:
            if not any(en.person is p for p in seen):
                seen.append(en.person)
        return [p.to_dict(self.text) for p in seen]


def _relative_antecedent(span: Span) -> tuple[int, int] | None:
    if len(span) != 1 or span[0].lower_ not in ("who", "which", "that"):
        return None
    verb = span[0].head
    if verb.dep_ != "relcl" or verb.head.i >= span[0].i:
        return None
    from chancery.nlp.quotes.indirect import subject_span

    return subject_span(span.doc, verb.head)
