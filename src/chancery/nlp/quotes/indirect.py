"""Reported speech without quotation marks: "X said (that) …", "…, X said", "according to X, …".

With a dependency parse the content is the cue verb's complement clause; without one, token
patterns around the cue give the same answer for plain sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from chancery.nlp.quotes.lexicon import QuoteLexicon

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
SKIP_BETWEEN = frozenset({"also", "has", "had", "have", "was", "is", "will", "would", "later", "then", "previously",
                          "recently", "further", "again", "once", "earlier", "reportedly", "repeatedly",
                          "publicly", "privately", "separately", "simply", "not", "did", "does", "n't"})
NP_WORDS = frozenset({"the", "a", "an", "'s", "’s", "of", "to", "for", "-", "senior", "former", "top", "chief",
                      "deputy", "foreign", "sources", "source", "officials", "official", "diplomats", "analysts",
                      "experts", "witnesses", "people", "residents", "observers", "critics", "aides", "lawmakers",
                      "another", "other", "one", "two", "several", "some", "many", "his", "her", "their"})
ANONYMOUS = frozenset({"sources", "source", "officials", "official", "diplomats", "analysts", "experts", "witnesses",
                       "people", "residents", "observers", "critics", "aides", "lawmakers"})
RELAY_LEMMAS = frozenset({"quote"})  # "TASS quoted X as saying": what follows is not TASS's words
TELL_VERBS = frozenset({"tell", "inform", "assure", "reassure", "remind", "warn", "advise", "notify", "brief",
                        "urge", "ask"})


@dataclass
class Found:
    """A quote candidate: content and speaker as token ranges, cue as a token range."""

    start: int
    end: int
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    kind: str = "indirect"
    segments: tuple[tuple[int, int], ...] = ()  # character pieces for split quotes


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].is_punct or doc[start].lower_ in ("that", "and", "but")) \
            and doc[start].text not in "“\"‘'«„":
        start += 1
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in "”\"’'»“":
        end -= 1
    return start, end


def subject_span(doc: Doc, head: Token) -> tuple[int, int]:
    """The speaker mention around a subject head: its left modifiers, the head, and titles,
    "of/to" phrases and appositions on its right (stopping before relative clauses)."""
    if head.pos_ == "PRON":
        return head.i, head.i + 1
    start = head.left_edge.i
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("appos", "compound", "flat", "nummod") or (
                child.dep_ == "prep" and child.lower_ in ("of", "to", "for", "at", "in", "with")
                and child.right_edge.i - child.i < 8):
            end = child.right_edge.i + 1
        elif child.dep_ == "punct" and child.i == end:
            continue
        else:
            break
    while end > start and doc[end - 1].is_punct:
        end -= 1
    while start < end - 1 and doc[start].is_punct:
        start += 1
    return start, end


def speaker_of(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ in SUBJECT_DEPS:
            return child  # a relative "who" stays the mention; coreference finds its antecedent
    for child in tok.children:  # passive: "was told by X"
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head is not tok:  # "…, saying …", "and said …"
        return speaker_of(tok.head) if tok.head.i != tok.i else None
    return None


def parsed_candidates(doc: Doc, sent: Span, lex: QuoteLexicon, inside: set[int]) -> list[Found]:
    out: list[Found] = []
    for tok in sent:
        if tok.i in inside:
            continue
        if tok.lower_ == "according" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
            found = _according(doc, sent, tok)
            if found:
                out.append(found)
            continue
        if tok.pos_ not in ("VERB", "AUX") or not tok.tag_.startswith("VB") \
                or (tok.i > sent.start and doc[tok.i - 1].text == "-"):
            continue
        lemma = lex.lemma(tok.text, tok.lemma_)
        if lemma in RELAY_LEMMAS:
            continue
        speech, cognition, intent = lemma in lex.speech, lemma in lex.cognition, lemma in lex.intent
        if not (speech or cognition or intent):
            found = _object_content(doc, tok, lemma, lex)
            if found is not None:
                out.append(found)
            continue
        subj = speaker_of(tok)
        comp = [c for c in tok.children if c.dep_ == "ccomp" and (speech or cognition)]
        if not comp and intent:
            comp = [c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i]
        if comp:
            c = comp[-1]
            start, end = _trim(doc, c.left_edge.i, c.right_edge.i + 1)
            if c.i < tok.i and subj is not None and subj.i > c.right_edge.i:
                end = min(end, subj.left_edge.i)
                start, end = _trim(doc, start, end)
            if end - start >= 2:
                out.append(Found(start, end, (tok.i, tok.i + 1), subject_span(doc, subj) if subj is not None else None))
            continue
        that_clause = _that_clause(tok, sent) if speech or cognition else None
        if that_clause is not None:
            start, end = _trim(doc, that_clause.left_edge.i, that_clause.right_edge.i + 1)
            if end - start >= 2:
                out.append(Found(start, end, (tok.i, tok.i + 1), subject_span(doc, subj) if subj is not None else None))
            continue
        if speech and subj is not None and tok.dep_ in ("parataxis", "ccomp", "advcl") and tok.head.i < tok.i \
                and tok.left_edge.i > sent.start:
            start, end = _trim(doc, sent.start, tok.left_edge.i)
            if end - start >= 3:
                out.append(Found(start, end, (tok.i, tok.i + 1), subject_span(doc, subj)))
                continue
        found = _object_content(doc, tok, lemma, lex)
        if found is not None:
            out.append(found)
    return out


def _agentive(tok: Token, lex: QuoteLexicon) -> bool:
    """A subject that can hold a view: a person, a body, a state, a pronoun for one of them."""
    if tok.lower_ in lex.pronouns:
        return tok.lower_ not in ("it", "its")
    return tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.pos_ == "PROPN" \
        or tok.lower_ in lex.roles or tok.lemma_.lower() in lex.roles or tok.lower_ in lex.bodies \
        or tok.lemma_.lower() in lex.bodies or tok.lower_ in NP_WORDS


def _object_content(doc: Doc, tok: Token, lemma: str, lex: QuoteLexicon) -> Found | None:
    """ "X cited the figures", "X called the vote a sham", "X called for talks"."""
    preps = lex.object_preps.get(lemma, frozenset())
    if lemma not in lex.objects and not preps:
        return None
    subj = speaker_of(tok)
    if subj is None or not _agentive(subj, lex):
        return None
    start = end = None
    for child in tok.rights:
        if child.dep_ in ("dobj", "oprd") and lemma in lex.objects:
            start = child.left_edge.i if start is None else start
            end = child.right_edge.i + 1
        elif start is not None and child.dep_ in ("prep", "xcomp", "oprd", "ccomp", "dative"):
            end = child.right_edge.i + 1  # "cited the remarks as proof of …", "urged them to …"
        elif child.dep_ == "prep" and child.lower_ in preps:
            objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                start = objs[0].left_edge.i if start is None else start
                end = objs[-1].right_edge.i + 1
            break
        elif child.dep_ in ("punct", "cc", "conj", "advcl", "relcl") and start is not None:
            break
    if start is None or end is None:
        return None
    start, end = _trim(doc, start, end)
    if end - start < 2:
        return None
    return Found(start, end, (tok.i, tok.i + 1), subject_span(doc, subj))


def _that_clause(tok: Token, sent: Span) -> Token | None:
    """ "stated during his conversation with X that …": the parser hangs the clause on a noun."""
    for t in tok.subtree:
        if tok.i < t.i <= tok.i + 12 and t.dep_ == "mark" and t.lower_ == "that" \
                and t.head.dep_ in ("acl", "advcl", "relcl") and t.head.i > t.i and t.head.pos_ in ("VERB", "AUX"):
            return t.head
    return None


def _according(doc: Doc, sent: Span, tok: Token) -> Found | None:
    to = doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"]
    phrase_end = (objs[0].right_edge.i + 1) if objs else min(sent.end, tok.i + 4)
    speaker = subject_span(doc, objs[0]) if objs else (tok.i + 2, phrase_end)
    if tok.i - sent.start <= 1:
        start, end = _trim(doc, phrase_end, sent.end)
    else:
        start, end = _trim(doc, sent.start, tok.i)
        if sent.end - phrase_end > tok.i - sent.start:
            start, end = _trim(doc, phrase_end, sent.end)
    if end - start < 3:
        return None
    return Found(start, end, (tok.i, tok.i + 2), speaker)


# ---------------------------------------------------------------------- without a parser
def _np_before(doc: Doc, i: int, lo: int, lex: QuoteLexicon) -> tuple[int, int] | None:
    j = i
    while j > lo and doc[j - 1].lower_ in SKIP_BETWEEN:
        j -= 1
    end = j
    if j > lo and doc[j - 1].lower_ in lex.pronouns:
        return j - 1, j
    while j > lo and (doc[j - 1].is_title or doc[j - 1].is_upper or doc[j - 1].lower_ in NP_WORDS
                      or lex.role_at([doc[j - 1].lower_], 0) or doc[j - 1].lower_ in lex.bodies) \
            and not doc[j - 1].is_punct or (j > lo and doc[j - 1].text in ("'s", "’s", "-")):
        j -= 1
    while j < end and doc[j].lower_ in ("of", "to", "for", "'s", "’s"):
        j += 1
    return (j, end) if j < end and _contentful(doc, j, end, lex) else None


def _contentful(doc: Doc, start: int, end: int, lex: QuoteLexicon) -> bool:
    """A speaker phrase needs a name, a pronoun, a role or a plural of people, not just "the two"."""
    for t in doc[start:end]:
        low = t.lower_
        if low in lex.pronouns or lex.role_at([low], 0) or low in lex.bodies or low in ANONYMOUS:
            return True
        if (t.is_title or t.is_upper) and low not in NP_WORDS:
            return True
    return False


def _np_after(doc: Doc, i: int, hi: int, lex: QuoteLexicon) -> tuple[int, int] | None:
    j = i
    if j < hi and doc[j].lower_ in lex.pronouns:
        return j, j + 1
    while j < hi and not doc[j].is_punct and (doc[j].is_title or doc[j].is_upper or doc[j].lower_ in NP_WORDS
                                              or lex.role_at([doc[j].lower_], 0) or doc[j].lower_ in lex.bodies):
        j += 1
    return (i, j) if j > i and _contentful(doc, i, j, lex) else None


def pattern_candidates(doc: Doc, sent: Span, lex: QuoteLexicon, inside: set[int]) -> list[Found]:
    found = _pattern_candidates(doc, sent, lex, inside)
    for a in found:  # "X said that …, TASS reported": the relay clause is not X's words
        for b in found:
            if a is not b and a.cue and b.cue and b.speaker and a.start <= b.cue[0] < a.end \
                    and b.start <= a.cue[0] and b.speaker[0] > a.start:
                a.start, a.end = _trim(doc, a.start, b.speaker[0])
    return [f for f in found if f.end - f.start >= 2]


def _pattern_candidates(doc: Doc, sent: Span, lex: QuoteLexicon, inside: set[int]) -> list[Found]:
    out: list[Found] = []
    for tok in sent:
        if tok.i in inside:
            continue
        low = tok.lower_
        if low == "according" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
            np = _np_after(doc, tok.i + 2, sent.end, lex)
            if np is None:
                continue
            if tok.i - sent.start <= 1:
                start, end = _trim(doc, np[1], sent.end)
            else:
                start, end = _trim(doc, sent.start, tok.i)
            if end - start >= 3:
                out.append(Found(start, end, (tok.i, tok.i + 2), np))
            continue
        if not lex.is_speech(tok.text) or tok.is_title and tok.i == sent.start or lex.lemma(tok.text) in RELAY_LEMMAS:
            continue
        if tok.i > sent.start and doc[tok.i - 1].text == "-":
            continue  # "so-called"
        before = _np_before(doc, tok.i, sent.start, lex)
        after = _np_after(doc, tok.i + 1, sent.end, lex)
        # "…, X said." / "…, said X."
        if before is not None and before[0] > sent.start and doc[before[0] - 1].text == ",":
            tail = _trim(doc, tok.i + 1, sent.end)
            if tail[1] - tail[0] <= 6:
                start, end = _trim(doc, sent.start, before[0] - 1)
                if end - start >= 3:
                    out.append(Found(start, end, (tok.i, tok.i + 1), before))
                    continue
        if tok.i > sent.start and doc[tok.i - 1].text == "," and after is not None:
            start, end = _trim(doc, sent.start, tok.i - 1)
            if end - start >= 3 and sent.end - after[1] <= 6:
                out.append(Found(start, end, (tok.i, tok.i + 1), after))
                continue
        # "X said (that) …", "X told Y (that) …", "X wrote on Telegram that …"
        if before is not None:
            k = tok.i + 1
            for j in range(tok.i + 1, min(sent.end, tok.i + 12)):
                if doc[j].lower_ in ("that", ":") or (doc[j].text == "," and j == tok.i + 1):
                    k = j + 1
                    break
            else:
                if lex.lemma(tok.text) in TELL_VERBS and after is not None:
                    k = after[1]
                elif k < sent.end and doc[k].lower_ in ("on", "in", "at", "during", "to", "with", "after"):
                    continue
            start, end = _trim(doc, k, sent.end)
            if end - start >= 3 and (start == k or doc[start - 1].lower_ == "that" or doc[k].text in (",", ":")):
                out.append(Found(start, end, (tok.i, tok.i + 1), before))
    return out
