"""`chancery_paragraphs`: a blank line ends a sentence.

News text puts headlines, datelines and paragraphs on their own lines, often without final
punctuation; the parser would run a headline into the first sentence. Placed before the parser,
this component marks the token after a blank line as a sentence start, which the parser keeps.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("chancery_paragraphs", assigns=["token.is_sent_start"], requires=[],
                  default_config={"lexicon_dir": None})
def make_paragraphs(nlp: Language, name: str, lexicon_dir: str | None) -> ParagraphBreaks:
    return ParagraphBreaks()


class ParagraphBreaks:
    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            if token.is_space and token.text.count("\n") >= 2:
                doc[token.i + 1].is_sent_start = True
        return doc
