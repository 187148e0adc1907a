"""Agreement, request, talks and concession phrasings seen in fresh government prose, in
our own words: a commitment renewed jointly ("their", "our shared"), a request made "at
the request of" a country, a meeting "with" people, calls "today with", "engaged in
dialogue", a leader hosted or called by title, allies committing to act, and a release
that is of people, not of data. Each MUST sentence must give an event of the type beside
it; each MUST_NOT sentence must give none."""

from __future__ import annotations

from .sentences import sentence_tests

MUST: list[tuple[str, str]] = [
    # a commitment renewed by two or more parties together
    ("The two presidents reaffirmed their firm commitment to the defence pact.", "AGREE"),
    ("Both ministers underscored their commitment to keep grain moving through the strait.",
     "AGREE"),
    ("We reaffirm our mutual commitment to curb illicit finance.", "AGREE"),
    # a country asks, and the action is done at its request
    ("Engineers were sent to the port at the request of the Government of Chile.", "REQUEST"),
    ("The inspectors stayed on at the Peruvian government's request.", "REQUEST"),
    # a meeting with people, named or by title
    ("The envoy will meet with senior officials in Hanoi next week.", "CONSULT"),
    ("The Secretary met today with Foreign Minister Tanaka of Japan.", "CONSULT"),
    ("The First Lady and I met with them in Dayton and in El Paso.", "CONSULT"),
    ("The President held calls today with the governors of Ohio and Iowa.", "CONSULT"),
    ("The delegations engaged in a frank dialogue on maritime security.", "CONSULT"),
    # a readout's call or visit with a leader named by title; parties committing together
    ("The President hosted Speaker Ruiz at the White House this morning.", "CONSULT"),
    ("The President called Prime Minister Sato to offer his condolences.", "CONSULT"),
    ("Allies will commit to ensuring the alliance is fully funded.", "AGREE"),
    # a release of people
    ("Both sides agreed to a prisoner release before the holiday.", "CONCEDE"),
]
MUST_NOT: list[tuple[str, str]] = [
    # one government restating its own stance is no agreement
    ("The adviser reaffirmed the Administration's commitment to the partnership.", "AGREE"),
    ("We reaffirm our commitment to lower costs for families.", "AGREE"),
    # a request by a private person, or without a party
    ("Funds may cover utility bills at an eligible tenant's request.", "REQUEST"),
    ("Copies are mailed at the request of the borrower.", "REQUEST"),
    # "met with" a reaction or a means, not people
    ("The draft rule met with broad resistance from lenders.", "CONSULT"),
    ("Cash needs this quarter will be met with weekly bill auctions.", "CONSULT"),
    # a call that names someone's remarks; a stance held, not a commitment made
    ("The President called President Okafor's remarks unhelpful.", "CONSULT"),
    ("The city keeps hosting Russian troops near the border.", "CONSULT"),
    ("The United States and its allies are committed to the principle of consent.", "AGREE"),
    # a release of data or a report
    ("The next release, covering data for March, is scheduled for May 15.", "CONCEDE"),
    ("The agency marked the release of its yearly report on housing.", "CONCEDE"),
]


# each MUST sentence holds an event of its type; no MUST_NOT sentence holds one of its type
extracted, test_event_is_found, test_event_is_not_misread = sentence_tests(
    [(s, (t,)) for s, t in MUST], MUST_NOT, ("type",))
