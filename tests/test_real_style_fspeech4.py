"""Charges and threats in government prose the annotated sample does not hold (issue 10,
round 4; read on fresh documents with bench/fresh_review.py): charges told by nouns
("brought fraud charges against", "charges filed against X", "returned an indictment",
"an indictment was returned"), blame told by "bears responsibility for" an act, resolve
told by a negated holding back ("will not hesitate to hold X accountable"), a firm
response held out ("will respond decisively if X invades"), a veto still to come as a
threat (its refusal hypothetical), a threat a named party makes ("Russia's threats
against Ukraine"); and the look-alikes: a condemnation that is only a
duty ("a responsibility to condemn violence"), a copy of a paper requested, a method
described ("used hybrid tactics to threaten X"), a public body given a task by name
("charged the Treasury with pursuing"), an office that "bears responsibility for" its
work. Every sentence is our own, written in the style of the error classes seen; none is
corpus text.
"""

from __future__ import annotations

import pytest

from alerter.extract import Extractor
from alerter.models import Event

from .sentences import assert_found, assert_none_of, extract_each

# sentence → an event it must hold: (type, modality[, actor codes])
MUST: list[tuple[str, tuple[object, ...]]] = [
    # a grand jury's indictment, told by "return"
    ("A grand jury returned an indictment against Carlos Mendez for smuggling migrants.",
     ("ACCUSE", "asserted")),
    ("Last year a federal indictment was returned in Texas against three brokers.",
     ("ACCUSE", "asserted")),
    # charges told by a noun with a modifier between
    ("Prosecutors brought fraud charges against the mayor last week.",
     ("ACCUSE", "asserted")),
    ("The ministry filed money laundering charges against two bankers.",
     ("ACCUSE", "asserted")),
    ("The money laundering charges filed against Pedro Ruiz remain pending.",
     ("ACCUSE", "asserted")),
    # blame: "bears responsibility for" an act of harm
    ("The ministers said Russia bears responsibility for the destruction of the dam.",
     ("ACCUSE", "asserted")),
    ("Iran bears full responsibility for these attacks on shipping.",
     ("ACCUSE", "asserted")),
    # a negated holding back is resolve: the threat is made, not denied
    ("We will not hesitate to take further steps to hold Iran accountable for its attacks.",
     ("THREATEN", "asserted")),
    # a veto still to come is a veto threat: the refusal is hypothetical
    ("The President has vowed to veto the spending bill.", ("REJECT", "hypothetical")),
    ("The President will veto any bill that cuts pensions.", ("REJECT", "hypothetical")),
    ("The President vetoed the resolution on Tuesday.", ("REJECT", "asserted")),
    ("The prosecutor pressed dubious charges against three members of the opposition.",
     ("ACCUSE", "asserted")),
    # a request of a party, and a threat that says what will be done
    ("We requested that Congress provide more funding for Ukraine.", ("REQUEST", "asserted")),
    ("Russia threatened Ukraine with a full-scale invasion.", ("THREATEN", "asserted")),
    # a threat a named party makes, told by a noun it holds
    ("The ministers condemned Russia's threats of nuclear weapon use.",
     ("THREATEN", "asserted", {"RUS"})),
    ("I am troubled by Israel's threats to take action in the city.",
     ("THREATEN", "asserted", {"ISR"})),
    # a firm response held out against a party
    ("The United States and its allies will respond decisively if Russia invades Georgia.",
     ("THREATEN", "asserted")),
    ("The partners would respond swiftly to any further strike on Israel.",
     ("THREATEN", "asserted")),
]

MUST_NOT: list[tuple[str, str]] = [
    # a public body given a task by name
    ("The President charged the Treasury Department with pursuing additional sanctions.",
     "ACCUSE"),
    ("The order charged the Commerce Department with drafting new export rules.", "ACCUSE"),
    # responsibility for work, not for harm
    ("This agency bears responsibility for nuclear research and development.", "ACCUSE"),
    ("The office bears responsibility for the management of public lands.", "ACCUSE"),
    # a condemnation that is only a duty named
    ("All of us have a responsibility to calm tempers and condemn violence of any kind.",
     "ACCUSE"),
    ("The minister stressed the need for every party to condemn acts of terror.", "ACCUSE"),
    # a threat that is truly denied, and a response that holds nothing out
    ("We will not hold Iran accountable for this incident.", "THREATEN_ASSERTED"),
    ("We will respond accordingly when the agency notifies us.", "THREATEN"),
    # papers fetched, nothing asked of a party
    ("I requested a copy of the audit last week.", "REQUEST"),
    ("We requested the records from the agency in May.", "REQUEST"),
    ("The prosecutor pressed dubious charges against three members of the opposition.",
     "REQUEST"),
    # a method described, no threat made
    ("Moscow has used hybrid tactics to threaten Moldova.", "THREATEN"),
    # a threat as a description of danger
    ("The report described Russia's threat to Ukraine's sovereignty.", "THREATEN"),
    # "return" of something else
    ("The delegation returned to the capital after the talks.", "ACCUSE"),
]


@pytest.fixture(scope="module")
def extracted(extractor: Extractor) -> dict[str, list[Event]]:
    sentences = sorted({s for s, _ in MUST} | {s for s, _ in MUST_NOT})
    return extract_each(extractor, sentences)


@pytest.mark.parametrize(("sentence", "expected"), MUST,
                         ids=[f"{e[0]!s}: {s[:50]}" for s, e in MUST])
def test_event_is_found(sentence: str, expected: tuple[object, ...],
                        extracted: dict[str, list[Event]]) -> None:
    fields = ("type", "modality", "actor")[:len(expected)]
    assert_found(extracted[sentence], expected, fields)


@pytest.mark.parametrize(("sentence", "type_"), MUST_NOT,
                         ids=[f"{t}: {s[:50]}" for s, t in MUST_NOT])
def test_event_is_not_misread(sentence: str, type_: str,
                              extracted: dict[str, list[Event]]) -> None:
    if type_.endswith("_ASSERTED"):
        assert_none_of(extracted[sentence], type_.removesuffix("_ASSERTED"), ("asserted",))
    else:
        assert_none_of(extracted[sentence], type_)


def test_returned_indictment_charging_is_one_charge(extractor: Extractor) -> None:
    sentence = "In 2019, a grand jury returned an indictment charging Pedro Ruiz with fraud."
    events = extract_each(extractor, [sentence])[sentence]
    assert [e.trigger.text for e in events if e.type == "ACCUSE"] == ["charging"]
