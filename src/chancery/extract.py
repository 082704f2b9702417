"""The Python API for extraction: articles in, ``Extraction`` records (or input errors) out, in order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from chancery.errors import InputError
from chancery.ingest.article import Article
from chancery.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from chancery.records import Extraction


class Extractor:
    """Holds one loaded pipeline; build it once and reuse it for many articles."""

    def __init__(self, settings: Settings | None = None, nlp: Language | None = None) -> None:
        self.settings = settings or Settings()
        self._nlp = nlp

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from chancery.nlp.pipeline import build_pipeline

            self._nlp = build_pipeline(self.settings)
        return self._nlp

    def make_doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.published = article.published or self.settings.published
        doc._.article_id = article.id
        doc._.outlet = article.outlet
        return doc

    def extract(self, article: Article) -> Extraction:
        return next(iter(self.extract_many([article])))  # type: ignore[return-value]

    def extract_text(self, text: str, **meta: Any) -> Extraction:
        return self.extract(Article.from_text(text, **meta))

    def extract_many(self, items: Iterable[Article | InputError]) -> Iterator[Extraction | InputError]:
        """Process articles in batches; errors pass through in their place, order is kept."""
        from chancery.nlp.doc_records import doc_to_extraction

        batch: list[Article | InputError] = []
        size = max(1, self.settings.batch_size)

        def flush() -> Iterator[Extraction | InputError]:
            articles = [a for a in batch if isinstance(a, Article)]
            docs = iter(self.nlp.pipe(self.make_doc(a) for a in articles))
            for item in batch:
                if isinstance(item, InputError):
                    yield item
                else:
                    yield doc_to_extraction(next(docs), item)
            batch.clear()

        for item in items:
            batch.append(item)
            if len(batch) >= size:
                yield from flush()
        if batch:
            yield from flush()
