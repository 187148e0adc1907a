"""Meetings and requests in government prose the annotated sample does not hold (issue
10, round 5; read on fresh readouts, joint statements and Treasury releases with
bench/fresh_review.py): readouts whose "discussed" follows another verb of the same
subject ("they voiced concern ... and discussed"), leaders who "met" with no one named
after it ("the two presidents met today at the palace"), a readout's time and place
before "with" ("met virtually today with", "spoke this afternoon with"), meetings and
discussions someone "had", a readout's "we discussed", a talk "with his counterpart",
two sides who "spoke" with no one after "with", "spoke to President X", a dialogue held,
a summit attended, views exchanged, a readout's "During the meeting, the two sides ...";
requests said beside another verb of asking ("encouraged restraint and called on all
sides"), told by a participle of a paper or a party ("a resolution calling on Russia"),
by "at the urging of", by a budget's request for money, by "the need for X to", or by a
duty laid on another party ("Russia must withdraw", "Congress should act", asked by the
issuer of the document); and the look-alikes: needs and challenges met, a speech given, a talk had
with no party, a call held on a day, people calling for help, the speaker's own duty
("we must act", "U.S. persons must comply"), a state of mind or a wish, a discussion
only pointed back to ("as we discussed earlier"). Every sentence is our own, written in
the style of the error classes seen; none is corpus text.
"""

from __future__ import annotations

from datetime import UTC, datetime

from alerter.extract import Extractor
from alerter.extract.issuer import issuer_kinds
from alerter.models import Document

from .sentences import sentence_tests

# sentence → an event it must hold: (type, modality)
MUST: list[tuple[str, tuple[object, ...]]] = [
    # "discussed" sharing the subject of the verb before it
    ("They raised concerns about the shelling and discussed joint efforts to calm the border.",
     ("CONSULT", "asserted")),
    ("Together the leaders voiced alarm at the troop build-up, restated their backing for "
     "Georgia, and discussed more budget help for Tbilisi.",
     ("CONSULT", "asserted")),
    # leaders who met, nobody named after the verb
    ("President Ortiz and Prime Minister Lund met today at the palace.",
     ("CONSULT", "asserted")),
    ("The two presidents met in Lima for their first talks in a decade.",
     ("CONSULT", "asserted")),
    ("ASEAN ministers have met twice this year.", ("CONSULT", "asserted")),
    # time and place before "with"
    ("Secretary Vance met virtually today with eight leaders from Andean states.",
     ("CONSULT", "asserted")),
    ("President Okafor spoke this afternoon with Chancellor Weber of Austria.",
     ("CONSULT", "asserted")),
    ("The Vice President spoke today with President Hugo Ramos Vela of Honduras.",
     ("CONSULT", "asserted")),
    ("National Security Advisor Reyes met today at the White House with Foreign Minister "
     "Tanaka of Japan.",
     ("CONSULT", "asserted")),
    # two sides who spoke, no one after "with"
    ("President Lopez and President Osei spoke by telephone on Sunday about migration.",
     ("CONSULT", "asserted")),
    ("The two leaders spoke again on Friday.", ("CONSULT", "asserted")),
    # "spoke to" a titled leader; a guest welcomed by a royal style
    ("Vice President Ortiz spoke today to President Amadou Diallo of Senegal.",
     ("CONSULT", "asserted")),
    ("The President looks forward to welcoming His Majesty King Harald of Norway to the "
     "White House.",
     ("CONSULT", "planned")),
    # a readout's frame: the meeting the sentence tells of
    ("During the meeting, the two sides stressed the value of legal migration routes.",
     ("CONSULT", "asserted")),
    ("During the meeting, National Security Advisor Reyes thanked Prime Minister Holt for "
     "his support.",
     ("CONSULT", "asserted")),
    # a summit attended, views exchanged
    ("The Vice President will attend the G20 Leaders' Summit in Rio.",
     ("CONSULT", "planned")),
    ("The two leaders exchanged views on the war in Sudan.", ("CONSULT", "asserted")),
    # a dialogue held or continued with a party
    ("The two sides held the fourth round of their Strategic Dialogue in Delhi.",
     ("CONSULT", "asserted")),
    # a meeting or discussion someone had
    ("President Lind and President Osei had an official meeting at the castle in Accra.",
     ("CONSULT", "asserted")),
    ("The leaders had an in-depth discussion on maritime security.",
     ("CONSULT", "asserted")),
    # a readout's "we discussed", a titled name, a counterpart talked with
    ("In our talks today, we discussed the crisis in Sudan and the need for a truce.",
     ("CONSULT", "asserted")),
    ("We discussed the crisis in Sudan and the need for a truce.", ("CONSULT", "asserted")),
    ("Ms. Okoro and Mr. Haddad discussed the situation on the northern border.",
     ("CONSULT", "asserted")),
    ("Lane discussed grain exports with her Kenyan counterpart.", ("CONSULT", "asserted")),
    # a request said beside a verb of asking, not asked for by it
    ("Mr. Reyes encouraged steps to ease tensions and called on all sides to avoid "
     "unilateral moves.",
     ("REQUEST", "asserted")),
    # a participle of asking that says what a paper or a party asks
    ("The Assembly adopted a resolution calling on Russia to pull its troops out.",
     ("REQUEST", "asserted")),
    ("The G7 issued a statement calling for an immediate truce.", ("REQUEST", "asserted")),
    ("She welcomed the firm statement from the African Union chair calling on Russia to "
     "respect the border.",
     ("REQUEST", "asserted")),
    # asking told by "urging"
    ("At the urging of the Administration, insurers agreed to cover the new test.",
     ("REQUEST", "asserted")),
    # a budget's request for money
    ("The President's Fiscal Year 2026 Budget Request includes $80 million for rural clinics.",
     ("REQUEST", "asserted")),
    ("The budget includes a request for $3 billion for the Global Vaccine Fund.",
     ("REQUEST", "asserted")),
    # a duty laid on a named party: the party is asked
    ("Moscow must pull its troops back from the Georgian border.", ("REQUEST", "asserted")),
    ("Congress should pass the rail safety bill this month.", ("REQUEST", "asserted")),
    ("The international community must firmly refuse Iranian gas.",
     ("REQUEST", "asserted")),
    ("The Taliban must reopen girls' schools without delay.", ("REQUEST", "asserted")),
    # "the need for X to do Y": asked of X
    ("Ms. Reyes stressed the need for Russia to pull its forces back from the border.",
     ("REQUEST", "asserted")),
    ("The President underscored the need for all countries to condemn the massacre.",
     ("REQUEST", "asserted")),
]

# sentence → a type it must not hold
MUST_NOT: list[tuple[str, str]] = [
    ("We are ready to meet this challenge with science and speed.", "CONSULT"),
    ("The President met the moment with a plan to lower costs.", "CONSULT"),
    ("Firms that meet at least two of the criteria may apply.", "CONSULT"),
    ("The President spoke today at a rally in Ohio about jobs.", "CONSULT"),
    ("The Secretary spoke about the economy for an hour.", "CONSULT"),
    ("The President spoke to Congress about the budget.", "CONSULT"),
    ("The Prime Minister spoke to the Israeli Knesset on Monday.", "CONSULT"),
    ("The President spoke to reporters after the briefing.", "CONSULT"),
    ("Parents attended a community meeting at the school on Monday.", "CONSULT"),
    ("During the meeting, participants discussed ways to widen access to care.", "CONSULT"),
    ("During the meeting, the board received an update on market trends.", "CONSULT"),
    ("Readers exchanged views on the novel in the comments.", "CONSULT"),
    ("The two leaders held a phone call on Tuesday.", "REQUEST"),
    ("We support an inclusive national dialogue among Haitians.", "CONSULT"),
    ("I had a long conversation with my daughter about the new job.", "CONSULT"),
    ("We had a discussion about what the data show.", "CONSULT"),
    ("Attendees raised questions about the rule and discussed next steps.", "CONSULT"),
    ("As we discussed earlier, the rule takes effect in June.", "CONSULT"),
    ("Let me turn to de-risking, an issue we discussed at length last spring.", "CONSULT"),
    ("The volunteers calling for help were rescued by boat.", "REQUEST"),
    ("The report appeared in his budget request last year, and he has asked Congress to "
     "act.", "REQUEST:planned"),
    ("The clinic received a grant for $5,000 from a local charity.", "REQUEST"),
    # the speaker's own duty, a state of mind, a wish, a rule for US persons
    ("We must act now to keep our schools safe.", "REQUEST"),
    ("The United States must lead the world on clean energy.", "REQUEST"),
    ("U.S. persons must comply with the terms of the general licence.", "REQUEST"),
    ("The world must understand that these deals carry real costs.", "REQUEST"),
    ("Voters who care about the border should want Congress to fund more agents.",
     "REQUEST:asserted"),
    ("Russia must have known about the plan.", "REQUEST"),
    ("Mr. Olsen should be proud of his team.", "REQUEST"),
    ("My Administration will not rest – nor should state and local governments – until "
     "the rent money reaches families in need.",
     "REQUEST"),
    ("What reforms should the World Bank make first?", "REQUEST"),
    ("They discussed the need for vigilance against money laundering.", "REQUEST"),
    ("The leaders reiterated the need for more investment in clean energy.", "REQUEST"),
    ("We see the need for us to act quickly.", "REQUEST"),
    # what the need asks for is only asked: no pull-back, no agreement
    ("Ms. Reyes stressed the need for Russia to pull its forces back from the border.",
     "RETREAT:asserted"),
    ("The Secretary emphasized the need for Greece to agree to the reforms.", "AGREE"),
]

FIELDS = ("type", "modality")

extracted, test_event_is_found, test_event_is_not_misread = sentence_tests(MUST, MUST_NOT,
                                                                          FIELDS)


def test_a_duty_laid_on_a_party_is_the_issuers_request(extractor: Extractor) -> None:
    issuing = Extractor(extractor.nlp, issuers=issuer_kinds({"Treasury Press": "USA"}))
    when = datetime(2024, 5, 2, 12, tzinfo=UTC)
    document = Document(id="d1", source="Treasury Press", title=None, published=when,
                        text="Moscow must pull its troops back from the Georgian border.",
                        fetched=when, content_hash="h")
    [(_, events)] = list(issuing.extract([document]))
    [request] = [e for e in events if e.type == "REQUEST"]
    assert ({p.code for p in request.actor}, {p.code for p in request.target}) == \
        ({"USA"}, {"RUS"})
