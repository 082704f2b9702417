"""People in an article: names, roles and affiliations from appositions and pre-modifiers.

Roles come from the role nouns in ``roles.toml``; a title before a name ("Russia's Ambassador to
DPRK Alexander Matsegora") or an apposition beside it ("Matsegora, the Russian envoy,") gives the
role, and the words before the role noun (or an "of X" after it) give the affiliation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from spacy.tokens import Doc, Span

from chancery.nlp.extensions import ACTORS, Resolved
from chancery.nlp.quotes.lexicon import QuoteLexicon

ROLE_GLUE = frozenset({"the", "a", "an", "'s", "’s", "of", "to", "for", "at", "in", "and", "-", "former", "then",
                       "acting", "deputy", "senior", "top", "chief", "first", "vice", "special", "new", "current",
                       "outgoing", "incoming", "interim", "late"})
AFFILIATION_KINDS = frozenset({"state", "contested_state", "territory", "igo", "organisation", "media", "group"})


class Resolver(Protocol):
    def resolve(self, text: str) -> Resolved | None: ...


@dataclass
class Person:
    name: str
    roles: list[str] = field(default_factory=list)
    role_classes: set[str] = field(default_factory=set)
    affiliation: dict[str, Any] | None = None
    gender: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)  # character offsets

    def to_dict(self, text: str) -> dict[str, Any]:
        return {"name": self.name, "roles": list(self.roles), "affiliation": self.affiliation,
                "mentions": [{"text": text[s:e], "start": s, "end": e} for s, e in sorted(set(self.mentions))]}


@dataclass
class RoleInfo:
    role: str | None
    role_class: str | None
    affiliation: dict[str, Any] | None


def affiliation_of(doc: Doc, start: int, end: int, resolver: Resolver | None) -> dict[str, Any] | None:
    """The actor named in tokens [start, end): an actor span there, else the resolver's answer."""
    if start >= end:
        return None
    for span in doc.spans.get(ACTORS, []):
        actor = span._.actor
        if span.start >= start and span.end <= end and actor is not None and actor.code \
                and actor.kind in AFFILIATION_KINDS:
            return {"code": actor.code, "name": actor.name}
    if resolver is not None:
        words = [t.text for t in doc[start:end] if t.lower_ not in ("the", "a", "an")]
        text = " ".join(words).replace(" 's", "'s").replace(" ’s", "’s")
        if text and text[0].isupper():
            try:
                found = resolver.resolve(text)
            except Exception:  # a lookup failure must not cost the quote
                found = None
            if found is not None and found.code and found.kind in AFFILIATION_KINDS:
                return {"code": found.code, "name": found.name}
    return None


def role_in(doc: Doc, start: int, end: int, lex: QuoteLexicon, resolver: Resolver | None,
            nearest_end: bool = False) -> RoleInfo | None:
    """Find a role noun in tokens [start, end) and split the window into affiliation + role; with
    ``nearest_end`` the role closest to the window's end wins (a title right before a name)."""
    words = [t.lower_ for t in doc[start:end]]
    order = range(len(words) - 1, -1, -1) if nearest_end else range(len(words))
    for i in order:
        longer = lex.role_at(words, i - 1) if nearest_end and i > 0 else None
        if longer is not None and longer[1] > 1:
            continue  # inside a longer role ("foreign minister"): take the longer one
        hit = lex.role_at(words, i)
        if hit is None:
            continue
        role, n = hit
        # extend over further role words ("deputy foreign minister", "minister of foreign affairs")
        j = i + n
        while j < len(words) and (lex.role_at(words, j) or words[j] in ("of", "to", "for")
                                  or doc[start + j].is_title or doc[start + j].is_upper):
            if words[j] in ("of", "to", "for") and j + 1 >= len(words):
                break
            j += 1
        role_start = i
        while role_start > 0 and words[role_start - 1] in ("deputy", "vice", "first", "special", "senior",
                                                           "chief", "acting", "former", "top", "foreign"):
            role_start -= 1
        role_tokens = doc[start + role_start:start + j]
        affiliation = affiliation_of(doc, start, start + role_start, resolver)
        if affiliation is None:
            of_at = [k for k in range(i + n, j) if words[k] == "of"]
            if of_at:
                affiliation = affiliation_of(doc, start + of_at[0] + 1, start + j, resolver)
        text = role_tokens.text.strip(" ,")
        return RoleInfo(text or None, lex.roles[role], affiliation)
    return None


def title_before(doc: Doc, s: int, sent: Span, lex: QuoteLexicon, resolver: Resolver | None) -> RoleInfo | None:
    """A title directly before a name: "DPR Foreign Minister Natalya Nikonorova"."""
    i = s - 1
    while i >= sent.start and i >= s - 9:
        tok = doc[i]
        if tok.is_punct and tok.text not in ("-", "'s", "’s"):
            break
        if not (tok.is_title or tok.is_upper or tok.lower_ in ROLE_GLUE or lex.role_at([tok.lower_], 0)):
            break
        i -= 1
    if i + 1 >= s:
        return None
    return role_in(doc, i + 1, s, lex, resolver, nearest_end=True)


def apposition(doc: Doc, s: int, e: int, sent: Span, lex: QuoteLexicon,
               resolver: Resolver | None) -> RoleInfo | None:
    """A role in an apposition after (", the Russian envoy,") or before (“the envoy, Name,”) a name."""
    if e < sent.end and doc[e].text == ",":
        j = e + 1
        while j < sent.end and j < e + 13 and doc[j].text not in (",", ";", ".", "—", "(", ")"):
            j += 1
        if j > e + 1 and (doc[e + 1].lower_ in ("the", "a", "an", "his", "her", "their")
                          or doc[e + 1].is_title or doc[e + 1].is_upper or lex.role_at([doc[e + 1].lower_], 0)):
            found = role_in(doc, e + 1, j, lex, resolver)
            if found:
                return found
    if s - 1 > sent.start and doc[s - 1].text == ",":
        j = s - 2
        while j >= sent.start and j > s - 14 and doc[j].text not in (",", ";", ".", "—", "(", ")", ":"):
            j -= 1
        if j + 1 < s - 1 and doc[j + 1].lower_ in ("the", "a", "an"):
            return role_in(doc, j + 1, s - 1, lex, resolver)
    return None


def person_names(doc: Doc, sents: list[Span]) -> list[Span]:
    """Name mentions: PERSON entities, person actors, and (without NER) runs of capitalised words."""
    found: dict[tuple[int, int], Span] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            found[(ent.start, ent.end)] = _strip_possessive(ent)
    for span in doc.spans.get(ACTORS, []):
        if span._.actor is not None and span._.actor.kind == "person":
            found.setdefault((span.start, span.end), span)
    if not doc.has_annotation("ENT_IOB"):
        for sent in sents:
            found.update({(sp.start, sp.end): sp for sp in _capitalised_runs(doc, sent)})
    names = sorted(found.values(), key=lambda sp: (sp.start, -len(sp)))
    out: list[Span] = []
    for sp in names:
        if out and sp.start < out[-1].end:
            continue
        out.append(sp)
    return out


def _strip_possessive(span: Span) -> Span:
    if len(span) > 1 and span[-1].text in ("'s", "’s", "'", "’"):
        return span[:-1]
    return span


def _capitalised_runs(doc: Doc, sent: Span) -> list[Span]:
    """Two or more title-case words in a row, not at a sentence start unless followed by more: a
    rough name finder for pipelines without NER (actor spans are excluded later)."""
    runs = []
    i = sent.start
    while i < sent.end:
        if doc[i].is_title and doc[i].is_alpha:
            j = i
            while j < sent.end and doc[j].is_title and doc[j].is_alpha:
                j += 1
            if j - i >= 2:
                runs.append(doc[i:j])
            i = j
        else:
            i += 1
    return runs
