"""False alarms of AID, SANCTION and CONCEDE on random government prose (issue 10, round
6; read on random fresh sentences with bench/fresh_review.py --random): money or help
given in a sentence that names nobody and nothing abroad is a home programme, not aid
(rental funds distributed, loans to small business owners, technical assistance to
cities, a budget sent to Congress); the same money with a word of work abroad, a region
abroad, a foreign head or the State Department as giver is still aid. "Announce" or
"adopt" new measures is a sanction only with a coded party in what the measures are,
against or for; "designate" as a status, a post or a budget term ("as a Major Non-NATO
Ally", "as emergency requirements") is no sanction. Every sentence is
our own, written in the style of the cases seen; none is corpus text.
"""

from __future__ import annotations

from .sentences import sentence_tests

# sentence → an event it must hold: (type, subtype, modality, actor, target)
Expected = tuple[str, str | None, str, set[str], set[str]]
MUST: list[tuple[str, Expected]] = [
    # no country coded, but the ones helped are abroad
    ("The Treasury will provide $40 million to help developing countries adapt to drought.",
     ("AID", "economic", "planned", {"USA"}, set())),
    # the State Department gives abroad whoever the money reaches
    ("The Department of State intends to provide an additional $15 million to the regional "
     "fund to support its first grants.", ("AID", "economic", "planned", {"USA"}, set())),
    # a region abroad, told in two words
    ("The delegation will highlight U.S. assistance to Central America to address the "
     "causes of migration.", ("AID", "economic", "planned", {"USA"}, set())),
    # a coded country
    ("The United States has provided $300 million in economic assistance to Jordan since "
     "2020.", ("AID", "economic", "asserted", {"USA"}, {"JOR"})),
    # relief goods with a giver or a group that works abroad
    ("The adviser urged the ICRC to visit the hostages and provide medical assistance to "
     "them.", ("AID", "humanitarian", "asserted", set(), set())),
    ("The United States has shipped millions of vaccine doses through COVAX.",
     ("AID", "humanitarian", "asserted", {"USA"}, set())),
    # a people abroad or a United Nations body, neither coded, as recipient (review6)
    ("The United States will provide $50 million in economic assistance to the Rohingya.",
     ("AID", "economic", "planned", {"USA"}, set())),
    ("The United States will provide $30 million to help Kurdish communities rebuild.",
     ("AID", "economic", "planned", {"USA"}, set())),
    ("The United States announced $25 million in funding to the UNFPA.",
     ("AID", "economic", "asserted", {"USA"}, set())),
    ("The U.S. government will provide $40 million in assistance to the Northern Triangle.",
     ("AID", "economic", "planned", {"USA"}, set())),
    # one's place in a government or group, a sanction's ground, is no post (review6)
    ("OFAC today designated Venezuelan judge Maikel Moreno as an official of the Government "
     "of Venezuela.", ("SANCTION", "economic", "asserted", {"USA"}, {"VEN"})),
    # the EU's "restrictive measures", and measures against a party not coded (review6)
    ("The Council decided to extend the restrictive measures for a further six months.",
     ("SANCTION", "economic", "planned", set(), set())),
    ("Canada announced new economic measures against the regime on Friday.",
     ("SANCTION", "economic", "asserted", {"CAN"}, set())),
    # measures made known against, or aimed at, a coded party
    ("The European Union adopted new measures against Belarus on Monday.",
     ("SANCTION", "economic", "asserted", {"EU"}, {"BLR"})),
    ("Many of our partners will announce their own measures to hold Iran accountable in the "
     "coming days.", ("SANCTION", "economic", "planned", set(), set())),
    # a designation onto a sanctions list, "as" a listed kind
    ("OFAC designated the militia leader as a Specially Designated Global Terrorist "
     "pursuant to E.O. 13224.", ("SANCTION", "economic", "asserted", {"USA"}, set())),
]
# sentence → a type it must not hold
MUST_NOT: list[tuple[str, str]] = [
    # home programmes: nobody and nothing abroad in the sentence
    ("The Treasury will keep distributing the emergency rental funds over the next quarter.",
     "AID"),
    ("Community banks that offer loans and financial support to small business owners and "
     "first-time entrepreneurs will get new capital.", "AID"),
    ("The institute will provide each participating city with hands-on technical assistance "
     "to design its training plan.", "AID"),
    ("Last month the President sent his budget request to Congress.", "AID"),
    # a people of the home named: still a home programme (review6)
    ("The program will provide $5 million in grants to Hispanic and Black small business "
     "owners.", "AID"),
    ("The program will provide $5 million in grants to Asian American and Pacific Islander "
     "small business owners.", "AID"),
    # relief goods at home: vaccines for the home's own health centers
    ("Community health centers will begin receiving vaccine supply directly next week.",
     "AID"),
    # measures made known with nobody coded: policy at home
    ("The President will also announce new measures to protect workers from extreme heat.",
     "SANCTION"),
    ("The Governor announced new measures to help families pay for child care.", "SANCTION"),
    # "designate" as a status or a budget term, with sanctions words about
    ("Pursuant to section 251 of the Act, I hereby designate as emergency requirements all "
     "funding so designated by the Congress.", "SANCTION"),
    ("Pursuant to the Act, the President designated Qatar as a Major Non-NATO Ally.",
     "SANCTION"),
    ("Pursuant to the statute, the Secretary designated her deputy as acting director.",
     "SANCTION"),
]
FIELDS = ("type", "subtype", "modality", "actor", "target")

extracted, test_event_is_found, test_event_is_not_misread = sentence_tests(MUST, MUST_NOT,
                                                                           FIELDS)
