"""Agreements, meetings, cooperation and support that stay inside one side, in the
wording of fresh government prose (issue 10, round 4; read on documents outside the
annotated sample with bench/fresh_review.py): work "across the government" or with the
White House and interagency partners, a committee or officials discussing or agreeing
among themselves, a firm or designee that "agreed to sell" goods, a newcomer welcomed
to a council's meeting, a public or town-hall meeting or one with one's own Cabinet,
"support" for home beneficiaries ("the flow of credit", "American manufacturers"), a
"welcome" that invites someone to act, "coordinate federal efforts", people or firms with no
party named working "with" each other (a designation's narrative), a speaker's topic ("I
want to discuss"), talks or cooperation named only as missing ("without consultation"), and a
meeting "looked forward to" (planned, not done). The hard
negatives beside them keep the same words between parties. Every sentence is our own,
written in the style of the error classes seen; none is corpus text.
"""

from __future__ import annotations

from .sentences import sentence_tests

# sentence → an event it must hold: (type, modality, actor, target)
Expected = tuple[str, str, set[str], set[str]]
MUST: list[tuple[str, Expected]] = [
    # the same words between parties
    ("The Treasury coordinated with Japan and Canada on today's designations.",
     ("COOPERATE", "asserted", {"USA"}, set())),
    ("Japanese and American officials discussed the sale of fighter jets.",
     ("CONSULT", "asserted", {"JPN", "USA"}, set())),
    ("The Security Council agreed to extend the mission in Haiti.",
     ("AGREE", "asserted", {"UN"}, set())),
    ("Japan agreed to supply more LNG to Europe this winter.",
     ("AGREE", "asserted", {"JPN"}, set())),
    ("The President welcomed President Macron to the G7 summit in Italy.",
     ("CONSULT", "asserted", set(), {"FRA"})),
    ("The two leaders discussed the war in Ukraine and agreed to coordinate on sanctions.",
     ("AGREE", "asserted", set(), set())),
    ("The Secretary hosted a meeting with Japanese officials on supply chains.",
     ("CONSULT", "asserted", set(), {"JPN"})),
    ("We will continue to support Ukraine's efforts to defend itself.",
     ("SUPPORT", "planned", set(), {"UKR"})),
    ("The United States will continue to support Ukrainian farmers with new credit lines.",
     ("SUPPORT", "planned", {"USA"}, {"UKR"})),
    ("Germany supports the growth of the Ukrainian economy.",
     ("SUPPORT", "asserted", {"DEU"}, {"UKR"})),
    ("We welcome Japan's decision to join the initiative.",
     ("SUPPORT", "asserted", set(), {"JPN"})),
    ("France and Germany coordinated their responses to the crisis.",
     ("COOPERATE", "asserted", {"DEU", "FRA"}, set())),
    ("We will deter threats by coordinating shared approaches to security with allies and "
     "partners.", ("COOPERATE", "planned", set(), set())),
    ("Iran coordinated with Hizballah on the shipments.",
     ("COOPERATE", "asserted", {"IRN"}, set())),
    ("The two coast guards will collaborate with Europol on smuggling cases.",
     ("COOPERATE", "planned", set(), set())),
    ("The Coalition coordinated with local partners to clear the town.",
     ("COOPERATE", "asserted", set(), set())),
    ("At the reservation, tribal leaders and I discussed the challenges facing their "
     "communities.", ("CONSULT", "asserted", set(), set())),
    ("I look forward to discussing with President Macron our work on the climate crisis.",
     ("CONSULT", "planned", set(), {"FRA"})),
    ("The plan was drawn up in close consultation with Japan.",
     ("CONSULT", "asserted", set(), {"JPN"})),
    # a meeting looked forward to is still to come
    ("I look forward to meeting with the Prime Minister in Tokyo next spring.",
     ("CONSULT", "planned", set(), set())),
    ("The President looks forward to visiting Kyiv next month.",
     ("CONSULT", "planned", set(), {"UKR"})),
]

# sentence → a type it must not hold
MUST_NOT: list[tuple[str, str]] = [
    # work across one government, or with its own offices
    ("The memorandum strengthens the coordination of preparedness efforts across "
     "government.", "COOPERATE"),
    ("Threats like these require us to collaborate across the government and the private "
     "sector.", "COOPERATE"),
    ("Treasury continues its outreach in coordination with the White House and interagency "
     "partners.", "COOPERATE"),
    # a committee or officials among themselves
    ("The Committee agreed to discuss the topic of bill issuance at a later meeting.",
     "AGREE"),
    ("White House officials discussed the importance of recruiting more police officers.",
     "CONSULT"),
    # a firm's or designee's trade
    ("The firm agreed to sell the drones to the militia through a front company.", "AGREE"),
    ("Karimov agreed to pay the supplier in cash for the spare parts.", "AGREE"),
    # a newcomer welcomed to a body's meeting
    ("The Chair welcomed Commissioner Smith to his first meeting of the Council.", "CONSULT"),
    # a meeting open to the public, or with one's own cabinet
    ("The agency held a virtual public meeting on the draft rule on May 2.", "CONSULT"),
    ("The Secretary hosted a town hall meeting with farmers in Iowa.", "CONSULT"),
    ("The President met with the Cabinet to discuss the response to the storm.", "CONSULT"),
    # help at home is no stance towards a party
    ("Through this extension, we will continue to support the flow of credit to small "
     "businesses.", "SUPPORT"),
    ("The plan advances the President's commitment to support American manufacturers and "
     "good jobs.", "SUPPORT"),
    ("The Administration is continuing to support ongoing recovery efforts in the state.",
     "SUPPORT"),
    # an invitation to act, and one side's own work coordinated
    ("The two governments welcome their companies to take part in regional trade fairs.",
     "SUPPORT"),
    ("The council will drive and coordinate federal research efforts on pandemic "
     "preparedness.", "COOPERATE"),
    ("She will be charged with coordinating the department's efforts to reach rural "
     "communities.", "COOPERATE"),
    # people or firms with no party named working together (a designation's narrative)
    ("Karim Hassan collaborated with Omar Saleh to pay the crew and arrange an oil "
     "shipment.", "COOPERATE"),
    ("The shipyard has collaborated with a Crimea-based enterprise on hull repairs.",
     "COOPERATE"),
    ("When Treasury collaborated with the SEC and the Federal Reserve Board to study the "
     "disruption, the causes became clear.", "COOPERATE"),
    # a speaker's topic is no talks
    ("Today, I want to discuss how the new rules will strengthen the banking system.",
     "CONSULT"),
    ("I will also be discussing regional cooperation on debt relief for poorer countries.",
     "COOPERATE"),
    # talks or cooperation named only as missing
    ("The last agreement was signed by the same agencies in 2019 without tribal "
     "consultation.", "CONSULT"),
    ("The junta acted without coordination with its neighbours.", "COOPERATE"),
    # a meeting looked forward to is no meeting held
    ("I look forward to meeting with the Prime Minister in Tokyo next spring.", "CONSULT:asserted"),
]


extracted, test_event_is_found, test_event_is_not_misread = sentence_tests(
    MUST, MUST_NOT, ("type", "modality", "actor", "target"))
