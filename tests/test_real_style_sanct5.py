"""Sanctions and concessions in government prose, round 5 (issue 10; read on fresh
Treasury and White House documents with bench/fresh_review.py): a state's own forces and
services named by their own name (the IRGC, the Qods Force, the GRU) take the state's
code, while the armed groups it backs take none; a sanctioning authority (the EU, a
government, a UN committee) designates without a sanctions word, but a board or a governor
does not; a lifting announced, carried out ("implementing the termination of the X
sanctions program") or resulting from a deal is a concession, one that only "can result"
from better conduct is not; sanctions "taken off the table" are none; and what a vetoed
resolution "would have imposed" is negated, not hypothetical. The wording of a sanctions
programme wound up ("no longer in effect", "terminates all restrictions", "I revoke
Executive Order ...", "will authorize all transactions prohibited by ...") is a concession,
told once per sentence; an order that authorises sanctions, the licence boilerplate, a
licence amended to exclude, and a licence's disclaimed scope are not. Every sentence is our own,
written in the style of the error classes seen; none is corpus text. The test documents
are published on 10 May 2024.
"""

from __future__ import annotations

from typing import Any

import pytest

from alerter.extract import Extractor
from alerter.models import Event

from .sentences import assert_found, assert_none_of, extract_each

CODES = ("type", "actor", "target")
MODES = ("type", "modality")
# (sentence, fields compared, their expected values in one of the sentence's events)
MUST: list[tuple[str, tuple[str, ...], tuple[Any, ...]]] = [
    # a state's own forces and services: its code, as actor or as target
    ("Treasury designated four IRGC-QF officers today.", CODES,
     ("SANCTION", {"USA"}, {"IRN"})),
    ("OFAC is sanctioning two shell companies of the Islamic Revolutionary Guard "
     "Corps-Qods Force.", CODES, ("SANCTION", {"USA"}, {"IRN"})),
    ("The Islamic Revolutionary Guard Corps seized a tanker off the coast last week.", CODES,
     ("COERCE", {"IRN"}, set())),
    ("GRU officers attacked the ministry's servers with ransomware.", CODES,
     ("ASSAULT", {"RUS"}, set())),
    # a sanctioning authority's designation needs no sanctions word
    ("The EU designated three shipping firms that carry arms to the junta.", CODES,
     ("SANCTION", {"EU"}, set())),
    ("The United Kingdom also designated this trading house today.", MODES,
     ("SANCTION", "asserted")),
    ("Canada has designated the two brothers as well.", MODES, ("SANCTION", "asserted")),
    # a lifting announced or carried out, with whom it was laid on
    ("Today, the Minister announced the lifting of sanctions on Belarus.", CODES,
     ("CONCEDE", set(), {"BLR"})),
    ("The pact resulted in the easing of the embargo on Cuba.", CODES,
     ("CONCEDE", set(), {"CUB"})),
    ("OFAC is implementing the termination of the Burundi sanctions program.", CODES,
     ("CONCEDE", {"USA"}, {"BDI"})),
    ("Treasury implemented the sanctions relief set out in the accord.", MODES,
     ("CONCEDE", "asserted")),
    ("The deal resulted in the release of 40 hostages.", MODES, ("CONCEDE", "asserted")),
    # the day's designees named as a clause's subject, or their property blocked
    ("Several of the brokers designated today keep close ties to the army's spy service.",
     MODES, ("SANCTION", "asserted")),
    ("The mill has used front firms for years, and some of the traders targeted today help "
     "it sell timber abroad despite sanctions.", MODES, ("SANCTION", "asserted")),
    ("All property and interests in property of these persons designated today that are "
     "subject to U.S. jurisdiction are blocked.", ("type", "subtype", "modality"),
     ("SANCTION", "asset_freeze", "asserted")),
    ("Treasury continues its campaign against the cartel today by designating five of its "
     "money launderers.", MODES, ("SANCTION", "asserted")),
    ("Israel reopened the Kerem Shalom crossing to aid trucks.", MODES,
     ("CONCEDE", "asserted")),
    # a prisoner exchange: releases both ways
    ("Kyiv and Moscow completed a prisoner exchange in Istanbul.", CODES,
     ("CONCEDE", {"UKR", "RUS"}, set())),
    ("The two sides swapped 90 prisoners of war on Sunday.", MODES, ("CONCEDE", "asserted")),
    # the genre of a sanctions programme wound up: measures no longer in effect, ended,
    # orders revoked, dealings authorised, licences amended
    ("As a result, the sanctions on Liberia administered by OFAC are no longer in effect.",
     MODES, ("CONCEDE", "asserted")),
    ("The order terminates all OFAC-administered restrictions on banking with Liberia.",
     MODES, ("CONCEDE", "asserted")),
    ("Accordingly, I revoke Executive Order 14999, which blocked the property of the "
     "court's staff.", MODES, ("CONCEDE", "asserted")),
    ("The amendment will authorize all transactions prohibited by the Liberian Sanctions "
     "Regulations.", MODES, ("CONCEDE", "planned")),
    ("OFAC will authorize certain dealings in Cuban-origin cigars by travellers abroad.",
     CODES, ("CONCEDE", {"USA"}, set())),
    ("OFAC amended two general licenses to ease the delivery of food aid.", MODES,
     ("CONCEDE", "asserted")),
    # what a vetoed proposal would have done did not happen
    ("Russia vetoed a draft that would have imposed an arms embargo on the junta.", MODES,
     ("SANCTION", "negated")),
]
# (sentence, a type it must not hold, or "TYPE:modality" for that type in that mode only)
MUST_NOT: list[tuple[str, str]] = [
    # "designate" for naming or appointing
    ("The board designated a new chair for the audit committee.", "SANCTION"),
    ("The governor designated the county a disaster area.", "SANCTION"),
    ("The Council designated two insurers for stricter supervision.", "SANCTION"),
    # a lifting only named as a possible outcome (the delisting boilerplate)
    ("A real change in conduct can result in the lifting of sanctions.", "CONCEDE"),
    ("Better behaviour could lead to the removal of sanctions.", "CONCEDE"),
    # a measure ruled out is none taken
    ("Sanctions were taken off the table after the summit.", "SANCTION"),
    ("The allies took new sanctions off the table.", "SANCTION"),
    ("Russia vetoed a draft that would have imposed an arms embargo on the junta.",
     "SANCTION:hypothetical"),
    # the look-alikes: an order that authorises sanctions, the licence boilerplate, an
    # emergency ended at home, a licence narrowed, a licence's scope disclaimed
    ("Executive Order 13660 authorizes sanctions on officials who undermine the "
     "government.", "CONCEDE"),
    ("Unless authorized by a general or specific license issued by OFAC, all dealings with "
     "blocked persons are prohibited.", "CONCEDE"),
    ("The Act authorizes appropriations for the Department of Energy's programs.",
     "CONCEDE"),
    ("I have issued a proclamation that terminates the national emergency at the southern "
     "border.", "CONCEDE"),
    ("OFAC is amending three general licenses to exclude any transaction with the listed "
     "entities.", "CONCEDE"),
    ("This authorization does not unblock the property of any blocked person, nor does it "
     "authorize any transfers to such persons.", "CONCEDE"),
    # the day's designees named only as whose activity is told, or as a pointer
    ("The illicit trade of those designated today props up the militia.", "SANCTION"),
    ("Identifying information on the persons designated today.", "SANCTION"),
    ("Banks that deal with the persons designated today may be blocked from the U.S. "
     "financial system.", "SANCTION"),
    # measures a resolve goes on taking, through a noun or a list: no day's action
    ("We continue our work to impose sanctions and to address evasion.", "SANCTION"),
    ("We will continue to take every step, from sending air defence to imposing and "
     "enforcing sanctions on the regime's arms makers.", "SANCTION"),
    ("We also continue to coordinate on strengthening our sanctions against the junta.",
     "SANCTION"),
    ("The ministers exchanged views on the prisoner exchange talks.", "CONCEDE"),
    # the speaker's own ports reopened after a strike: no concession between parties
    ("I thank the dock workers for acting to reopen our ports so quickly.", "CONCEDE"),
    ("Traders swapped bonds for cash at a loss.", "CONCEDE"),
    # what a licence covers, told in passing (a routine licence mention)
    ("General License 9 authorizes the export of certain phone software to the island.",
     "CONCEDE"),
    ("For transactions not otherwise authorized by OFAC general licenses, OFAC reviews "
     "requests one by one.", "CONCEDE"),
    # a release that names a deal's kind, or is only needed
    ("The leaders will discuss reaching a ceasefire and hostage release deal.", "CONCEDE"),
    ("Prisoner release negotiations resumed in Doha.", "CONCEDE"),
    ("They discussed the urgent need for all hostages held by the militia to be released "
     "without delay.", "CONCEDE"),
]
# (sentence, type, the number of its events of that type): one lifting told twice is one
ONCE: list[tuple[str, str, int]] = [
    ("General License 40 authorizes transactions prohibited by the Liberian Sanctions "
     "Regulations, effectively lifting sanctions on Liberia.", "CONCEDE", 1),
]
# (sentence, the only codes its events of this type may have as actor)
NO_CODE: list[tuple[str, str, set[str]]] = [
    # a group a state backs is no state organ
    ("Hizballah fired rockets at the border town.", "ASSAULT", set()),
    ("The Houthis attacked a cargo ship in the strait.", "ASSAULT", set()),
]


@pytest.fixture(scope="module")
def found(extractor: Extractor) -> dict[str, list[Event]]:
    return extract_each(extractor, [s for s, _, _ in MUST] + [s for s, _ in MUST_NOT]
                        + [s for s, _, _ in NO_CODE] + [s for s, _, _ in ONCE])


@pytest.mark.parametrize(("sentence", "fields", "expected"), MUST,
                         ids=[f"{e[0]}: {s[:50]}" for s, _, e in MUST])
def test_event_is_found(found: dict[str, list[Event]], sentence: str,
                        fields: tuple[str, ...], expected: tuple[Any, ...]) -> None:
    assert_found(found[sentence], expected, fields)


@pytest.mark.parametrize(("sentence", "type_"), MUST_NOT,
                         ids=[f"{t}: {s[:50]}" for s, t in MUST_NOT])
def test_event_is_not_misread(found: dict[str, list[Event]], sentence: str,
                              type_: str) -> None:
    name, _, mode = type_.partition(":")
    assert_none_of(found[sentence], name, (mode,) if mode else ())


@pytest.mark.parametrize(("sentence", "type_", "codes"), NO_CODE,
                         ids=[f"{t}: {s[:50]}" for s, t, _ in NO_CODE])
def test_backed_group_has_no_code(found: dict[str, list[Event]], sentence: str,
                                  type_: str, codes: set[str]) -> None:
    events = [e for e in found[sentence] if e.type == type_]
    assert events, sentence
    assert all({p.code for p in e.actor if p.code} == codes for e in events), events


@pytest.mark.parametrize(("sentence", "type_", "count"), ONCE,
                         ids=[f"{t}: {s[:50]}" for s, t, _ in ONCE])
def test_told_twice_is_one_event(found: dict[str, list[Event]], sentence: str, type_: str,
                                 count: int) -> None:
    assert len([e for e in found[sentence] if e.type == type_]) == count, found[sentence]
