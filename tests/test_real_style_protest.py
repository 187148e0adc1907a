"""PROTEST on real-style wording (issue 10, alerter/extract/protest.py): protests that a
sentence says took place, with no verb of protesting, and who protests against whom;
and attacks owned through a pronoun ("its attack", alerter/extract/force.py).
Every sentence is our own, written in the style of the error classes seen on real text;
none is corpus text.
"""

from __future__ import annotations

import pytest

from alerter.extract import Extractor
from alerter.models import Event

from .sentences import assert_found, assert_none_of, extract_each, shown

# sentence → an event it must hold: (type, modality, actor codes, target codes)
Expected = tuple[str, str, set[str], set[str]]
# sentence → (type, codes its target must not hold): where it was said is no target
NOT_TARGET: list[tuple[str, str, str]] = [
    ("The minister said in Paris that gunmen killed nine people.", "ASSAULT", "FRA"),
]
MUST: list[tuple[str, Expected]] = [
    # a protest noun whose own words say it took place
    ("The riots broke out after a rumour about the harbour spread.",
     ("PROTEST", "asserted", set(), set())),
    ("The new fuel tax caused angry protests from farmers.",
     ("PROTEST", "asserted", set(), set())),
    ("The court's ruling led to a wave of protests and several deaths.",
     ("PROTEST", "asserted", set(), set())),
    ("The ministry sacked two officers over the demonstrations that began in the spring.",
     ("PROTEST", "asserted", set(), set())),
    ("Police cleared the square after four days of demonstrations.",
     ("PROTEST", "asserted", set(), set())),
    ("Shops stayed shut as the protest camp was dismantled.",
     ("PROTEST", "asserted", set(), set())),
    # people protesting, while they protest
    ("Protesters demanding the rector's removal occupied the library.",
     ("PROTEST", "asserted", set(), set())),
    # where they protest gives who protests, and against whom
    ("Thousands of people protest in Nairobi, Kenya, calling for lower bread prices.",
     ("PROTEST", "asserted", {"KEN"}, {"KEN"})),
    ("Spanish dockers stage a strike in protest of new port rules.",
     ("PROTEST", "asserted", {"ESP"}, {"ESP"})),
    ("A grenade thrown at an anti-government rally in Mombasa, Kenya, wounds nine people.",
     ("PROTEST", "asserted", {"KEN"}, {"KEN"})),
    # people named by their nationality still protest when they boycott
    ("Palestinians boycott the vote in Jerusalem.",
     ("PROTEST", "asserted", {"PSE"}, {"PSE"})),
    # ASSAULT owned through a pronoun that stands for a party named before it
    ("Ministers agreed to make Syria pay for its attack on the dam.",
     ("ASSAULT", "asserted", {"SYR"}, set())),
    ("The measures raise the pressure on the Belarusian regime to end its campaign of "
     "violence.",
     ("ASSAULT", "asserted", {"BLR"}, set())),
    # an attack taken as given by a noun of time after it; its place across a country
    ("The envoys met against the backdrop of fresh drone attacks on power plants across "
     "Moldova.", ("ASSAULT", "asserted", set(), {"MDA"})),
    ("Exports fell in the wake of the rocket attacks on the port.",
     ("ASSAULT", "asserted", set(), set())),
    # cyberattacks told by what the malware did
    ("Prosecutors say two men infected the hospital's computers with ransomware.",
     ("ASSAULT", "asserted", set(), set())),
    ("The gang deployed the LockStep ransomware against two Danish shipping firms.",
     ("ASSAULT", "asserted", set(), {"DNK"})),
    # fighting told by its outbreak or its length
    ("Shops reopened in the old town after six days of fighting.",
     ("ASSAULT", "asserted", set(), set())),
    ("Violence flared in the southern provinces on Sunday.",
     ("ASSAULT", "asserted", set(), set())),
    # the one country the sentence places things in, when the parse hangs it elsewhere
    ("A gunman shoots and kills four people and wounds two others in Tampere, Finland, "
     "and then flees.", ("ASSAULT", "asserted", set(), {"FIN"})),
    # dotted names as written: "U.S.", "U.K." (alerter/extract/participants.py)
    ("A U.S. drone strike in the province kills nine people.",
     ("ASSAULT", "asserted", {"USA"}, set())),
    ("U.K. police arrested two men over the plot.",
     ("COERCE", "asserted", {"GBR"}, set())),
    # COERCE: escaped prisoners recaptured, people interrogated
    ("Two inmates who fled the prison last week are recaptured by police near the coast.",
     ("COERCE", "asserted", set(), set())),
    ("Guards interrogated the students for several hours.",
     ("COERCE", "asserted", set(), set())),
    # retaking a town stays fighting
    ("Army units recapture the town from the rebels.",
     ("ASSAULT", "asserted", set(), set())),
]

# sentence → a type it must not hold
MUST_NOT: list[tuple[str, str]] = [
    # people who once protested are no protest
    ("The guards beat the detained protesters in their cells.", "PROTEST"),
    ("Three protesters were killed by the police last year.", "PROTEST"),
    # a riot among inmates is no public protest
    ("Eleven inmates die in a riot at the northern prison.", "PROTEST"),
    # a party's rally held for an election is no protest
    ("A grenade exploded at rallies held by the ruling party before the vote.", "PROTEST"),
    # riot police are police
    ("The government sends riot police to the port city.", "PROTEST"),
    # protests in general: a right, a ban, their repression
    ("The court upheld the ban on protests in the capital.", "PROTEST"),
    ("Leaders have long used force to silence peaceful protests, the Treasury said.",
     "PROTEST"),
    # "its" with no named party before it owns nothing; a war on a thing is no war
    ("The league met in Geneva to plan its war on doping.", "ASSAULT"),
    ("Norway praised the charity for its war on hunger.", "ASSAULT"),
    # no attack: an illness, or money paid to ransomware gangs
    ("Half the crew was infected with the flu during the voyage.", "ASSAULT"),
    ("The exchange was used for ransomware payments by several gangs.", "ASSAULT"),
    # violence as a scourge that goes on is no event
    ("Domestic violence continues to harm families in every state.", "ASSAULT"),
    # a government's boycott is a refusal, not a public protest
    ("The summit was postponed after an Indian-led boycott.", "PROTEST"),
    ("China boycotts the talks in Geneva.", "PROTEST"),
    # a party's aims name it without being the party supported or threatened
    ("The new rules support the U.S. strategy against smuggling.", "SUPPORT"),
    ("The militia threatens U.S. interests across the region.", "THREATEN"),
    # a recaptured fugitive was arrested, not attacked
    ("Two inmates who fled the prison last week are recaptured by police near the coast.",
     "ASSAULT"),
]

# sentences that tell one attack, whatever verbs they use for its impact
ONE_ATTACK = [
    "When the raid on the harbour began at dawn, the fuel depot was hit by three rockets.",
]


@pytest.fixture(scope="module")
def extracted(extractor: Extractor) -> dict[str, list[Event]]:
    sentences = sorted({s for s, _ in MUST} | {s for s, _ in MUST_NOT}
                       | {s for s, _, _ in NOT_TARGET} | set(ONE_ATTACK))
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


@pytest.mark.parametrize(("sentence", "type_", "code"), NOT_TARGET,
                         ids=[s[:50] for s, _, _ in NOT_TARGET])
def test_target_is_not_where_it_was_said(sentence: str, type_: str, code: str,
                                         extracted: dict[str, list[Event]]) -> None:
    events = [e for e in extracted[sentence] if e.type == type_]
    assert events, [shown(e) for e in extracted[sentence]]
    assert all(code not in {p.code for p in e.target} for e in events), \
        [shown(e) for e in events]


@pytest.mark.parametrize("sentence", ONE_ATTACK, ids=[s[:50] for s in ONE_ATTACK])
def test_one_attack_is_one_event(sentence: str, extracted: dict[str, list[Event]]) -> None:
    attacks = [e for e in extracted[sentence] if e.type == "ASSAULT"]
    assert len(attacks) == 1, [shown(e) for e in extracted[sentence]]
