"""The local process pool: input order, errors in place, streaming with bounded look-ahead, failures."""

from __future__ import annotations

import itertools
import multiprocessing

import pytest
from blank_factory import blank_extractor, dying_extractor

from chancery.distributed.local import TASKS_PER_WORKER, extract_in_pool, tasks_of
from chancery.errors import ChanceryError, ErrorCode, InputError
from chancery.extract import Extractor, resolve_workers
from chancery.ingest.article import Article
from chancery.settings import Settings


def numbered(i: int) -> Article | InputError:
    if i % 7 == 3:
        return InputError(ErrorCode.BAD_JSON, "broken line", "corpus.jsonl", i)
    return Article.from_text(f"Dispatch {i}. " + "The envoys met again. " * (i % 5 + 1), published="2024-01-02")


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_pool_keeps_input_order_with_errors_in_place(method):
    items = [numbered(i) for i in range(60)]
    out = list(extract_in_pool(items, Settings(workers=2, batch_size=4), blank_extractor, method=method))
    assert len(out) == len(items)
    for item, result in zip(items, out, strict=True):
        if isinstance(item, InputError):
            assert result == item
        else:
            assert not isinstance(result, InputError)
            assert (result.id, result.text_length, result.published) == (item.id, len(item.text), "2024-01-02")
    assert multiprocessing.active_children() == []


def test_pool_streams_an_endless_input_and_stops_when_the_caller_does():
    pulled = 0

    def endless():
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield numbered(i)

    workers, batch = 2, 4
    results = extract_in_pool(endless(), Settings(workers=workers, batch_size=batch), blank_extractor)
    first = list(itertools.islice(results, 40))
    results.close()
    assert [r.id for r in first[:3] if not isinstance(r, InputError)] == [numbered(0).id, numbered(1).id,
                                                                           numbered(2).id]
    # Read ahead at most the tasks in flight plus the one being filled.
    assert pulled <= 40 + (workers * TASKS_PER_WORKER + 1) * batch
    assert multiprocessing.active_children() == []


def test_tasks_close_on_size_or_characters():
    long = Article.from_text("x" * 600)
    short = Article.from_text("y")
    assert [len(t) for t in tasks_of([short] * 5, batch_size=2)] == [2, 2, 1]
    assert [len(t) for t in tasks_of([long, long, short, long], batch_size=10, max_chars=1000)] == [2, 2]


def test_a_bad_model_name_in_the_workers_is_a_clear_error():
    items = [numbered(i) for i in range(8)]
    with pytest.raises(ChanceryError) as caught:
        list(extract_in_pool(items, Settings(workers=2, model="no_such_model_package")))
    assert caught.value.code == ErrorCode.MODEL
    assert "no_such_model_package" in caught.value.message


def test_a_dead_worker_ends_the_run_instead_of_hanging():
    with pytest.raises(ChanceryError, match="died"):
        list(extract_in_pool([numbered(i) for i in range(8)], Settings(workers=2, batch_size=2), dying_extractor))


def test_a_short_input_stays_in_this_process_and_a_long_one_goes_to_the_pool(monkeypatch):
    import chancery.distributed.local as local

    def pool(items, settings, **options):
        return iter(["pooled"])

    monkeypatch.setattr(local, "extract_in_pool", pool)
    extractor = Extractor(Settings(workers=2))
    extractor._nlp = blank_extractor(Settings()).nlp  # loaded here, yet not "given": workers stay 2
    assert extractor.workers == 2
    out = list(extractor.extract_many([numbered(i) for i in range(40)]))
    assert len(out) == 40 and "pooled" not in out
    extractor.parallel_min_chars = 100
    assert list(extractor.extract_many([numbered(i) for i in range(40)])) == ["pooled"]


def test_workers_zero_means_one_per_core():
    assert resolve_workers(0) >= 1
    assert resolve_workers(3) == 3
    assert Extractor(Settings(workers=0)).workers == resolve_workers(0)
    assert Extractor(Settings(workers=4), nlp=object()).workers == 1  # type: ignore[arg-type]


RELATIVE = ("Nicaragua recognised the independence of Abkhazia on Wednesday, its foreign minister said. "
            "A day later, Venezuela said it would not recognise Abkhazia.")


@pytest.mark.model
def test_parallel_records_equal_in_process_records(extractor):
    """Same records from 2 worker processes as from this process, publication dates included:
    doc._.published is set inside the workers, so relative dates resolve the same."""
    items = [Article.from_text(f"{RELATIVE} Report {i}.", published=f"2022-07-{10 + i:02d}") for i in range(10)]
    items.insert(4, InputError(ErrorCode.EMPTY, "input is empty", "empty.txt"))
    local = [r if isinstance(r, InputError) else r.to_dict() for r in extractor.extract_many(items)]
    pooled = Extractor(Settings(workers=2, batch_size=2))
    assert pooled.workers == 2
    pooled.parallel_min_chars = 500  # this input is small; take the pool path all the same
    parallel = [r if isinstance(r, InputError) else r.to_dict() for r in pooled.extract_many(items)]
    assert parallel == local
    dates = [e["date"]["value"] for r in parallel if isinstance(r, dict) for e in r["events"][:1]]
    assert len(dates) == 10 and len(set(dates)) > 1  # "on Wednesday" resolved against each article's date
