"""Where extraction runs (`compute.engine`): `local`, the spaCy pipeline in this process
(alerter.extract), or `dask`, batches of documents on the workers of a Dask cluster
(dask.py, with the task and worker plugin in tasks.py). Both give the same thing: each
document, in the order given, with the events found in it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

from alerter.models import Document, Event

if TYPE_CHECKING:
    from alerter.config import Config


class Engine(Protocol):
    def extract(self, documents: Iterable[Document]
                ) -> Iterator[tuple[Document, list[Event]]]: ...


def engine_for(config: Config) -> Engine:
    """Give the extraction engine the config's `compute` section names."""
    if config.compute.engine == "dask":
        from alerter.compute.dask import DaskEngine

        return DaskEngine.start(config)
    from alerter.extract import extractor_for

    return extractor_for(config)
