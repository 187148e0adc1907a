"""`alerter backfill`: a large archive through the configured extraction engine.

The archive's documents are stored (those published before `since` left out), every
unextracted document goes through the engine, and the rules run over the events.
The archive's documents are old news (marked quiet in the store): matches made of
them alone are kept (the rules' memory, history, escalations see them) but no digest
carries them; a match that a live document helps make is sent as usual. With
`digest`, the archive is news like any other, and the digests due are made and sent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from alerter import sources
from alerter.models import Document
from alerter.pipeline import CycleReport, Pipeline


@dataclass
class BackfillReport:
    cycle: CycleReport
    older: int = 0  # documents published before --since, left out
    words: int = 0  # words in the documents extracted
    seconds: float = 0.0


class Progress:
    """What backfill tells about its way through the archive (a progress bar)."""

    def reading(self, count: int) -> None:
        """`count` documents read so far."""

    def extracting(self, total: int) -> Callable[[int], None]:
        """Extraction of `total` documents starts; give what to call with each batch's
        number of documents."""
        return lambda done: None


def backfill(pipeline: Pipeline, paths: Iterable[str], *, since: datetime | None = None,
             digest: bool = False, progress: Progress | None = None) -> BackfillReport:
    """Store, extract and match the documents at `paths`; give what was done."""
    import time

    shown = progress or Progress()
    started = time.perf_counter()
    report = BackfillReport(CycleReport())
    cycle = report.cycle

    def wanted(documents: Iterable[Document]) -> Iterator[Document]:
        for count, document in enumerate(documents, start=1):
            if since is not None and document.published < since:
                report.older += 1
                continue
            if count % 50 == 0:
                shown.reading(count)
            yield document

    http = pipeline.config.http
    pipeline.quiet = not digest
    try:
        pipeline.store_new(wanted(sources.read(
            list(paths), clock=pipeline.clock, on_problem=lambda p: pipeline._problem(cycle, p),
            http=http)), cycle)
    finally:
        pipeline.quiet = False
    total = pipeline.store.count_unextracted()
    advance = shown.extracting(total)

    def extracted(documents: list[Document]) -> None:
        report.words += sum(len(d.text.split()) for d in documents)
        advance(len(documents))

    pipeline.extract(cycle, progress=extracted)
    pipeline.match(cycle)
    if digest and pipeline.hold_lease():
        for subscription in pipeline.due(pipeline.clock.now()):
            pipeline.digest(subscription, cycle)
        pipeline.deliver(cycle)
        pipeline.publish(cycle)
    report.seconds = time.perf_counter() - started
    return report
