"""Component ``chancery_quotes``: quotes (direct, indirect, mixed) with cue and speaker; people.

Writes ``doc._.quotes`` (contract records; ``channel``/``chain`` are filled by
``chancery_attribution``) and ``doc._.people``. Works with the parser (speaker = subject of the
cue, content = its complement clause) and without it (token patterns; regex sentence split).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from chancery.nlp.quotes.coref import People, Resolver
from chancery.nlp.quotes.finder import Quote, QuoteFinder
from chancery.nlp.quotes.lexicon import QuoteLexicon
from chancery.nlp.quotes.outlets import OutletTable
from chancery.nlp.quotes.sentences import Sentences


def _resolver(lexicon_dir: str | None) -> Resolver | None:
    try:
        from chancery.nlp.gazetteer import Gazetteer

        return Gazetteer.load(lexicon_dir)
    except (ImportError, FileNotFoundError, OSError, KeyError):
        return None  # affiliations then come from actor spans only


class QuoteExtractor:
    def __init__(self, lexicon_dir: str | None = None) -> None:
        self.lex = QuoteLexicon.load(lexicon_dir)
        self.outlets = OutletTable.load(lexicon_dir)
        self.resolver = _resolver(lexicon_dir)

    def __call__(self, doc: Doc) -> Doc:
        sents = Sentences(doc)
        quotes = QuoteFinder(doc, self.lex, sents).find()
        people = People(doc, self.lex, sents, self.resolver, self.outlets).build()
        text = doc.text
        doc._.quotes = [self._record(doc, text, q, people) for q in quotes]
        doc._.people = people.to_list()
        return doc

    def _record(self, doc: Doc, text: str, q: Quote, people: People) -> dict[str, Any]:
        # Trim marks and stray punctuation from each segment's offsets too, so text == article[start:end].
        segments = [seg for seg in (_trimmed(text, a, b) for a, b in q.segments) if seg[0] < seg[1]]
        if not segments:
            segments = [(q.start, q.end)]
        record: dict[str, Any] = {
            "text": " ".join(text[a:b] for a, b in segments),
            "start": segments[0][0], "end": segments[-1][1], "kind": q.kind, "cue": None, "speaker": None,
            "channel": None, "chain": [],
        }
        if len(segments) > 1:
            record["segments"] = [[a, b] for a, b in segments]
        if q.cue is not None:
            cue = doc[q.cue[0]:q.cue[1]]
            record["cue"] = {"text": cue.text, "start": cue.start_char, "end": cue.end_char}
        if q.speaker is not None:
            record["speaker"] = people.resolve(*q.speaker)
        return record


_TRIM = " ,\n\"“”„«»‘’"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip(_TRIM)), end - (len(piece) - len(piece.rstrip(_TRIM)))


@Language.factory("chancery_quotes", assigns=["doc._.quotes", "doc._.people"],
                  requires=[], default_config={"lexicon_dir": None})
def make_quotes(nlp: Language, name: str, lexicon_dir: str | None) -> QuoteExtractor:
    return QuoteExtractor(lexicon_dir)
