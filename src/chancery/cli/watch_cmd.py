"""`chancery watch FEED_URL…`: poll RSS/Atom feeds, extract new articles, store them in the ledger."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from chancery.cli.options import ConfigOpt, DbOpt, ModelOpt, settings_from
from chancery.errors import ChanceryError, ErrorCode, ExitCode, InputError


def poll_once(urls: list[str], watcher: Any, extractor: Any, store: Any, emit: Any) -> tuple[int, int, int]:
    """One round over every feed; returns (new articles stored, already known, failures)."""
    from chancery.ingest.article import Article

    stored = known = failed = 0
    for url in urls:
        items = list(watcher.poll(url))  # a feed lists dozens of entries: small enough to hold
        for item, result in zip(items, extractor.extract_many(items), strict=True):
            if isinstance(result, InputError):
                failed += 1
                sys.stderr.write(f"skipped {result}\n")
                continue
            assert isinstance(item, Article)
            if emit is not None:
                emit(result)
            if store is None or store.ingest(item.text, result).stored:
                stored += 1
            else:
                known += 1
    return stored, known, failed


def register(app: typer.Typer) -> None:
    @app.command("watch")
    def watch(
        urls: Annotated[list[str], typer.Argument(help="RSS or Atom feed URLs.", metavar="FEED_URL...")],
        interval: Annotated[float, typer.Option("--interval", min=1.0, help="Seconds between polls.")] = 300.0,
        once: Annotated[bool, typer.Option("--once", help="Poll each feed once, then exit.")] = False,
        polls: Annotated[int, typer.Option("--polls", min=0, help="Stop after N polls; 0 = until interrupted.")] = 0,
        no_ledger: Annotated[bool, typer.Option(
            "--no-ledger", help="Print the records as JSON lines instead of storing them.")] = False,
        state: Annotated[Path | None, typer.Option(
            "--state", help="Feed state file (ETag, Last-Modified, seen entries).")] = None,
        db: DbOpt = None,
        model: ModelOpt = None,
        config: ConfigOpt = None,
    ) -> None:
        """Poll feeds; fetch, extract and store every new article (conditional GET, retries)."""
        from chancery.extract import Extractor
        from chancery.ingest.feeds import FeedWatcher, Fetcher, default_state_path, load_states, save_states

        settings = settings_from(config, db=db, model=model, workers=1,
                                 feed_state=str(state) if state else None)
        state_path = Path(settings.feed_state) if settings.feed_state else default_state_path()
        try:
            states = load_states(state_path)
        except (OSError, ValueError, TypeError) as exc:
            raise ChanceryError(ErrorCode.CONFIG, f"feed state file {state_path} is unreadable: {exc}",
                                ExitCode.CONFIG) from None
        store = None
        if not no_ledger:
            from chancery.ledger.api import Ledger

            store = Ledger.open(settings.db)
        emit = (lambda rec: sys.stdout.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")) \
            if no_ledger else None
        fetcher = Fetcher(timeout=settings.http_timeout, retries=settings.http_retries)
        watcher = FeedWatcher(fetcher, states)
        extractor = Extractor(settings)
        limit = 1 if once else polls
        done = 0
        try:
            while True:
                stored, known, failed = poll_once(urls, watcher, extractor, store, emit)
                save_states(state_path, watcher.states)
                done += 1
                stamp = time.strftime("%H:%M:%S")
                sys.stderr.write(f"[{stamp}] poll {done}: {stored} new article(s), {known} already stored, "
                                 f"{failed} failed\n")
                sys.stdout.flush()
                if limit and done >= limit:
                    break
                time.sleep(interval)
        finally:
            fetcher.close()
            if store is not None:
                store.close()
