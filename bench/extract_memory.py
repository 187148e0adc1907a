"""Does `alerter extract` keep memory flat over a folder of many documents?

    python bench/extract_memory.py [--docs 1000]
    python bench/extract_memory.py --progress [--docs 50]

Builds a temporary folder of --docs .txt documents of about 150 words each, made by
sampling sentences of the gold set (tests/data/events_gold.jsonl, field "text") with
random.Random(7), so the corpus is the same every run. Then runs

    python -m alerter extract FOLDER --format jsonl

from the folder's parent (not the repo, so the default config applies), reads its output
line by line, and samples the child's RSS (VmRSS in /proc/<pid>/status) every 0.2 s as
(output lines so far, RSS MB) until its output ends. Prints RSS at 10/25/50/75/100% of the
output lines (100% is the last sample taken before the final lines arrived, since those
are flushed only as the child exits and frees memory; teardown is not counted),
the peak, and rss_peak/rss_quarter: near 1.0 means memory stays flat (the RSS at
100% falls as the process exits, so the peak after the first quarter is the measure).

With --progress (default 50 documents) the command runs instead under
`script -qfec CMD /dev/null`, a pseudo-terminal, and the script reports whether the
terminal output showed the "extracting" progress bar (shown only when stderr is a tty).
"""

from __future__ import annotations

import argparse
import json
import random
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "events_gold.jsonl"
DOC_WORDS = 150
INTERVAL = 0.2
MARKS = (0.10, 0.25, 0.50, 0.75, 1.00)


def write_corpus(folder: Path, docs: int) -> int:
    """Write `docs` documents into `folder`; return the total word count."""
    with GOLD.open(encoding="utf-8") as f:
        sentences = [json.loads(line)["text"] for line in f if line.strip()]
    rng = random.Random(7)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(docs):
        parts: list[str] = []
        words = 0
        while words < DOC_WORDS:
            sentence = rng.choice(sentences)
            parts.append(sentence)
            words += len(sentence.split())
        (folder / f"doc{i:05d}.txt").write_text(" ".join(parts) + "\n", encoding="utf-8")
        total += words
    return total


def rss_mb(pid: int) -> float | None:
    """The VmRSS of `pid` in MB, or None once the process is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None


def run_memory(folder: Path) -> tuple[int, list[tuple[int, float]], float, int]:
    """Run extract on `folder`; return (lines, samples, seconds, exit code)."""
    cmd = [sys.executable, "-m", "alerter", "extract", str(folder), "--format", "jsonl"]
    samples: list[tuple[int, float]] = []
    count = 0
    done = threading.Event()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=folder.parent, stdout=subprocess.PIPE, text=True)

    def sample() -> None:
        while not done.is_set():
            rss = rss_mb(proc.pid)
            if rss is not None:
                samples.append((count, rss))
            done.wait(INTERVAL)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert proc.stdout is not None
    for _ in proc.stdout:
        count += 1
    # Stop sampling at end of output: after that the child is tearing down, which is
    # not the steady state we want to measure.
    done.set()
    code = proc.wait()
    sampler.join()
    return count, samples, time.perf_counter() - start, code


def rss_at(samples: list[tuple[int, float]], lines: int) -> tuple[int, float]:
    """(lines, RSS) of the first sample taken once at least `lines` lines were out; the
    last sample taken while output was streaming if none was (the 100% mark)."""
    for seen, rss in samples:
        if seen >= lines:
            return seen, rss
    return samples[-1]


def report_memory(docs: int, words: int, folder: Path) -> int:
    lines, samples, seconds, code = run_memory(folder)
    print(f"documents: {docs}  words: {words}  output lines: {lines}  "
          f"samples: {len(samples)}  time: {seconds:.1f} s  exit: {code}")
    if not samples or lines == 0:
        print("no output lines or no RSS samples; nothing to report")
        return 1
    print(f"{'at':>6} {'lines':>8} {'sampled_at':>11} {'rss_mb':>9}")
    # The last block of output only arrives as the child exits, after it has released
    # memory; samples taken once every line is out measure teardown, so the marks skip them.
    working = [s for s in samples if s[0] < lines] or samples
    at: dict[float, float] = {}
    for mark in MARKS:
        target = max(1, round(lines * mark))
        seen, at[mark] = rss_at(working, target)
        print(f"{mark:>6.0%} {target:>8} {seen:>11} {at[mark]:9.1f}")
    print(f"peak rss: {max(rss for _, rss in samples):.1f} MB")
    print(f"rss_peak/rss_quarter = {max(mb for _, mb in samples) / at[0.25]:.2f}")
    return code


def report_progress(folder: Path) -> int:
    cmd = shlex.join([sys.executable, "-m", "alerter", "extract", str(folder),
                      "--format", "jsonl"])
    proc = subprocess.run(["script", "-qfec", cmd, "/dev/null"], cwd=folder.parent,
                          stdin=subprocess.DEVNULL, capture_output=True, check=False)
    out = proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")
    events = sum(1 for line in out.splitlines() if line.lstrip().startswith("{"))
    print(f"command: script -qfec {shlex.quote(cmd)} /dev/null")
    print(f"exit: {proc.returncode}  terminal bytes: {len(out)}  json lines: {events}")
    print(f"progress text 'extracting' shown: {'extracting' in out}")
    return proc.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=None,
                        help="number of documents (default 1000, or 50 with --progress)")
    parser.add_argument("--progress", action="store_true",
                        help="run under a pseudo-terminal and check for the progress bar")
    args = parser.parse_args(argv)
    docs: int = args.docs if args.docs is not None else (50 if args.progress else 1000)
    with tempfile.TemporaryDirectory(prefix="extract_memory_") as tmp:
        folder = Path(tmp) / "docs"
        words = write_corpus(folder, docs)
        if args.progress:
            return report_progress(folder)
        return report_memory(docs, words, folder)


if __name__ == "__main__":
    sys.exit(main())
