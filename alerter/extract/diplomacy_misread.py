"""Diplomacy words that are no event between parties, read on fresh government prose
(issue 10): agreement in opinion ("agreed on the importance of dialogue"), "promising" as a
describing word, one government consulting its own bodies ("in consultation with the
Department of State") and agencies working together with no other party named
("agencies collaborated on a toolkit"). A host's greeting is in welcomes.py. Called from
alerter/extract/diplomacy.py's `misread`.
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract.clauses import subject_of
from alerter.extract.diplomacy_generic import EMPOWERING
from alerter.extract.participants import participants_in, phrase_tokens

# Opinions one may agree on: "agreed on the importance of dialogue", "the need to".
_OPINIONS = frozenset({"importance", "need", "value", "necessity", "urgency", "significance",
                       "centrality", "benefit", "merit", "principle", "view"})


def opinion_shared(trigger: Token) -> bool:
    """Give whether "agree on" shares an opinion, not a deal: "the two sides agreed on the
    importance of dialogue"; but "agreed on a roadmap"."""
    if trigger.lemma_ != "agree" or any(c.dep_ == "dobj" for c in trigger.children):
        return False
    if any(c.dep_ == "ccomp" for c in trigger.children):
        # "agreed that Hamas should release the hostages": an opinion on what others owe
        return any(c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in _DEMANDING
                                             for a in c.children) for c in trigger.children)
    on = [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
          for g in c.children if g.dep_ == "pobj"]
    return bool(on) and all(g.lemma_.lower() in _OPINIONS for g in on)


def describing(trigger: Token) -> bool:
    """Give whether a pledge word only describes a noun: "promising new partnerships"
    (often parsed as a gerund under the verb); but "is promising to send", "Iran,
    promising weapons, ..." has its own subject or infinitive."""
    return trigger.tag_ == "VBG" and trigger.dep_ in ("amod", "xcomp") and not any(
        c.dep_ in ("aux", "nsubj", "xcomp", "dative") for c in trigger.children)


# One government's own bodies and officers, whom it consults or works with.
_OWN = frozenset({"department", "ministry", "agency", "office", "bureau", "service",
                  "administration", "commission", "division", "unit", "secretary",
                  "general", "attorney", "counsel", "regulator", "authority", "council",
                  "staff", "stakeholder", "official"})


def consulting_own(trigger: Token) -> bool:
    """Give whether "in consultation with" names no other party: "acted in consultation
    with the Department of State", "with other relevant agencies"; but "in close
    consultation with Japan"."""
    if trigger.lemma_ != "consultation" or trigger.dep_ != "pobj" or \
            trigger.head.lower_ != "in":
        return False
    partners = [h for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"
                for g in c.children if g.dep_ == "pobj" for h in (g, *g.conjuncts)]
    return bool(partners) and all(
        h.lemma_.lower() in _OWN or not any(p[2] for p in participants_in(phrase_tokens(h)))
        for h in partners)


def agencies_alone(trigger: Token) -> bool:
    """Give whether a cooperation verb has only agencies as its subject and no partner:
    "agencies collaborated on a toolkit"; but "the two countries cooperated"."""
    if trigger.pos_ != "VERB" or any(c.dep_ == "prep" and c.lower_ == "with"
                                     for c in trigger.children):
        return False
    subjects = [h for c in trigger.children if c.dep_ == "nsubj"
                for h in (c, *c.conjuncts)]
    return bool(subjects) and all(
        h.lemma_.lower() in _OWN and not any(p[2] for p in participants_in(phrase_tokens(h)))
        for h in subjects)


# Words that make a name one government's own body: "the Drug Enforcement
# Administration", "Customs and Border Protection", "the Maui Police Department".
_BODY_WORDS = _OWN | {"enforcement", "customs", "protection", "police", "investigations",
                      "fbi", "dea", "cbp", "hsi", "irs", "fincen", "ofac", "doj", "dhs",
                      "interagency", "house", "sec", "cftc", "fdic", "reserve"}


def own_body(partner: Token) -> bool:
    """Give whether an uncoded partner is a government body: "the Drug Enforcement
    Administration", "Customs and Border Protection"."""
    return any(t.lemma_.lower() in _BODY_WORDS for t in phrase_tokens(partner))


# Verbs under which parties undertake to keep in touch: "agreed to stay in touch".
_PLEDGING = frozenset({"agree", "commit", "pledge", "promise", "decide", "resolve", "vow"})
_CONTACT = frozenset({"contact", "touch", "consultation", "communication"})


def other_party(partner: Token) -> bool:
    """Give whether a partner names a coded party other than a US body: "Japan", "the
    Government of Canada"; not "CareSource" (no code), "the Department of Energy", "members
    of the White House staff"."""
    codes = {p[2] for p in participants_in(phrase_tokens(partner)) if p[2]}
    return bool(codes) and not (codes == {"USA"} and own_body(partner))


def in_contact_with(verb: Token) -> list[Token]:
    """Give whom a verb says one is "in contact with": "remained in close contact with the
    IMF and the ECB" → IMF, ECB."""
    return [h for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
            for g in c.children if g.lemma_.lower() in _CONTACT
            for w in g.children if w.dep_ == "prep" and w.lower_ == "with"
            for p in w.children if p.dep_ == "pobj" for h in (p, *p.conjuncts)]


# Writings that "discuss" a topic: no talks.
_DOCUMENTS = frozenset({"report", "paper", "study", "document", "chapter", "section",
                        "article", "book", "analysis", "memo", "memorandum", "testimony",
                        "assessment", "review", "strategy", "plan", "guidance", "notice"})


# What a buyer negotiates, not talks between parties: "allow Medicare to negotiate lower
# drug prices".
_PRICES = frozenset({"price", "cost", "rate", "fee", "discount", "wage", "salary", "rent"})
# What is shared that is no joint work: "shared updates on the dialogue", "share a vision".
_VIEWS = frozenset({"update", "view", "perspective", "story", "experience", "concern",
                    "thought", "vision", "value", "goal", "interest", "priority", "belief",
                    "idea", "reflection", "insight", "lesson", "recommendation"})


def no_talks(trigger: Token) -> bool:
    """Give whether a meeting verb holds no talks: "needs will be met with bill auctions"
    (a passive), "negotiate lower drug prices" (a price bargained), "remained in close
    contact with local hospitals" (no party named)."""
    if trigger.lemma_ in ("remain", "stay", "keep", "be"):
        partners = in_contact_with(trigger)
        if not partners:  # "the two sides agreed to remain in regular contact"
            return not (trigger.dep_ == "xcomp" and trigger.head.lemma_ in _PLEDGING)
        return not any(other_party(h) for h in partners)
    if trigger.lemma_ == "discuss" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in _DOCUMENTS for c in trigger.children):
        return True  # "the report also discusses Hamas"
    if trigger.lemma_ == "consult":  # "consult with her physician", not "with Japan"
        partners = [h for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"
                    for g in c.children if g.dep_ == "pobj" for h in (g, *g.conjuncts)]
        return bool(partners) and not any(other_party(h) for h in partners) and all(
            h.pos_ == "NOUN" and h.text.islower() for h in partners)
    if trigger.lemma_ == "meet":
        return any(c.dep_ == "auxpass" for c in trigger.children)
    if trigger.lemma_ == "negotiate":  # also "negotiate for lower prices"; "is authorized to
        # negotiate" (a power given, no talks held)
        return any(g.lemma_.lower() in _PRICES for c in trigger.children if c.dep_ == "dobj"
                   or (c.dep_ == "prep" and c.lower_ == "for")
                   for g in (c, *c.children)) or (trigger.dep_ == "xcomp" and
                                                 trigger.head.lemma_ in EMPOWERING)
    return False


# Subjects that are parties even uncoded: "the two sides shared intelligence".
_SIDES = frozenset({"side", "country", "nation", "government", "ally", "partner", "leader",
                    "state", "both", "two", "they", "we", "service", "agency"})


def views_shared(trigger: Token) -> bool:
    """Give whether "share" passes on views, or passes to nobody named: "participants
    shared updates on the dialogue", "officials shared information to help workers"; but
    "shared intelligence with Kyiv", "Britain shared intelligence", "the two sides
    shared information"."""
    if trigger.lemma_ != "share":
        return False
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _VIEWS for c in trigger.children):
        return True
    holders = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among")
           for h in holders for c in h.children):
        return False  # "share radar information between the United States and Peru"
    subject = subject_of(trigger)
    return subject is None or not (
        subject.lemma_.lower() in _SIDES or
        any(p[2] for h in (subject, *subject.conjuncts)
            for p in participants_in(phrase_tokens(h))))


# Modals of a demand: "Beijing must release the journalists", "Russia should free him".
_DEMANDING = frozenset({"must", "should"})


def demanded(trigger: Token) -> bool:
    """Give whether a release is only demanded of a party: "Beijing must stop targeting the
    press and release the journalists", "Russia should immediately release Paul"; but
    "the junta released 700 prisoners", "Iran may release the crew"."""
    verb = trigger
    while True:
        if any(c.dep_ == "aux" and c.lower_ in _DEMANDING for c in verb.children):
            return True
        if verb.dep_ not in ("conj", "xcomp") or verb.head.pos_ not in ("VERB", "AUX"):
            return False
        verb = verb.head


def law_signed(trigger: Token) -> bool:
    """Give whether "sign" puts a law or a named programme into force, not an accord:
    "signed the American Rescue Plan", "signed the bill into law"; but "signed a plan of
    action with Mexico", "signed the Paris Agreement"."""
    if trigger.lemma_ != "sign" or any(c.dep_ == "prep" and c.lower_ == "with"
                                       for c in trigger.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "into" and any(g.lemma_.lower() == "law"
                                                          for g in c.children)
           for c in trigger.children):
        return True
    return any(c.dep_ == "dobj" and c.pos_ == "PROPN" and c.lemma_.lower() == "plan"
               for c in trigger.children)


def noun_misparsed(trigger: Token) -> bool:
    """Give whether a cooperation verb is a plural noun the tagger read as a verb: "will
    discuss with her G7 partners" ("partners" is no act of partnering)."""
    return trigger.lower_ == "partners" and any(
        c.dep_ in ("poss", "det", "amod", "compound") for c in trigger.children)


# Home bodies whose money committed is spending at home, not a pledge to a party.
_HOME_SPENDERS = frozenset({"county", "city", "state", "corps", "department", "agency",
                            "office", "treasury", "municipality", "district", "administration"})
_MONEY = frozenset({"$", "million", "billion", "fund", "funding", "dollar", "grant"})


def spent_at_home(trigger: Token) -> bool:
    """Give whether "committing $X" is a home body's spending: "the Army Corps of
    Engineers is committing $321 million to expand port capacity", "the County is
    committing $13 million to broadband"; but "Japan committed $5 billion", "the agency
    committed $20 million to flood relief in Pakistan"."""
    if trigger.lemma_ != "commit" or not any(
            c.dep_ == "dobj" and (c.lemma_.lower() in _MONEY or any(
                g.lemma_.lower() in _MONEY for g in c.subtree)) for c in trigger.children):
        return False
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    if not subjects or not all(s.lemma_.lower() in _HOME_SPENDERS for s in subjects):
        return False
    return not any(p[2] and p[2] != "USA"
                   for p in participants_in(list(trigger.subtree)))


# Uncoded partners that are other parties all the same: "coordinated with allies".
OTHERS = frozenset({"ally", "partner", "counterpart", "country", "nation", "government",
                    "neighbor", "neighbour", "state", "member"})


def with_own_side(trigger: Token) -> bool:
    """Give whether "in coordination with" names only one's own bodies or people with no
    code: "conducted in close coordination with the Department of Justice"; but "in
    coordination with our allies and partners", "with Japan"."""
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj" or trigger.head.lower_ != "in":
        return False
    partners = [h for t in (trigger, trigger.head.head) for c in t.children
                if c.dep_ == "prep" and c.lower_ == "with" and c.i > trigger.i
                for g in c.children if g.dep_ == "pobj" for h in (g, *g.conjuncts)]
    return bool(partners) and not any(other_party(h) for h in partners) and all(
        own_body(h) or (h.pos_ == "NOUN" and h.text.islower() and h.lemma_.lower() not in OTHERS)
        for h in partners)
