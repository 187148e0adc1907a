"""Force on real-style wording (issue 10, alerter/extract/force.py): ASSAULT, MOBILIZE and
RETREAT as wire reports and government prose tell them. Every sentence is our own,
written in the style of the error classes seen on real text; none is corpus text.
"""

from __future__ import annotations

import pytest

from alerter.extract import Extractor
from alerter.models import Event

from .sentences import assert_found, assert_none_of, extract_each, shown

# sentence → an event it must hold: (type, modality, actor codes, target codes)
Expected = tuple[str, str, set[str], set[str]]
MUST: list[tuple[str, Expected]] = [
    # a war named by its owner is an event wherever it is mentioned
    ("Grain prices rose sharply because of Russia's invasion of Ukraine.",
     ("ASSAULT", "asserted", {"RUS"}, {"UKR"})),
    ("The minister spoke about the cost of Russia's war against Ukraine for poor countries.",
     ("ASSAULT", "asserted", {"RUS"}, {"UKR"})),
    ("Fuel shortages made worse by Putin's war hit farmers across the region.",
     ("ASSAULT", "asserted", {"RUS"}, set())),
    ("The summit answered Iran's attack on Israel with a joint statement.",
     ("ASSAULT", "asserted", {"IRN"}, {"ISR"})),
    ("Europe stood together in meeting Russia's aggression with new tools.",
     ("ASSAULT", "asserted", {"RUS"}, set())),
    ("Aid groups documented the violence committed by Sudan's army in the west.",
     ("ASSAULT", "asserted", {"SDN"}, set())),
    ("The ministry named several officers for their part in Monday's missile strikes.",
     ("ASSAULT", "asserted", set(), set())),
    # hostages held, taken or released
    ("The envoy met the families of the hostages held by the militia.",
     ("ASSAULT", "asserted", set(), set())),
    ("The group freed two of the hostages it took in March.",
     ("ASSAULT", "asserted", set(), set())),
    # clashes, taking ground, Wikipedia-style present tense
    ("Two police officers are hurt in clashes with farmers near the capital.",
     ("ASSAULT", "asserted", set(), set())),
    ("Army units retake the border town from the insurgents.",
     ("ASSAULT", "asserted", set(), set())),
    ("Government troops capture four villages in the north from the rebels.",
     ("ASSAULT", "asserted", set(), set())),
    ("Rebel fighters seize control of the airport in the eastern province.",
     ("ASSAULT", "asserted", set(), set())),
    ("It is a militia that seized large swathes of the valley in 2019.",
     ("ASSAULT", "asserted", set(), set())),
    # tried or sentenced for an act: the act happened
    ("A former guard was charged with murder on Thursday.",
     ("ASSAULT", "asserted", set(), set())),
    ("Two men are sentenced to nine years for the beating of a shopkeeper.",
     ("ASSAULT", "asserted", set(), set())),
    # an attack noun that did something
    ("The ransomware attack shut down the hospital's payment systems.",
     ("ASSAULT", "asserted", set(), set())),
    ("A jury indicted the two men on counts including extortion and murder.",
     ("ASSAULT", "asserted", set(), set())),
    # air-strikes are attacks, whatever a strike may also be
    ("Until then, Spain had only carried out air-strikes in Libya.",
     ("ASSAULT", "asserted", {"ESP"}, {"LBY"})),
    # more ways of force: downed, encircled, beaten, executed
    ("A surface-to-air missile downed the cargo plane over the desert.",
     ("ASSAULT", "asserted", set(), set())),
    ("Government forces encircle the last rebel-held town in the valley.",
     ("ASSAULT", "asserted", set(), set())),
    ("Several detainees said they were beaten by guards.",
     ("ASSAULT", "asserted", set(), set())),
    ("The insurgents executed three captured soldiers.",
     ("ASSAULT", "asserted", set(), set())),
    # where it happened is the target, found past the casualty verb
    ("A gunman opens fire in a mall in Ohio, United States, killing four people.",
     ("ASSAULT", "asserted", set(), {"USA"})),
    ("A roadside bomb outside a police station in the Greek city of Patras kills two.",
     ("ASSAULT", "asserted", set(), {"GRC"})),
    # MOBILIZE: troops sent; a deployment taken for granted
    ("Greece sends more soldiers into the border region after the incident.",
     ("MOBILIZE", "asserted", {"GRC"}, set())),
    ("The general spoke after deploying 3,000 troops to the frontier.",
     ("MOBILIZE", "asserted", set(), set())),
    ("The minister said force was not needed after deploying 5,000 troops to the border.",
     ("MOBILIZE", "asserted", set(), set())),
    ("Belarus began large military exercises near its western border.",
     ("MOBILIZE", "asserted", {"BLR"}, set())),
    ("The governor deploys the National Guard in the capital.",
     ("MOBILIZE", "asserted", set(), set())),
    # RETREAT: staff removed, a treaty scrapped
    ("The United States removes its remaining embassy personnel from the country.",
     ("RETREAT", "asserted", {"USA"}, set())),
    ("Canada evacuates its embassy staff from the capital as fighting spreads.",
     ("RETREAT", "asserted", {"CAN"}, set())),
    ("The rebels hand over the town to the army.",
     ("RETREAT", "asserted", set(), set())),
    ("Protesters end their week-long occupation of the ministry building.",
     ("RETREAT", "asserted", set(), set())),
    ("Serbia could scrap its defence treaty with Hungary next year.",
     ("RETREAT", "hypothetical", {"SRB"}, set())),
]

# sentence → a type it must not hold
MUST_NOT: list[tuple[str, str]] = [
    # a war nobody is named as waging, a campaign against a thing, an attack deterred
    ("Exports fell during the war in Ukraine.", "ASSAULT"),
    ("The mayor announced a new phase in the city's war on drugs.", "ASSAULT"),
    ("The drills are meant to deter Russia's aggression in the north.", "ASSAULT"),
    ("Moscow continued to build up its war economy.", "ASSAULT"),
    ("Police launched a rescue operation after the mine flooded.", "ASSAULT"),
    # disasters and accidents are not attacks; troops sent to a flood do not mobilise
    ("A fire kills nine residents of a care home in the suburbs.", "ASSAULT"),
    ("A strong earthquake strikes the coast of Peru.", "ASSAULT"),
    ("Heavy flooding continues in the south, with at least forty people killed.", "ASSAULT"),
    ("Soldiers are deployed to the province to help with rising floodwaters.", "MOBILIZE"),
    ("The state deployed the National Guard to support vaccinations.", "MOBILIZE"),
    # a walkout is a protest, not an airstrike
    ("A general strike is held across Chile.", "ASSAULT"),
    ("Teachers began a national strike on Monday.", "ASSAULT"),
    ("Drone strikes hit a fuel depot near the port.", "PROTEST"),
    # other senses: transactions executed, expectations beaten, a thought that struck us
    ("The rule is executed by the licensing office.", "ASSAULT"),
    ("The idea that struck us most was the shared purpose.", "ASSAULT"),
    ("The bank executed the transactions on behalf of a front company.", "ASSAULT"),
    ("Quarterly profits beat expectations.", "ASSAULT"),
    # taking market share or a chance; seizing ground is no coercion
    ("The firm hopes to capture a larger share of the market.", "ASSAULT"),
    ("Rebel fighters seize control of the airport in the eastern province.", "COERCE"),
    # a withdrawal of recognition is a diplomatic sanction; a delegation is no force
    ("Chile announces the withdrawal of its recognition of the breakaway region.", "RETREAT"),
    ("Norway sent a delegation to the talks.", "MOBILIZE"),
    ("Japan and Australia held joint military exercises off the coast.", "MOBILIZE"),
    ("The city ran an earthquake drill for schools.", "MOBILIZE"),
    ("Belarus began large military exercises near its western border.", "COOPERATE"),
    ("Thousands of residents were evacuated from the flooded valley.", "RETREAT"),
    ("The firm handed over the documents to investigators.", "RETREAT"),
    ("The bank removed two firms from its client list.", "RETREAT"),
]

# one attack told by its act and its toll, or by its act and the ground it took
ONE_ATTACK = [
    "Gunmen attacked a bus station in the north, killing eleven people.",
    "An air force jet bombed a market, killing at least 30 and wounding 50.",
    "Militants stormed an army post and seized control of it overnight.",
    "A rocket attack on a depot leaves at least six people killed.",
]


@pytest.fixture(scope="module")
def extracted(extractor: Extractor) -> dict[str, list[Event]]:
    sentences = sorted({s for s, _ in MUST} | {s for s, _ in MUST_NOT} | set(ONE_ATTACK))
    return extract_each(extractor, sentences)


@pytest.mark.parametrize(("sentence", "expected"), MUST, ids=[s[:60] for s, _ in MUST])
def test_event_is_found(sentence: str, expected: Expected,
                        extracted: dict[str, list[Event]]) -> None:
    assert_found(extracted[sentence], expected, ("type", "modality", "actor", "target"))


@pytest.mark.parametrize(("sentence", "type_"), MUST_NOT,
                         ids=[f"{t}: {s[:50]}" for s, t in MUST_NOT])
def test_event_is_not_misread(sentence: str, type_: str,
                              extracted: dict[str, list[Event]]) -> None:
    assert_none_of(extracted[sentence], type_)


@pytest.mark.parametrize("sentence", ONE_ATTACK, ids=[s[:50] for s in ONE_ATTACK])
def test_one_attack_is_one_event(sentence: str, extracted: dict[str, list[Event]]) -> None:
    attacks = [e for e in extracted[sentence] if e.type == "ASSAULT"]
    assert len(attacks) == 1, [shown(e) for e in extracted[sentence]]
