"""How far two annotators agree on the real-text set.

    python bench/real_agreement.py [SECOND] [LABELS...]

SECOND (default tests/data/real/second-opinion.jsonl) holds a second, independent
labelling of a subset of the sample (every 10th id); LABELS (default the three
tests/data/real/labels-*.jsonl) hold the first. Prints the agreement on event types
(an F1 over type counts per sentence, taking the first labelling as reference),
modality agreement on the types both found, and agreement on "has an event at all".
The type F1 is the ceiling a machine can be expected to reach on this set.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"


def load(paths: list[Path]) -> dict[str, dict[str, Any]]:
    """Return the label lines of the files, by sentence id."""
    lines: dict[str, dict[str, Any]] = {}
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for raw in handle:
                if raw.strip():
                    line = json.loads(raw)
                    lines[line["id"]] = line
    return lines


def agreement(first: dict[str, dict[str, Any]], second: dict[str, dict[str, Any]]
              ) -> dict[str, Any]:
    """Return the agreement figures of `second` against `first` over second's ids."""
    tp = only_first = only_second = 0
    same_modality = compared = same_presence = 0
    per_type: Counter[str] = Counter()
    disagreed: Counter[str] = Counter()
    for sid, other in second.items():
        ours = first[sid]
        types_a = Counter(e["type"] for e in ours["events"])
        types_b = Counter(e["type"] for e in other["events"])
        both = types_a & types_b
        tp += sum(both.values())
        only_first += sum((types_a - types_b).values())
        only_second += sum((types_b - types_a).values())
        per_type.update(both)
        disagreed.update((types_a - types_b) + (types_b - types_a))
        same_presence += bool(ours["events"]) == bool(other["events"])
        for kind in both:
            mods_a = sorted(e["modality"] for e in ours["events"] if e["type"] == kind)
            mods_b = sorted(e["modality"] for e in other["events"] if e["type"] == kind)
            for a, b in zip(mods_a, mods_b, strict=False):
                same_modality += a == b
                compared += 1
    f1 = 2 * tp / (2 * tp + only_first + only_second) if tp else 0.0
    return {"sentences": len(second), "type_f1": round(f1, 3), "both": tp,
            "only_first": only_first, "only_second": only_second,
            "modality_agreement": round(same_modality / compared, 3) if compared else None,
            "presence_agreement": round(same_presence / len(second), 3),
            "disagreed_types": dict(disagreed.most_common())}


def main(argv: list[str] | None = None) -> int:
    """Print the agreement report; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("second", nargs="?", type=Path, default=REAL / "second-opinion.jsonl")
    parser.add_argument("labels", nargs="*", type=Path,
                        default=sorted(REAL.glob("labels-*.jsonl")))
    args = parser.parse_args(argv)
    report = agreement(load(args.labels), load([args.second]))
    print(f"sentences labelled twice:   {report['sentences']}")
    print(f"event type agreement (F1):  {report['type_f1']:.3f}  "
          f"(both {report['both']}, first only {report['only_first']}, "
          f"second only {report['only_second']})")
    print(f"modality agreement:         {report['modality_agreement']}")
    print(f"event / no event agreement: {report['presence_agreement']:.3f}")
    print(f"types disagreed on:         {report['disagreed_types']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
