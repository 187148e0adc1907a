"""Aid in fact sheets and readouts outside the annotated sample (issue 10, round 5; read
on fresh documents with bench/fresh_review.py): a small grant told by its sign alone
("$400,000"), training given abroad ("will train 30,000 young people in Peru", "upskill
Ghanaians", "providing training to Moldovan judges", by an embassy abroad), help to a
country ("to assist the Government of Nepal", "assisting poorer countries"), what USAID
funds, invests in, supports or reaches, aid spread "throughout" a place, humanitarian aid
told as moving in a readout ("ensuring humanitarian assistance reaches those in need"; not
in sanctions prose), and a signed loan guarantee agreement.
The look-alikes stay out: the same sums and training at home ("gave each family $2,000",
"train 5,000 nurses in Ohio", money given "statewide"), the training of forces (the
military wordings' part), a designation's "materially assisted", a person's part in a
state's doings. Every sentence is our own, written in the style of the cases seen; none is
corpus text.
"""

from __future__ import annotations

from .sentences import sentence_tests

# sentence → an event it must hold: (type, subtype, actor, target)
Expected = tuple[str, str | None, set[str], set[str]]
MUST: list[tuple[str, Expected]] = [
    # a sum under a million, told by its sign
    ("The United States will provide $400,000 to Nepal for flood shelters.",
     ("AID", "economic", {"USA"}, {"NPL"})),
    ("Canada is providing an additional $750,000 to support the Government of Peru's "
     "literacy campaign.", ("AID", "economic", {"CAN"}, {"PER"})),
    # training given abroad, by a verb or as goods
    ("A software firm will make a five-year commitment to train 30,000 young people in "
     "Peru.", ("AID", "other", set(), set())),
    ("Separately, a cloud company has agreed to launch a program to upskill Ghanaians in "
     "data science.", ("AID", "other", set(), {"GHA"})),
    ("The European Union is providing training to Moldovan judges.",
     ("AID", "other", {"EU"}, {"MDA"})),
    # a mission abroad gives where it is
    ("The U.S. Embassy in Accra is providing teacher training valued at $80,000 for local "
     "schools.", ("AID", "other", {"USA"}, set())),
    # help to a country
    ("The President directed agencies to move quickly to assist the Government of Nepal "
     "after the earthquake.", ("AID", "other", set(), {"NPL"})),
    ("We remain committed to assisting poorer countries in their recovery.",
     ("AID", "other", set(), set())),
    ("Japan stands ready to assist Fiji.", ("AID", "other", {"JPN"}, {"FJI"})),
    # what USAID funds, invests in, supports or reaches is help abroad
    ("USAID is investing up to $40 million over four years to build a new nursing "
     "workforce.", ("AID", "other", set(), set())),
    ("USAID will continue to support rural clinics in Ghana.",
     ("AID", "other", set(), set())),
    ("The U.S. Agency for International Development (USAID) has reached more than 3 "
     "million Kenyans with hygiene training.", ("AID", "other", {"USA"}, {"KEN"})),
    ("The U.S. Trade and Development Agency (USTDA) will support the expansion of rural "
     "broadband through a $1 million grant.", ("AID", "other", {"USA"}, set())),
    ("The new program, funded by USAID, trains midwives.", ("AID", "other", {"USA"}, set())),
    # humanitarian aid told as moving in a readout, with nobody named
    ("The two presidents discussed the importance of ensuring humanitarian assistance "
     "reaches people in need.", ("AID", "humanitarian", set(), set())),
    ("They talked about efforts to increase the flow of humanitarian aid.",
     ("AID", "humanitarian", set(), set())),
    # a signed loan guarantee agreement
    ("The Secretary announced the signing of a $1 billion loan guarantee agreement for "
     "Moldova.", ("AID", "economic", set(), {"MDA"})),
    # an aid noun of its own keeps its reading: no agency needed
    ("The lender is providing financial support to Jordan.",
     ("AID", "economic", set(), {"JOR"})),
    # aid spread "throughout" a place
    ("The leaders stressed the need to increase deliveries of humanitarian assistance "
     "throughout Sudan.", ("AID", "humanitarian", set(), set())),
    ("A truce would allow a surge of humanitarian assistance throughout Yemen.",
     ("AID", "humanitarian", set(), set())),
]
# sentence → a type it must not hold
MUST_NOT: list[tuple[str, str]] = [
    # the same sums and training at home
    ("The new credit gave each family up to $2,000 per child.", "AID"),
    ("The counties will each be receiving $250,000 awards.", "AID"),
    ("The program will train 5,000 nurses in Ohio.", "AID"),
    ("The Department of Labor is providing training valued at $90,000 for job seekers.",
     "AID"),
    ("The association will provide training and $4 million in funding to city park "
     "departments.", "AID"),
    ("The agency plans to provide refresher trainings for all claims staff.", "AID"),
    ("The IRS will assist taxpayers with their returns.", "AID"),
    ("The Treasury will assist the Department of Justice in the case.", "AID"),
    # the training of forces is the military wordings' part
    ("The Pentagon will expand training for Ukrainian pilots.", "AID:planned"),
    # a designation's criteria, a person's part
    ("The firm was designated for having materially assisted the Government of Iran.",
     "AID"),
    ("Petrov also took part in raids and assisted Russia in its policy of persecuting "
     "activists.", "AID"),
    # the same verbs of anyone but the aid agency
    ("The central bank will support the economy with lower rates.", "AID"),
    ("The pension fund will invest $5 million in local startups.", "AID"),
    ("USAID launched a toolkit that gives guidance on distance learning.", "AID"),
    ("The school was funded by the city.", "AID"),
    # money spread over the home
    ("The state is delivering $300 million statewide for nurse recruitment.", "AID"),
    # aid flows in sanctions prose are what a licence lets through
    ("Sanctions must not hamper the delivery of humanitarian aid.", "AID"),
    ("OFAC remains committed to enabling the flow of legitimate humanitarian assistance.",
     "AID"),
    ("The general licence aims to increase humanitarian assistance without new risk.", "AID"),
    # a loan guarantee agreement that is only described
    ("The loan guarantee agreement is designed to support economic reforms.", "AID"),
]
FIELDS = ("type", "subtype", "actor", "target")

extracted, test_event_is_found, test_event_is_not_misread = sentence_tests(MUST, MUST_NOT, FIELDS)
