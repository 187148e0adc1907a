"""AID on government prose, second pass (issue 10): lists of kinds of help however the
parse hangs them, help given "with" aid nouns, supplies framed by committing verbs,
goods named in a compound before a supply noun; and the domestic programmes beside
them (money to states, families, schools; "federal funds"; supplies for Americans).
Every sentence is our own, written in the style of what fresh corpus sentences say;
none is corpus text.
"""

from __future__ import annotations

from .sentences import sentence_tests

# sentence → an event it must hold: (type, subtype, modality, actor, target)
Expected = tuple[str, str | None, str, set[str], set[str]]
MUST: list[tuple[str, Expected]] = [
    # a three-way list of kinds is one event per kind, whatever noun heads the parse
    ("The ministers reviewed their work to provide security, economic, and humanitarian "
     "assistance to Moldova.", ("AID", "military", "discussed", set(), {"MDA"})),
    ("The ministers reviewed their work to provide security, economic, and humanitarian "
     "assistance to Moldova.", ("AID", "economic", "discussed", set(), {"MDA"})),
    ("The ministers reviewed their work to provide security, economic, and humanitarian "
     "assistance to Moldova.", ("AID", "humanitarian", "discussed", set(), {"MDA"})),
    # help given by means of an aid noun: the one the helping verb helps gets it
    ("Canada keeps supporting Georgia with security assistance.",
     ("AID", "military", "asserted", {"CAN"}, {"GEO"})),
    ("Norway helped Moldova with large amounts of humanitarian aid.",
     ("AID", "humanitarian", "asserted", {"NOR"}, {"MDA"})),
    # a committing verb frames the gerund as planned, and its subject gives
    ("The allies recommitted to providing NATO with cash and capabilities.",
     ("AID", "military", "planned", set(), {"NATO"})),
    ("Japan committed to providing Ukraine with generators.",
     ("AID", "humanitarian", "planned", {"JPN"}, {"UKR"})),
    # goods named in a compound before the supply noun
    ("North Korean arms shipments to Russia grew last autumn.",
     ("AID", "military", "asserted", {"PRK"}, {"RUS"})),
    ("Weapons deliveries to Armenia resumed in March.",
     ("AID", "military", "asserted", set(), {"ARM"})),
    # a firm's base gives its code ("X, based in Qatar,")
    ("Blue Harbor Trading, based in Qatar, has shipped rifles to the militia.",
     ("AID", "military", "asserted", {"QAT"}, set())),
    # goods a relative clause supplies, with its object pronoun
    ("Officials described the rockets that Iran supplies to Russia.",
     ("AID", "military", "asserted", {"IRN"}, {"RUS"})),
    # going ahead with an aid noun is the act, not a means
    ("Treasury will move forward with a new loan guarantee for Jordan.",
     ("AID", "economic", "planned", {"USA"}, {"JOR"})),
    # financial support given to a party
    ("The Fund provided large financial support to Moldova last year.",
     ("AID", "economic", "asserted", set(), {"MDA"})),
    # a buying verb with its supplier named is a supply
    ("Moscow bought more drones from Iran.", ("AID", "military", "asserted", {"IRN"}, {"RUS"})),
    # the same pair given to a named party is help
    ("Japan sent humanitarian assistance and disaster relief to the Philippines.",
     ("AID", "humanitarian", "asserted", {"JPN"}, {"PHL"})),
    # goods with a model name are goods, not a named party; a future clause waiting
    # for the delivery makes it planned, a past one leaves it asserted
    ("The new hangars must be ready prior to the delivery of F-35s to Finland.",
     ("AID", "military", "planned", set(), {"FIN"})),
    ("The crews were trained before the delivery of F-16s to Romania.",
     ("AID", "military", "asserted", set(), {"ROU"})),
    # an aid phrase that names its giver with "from" stands alone
    ("Economic assistance from Japan is vital for the recovery.",
     ("AID", "economic", "asserted", {"JPN"}, set())),
    # "with" hung on the object by the parser still names the goods
    ("USAID provided migrants with medicine.",
     ("AID", "humanitarian", "asserted", set(), set())),
    # the US government asking for funds with no supplier named: asked of Congress, to give
    ("The Administration has requested 3 billion dollars in foreign assistance.",
     ("AID", "economic", "discussed", {"USA"}, set())),
    # a request from a named supplier keeps the asker as the recipient
    ("Kyiv requested more air defence systems from Germany.",
     ("AID", "military", "discussed", {"DEU"}, {"UKR"})),
]

# sentence → a type it must not hold
MUST_NOT: list[tuple[str, str]] = [
    # domestic programmes: the home public gets it, or the money is federal
    ("Thanks to the recovery law, the President delivered 20 billion dollars to all states "
     "to expand home care.", "AID"),
    ("Through the Homeowner Relief Fund, Treasury has disbursed 4 billion dollars to keep "
     "families in their homes.", "AID"),
    ("The agency will provide 12 million dollars in federal funds for a flood project in "
     "Ohio.", "AID"),
    ("Of the total, 40 million dollars would be provided to three Tribes, Washington, and "
     "Oregon for river projects.", "AID"),
    ("There was not enough vaccine supply for all Americans last winter.", "AID"),
    # a compound that names no goods of help keeps the noun a trade word
    ("Oil shipments to China rose in May.", "AID"),
    # a nuclear weapon acquired with no supplier named is one a state would build
    ("We will ensure that Iran never acquires a nuclear weapon.", "AID"),
    ("The allies vowed to stop Iran from ever obtaining a nuclear weapon.", "AID"),
    # "humanitarian assistance and disaster relief" names a field of cooperation
    ("The navies will deepen cooperation on humanitarian assistance and disaster relief.",
     "AID"),
    # thanks for support given to oneself are no aid
    ("We thank our partners for their financial support.", "AID"),
    # "with" aid as a means of another act is still no supply
    ("The raids were carried out with the assistance of several partners.", "AID"),
]


extracted, test_event_is_found, test_event_is_not_misread = sentence_tests(
    MUST, MUST_NOT, ("type", "subtype", "modality", "actor", "target"))
