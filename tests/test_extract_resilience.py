"""A passage our components fail on costs that passage's events, not the run.

An error raised inside spaCy's `nlp.pipe` used to stop the whole cycle, and with worker
processes (`n_process` > 1, the default on a multi-core machine) it left the workers
blocked on a full pipe: `alerter run --once` hung. The failure is injected here (a
component that raises on one document), the rest is the real pipeline.
"""

from __future__ import annotations

import logging
import signal
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from alerter.extract import Extractor
from alerter.models import Document

WHEN = datetime(2023, 2, 24, 12, 0, tzinfo=UTC)
TEXTS = {
    "before": "The United States imposed sanctions on Russia on Friday.",
    "poison": "POISON. Japan imposed sanctions on Russia on Friday.",
    "after": "Canada imposed sanctions on Iran on Friday.",
}


def document(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, source="test", url=None, title=doc_id, text=text,
                    published=WHEN, fetched=WHEN, content_hash=doc_id)


def poisoned(component: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def call(doc: Any) -> Any:
        if "POISON" in doc.text:
            raise KeyError("an odd name")
        return component(doc)
    return call


@pytest.fixture
def alarm() -> Iterator[None]:
    """Fail the test instead of hanging the suite."""
    def hung(signum: int, frame: object) -> None:
        raise TimeoutError("extraction hung")
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(180)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_passage_our_code_fails_on_costs_only_its_events(
        extractor: Extractor, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
        alarm: None, n_process: int) -> None:
    mine = Extractor(extractor.nlp, n_process=n_process)
    real = mine._ours()
    monkeypatch.setattr(mine, "_ours", lambda: [poisoned(c) for c in real])
    monkeypatch.setattr("alerter.extract.choose_processes", lambda n, docs: (n, docs))
    with caplog.at_level(logging.ERROR, logger="alerter"):
        found = {d.id: events for d, events in mine.extract(
            document(key, text) for key, text in TEXTS.items())}
    assert list(found) == ["before", "poison", "after"]  # every document is finished
    assert found["poison"] == []
    assert [e.type for e in found["before"]] == ["SANCTION"]
    assert [(e.type, [t.code for t in e.target]) for e in found["after"]] == \
        [("SANCTION", ["IRN"])]
    assert any("poison: a passage could not be extracted (KeyError" in r.message
               for r in caplog.records)


def test_a_gazetteer_name_written_with_spaces_around_its_hyphen_is_still_found(
        extractor: Extractor) -> None:
    """The matcher compares tokens, so "Biden - Harris" matches "Biden-Harris"; looking
    the match up by its text raised KeyError and stopped a whole run on real text."""
    found = dict(extractor.extract([document("spaced", (
        "The Biden - Harris Administration imposed sanctions on Russia on Monday."))]))
    events = next(iter(found.values()))
    assert [(e.type, [a.code for a in e.actor]) for e in events] == [("SANCTION", ["USA"])]
