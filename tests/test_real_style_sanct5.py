"""Sanctions and concessions in government prose, round 5 (issue 10; read on fresh
Treasury and White House documents with bench/fresh_review.py): a state's own forces and
services named by their own name (the IRGC, the Qods Force, the GRU) take the state's
code, while the armed groups it backs take none. Every sentence is our own, written in the
style of the error classes seen; none is corpus text. The test documents are published
on 10 May 2024.
"""

from __future__ import annotations

from typing import Any

import pytest

from alerter.extract import Extractor
from alerter.models import Event

from .sentences import assert_found, assert_none_of, extract_each

CODES = ("type", "actor", "target")
MODES = ("type", "modality")
# (sentence, fields compared, their expected values in one of the sentence's events)
MUST: list[tuple[str, tuple[str, ...], tuple[Any, ...]]] = [
    # a state's own forces and services: its code, as actor or as target
    ("Treasury designated four IRGC-QF officers today.", CODES,
     ("SANCTION", {"USA"}, {"IRN"})),
    ("OFAC is sanctioning two shell companies of the Islamic Revolutionary Guard "
     "Corps-Qods Force.", CODES, ("SANCTION", {"USA"}, {"IRN"})),
    ("The Islamic Revolutionary Guard Corps seized a tanker off the coast last week.", CODES,
     ("COERCE", {"IRN"}, set())),
    ("GRU officers attacked the ministry's servers with ransomware.", CODES,
     ("ASSAULT", {"RUS"}, set())),
]
# (sentence, a type it must not hold, or "TYPE:modality" for that type in that mode only)
MUST_NOT: list[tuple[str, str]] = []
# (sentence, the only codes its events of this type may have as actor)
NO_CODE: list[tuple[str, str, set[str]]] = [
    # a group a state backs is no state organ
    ("Hizballah fired rockets at the border town.", "ASSAULT", set()),
    ("The Houthis attacked a cargo ship in the strait.", "ASSAULT", set()),
]


@pytest.fixture(scope="module")
def found(extractor: Extractor) -> dict[str, list[Event]]:
    return extract_each(extractor, [s for s, _, _ in MUST] + [s for s, _ in MUST_NOT]
                        + [s for s, _, _ in NO_CODE])


@pytest.mark.parametrize(("sentence", "fields", "expected"), MUST,
                         ids=[f"{e[0]}: {s[:50]}" for s, _, e in MUST])
def test_event_is_found(found: dict[str, list[Event]], sentence: str,
                        fields: tuple[str, ...], expected: tuple[Any, ...]) -> None:
    assert_found(found[sentence], expected, fields)


@pytest.mark.parametrize(("sentence", "type_"), MUST_NOT,
                         ids=[f"{t}: {s[:50]}" for s, t in MUST_NOT])
def test_event_is_not_misread(found: dict[str, list[Event]], sentence: str,
                              type_: str) -> None:
    name, _, mode = type_.partition(":")
    assert_none_of(found[sentence], name, (mode,) if mode else ())


@pytest.mark.parametrize(("sentence", "type_", "codes"), NO_CODE,
                         ids=[f"{t}: {s[:50]}" for s, t, _ in NO_CODE])
def test_backed_group_has_no_code(found: dict[str, list[Event]], sentence: str,
                                  type_: str, codes: set[str]) -> None:
    events = [e for e in found[sentence] if e.type == type_]
    assert events, sentence
    assert all({p.code for p in e.actor if p.code} == codes for e in events), events
