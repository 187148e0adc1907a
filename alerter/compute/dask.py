"""Extraction on a Dask cluster (`compute.engine: dask`).

Documents go to the workers in batches (`compute.batch_size`); each worker has loaded
the spaCy pipeline once (tasks.PipelineOnWorker). At most `compute.in_flight` batches
are out at once, so memory stays flat whatever the corpus size: the next batch is
sent only when the oldest one's result has been taken. Results are taken in the order
the batches were sent, so the store receives documents in the order given.

A worker that dies mid-batch: the scheduler runs the batch again on another worker,
and its future gives the result once. Each batch's task key is its own (a run id and
the batch number), so a re-run is never mistaken for another batch, and the store's
writes are idempotent besides (event ids are stable; a document is marked extracted).
"""

from __future__ import annotations

import logging
import os
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import CancelledError
from itertools import islice
from typing import TYPE_CHECKING, Any

from alerter.compute.tasks import PLUGIN, PipelineOnWorker, extract_batch
from alerter.errors import AlerterError
from alerter.models import Document, Event

if TYPE_CHECKING:
    from distributed import Client

    from alerter.config import Config

log = logging.getLogger("alerter")


class ComputeError(AlerterError):
    """The Dask cluster could not be reached or started."""

    exit_code = 2


class DaskEngine:
    """A client of a Dask cluster with alerter's pipeline loaded on every worker."""

    def __init__(self, client: Client, *, batch_size: int, in_flight: int,
                 cluster: Any = None) -> None:
        self.client = client
        self.batch_size = batch_size
        self.in_flight = in_flight
        self._cluster = cluster

    @classmethod
    def start(cls, config: Config) -> DaskEngine:
        """Connect to `compute.address`, or start a local cluster of `compute.workers`
        processes; load the pipeline on every worker."""
        from distributed import Client, LocalCluster

        compute = config.compute
        cluster: Any = None
        try:
            if compute.address:
                client = Client(compute.address, timeout="30s")  # type: ignore[no-untyped-call]
            else:
                workers = ((os.cpu_count() or 1) if compute.workers == "auto"
                           else compute.workers)
                cluster = LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=int(workers), threads_per_worker=1, processes=True,
                    dashboard_address=None)
                client = Client(cluster)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as exc:
            where = compute.address or "a local cluster"
            raise ComputeError(f"compute: cannot reach the Dask scheduler at {where}: {exc}; "
                               "start it (docs/scaling.md) or set compute.engine: local"
                               ) from None
        client.register_plugin(PipelineOnWorker.of(config), name=PLUGIN)
        workers = len(client.scheduler_info(n_workers=-1)["workers"])
        log.info("extracting on Dask: %s, %d workers",
                 compute.address or "a local cluster", workers)
        return cls(client, batch_size=compute.batch_size,
                   in_flight=compute.in_flight or max(2, 2 * workers), cluster=cluster)

    def extract(self, documents: Iterable[Document]
                ) -> Iterator[tuple[Document, list[Event]]]:
        """Yield each document with its events, in the order given."""
        run = uuid.uuid4().hex[:12]
        source = iter(documents)
        out: deque[tuple[list[Document], Any]] = deque()
        number = 0
        while True:
            while len(out) < self.in_flight:
                batch = list(islice(source, self.batch_size))
                if not batch:
                    break
                payload = [d.model_dump(mode="json") for d in batch]
                future = self.client.submit(extract_batch, payload, retries=2,
                                            key=f"alerter-extract-{run}-{number}")
                out.append((batch, future))
                number += 1
            if not out:
                return
            batch, future = out.popleft()
            results = self._result(future, batch)
            future.release()
            for document, events in zip(batch, results, strict=True):
                yield document, [Event.model_validate(e) for e in events]

    @staticmethod
    def _result(future: Any, batch: list[Document]) -> list[list[dict[str, Any]]]:
        from distributed import KilledWorker

        try:
            return list(future.result())
        except (KilledWorker, CancelledError, OSError, TimeoutError) as exc:
            raise ComputeError(
                f"compute: a batch ({batch[0].id} …, {len(batch)} documents) could not be "
                f"extracted on the cluster ({type(exc).__name__}: {exc}); the documents "
                "not extracted yet are taken again by the next run") from None

    def close(self) -> None:
        self.client.close()  # type: ignore[no-untyped-call]
        if self._cluster is not None:
            self._cluster.close()
