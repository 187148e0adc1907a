"""What fresh government prose showed the force, protest and coercion rules misreading,
in our own words: "demonstrate" and "rally" used of showing and gathering support, an
"attack" on rights, the "deployment" of chargers and clean energy, "arrest" and "seize"
used of trends and chances; and an inquiry that is initiated. Each MUST_NOT sentence
must give no event of the type beside it; each MUST sentence must give one."""

from __future__ import annotations

import pytest

from alerter.extract import Extractor
from alerter.models import Event

from .sentences import assert_found, assert_none_of, extract_each, shown

MUST_NOT: list[tuple[str, str]] = [
    # showing, not protesting: a clause says what is shown
    ("New surveys demonstrate that repairing old pipes lowers lead levels in children.",
     "PROTEST"),
    ("Farm incomes are rising in many counties, as several studies have demonstrated.",
     "PROTEST"),
    ("At the fair, apprentices will demonstrate how they wire a heat pump.", "PROTEST"),
    ("The governor demonstrated on Friday exactly why she won the endorsement.", "PROTEST"),
    # rallying support
    ("The alliance will keep rallying its partners to defend press freedom.", "PROTEST"),
    # attacks on rights and freedoms are a manner of speaking
    ("These new rules are designed to attack workers' basic rights.", "ASSAULT"),
    ("The forum is part of our answer to the attack on voting rights.", "ASSAULT"),
    ("We will stand firm against these assaults on their freedom and privacy.", "ASSAULT"),
    # deployments of things that are no forces
    ("The grant pays for the deployment of electric bus chargers in rural towns.",
     "MOBILIZE"),
    ("Tax credits will speed up clean energy deployment across the region.", "MOBILIZE"),
    ("The code covers the design, deployment and use of medical software.", "MOBILIZE"),
    # arresting a trend, seizing a promise
    ("The plan is the boldest step yet to arrest the decline of the coral reefs.", "COERCE"),
    ("Cities are moving quickly to seize the promise of cheaper solar power.", "COERCE"),
    ("Patrols were stepped up to prevent Iran's seizure of more tankers.", "COERCE"),
]
MUST: list[tuple[str, str]] = [
    ("Thousands of nurses demonstrated outside the ministry in Lisbon on Tuesday.",
     "PROTEST"),
    ("Opposition supporters rallied in the main square of Tbilisi overnight.", "PROTEST"),
    ("Armed men attacked a police station near the border, killing four officers.",
     "ASSAULT"),
    ("The attack on the convoy near Goma left six soldiers dead.", "ASSAULT"),
    ("Moscow announced the deployment of 5,000 troops near the Finnish border.", "MOBILIZE"),
    ("Police arrested three journalists in Minsk on Sunday.", "COERCE"),
    ("The regulator is initiating an inquiry into the bank's lending to shell companies.",
     "INVESTIGATE"),
    ("The images from the villages as Russian troops withdraw are shocking.", "RETREAT"),
    # a coercive act its doer owns, under a verb that neither makes nor frames it
    ("The ministers hailed recent gains, including Peru's arrest of a cartel banker.",
     "COERCE"),
    # "its" standing for a named group with no country code
    ("A truce would put pressure on Hezbollah to end its attacks on northern Israel.",
     "ASSAULT"),
]


@pytest.fixture(scope="module")
def extracted(extractor: Extractor) -> dict[str, list[Event]]:
    return extract_each(extractor, [s for s, _ in MUST_NOT + MUST])


@pytest.mark.parametrize(("sentence", "type_"), MUST_NOT,
                         ids=[f"{t}: {s[:50]}" for s, t in MUST_NOT])
def test_no_event_of_the_type(sentence: str, type_: str,
                              extracted: dict[str, list[Event]]) -> None:
    assert_none_of(extracted[sentence], type_)


@pytest.mark.parametrize(("sentence", "type_"), MUST, ids=[f"{t}: {s[:50]}" for s, t in MUST])
def test_the_real_one_is_still_found(sentence: str, type_: str,
                                     extracted: dict[str, list[Event]]) -> None:
    assert_found(extracted[sentence], (type_,), ("type",))


def test_withdrawals_of_things_and_owned_withdrawals(extractor: Extractor) -> None:
    """A named party's withdrawal standing alone is a RETREAT ("after Moscow's withdrawal");
    a withdrawal or retreat of goods or figures is none."""
    owned = "The treaty no longer binds Russia after Moscow's withdrawal from it in 2023."
    goods = "Prices softened in May, helped by a retreat of inventory building."
    found = extract_each(extractor, [owned, goods])
    assert any(e.type == "RETREAT" for e in found[owned]), [shown(e) for e in found[owned]]
    assert not any(e.type == "RETREAT" for e in found[goods]), [shown(e) for e in found[goods]]
