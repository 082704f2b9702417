"""Find every quote of an article: direct (in quotation marks), indirect, and mixed, each with its
cue and the mention of its speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from chancery.nlp.extensions import ACTORS
from chancery.nlp.quotes.indirect import (
    Found,
    _np_after,
    _np_before,
    parsed_candidates,
    pattern_candidates,
    speaker_of,
    subject_span,
)
from chancery.nlp.quotes.lexicon import QuoteLexicon
from chancery.nlp.quotes.marks import Marked, find_quoted
from chancery.nlp.quotes.sentences import Sentences

COLON_LINE = re.compile(r"^[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*:[ \t]+(\S[^\n]*?)[ \t]*$",
                        re.MULTILINE)
MIN_WORDS_UNATTRIBUTED = 4  # shorter quoted stretches with no cue are scare quotes or titles
CUE_WINDOW = 8  # tokens after a closing mark (or before an opening one) to look for "he said"


@dataclass
class Quote:
    start: int  # content characters
    end: int
    kind: str
    segments: list[tuple[int, int]] = field(default_factory=list)
    cue: tuple[int, int] | None = None  # token range
    speaker: tuple[int, int] | None = None  # token range


def _tokens(doc: Doc, start_char: int, end_char: int) -> tuple[int, int] | None:
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


class QuoteFinder:
    def __init__(self, doc: Doc, lex: QuoteLexicon, sents: Sentences) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text is rebuilt from tokens on every access
        self.lex = lex
        self.sents = sents
        self.parsed = doc.has_annotation("DEP")

    def find(self) -> list[Quote]:
        doc = self.doc
        marked = find_quoted(self.text)
        inside: set[int] = set()
        for m in marked:
            rng = _tokens(doc, m.start, m.end)
            if rng:
                inside.update(range(*rng))
        direct = self._direct(marked)
        indirect: list[Found] = []
        for sent in self.sents.spans:
            if self.parsed:
                indirect.extend(parsed_candidates(doc, sent, self.lex, inside))
            else:
                indirect.extend(pattern_candidates(doc, sent, self.lex, inside))
        indirect.extend(self._colon_lines())
        return self._merge(direct, indirect)

    def _is_place(self, start: int, end: int) -> bool:
        places = ("GPE", "LOC", "FAC")
        if any(t.ent_type_ in places for t in self.doc[start:end]):
            return True
        return any(sp.start < end and start < sp.end and sp._.actor is not None
                   and sp._.actor.kind in ("state", "contested_state", "territory")
                   for sp in self.doc.spans.get(ACTORS, []))

    def _colon_lines(self) -> list[Found]:
        """ "Lavrov: West will not succeed" (headline) and "PRESIDENT: We agree" (transcript)."""
        doc = self.doc
        out = []
        for m in COLON_LINE.finditer(self.text):
            label = m.group(1)
            if label.lower() in self.lex.colon_not_speakers or label.split()[0].lower() in self.lex.colon_not_speakers:
                continue
            speaker = _tokens(doc, m.start(1), m.end(1))
            colon = _tokens(doc, m.end(1), m.start(2))
            content = _tokens(doc, m.start(2), m.end(2))
            if speaker and self._is_place(*speaker):
                continue  # a dateline: "NEW DELHI: …"
            if speaker and colon and content and content[1] - content[0] >= 3:
                out.append(Found(content[0], content[1], (colon[0], colon[0] + 1), speaker))
        return out

    # ------------------------------------------------------------------ direct quotes
    def _direct(self, marked: list[Marked]) -> list[Quote]:
        quotes: list[Quote] = []
        skip_next = False
        for k, m in enumerate(marked):
            if skip_next:
                skip_next = False
                continue
            q = Quote(m.start, m.end, "direct", list(m.pieces))
            if self._after_title_cue(m):
                continue
            after = self._cue_after(m)
            if after is not None:
                q.cue, q.speaker, window_end = after
                nxt = marked[k + 1] if k + 1 < len(marked) else None
                if nxt is not None and window_end is not None:
                    gap = self.text[window_end:nxt.start - 1]
                    if len(gap) <= 3 and gap.strip() in (",", "", ":", ";", ".", ", and", "and") \
                            and "\n" not in gap and self._cue_after(nxt) is None:
                        q.end = nxt.end
                        q.segments.extend(nxt.pieces)
                        skip_next = True
            else:
                before = self._cue_before(m)
                if before is not None:
                    q.cue, q.speaker = before
            if q.cue is None and self._is_title(m):
                continue
            quotes.append(q)
        return quotes

    def _after_title_cue(self, m: Marked) -> bool:
        """ "the so-called “referendum”", "dubbed “Operation X”": a name, not speech."""
        before = self.text[max(0, m.start - 25):m.start - 1].lower().split()
        return bool(before) and before[-1] in self.lex.title_cues

    def _is_title(self, m: Marked) -> bool:
        return len(self.text[m.start:m.end].split()) < MIN_WORDS_UNATTRIBUTED or self._after_title_cue(m)

    def _cue_after(self, m: Marked) -> tuple[tuple[int, int], tuple[int, int] | None, int | None] | None:
        doc = self.doc
        if not m.closed:
            return None
        rng = _tokens(doc, m.end + 1, min(len(self.text), m.end + 160))
        if rng is None:
            return None
        i = rng[0]
        while i < len(doc) and doc[i].is_punct and doc[i].text in ",”\"’'»“—–":
            i += 1
        if i >= len(doc) or doc[i].idx > m.end + 4 or "\n" in self.text[m.end:doc[i].idx]:
            return None
        sent = self.sents.of_token(i)
        hi = min(sent.end, i + CUE_WINDOW, len(doc))
        if self.sents.index_of_token(i) != self.sents.index_of_char(m.end) and doc[i].is_title \
                and doc[i].lower_ not in self.lex.pronouns and not self.lex.is_speech(doc[i].text):
            hi = min(hi, i + 4)  # a new sentence: only "Name said." counts
        for c in range(i, hi):
            tok = doc[c]
            if tok.is_punct and tok.text not in ("'s", "’s"):
                break
            if not self.lex.is_speech(tok.text, tok.lemma_) or not self._verb(tok):
                continue
            speaker: tuple[int, int] | None
            quoted_as = self._quoted_as(c, hi)
            if quoted_as is not None:  # "…,” state television quoted the minister as saying.
                speaker = quoted_as
            elif c > i:
                speaker = self._speaker_for(c, i) or _np_before(doc, c, i, self.lex)
                if speaker is None or speaker[0] != i:
                    return None
            else:
                speaker = _np_after(doc, c + 1, sent.end, self.lex)
                if self.parsed and speaker is None:
                    speaker = self._speaker_for(c, i)
            end_tok = max(c + 1, speaker[1] if speaker else c + 1)
            return (c, c + 1), speaker, doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
        return None

    def _cue_before(self, m: Marked) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
        doc = self.doc
        rng = _tokens(doc, max(0, m.start - 1), m.start)
        if rng is None:
            return None
        first = rng[0]
        sent = self.sents.of_token(first)
        lo = max(sent.start, first - CUE_WINDOW)
        j = first - 1
        while j >= lo and doc[j].text in ("“", "\"", "‘", "'", "«", "„"):
            j -= 1
        if j < lo:
            return None
        if doc[j].text not in (":", ",") and doc[j].lower_ != "that" and not self.lex.is_cue(doc[j].text, doc[j].lemma_):
            return None
        for c in range(j, lo - 1, -1):
            tok = doc[c]
            if tok.text in (".", "!", "?", "”", "\""):
                break
            if self.lex.is_cue(tok.text, tok.lemma_) and not tok.is_title and self._verb(tok):
                speaker = self._speaker_for(c, sent.start) or _np_before(doc, c, sent.start, self.lex)
                return (c, c + 1), speaker
        return None

    def _quoted_as(self, c: int, hi: int) -> tuple[int, int] | None:
        doc = self.doc
        if self.lex.lemma(doc[c].text, doc[c].lemma_) != "quote":
            return None
        for j in range(c + 2, min(len(doc) - 1, c + 10)):
            if doc[j].lower_ == "as" and doc[j + 1].lower_ in ("saying", "telling", "stating"):
                return (c + 1, j) if j > c + 1 else None
        return None

    def _verb(self, tok: Token) -> bool:
        """With a tagger, a cue must be a verb ("in a tweet", "state television" are not cues)."""
        return not self.doc.has_annotation("TAG") or tok.tag_.startswith("VB")

    def _speaker_for(self, c: int, lo: int) -> tuple[int, int] | None:
        if not self.parsed:
            return None
        subj = speaker_of(self.doc[c])
        if subj is None or subj.i < lo:
            return None
        return subject_span(self.doc, subj)

    # ------------------------------------------------------------------ combining
    def _merge(self, direct: list[Quote], indirect: list[Found]) -> list[Quote]:
        doc = self.doc
        quotes = list(direct)
        absorbed: set[int] = set()
        for f in _dedupe(indirect):
            cs, ce = doc[f.start].idx, doc[f.end - 1].idx + len(doc[f.end - 1].text)
            overlapping = [k for k, q in enumerate(direct) if q.start < ce and cs < q.end]
            if not overlapping:
                quotes.append(Quote(cs, ce, "indirect", [(cs, ce)], f.cue, f.speaker))
                continue
            covered = sum(min(ce, direct[k].end) - max(cs, direct[k].start) for k in overlapping)
            if covered >= 0.8 * (ce - cs):
                for k in overlapping:
                    if direct[k].cue is None:
                        direct[k].cue, direct[k].speaker = f.cue, f.speaker
                continue
            start = min(cs, *(direct[k].start for k in overlapping))
            end = max(ce, *(direct[k].end for k in overlapping))
            absorbed.update(overlapping)
            quotes.append(Quote(start, end, "mixed", [(start, end)], f.cue, f.speaker))
        quotes = [q for k, q in enumerate(quotes) if not (k < len(direct) and k in absorbed)]
        quotes.sort(key=lambda q: q.start)
        self._inherit_speakers(quotes)
        return quotes

    def _inherit_speakers(self, quotes: list[Quote]) -> None:
        """A quote with no cue continues the speaker of the quote just before it (same or previous
        paragraph), the way news stories run a speaker's words on."""
        prev: Quote | None = None
        for q in quotes:
            if q.cue is None and prev is not None and prev.speaker is not None:
                gap_paragraphs = self.sents.paragraph_of_char(q.start) - self.sents.paragraph_of_char(prev.end)
                if gap_paragraphs <= 2:
                    q.speaker = prev.speaker
            if q.speaker is not None:
                prev = q


def _dedupe(found: list[Found]) -> list[Found]:
    out: list[Found] = []
    for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if any(f.start >= g.start and f.end <= g.end and f.cue == g.cue for g in out):
            continue
        # a nested report keeps its own record: "A said that B said …" → both
        out.append(f)
    return out


def sentence_of(sents: Sentences, q: Quote) -> Span:
    return sents.spans[sents.index_of_char(q.start)]
