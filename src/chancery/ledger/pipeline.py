"""Articles through extraction, kept paired with their text (the ledger stores the text; claims are
found in it), with a Rich progress bar on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any

from chancery.errors import InputError
from chancery.ingest.article import Article

if TYPE_CHECKING:
    from chancery.extract import Extractor
    from chancery.ledger.api import Ledger
    from chancery.records import Extraction
    from chancery.settings import Settings

Paired = tuple[Article, "Extraction"]


def pair_extractions(items: Iterable[Article | InputError],
                     extractor: Extractor) -> Iterator[Paired | InputError]:
    """Each article with its extraction, in input order; input errors (and per-article failures) as is."""
    for item, result in extractor.extract_pairs(items):
        if isinstance(result, InputError) or not isinstance(item, Article):
            yield result  # type: ignore[misc]
        else:
            yield item, result


def progress_bar(description: str, total: int | None = None, force: bool = False) -> AbstractContextManager[Any]:
    """A Rich progress bar on stderr when it is a terminal (or ``force``); else nothing."""
    if not (force or sys.stderr.isatty()):
        return nullcontext(None)
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=Console(stderr=True), transient=True)
    progress.add_task(description, total=total)
    return progress


def iter_paired(paths: list[str], settings: Settings, extractor: Extractor | None = None,
                description: str = "extracting") -> Iterator[Paired | InputError]:
    from chancery.extract import Extractor
    from chancery.ingest.readers import read_inputs

    extractor = extractor or Extractor(settings)
    items = read_inputs(paths, published=settings.published, max_bytes=settings.max_input_bytes)
    workers = extractor.workers
    label = f"{description} ({workers} processes)" if workers > 1 else description
    with progress_bar(label) as progress:
        for out in pair_extractions(items, extractor):
            if progress is not None:
                progress.advance(progress.task_ids[0])
            yield out


def claims_ledger(settings: Settings) -> Ledger:
    """The ledger claims are checked against: ``--db``/CHANCERY_DB, else the embedded file if it exists,
    else an in-memory ledger holding the reference facts alone (extraction never needs a ledger file)."""
    from pathlib import Path

    from chancery.ledger.api import Ledger
    from chancery.ledger.db import default_url

    if settings.db:
        return Ledger.open(settings.db)
    default = default_url()
    if Path(default.split(":///", 1)[1]).is_file():
        return Ledger.open(default)
    return Ledger.open("sqlite://")


def iter_with_claims(paths: list[str], settings: Settings) -> Iterator[Extraction | InputError]:
    """Extractions with ``claims`` filled: ordinal and count claims checked as of each article's date."""
    ledger: Ledger | None = None
    try:
        for item in iter_paired(paths, settings):
            if isinstance(item, InputError):
                yield item
                continue
            article, extraction = item
            if _may_claim(article.text):
                ledger = ledger or claims_ledger(settings)
                extraction.claims = ledger.check_claims(article.text, extraction)
            yield extraction
    finally:
        if ledger is not None:
            ledger.close()


def _may_claim(text: str) -> bool:
    """Cheap pre-filter so articles without recognition talk never open a ledger."""
    low = text.lower()
    return "recogni" in low or "do so" in low or "acknowledg" in low or "relations" in low
