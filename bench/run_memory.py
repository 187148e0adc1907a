"""Does one `alerter run --once` keep its memory flat in the size of the corpus?

    python bench/run_memory.py [--docs 2000] [--seed 11]

Takes a seeded selection (random.Random(SEED)) of --docs documents from
../shared/corpus/treasury-press-releases.jsonl.gz and whitehouse-statements.jsonl.gz,
writes them as one JSONL file into a temporary project (the repository's rules/,
one daily file subscription, the default nlp settings) and runs

    python -m alerter run --once

there, with a fixed clock. While it runs, the script reads how many documents are
extracted so far from the store (a read-only connection: WAL lets it look while the
run writes) and, every 0.2 s, the resident memory of the whole process tree: the
alerter process and the spaCy worker processes it starts with `nlp.n_process` (auto:
one per core), summed (VmRSS in /proc/<pid>/status). It prints the tree's peak so far
at 25/50/100% of the documents extracted (100%: the whole run, matching and digests
included) and the ratio of the peak at 100% to the peak at 25%: the target is ≤ 1.2.
For reference it also prints the alerter process's own peak (VmHWM) and the largest
single process's peak from wait4. The corpus text stays in the
temporary folder, never in the repository.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FILES = ("treasury-press-releases.jsonl.gz", "whitehouse-statements.jsonl.gz")
MARKS = (0.25, 0.50)
INTERVAL = 0.2


def write_project(folder: Path, docs: int, seed: int) -> int:
    """Write the project and its corpus into `folder`; give the number of words."""
    lines: list[str] = []
    for name in FILES:
        with gzip.open(CORPUS / name, "rt", encoding="utf-8") as f:
            lines += [line for line in f if line.strip()]
    chosen = random.Random(seed).sample(lines, min(docs, len(lines)))
    (folder / "news").mkdir(parents=True)
    (folder / "news" / "corpus.jsonl").write_text("".join(chosen), encoding="utf-8")
    shutil.copytree(ROOT / "rules", folder / "rules")
    (folder / "config.yaml").write_text(
        "sources:\n  - path: news/\nstore:\n  path: out/alerter.db\nrules:\n  paths: [rules/]\n"
        "output:\n  dir: out\nsubscriptions:\n  - name: daily\n    schedule: daily 07:00\n"
        "    formats: [md]\n", encoding="utf-8")
    return sum(len(json.loads(line).get("text", "").split()) for line in chosen)


def status_mb(pid: int, field: str) -> float:
    """Give a memory field of /proc/<pid>/status in MB (0 for a process that is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def tree(pid: int) -> list[int]:
    """Give `pid` and every process below it."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += parents.get(current, [])
    return found


def tree_rss_mb(pid: int) -> float:
    """Give the resident memory of `pid` and its descendants, summed, in MB."""
    return sum(status_mb(p, "VmRSS") for p in tree(pid))


def progress(db: Path) -> float:
    """Give the share of stored documents extracted so far (0 before any is stored; the
    seeded selection may hold a few duplicates, which are stored once)."""
    if not db.exists():
        return 0.0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            done, stored = conn.execute("SELECT SUM(extracted_at IS NOT NULL), COUNT(*) "
                                        "FROM documents").fetchone()
            return (done or 0) / stored if stored else 0.0
    except sqlite3.Error:
        return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="alerter-run-memory-") as tmp:
        project = Path(tmp)
        words = write_project(project, args.docs, args.seed)
        print(f"corpus: {args.docs} documents, {words:,} words; project {project}", flush=True)
        env = {**os.environ, "ALERTER_NOW": "2026-01-01T08:00:00Z"}
        started = time.monotonic()
        child = subprocess.Popen([sys.executable, "-m", "alerter", "run", "--once"],
                                 cwd=project, env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True)
        db = project / "out" / "alerter.db"
        at_mark: dict[float, float] = {}
        last_peak = own = 0.0
        while child.poll() is None:
            time.sleep(INTERVAL)
            last_peak = max(last_peak, tree_rss_mb(child.pid))
            own = max(own, status_mb(child.pid, "VmHWM"))
            done = progress(db)
            for mark in MARKS:
                if mark not in at_mark and done >= mark:
                    at_mark[mark] = last_peak
                    print(f"  {mark:.0%} extracted after {time.monotonic() - started:.0f} s: "
                          f"process tree's peak RSS so far {last_peak:.0f} MB", flush=True)
        # the whole run's peak (the child is reaped by poll(); its rusage went to us)
        import resource

        largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        whole = last_peak
        stderr = child.stderr.read() if child.stderr else ""
        print(f"exit {child.returncode} after {time.monotonic() - started:.0f} s; last lines:")
        for line in stderr.strip().splitlines()[-3:]:
            print(f"  {line}")
        quarter = at_mark.get(0.25)
        print(f"peak RSS of the process tree: 25% {quarter or float('nan'):.0f} MB, 50% "
              f"{at_mark.get(0.50, float('nan')):.0f} MB, 100% {whole:.0f} MB")
        print(f"(the alerter process alone: peak {own:.0f} MB; the largest single process: "
              f"{largest:.0f} MB)")
        if quarter:
            print(f"peak at 100% / peak at 25%: {whole / quarter:.2f} (target ≤ 1.20)")


if __name__ == "__main__":
    main()
