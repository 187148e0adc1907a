"""`alerter backfill PATH...`: an archive through the compute engine, with a progress
bar and a summary."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from alerter.backfill import BackfillReport, backfill
from alerter.backfill import Progress as Shown
from alerter.commands.common import open_pipeline
from alerter.wording import counted


class Bar(Shown):
    """Backfill's progress as a rich progress bar on stderr."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.read = progress.add_task("reading", total=None)

    def reading(self, count: int) -> None:
        self.progress.update(self.read, completed=count)

    def extracting(self, total: int) -> Callable[[int], None]:
        self.progress.update(self.read, total=1, completed=1)
        task = self.progress.add_task("extracting", total=total)
        return lambda done: self.progress.advance(task, done)


def summary(report: BackfillReport, digest: bool) -> str:
    """Give the closing lines of a backfill."""
    cycle = report.cycle
    rate = report.words / report.seconds if report.seconds else 0.0
    lines = [f"backfill: {counted(cycle.documents, 'new document')} ({cycle.duplicates} seen "
             f"before, {report.older} older than --since), {cycle.extracted} extracted, "
             f"{counted(cycle.events, 'event')}, {counted(cycle.matches, 'match', 'matches')}, "
             f"{counted(len(cycle.problems), 'problem')}",
             f"{report.words} words in {report.seconds:.1f} s ({rate:,.0f} words/s)"]
    if not digest:
        lines.append("the matches are old news: kept, and sent in no digest (--digest sends "
                     "the digests due)")
    else:
        lines.append(f"{counted(cycle.digests, 'digest')}, {cycle.delivered} delivered")
    return "\n".join(lines)


def backfill_command(config_path: str, paths: list[str], since: datetime | None,
                     digest: bool) -> int:
    pipeline = open_pipeline(config_path)
    columns = (TextColumn("{task.description:>10}"), BarColumn(), MofNCompleteColumn(),
               TimeRemainingColumn())
    try:
        with Progress(*columns, console=None, transient=False) as progress:
            report = backfill(pipeline, paths, since=since, digest=digest,
                              progress=Bar(progress))
    finally:
        pipeline.release()
        pipeline.close_engine()
    click.echo(summary(report, digest))
    return 1 if report.cycle.problems else 0
