"""What a fourth round of fresh government and news-wire prose showed the force and
coercion rules misreading, in our own words: courts that "strike down" laws and markets
that "seize up" read as attacks and seizures; an "assault on our Constitution" and
attacks on "criminal networks" read as force; attacks pinned to a day ("the killings
today", "the attack on Sunday"), executions of people named by nation or faith
("executed 21 Egyptian Christians"), acts someone "engaged in" or "was involved in",
people held "under house arrest" and named places handed over, which were missed; and a
withdrawal "of" troops "from" a country, whose actor and target were swapped. Each
MUST_NOT sentence must give no event of the type beside it; each MUST sentence must give
one."""

from __future__ import annotations

import pytest

from alerter.extract import Extractor
from alerter.models import Event

from .sentences import assert_found, assert_none_of, extract_each, shown

MUST_NOT: list[tuple[str, str]] = [
    # laws struck down, markets seizing up, critics seizing on words
    ("The appeals court struck down the state's new voting map.", "ASSAULT"),
    ("Our plan was struck down by the justices in a six to three ruling.", "ASSAULT"),
    ("The senator called the decision to strike down the ban a grave mistake.", "ASSAULT"),
    ("Short-term lending markets began to seize up in the autumn.", "COERCE"),
    ("Opposition leaders quickly seized on the minister's remarks.", "COERCE"),
    # attacks on institutions and on networks of crime, in a manner of speaking
    ("Lawmakers are examining an assault on our democratic institutions.", "ASSAULT"),
    ("The task force will attack the criminal networks that move fentanyl.", "ASSAULT"),
    ("The plan attacks illicit finance at its roots.", "ASSAULT"),
    # "execute" of trades and contracts, even with a nationality beside them
    ("The ministry executed Brazilian supply contracts worth $40 million.", "ASSAULT"),
    ("The broker executed trades for its Canadian clients.", "ASSAULT"),
    # the same verbs of plans, sums and pictures
    ("Talks on the merger blew up on Friday.", "ASSAULT"),
    ("All amounts are rounded up to the nearest dollar.", "COERCE"),
    ("The gallery hung three portraits of the founder in the hall.", "ASSAULT"),
    ("Campaign volunteers pounded the pavement all weekend.", "ASSAULT"),
    ("The ministry targeted small farms with new grants.", "ASSAULT"),
    ("The sprinter torched the national record in June.", "ASSAULT"),
    ("The risks include cyberattacks on hospitals.", "ASSAULT"),
    # blows struck at crises, prosperity held hostage, crises arrested, attacks to come
    ("The bill strikes a heavy blow against rising rents.", "ASSAULT"),
    ("The speaker is holding the region's prosperity hostage to his feud.", "ASSAULT"),
    ("Rate cuts failed to arrest the crisis in the property market.", "COERCE"),
    ("The new keys will guard our data against these future attacks.", "ASSAULT"),
    # attacks of words and laws
    ("Parents described the toll these political attacks take on their children.",
     "ASSAULT"),
    ("The agency has weathered partisan attacks for a decade.", "ASSAULT"),
    ("The army deployed two brigades to the border region.", "ASSAULT"),
    ("The report used killings data from the census bureau.", "ASSAULT"),
    # a call for an act is still only a request
    ("The senator called for airstrikes on the militia's depots.", "ASSAULT"),
    # taking part as a rule or a risk, not a deed
    ("Banks must not engage in the seizure of customer deposits.", "COERCE"),
    ("Officials discussed how to stop young people from engaging in violence.", "ASSAULT"),
    # arrests looked at from afar, and handing over people or things
    ("Officers are trained to explain the rights of anyone placed under review.", "COERCE"),
    ("The police handed over the suspect to French prosecutors.", "RETREAT"),
    ("The museum will hand over the statue to Greece.", "RETREAT"),
]
MUST: list[tuple[str, str]] = [
    ("The soldier was struck down by a sniper near the checkpoint.", "ASSAULT"),
    ("Police seized 300 kilograms of cocaine at the port.", "COERCE"),
    ("The attack on Sunday left the market in ruins.", "ASSAULT"),
    ("The killings today show how far the junta will go against the protesters.", "ASSAULT"),
    ("The bombing last night destroyed a school in the north.", "ASSAULT"),
    ("The minister was told about the shooting this morning.", "ASSAULT"),
    ("The militants executed twelve Yazidi captives.", "ASSAULT"),
    ("The group executed 21 Egyptian Christians on a beach.", "ASSAULT"),
    ("The gunmen executed three Americans near the border.", "ASSAULT"),
    ("Russian jets attacked the power plant at dawn.", "ASSAULT"),
    # held under arrest: an arrest taken as given
    ("The former minister remains under house arrest in Madrid.", "COERCE"),
    ("Two opposition leaders have been under arrest since March.", "COERCE"),
    # acts someone took part in, told as done
    ("The militia has engaged in attacks on aid convoys since 2019.", "ASSAULT"),
    ("Security agents engaged in arbitrary detentions of students.", "COERCE"),
    ("He was involved in the killing of two journalists in 2018.", "ASSAULT"),
    ("Its guards were involved in or abetted the beating of inmates at the jail.", "ASSAULT"),
    # news-wire verbs of force and round-ups
    ("Fighter jets pounded rebel positions north of the city.", "ASSAULT"),
    ("A bomber blew himself up outside the police station in Quetta.", "ASSAULT"),
    ("Insurgents blew up a railway bridge south of the capital.", "ASSAULT"),
    ("Police rounded up hundreds of protesters after the rally.", "COERCE"),
    ("The authorities hanged three men convicted of armed robbery.", "COERCE"),
    ("Fighters hanged four villagers they accused of spying.", "ASSAULT"),
    ("Militia fighters torched scores of houses in the valley.", "ASSAULT"),
    ("Riot police turned water cannon on the marchers.", "ASSAULT"),
    ("The rebels targeted a cargo ship off the coast with two missiles.", "ASSAULT"),
    # forces "called in" to fight off an attack: the attack is told, not asked for
    ("The commander called in gunships to repel an attack on the outpost.",
     "ASSAULT"),
    # acts listed as a party's abuses or crimes
    ("The report says the abuses include torture of detainees in the north.", "ASSAULT"),
    ("The gang's crimes include the kidnapping of two nurses.", "ASSAULT"),
    ("Guards carried out violent attacks on the prisoners' families.", "ASSAULT"),
    # violence used as a tactic
    ("The gang has deployed kidnappings and bombings to cow the town.", "ASSAULT"),
    ("The militia used rape as a weapon against the villagers.", "ASSAULT"),
    # a named place handed over
    ("The militia agreed to hand over Raqqa to the government forces.", "RETREAT"),
]


@pytest.fixture(scope="module")
def found(extractor: Extractor) -> dict[str, list[Event]]:
    return extract_each(extractor, [s for s, _ in MUST_NOT + MUST])


@pytest.mark.parametrize(("sentence", "type_"), MUST_NOT)
def test_no_event_of_the_type(found: dict[str, list[Event]], sentence: str,
                              type_: str) -> None:
    assert_none_of(found[sentence], type_)


@pytest.mark.parametrize(("sentence", "type_"), MUST)
def test_event_of_the_type(found: dict[str, list[Event]], sentence: str, type_: str) -> None:
    assert type_ in {e.type for e in found[sentence]}, [shown(e) for e in found[sentence]]


@pytest.mark.parametrize(("sentence", "actor", "target"), [
    ("The withdrawal of British troops from Iraq was completed in May.", {"GBR"}, {"IRQ"}),
    ("The departure of U.S. troops from Afghanistan began in July.", {"USA"}, {"AFG"}),
])
def test_a_withdrawal_of_troops_from_a_country_is_theirs(
        extractor: Extractor, sentence: str, actor: set[str], target: set[str]) -> None:
    events = extract_each(extractor, [sentence])[sentence]
    assert_found(events, ("RETREAT", actor, target), ("type", "actor", "target"))
