"""Shared plumbing for commands that read inputs and extract them, with a progress bar on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator

from chancery.errors import InputError
from chancery.extract import Extractor
from chancery.ingest.readers import read_inputs
from chancery.records import Extraction
from chancery.settings import Settings


def iter_extractions(paths: list[str], settings: Settings,
                     extractor: Extractor | None = None) -> Iterator[Extraction | InputError]:
    extractor = extractor or Extractor(settings)
    items = read_inputs(paths, published=settings.published, max_bytes=settings.max_input_bytes)
    if not sys.stderr.isatty():
        yield from extractor.extract_many(items)
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("extracting", total=None)
        for item in extractor.extract_many(items):
            progress.advance(task)
            yield item
