"""The Dask path: partitions, shards, same records as the local path, bulk load into the ledger."""

from __future__ import annotations

import json

import pytest

from chancery.distributed.dask_ingest import (
    extract_with_dask,
    ingest_with_dask,
    plan_partitions,
    read_partition,
)
from chancery.distributed.shards import extraction_from_dict, read_shards
from chancery.errors import ErrorCode, InputError
from chancery.ingest.article import Article
from chancery.ingest.readers import read_inputs
from chancery.settings import Settings

SENTENCES = [
    "Freedonia recognised the independence of Sylvania on Tuesday, the foreign ministry said.",
    "Ruritania will recognise Sylvania in September unless the talks collapse, its president said.",
    "Officials from Grand Fenwick and Ruritania met in the capital to discuss fishing rights.",
    "Latveria severed diplomatic relations with Borduria on 3 March 2023, citing border incidents.",
    "Russia has recognised the Donetsk People's Republic, the Kremlin announced a day after the talks.",
]


def write_corpus(path, n: int = 14) -> None:
    lines = []
    for i in range(n):
        text = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(2 + i % 3))
        lines.append(json.dumps({"id": f"doc-{i}", "text": text, "published": f"2023-03-{1 + i:02d}",
                                 "outlet": "Test Wire"}))
    lines.insert(5, "{not json")
    lines.insert(9, json.dumps({"id": "empty", "text": "   "}))
    lines.insert(11, "")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def as_comparable(items):
    return [r.where + r.code.value if isinstance(r, InputError) else r for r in items]


def test_partitions_cover_the_file_with_the_right_line_numbers(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus)
    parts, refused = plan_partitions([str(corpus), str(tmp_path / "missing.jsonl"), str(tmp_path / "x.txt")],
                                     partition_bytes=600)
    assert [e.code for e in refused] == [ErrorCode.NOT_FOUND, ErrorCode.NOT_FOUND]
    assert len(parts) >= 3
    assert [p.number for p in parts] == list(range(len(parts)))
    assert parts[0].start == 0 and parts[-1].stop == corpus.stat().st_size
    assert all(a.stop == b.start for a, b in zip(parts, parts[1:], strict=False))
    settings = Settings(published="2023-01-01")
    split = [item for p in parts for item in read_partition(p, settings)]
    whole = list(read_inputs([str(corpus)], published="2023-01-01"))
    assert [i.source if isinstance(i, Article) else i.where for i in split] == \
           [i.source if isinstance(i, Article) else i.where for i in whole]
    assert split == whole


def test_parquet_row_groups_are_partitions_and_rows_read_like_jsonl_lines(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{"id": f"p{i}", "text": SENTENCES[i % 5], "published": f"2023-05-0{1 + i % 9}"} for i in range(9)]
    rows[4]["text"] = ""
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "c.parquet", row_group_size=3)
    parts, _ = plan_partitions([str(tmp_path / "c.parquet")], partition_bytes=1)
    assert [(p.start, p.stop, p.first_line) for p in parts] == [(0, 1, 1), (1, 2, 4), (2, 3, 7)]
    items = [i for p in parts for i in read_partition(p, Settings())]
    assert [i.id if isinstance(i, Article) else i.code for i in items] == \
           ["p0", "p1", "p2", "p3", ErrorCode.EMPTY, "p5", "p6", "p7", "p8"]
    assert items[6].published == "2023-05-07"


@pytest.fixture(scope="module")
def dask_client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
                      dashboard_address=None, silence_logs=40) as cluster, Client(cluster) as client:
        yield client


@pytest.mark.model
def test_dask_records_equal_local_records(tmp_path, dask_client, extractor):
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus)
    settings = Settings(published="2023-01-01")
    run = extract_with_dask([str(corpus)], dask_client, settings, shards_dir=str(tmp_path / "shards"),
                            partition_bytes=700)
    assert len(run.shards) >= 3
    rows = list(read_shards(run.shards))
    dask_results = [row.error if row.error else row.record for row in rows]
    local = local_results(extractor, corpus, settings)
    assert as_comparable(dask_results) == as_comparable(local)
    assert run.records == sum(1 for r in local if not isinstance(r, InputError))
    assert any(r["events"] for r in dask_results if isinstance(r, dict))
    first = next(r for r in rows if r.record)
    assert extraction_from_dict(first.record).to_dict() == first.record  # the way back is lossless


def local_results(extractor, corpus, settings):
    from dataclasses import replace

    from chancery.extract import Extractor

    local = Extractor(replace(settings, workers=1), nlp=extractor.nlp)
    return [r if isinstance(r, InputError) else r.to_dict()
            for r in local.extract_many(read_inputs([str(corpus)], published=settings.published))]


@pytest.mark.model
def test_ingest_with_dask_loads_the_ledger_once(tmp_path, dask_client):
    from sqlalchemy import create_engine, text

    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, n=6)
    db = f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
    settings = Settings(published="2023-01-01", db=db)
    run = ingest_with_dask([str(corpus)], dask_client, settings, partition_bytes=500)
    assert (run.stored, run.already) == (6, 0)
    assert {e.code for e in run.errors} == {ErrorCode.BAD_JSON, ErrorCode.EMPTY}
    again = ingest_with_dask([str(corpus)], dask_client, settings, partition_bytes=500)
    assert (again.stored, again.already) == (0, 6)
    with create_engine(db).connect() as conn:
        assert conn.execute(text("select count(*) from articles")).scalar() == 6
        assert conn.execute(text("select count(*) from events")).scalar() > 0


@pytest.mark.model
def test_cli_ingest_with_dask_scheduler_address(tmp_path, dask_client):
    """`chancery ingest --dask ADDRESS` as a user runs it, against the running LocalCluster."""
    import os
    import subprocess
    import sys

    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, n=4)
    db = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    env = dict(os.environ, CHANCERY_DB=db)
    args = [sys.executable, "-m", "chancery", "ingest", "--dask", dask_client.scheduler.address,
            "--shards", str(tmp_path / "shards"), "--published", "2023-01-01", str(corpus)]
    first = subprocess.run(args, capture_output=True, text=True, env=env, timeout=300)
    assert first.returncode == 3, first.stderr  # the corpus holds a broken and an empty line
    assert "ingested 4 article(s) (0 already in the ledger, 2 skipped)" in first.stderr
    again = subprocess.run(args, capture_output=True, text=True, env=env, timeout=300)
    assert "ingested 0 article(s) (4 already in the ledger, 2 skipped)" in again.stderr
