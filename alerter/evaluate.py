"""Score the extractor against a hand-annotated gold set.

The work is split by responsibility: `alerter.gold` reads gold sets, `alerter.scoring`
aligns predicted to gold events and counts, `alerter.scoretable` formats a Report.
This module runs an extractor over gold sentences and re-exports the names callers
use, so `from alerter.evaluate import ...` keeps working.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime, time
from typing import Protocol

from alerter.gold import (
    SPLITS,
    SUBTYPES,
    GoldEvent,
    GoldSentence,
    load_gold,
    parse_gold_line,
    select_split,
)
from alerter.models import Document, Event
from alerter.scoretable import format_report
from alerter.scoring import ATTRIBUTES, Accuracy, Alignment, Counts, Report, align, codes, score
from alerter.sources.documents import RawDocument, to_document

__all__ = ["ATTRIBUTES", "SPLITS", "SUBTYPES", "Accuracy", "Alignment", "Counts",
           "EventExtractor", "GoldEvent", "GoldSentence", "Report", "align", "codes",
           "evaluate", "format_report", "gold_document", "load_gold", "parse_gold_line",
           "score", "select_split"]


class EventExtractor(Protocol):
    """Anything with `alerter.extract.Extractor.extract`'s signature."""

    def extract(self, documents: Iterable[Document]) -> Iterable[tuple[Document, list[Event]]]:
        """Return each document with the events found in it."""
        ...


def gold_document(sentence: GoldSentence) -> Document:
    """Return the Document for a gold sentence: its id, published at 12:00 UTC that day."""
    published = datetime.combine(sentence.published, time(12, 0), tzinfo=UTC)
    raw = RawDocument(text=sentence.text, origin="gold", id=sentence.id, published=published,
                      source=sentence.source, title=sentence.title)
    document = to_document(raw, published, None)
    if document is None:
        raise ValueError(f"gold sentence {sentence.id} has no text")
    return document


def evaluate(extractor: EventExtractor, gold: list[GoldSentence],
             split: str | None = None) -> Report:
    """Return the Report of running `extractor` over the gold sentences of `split` in one stream."""
    chosen = select_split(gold, split)
    predicted = {document.id: events
                 for document, events in extractor.extract(map(gold_document, chosen))}
    return replace(score(chosen, predicted), split=split or "all")
