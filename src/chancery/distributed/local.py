"""A process pool for extraction on one machine: input order kept, memory bounded.

Why not ``nlp.pipe(n_process=N)``: spaCy sends each finished Doc back as bytes, user_data
included, and our components keep dataclasses (events, dates) in custom attributes that its
msgpack cannot encode. Here each worker holds an Extractor (inherited from the parent with
``fork``, built once in the worker with ``spawn``), runs ``make_doc`` (so ``doc._.published`` &
co. are set inside the worker), the components and the Doc → record step, and sends back only
the plain records. The parent streams the input in tasks, keeps
at most ``2 × workers`` tasks in flight, and yields results by task number.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing as mp
import os
import queue
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from chancery.errors import ChanceryError, ErrorCode, ExitCode, InputError
from chancery.ingest.article import Article
from chancery.settings import Settings

if TYPE_CHECKING:
    from chancery.extract import Extractor
    from chancery.records import Extraction

Item = Article | InputError
Result = Any  # Extraction | InputError; kept loose so the worker module needs no spaCy at import
# A task closes at batch_size articles or at this many characters, whichever comes first, so a
# run of very long articles cannot pile up memory in the queues.
MAX_TASK_CHARS = 1_000_000
TASKS_PER_WORKER = 2
POLL_SECONDS = 1.0
STOP_SECONDS = 10.0


def build_extractor(settings: Settings) -> Extractor:
    from chancery.extract import Extractor

    return Extractor(replace(settings, workers=1))


def start_method() -> str:
    """``fork`` where the platform has it: workers then share the pipeline the parent loaded
    (copy-on-write) and start at once; else ``spawn``, where each worker loads its own."""
    return "fork" if "fork" in mp.get_all_start_methods() else "spawn"


def run_worker(settings: Settings, make_extractor: Callable[[Settings], Extractor] | None,
               tasks: Any, results: Any, extractor: Extractor | None = None) -> None:
    """Worker process body: use the inherited pipeline (fork) or build one (spawn), then extract
    tasks until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    # Fresh stream objects: a forked child inherits the parent's, whose locks another parent thread
    # (a progress bar) may have held at fork time; and workers never write to stdout (the output).
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (lives as long as the process)
    sys.stderr = open(2, "w", buffering=1, closefd=False)  # noqa: SIM115
    try:
        if extractor is None:
            assert make_extractor is not None
            extractor = make_extractor(settings)
            extractor.nlp  # noqa: B018  (load now, so a bad model name is reported before any task)
    except ChanceryError as exc:
        results.put((-1, None, (exc.code.value, exc.message, int(exc.exit_code))))
        return
    except Exception as exc:  # report, don't hang the parent
        results.put((-1, None, (ErrorCode.INTERNAL.value, f"{type(exc).__name__}: {exc}",
                                int(ExitCode.INTERNAL))))
        return
    while True:
        task = tasks.get()
        if task is None:
            return
        number, items = task
        try:
            results.put((number, list(extractor.extract_in_process(items)), None))
        except Exception as exc:
            results.put((number, None, (ErrorCode.INTERNAL.value, f"{type(exc).__name__}: {exc}",
                                        int(ExitCode.INTERNAL))))


def tasks_of(items: Iterable[Item], batch_size: int, max_chars: int = MAX_TASK_CHARS) -> Iterator[list[Item]]:
    task: list[Item] = []
    chars = 0
    for item in items:
        task.append(item)
        chars += len(item.text) if isinstance(item, Article) else 0
        if len(task) >= batch_size or chars >= max_chars:
            yield task
            task, chars = [], 0
    if task:
        yield task


def extract_in_pool(items: Iterable[Item], settings: Settings,
                    make_extractor: Callable[[Settings], Extractor] = build_extractor,
                    extractor: Extractor | None = None, method: str | None = None,
                    ) -> Iterator[Extraction | InputError]:
    """Extract ``items`` on ``settings.workers`` processes; yields in input order.

    With ``fork`` the pipeline is loaded here once (``extractor``, else ``make_extractor``) and
    inherited by the workers. With ``spawn`` ``make_extractor`` runs in each worker and must be
    picklable (a module-level function).
    """
    workers = max(1, settings.workers)
    method = method or start_method()
    context: Any = mp.get_context(method)
    if method == "fork":
        # Load before forking, so workers share the loaded model pages instead of loading their own.
        extractor = extractor or make_extractor(settings)
        extractor.nlp  # noqa: B018
        args: tuple[Any, ...] = (settings, None)
    else:
        extractor = None
        args = (settings, make_extractor)
    tasks: Any = context.Queue()
    results: Any = context.Queue()
    processes = [context.Process(target=run_worker, args=(*args, tasks, results, extractor),
                                 name=f"chancery-worker-{i}", daemon=True) for i in range(workers)]
    if method == "fork":
        gc.freeze()  # the loaded pipeline's objects: never scanned by the children's GC, so their pages stay shared
    try:
        for process in processes:
            process.start()
    finally:
        if method == "fork":
            gc.unfreeze()
    window = workers * TASKS_PER_WORKER
    done: dict[int, list[Result]] = {}
    submitted = next_out = 0
    finished = False
    try:
        for task in tasks_of(items, max(1, settings.batch_size)):
            while submitted - next_out >= window:
                _receive(results, processes, done, next_out)
                while next_out in done:
                    yield from done.pop(next_out)
                    next_out += 1
            tasks.put((submitted, task))
            submitted += 1
        while next_out < submitted:
            while next_out in done:
                yield from done.pop(next_out)
                next_out += 1
            if next_out < submitted:
                _receive(results, processes, done, next_out)
        finished = True
    finally:
        _stop(processes, tasks, results, wait=finished)


def _receive(results: Any, processes: list[Any], done: dict[int, list[Result]], wanted: int) -> None:
    """Wait for one finished task and file it under its number; a dead worker ends the run."""
    while True:
        try:
            number, out, error = results.get(timeout=POLL_SECONDS)
            break
        except queue.Empty:
            dead = [p for p in processes if p.exitcode is not None]
            if dead:
                raise ChanceryError(ErrorCode.INTERNAL, f"worker process {dead[0].name} died (exit code "
                                    f"{dead[0].exitcode}) while waiting for task {wanted}",
                                    ExitCode.INTERNAL) from None
    if error is not None:
        code, message, exit_code = error
        raise ChanceryError(ErrorCode(code), f"in a worker process: {message}", ExitCode(exit_code))
    done[number] = out


def _stop(processes: list[Any], tasks: Any, results: Any, wait: bool) -> None:
    """Let idle workers exit; when the run was cut short (error, Ctrl-C, caller stopped reading),
    do not wait for the tasks still queued."""
    for process in processes:
        if process.is_alive():
            tasks.put(None)
    deadline = time.monotonic() + (STOP_SECONDS if wait else 0.0)
    while any(p.is_alive() for p in processes) and time.monotonic() < deadline:
        # Results of tasks nobody will read (the caller stopped early) would block a worker's exit.
        with contextlib.suppress(queue.Empty):
            results.get(timeout=0.05)
    for process in processes:
        if process.is_alive():
            process.terminate()
        process.join(timeout=5)
    for q in (tasks, results):
        q.cancel_join_thread()
        q.close()
