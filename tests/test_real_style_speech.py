"""Statements, charges and threats in the wording real government prose and wire
reports use (issue 10; ACCUSE, THREATEN, REJECT): condemnations as nouns, threats
through nouns of resolve, pressure on a named party, "will face consequences", charges
in relative and participle clauses, a measure that "threatens" rights, refusals as
nouns; and the look-alikes that are none of these. Every sentence is our own, written
in the style of the error classes seen on real text; none is corpus text.
"""

from __future__ import annotations

from .sentences import sentence_tests

# sentence → an event it must hold: (type, modality, actor, target)
Expected = tuple[str, str, set[str], set[str]]
MUST: list[tuple[str, Expected]] = [
    # condemnation and criticism as nouns, under a statement verb or on their own
    ("The ministers reiterated their condemnation of Syria's chemical attacks.",
     ("ACCUSE", "asserted", set(), {"SYR"})),
    ("Amid sharp criticism by the European Union, the ministers met in Rome.",
     ("ACCUSE", "asserted", {"EU"}, set())),
    # condemning an act accuses its doer, not its victim
    ("The Prime Minister condemned Iran's missile attack on Israel.",
     ("ACCUSE", "asserted", set(), {"IRN"})),
    # a participle's noun is the one charged
    ("A Russian businessman accused of smuggling chips was arrested in Cyprus.",
     ("ACCUSE", "asserted", set(), {"RUS"})),
    # using goods as a weapon
    ("Russia continues to use natural gas as a political weapon against Europe.",
     ("ACCUSE", "asserted", set(), {"RUS"})),
    ("Russia's weaponization of food has deepened the crisis in Africa.",
     ("ACCUSE", "asserted", set(), {"RUS"})),
    # "X is unacceptable": the speaker condemns it
    ("Russia's shelling of the grain port is unacceptable, the minister said.",
     ("ACCUSE", "asserted", set(), {"RUS"})),
    ("The targeting of American journalists by the Russian government is unacceptable.",
     ("ACCUSE", "asserted", set(), {"RUS"})),
    # a measure that "threatens" rights: the speaker's charge, not a threat
    ("This ruling threatens the freedoms of millions of Americans.",
     ("ACCUSE", "asserted", set(), {"USA"})),
    # charges told in a participle or relative clause, trials ahead, acquittals
    ("Prosecutors unsealed an indictment charging two Chinese nationals with hacking.",
     ("ACCUSE", "asserted", set(), {"CHN"})),
    ("Police detained three men who face charges of arson.",
     ("ACCUSE", "asserted", set(), set())),
    ("The former minister will stand trial on bribery charges next month.",
     ("ACCUSE", "planned", set(), set())),
    ("A Cairo court acquitted the former president of ordering the killings.",
     ("ACCUSE", "negated", {"EGY"}, set())),
    ("The indictment alleges that the company bribed port officials.",
     ("ACCUSE", "asserted", set(), set())),
    # threats made through a noun of resolve
    ("Our partners are united in their efforts to hold Belarus accountable for the forced "
     "landing.", ("THREATEN", "asserted", set(), {"BLR"})),
    ("The statement renewed the commitment to hold Syria's leaders responsible for the "
     "attacks.", ("THREATEN", "asserted", set(), {"SYR"})),
    # pressure on a named party
    ("The allies will maintain and intensify economic pressure on Iran.",
     ("THREATEN", "asserted", set(), {"IRN"})),
    ("Washington pledged to ramp up the pressure on the regime until the prisoners are "
     "freed.", ("THREATEN", "asserted", {"USA"}, set())),
    # consequences ahead for a named party: the one who faces them is the target
    ("Belarus will face serious consequences if it sends troops into Ukraine.",
     ("THREATEN", "asserted", set(), {"BLR"})),
    # readiness to act, and "everything in our power"
    ("The G7 stands ready to impose further costs on Moscow.",
     ("THREATEN", "asserted", {"G7"}, {"RUS"})),
    ("We are prepared to take additional measures should the junta continue its violence.",
     ("THREATEN", "asserted", set(), set())),
    ("We will do everything in our power to stop Iran from building a bomb.",
     ("THREATEN", "asserted", set(), set())),
    # a refusal as a noun, with its owner
    ("Hungary's refusal to approve the aid package has delayed the talks.",
     ("REJECT", "asserted", {"HUN"}, set())),
    # a refusal held by a named party happened, whatever frames the sentence
    ("We urge all members to act, especially in light of Russia's recent veto.",
     ("REJECT", "asserted", {"RUS"}, set())),
    # a veto threat: THREATEN, and the veto it names
    ("If Congress passes this bill, the President would veto it.",
     ("THREATEN", "asserted", set(), {"USA"})),
    ("The White House announced his intent to veto the spending bill.",
     ("THREATEN", "asserted", {"USA"}, set())),
    # (the refusal a veto threat names is hypothetical: tests/data/real/README.md)
    ("The White House announced his intent to veto the spending bill.",
     ("REJECT", "hypothetical", {"USA"}, set())),
    # opposing a proposal is a refusal
    ("Voters in the region opposed the proposal by a wide margin.",
     ("REJECT", "asserted", set(), set())),
]

# sentence → a type it must not hold
MUST_NOT: list[tuple[str, str]] = [
    # a policy stance, not a refusal of a party or proposal
    ("The President opposes raising taxes on working families.", "REJECT"),
    ("We strongly oppose China's use of the security law against journalists.", "REJECT"),
    # refusing urged, not done
    ("Banks in the United States must reject payments involving the listed Syrian firms.",
     "REJECT"),
    ("As a nation we must come together and reject bigotry against Muslims.", "REJECT"),
    # what a measure does is no threat; neither is resolve with no party
    ("The executive order signed today escalates financial pressure on the government of "
     "Syria.", "THREATEN"),
    ("We will keep up the pressure on this issue.", "THREATEN"),
    ("This policy threatens American farmers.", "THREATEN"),
    # a designation's criteria and a crisis threaten no one
    ("The firm engaged in acts that threaten the peace, security, or stability of Yemen.",
     "THREATEN"),
    ("He was designated for having engaged in acts that directly or indirectly threaten "
     "the peace, security, or stability of Yemen.", "THREATEN"),
    ("Russia's energy coercion has raised prices and threatened energy security in Europe.",
     "THREATEN"),
    ("The war has displaced millions and threatens the stability of Ethiopia.", "THREATEN"),
    # drones fitted with arms for an army are no accusation
    ("The firm bought drones that were later weaponized for use by the army.", "ACCUSE"),
    # consequences suffered, and readiness that is not aimed at anyone
    ("Farmers will face the consequences of the drought for years.", "THREATEN"),
    ("Families continue to suffer the consequences of high prices.", "THREATEN"),
    ("Hospitals are prepared to respond to a surge in cases.", "THREATEN"),
    # charging a fee, being in charge
    ("The store will charge customers a small fee for plastic bags.", "ACCUSE"),
    ("The official in charge of the programme resigned on Monday.", "ACCUSE"),
    # "unacceptable" as a plain description of a number
    ("An unacceptable number of bridges need repair.", "ACCUSE"),
]


extracted, test_event_is_found, test_event_is_not_misread = sentence_tests(
    MUST, MUST_NOT, ("type", "modality", "actor", "target"))
