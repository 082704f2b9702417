"""Articles stay paired with their extraction through batching (no model: an empty blank pipeline)."""

from __future__ import annotations

from chancery.errors import ErrorCode, InputError
from chancery.extract import Extractor
from chancery.ingest.article import Article
from chancery.ledger.pipeline import pair_extractions
from chancery.nlp.pipeline import blank_pipeline
from chancery.settings import Settings


def test_articles_and_errors_keep_their_order_across_batches():
    extractor = Extractor(Settings(batch_size=2), nlp=blank_pipeline(components=()))
    items = [Article.from_text(f"Text number {i}.") for i in range(5)]
    items.insert(3, InputError(ErrorCode.EMPTY, "input is empty", "empty.txt"))
    out = list(pair_extractions(items, extractor))
    assert isinstance(out[3], InputError)
    pairs = [o for o in out if not isinstance(o, InputError)]
    assert [a.text for a, _ in pairs] == [f"Text number {i}." for i in range(5)]
    assert all(a.id == ex.id for a, ex in pairs)
