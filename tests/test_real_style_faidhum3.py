"""Humanitarian and development aid in the wording of government prose the annotated
sample does not hold (issue 10; read on fresh White House and Treasury documents, outside
the sample, with bench/fresh_review.py): vaccine doses shared abroad, money for global
programmes, aid as the means of supporting a country ("including through humanitarian
assistance"), aid whose flow into a place is discussed; and the look-alikes: information
or burdens shared, money for local programmes, help at home given through grants, flows
of migrants or funds. Every sentence is our own, written in the style of the error
classes seen; none is corpus text.
"""

from __future__ import annotations

import pytest

from alerter.extract import Extractor
from alerter.models import Event

from .sentences import assert_found, assert_none_of, extract_each

FIELDS = ("type", "subtype", "modality", "actor", "target")
# sentence → an event it must hold: (type, subtype, modality, actor, target)
Expected = tuple[str, str, str, set[str], set[str]]
MUST: list[tuple[str, Expected]] = [
    # vaccine doses shared abroad
    ("The United States shared 2 million vaccine doses with Ghana on Friday.",
     ("AID", "humanitarian", "asserted", {"USA"}, set())),
    ("Japan will share 30 million doses of its vaccine supply with the world.",
     ("AID", "humanitarian", "planned", {"JPN"}, set())),
    ("The Administration will begin sharing its first 10 million doses with countries "
     "in need next week.", ("AID", "humanitarian", "planned", {"USA"}, set())),
    # donated doses are humanitarian help, however many millions they count
    ("Canada is donating an additional two million doses of vaccine to Kenya.",
     ("AID", "humanitarian", "asserted", {"CAN"}, {"KEN"})),
    # money for programmes abroad is no domestic programme
    ("Last year the United States provided over $4 billion to support global health "
     "programs.", ("AID", "economic", "asserted", {"USA"}, set())),
    # aid as the means of supporting a country
    ("Canada will keep supporting Jordan through development assistance.",
     ("AID", "economic", "planned", {"CAN"}, {"JOR"})),
    # money nouns with a named giver and receiver
    ("The ministers welcomed the IMF's disbursement of $2 billion in emergency financing to "
     "Egypt.", ("AID", "economic", "asserted", {"IMF"}, {"EGY"})),
    ("Germany announced a contribution of $50 million to the World Food Programme for "
     "Yemen.", ("AID", "economic", "asserted", {"DEU"}, {"YEM"})),
    # a budget's money for other countries is no domestic spending
    ("The budget provides $3 billion for refugees and host countries abroad.",
     ("AID", "economic", "asserted", set(), set())),
    # aid as the means of a support noun, aid a participle says reaches a place, aid to a
    # coded recipient under a flow, loans with a named party
    ("The President reaffirmed lasting support for the Haitian people through "
     "development and humanitarian aid.", ("AID", "humanitarian", "asserted", set(), set())),
    ("They stressed the need to increase humanitarian aid reaching families in Sudan.",
     ("AID", "humanitarian", "asserted", set(), set())),
    ("The ministers reviewed efforts to increase the flow of life-saving assistance to the "
     "people of Sudan.", ("AID", "economic", "discussed", set(), {"SDN"})),
    ("The leaders committed to issue $20 billion in loans for Ukraine.",
     ("AID", "economic", "planned", set(), {"UKR"})),
    # a federal agency's help abroad is still aid
    ("The CDC delivered 2 million vaccine doses to Ghana last month.",
     ("AID", "humanitarian", "asserted", set(), {"GHA"})),
    # a country's name before the aid noun names its giver
    ("The envoy highlighted ongoing U.S. assistance to help Moldova reform its courts.",
     ("AID", "economic", "asserted", {"USA"}, set())),
    # money pledged: aid planned
    ("Canada's pledge of $200 million to Ukraine was welcomed by the ministers.",
     ("AID", "economic", "planned", {"CAN"}, {"UKR"})),
    # "economic support" named with its recipient
    ("The United States announced new economic support for Jordan.",
     ("AID", "economic", "asserted", {"USA"}, {"JOR"})),
    ("They reviewed their steadfast political, security, economic, and humanitarian "
     "support for Ukraine.",
     ("AID", "humanitarian", "discussed", set(), {"UKR"})),
    # a home department's help abroad is still aid
    ("The Department of Agriculture will send $20 million in food aid to Haiti.",
     ("AID", "humanitarian", "planned", set(), {"HTI"})),
    # the receiver abroad
    ("Millions of Ukrainians have received humanitarian assistance from the United States.",
     ("AID", "humanitarian", "asserted", {"USA"}, {"UKR"})),
    # an aid noun standing alone takes its clause's modality
    ("The United States will keep working to increase humanitarian assistance into Sudan.",
     ("AID", "humanitarian", "planned", {"USA"}, {"SDN"})),
    ("They discussed the surge in humanitarian aid into Sudan.",
     ("AID", "humanitarian", "discussed", set(), set())),
    # a giving role names the giver
    ("Norway is the largest single provider of humanitarian assistance worldwide.",
     ("AID", "humanitarian", "asserted", set(), set())),
    # help abroad still counts when it reaches families or children there
    ("The United States provided $20 million in emergency aid to displaced families in "
     "Sudan.", ("AID", "economic", "asserted", {"USA"}, {"SDN"})),
    ("The United States has supported Haiti through humanitarian aid since the storm.",
     ("AID", "humanitarian", "asserted", {"USA"}, {"HTI"})),
    # aid whose flow into a place is discussed
    ("The two presidents discussed ongoing efforts to increase the flow of humanitarian "
     "aid into Sudan.", ("AID", "humanitarian", "discussed", set(), {"SDN"})),
    # aid carried to the verb by the noun that measures it
    ("Last month the President announced a surge in humanitarian assistance for Haiti.",
     ("AID", "humanitarian", "asserted", set(), {"HTI"})),
    ("The Secretary announced $40 million in new support for disaster relief.",
     ("AID", "humanitarian", "asserted", set(), set())),
    # an aid noun whose adjectives name its kinds, with a coded side
    ("The envoy thanked Norway for its humanitarian and technical assistance to Sudan.",
     ("AID", "humanitarian", "asserted", {"NOR"}, {"SDN"})),
    # goods a participle gives away
    ("The campaign counts the 3 million vaccine doses donated to Ghana by Japan so far.",
     ("AID", "humanitarian", "asserted", {"JPN"}, {"GHA"})),
    # a participle restating an aid noun: one event, the one naming the sides
    ("They welcomed the humanitarian assistance delivered by Canada to Sudan.",
     ("AID", "humanitarian", "asserted", {"CAN"}, {"SDN"})),
]

# sentence → a type it must not hold
MUST_NOT: list[tuple[str, str]] = [
    # what is shared is no aid unless it is doses or vaccines
    ("The two ministries will share information on the outbreak with Mexico.", "AID"),
    ("Our allies share the burden of defending Poland.", "AID"),
    # money for local programmes is a domestic programme
    ("The agency provided $12 million to support local health programs in Ohio.", "AID"),
    # help at home given through grants and loans
    ("The program supported small businesses through grants and loans.", "AID"),
    ("The governor backed the farmers through emergency assistance.", "AID"),
    # flows that are no aid
    ("The ministers discussed ways to slow the flow of migrants into Greece.", "AID"),
    ("Officials discussed ways to stop the flow of illicit funds into Venezuela.", "AID"),
    # a surge or increase of what is no aid
    ("The report documents a surge in migrants crossing into Mexico.", "AID"),
    ("The agency offers technical assistance for small businesses in rural areas.", "AID"),
    # money for a domestic programme: its purpose, its people, the verb over an aid noun
    ("The administration has allocated $8 billion for housing grants run by HUD.", "AID"),
    ("Emergency financial assistance for an estimated 2 million college students.", "AID"),
    ("Treasury remains committed to delivering relief to the American people.", "AID"),
    ("Congress must act now to deliver more aid to struggling homeowners.", "AID"),
    ("The city received funding from the Bipartisan Infrastructure Law to repair its "
     "bridges.", "AID"),
    ("The department's grant funding included $90 million in funding to improve school "
     "safety.", "AID"),
    ("The law provides $40 billion for state programs.", "AID"),
    ("Officials say the aid reaching families in Ohio has been slow.", "AID"),
    # a federal agency's help at home
    ("The FCC provided technical assistance to emergency call centers after the flood.",
     "AID"),
    ("The bank offers loans to farmers in the valley.", "AID"),
    ("The firm is a leading provider of financial assistance software.", "AID"),
    ("Liquidity remains ample in US funding markets.", "AID"),
    ("Our pledge to expand training for Mexico's police was renewed.", "AID"),
    ("The President spoke about economic support for workers in Michigan.", "AID"),
    ("It was right to provide flexible aid to state and local governments.", "AID"),
    ("The store will sell hearing aids in Ohio and Texas.", "AID"),
    ("Millions of Americans have received financial assistance to lower their premiums.",
     "AID"),
    ("The Administration will deliver 5 million masks to community health centers and "
     "food pantries.", "AID"),
    ("The Department of Justice's grant funding included $90 million in funding to "
     "improve school safety.", "AID"),
]


def test_a_restated_supply_is_one_event(found: dict[str, list[Event]]) -> None:
    events = found["They welcomed the humanitarian assistance delivered by Canada to Sudan."]
    assert len([e for e in events if e.type == "AID"]) == 1, events



@pytest.fixture(scope="module")
def found(extractor: Extractor) -> dict[str, list[Event]]:
    return extract_each(extractor, [s for s, _ in MUST] + [s for s, _ in MUST_NOT])


@pytest.mark.parametrize(("sentence", "expected"), MUST, ids=[s[:50] for s, _ in MUST])
def test_aid_in_government_prose_is_found(found: dict[str, list[Event]], sentence: str,
                                          expected: Expected) -> None:
    assert_found(found[sentence], expected, FIELDS)


@pytest.mark.parametrize(("sentence", "type_"), MUST_NOT,
                         ids=[s[:50] for s, _ in MUST_NOT])
def test_look_alikes_are_not_aid(found: dict[str, list[Event]], sentence: str,
                                 type_: str) -> None:
    assert_none_of(found[sentence], type_)
