"""Stances, pledges and refusals in the wording of fresh government prose (issue 10, round
5; read on documents outside the annotated sample with bench/fresh_review.py): praise that
names no side but the United States (praise of one's own side is not SUPPORT), a party's
own act welcomed ("welcomed Poland's participation") against input invited, "stands with
you" to a people the sentence names, a firm's or trader's refusal (commerce, not REJECT),
a fact sheet's commitments announced or secured and partnerships launched with another
side (AGREE), "are committed to" held by several parties (AGREE) but not by one side
alone, and cooperation grown ("will increase cooperation") between named parties
(COOPERATE) but not with no second party named, nor joint work among one government's own
bodies ("the FBI and the Department of Energy are coordinating"). The hard negatives
beside them keep the same words between parties. Every sentence is our own, written in
the style of the error classes seen; none is corpus text.
"""

from __future__ import annotations

from .sentences import sentence_tests

# sentence → an event it must hold: (type, modality, actor, target)
Expected = tuple[str, str, set[str], set[str]]
MUST: list[tuple[str, Expected]] = [
    # praise of another side, coded or not
    ("We commend the Kingdom of Morocco for its role in the talks.",
     ("SUPPORT", "asserted", set(), {"MAR"})),
    ("The union applauds the new tariffs on Chinese steel.",
     ("SUPPORT", "asserted", set(), {"CHN"})),
    ("We welcome the International Finance Corporation's new lending strategy.",
     ("SUPPORT", "asserted", set(), set())),
    ("The Secretary applauded the remarks by the Crown Prince on the ceasefire.",
     ("SUPPORT", "asserted", set(), set())),
    ("He welcomed the renewed contact between the two sides.",
     ("SUPPORT", "asserted", set(), set())),
    # a fact sheet's commitments, announced or secured (README: a company's commitment)
    ("Eleven hospital networks announced new commitments today to train nurses.",
     ("AGREE", "asserted", set(), set())),
    ("The campaign has secured commitments from 15 airlines to refund cancelled flights.",
     ("AGREE", "asserted", set(), set())),
    ("The conference catalyzed over $2 billion in commitments from foundations.",
     ("AGREE", "asserted", set(), set())),
    ("In the talks, the United States secured Vietnam's commitment to open its poultry "
     "market.", ("AGREE", "asserted", {"USA"}, {"VNM"})),
    # a partnership launched with another side
    ("Kenya and Japan launched a new partnership on geothermal power.",
     ("AGREE", "asserted", {"JPN", "KEN"}, set())),
    ("The President announced a clean shipping partnership with Norway.",
     ("AGREE", "asserted", set(), set())),
    # a commitment held by several named parties
    ("Canada and Mexico are committed to expanding rail links across the border.",
     ("AGREE", "asserted", set(), set())),
    ("The two leaders remain committed to deepening their trade ties.",
     ("AGREE", "asserted", set(), set())),
    ("Both sides are committed to resolving the dispute through talks.",
     ("AGREE", "asserted", set(), set())),
    # joint work grown between named parties
    ("Chile and Peru will increase cooperation to fight illegal fishing.",
     ("COOPERATE", "planned", {"CHL", "PER"}, set())),
    ("The two countries agreed to pursue closer cooperation on port security.",
     ("COOPERATE", "planned", set(), set())),
    # joint work with no side coded, but no home body named either (a joint statement)
    ("We will deepen our cooperation on vaccine research.",
     ("COOPERATE", "planned", set(), set())),
    ("The State Department coordinated with Canada on the evacuation.",
     ("COOPERATE", "asserted", {"USA"}, set())),
    ("The two ministers signed a cooperative agreement between Kenya and Ghana on health "
     "data.", ("AGREE", "asserted", set(), set())),
    # solidarity told to a people the sentence names
    ("My message to the Georgian people is simple: the United States stands with you.",
     ("SUPPORT", "asserted", {"USA"}, set())),
    # a party's own act welcomed, though its noun is also what hosts invite
    ("The Secretary welcomed Poland's participation in the naval exercise.",
     ("SUPPORT", "asserted", set(), {"POL"})),
    ("The Vice President welcomed Japan's new investments in regional ports.",
     ("SUPPORT", "asserted", set(), {"JPN"})),
    # a refusal by a government or its leaders
    ("Russia refused to change course in Ukraine.",
     ("REJECT", "asserted", {"RUS"}, set())),
    ("Senate leaders refused to bring the bill to a vote.",
     ("REJECT", "asserted", set(), set())),
]

# sentence → a type it must not hold
MUST_NOT: list[tuple[str, str]] = [
    # praise of one's own side
    ("The Wildlands Trust applauds the President for protecting the canyon.", "SUPPORT"),
    ("We applaud the House for passing the farm bill with a strong bipartisan vote.",
     "SUPPORT"),
    ("The Administration applauds the nine states that have passed paid sick leave laws.",
     "SUPPORT"),
    ("One participant commended the agency for expanding its small lender programme.",
     "SUPPORT"),
    ("The community leaders praised the Governor's efforts on housing.", "SUPPORT"),
    ("The new Secretary was welcomed at the front steps by department staff.", "SUPPORT"),
    ("The firefighters union endorsed the spending deal last spring.", "SUPPORT"),
    # commitments restated or recalled, not announced
    ("We reaffirmed our commitments to the people of the region.", "AGREE"),
    ("The new steps build on commitments made at last year's summit.", "AGREE"),
    ("The Administration announced its commitments to veterans in a speech.", "AGREE"),
    ("The agency announced new actions and commitments by federal offices.", "AGREE"),
    # a federal grant instrument
    ("The Labor Department announced a $5 million cooperative agreement with a training "
     "nonprofit.", "AGREE"),
    ("The Secretary reiterated the Administration's commitment to small farms.", "AGREE"),
    # a partnership at home
    ("The Labor Department launched a new partnership with community colleges in Ohio.",
     "AGREE"),
    # one side's own standing commitment
    ("The Administration is firmly committed to lowering the cost of insulin.", "AGREE"),
    ("We remain committed to helping small businesses recover.", "AGREE"),
    ("The United States and our partners are committed to holding the regime accountable.",
     "AGREE"),
    ("The Treasury and the Commerce Department remain committed to protecting savers.",
     "AGREE"),
    ("Most of the grant money is committed to hiring new teachers.", "AGREE"),
    # solidarity at home
    ("To the families who lost their homes in the flood: we stand with you.", "SUPPORT"),
    # input or newcomers invited
    ("Ghana welcomes foreign investment in its mining sector.", "SUPPORT"),
    # joint work grown with no second party named
    ("The new office will promote closer collaboration among local housing agencies.",
     "COOPERATE"),
    ("We must foster cooperation between hospitals and schools.", "COOPERATE"),
    # joint work among one government's own bodies
    ("The FBI and the Department of Energy are coordinating on the inquiry.", "COOPERATE"),
    ("NASA and the National Science Foundation will collaborate on ocean research.",
     "COOPERATE"),
    ("Congress and the agencies must work together to protect the trust fund.", "COOPERATE"),
    ("She collaborated with state and local officials on flood maps.", "COOPERATE"),
    # a trader's refusal
    ("Shipping carriers keep refusing to load American farm exports.", "REJECT"),
    ("Several banks refused to open accounts for money transmitters.", "REJECT"),
    ("The owners declined to sell the property to the county.", "REJECT"),
    ("The chemicals company rejected a takeover bid from a rival.", "REJECT"),
]

FIELDS = ("type", "modality", "actor", "target")
extracted, test_event_is_found, test_event_is_not_misread = sentence_tests(MUST, MUST_NOT, FIELDS)
