"""The scores of one run as a readable fixed-width table and summary lines."""

from __future__ import annotations

from alerter.bootstrap import LEVEL, Interval, Intervals
from alerter.scoring import Accuracy, Counts, Report


def _percent(value: float | None) -> str:
    """Return a score as a fixed-width decimal, or '-' when there is none."""
    return "    -" if value is None else f"{value:5.3f}"


def _span(interval: Interval | None) -> str:
    """Return an interval as 'low-high', or '-' when there is none."""
    return "        -" if interval is None else f"{interval.low:.2f}-{interval.high:.2f}"


def _row(name: str, c: Counts, spans: Intervals | None = None,
         interval: Interval | None = None) -> str:
    """Return one fixed-width table row (with the F1 interval when there are intervals)."""
    row = (f"{name:<12} {_percent(c.precision)}  {_percent(c.recall)}  {_percent(c.f1)}"
           f"  {c.support:7d}  {c.tp:4d} {c.fp:4d} {c.fn:4d}")
    return row if spans is None else f"{row}  {_span(interval)}"


def _accuracy_line(label: str, accuracy: Accuracy, unit: str) -> str:
    """Return one summary line: label, value and the counts it comes from."""
    counts = f"{accuracy.correct}/{accuracy.total} {unit}"
    return f"{label + ':':<28}{_percent(accuracy.value)}  ({counts})"


def _summary(report: Report, spans: Intervals | None) -> list[str]:
    """Return the summary lines under the table."""
    micro = report.micro
    lines = [
        f"{'micro P / R / F1:':<28}{micro.precision:.3f} / {micro.recall:.3f} / {micro.f1:.3f}",
        f"{f'macro F1 ({len(report.gold_types)} gold types):':<28}{report.macro_f1:.3f}",
    ]
    if spans is not None:
        lines[0] += f"  (F1 {LEVEL:.0%}: {_span(spans.micro)})"
        lines[1] += f"  ({LEVEL:.0%}: {_span(spans.macro)}; {spans.resamples} bootstrap " \
                    f"resamples of the sentences, seed {spans.seed})"
    for name, accuracy in report.attributes.items():
        label = f"{name.replace('_', ' ')} accuracy"
        lines.append(_accuracy_line(label, accuracy, "matched pairs"))
    lines.append(_accuracy_line("no-event sentences clean", report.negatives, "sentences"))
    return lines


def format_report(report: Report, spans: Intervals | None = None) -> str:
    """Return the report as a readable fixed-width table followed by summary lines; with
    bootstrap intervals, each F1 gets its interval."""
    micro = report.micro
    header = (f"split: {report.split or 'all'}  sentences: {report.sentences}  "
              f"gold events: {micro.support}  predicted: {micro.tp + micro.fp}")
    columns = f"{'type':<12} {'P':>5}  {'R':>5}  {'F1':>5}  {'support':>7}  " \
              f"{'TP':>4} {'FP':>4} {'FN':>4}"
    if spans is not None:
        columns += f"  {'F1 ' + format(LEVEL, '.0%'):>9}"
    rule = "-" * len(columns)
    rows = [_row(t, c, spans, None if spans is None else spans.per_type.get(t))
            for t, c in report.per_type.items()]
    return "\n".join([header, "", columns, rule, *rows, rule,
                      _row("micro", micro, spans, None if spans is None else spans.micro), "",
                      *_summary(report, spans)])
