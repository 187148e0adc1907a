"""Aid in the wording of government prose outside the annotated sample (issue 10, round
4; read on fresh documents with bench/fresh_review.py --types AID): money given "to
support 30 countries" or "to developing nations" with no country named (a purpose
clause or a plural of countries is help abroad, not a domestic programme), the same told
in a relative clause ("the initiative, which provided..."), debt relief to poor
countries; a drawdown package tagged as an adjective, or the part an announcement
"includes"; a designation's reason ("designated three firms for supplying drones to
Russia"), AID by the designees, never by OFAC; arms (not money or data) moved "between"
two parties; and the look-alikes: what a prohibition stops ("prohibited from providing
credit to"), and the domestic ones ("to support 25 states", "to tribal nations", "across
the nation", "student debt relief").
The Bureau of Indian Affairs is a US body, not India. Every sentence is our own, written
in the style of the cases seen; none is corpus text.
"""

from __future__ import annotations

from .sentences import sentence_tests

# sentence → an event it must hold: (type, subtype, modality, actor, target)
Expected = tuple[str, str | None, str, set[str], set[str]]
MUST: list[tuple[str, Expected]] = [
    # a purpose clause names countries abroad as the ones helped
    ("Since it began, the fund has given $2 billion to support 25 countries in "
     "strengthening their clinics.", ("AID", "economic", "asserted", set(), set())),
    # a plural of countries deep in what is given
    ("The facility provided $4 billion in grants to developing nations over five years.",
     ("AID", "economic", "asserted", set(), set())),
    # the same told in a relative clause
    ("The partnership, which provided $3 billion to help 40 countries, will be renewed.",
     ("AID", "economic", "asserted", set(), set())),
    ("The programme, which delivered $6 billion in loans to poorer nations, ends in May.",
     ("AID", "economic", "asserted", set(), set())),
    # debt relief is domestic only when nobody abroad gets it
    ("The lenders provided debt relief to 30 low-income countries last year.",
     ("AID", "economic", "asserted", set(), set())),
    # a drawdown tagged as an adjective, inside a long announcement
    ("The President unveiled a new drawdown package for Ukraine worth $250 million, the "
     "ninth this year, with more steps on power lines.",
     ("AID", "military", "asserted", set(), {"UKR"})),
    # a drawdown as a part of what an announcement includes
    ("This week's announcement, which includes a $300 million drawdown package for the "
     "Ukrainian forces, adds to our earlier help.",
     ("AID", "military", "asserted", set(), {"UKR"})),
    ("The announcement includes a new drawdown package for Ukraine.",
     ("AID", "military", "asserted", set(), {"UKR"})),
    # a designation's reason, the "for" hung on the designees: AID by them, not by the
    # sanctioner
    ("Today Treasury designated three firms for supplying drone motors to Russia.",
     ("AID", "military", "asserted", set(), {"RUS"})),
    # the reason of sanctions imposed "on" someone, "for" or "over" an act told by a noun
    # or a gerund: the one sanctioned did it, never the sanctioning government
    ("Norway imposed sanctions on three Iranian shipping firms on Monday over drone "
     "deliveries.", ("AID", "military", "asserted", {"IRN"}, set())),
    ("The European Union imposed sanctions on Iran on Tuesday for supplying drones to "
     "Moscow.", ("AID", "military", "asserted", {"IRN"}, {"RUS"})),
    ("The EU sanctioned two Iranian firms for drone deliveries to Russia.",
     ("AID", "military", "asserted", {"IRN"}, {"RUS"})),
    ("OFAC designated the exchange house for sending money to Hamas.",
     ("AID", "economic", "asserted", set(), set())),
    # arms moved between two parties
    ("We are alarmed by the arms transfers between Iran and Russia.",
     ("AID", "military", "asserted", set(), set())),
    # a US bureau whose name holds a demonym
    ("The Bureau of Indian Affairs signed a compact with the Navajo Nation.",
     ("AGREE", None, "asserted", {"USA"}, set())),
]
# sentence → a type it must not hold
MUST_NOT: list[tuple[str, str]] = [
    ("The fund has provided $2 billion to support 25 states in repairing their roads.", "AID"),
    ("The grant programme gave $40 million to federally recognized tribal nations for "
     "water systems.", "AID"),
    ("The law delivered $20 billion to communities across the nation.", "AID"),
    ("The plan will provide $5 billion to help the nation's schools reopen.", "AID"),
    ("The department announced student debt relief for four million borrowers.", "AID"),
    ("The budget includes $2 billion in loans for small firms.", "AID"),
    ("The drawdown of the oil reserve includes 30 million barrels.", "AID"),
    ("The network handled financial transfers between senior ISIS leaders in Syria.",
     "AID"),
    ("The rule covers data transfers between Europe and the United States.", "AID"),
    # a habitual present names what a body does, no help given now
    ("The banks offer grants to support poor countries.", "AID"),
    # what a prohibition stops is no supply
    ("Local banks are prohibited from making loans or providing credit to the governor.",
     "AID"),
    ("Lenders are barred from providing loans to Kenya.", "AID"),
    ("The agency, which provided $2 billion in loans to small farms, will hire staff.",
     "AID"),
]


extracted, test_aid_is_found, test_no_aid_is_misread = sentence_tests(
    MUST, MUST_NOT, ("type", "subtype", "modality", "actor", "target"))
