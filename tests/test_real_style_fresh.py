"""Sanctions and threats in the wording of government prose the annotated sample does
not hold (issue 10; read on fresh documents, outside the sample, with
bench/fresh_review.py): costs imposed on a named party as a threat (a sanction only
under a condition), designations whose reasons start "for assisting" or "because",
a date that is a criterion ("on or after"), additions to the SDN List, a long list inside
"hold ... accountable"; and the look-alikes: a campaign recalled or tallied "since", a
measure's purpose, the list's boilerplate, sanctions given as a cause ("as a result of
sanctions"), things (not parties) that "threaten". Every
sentence is our own, written in the style of the error classes seen; none is corpus text.
"""

from __future__ import annotations

from .sentences import sentence_tests

# sentence → an event it must hold: (type, modality, actor, target)
Expected = tuple[str, str, set[str], set[str]]
MUST: list[tuple[str, Expected]] = [
    # costs imposed on a named party: a threat made now
    ("The ministers renewed their resolve to keep imposing heavy costs on Russia for its war.",
     ("THREATEN", "asserted", set(), {"RUS"})),
    ("The two leaders agreed to continue raising costs on the Belarusian regime.",
     ("THREATEN", "asserted", set(), {"BLR"})),
    ("We will keep imposing costs on Russia until its forces leave.",
     ("THREATEN", "asserted", set(), {"RUS"})),
    # under a condition: the threat, and the sanction it holds out
    ("The United States will impose further costs on Iran if it resumes enrichment.",
     ("THREATEN", "asserted", {"USA"}, {"IRN"})),
    ("The United States will impose further costs on Iran if it resumes enrichment.",
     ("SANCTION", "hypothetical", {"USA"}, {"IRN"})),
    # a party that threatens
    ("The Iranian regime has threatened to close the strait.",
     ("THREATEN", "asserted", {"IRN"}, set())),
    # designations whose reasons start otherwise than "for being"
    ("Acme Trading LLC was designated for assisting in the sale of Iranian oil.",
     ("SANCTION", "asserted", set(), set())),
    ("Jane Roe is being designated because she leads the network's finance arm.",
     ("SANCTION", "asserted", set(), set())),
    # "on or after <date>" is the order's criterion, not when the designation was made
    ("The two firms are designated pursuant to E.O. 13846 for, on or after November 5, "
     "2018, having assisted the oil ministry.",
     ("SANCTION", "asserted", {"USA"}, set())),
    # added to the list: the designation itself
    ("In all, OFAC added three traders and a Syrian bank to the SDN List under its Syria "
     "authorities.", ("SANCTION", "asserted", {"USA"}, {"SYR"})),
    # a long list between "hold" and "accountable"
    ("We will spare no effort to hold the Kremlin and its generals, including the "
     "commanders in Crimea, accountable for these crimes.",
     ("THREATEN", "asserted", set(), {"RUS"})),
]

# sentence → a type it must not hold
MUST_NOT: list[tuple[str, str]] = [
    # costs threatened are no measure taken
    ("We will keep imposing costs on Russia until its forces leave.", "SANCTION"),
    ("The ministers renewed their resolve to keep imposing heavy costs on Russia for its war.",
     "SANCTION"),
    # a campaign recalled, a measure's purpose: no threat made now
    ("Germany has been a steady partner in the campaign to impose costs on Russia.",
     "THREATEN"),
    ("These measures are designed to impose costs on Russia.", "THREATEN"),
    ("These measures are designed to impose costs on Russia.", "SANCTION"),
    ("Export controls adopted with our allies to impose lasting costs on Russia have cut "
     "its imports.", "THREATEN"),
    # nobody named to bear them
    ("We will impose costs on anyone who helps the junta evade sanctions.", "THREATEN"),
    ("We will impose costs on anyone who helps the junta evade sanctions.", "SANCTION"),
    # the list boilerplate: an ability, not an addition; a tally since some date
    ("OFAC draws its strength from its ability to designate and add persons to the SDN "
     "List and from its readiness to remove them.", "SANCTION"),
    ("Since March, Treasury has designated 40 people tied to the smuggling ring.",
     "SANCTION"),
    # measures in force given as a cause: an effect
    ("As a result of sanctions, the regime has talked of moving state funds into its "
     "factories.", "SANCTION"),
    ("Owing to Western sanctions, the carmaker has discussed closing two plants.", "SANCTION"),
    # things that "threaten", not parties
    ("North Korea's missile launches threaten regional stability.", "THREATEN"),
    ("The recent attacks threatened the lives of American troops.", "THREATEN"),
    ("Rising rates could threaten the recovery of small firms.", "THREATEN"),
]


extracted, test_event_is_found, test_event_is_not_misread = sentence_tests(
    MUST, MUST_NOT, ("type", "modality", "actor", "target"))
