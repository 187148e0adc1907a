"""What the example files showed the extractor misreading, in our own words: words of
force and agreement in news that is neither (sport, walkouts, storms, businesses closing
things, bans, hosting troops, spaceflight), and whose a supply is when a pronoun or a
bargain says so. Each MUST_NOT sentence must give no event of the type beside it."""

from __future__ import annotations

import pytest

from alerter.extract import Extractor
from alerter.models import Event

from .sentences import assert_found, assert_none_of, extract_each

MUST_NOT: list[tuple[str, str]] = [
    # a game: a score beside "beat", a shot or a ball struck
    ("Riverside Rovers beat Northport 2-0 on Saturday to stay top of the league.", "ASSAULT"),
    ("The visitors were beaten 4 - 1 after a late collapse.", "ASSAULT"),
    ("Okafor struck a curling shot past the keeper in the final minute.", "ASSAULT"),
    ("The captain hit the ball over the boundary for six.", "ASSAULT"),
    ("The two negotiators struck a balance between speed and care.", "ASSAULT"),
    # a club signing a player is no agreement between parties
    ("The club signed the Brazilian winger on a three-year contract.", "AGREE"),
    # walkouts: told by their length, their cause or who walks out
    ("Dock workers in Belgium began a 48-hour strike on Monday.", "ASSAULT"),
    ("Teachers staged a two-day strike over pay in the capital.", "ASSAULT"),
    ("Bus drivers held a strike against the new rota.", "ASSAULT"),
    # storms and businesses close things; nobody is coerced
    ("Snow and high winds closed the mountain pass on Tuesday.", "COERCE"),
    ("Two carmakers closed their Hungarian factories after the sanctions.", "COERCE"),
    # a ban stops a trade: the export it bans is no supply
    ("The new rules ban the export of chips and machine tools to Belarus.", "AID"),
    # hosting troops is no meeting; a rocket carrying satellites is no attack
    ("Critics say Minsk helps Moscow by hosting Russian troops and jets.", "CONSULT"),
    ("A start-up launched a rocket carrying eight satellites from its spaceport.", "ASSAULT"),
]
MUST: list[tuple[str, str]] = [
    ("Government forces struck rebel positions near the border with Chad.", "ASSAULT"),
    ("Russian missiles hit military targets in western Ukraine overnight.", "ASSAULT"),
    ("Jets carried out a strike on an arms depot in the north.", "ASSAULT"),
    ("Ukraine and Moldova signed with the EU an accord on transit.", "AGREE"),
    ("Police closed the opposition newspaper's offices in Minsk.", "COERCE"),
    ("The president hosted the Kenyan prime minister at the palace.", "CONSULT"),
    ("The militia launched a rocket at the airport overnight.", "ASSAULT"),
]


def test_its_plan_belongs_to_the_one_warned(extracted: dict[str, list[Event]]) -> None:
    """"Warned Poland over its plan to send tanks": the plan is Poland's, not Russia's."""
    [aid] = [e for e in extracted[WARNED] if e.type == "AID"]
    assert ({p.code for p in aid.actor}, {p.code for p in aid.target}) == ({"HUN"}, {"MDA"})


def test_who_bargains_for_a_delivery_receives_it(extracted: dict[str, list[Event]]) -> None:
    """"X is negotiating with a Chinese firm for the delivery of drones": China supplies X."""
    [aid] = [e for e in extracted[BARGAIN] if e.type == "AID"]
    assert ({p.code for p in aid.actor}, {p.code for p in aid.target}, aid.modality) == (
        {"TUR"}, {"AZE"}, "discussed")


def test_the_named_recipient_is_not_also_a_supplier(extracted: dict[str, list[Event]]) -> None:
    """"Greek and Cypriot officials discussed the supply of shells to Cyprus": Greece
    supplies, Cyprus receives (both officials still talk)."""
    [aid] = [e for e in extracted[BOTH_SIDES] if e.type == "AID"]
    assert ({p.code for p in aid.actor}, {p.code for p in aid.target}) == ({"GRC"}, {"CYP"})


BOTH_SIDES = "Greek and Cypriot officials discussed the supply of shells to Cyprus."
BARGAIN = "Azerbaijan is negotiating with a Turkish arms maker for the delivery of 40 drones."
WARNED = "Serbia warned Hungary of a harsh answer over its plan to send rifles to Moldova."


@pytest.fixture(scope="module")
def extracted(extractor: Extractor) -> dict[str, list[Event]]:
    return extract_each(extractor, [s for s, _ in MUST_NOT + MUST] + [WARNED, BARGAIN, BOTH_SIDES])


@pytest.mark.parametrize(("sentence", "type_"), MUST_NOT,
                         ids=[f"{t}: {s[:50]}" for s, t in MUST_NOT])
def test_no_event_of_the_type(sentence: str, type_: str,
                              extracted: dict[str, list[Event]]) -> None:
    assert_none_of(extracted[sentence], type_)


@pytest.mark.parametrize(("sentence", "type_"), MUST, ids=[f"{t}: {s[:50]}" for s, t in MUST])
def test_the_real_one_is_still_found(sentence: str, type_: str,
                                     extracted: dict[str, list[Event]]) -> None:
    assert_found(extracted[sentence], (type_,), ("type",))
