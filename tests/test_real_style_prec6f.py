"""Round 6 precision on random government prose (issue 10): force, protest and threat
words used in a manner of speaking (alerter/extract/force_prose.py, force_none.py,
threats.py). Our own sentences: each false alarm removed beside a true event kept."""

from __future__ import annotations

import pytest

from alerter.extract import Extractor
from alerter.models import Event

from .sentences import extract_each, sentence_tests, shown

# sentence → the type of an event it must hold
MUST: list[tuple[str, tuple[str]]] = [
    # a rate of killing by a side that goes on doing it is no statistic (review6)
    ("The regime's forces continue to kill protesters every day.", ("ASSAULT",)),
    # shots fired from a position or a post are no job lost (review6)
    ("Russian forces fired from their positions on the Ukrainian village overnight.",
     ("ASSAULT",)),
    ("Israeli troops fired from a military post at protesters near the fence.", ("ASSAULT",)),
    # a blow from a weapon, an armed man or a named party at a target
    ("Russian rockets hit a block of flats in Odesa, killing nine people.", ("ASSAULT",)),
    ("The patrol's truck was hit by a roadside bomb outside Kandahar.", ("ASSAULT",)),
    ("An armed drone hit a cargo ship off the coast of Yemen.", ("ASSAULT",)),
    ("Russia hit the power grid of Ukraine with a wave of cruise missiles.", ("ASSAULT",)),
    ("Hamas hit Israel with hundreds of rockets on Saturday.", ("ASSAULT",)),
    # fire at people, not from a job
    ("Riot police fired rubber bullets at the students outside the ministry.", ("ASSAULT",)),
    ("Gunmen fired on a minibus near the border town, wounding six.", ("ASSAULT",)),
    # struck by a weapon, not by a feeling
    ("The aid convoy was struck by an artillery shell north of the city.", ("ASSAULT",)),
    ("Two officers were shot outside the clinic where staff give flu vaccines.", ("ASSAULT",)),
    ("The verdict against the gunman was struck down by the Court of Appeal, and the attack "
     "on the mosque was retried.", ("ASSAULT",)),
    # ground or a treaty given up by fighters is a retreat
    ("The rebels abandoned the town of Kidal after two days of heavy shelling.", ("RETREAT",)),
    ("Government troops were forced to abandon their positions near the dam.", ("RETREAT",)),
    # a deadly blast that was an attack, beside the accident below
    ("Eleven people were killed or injured in a car bomb attack outside the hotel.",
     ("ASSAULT",)),
    ("The militia attacked again at dawn and the sergeant was hit by automatic weapons fire.",
     ("ASSAULT",)),
    # demonstrations by crowds, not shows or trials
    ("Thousands demonstrated outside parliament against the pension cuts.", ("PROTEST",)),
    ("Nurses have demonstrated in front of the ministry every week since May.", ("PROTEST",)),
    ("Thousands joined a demonstration of farmers near the port.",
     ("PROTEST",)),
    ("Students staged street demonstrations that turned violent in the capital.",
     ("PROTEST",)),
    # a march along the streets, not a country led somewhere
    ("Tens of thousands marched the streets of Tbilisi against the new law.", ("PROTEST",)),
    # blocking a port or a road is a blockade
    ("Naval forces blocked access to the port of Hodeidah for a week.", ("COERCE",)),
    ("Soldiers closed the Rafah crossing to Egypt for three days.", ("COERCE",)),
    # a toll with a party doing it, even every day
    ("Russian artillery shelled Kharkiv every day for a month.", ("ASSAULT",)),
    # forces deployed, not responders or money
    ("Hundreds of troops were deployed to the border region overnight.", ("MOBILIZE",)),
    ("The army has two brigades deployed along the northern frontier.", ("MOBILIZE",)),
    ("NATO announced the deployment of 3,000 more troops to the eastern flank.", ("MOBILIZE",)),
    # a threat made, not a capability
    ("Beijing threatened Manila with unspecified countermeasures over the shoal.",
     ("THREATEN",)),
    ("Moscow's threat to place nuclear arms in Belarus alarmed its neighbours.", ("THREATEN",)),
    ("The minister threatened Kyiv with a full blockade of its ports.", ("THREATEN",)),
    # a shooting spree, not gun violence as a kind of crime
    ("A gunman killed four shoppers at a grocery store in Ohio on Sunday.", ("ASSAULT",)),
]

MUST_NOT: list[tuple[str, str]] = [
    # "hit" of levels, milestones and hardship
    ("Jobless claims hit their lowest level in five decades last month.", "ASSAULT"),
    ("Our agency has hit each of the milestones set out in the plan.", "ASSAULT"),
    ("Rural towns were hit hard by the closure of the mills.", "ASSAULT"),
    ("Rising rents hit working families harder than anyone else.", "ASSAULT"),
    ("The Administration hit the oil traders with a fresh round of penalties.", "ASSAULT"),
    # weather that hits, and the toll it takes
    ("Two dead after Cyclone Mara hits Tonga overnight.", "ASSAULT"),
    ("Heavy snowfall hits northern Japan, killing at least nine people.", "ASSAULT"),
    # "fire" of a job
    ("The new rule shields nurses who report abuse from being fired or demoted.", "ASSAULT"),
    ("The inspector was fired from her post after the audit.", "ASSAULT"),
    # "struck" of a feeling or a bargain
    ("I was struck by the resolve of the families I met in the valley.", "ASSAULT"),
    ("Eight years on, the state's ban on the practice was struck down by the Supreme Court.",
     "ASSAULT"),
    # a jab, no shooting
    ("Everyone over five may now get a booster shot at any pharmacy.", "ASSAULT"),
    ("Seniors should get their flu shots before the winter.", "ASSAULT"),
    # "abandon" of aims, deals, places and people, with no fighters
    ("Sanctions are meant to persuade the regime to abandon its pursuit of nuclear arms.",
     "RETREAT"),
    ("The stopgap bill would abandon towns struck by floods last spring.", "RETREAT"),
    ("The grant will turn abandoned warehouses into clinics.", "RETREAT"),
    ("They are walking away from their word and abandoning the budget deal they voted for.",
     "RETREAT"),
    # an accident, no attack
    ("We grieve for those who were killed or injured in the collapse of the old pier.",
     "ASSAULT"),
    # showing, trials and figures, no protest
    ("Both leaders praised the resolve demonstrated by the coalition in the talks.",
     "PROTEST"),
    ("Volunteers gave food, comfort and demonstrations of neighbourly kindness.", "PROTEST"),
    ("This plant is a demonstration that we can make batteries at home.", "PROTEST"),
    ("The deal demonstrates to our partners that we keep our word.", "PROTEST"),
    ("They must make tangible, demonstrated and lasting changes to their policy.", "PROTEST"),
    ("The agency will launch a school meals incentive demonstration next year.", "PROTEST"),
    ("Mortgage rates marched steadily higher through the spring.", "PROTEST"),
    # a country led toward something, no march
    ("These lawmakers are marching the nation toward a default on its debts.", "PROTEST"),
    # blocking a policy or access to a service
    ("Opponents in the Senate keep trying to block the Governor's housing agenda.", "COERCE"),
    ("The plan will close America's shortfall of starter homes within five years.", "COERCE"),
    ("The justices chose to block the cancellation of student loans for millions.", "COERCE"),
    ("Literacy tests once blocked many citizens' access to the ballot box.", "COERCE"),
    # a sanction's freeze in the boilerplate, with "is blocked" misparsed
    ("As a result of this action, any property or interests in property of these persons "
     "in the possession or control of U.S. persons or within or transiting the United "
     "States is blocked.", "COERCE"),
    # gun violence as a kind of crime
    ("Doctors gathered to discuss the gun violence public health crisis in their cities.",
     "ASSAULT"),
    # responders and money deployed
    ("The department has line crews deployed to the operations centres in three states.",
     "MOBILIZE"),
    ("So far $60 million has been deployed into 80 small firms across the region.",
     "MOBILIZE"),
    ("The partners announced the first Open RAN deployment in the Pacific.", "MOBILIZE"),
    ("Grantees will work with at least 30 partners on program deployment.", "MOBILIZE"),
    # tolls told as rates: statistics, no one attack
    ("Firearms kill more than 100 Americans every single day.", "ASSAULT"),
    ("Gun violence wounds tens of thousands of children annually.", "ASSAULT"),
    ("The flu continues to kill thousands of older people each year.", "ASSAULT"),
    # a capability to threaten, no threat made
    ("Such investment lets the regime directly threaten the United States homeland.",
     "THREATEN"),
    # what is in danger, and threats faced, not made
    ("A nuclear-armed Iran would directly threaten U.S. and regional security.", "THREATEN"),
    ("New funding will help prepare our cities for threats to the water supply.", "THREATEN"),
    ("The grant pays for quick responses to threats against poll workers.", "THREATEN"),
]


# one attack named twice: "this attack" points back to the first
ONE_ATTACK = [
    "The leaders spoke about Iran's reckless attack on Israel and agreed on a joint answer "
    "to this attack, including further sanctions.",
]

extracted, test_event_is_found, test_event_is_not_misread = sentence_tests(
    MUST, MUST_NOT, ("type",))


@pytest.fixture(scope="module")
def counted(extractor: Extractor) -> dict[str, list[Event]]:
    return extract_each(extractor, ONE_ATTACK)


@pytest.mark.parametrize("sentence", ONE_ATTACK, ids=[s[:50] for s in ONE_ATTACK])
def test_one_attack_is_one_event(sentence: str, counted: dict[str, list[Event]]) -> None:
    attacks = [e for e in counted[sentence] if e.type == "ASSAULT"]
    assert len(attacks) == 1, [shown(e) for e in counted[sentence]]
