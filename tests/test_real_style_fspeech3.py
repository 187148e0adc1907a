"""Charges, threats, refusals and requests as fresh government prose words them, in our
own words (round 3): "threaten" that only describes a danger and "warn" that only
forecasts or advises are no threat, while a warning aimed at a party or speaking of what
will be done to it is; a party held accountable may be named without a code; "charged"
as a price or a task is no charge; a condemnation told by a gerund or held by a pronoun
is one; a refusal of a project or an effort is one, a fall in numbers ("declined to 4%")
or a condition listed for delisting is not; a request noun held by a state is a request,
a market's demand or a request for public input is not. Each MUST sentence gives an
event of the type beside it, each MUST_NOT sentence none."""

from __future__ import annotations

import pytest

from alerter.extract import Extractor

from .sentences import assert_found, extract_each, sentence_tests

MUST: list[tuple[str, str]] = [
    # a threat says what will be done, or with what, or is aimed at a party
    ("Moscow threatened to halt grain exports to Egypt.", "THREATEN"),
    ("Britain threatened sanctions against any bank that serves the regime.", "THREATEN"),
    ("Ankara threatened military action against the militia.", "THREATEN"),
    ("Haftar has threatened to retake the port by force.", "THREATEN"),
    # a warning aimed at a party, or of what will be done to it
    ("The President warned Tehran against any move to close the strait.", "THREATEN"),
    ("Iran warned that it would retaliate against any strike on its soil.", "THREATEN"),
    ("Obama warned Putin that Russia would pay a heavy price for annexing Crimea.",
     "THREATEN"),
    ("Ortega warned that the Nicaraguan opposition would soon regret its marches.", "THREATEN"),
    # a party held accountable, named without a code
    ("We will continue to hold Houthi leadership accountable for the attacks on shipping.",
     "THREATEN"),
    ("The Government will hold the junta accountable for the killings.", "THREATEN"),
    ("The envoys discussed joint efforts to hold the Houthis accountable.", "THREATEN"),
    ("Today's sanctions show our resolve to hold accountable commanders like Juma Osei and "
     "Peter Lado, who direct the militia.", "THREATEN"),
    # a condemnation told by a gerund after "in", or on a party or a resolution
    ("Canada stood with Kenya in condemning the bombing of the market in Nairobi.", "ACCUSE"),
    ("Britain joined thirty nations in denouncing the coup in Niger.", "ACCUSE"),
    ("The Assembly passed a resolution condemning Russia's seizure of the plant.", "ACCUSE"),
    # a condemnation noun held by a pronoun, saying what it is against
    ("We are united in our condemnation of Iran's attacks on shipping.", "ACCUSE"),
    ("The envoy thanked Chile for its condemnation of the coup.", "ACCUSE"),
    # a court paper unsealed or filed
    ("Prosecutors in Virginia are unsealing an indictment against two Russian hackers.",
     "ACCUSE"),
    ("The drug makers have filed six lawsuits against the Administration.", "ACCUSE"),
    ("The action follows the unsealing of an indictment against a Bolivian broker.",
     "ACCUSE"),
    # a conviction of a given person, even one bare of a name
    ("Ana Ruiz is a 52-year-old woman who was convicted of a drug offence in 1998.", "ACCUSE"),
    ("Four people were convicted of the bombing by a court in Lagos.", "ACCUSE"),
    # concern over a party's act
    ("The envoy expressed concern over the recent arrests of Georgian protesters.", "ACCUSE"),
    ("She expressed deep concern over Iran's support for the militias.", "ACCUSE"),
    # blame laid on a named party
    ("Syria alone is responsible for the deaths of these civilians.", "ACCUSE"),
    # a refusal of a project or an effort; one told by "by refusing"; a veto or refusal
    # noun held by a named person or with its "by" agent
    ("The Interior Department rejected the proposed mine project in Alaska.", "REJECT"),
    ("A federal judge in Texas rejected their efforts to block the rule.", "REJECT"),
    ("The junta answered by refusing to free the detained reporters.", "REJECT"),
    ("Lawmakers in Raleigh overrode Governor Ann Lee's veto of the bill.", "REJECT"),
    ("The crisis deepened with the refusal by Hungary to sign the statement.", "REJECT"),
    ("The minister declined to comment on the report.", "REJECT"),
    ("House leaders chose to reject even the smallest reforms of the program.", "REJECT"),
    ("Germany declined the invitation to the summit.", "REJECT"),
    # a request noun held by a state
    ("The envoy repeated the British demand for the release of the crew.", "REQUEST"),
    ("In light of Kenya's request for police trainers, Canada sent twenty officers.",
     "REQUEST"),
    # resolve aimed at a named party, however it is worded or framed
    ("We will keep working to hold the Assad regime to account for its crimes.", "THREATEN"),
    ("The allies will impose maximum economic pressure on Pyongyang.", "THREATEN"),
    ("We stand with Jordan in holding Syria accountable for the shelling.", "THREATEN"),
    ("This law is a vital step in holding accountable the Burmese junta for its abuses.",
     "THREATEN"),
    ("The ministers reviewed preparations to impose swift consequences and heavy costs on "
     "Belarus should it join the war.", "THREATEN"),
    ("They reviewed their joint actions to hold Russia accountable for the poisoning.",
     "THREATEN"),
    # readiness to act that names a party, or adds to pressure already brought
    ("We are prepared to take further steps should the Sudanese army refuse a truce.",
     "THREATEN"),
    ("Our allies are ready to impose heavy consequences should Minsk send troops.",
     "THREATEN"),
    ("The EU declared its readiness to impose severe economic penalties if Serbia moves.",
     "THREATEN"),
    ("Partners have imposed sanctions of their own and say they are prepared to do more.",
     "THREATEN"),
    ("Reopening the crossing has long been a request of the Palestinian Authority.",
     "REQUEST"),
    ("I requested more money for Ukraine's air defence in my budget.", "REQUEST"),
    # a reminder of consequences; the importance of pressure; sanctions pressure
    ("Today we remind Moscow and its backers that there will be consequences for the "
     "killings.", "THREATEN"),
    ("She stressed the importance of imposing heavy costs on Belarus.", "THREATEN"),
    ("The talks will stress the need to maintain sanctions pressure on Iran.", "THREATEN"),
    ("He reaffirmed the importance of holding Hezbollah's commanders accountable.",
     "THREATEN"),
    # a veto threat
    ("The Governor has vowed to veto the tax bill if it reaches her desk.", "THREATEN"),
    # a charge stays a charge, an amount of money in it or not
    ("A grand jury charged two traders with laundering $40 million for a cartel.", "ACCUSE"),
    ("The pilot was charged with making false statements to federal agents.", "ACCUSE"),
]

MUST_NOT: list[tuple[str, str]] = [
    # a danger described, not a threat made
    ("The militia continues to threaten the stability of the whole region.", "THREATEN"),
    ("Beijing's growing arsenal threatens our homeland and our forces abroad.", "THREATEN"),
    ("Their budget plan is threatening Medicare for millions of seniors.", "THREATEN"),
    ("The lapse in funding threatens to undo a decade of gains.", "THREATEN"),
    ("The cartel continues to threaten the security of Honduras.", "THREATEN"),
    ("Pyongyang's launches threaten the peace of Japan and South Korea.", "THREATEN"),
    # forecasts and advisories
    ("The UN food agency warned that Sudan could face famine by the summer.", "THREATEN"),
    ("The agency issued an alert to warn the public of a new scam by text message.",
     "THREATEN"),
    ("I warned the Congress of this shortfall months ago.", "THREATEN"),
    ("The FBI warned Americans about a wave of fake charity appeals.", "THREATEN"),
    ("The World Bank warned that Kenya could slip into a debt crisis.", "THREATEN"),
    ("The Governor warned that he would be forced to cut school funding.", "THREATEN"),
    ("Our consumer advisories warn families about fake debt collectors.", "THREATEN"),
    # a reminder without consequences
    ("I reminded the Congress of the deadline in my letter.", "THREATEN"),
    # readiness aimed at no one
    ("The United States stands ready to take further action to address any new attacks.",
     "THREATEN"),
    ("The new playbook ensures agencies are prepared to take uniform steps against a threat.",
     "THREATEN"),
    ("Treasury is prepared to take additional action as its review of tax rules continues.",
     "THREATEN"),
    # generic accountability, no named party; steps taken in the past
    ("We will take all steps to hold accountable anyone who helps the smugglers.",
     "THREATEN"),
    ("These grants help citizens hold their governments accountable.", "THREATEN"),
    ("We will hold bad actors accountable.", "THREATEN"),
    ("We work with partners to hold accountable States that sponsor ransomware attacks.",
     "THREATEN"),
    # a condition listed for delisting, cut loose from its subject by the parse
    ("We would consider lifting sanctions for officials that take concrete steps to "
     "restore order, refuse to take part in abuses and speak out against the regime.",
     "REJECT"),
    # a stance, a bank's handling of payments, a removal from office, a fall in numbers
    ("We refuse to believe that the vault of opportunity is empty.", "REJECT"),
    ("Through a hard winter the people of Kharkiv have refused to break.", "REJECT"),
    ("The licence authorises the rejection of transactions involving the two banks.",
     "REJECT"),
    ("The deputy minister was dismissed from his post last spring.", "REJECT"),
    ("The jobless rate declined to 4.1% in March, its lowest in a year.", "REJECT"),
    ("Home sales have declined for five months in a row.", "REJECT"),
    # a market's demand; a notice asking for public input; a question put
    ("Exports will recover as European demand for machinery returns.", "REQUEST"),
    ("Slower growth in Indian demand for coal weighs on prices.", "REQUEST"),
    ("Treasury published a request for information on digital payments.", "REQUEST"),
    ("Will the recovery last, she asked, or will it fade by winter?", "REQUEST"),
    ("The order called for public comment on the draft standards.", "REQUEST"),
    ("The American Jobs Act will ask the biggest firms to pay their fair share.", "REQUEST"),
    # "charged" as a price
    ("Drug makers charged Americans three times more than people abroad.", "ACCUSE"),
    ("Some airlines charged parents extra to sit next to their toddlers.", "ACCUSE"),
    ("The board charged members as much as $15,000 a year for a seat.", "ACCUSE"),
    ("Patients can no longer be charged more because of their age.", "ACCUSE"),
    ("Prices here are far higher than what buyers in Canada are charged.", "ACCUSE"),
    ("The rule stops hidden fees from being charged at checkout.", "ACCUSE"),
    # "responsible for" a job; a reward for a conviction; a conviction held
    ("The agency is responsible for the oversight of grant programmes in five states.",
     "ACCUSE"),
    ("A reward is offered for information leading to the conviction of two smugglers.",
     "ACCUSE"),
    ("She spoke with deep conviction of the value of public service.", "ACCUSE"),
    # a conviction of anyone of a kind; "condemn" as doom
    ("Those convicted of a felony may not hold a licence.", "ACCUSE"),
    ("The rule covers persons who have been convicted of any fraud offence.", "ACCUSE"),
    ("Young men in the county are disproportionately stopped, prosecuted and convicted.",
     "ACCUSE"),
    ("These cuts would condemn rural towns to decades of decline.", "ACCUSE"),
    # concern for a condition or a fear, charging no one
    ("The minister expressed concern over the severe drought in the north.", "ACCUSE"),
    ("He expressed concern for the civilians trapped in the city.", "ACCUSE"),
    ("Lenders have expressed concern that the rule would raise their costs.", "ACCUSE"),
    # "charged" as a task
    ("She led a team charged with national fishing policy.", "ACCUSE"),
    ("The panel is charged with making recommendations to the Secretary by June.", "ACCUSE"),
]


# each MUST sentence holds an event of its type; no MUST_NOT sentence holds one of its type
extracted, test_event_is_found, test_event_is_not_misread = sentence_tests(
    [(s, (t,)) for s, t in MUST], MUST_NOT, ("type",))


def test_an_indictment_charging_is_one_charge(extractor: Extractor) -> None:
    sentence = "The court unsealed an indictment charging Ivan Volkov with wire fraud."
    events = extract_each(extractor, [sentence])[sentence]
    assert [e.trigger.text for e in events if e.type == "ACCUSE"] == ["charging"]


def test_readiness_to_impose_costs_on_a_party_is_one_threat(extractor: Extractor) -> None:
    sentence = ("The ministers restated their readiness to impose severe costs on Belarus "
                "should it join the war.")
    events = extract_each(extractor, [sentence])[sentence]
    assert len([e for e in events if e.type == "THREATEN"]) == 1, events


@pytest.mark.parametrize(("sentence", "actor"), [
    ("Japan remains steadfast in condemning the missile launches by North Korea.", {"JPN"}),
    ("Canada stood with Kenya in condemning the bombing in Nairobi.", {"CAN"}),
])
def test_the_one_who_condemns_in_a_gerund_is_the_accuser(
        sentence: str, actor: set[str], extractor: Extractor) -> None:
    events = extract_each(extractor, [sentence])[sentence]
    assert_found(events, ("ACCUSE", actor), ("type", "actor"))
