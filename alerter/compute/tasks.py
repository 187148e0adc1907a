"""What runs on a Dask worker: the plugin that loads the spaCy pipeline once per
worker, and the task that extracts one batch of documents with it. Only plain data
crosses the wire: documents and events as dicts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from distributed import WorkerPlugin, get_worker

if TYPE_CHECKING:
    from alerter.config import Config

PLUGIN = "alerter-pipeline"


class PipelineOnWorker(WorkerPlugin):
    """Loads alerter's spaCy pipeline when attached to a worker, once, for all its tasks."""

    def __init__(self, model: str, taxonomy: str | None, gazetteer: str | None,
                 batch_size: int, issuers: Mapping[str, str] | None = None) -> None:
        self.settings = (model, taxonomy, gazetteer, batch_size, dict(issuers or {}))
        self.extractor: Any = None

    @classmethod
    def of(cls, config: Config) -> PipelineOnWorker:
        """Give the plugin that loads the pipeline the config's `nlp` section describes,
        as `alerter.extract.extractor_for` does here (issuers included)."""
        nlp = config.nlp
        return cls(nlp.model, str(config.resolve(nlp.taxonomy)) if nlp.taxonomy else None,
                   str(config.resolve(nlp.gazetteer)) if nlp.gazetteer else None,
                   nlp.batch_size, nlp.issuers)

    def setup(self, worker: Any) -> None:
        from alerter.extract import Extractor

        model, taxonomy, gazetteer, batch_size, issuers = self.settings
        self.extractor = Extractor.load(model, taxonomy=taxonomy, gazetteer=gazetteer,
                                        batch_size=batch_size, issuers=issuers)


def extract_batch(batch: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Give, for each document of the batch (as a dict), its events as dicts."""
    from alerter.models import Document

    plugin = get_worker().plugins[PLUGIN]
    assert isinstance(plugin, PipelineOnWorker) and plugin.extractor is not None
    documents = [Document.model_validate(d) for d in batch]
    return [[e.model_dump(mode="json") for e in events]
            for _, events in plugin.extractor.extract(documents)]
