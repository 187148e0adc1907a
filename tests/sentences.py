"""What the real-style sentence tests share (tests/test_*real_style*.py): each sentence
is read as a document of its own, through the real reading step and spaCy pipeline.

Most files hold two lists, sentences with an event they must hold (MUST) and sentences
with a type they must not hold (MUST_NOT; "TYPE:modality" for that type in that mode
only); `sentence_tests` gives them their fixture and their two tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import pytest

from alerter.extract import Extractor
from alerter.models import Event
from alerter.sources.documents import RawDocument, to_document

PUBLISHED = datetime(2024, 5, 10, 12, tzinfo=UTC)


def extract_each(extractor: Extractor, sentences: Iterable[str]) -> dict[str, list[Event]]:
    """Give each sentence's events, the sentence read as a document of its own."""
    documents = []
    for sentence in sorted(set(sentences)):
        raw = RawDocument(text=sentence, origin="test", id=sentence, published=PUBLISHED)
        document = to_document(raw, PUBLISHED, None)
        assert document is not None, sentence
        documents.append(document)
    return {d.id: events for d, events in extractor.extract(documents)}


def shown(e: Event) -> str:
    """Give an event on one line, for a failing assertion's message."""
    return (f"{e.type}/{e.subtype} '{e.trigger.text}' {e.modality} hedged={e.hedged} "
            f"{sorted(p.code for p in e.actor if p.code)} → "
            f"{sorted(p.code for p in e.target if p.code)}")


def described(event: Event, fields: tuple[str, ...]) -> tuple[object, ...]:
    """Give the event's values of `fields`: "actor" and "target" as sets of codes, any
    other name as the attribute of that name ("type", "subtype", "modality", "hedged")."""
    return tuple({p.code for p in getattr(event, f) if p.code} if f in ("actor", "target")
                 else getattr(event, f) for f in fields)


def assert_found(events: list[Event], expected: tuple[object, ...],
                 fields: tuple[str, ...]) -> None:
    """Assert that one of the events has exactly the `expected` values of `fields`."""
    assert expected in [described(e, fields) for e in events], [shown(e) for e in events]


def assert_none_of(events: list[Event], type_: str, modalities: tuple[str, ...] = ()) -> None:
    """Assert that no event is of `type_` (with one of `modalities`, when given)."""
    wrong = [e for e in events if e.type == type_
             and (not modalities or e.modality in modalities)]
    assert not wrong, [shown(e) for e in wrong]


def sentence_tests(must: Sequence[tuple[str, tuple[Any, ...]]],
                   must_not: Sequence[tuple[str, str]], fields: tuple[str, ...]
                   ) -> tuple[Callable[..., Any], Callable[..., None], Callable[..., None]]:
    """Give a test file's `extracted` fixture (each sentence's events, extracted once for
    the module) and its two tests: each MUST sentence holds an event with exactly its
    expected values of `fields`, and no MUST_NOT sentence holds an event of its type.
    Bind them to those names in the file: `extracted, test_event_is_found,
    test_event_is_not_misread = sentence_tests(MUST, MUST_NOT, FIELDS)`."""

    @pytest.fixture(scope="module")
    def extracted(extractor: Extractor) -> dict[str, list[Event]]:
        return extract_each(extractor, [s for s, _ in must] + [s for s, _ in must_not])

    @pytest.mark.parametrize(("sentence", "expected"), must,
                             ids=[f"{e[0]}: {s[:50]}" for s, e in must])
    def test_event_is_found(sentence: str, expected: tuple[Any, ...],
                            extracted: dict[str, list[Event]]) -> None:
        assert_found(extracted[sentence], expected, fields)

    @pytest.mark.parametrize(("sentence", "type_"), must_not,
                             ids=[f"{t}: {s[:50]}" for s, t in must_not])
    def test_event_is_not_misread(sentence: str, type_: str,
                                  extracted: dict[str, list[Event]]) -> None:
        name, _, modality = type_.partition(":")
        assert_none_of(extracted[sentence], name, (modality,) if modality else ())

    return extracted, test_event_is_found, test_event_is_not_misread
