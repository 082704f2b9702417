"""The Python API for extraction: articles in, ``Extraction`` records (or input errors) out, in order.

With ``settings.workers`` other than 1 and an input long enough to pay for it, the work
goes to a pool of worker processes (:mod:`chancery.distributed.local`), each loading the
pipeline once; small inputs stay in this process so one article never pays for extra loads.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import chain
from typing import TYPE_CHECKING, Any

from chancery.errors import ErrorCode, InputError
from chancery.ingest.article import Article
from chancery.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from chancery.records import Extraction

Item = Article | InputError
# Below this much input, one process is faster: each worker pays a pipeline load (seconds of CPU)
# before it extracts anything. About 30,000 words, some seconds of single-process work.
PARALLEL_MIN_CHARS = 200_000
PARALLEL_MIN_ITEMS = 2_000


def available_cores() -> int:
    """Cores this process may run on (the affinity mask, not the machine's total)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def resolve_workers(workers: int) -> int:
    """``0`` (or less) means one process per available core."""
    return available_cores() if workers <= 0 else workers


class Extractor:
    """Holds one loaded pipeline; build it once and reuse it for many articles.

    An Extractor given its own ``nlp`` always works in this process: a pipeline object
    cannot be handed to other processes, and tests inject one on purpose.
    """

    parallel_min_chars = PARALLEL_MIN_CHARS

    def __init__(self, settings: Settings | None = None, nlp: Language | None = None) -> None:
        self.settings = settings or Settings()
        self._nlp = nlp
        self._injected = nlp is not None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from chancery.nlp.pipeline import build_pipeline

            self._nlp = build_pipeline(self.settings)
        return self._nlp

    @property
    def workers(self) -> int:
        """Processes ``extract_many`` uses on a long input (1 = this process only)."""
        return 1 if self._injected else resolve_workers(self.settings.workers)

    def make_doc(self, article: Article) -> Doc:
        """Tokenise and attach the article's metadata; runs wherever the pipeline runs (so also in
        worker processes), which is why custom attributes need no trip between processes."""
        doc = self.nlp.make_doc(article.text)
        doc._.published = article.published or self.settings.published
        doc._.article_id = article.id
        doc._.outlet = article.outlet
        doc._.url = article.url
        return doc

    def extract(self, article: Article) -> Extraction:
        result = next(iter(self.extract_many([article])))
        if isinstance(result, InputError):
            raise ValueError(str(result))
        return result

    def extract_text(self, text: str, **meta: Any) -> Extraction:
        return self.extract(Article.from_text(text, **meta))

    def extract_many(self, items: Iterable[Item]) -> Iterator[Extraction | InputError]:
        """Yield one result per item, in input order; errors pass through in their place.

        Streams: at most a few batches are held at once, whatever the input's length.
        """
        workers = self.workers
        if workers <= 1:
            yield from self.extract_in_process(items)
            return
        stream = iter(items)
        head: list[Item] = []
        chars = 0
        for item in stream:
            head.append(item)
            chars += len(item.text) if isinstance(item, Article) else 0
            if chars >= self.parallel_min_chars or len(head) >= PARALLEL_MIN_ITEMS:
                break
        else:  # short input: loading the pipeline in several processes would cost more than it saves
            yield from self.extract_in_process(head)
            return
        from chancery.distributed.local import extract_in_pool

        yield from extract_in_pool(chain(head, stream), replace(self.settings, workers=workers), extractor=self)

    def extract_pairs(self, items: Iterable[Item]) -> Iterator[tuple[Item, Extraction | InputError]]:
        """Like :meth:`extract_many`, each result paired with its input item (the ledger stores the
        article text too). Holds only the items in flight."""
        pending: deque[Item] = deque()

        def remember() -> Iterator[Item]:
            for item in items:
                pending.append(item)
                yield item

        for result in self.extract_many(remember()):
            yield pending.popleft(), result

    def extract_in_process(self, items: Iterable[Item]) -> Iterator[Extraction | InputError]:
        """Batch articles through ``nlp.pipe`` in this process."""
        batch: list[Item] = []
        size = max(1, self.settings.batch_size)
        for item in items:
            batch.append(item)
            if len(batch) >= size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Item]) -> Iterator[Extraction | InputError]:
        from chancery.nlp.doc_records import doc_to_extraction

        limit = self.nlp.max_length
        checked: list[Item] = [
            InputError(ErrorCode.TOO_LARGE, f"article is {len(item.text)} characters; the pipeline takes "
                       f"at most {limit} (spaCy max_length)", item.source)
            if isinstance(item, Article) and len(item.text) > limit else item
            for item in batch
        ]
        articles = [a for a in checked if isinstance(a, Article)]
        try:
            docs = self.nlp.pipe(self.make_doc(a) for a in articles)
            done = iter([doc_to_extraction(doc, a) for doc, a in zip(docs, articles, strict=True)])
        except Exception:
            yield from self._run_one_by_one(checked)
            return
        for item in checked:
            yield item if isinstance(item, InputError) else next(done)

    def _run_one_by_one(self, batch: list[Item]) -> Iterator[Extraction | InputError]:
        """A batch failed: redo it article by article so one bad article costs only itself."""
        from chancery.nlp.doc_records import doc_to_extraction

        for item in batch:
            if isinstance(item, InputError):
                yield item
                continue
            try:
                result: Extraction | InputError = doc_to_extraction(self.nlp(self.make_doc(item)), item)
            except Exception as exc:
                if os.environ.get("CHANCERY_DEBUG"):
                    raise
                result = InputError(ErrorCode.INTERNAL, f"extraction failed: {type(exc).__name__}: {exc}",
                                    item.source)
            yield result
