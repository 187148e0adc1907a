"""The scores of one run as a readable fixed-width table and summary lines."""

from __future__ import annotations

from alerter.scoring import Accuracy, Counts, Report


def _percent(value: float | None) -> str:
    """Return a score as a fixed-width decimal, or '-' when there is none."""
    return "    -" if value is None else f"{value:5.3f}"


def _row(name: str, c: Counts) -> str:
    """Return one fixed-width table row."""
    return (f"{name:<12} {_percent(c.precision)}  {_percent(c.recall)}  {_percent(c.f1)}"
            f"  {c.support:7d}  {c.tp:4d} {c.fp:4d} {c.fn:4d}")


def _accuracy_line(label: str, accuracy: Accuracy, unit: str) -> str:
    """Return one summary line: label, value and the counts it comes from."""
    counts = f"{accuracy.correct}/{accuracy.total} {unit}"
    return f"{label + ':':<28}{_percent(accuracy.value)}  ({counts})"


def _summary(report: Report) -> list[str]:
    """Return the summary lines under the table."""
    micro = report.micro
    lines = [
        f"{'micro P / R / F1:':<28}{micro.precision:.3f} / {micro.recall:.3f} / {micro.f1:.3f}",
        f"{f'macro F1 ({len(report.gold_types)} gold types):':<28}{report.macro_f1:.3f}",
    ]
    for name, accuracy in report.attributes.items():
        label = f"{name.replace('_', ' ')} accuracy"
        lines.append(_accuracy_line(label, accuracy, "matched pairs"))
    lines.append(_accuracy_line("no-event sentences clean", report.negatives, "sentences"))
    return lines


def format_report(report: Report) -> str:
    """Return the report as a readable fixed-width table followed by summary lines."""
    micro = report.micro
    header = (f"split: {report.split or 'all'}  sentences: {report.sentences}  "
              f"gold events: {micro.support}  predicted: {micro.tp + micro.fp}")
    columns = f"{'type':<12} {'P':>5}  {'R':>5}  {'F1':>5}  {'support':>7}  " \
              f"{'TP':>4} {'FP':>4} {'FN':>4}"
    rule = "-" * len(columns)
    rows = [_row(t, c) for t, c in report.per_type.items()]
    return "\n".join([header, "", columns, rule, *rows, rule, _row("micro", micro), "",
                      *_summary(report)])
