"""False alarms of meetings, pledges, requests and joint work on random government prose
(issue 10, round 6; read on random sentences of fresh White House and Treasury
documents with bench/fresh_review.py): a named summit or meeting that only sets the
time or place of another act ("programmes launched at the Leaders' Summit"), a body's own
sitting ("the Council meeting", "met with leaders of his emergency team"), one speaker's
talk ("the President talked about the need to act"), an alliance only tended ("strengthen
our alliance"), a market's demand ("the demand for Treasury bills"), a notice's questions
("asks commenters about", "the request for information's publication"), one government's
officials restating their commitment ("Administration officials underscored their
commitment to enforcing the law"), a promise a
government makes to its own people ("I promised to lower costs"), a body only empowered to
negotiate ("is authorized to negotiate an agreement"), a price bargained for ("negotiate
for lower drug prices"), and cooperation only spoken of as a way or a good ("views on how
we can better cooperate", "bolstering coordination will help"); each beside a true event
of the same words that must stay; and "examine" told of a study or a review ("the report
examines the role of", "will examine whether"), not of an investigation. Every sentence is
our own, written in the style of the errors seen; none is corpus text.
"""

from __future__ import annotations

from .sentences import sentence_tests

# sentence → an event it must hold: (type, modality)
MUST: list[tuple[str, tuple[object, ...]]] = [
    # a meeting gone to, held or taken part in
    ("Leaders from twenty countries came together at the G20 summit in Hamburg.",
     ("CONSULT", "asserted")),
    ("The President will participate in the U.S.-EU Summit on June 15.",
     ("CONSULT", "planned")),
    ("The two presidents will meet on the sidelines of the Asia-Europe Meeting in Milan.",
     ("CONSULT", "planned")),
    # a summit told as today's news, a named body of many, a summit planned
    ("Today at the U.S.-Africa Leaders Summit, President Biden reaffirmed the commitment of the "
     "United States to working with the African Union.", ("CONSULT", "asserted")),
    ("He will join a North Atlantic Council meeting of his counterparts from our NATO Allies.",
     ("CONSULT", "planned")),
    ("The President affirmed plans for an in-person Quad Leaders Summit later this fall.",
     ("CONSULT", "planned")),
    # a promise to another party
    ("The President promised to send more air defence systems to Ukraine.",
     ("AGREE", "asserted")),
    ("Japan promised to provide $500 million to the relief fund.", ("AGREE", "asserted")),
    # a commitment restated by two sides
    ("U.S. and Mexican officials reaffirmed their commitment to deepen law enforcement "
     "cooperation.", ("AGREE", "asserted")),
    ("Officials from both governments reiterated their commitment to the ceasefire.",
     ("AGREE", "asserted")),
    # a vow or a promise of another voice
    ("The rebels vowed to retake the town within a week.", ("AGREE", "asserted")),
    ("The rebel commander promised to free the hostages by Friday.", ("AGREE", "asserted")),
    # a summit gone to
    ("The President will travel to Madrid for the 2022 NATO Summit.", ("CONSULT", "planned")),
    # a meeting of a body with a code, one with others' leaders
    ("The UN Security Council meeting on Gaza ended without a vote.", ("CONSULT", "asserted")),
    ("President Biden met with leaders of the Senate to discuss the budget.",
     ("CONSULT", "asserted")),
    # talks of two sides; an alliance that acts
    ("The two leaders talked about the crisis in Sudan.", ("CONSULT", "asserted")),
    # the one talked with hung on the topic by the parser (review6)
    ("President Biden talked about the war with Chancellor Scholz on Tuesday.",
     ("CONSULT", "asserted")),
    ("They also talked about continued close defence ties and work on deterrence.",
     ("CONSULT", "asserted")),
    ("The two navies conducted patrols as part of their alliance with the Philippines.",
     ("COOPERATE", "asserted")),
    # a joint body's sitting; a fact sheet's bullet of joint work
    ("During this third Joint Committee meeting under the Agreement, participants on both "
     "sides provided updates on the reinsurance rules.", ("CONSULT", "asserted")),
    ("Collaboration will continue in the coming weeks, and the Steering Committee will hold "
     "its next meeting on the margins of the recovery conference in June.",
     ("CONSULT", "planned")),
    ("Collaborating to facilitate trusted data flows, including through work under the "
     "U.S.-Singapore Partnership for Growth.", ("COOPERATE", "asserted")),
    # a party's demand
    ("The Minister renewed the demand for an international inquiry into the killings.",
     ("REQUEST", "asserted")),
    ("Mr. Sullivan cited the U.S. demand for the immediate release of Mr. Ivanov.",
     ("REQUEST", "asserted")),
    # an investigation of a deed
    ("Investigators examined the wreckage of the aircraft for signs of an explosion.",
     ("INVESTIGATE", "asserted")),
    ("Police are examining the circumstances of the journalist's death.",
     ("INVESTIGATE", "asserted")),
    # talks held, and an agreement negotiated between parties
    ("The two governments negotiated a new agreement on fisheries.", ("CONSULT", "asserted")),
    ("Negotiators from both sides will negotiate a ceasefire in Doha next week.",
     ("CONSULT", "planned")),
    # cooperation discussed or pledged between parties
    ("We discussed how our two countries can cooperate on critical minerals.",
     ("COOPERATE", "hypothetical")),
    ("The two countries will cooperate closely on border security.", ("COOPERATE", "planned")),
]

# sentence → a type it must not hold
MUST_NOT: list[tuple[str, str]] = [
    # a named meeting as the scene of another act
    ("These initiatives build upon programmes launched at the U.S.-Africa Leaders Summit in "
     "December 2022.", "CONSULT"),
    ("The three leaders set up this committee during the North American Leaders' Summit on "
     "January 9-10, 2023, to guide joint work.", "CONSULT"),
    ("At the opening ceremony of the Summit of the Americas, the President announced a new "
     "partnership for the region.", "CONSULT"),
    ("Through the ASEAN Digital Ministers' Meeting, we deepened our work on undersea cables "
     "last year.", "CONSULT"),
    # a summit ahead is a time
    ("The three leaders will coordinate ahead of the upcoming NATO Summit in Washington.",
     "CONSULT"),
    # a body's own sitting, one's own team
    ("In attendance at the Council meeting by videoconference were the following members:",
     "CONSULT"),
    ("Finally, the Council voted to approve the minutes of its previous meeting on January 28.",
     "CONSULT"),
    ("On May 18, the President met with leaders of his federal emergency response team to "
     "receive the annual hurricane briefing.", "CONSULT"),
    # one speaker's talk; an alliance only tended
    ("The President talked about the need to address dangerous chemicals in rural water "
     "supplies.", "CONSULT"),
    ("The Vice President expressed her commitment to strengthening the steadfast alliance "
     "between Denmark and the United States.", "COOPERATE"),
    # a market's demand, a notice's questions
    ("As money market funds grow, so too will the demand for Treasury bills.", "REQUEST"),
    ("Comments must be received within 75 days of the request for information's publication "
     "in the Federal Register.", "REQUEST"),
    ("In particular, Treasury asks commenters about application programming interfaces and "
     "digital identity.", "REQUEST"),
    # a study or a review
    ("The working group will examine the current regulation of stablecoins and identify "
     "risks.", "INVESTIGATE"),
    ("The report also examines several recent episodes of market stress.", "INVESTIGATE"),
    ("The government is examining ways to further support exports of clean energy.",
     "INVESTIGATE"),
    # a promise made at home
    ("Two years after the shooting, they vowed to keep fighting against hate-fuelled violence "
     "at home.", "AGREE"),
    ("I promised to lead the country toward a fairer economy, and today we are doing just "
     "that.", "AGREE"),
    ("The President has promised Americans that he will lower their drug costs.", "AGREE"),
    ("Our democracies must close the gap between what we promise and what we deliver.",
     "AGREE"),
    # one government's officials restating their own commitment
    ("Administration officials underscored their commitment to enforcing the Fair Housing Act "
     "and to fair tenant screening.", "AGREE"),
    # a power to negotiate, a price bargained for
    ("Under the 2010 Act, the Secretary and the Trade Representative are authorized to "
     "jointly negotiate a covered agreement.", "CONSULT"),
    ("Under the 2010 Act, the Secretary and the Trade Representative are authorized to "
     "jointly negotiate a covered agreement.", "AGREE"),
    ("The agency is moving forward with its work to negotiate for lower drug prices for ten "
     "medicines.", "CONSULT"),
    # cooperation as a way or a good
    ("I would welcome your views on how we can better cooperate on climate finance.",
     "COOPERATE"),
    ("This is a good example of how we can work together to deepen our trade ties.",
     "COOPERATE"),
    ("But bolstering coordination between the United States and our partners will help "
     "protect the financial system.", "COOPERATE"),
]

FIELDS = ("type", "modality")

extracted, test_event_is_found, test_event_is_not_misread = sentence_tests(MUST, MUST_NOT,
                                                                          FIELDS)
