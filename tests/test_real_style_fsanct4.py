"""Sanctions in government prose, round 4 (issue 10; read on fresh Treasury and White
House documents with bench/fresh_review.py): the day's measures told by a participle the
parser reads as the clause's verb ("the sanctions announced today target ..."), the day's
designation named by "today's" whatever verb it hangs from, the day's designees named
before the verb ("among the ships sanctioned today are ..."), a designation "taken", a
partner's designation told "concurrently"; and the look-alikes: a lifting announced
("announced the lifting of sanctions", "the rescission of X's designation"), the Entity
List named with nothing put on it, a release saying whom its action leaves out ("does
not designate any ..."), and a campaign summed up in the past simple by a round count
("imposed sanctions on more than 500 people"). Every sentence is our own, written in the
style of the error classes seen; none is corpus text. The test documents are published
on 10 May 2024.
"""

from __future__ import annotations

import pytest

from alerter.extract import Extractor
from alerter.models import Event

from .sentences import assert_found, assert_none_of, extract_each

FIELDS = ("type", "subtype", "modality")
MUST: list[tuple[str, tuple[str, str, str]]] = [
    ("The sanctions announced today target twelve freight firms that ship fuel to the "
     "militia.", ("SANCTION", "economic", "asserted")),
    ("We stand with our allies, and new sanctions announced today will cut the junta off "
     "from its timber revenue.", ("SANCTION", "economic", "asserted")),
    ("Commerce added nineteen firms to the Entity List today.",
     ("SANCTION", "export_control", "asserted")),
    ("Today, OFAC sanctioned more than 100 tankers of the shadow fleet.",
     ("SANCTION", "economic", "asserted")),
    ("Canada announced new sanctions on the junta's arms brokers.",
     ("SANCTION", "economic", "asserted")),
    # the day's designation named by "today's", whatever verb it hangs from
    ("Today's designation is one part of a broad campaign against the cartel's suppliers.",
     ("SANCTION", "economic", "asserted")),
    ("We thank the Under Secretary for today's designation, which will help stop the "
     "smugglers.", ("SANCTION", "economic", "asserted")),
    # a measure negated by a party stays (not the release's note on whom it leaves out)
    ("Japan has not imposed any sanctions on the junta.",
     ("SANCTION", "economic", "negated")),
    # a designation said to be taken
    ("This OFAC designation was taken in coordination with the coast guard.",
     ("SANCTION", "economic", "asserted")),
    ("Today's designations were taken pursuant to Executive Order 14059.",
     ("SANCTION", "economic", "asserted")),
    # the day's designees named before the verb: "among the ... sanctioned today are"
    ("Among the ships sanctioned today are two tankers run by the broker's cousin.",
     ("SANCTION", "economic", "asserted")),
    ("Of the traders designated today, three live in Oman.",
     ("SANCTION", "economic", "asserted")),
    # a partner's designation on the same day, told in the passive
    ("Delta Freight and Orion Metals are also concurrently being designated by Australia "
     "today.", ("SANCTION", "economic", "asserted")),
]
NONE: list[str] = [
    "Today, the Secretary announced the lifting of sanctions on the island's central bank.",
    "The Entity List is printed in the Federal Register as an annex to the regulations.",
    "This action does not designate any ships or shipping agents.",
    "Today's action does not sanction any Greek firms.",
    "The United States imposed sanctions on more than 500 people and firms tied to the "
    "invasion.",
    "The President said that today's designation of three river valleys will protect their "
    "wildlife.",
    "Further details on the traders designated today are given in the annex.",
    "The Minister gave the following remarks on the rescission of Chad's State Sponsor of "
    "Terrorism designation:",
]


@pytest.fixture(scope="module")
def found(extractor: Extractor) -> dict[str, list[Event]]:
    return extract_each(extractor, [s for s, _ in MUST] + NONE)


@pytest.mark.parametrize(("sentence", "expected"), MUST)
def test_sanction_found(found: dict[str, list[Event]], sentence: str,
                        expected: tuple[str, str, str]) -> None:
    assert_found(found[sentence], expected, FIELDS)


@pytest.mark.parametrize("sentence", NONE)
def test_no_sanction(found: dict[str, list[Event]], sentence: str) -> None:
    assert_none_of(found[sentence], "SANCTION")
