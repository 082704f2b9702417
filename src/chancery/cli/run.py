"""Shared plumbing for commands that read inputs and extract them, with a progress bar on a terminal.

Extraction runs on ``settings.workers`` processes (0 = one per core) when the input is long
enough to pay for loading the pipeline in each; results come back in input order and the input
is streamed, so any length fits in bounded memory.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from chancery.errors import InputError
from chancery.extract import Extractor
from chancery.ingest.article import Article
from chancery.ingest.readers import read_inputs
from chancery.records import Extraction
from chancery.settings import Settings

Pair = tuple[Article | InputError, Extraction | InputError]


def iter_pairs(paths: list[str], settings: Settings, extractor: Extractor | None = None,
               description: str = "extracting") -> Iterator[Pair]:
    """(input item, result) for every input, in order; ``ingest`` needs the article text beside the record."""
    extractor = extractor or Extractor(settings)
    items = read_inputs(paths, published=settings.published, max_bytes=settings.max_input_bytes)
    if not sys.stderr.isatty():
        yield from extractor.extract_pairs(items)
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    workers = extractor.workers
    label = f"{description} ({workers} processes)" if workers > 1 else description
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(label, total=None)
        for pair in extractor.extract_pairs(items):
            progress.advance(task)
            yield pair


def iter_extractions(paths: list[str], settings: Settings,
                     extractor: Extractor | None = None) -> Iterator[Extraction | InputError]:
    for _item, result in iter_pairs(paths, settings, extractor):
        yield result
