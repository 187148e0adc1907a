"""Agreements, meetings, concessions, cooperation and support in the wording of fresh
government prose (issue 10; read on documents outside the annotated sample with
bench/fresh_review.py): congratulations to a leader, a leader welcomed to the White House
or hosted for a bilateral meeting, a commitment reaffirmed for two named countries,
cooperation "with" a named party, "work jointly", a release or a deal told as done by the
praise over it; and the look-alikes: a host greeting people or asking for input, agreement
in opinion, "promising" as a describing word, one government consulting or working with
its own bodies, a report "released" whose name looks like a person. Every sentence is our
own, written in the style of the error classes seen; none is corpus text.
"""

from __future__ import annotations

from .sentences import sentence_tests

# sentence → an event it must hold: (type, modality, actor, target)
Expected = tuple[str, str, set[str], set[str]]
MUST: list[tuple[str, Expected]] = [
    # congratulations to a leader or a party
    ("The President congratulated Prime Minister Albanese on his election victory.",
     ("SUPPORT", "asserted", set(), set())),
    ("The Secretary congratulated the Polish finance minister on his appointment.",
     ("SUPPORT", "asserted", set(), {"POL"})),
    # a leader welcomed to the host's seat, or hosted for a bilateral meeting
    ("The Secretary welcomed Chancellor Nehammer to the White House on Tuesday.",
     ("CONSULT", "asserted", set(), set())),
    ("The President welcomed King Philippe of Belgium to the White House today.",
     ("CONSULT", "asserted", set(), {"BEL"})),
    ("President Biden will host Leo Varadkar, Taoiseach of Ireland, for a virtual bilateral "
     "meeting.", ("CONSULT", "planned", {"USA"}, {"IRL"})),
    ("The President spoke today with Prime Minister-elect Carney to congratulate him on his "
     "election.", ("SUPPORT", "asserted", set(), set())),
    ("The Secretary conveyed his warm congratulations to Minister Morneau on his "
     "appointment.", ("SUPPORT", "asserted", set(), set())),
    # a visit told as to come by the welcome over it
    ("The Secretary warmly welcomed the upcoming visit by President Park to Washington next "
     "week.", ("CONSULT", "planned", set(), {"USA"})),
    # "in coordination with" a foreign ministry, whatever verb takes the phrase
    ("Treasury acted in coordination with Japan's Ministry of Finance.",
     ("COOPERATE", "asserted", {"USA"}, {"JPN"})),
    ("OFAC, in coordination with the Government of Canada, will continue to target the "
     "cartel's finances.", ("COOPERATE", "planned", {"USA"}, {"CAN"})),
    # solidarity in other words
    ("We stand in solidarity with the families of the victims and with our ally Norway.",
     ("SUPPORT", "asserted", set(), set())),
    ("The United States stands by the people of Morocco as they recover.",
     ("SUPPORT", "asserted", {"USA"}, set())),
    # a commitment renewed for two named countries, or with a participle before it
    ("The two delegations reaffirmed the United States and Colombia's commitment to a joint "
     "fight against trafficking.", ("AGREE", "asserted", set(), {"COL", "USA"})),
    ("Peru and Chile reaffirmed their shared commitment to open trade.",
     ("AGREE", "asserted", {"CHL", "PER"}, set())),
    # cooperation that names its partner, whatever verb takes it
    ("The Secretary looks forward to continuing our close cooperation with Brazil on climate "
     "finance.", ("COOPERATE", "asserted", set(), {"BRA"})),
    ("We value our cooperation with Kenya on counterterrorism.",
     ("COOPERATE", "asserted", set(), {"KEN"})),
    ("The two leaders agreed to continue their close coordination to prevent the conflict "
     "from widening.", ("COOPERATE", "asserted", set(), set())),
    ("The two sides shared information on the smuggling routes.",
     ("COOPERATE", "asserted", set(), set())),
    ("The two countries will work jointly to build supply chains.",
     ("COOPERATE", "planned", set(), set())),
    # a release or a deal told as done by the praise (or the outcome) over it
    ("The Minister welcomed the release of the detained journalists.",
     ("CONCEDE", "asserted", set(), set())),
    ("The President commended Prime Minister Abiy on the recent release of several political "
     "prisoners.", ("CONCEDE", "asserted", set(), set())),
    ("The deal resulted in the release of more than 50 hostages.",
     ("CONCEDE", "asserted", set(), set())),
    ("The two presidents welcomed the agreement between Armenia and Azerbaijan.",
     ("AGREE", "asserted", set(), set())),
    # people set free, named as the object
    ("Belarus freed two Americans held since last spring.",
     ("CONCEDE", "asserted", {"BLR"}, {"USA"})),
    ("Washington has alleviated some sanctions on Venezuela.",
     ("CONCEDE", "asserted", {"USA"}, {"VEN"})),
    ("Officials consulted with Japan before the vote.",
     ("CONSULT", "asserted", set(), {"JPN"})),
    ("As a result of today's action, all property and interests in property of the former "
     "minister are unblocked.", ("CONCEDE", "asserted", set(), set())),
    # a meeting looked forward to (still to come: planned)
    ("I look forward to meeting with Chilean President Piñera and Minister Larraín.",
     ("CONSULT", "planned", set(), {"CHL"})),
    # a sanctions programme ended
    ("The President signed an order that terminates the Syria sanctions program.",
     ("CONCEDE", "asserted", set(), {"SYR"})),
    ("The administration ended the Burundi sanctions regime last year.",
     ("CONCEDE", "asserted", {"USA"}, {"BDI"})),
    # taken off the list under its full name
    ("All persons blocked solely under the Burundi regulations have been removed from "
     "OFAC's Specially Designated Nationals and Blocked Persons List.",
     ("CONCEDE", "asserted", {"USA"}, set())),
    ("The junta released 700 political prisoners on Friday.",
     ("CONCEDE", "asserted", set(), set())),
    # consultation with another state is still a meeting
    ("Officials worked in close consultation with Japan on the package.",
     ("CONSULT", "asserted", set(), {"JPN"})),
    # kept in contact with a named party
    ("Throughout the month we remained in close contact with the IMF and with Greek "
     "officials.", ("CONSULT", "asserted", set(), {"IMF"})),
    ("The two ministers will stay in touch with Kyiv on the next steps.",
     ("CONSULT", "planned", set(), {"UKR"})),
    ("The two sides committed to remain in regular contact over the coming weeks.",
     ("CONSULT", "planned", set(), set())),
    ("The President and the Prime Minister agreed to remain in regular consultation through "
     "their teams.", ("CONSULT", "planned", set(), set())),
    ("Officials negotiated with Iran over the prisoner swap.",
     ("CONSULT", "asserted", set(), {"IRN"})),
    ("Britain shared intelligence with Ukraine on the attack.",
     ("COOPERATE", "asserted", {"GBR"}, set())),
    # the parser hangs "with" on the verb before "in coordination"
    ("Working in close coordination with Japan, we designated six firms.",
     ("COOPERATE", "asserted", set(), {"JPN"})),
    ("Today's action was coordinated with Japan's Ministry of Finance.",
     ("COOPERATE", "asserted", set(), set())),
    ("The designation is the result of strong coordination between OFAC and Mexico's "
     "financial intelligence unit.", ("COOPERATE", "asserted", {"USA"}, set())),
    ("The United States chaired the network in partnership with Romania last year.",
     ("COOPERATE", "asserted", {"USA"}, {"ROU"})),
    ("National Security Advisor Jake Sullivan met today with High Representative for "
     "Bosnia and Herzegovina Christian Schmidt.", ("CONSULT", "asserted", {"USA"}, {"BIH"})),
    ("President Biden and Sheikh Tamim agreed to continue close consultation on the "
     "conditions for a durable peace.", ("CONSULT", "asserted", set(), set())),
    ("The United States extends our deep appreciation to the Nigerien government.",
     ("SUPPORT", "asserted", {"USA"}, {"NER"})),
    ("The two countries agreed to share intelligence on the smuggling routes.",
     ("COOPERATE", "planned", set(), set())),
    ("Chile approved measures to share radar data between the United States and Chile.",
     ("COOPERATE", "asserted", set(), set())),
    ("They discussed ongoing actions to hold Russia accountable, in coordination with our "
     "allies and partners.", ("COOPERATE", "discussed", set(), set())),
    # a title written as a name; praise of a party's role
    ("The Secretary will meet with the Crown Prince next week.",
     ("CONSULT", "planned", set(), set())),
    ("The United States appreciates Guyana's leadership in the region.",
     ("SUPPORT", "asserted", {"USA"}, {"GUY"})),
    # set free from prison or custody
    ("Her husband was released from jail on Friday.", ("CONCEDE", "asserted", set(), set())),
    # a real agreement on something
    ("The agency committed $20 million to flood relief in Pakistan.",
     ("AGREE", "asserted", set(), set())),
    ("The two ministers signed a plan of action on migration.",
     ("AGREE", "asserted", set(), set())),
    ("The leaders agreed on a new roadmap for energy trade.",
     ("AGREE", "asserted", set(), set())),
]

# sentence → a type it must not hold
MUST_NOT: list[tuple[str, str]] = [
    # a host greeting people, or asking for input: no endorsement
    ("The First Lady welcomes volunteer applicants from every state.", "SUPPORT"),
    ("The agencies welcome written comments through the portal.", "SUPPORT"),
    ("The Office remains committed to welcoming foreign investment.", "SUPPORT"),
    ("I am pleased to welcome President Ruto and the Kenyan delegation to Treasury.",
     "SUPPORT"),
    ("The museum offers a welcoming space for families.", "SUPPORT"),
    ("Her family is eager to welcome him back to the United States.", "SUPPORT"),
    ("I am delighted to welcome fellow delegates to Washington for the Annual Meetings.",
     "SUPPORT"),
    # what a document does
    ("The memorandum supports the ongoing work of the Japan-United States energy "
     "partnership.", "SUPPORT"),
    ("The Secretary stands by her decision to delay the auction.", "SUPPORT"),
    ("I want to congratulate you on this fine conference.", "SUPPORT"),
    ("Congratulations to the winners of this year's award.", "SUPPORT"),
    # agreement in opinion
    ("The two sides agreed on the importance of regular dialogue.", "AGREE"),
    ("The leaders agreed on the need to keep channels open.", "AGREE"),
    # a home body's spending committed
    ("Today the U.S. Army Corps of Engineers is committing $321 million through the "
     "infrastructure law to expand capacity at key ports.", "AGREE"),
    ("Lane County is committing over $13 million in recovery funds to expand broadband to "
     "rural homes.", "AGREE"),
    # a law or named programme signed at home
    ("In March 2021, President Biden signed the American Rescue Plan, which expanded the "
     "credit.", "AGREE"),
    # "promising" describes
    ("They discussed promising new partnerships across the region.", "AGREE"),
    # one government consulting or working with its own bodies
    ("OFAC acted today, in consultation with the Department of State, under Executive Order "
     "14024.", "CONSULT"),
    ("The Secretary designated the firm in consultation with the Attorney General.",
     "CONSULT"),
    ("Agencies collaborated on a handbook for flood recovery.", "COOPERATE"),
    ("OFAC closely coordinated with the Drug Enforcement Administration and Customs and "
     "Border Protection to execute today's action.", "COOPERATE"),
    ("The FBI, in coordination with the Maui Police Department, found the missing people.",
     "COOPERATE"),
    # no talks: nobody named to be in contact with, a passive "met with", a price
    # bargained; views shared are no joint work
    ("The team remained in close contact with local hospitals.", "CONSULT"),
    ("Readers can stay in touch through our newsletter.", "CONSULT"),
    ("He has been in contact with members of the White House staff by phone this morning.",
     "CONSULT"),
    ("The Vice President will continue to consult with her physician.", "CONSULT"),
    ("The 2024 report also discusses Hamas and the ways it raises money.", "CONSULT"),
    ("She will also discuss with her G7 partners the importance of public health.",
     "COOPERATE"),
    ("We look forward to supporting the new government.", "CONSULT"),
    ("The new policy will alleviate the burden on small farms.", "CONCEDE"),
    ("Financing needs will be met with Treasury bill auctions and Floating Rate Note "
     "auctions.", "CONSULT"),
    ("The proposal was met with Russian objections.", "CONSULT"),
    ("The law lets Medicare negotiate lower drug prices.", "CONSULT"),
    ("Participants shared updates on the Canada-U.S. regulatory dialogue.", "COOPERATE"),
    ("OFAC closely coordinated today's action with the Department of Justice, which "
     "released details of its case.", "COOPERATE"),
    ("Today's action was coordinated with the Department of Justice and the Drug "
     "Enforcement Administration.", "COOPERATE"),
    ("Today's action was conducted in close coordination with the Homeland Security "
     "Investigations Field Office and the Department of Justice.", "COOPERATE"),
    ("The plan was drafted in collaboration with local charities.", "COOPERATE"),
    # a partnership that is a relation, not a joint act
    ("The President reaffirmed our close partnership with Ireland.", "COOPERATE"),
    ("The program will be implemented in partnership with local charities.", "COOPERATE"),
    ("Acme Rides, in partnership with CareNet, will conduct a study of rural transport.",
     "COOPERATE"),
    ("Treasury, in partnership with the Department of Energy (DOE), will open the "
     "application process.", "COOPERATE"),
    # a report released, whose name looks like a person's or a people's
    ("They agreed on the importance of continued dialogue to enhance the U.S.-Turkey "
     "bilateral relationship.", "AGREE"),
    ("They agreed that Hamas should release the hostages it is holding without delay.",
     "AGREE"),
    ("Mayors can play an important role, including by supporting public education and "
     "sharing information.", "COOPERATE"),
    ("Officials shared information and new resources to help workers understand their "
     "rights.", "COOPERATE"),
    ("The Treasury today released Quarterly Refunding Survey data for the second quarter.",
     "CONCEDE"),
    ("The bureau released the June edition of its Farm Credit Scorecard.", "CONCEDE"),
    ("The patient was released from the hospital on Monday.", "CONCEDE"),
    ("We appreciate your time and your questions.", "SUPPORT"),
    ("The committee will review the Syria sanctions program next month.", "CONCEDE"),
    # a release still sought, or demanded of a party
    ("Beijing must stop targeting the press and release the journalists it has detained.",
     "CONCEDE"),
    ("Russia should immediately release the detained sailors.", "CONCEDE"),
    ("We will keep working for the release of the remaining hostages.", "CONCEDE"),
    ("The release of the hostages remains our top priority.", "CONCEDE"),
]


extracted, test_event_is_found, test_event_is_not_misread = sentence_tests(
    MUST, MUST_NOT, ("type", "modality", "actor", "target"))
