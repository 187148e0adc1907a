"""Diplomacy on real-style wording (issue 10): agreements, meetings, concessions and
requests as government prose and wire copy phrase them. Every sentence is our own,
written for the constructions the real dev errors showed; none is corpus text. Each
pattern has sentences it must read and hard negatives it must not.
"""

from __future__ import annotations

import pytest

from alerter.extract import Extractor
from alerter.models import Event

from .sentences import assert_found, assert_none_of, extract_each, shown

# sentence → an event it must hold: (type, modality, actor codes, target codes)
Expected = tuple[str, str, set[str], set[str]]
MUST: list[tuple[str, Expected]] = [
    # AGREE: commitments made (a to-infinitive, or a named party committing to a course)
    ("Seoul and Washington committed to hold joint talks every spring.",
     ("AGREE", "asserted", {"KOR", "USA"}, set())),
    ("Interest Rate Reform: Japan committed to further lower its rice tariffs.",
     ("AGREE", "asserted", {"JPN"}, set())),
    ("Trade Rules: Vietnam committed to gradually open its banking sector.",
     ("AGREE", "asserted", {"VNM"}, set())),
    # accords named as titles, framed by the act that makes them
    ("The ministers welcomed the signing of a Memorandum of Understanding on fisheries.",
     ("AGREE", "asserted", set(), set())),
    ("Both governments hailed the finalization of a Framework Agreement on Ports.",
     ("AGREE", "asserted", set(), set())),
    ("Chile and Peru signed a memorandum of understanding on water rights.",
     ("AGREE", "asserted", {"CHL", "PER"}, set())),
    ("Canada and Chile have begun negotiations for a Mutual Recognition Arrangement.",
     ("AGREE", "discussed", {"CAN", "CHL"}, set())),
    # CONSULT: meeting nouns that name whom they are with, or a named occasion
    ("The premier thanked Norway for its support for talks with Venezuela.",
     ("CONSULT", "asserted", set(), {"VEN"})),
    ("The Indian prime minister flew to Tokyo for talks with Japan's foreign minister.",
     ("CONSULT", "asserted", {"IND"}, {"JPN"})),
    ("The President will take part in the ASEAN summit in Jakarta next week.",
     ("CONSULT", "planned", {"ASEAN"}, set())),
    ("Argentina and Brazil commenced talks on a new trade arrangement.",
     ("CONSULT", "asserted", {"ARG", "BRA"}, set())),
    ("The two leaders discussed energy security and migration.",
     ("CONSULT", "asserted", set(), set())),
    ("They discussed Russia's war against Ukraine and the South China Sea.",
     ("CONSULT", "asserted", set(), set())),
    ("Poland's foreign minister talked with his Lithuanian counterpart on Monday.",
     ("CONSULT", "asserted", {"POL"}, {"LTU"})),
    ("President Biden spoke with Prime Minister Kishida of Japan today.",
     ("CONSULT", "asserted", {"USA"}, {"JPN"})),
    ("Secretary Yellen spoke today with the finance minister of Canada.",
     ("CONSULT", "asserted", {"USA"}, {"CAN"})),
    ("Kenya's president held a phone call with the Ethiopian leader.",
     ("CONSULT", "asserted", {"KEN"}, {"ETH"})),
    # CONCEDE: measures eased or lifted, backing down, clemency
    ("The EU eased its travel restrictions on Belarusian students.",
     ("CONCEDE", "asserted", {"EU"}, {"BLR"})),
    ("Ankara lifted the embargo on Armenian goods.", ("CONCEDE", "asserted", {"TUR"}, {"ARM"})),
    ("OFAC issued or amended three general licenses for aid groups in Syria.",
     ("CONCEDE", "asserted", {"USA"}, {"SYR"})),
    ("The army says it will remove the checkpoints around the old city.",
     ("CONCEDE", "planned", set(), set())),
    ("The ministry withdrew its demand that the paper close its office.",
     ("CONCEDE", "asserted", set(), set())),
    ("The last of the rebel fighters surrendered to the army on Friday.",
     ("CONCEDE", "asserted", set(), set())),
    ("Minsk says it will free jailed blogger Ivan Petrov next week.",
     ("CONCEDE", "planned", {"BLR"}, set())),
    ("Havana releases jailed Canadian pastor Mark Olsen on medical grounds.",
     ("CONCEDE", "asserted", {"CUB"}, {"CAN"})),
    ("Caracas freed two Americans on Saturday.", ("CONCEDE", "asserted", {"VEN"}, {"USA"})),
    ("Clemency list: sentence commuted to expire on March 3, 2024.",
     ("CONCEDE", "asserted", set(), set())),
    # REQUEST: requests made by a party; calls as nouns
    ("Ukraine has requested more fuel from Poland.", ("REQUEST", "asserted", {"UKR"}, set())),
    ("The President's budget requests $40 million for border courts.",
     ("REQUEST", "asserted", set(), set())),
    ("The minister requested the envoy to explain the remarks.",
     ("REQUEST", "asserted", set(), set())),
    ("The summit leaders asked the central banks to draft new capital rules.",
     ("REQUEST", "asserted", set(), set())),
    # a request at home keeps its target: USA → USA
    ("President Biden again called on Congress to fund the border program.",
     ("REQUEST", "asserted", {"USA"}, {"USA"})),
    ("The ministers reiterated their call on the rebels to accept the peace proposal.",
     ("REQUEST", "asserted", set(), set())),
    ("Demonstrators demanding the resignation of the mayor blocked the main bridge.",
     ("REQUEST", "asserted", set(), set())),
    ("Thousands of farmers calling for lower fuel prices marched on the capital.",
     ("REQUEST", "asserted", set(), set())),
    ("Despite repeated calls for calm from the UN, the militia kept shelling the port.",
     ("REQUEST", "asserted", {"UN"}, set())),
    ("The mayor's call on residents to conserve water builds on last year's plan.",
     ("REQUEST", "asserted", set(), set())),
]

# sentence, a type it must not hold, and (when given) only these modalities count
MUST_NOT: list[tuple[str, str, tuple[str, ...]]] = [
    # a stance or a crime is no commitment
    ("The violence committed by the Syrian army was widely condemned.", "AGREE", ()),
    ("The United States is committed to ensuring clean water for every town.", "AGREE", ()),
    ("The council has committed to improving the city's parks.", "AGREE", ()),
    # a named accord recalled is no new agreement
    ("The Paris Agreement also includes rules on reporting emissions.", "AGREE", ()),
    ("Russian planes flew over the base under the authority given by the Open Skies Treaty.",
     "AGREE", ()),
    # a presidential memorandum is a directive at home
    ("The President signed a Presidential Memorandum on federal hiring.", "AGREE", ()),
    ("Today the President signed a memorandum directing agencies to cut waste.", "AGREE", ()),
    # a call to act is a request, not a meeting
    ("A call to action went out to every school board.", "CONSULT", ()),
    ("The governor's call on counties to save water was widely praised.", "CONSULT", ()),
    # talk and discussion with no counterpart
    ("I have talked about the relief we delivered under the deal.", "CONSULT", ()),
    ("Panel members finished discussing the new bond products.", "CONSULT", ()),
    ("We are here to discuss permits and paperwork.", "CONSULT", ()),
    ("The secretary spoke with reporters after the hearing.", "CONSULT", ()),
    # easing that is no concession
    ("Consumer demand eased in the third quarter.", "CONCEDE", ()),
    ("Consumer demand for oil eased.", "CONCEDE", ()),
    ("The new credit will ease the burden on working families.", "CONCEDE", ()),
    ("The program will lift thousands of children out of poverty.", "CONCEDE", ()),
    ("Crews removed the debris from the highway overnight.", "CONCEDE", ()),
    ("The ministry withdrew its troops from the border.", "CONCEDE", ()),
    ("The bus company will commute fares for veterans.", "CONCEDE", ()),
    # a licence's terms cited, not a licence issued
    ("Authorized dealings must meet the conditions set forth in the relevant General License.",
     "CONCEDE", ()),
    # publishing is no release of anyone
    ("The Treasury Department today released Treasury International Capital data for May.",
     "CONCEDE", ()),
    ("The ministry released its yearly report to Congress on trade with Mexico.", "CONCEDE",
     ()),
    # requests nobody makes of a party, and "demand" in economics
    ("Travellers can request a refund through the airline's website.", "REQUEST", ()),
    ("States did not get the delivery data they requested.", "REQUEST", ()),
    ("Extra copies may be requested at the front desk.", "REQUEST", ()),
    ("Analysts expect supply and demand to balance by June.", "REQUEST", ()),
    ("The shop will sell prints on demand.", "REQUEST", ()),
    ("Applicants must make the request before the deadline.", "REQUEST", ()),
    ("We will press forward on the housing bill next year.", "REQUEST", ()),
    # a participle that only describes
    ("Firms calling on the port face long delays.", "REQUEST", ()),
    # a question asked at a briefing
    ("I was asked this question yesterday by a reporter.", "REQUEST", ()),
    ("You asked about Mexico, and I think the answer is simple.", "REQUEST", ()),
    ("When asked about their loans, most borrowers named the total.", "REQUEST", ()),
    ("The board requested public comment on the draft rule.", "REQUEST", ()),
]

MEET_TO_DISCUSS = ("The Saudi and Qatari foreign ministers will meet at the Gulf Summit to "
                   "discuss trade.")


@pytest.fixture(scope="module")
def extracted(extractor: Extractor) -> dict[str, list[Event]]:
    sentences = sorted({s for s, _ in MUST} | {s for s, _, _ in MUST_NOT} | {MEET_TO_DISCUSS})
    return extract_each(extractor, sentences)


@pytest.mark.parametrize(("sentence", "expected"), MUST, ids=[s[:60] for s, _ in MUST])
def test_event_is_found(sentence: str, expected: Expected,
                        extracted: dict[str, list[Event]]) -> None:
    assert_found(extracted[sentence], expected, ("type", "modality", "actor", "target"))


@pytest.mark.parametrize(("sentence", "type_", "modalities"), MUST_NOT,
                         ids=[f"{t}: {s[:50]}" for s, t, _ in MUST_NOT])
def test_event_is_not_misread(sentence: str, type_: str, modalities: tuple[str, ...],
                              extracted: dict[str, list[Event]]) -> None:
    assert_none_of(extracted[sentence], type_, modalities)


def test_meeting_to_discuss_is_one_meeting(extracted: dict[str, list[Event]]) -> None:
    meetings = [e for e in extracted[MEET_TO_DISCUSS] if e.type == "CONSULT"]
    assert len(meetings) == 1, [shown(e) for e in meetings]
    assert meetings[0].modality == "planned"
