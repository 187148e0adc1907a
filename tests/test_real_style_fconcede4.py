"""Concessions (CONCEDE) in the wording of fresh government prose (issue 10; read on
documents outside the annotated sample with bench/fresh_review.py): sanctions suspended or
waived, "sanctions relief" and a "sanctions waiver", a general licence amended or widened,
people taken off "its" SDN List, an order's participle ending a sanctions programme, the
termination of a programme told by a noun, detained Americans freed or their release
secured, offences and people pardoned; and the look-alikes: a tax penalty waived, rules on
who may get a public benefit eased, a release only worked for, sought or committed to,
"pardon me", the delisting boilerplate ("will consider lifting sanctions for persons ...").
Every sentence is our own, written in the style of the error classes seen; none is corpus
text.
"""

from __future__ import annotations

import pytest

from alerter.extract import Extractor
from alerter.models import Event

from .sentences import assert_found, assert_none_of, extract_each

# sentence → an event it must hold: (type, modality)
MUST: list[tuple[str, tuple[str, str]]] = [
    # sanctions suspended or waived
    ("Washington suspended its sanctions on the state shipping line for six months.",
     ("CONCEDE", "asserted")),
    ("The administration will suspend the embargo on grain sales while the truce holds.",
     ("CONCEDE", "planned")),
    ("The Secretary of State waived certain sanctions on the power project in Iraq.",
     ("CONCEDE", "asserted")),
    # the nouns of relief, by the word
    ("Treasury granted sanctions relief to the state bank after the elections.",
     ("CONCEDE", "asserted")),
    ("The State Department issued a sanctions waiver so that the utility can pay its bills.",
     ("CONCEDE", "asserted")),
    # a general licence amended or widened
    ("OFAC amended the general license for relief groups working in Yemen.",
     ("CONCEDE", "asserted")),
    ("Treasury today expanded its general licence for telecommunications services.",
     ("CONCEDE", "asserted")),
    # taken off "its" list, or "OFAC's" list
    ("On Friday OFAC removed nine companies from its SDN List.", ("CONCEDE", "asserted")),
    ("The two tankers were removed from OFAC's SDN List this week.", ("CONCEDE", "asserted")),
    # what an instrument does, told by its participle; the termination told by a noun
    ("The President signed an order terminating the Belarus sanctions program.",
     ("CONCEDE", "asserted")),
    ("Treasury announced the termination of the Liberia sanctions program.",
     ("CONCEDE", "asserted")),
    # the delisting or a removal from the list, told by a noun a verb takes
    ("Treasury today announced the delisting of three Colombian firms.",
     ("CONCEDE", "asserted")),
    ("OFAC also announced the removal of two tankers from the SDN List.",
     ("CONCEDE", "asserted")),
    # people set free, offences pardoned
    ("Tehran freed four detained Americans after a year of talks.", ("CONCEDE", "asserted")),
    ("A second proclamation will pardon further offenses of simple possession.",
     ("CONCEDE", "planned")),
    ("Today, I am using my clemency power to pardon hundreds of former sailors.",
     ("CONCEDE", "asserted")),
    # a release obtained, and the people released told after "of"
    ("Last month we secured the release of three Americans held in Caracas.",
     ("CONCEDE", "asserted")),
    ("The envoy has secured the safe release of two detained aid workers.",
     ("CONCEDE", "asserted")),
    ("The minister welcomed the release of more than 40 wrongfully detained Americans.",
     ("CONCEDE", "asserted")),
]

# sentence → a type it must not hold
MUST_NOT: list[tuple[str, str]] = [
    # domestic waivers and rules on who may get a public service
    ("The tax agency waived the penalty for filers in the flooded counties.", "CONCEDE"),
    ("The reform would lift restrictions on eligibility for housing benefits for people "
     "with old convictions.", "CONCEDE"),
    ("All eligibility restrictions for booster shots can be lifted next month.", "CONCEDE"),
    # a release only worked for, or called for
    ("We are working around the clock to free the hostages and bring them home.", "CONCEDE"),
    ("It is time to release the captives and to silence the guns.", "CONCEDE"),
    ("We will never waver in our commitment to free the Americans held abroad.", "CONCEDE"),
    ("Both governments will seek the release of political prisoners held by the junta.",
     "CONCEDE"),
    ("He thanked the Emir for his efforts to secure the release of the hostages.", "CONCEDE"),
    ("In the speech, pardon me, in the letter to Congress, he spoke of prices.", "CONCEDE"),
    ("The envoy repeated the call for the immediate release of all detainees.", "CONCEDE"),
    ("We will work with our allies to pressure the junta to release the prisoners.",
     "CONCEDE"),
    ("We have suspended visas for the officials and frozen their assets.", "CONCEDE"),
    # the delisting boilerplate, and measures lifted only in general
    ("The removal of sanctions is available for persons who change their behavior.",
     "CONCEDE"),
    ("Real changes in conduct can result in the lifting of sanctions.", "CONCEDE"),
    ("Guidance on the delisting process is posted on our website.", "CONCEDE"),
    ("We will consider lifting sanctions on persons designated under this order who take "
     "concrete steps toward democracy.", "CONCEDE"),
    ("We continue to strive to free every American held abroad.", "CONCEDE"),
    # a general licence, a list, a termination that are no concession
    ("The general license does not authorize any transfer to the blocked bank.", "CONCEDE"),
    ("Treasury suspended the employee pending the review.", "CONCEDE"),
    ("The agency removed the outdated files from its website.", "CONCEDE"),
    ("The contract provides for the termination of the lease after five years.", "CONCEDE"),
    ("Lifting sanctions remains possible if the regime changes its behaviour.", "CONCEDE"),
]


@pytest.fixture(scope="module")
def extracted(extractor: Extractor) -> dict[str, list[Event]]:
    sentences = sorted({s for s, _ in MUST} | {s for s, _ in MUST_NOT})
    return extract_each(extractor, sentences)


@pytest.mark.parametrize(("sentence", "expected"), MUST,
                         ids=[f"{e[0]}: {s[:50]}" for s, e in MUST])
def test_concession_is_found(sentence: str, expected: tuple[str, str],
                             extracted: dict[str, list[Event]]) -> None:
    assert_found(extracted[sentence], expected, ("type", "modality"))


@pytest.mark.parametrize(("sentence", "type_"), MUST_NOT,
                         ids=[f"{t}: {s[:50]}" for s, t in MUST_NOT])
def test_concession_is_not_misread(sentence: str, type_: str,
                                   extracted: dict[str, list[Event]]) -> None:
    assert_none_of(extracted[sentence], type_)
