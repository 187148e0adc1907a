"""Does one `alerter run --once` keep its memory flat in the size of the corpus?

    python bench/run_memory.py [--docs 2000] [--seed 11]

Takes a seeded selection (random.Random(SEED)) of --docs documents from
../shared/corpus/treasury-press-releases.jsonl.gz and whitehouse-statements.jsonl.gz,
writes them as one JSONL file into a temporary project (the repository's rules/,
one daily file subscription, the default nlp settings) and runs

    python -m alerter run --once

there, with a fixed clock. While it runs, the script reads how many documents are
extracted so far from the store (a read-only connection: WAL lets it look while the
run writes) and the child's peak RSS so far (VmHWM in /proc/<pid>/status) every
0.2 s. It prints the peak at 25/50/100% of the documents extracted (100% is the peak
of the whole run, matching and digests included, from wait4), and the ratio of the
peak at 100% to the peak at 25%: the target is ≤ 1.2. The corpus text stays in the
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


def peak_mb(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


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
        last_peak = 0.0
        while child.poll() is None:
            time.sleep(INTERVAL)
            peak = peak_mb(child.pid)
            if peak is not None:
                last_peak = peak
            done = progress(db)
            for mark in MARKS:
                if mark not in at_mark and done >= mark:
                    at_mark[mark] = last_peak
                    print(f"  {mark:.0%} extracted after {time.monotonic() - started:.0f} s: "
                          f"peak RSS so far {last_peak:.0f} MB", flush=True)
        # the whole run's peak (the child is reaped by poll(); its rusage went to us)
        import resource

        whole = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        stderr = child.stderr.read() if child.stderr else ""
        print(f"exit {child.returncode} after {time.monotonic() - started:.0f} s; last lines:")
        for line in stderr.strip().splitlines()[-3:]:
            print(f"  {line}")
        quarter = at_mark.get(0.25)
        print(f"peak RSS: 25% {quarter or float('nan'):.0f} MB, 50% "
              f"{at_mark.get(0.50, float('nan')):.0f} MB, 100% {whole:.0f} MB")
        if quarter:
            print(f"peak at 100% / peak at 25%: {whole / quarter:.2f} (target ≤ 1.20)")


if __name__ == "__main__":
    main()
