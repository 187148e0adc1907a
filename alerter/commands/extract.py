"""`alerter extract`: the events in documents, as JSON lines or a table."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import click

from alerter.clock import FixedClock, default_clock, parse_time
from alerter.commands.common import optional_config, report_problem
from alerter.models import Document, Event


def _progress(documents: Iterator[Document]) -> Iterator[Document]:
    """Show a progress bar on a terminal (stderr) while documents stream through."""
    if not sys.stderr.isatty():
        yield from documents
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[name]}"), transient=True) as progress:
        task = progress.add_task("extract", total=None, name="")
        for document in documents:
            progress.update(task, advance=1, name=(document.title or document.id)[:40])
            yield document


def _table(rows: list[Event]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("type", "modality", "actor", "target", "items", "date", "sentence")
    for e in rows:
        table.add_row(f"{e.type}/{e.subtype}" if e.subtype else e.type,
                      e.modality + (" (hedged)" if e.hedged else ""),
                      ", ".join(p.code or p.text for p in e.actor),
                      ", ".join(p.code or p.text for p in e.target),
                      ", ".join(i.text for i in e.items), e.date or "",
                      e.sentence.text[:90])
    Console().print(table)


def extract_command(paths: list[str], fmt: str, config_path: str | None,
                    published: str | None) -> int:
    from alerter import sources
    from alerter.extract import extractor_for

    config = optional_config(config_path)
    clock = FixedClock(parse_time(published)) if published else default_clock()
    extractor = extractor_for(config)
    documents = _progress(iter(sources.read(paths, clock=clock, on_problem=report_problem)))
    table_rows: list[Event] = []
    for _, events in extractor.extract(documents):
        if fmt == "table":
            table_rows += events
            continue
        for event in events:
            click.echo(event.model_dump_json())
    if fmt == "table":
        _table(table_rows)
    return 0
