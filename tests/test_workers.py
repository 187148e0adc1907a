"""`nlp.n_process: auto`: one process per core, one for a small input."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from alerter.config import Config
from alerter.extract import Extractor, workers
from alerter.extract.workers import WORDS_PER_WORKER, choose_processes, machine_cores
from alerter.models import Document
from alerter.sources.documents import RawDocument, to_document

NOW = datetime(2023, 2, 24, 12, tzinfo=UTC)


def document(i: int, words: int) -> Document:
    text = " ".join(["Poland"] + ["word"] * (words - 1))
    made = to_document(RawDocument(text=text, origin="t", id=f"d{i}", published=NOW), NOW, None)
    assert made is not None
    return made


def endless(words: int) -> Iterator[Document]:
    for i in itertools.count():
        yield document(i, words)


def test_auto_is_the_default() -> None:
    assert Config().nlp.n_process == "auto"


def test_machine_cores_are_those_this_process_may_use() -> None:
    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
        else os.cpu_count()
    assert machine_cores() == expected


def test_a_number_is_taken_as_it_is() -> None:
    documents = [document(i, 10) for i in range(3)]
    n, again = choose_processes(3, documents)
    assert n == 3 and list(again) == documents


@pytest.mark.parametrize(("cores", "words", "expected"), [
    (4, 5_000, 1),                       # a small input: starting workers costs more
    (4, 2 * WORDS_PER_WORKER + 10, 2),    # a worker per 20,000 words
    (4, 100 * WORDS_PER_WORKER, 4),       # at most one per core
    (1, 100 * WORDS_PER_WORKER, 1),
])
def test_auto_gives_each_worker_enough_words(monkeypatch: pytest.MonkeyPatch, cores: int,
                                             words: int, expected: int) -> None:
    monkeypatch.setattr(workers, "machine_cores", lambda: cores)
    documents = [document(i, 500) for i in range(words // 500 + 1)]
    n, again = choose_processes("auto", documents)
    assert n == expected
    assert list(again) == documents  # every document, once, in order


def test_auto_reads_ahead_only_what_it_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "machine_cores", lambda: 2)
    n, again = choose_processes("auto", endless(1_000))  # a stream without end
    assert n == 2
    assert [d.id for d in itertools.islice(again, 45)] == [f"d{i}" for i in range(45)]


def test_auto_on_a_small_input_finds_what_one_process_finds(extractor: Extractor) -> None:
    auto = Extractor(extractor.nlp, n_process="auto")
    texts = ["The European Union imposed new sanctions on Belarus on Monday.",
             "Poland said it would deliver Leopard tanks to Ukraine."]
    documents = [to_document(RawDocument(text=t, origin="t", id=f"s{i}", published=NOW),
                             NOW, None) for i, t in enumerate(texts)]
    chosen = [d for d in documents if d is not None]
    one = [[e.model_dump() for e in events] for _, events in extractor.extract(chosen)]
    assert [[e.model_dump() for e in events] for _, events in auto.extract(chosen)] == one
    assert any(one)
