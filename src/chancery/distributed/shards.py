"""Parquet shards of extraction results, and the way back from a contract dict to records.

One shard per partition, one row per input item in input order: the record as contract JSON
(``chancery.extract/1``) plus the article text the ledger keeps, or the input error.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chancery.errors import ErrorCode, InputError
from chancery.ingest.article import Article
from chancery.records import Actor, DateValue, Event, Extraction, Offsets, Trigger

ROWS_PER_GROUP = 256


@dataclass(frozen=True)
class ShardRow:
    """One item of a shard: an extraction (with its article text) or an input error."""

    position: int
    record: dict[str, Any] | None
    text: str | None
    error: InputError | None


def _actor(d: dict[str, Any] | None) -> Actor | None:
    return Actor(**d) if d else None


def _date(d: dict[str, Any] | None) -> DateValue | None:
    return DateValue(**d) if d else None


def extraction_from_dict(d: dict[str, Any]) -> Extraction:
    """Rebuild the typed records from their contract form (the inverse of ``Extraction.to_dict``)."""
    events = []
    for e in d.get("events", []):
        date = _date(e["date"])
        assert date is not None
        events.append(Event(
            type=e["type"], plover=e["plover"], cameo=e["cameo"], actor=_actor(e.get("actor")),
            target=_actor(e.get("target")), date=date, modality=e["modality"],
            sentence=Offsets(**e["sentence"]), trigger=Trigger(**e["trigger"]), confidence=e["confidence"],
            source=_actor(e.get("from")), planned=_date(e.get("planned")), attribution=e.get("attribution")))
    return Extraction(
        id=d["id"], published=d.get("published"), text_length=d["text_length"], title=d.get("title"),
        url=d.get("url"), outlet=d.get("outlet"), entities=[Actor(**a) for a in d.get("entities", [])],
        events=events, quotes=d.get("quotes", []), people=d.get("people", []), loaded=d.get("loaded", []),
        claims=d.get("claims", []), source=d.get("source"))


def _schema() -> Any:
    import pyarrow as pa

    return pa.schema([("position", pa.int64()), ("id", pa.string()), ("published", pa.string()),
                      ("record", pa.string()), ("text", pa.string()), ("error", pa.string())])


def write_shard(path: str, results: Iterable[tuple[Article | InputError, Any]]) -> tuple[int, int]:
    """Write (input item, result) pairs to ``path`` atomically; returns (records, errors)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    tmp = f"{path}.tmp-{os.getpid()}"
    schema = _schema()
    records = errors = 0
    rows: dict[str, list[Any]] = {name: [] for name in schema.names}
    with pq.ParquetWriter(tmp, schema) as writer:
        def flush() -> None:
            writer.write_table(pa.table(rows, schema=schema))
            for column in rows.values():
                column.clear()

        for position, (item, result) in enumerate(results):
            rows["position"].append(position)
            if isinstance(result, InputError):
                errors += 1
                rows["id"].append(None)
                rows["published"].append(None)
                rows["record"].append(None)
                rows["text"].append(None)
                rows["error"].append(json.dumps(result.to_dict(), ensure_ascii=False))
            else:
                records += 1
                record = result.to_dict()
                rows["id"].append(record["id"])
                rows["published"].append(record["published"])
                rows["record"].append(json.dumps(record, ensure_ascii=False))
                rows["text"].append(item.text if isinstance(item, Article) else None)
                rows["error"].append(None)
            if len(rows["position"]) >= ROWS_PER_GROUP:
                flush()
        if rows["position"] or records + errors == 0:
            flush()
    Path(tmp).replace(path)  # a retried task overwrites; readers never see half a shard
    return records, errors


def read_shards(paths: Iterable[str]) -> Iterator[ShardRow]:
    """Rows of the shards, in the order of ``paths`` and of their rows; one row group in memory at a time."""
    import pyarrow.parquet as pq

    for path in paths:
        shard = pq.ParquetFile(path)
        for batch in shard.iter_batches(batch_size=ROWS_PER_GROUP):
            for row in batch.to_pylist():
                if row["error"] is not None:
                    e = json.loads(row["error"])
                    yield ShardRow(row["position"], None, None,
                                   InputError(ErrorCode(e["code"]), e["message"], e["source"], e["line"]))
                else:
                    yield ShardRow(row["position"], json.loads(row["record"]), row["text"], None)
