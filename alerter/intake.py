"""The intake stages of a cycle: ingest (documents from the sources, stored when their
content is new) and extract (events from stored documents, through the compute
engine), each writing a batch per transaction and never holding the store's write
lock while it reads the network or runs spaCy. On a store several alerters share,
extraction takes the documents this alerter claims. `Pipeline` has these as methods."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import timedelta
from itertools import chain, islice
from typing import TYPE_CHECKING

from alerter import sources
from alerter.clock import Clock
from alerter.compute import Engine, engine_for
from alerter.config import Config
from alerter.crashpoints import crash_point
from alerter.errors import Problem
from alerter.models import Document
from alerter.store import Store

if TYPE_CHECKING:
    from alerter.pipeline import CycleReport

INGEST_BATCH = 100  # documents stored per transaction
CLAIM_MIN = timedelta(minutes=1)  # a claim lasts the lease, and at least this


class Intake:
    """Ingesting and extracting into the store."""

    config: Config
    store: Store
    clock: Clock
    holder: str
    quiet: bool
    _extractor: Engine | None
    _make_extractor: Callable[[], Engine]

    def _problem(self, report: CycleReport, problem: Problem) -> None:
        raise NotImplementedError

    lease_ttl: Callable[[], timedelta]  # Sending's

    def _default_extractor(self) -> Engine:
        return engine_for(self.config)  # compute.engine: here, or on a Dask cluster

    @property
    def extractor(self) -> Engine:
        if self._extractor is None:
            self._extractor = self._make_extractor()
        return self._extractor

    def close_engine(self) -> None:
        """Stop the extraction engine's connection to its cluster, if it has one."""
        close = getattr(self._extractor, "close", None)
        if close is not None:
            close()
        self._extractor = None

    def ingest(self, report: CycleReport) -> None:
        """Read every source; store documents whose content was not seen before, a batch
        per transaction, so that no network read happens inside one."""
        http = self.config.http
        self.store_new(chain.from_iterable(
            sources.read([source.url or str(self.config.resolve(source.path or ""))],
                         clock=self.clock, on_problem=lambda p: self._problem(report, p),
                         source_name=source.name, http=http)
            for source in self.config.sources), report)

    def store_new(self, documents: Iterable[Document], report: CycleReport) -> None:
        """Store the documents whose content was not seen before, a batch at a time."""
        batch: dict[str, Document] = {}
        for document in documents:
            if document.content_hash in batch or self.store.has_content(
                    document.content_hash):
                report.duplicates += 1
                continue
            batch[document.content_hash] = document
            if len(batch) >= INGEST_BATCH:
                self._store_documents(batch, report)
        self._store_documents(batch, report)

    def _store_documents(self, batch: dict[str, Document], report: CycleReport) -> None:
        if not batch:
            return
        with self.store.transaction():
            for document in batch.values():
                if self.store.shared and self.store.has_content(document.content_hash):
                    report.duplicates += 1  # another alerter stored it meanwhile
                    continue
                stored = self.store.add_document(document)
                if self.quiet:
                    self.store.mark_quiet([stored.id])
                report.documents += 1
                crash_point("mid-ingest")
        batch.clear()

    def extract(self, report: CycleReport,
                progress: Callable[[list[Document]], None] | None = None) -> None:
        """Extract events from every stored document not yet extracted, streaming them
        through spaCy and committing the events of each batch as it comes out; tell
        `progress` the documents of each commit."""
        pending = self._pending()
        first = next(pending, None)
        if first is None:
            return  # spaCy is not loaded for nothing
        results = self.extractor.extract(chain([first], pending))
        size = max(1, self.config.nlp.batch_size)
        while chunk := list(islice(results, size)):  # spaCy runs here, outside a transaction
            now = self.clock.now()
            with self.store.transaction():
                for document, events in chunk:
                    report.events += self.store.add_events(document, events, now)
            crash_point("after-extract-commit")
            report.extracted += len(chunk)
            if progress is not None:
                progress([document for document, _ in chunk])

    def _pending(self) -> Iterator[Document]:
        """Give the documents to extract: on a store several alerters share, those this
        one claims (each document goes to one alerter; the claim of one that dies
        passes on after the lease time)."""
        if not self.store.shared:
            return self.store.unextracted()
        if not self.store.count_unextracted():
            return iter(())
        self.extractor  # noqa: B018  (loaded before claiming: claims are for the work itself)
        now = self.clock.now()
        compute = self.config.compute  # claims as large as the batches the engine takes
        batch = compute.batch_size if compute.engine == "dask" else self.config.nlp.batch_size
        until = now + max(self.lease_ttl(), CLAIM_MIN)
        return self.store.claimed(self.holder, batch, now, until)
