"""Corpora on a Dask cluster: partition, extract on the workers, write Parquet shards, load the ledger.

The client only plans partitions (byte ranges of JSONL files, row groups of Parquet files) and
sends their descriptions; each worker reads its partition itself, so inputs and shards must sit
where every worker sees the same path (a local disk for a LocalCluster, a shared file system on a
real cluster). Each worker loads the pipeline once, through a worker plugin, and reuses it for
every partition it gets. Shards come back in partition order, rows in input order, so the
records match a local run on the same input one for one.
"""

from __future__ import annotations

import json
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from chancery.distributed.local import build_extractor
from chancery.distributed.shards import read_shards, write_shard
from chancery.errors import ChanceryError, ErrorCode, ExitCode, InputError
from chancery.ingest.article import Article
from chancery.ingest.readers import JSONL_SUFFIXES, parse_jsonl_line
from chancery.settings import Settings

PLUGIN_NAME = "chancery-extractor"
PARTITION_BYTES = 32 * 2**20
PARQUET_SUFFIXES = {".parquet", ".parq"}
PARQUET_COLUMNS = ("id", "text", "html", "published", "url", "title", "outlet")


@dataclass(frozen=True)
class Partition:
    number: int
    path: str
    kind: Literal["jsonl", "parquet"]
    start: int  # JSONL: byte offset; Parquet: first row group
    stop: int  # JSONL: byte offset (exclusive); Parquet: row group after the last
    first_line: int  # JSONL: line number of the byte at ``start``; Parquet: row number (1-based)


@dataclass
class DaskRun:
    """What a run produced: shards in input order, counts, and the inputs that were refused."""

    shards: list[str] = field(default_factory=list)
    records: int = 0
    errors: list[InputError] = field(default_factory=list)
    stored: int = 0  # articles new to the ledger
    already: int = 0  # articles the ledger had (re-ingest is a no-op)
    events: int = 0  # events of the new articles
    writes: Any = None  # chancery.ledger.store.WriteReport: facts created, merged, disputes


def plan_partitions(paths: list[str], partition_bytes: int = PARTITION_BYTES) -> tuple[list[Partition], list[InputError]]:
    """Split the inputs at line boundaries (JSONL) or row groups (Parquet), about ``partition_bytes`` each."""
    parts: list[Partition] = []
    refused: list[InputError] = []
    for path in paths:
        p = Path(path)
        suffix = p.suffix.lower()
        if not p.is_file():
            refused.append(InputError(ErrorCode.NOT_FOUND, "no such file", path))
        elif suffix in JSONL_SUFFIXES:
            parts.extend(_jsonl_partitions(path, len(parts), partition_bytes))
        elif suffix in PARQUET_SUFFIXES:
            parts.extend(_parquet_partitions(path, len(parts), partition_bytes))
        else:
            refused.append(InputError(ErrorCode.UNSUPPORTED, f"the Dask path reads .jsonl and .parquet, not {suffix!r}",
                                      path))
    return parts, refused


def _jsonl_partitions(path: str, first_number: int, partition_bytes: int) -> Iterator[Partition]:
    start = offset = 0
    line = first_line = 1
    with open(path, "rb") as fh:
        for raw in fh:
            offset += len(raw)
            line += 1
            if offset - start >= partition_bytes:
                yield Partition(first_number, path, "jsonl", start, offset, first_line)
                first_number += 1
                start, first_line = offset, line
    if offset > start:
        yield Partition(first_number, path, "jsonl", start, offset, first_line)


def _parquet_partitions(path: str, first_number: int, partition_bytes: int) -> Iterator[Partition]:
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(path).metadata
    start, size, row = 0, 0, 1
    first_row = 1
    for group in range(meta.num_row_groups):
        size += meta.row_group(group).total_byte_size
        row += meta.row_group(group).num_rows
        if size >= partition_bytes:
            yield Partition(first_number, path, "parquet", start, group + 1, first_row)
            first_number += 1
            start, size, first_row = group + 1, 0, row
    if start < meta.num_row_groups:
        yield Partition(first_number, path, "parquet", start, meta.num_row_groups, first_row)


def read_partition(part: Partition, settings: Settings) -> Iterator[Article | InputError]:
    """The items of one partition, with the same checks, sources and line numbers as the local reader."""
    if part.kind == "jsonl":
        with open(part.path, "rb") as fh:
            fh.seek(part.start)
            offset, line = part.start, part.first_line
            while offset < part.stop:
                raw = fh.readline()
                if not raw:
                    break
                offset += len(raw)
                if raw.strip():
                    if len(raw) > settings.max_input_bytes:
                        yield InputError(ErrorCode.TOO_LARGE, f"line is {len(raw)} bytes "
                                         f"(limit {settings.max_input_bytes})", part.path, line)
                    else:
                        yield parse_jsonl_line(raw, part.path, line, settings.published)
                line += 1
        return
    import pyarrow.parquet as pq

    shard = pq.ParquetFile(part.path)
    columns = [c for c in PARQUET_COLUMNS if c in shard.schema_arrow.names]
    row = part.first_line
    for batch in shard.iter_batches(batch_size=256, row_groups=range(part.start, part.stop), columns=columns):
        for values in batch.to_pylist():
            # Same validation as a JSONL line: Parquet rows are that shape in a column store.
            raw = json.dumps({k: v for k, v in values.items() if v is not None}, default=str).encode()
            yield parse_jsonl_line(raw, part.path, row, settings.published)
            row += 1


def make_plugin(settings: Settings, make_extractor: Callable[[Settings], Any] = build_extractor) -> Any:
    """A Dask worker plugin holding one Extractor per worker (built in ``setup``).

    The class is made here so that importing this module does not import Dask.
    """
    from distributed import WorkerPlugin

    class ExtractorPlugin(WorkerPlugin):
        def __init__(self, settings: Settings, make_extractor: Callable[[Settings], Any]) -> None:
            self.settings = replace(settings, workers=1)
            self.make_extractor = make_extractor
            self.extractor: Any = None
            self.lock: Any = None

        def setup(self, worker: Any) -> None:
            self.lock = threading.Lock()  # a worker with several threads shares one pipeline
            self.extractor = self.make_extractor(self.settings)
            self.extractor.nlp  # noqa: B018  (load once, now)

        def teardown(self, worker: Any) -> None:
            self.extractor = None

    return ExtractorPlugin(settings, make_extractor)


def extract_partition(part: Partition, settings: Settings, shards_dir: str) -> tuple[int, str, int, int]:
    """Dask task: read, extract and write one shard; returns (number, shard path, records, errors)."""
    from distributed import get_worker

    plugin: Any = get_worker().plugins[PLUGIN_NAME]
    items = read_partition(part, settings)
    shard = str(Path(shards_dir) / f"part-{part.number:06d}.parquet")
    with plugin.lock:
        pairs = _pairs(plugin.extractor, items)
        records, errors = write_shard(shard, pairs)
    return part.number, shard, records, errors


def _pairs(extractor: Any, items: Iterator[Article | InputError]) -> Iterator[tuple[Article | InputError, Any]]:
    """(item, result) in order, streaming through the extractor batch by batch."""
    size = max(1, extractor.settings.batch_size)
    batch: list[Article | InputError] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield from zip(batch, extractor.extract_in_process(batch), strict=True)
            batch = []
    if batch:
        yield from zip(batch, extractor.extract_in_process(batch), strict=True)


def _client(scheduler: str | Any) -> tuple[Any, bool]:
    from distributed import Client

    if isinstance(scheduler, str):
        try:
            return Client(scheduler, timeout="30s"), True
        except (OSError, TimeoutError) as exc:
            raise ChanceryError(ErrorCode.USAGE, f"cannot reach the Dask scheduler at {scheduler}: {exc}",
                                ExitCode.USAGE) from None
    return scheduler, False  # a Client the caller owns


def extract_with_dask(paths: list[str], scheduler: str | Any, settings: Settings | None = None, *,
                      shards_dir: str | None = None, partition_bytes: int = PARTITION_BYTES,
                      make_extractor: Callable[[Settings], Any] = build_extractor) -> DaskRun:
    """Run extraction on the cluster; shards land in ``shards_dir`` (default: a new temporary folder).

    ``scheduler`` is an address (``tcp://host:8786``) or a ``distributed.Client``.
    ``make_extractor`` runs on each worker; it must be importable there.
    """
    from distributed import as_completed

    settings = settings or Settings()
    parts, refused = plan_partitions(paths, partition_bytes)
    run = DaskRun(errors=refused)
    out = shards_dir or tempfile.mkdtemp(prefix="chancery-shards-")
    Path(out).mkdir(parents=True, exist_ok=True)
    if not parts:
        return run
    client, owned = _client(scheduler)
    try:
        client.register_plugin(make_plugin(settings, make_extractor), name=PLUGIN_NAME)
        futures = client.map(extract_partition, parts, settings=settings, shards_dir=out, pure=False)
        done: dict[int, str] = {}
        for future in as_completed(futures):
            number, shard, records, _errors = future.result()
            done[number] = shard
            run.records += records
        run.shards = [done[p.number] for p in parts]
    finally:
        if owned:
            client.close()
    return run


def ingest_with_dask(paths: list[str], scheduler: str | Any, settings: Settings | None = None, *,
                     shards_dir: str | None = None, partition_bytes: int = PARTITION_BYTES,
                     ledger: Any = None, make_extractor: Callable[[Settings], Any] = build_extractor) -> DaskRun:
    """Extract on the cluster, then bulk-load the shards into the ledger, one transaction per
    article (the ledger's own write path, so facts merge as with ``chancery ingest``).

    ``ledger`` is an open :class:`chancery.ledger.api.Ledger`; default the one ``settings.db`` names.
    """
    from chancery.distributed.shards import extraction_from_dict
    from chancery.ledger.api import Ledger
    from chancery.ledger.store import WriteReport

    settings = settings or Settings()
    run = extract_with_dask(paths, scheduler, settings, shards_dir=shards_dir, partition_bytes=partition_bytes,
                            make_extractor=make_extractor)
    run.writes = WriteReport()
    target = ledger or Ledger.open(settings.db)
    try:
        for row in read_shards(run.shards):
            if row.error is not None:
                run.errors.append(row.error)
            elif row.record is not None:
                result = target.ingest(row.text or "", extraction_from_dict(row.record))
                if not result.stored:
                    run.already += 1
                    continue
                run.stored += 1
                run.events += result.events
                if result.writes:
                    run.writes.add(result.writes)
    finally:
        if ledger is None:
            target.close()
    return run
