"""AID, SUPPORT and COOPERATE on the wording of government prose (issue 10): the aid
nouns of press releases, several kinds of help in one mention, gerunds under framing
nouns, purpose clauses naming the one helped; and the hard negatives beside them
(domestic programmes, purchases, troops moved at home, generic "support" and
"coordinate"). Every sentence is our own, written in the style of the errors seen on
real text; none is corpus text.
"""

from __future__ import annotations

from alerter.extract import Extractor
from alerter.models import Event

from .sentences import extract_each, sentence_tests, shown

# sentence → an event it must hold: (type, subtype, modality, actor, target)
Expected = tuple[str, str | None, str, set[str], set[str]]
MUST: list[tuple[str, Expected]] = [
    # aid nouns that stand alone when they say who gives or gets
    ("The network moved Iranian financial assistance to militia fighters abroad.",
     ("AID", "economic", "asserted", {"IRN"}, set())),
    ("The two ministers announced new humanitarian assistance for Sudan.",
     ("AID", "humanitarian", "asserted", set(), {"SDN"})),
    ("Treasury signed a loan guarantee with Jordan on Monday.",
     ("AID", "economic", "asserted", {"USA"}, {"JOR"})),
    # any aid noun with a named giver or party, under the verb that takes its amount
    ("Britain announced 90 million pounds in civilian assistance for Sudan.",
     ("AID", "economic", "asserted", {"GBR"}, {"SDN"})),
    # debt relief abroad is economic aid
    ("Creditors announced debt relief for Zambia.",
     ("AID", "economic", "asserted", set(), {"ZMB"})),
    ("The United States will deliver debt relief to Somalia.",
     ("AID", "economic", "planned", {"USA"}, {"SOM"})),
    # an aid phrase with a coded recipient needs no verb
    ("Military aid to Georgia has slowed this winter.",
     ("AID", "military", "asserted", set(), {"GEO"})),
    # one mention, two kinds of help: two events
    ("The holding company has given cash and rifles to the rebel group.",
     ("AID", "military", "asserted", set(), set())),
    ("The holding company has given cash and rifles to the rebel group.",
     ("AID", "economic", "asserted", set(), set())),
    ("We urge the House to send Kyiv military and economic assistance.",
     ("AID", "economic", "discussed", set(), {"UKR"})),
    ("We urge the House to send Kyiv military and economic assistance.",
     ("AID", "military", "discussed", set(), {"UKR"})),
    ("Canada has contributed 3 billion dollars in humanitarian and military assistance to "
     "Ukraine.", ("AID", "humanitarian", "asserted", {"CAN"}, {"UKR"})),
    ("Canada has contributed 3 billion dollars in humanitarian and military assistance to "
     "Ukraine.", ("AID", "military", "asserted", {"CAN"}, {"UKR"})),
    # a gerund under a framing noun is the act, its owner the actor
    ("Sanctions target Iran's involvement in shipping drones to Russia.",
     ("AID", "military", "asserted", {"IRN"}, {"RUS"})),
    ("Officials reaffirmed their commitment of delivering 2 billion dollars in grants to "
     "Kenya.", ("AID", "economic", "planned", set(), {"KEN"})),
    # a supply noun marked as planned is an event in itself; plurals the lemmatiser keeps
    ("The deal includes the planned transfer of six helicopters.",
     ("AID", "military", "planned", set(), set())),
    ("The rules target Iran's role in shipping Unmanned Aerial Vehicles (UAVs) to Russia.",
     ("AID", "military", "asserted", {"IRN"}, {"RUS"})),
    # a recipient the parse hangs on the goods or the verb; goods behind a measure word;
    # a supplier written into one token
    ("The minister oversaw the ministry's supply of UAVs and other arms to Venezuela.",
     ("AID", "military", "asserted", set(), {"VEN"})),
    ("The airline has delivered to these militias a range of weapons.",
     ("AID", "military", "asserted", set(), set())),
    ("Kyiv may now strike deeper with U.S.-provided rockets.",
     ("AID", "military", "asserted", set(), set())),
    # "committed to providing": planned; capabilities are military goods
    ("The Cabinet remains committed to providing Moldova the military and economic "
     "support it needs.", ("AID", "economic", "planned", set(), {"MDA"})),
    ("The Cabinet remains committed to providing Moldova the military and economic "
     "support it needs.", ("AID", "military", "planned", set(), {"MDA"})),
    ("Britain will keep providing Estonia with the capabilities to defend itself.",
     ("AID", "military", "planned", {"GBR"}, {"EST"})),
    ("The Cabinet is committed to getting Moldova the assistance it needs.",
     ("AID", "economic", "planned", set(), {"MDA"})),
    # the one a supply is meant to help
    ("Congress must provide 6 billion dollars in budget aid to help the Government of "
     "Moldova pay salaries.", ("AID", "economic", "hypothetical", {"USA"}, {"MDA"})),
    ("The agency will send 40 million dollars to support Haiti.",
     ("AID", "economic", "planned", set(), {"HTI"})),
    ("Canada will send 200 soldiers to train Latvian recruits.",
     ("AID", "military", "planned", {"CAN"}, {"LVA"})),
    # the verb "aid" with a party, and aid on its way
    ("Allies are looking for new ways to aid Georgia.",
     ("AID", "other", "asserted", set(), {"GEO"})),
    ("Norway disbursed 80 million dollars to Ukraine last week.",
     ("AID", "economic", "asserted", {"NOR"}, {"UKR"})),
    # support expressed in a readout, praise by another verb
    ("The two ministers reaffirmed their countries' strong support for Moldova.",
     ("SUPPORT", None, "asserted", set(), {"MDA"})),
    ("The Chancellor expressed solidarity with the people of Chile after the floods.",
     ("SUPPORT", None, "asserted", set(), {"CHL"})),
    ("The President lauded Norway's leadership in the peace talks.",
     ("SUPPORT", None, "asserted", set(), {"NOR"})),
    ("Officials stated a commitment to support the democratic transition in Chad.",
     ("SUPPORT", None, "planned", set(), set())),
    # aid a bill is to provide, when the bill is only urged
    ("We urge the Senate to pass the bill to provide Georgia with military aid.",
     ("AID", "military", "discussed", set(), {"GEO"})),
    # a promise reported with "would"
    ("The officer agreed that Iran would provide the fighters with rifles.",
     ("AID", "military", "planned", {"IRN"}, set())),
    # help with a partner's inquiry, relations set up
    ("Officials in Lisbon said the FBI is assisting in the inquiry.",
     ("COOPERATE", None, "asserted", set(), set())),
    ("Japan will establish diplomatic relations with the new state.",
     ("COOPERATE", None, "planned", {"JPN"}, set())),
    # coordination with partners stays COOPERATE
    ("The announcement was coordinated with allies in Europe.",
     ("COOPERATE", None, "asserted", set(), set())),
]

# sentence → a type it must not hold
MUST_NOT: list[tuple[str, str]] = [
    # domestic payments and money flows with nobody on either side
    ("We worked together to deliver bigger tax credit payments.", "AID"),
    ("More than ninety million relief checks have been delivered.", "AID"),
    ("Smugglers are giving cash through informal money transfer networks.", "AID"),
    ("The Recovery Plan provided 90 billion dollars to help colleges reopen.", "AID"),
    ("The project contributed 9 billion dollars to the national economy.", "AID"),
    # an alleged shipment of goods with no side named is trade, not help
    ("The report describes the alleged shipment of grain.", "AID"),
    # an aid phrase with no coded recipient, or only a place, needs a verb
    ("Humanitarian aid for those in need is vital.", "AID"),
    ("Our rules must not slow the delivery of humanitarian assistance in Yemen.", "AID"),
    # aid as a means, domestic aid with nobody named
    ("The new rules deliver student debt relief to thousands of borrowers.", "AID"),
    ("The agency expanded rental assistance for families.", "AID"),
    ("The raids were carried out with the assistance of several partners.", "AID"),
    ("The governors want to expand rental assistance to thousands of households.", "AID"),
    # the recipient's "get", and an act only aimed at
    ("Russia got more drones from Iran last year.", "AID"),
    ("An offer aimed at easing the standoff was made public.", "CONCEDE"),
    # purchases with nobody named are no supply
    ("The logging firm acquired a timber licence in 2021.", "AID"),
    ("He tried to obtain a weapons contract to fund the fighters.", "AID"),
    # troops moved at home are a deployment, not aid
    ("Turkey sends more troops into a border province after a clash.", "AID"),
    # "aided by" is no aid; a wish to support a people is no SUPPORT by itself
    ("The firm was aided by low interest rates.", "AID"),
    ("The agency is committed to getting families the help they need and to support its "
     "people.", "SUPPORT"),
    ("The grants will keep supporting local governments in the recovery.", "SUPPORT"),
    # help given is no expression of support; self-defence is not support
    ("Kyiv continues to defend itself against the invasion by Russia.", "SUPPORT"),
    ("The charity provided material support to the flood victims.", "SUPPORT"),
    # coordination of an act, not with a partner
    ("Two front companies coordinated a transfer of crude oil at sea.", "COOPERATE"),
    ("The police helped coordinate the arrest of the suspect.", "COOPERATE"),
    ("The bank announced a partnership to train young coders.", "COOPERATE"),
]


extracted, test_event_is_found, test_event_is_not_misread = sentence_tests(
    MUST, MUST_NOT, ("type", "subtype", "modality", "actor", "target"))


ONCE = ("The advisers discussed trilateral cooperation, including closer cooperation on "
        "cyber security, and praised and welcomed the new joint statement.")


def events_of(extractor: Extractor, text: str) -> list[Event]:
    return extract_each(extractor, [text])[text]


def test_support_and_cooperate_are_stated_once_per_sentence(extractor: Extractor) -> None:
    events = events_of(extractor, ONCE)
    for type_ in ("COOPERATE", "SUPPORT"):
        assert len([e for e in events if e.type == type_]) == 1, [shown(e) for e in events]


def test_aid_phrase_names_the_kind_of_what_a_verb_gives(extractor: Extractor) -> None:
    text = "The Pentagon provided 5 million dollars in security assistance to Ukraine."
    aid = [e for e in events_of(extractor, text) if e.type == "AID"]
    assert [e.subtype for e in aid] == ["military"], [shown(e) for e in aid]


def test_would_without_a_promise_above_stays_hypothetical(extractor: Extractor) -> None:
    text = "Analysts think Iran would provide the fighters with rifles."
    aid = [e for e in events_of(extractor, text) if e.type == "AID"]
    assert [e.modality for e in aid] == ["hypothetical"], [shown(e) for e in aid]
