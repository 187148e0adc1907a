"""Requests (REQUEST) on government prose, beyond the taxonomy's triggers:

- a request noun held by a state is a request wherever it stands: "the U.S. demand for
  the release of the prisoners", "in light of Ukraine's request for air defence", "a
  longstanding request of the Palestinian Authority" (not an
  agency's errand, "USDA's request for transport", nor a market's "demand for goods");
  so is a budget's request for money ("the President's budget request includes $50
  million for X", "the budget includes a request for $2 billion for the Fund");
- a request for information or comment is a consultation of the public, not a request
  of a party ("Treasury issued a request for information on AI"), nor is requesting a
  copy of a paper ("I requested a copy of the report") or pressing charges (a charge);
- a participle of asking that says what a paper or a party asks is a request made: "a
  resolution calling on Russia to withdraw", "a statement urging restraint", "the AU chair
  calling on all sides", "an order calling on agencies to act";
- a duty laid on a named party is a request of it, made by the speaker (or the one who
  says it): "Russia must withdraw its forces", "Congress should pass the bill", "the IMF
  should do more"; not the speaker's own duty ("we must act", "the United States must
  lead", "U.S. persons must comply"), nor a state of mind ("the world must understand");
- a call held on a day is a phone call, not a call on someone ("held a call on Tuesday");
- "ask" that puts a question is no request ("'Are you optimistic?' he asked"), nor is a
  tax that "asks the wealthiest to pay their fair share", nor an order that "calls for
  public input".

Read from the dependency parse; used by the events component.
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract.participants import Found, all_participants, phrase_tokens

# What a state demands of another, as against a market's demand for goods.
_DEMANDED = frozenset({"release", "withdrawal", "end", "ceasefire", "resignation",
                       "investigation", "justice", "reform", "apology", "compensation",
                       "return", "removal", "halt", "cessation", "election", "referendum",
                       "accountability", "access", "extradition"})
# What the public is asked for by a notice: "a request for information / for comment".
_NOTICES = frozenset({"information", "comment", "input", "proposal", "application",
                      "feedback", "view", "nomination", "public"})

# What a market demands: "the demand for Treasury bills", "demand for oil"
_MARKET = frozenset({"bill", "bond", "note", "security", "product", "good", "service", "oil",
                     "gas", "energy", "electricity", "credit", "loan", "dollar", "currency",
                     "housing", "home", "labor", "labour", "worker", "export", "import",
                     "commodity", "asset", "chip", "vehicle", "car", "stock", "share",
                     "debt", "fuel", "power", "metal", "mineral", "semiconductor"})
# The public a notice puts its questions to: "asks commenters about"
_ASKED_PUBLIC = frozenset({"commenter", "respondent", "stakeholder", "public", "reader"})

# Words of asking themselves, which a modal does not make a duty: "we must demand".
_ASKING = frozenset({"urge", "appeal", "implore", "petition", "press", "ask", "request",
                     "demand", "call"})

# Sums of money asked for: "a request for $2 billion"
_SUMS = frozenset({"million", "billion", "trillion", "dollars"})
_BUDGETS = frozenset({"budget", "supplemental", "appropriations", "congress"})

# Days a call is held on: "held a call on Tuesday"
_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                   "sunday", "today", "yesterday", "tomorrow"})

# Papers one requests to read: "requested a copy of the report", "requested the records".
_PAPERS = frozenset({"copy", "record", "document", "transcript", "file", "readout",
                     "briefing", "minute", "text"})


def _for(noun: Token) -> list[Token]:
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"
            for g in c.children if g.dep_ == "pobj"]


def owned(noun: Token) -> bool:
    """Give whether a request noun is held by a state (a coded country name or adjective),
    and a "demand" asks for something a party can give."""
    if noun.lemma_ == "demand" and not any(g.lemma_.lower() in _DEMANDED for g in _for(noun)):
        return False
    if noun.lemma_ == "need":
        return need_of_party(noun)  # "underscored the need for Russia to withdraw"
    if noun.lemma_.lower() == "request" and (
            (noun.dep_ in ("nsubj", "nsubjpass") and any(  # not "in his budget request"
                c.dep_ in ("compound", "amod", "nmod") and c.lower_ == "budget"
                for c in noun.children))
            or (any(t.tag_ == "$" or t.lower_ in _SUMS for g in _for(noun) for t in g.subtree)
                and any(t.lower_ in _BUDGETS for t in noun.sent))):
        return True  # "the budget request includes $50 million", "a request for $2 billion"
    if any(c.dep_ in ("poss", "amod", "compound") and c.ent_type_ in ("GPE", "NORP")
           and all_participants([phrase_tokens(c)], coded_only=True) for c in noun.children):
        return True
    # "a longstanding request of the Palestinian Authority"
    return noun.lemma_ == "request" and any(
        all_participants([phrase_tokens(g)], coded_only=True)
        for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children if g.dep_ == "pobj")


def need_of_party(noun: Token) -> bool:
    """Give whether "the need for X to do Y" asks it of another named party: "stressed the
    need for Russia to withdraw", "the need for all countries to condemn the attack",
    "the need for Congress to act"; not "the need for us to act", "the need for more
    housing" (nothing asked of anyone)."""
    if noun.lemma_ != "need" or noun.pos_ != "NOUN":
        return False
    for act in _needed_acts(noun):
        # "the need for Russia to withdraw": "for" marks the clause, Russia its subject
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in act.children):
            parties = [c for c in act.children if c.dep_ == "nsubj"]
            if parties and not _own_side(parties[0]):
                return True
    for party in _for(noun):  # "the need for Russia to withdraw" read as a "for" phrase
        if any(c.dep_ in ("acl", "relcl") and c.tag_ == "VB" and
               any(a.lower_ == "to" for a in c.children) for c in party.children) and \
                not _own_side(party):
            return True
    return False


def _needed_acts(noun: Token) -> list[Token]:
    return [c for c in noun.children if c.dep_ in ("acl", "advcl", "relcl", "xcomp")
            and c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children)]


def asked_by_need(verb: Token) -> bool:
    """Give whether a verb is what "the need for X to ..." asks of another party: "stressed
    the need for Russia to withdraw" (the withdrawal is only asked for)."""
    return verb.dep_ in ("acl", "advcl", "relcl", "xcomp") and need_of_party(verb.head) and \
        verb in _needed_acts(verb.head)


def _own_side(bearer: Token) -> bool:
    """Give whether a duty's bearer is the speaker's own side or no named party: "we", "the
    United States", "U.S. persons", "firms"; not "Congress", "the international
    community", "all parties", "Hamas", "Russia"."""
    if bearer.lower_ in ("we", "i", "us", "you", "they", "it"):
        return True
    words = {t.lower_ for t in phrase_tokens(bearer)}
    if bearer.lemma_.lower() in _ASKED_BODIES and "white" not in words:
        return False  # "Congress must act", "the international community should"
    if bearer.lemma_.lower() in ("party", "side", "country", "nation", "state") and \
            words & {"all", "both"}:
        return False  # "all parties must refrain from violence"
    codes = {p[2] for p in all_participants([phrase_tokens(bearer)], coded_only=True)}
    if not codes:  # a named group: "Hamas must release the hostages"; not "Smith should"
        return bearer.ent_type_ not in ("ORG", "NORP", "GPE")
    return "USA" in codes


def _held_on_a_day(call: Token) -> bool:
    """Give whether "on" after a call noun names a day ("a call on Tuesday"), wherever the
    parse hangs it."""
    doc = call.doc
    if call.i + 2 >= len(doc) or doc[call.i + 1].lower_ != "on":
        return False
    day = doc[call.i + 2]
    return day.ent_type_ in ("DATE", "TIME") or day.lower_ in _DAYS


def no_request(trigger: Token, type_name: str) -> bool:
    """Give whether a request word asks nothing of a party: a notice asking the public
    for information or comment, or a question put."""
    if type_name != "REQUEST":
        return False
    if trigger.lemma_ == "need" and trigger.pos_ == "NOUN":
        return not need_of_party(trigger)  # "the need for Russia to", not "for vigilance"
    if trigger.lower_ in _DUTY:
        return True  # the modal itself: the parse hung no verb of duty under it
    if trigger.lemma_ not in _ASKING and _after_duty_word(trigger):
        # "Russia must withdraw", not "we must act", nor "should state governments"
        return not told_as_duty(trigger) or no_duty(trigger)
    if trigger.pos_ == "NOUN" and trigger.lemma_ == "request" and any(
            t.lemma_.lower() in _NOTICES for g in _for(trigger)
            for t in (g, *(c for c in g.children if c.dep_ == "poss"))):
        # "a request for information", "Treasury's request for public input", "the request
        # for information's publication"
        return True
    if trigger.pos_ == "NOUN" and trigger.lemma_ == "demand" and not any(
            c.dep_ == "poss" for c in trigger.children) and any(
            g.lemma_.lower() in _MARKET for g in _for(trigger)):
        return True  # "the demand for Treasury bills": a market's, not a party's
    if trigger.lemma_ == "ask" and any(c.dep_ == "dobj" and c.lemma_.lower() in _ASKED_PUBLIC
                                       for c in trigger.children):
        return True  # "Treasury asks commenters about digital identity": a notice's question
    if trigger.lemma_ == "call" and trigger.pos_ == "NOUN" and _held_on_a_day(trigger):
        return True  # "the leaders held a call on Tuesday": a phone call, nothing asked
    if trigger.lemma_ == "call" and any(g.lemma_.lower() in _NOTICES for c in trigger.children
                                        if c.dep_ == "prep" and c.lower_ == "for"
                                        for g in c.children if g.dep_ == "pobj"):
        return True  # "the order called for public input"
    if trigger.lemma_ == "press" and any(c.dep_ == "dobj" and c.lemma_ == "charge"
                                         for c in trigger.children):
        return True  # "pressed charges against X": a charge (ACCUSE), nothing asked
    if trigger.lemma_ == "request" and trigger.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _PAPERS for c in trigger.children):
        return True  # "I requested a copy of the report": papers fetched, nothing asked
    if trigger.lemma_ == "ask" and any(c.dep_ == "xcomp" and c.lemma_ == "pay" and any(
            t.lemma_ == "share" for t in c.subtree) for c in trigger.children):
        return True  # "asks the largest corporations to pay their fair share": a tax
    if trigger.lemma_ == "ask" and trigger.pos_ == "VERB":
        # "'Are you optimistic,' he asked": nobody asked to do or give anything, and a
        # question in the sentence
        return not any(c.dep_ in ("dobj", "dative") or
                       (c.dep_ == "prep" and c.lower_ == "for") or
                       (c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children))
                       for c in trigger.children) and any(t.lower_ == "?" for t in trigger.sent)
    return False


# Papers that ask in their own words: "an executive order calling on agencies to act".
_ORDERS = frozenset({"order", "memorandum", "proclamation"})


def told_in_paper(verb: Token, askers: frozenset[str], coded: bool) -> bool:
    """Give whether a participle of asking says what a paper or a party asks: "a
    resolution calling on Russia to withdraw", "the AU chair calling on all sides" (the
    noun it describes is a statement, a party word of `askers`, or names a coded party:
    `coded`); not "the people calling for help" (a description)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and (
        verb.head.lemma_.lower() in askers | _ORDERS or coded)


# Modals that lay a duty: "Russia must withdraw", "Congress should act".
_DUTY = frozenset({"must", "should"})
# Bodies asked with no code of another party: the speaker's own legislature ("Congress
# must pass the bill") and the world ("the international community must act").
_ASKED_BODIES = frozenset({"congress", "senate", "house", "lawmaker", "legislator",
                           "community"})


def told_as_duty(verb: Token) -> bool:
    """Give whether a verb is a duty laid on its subject: "Iran must release them"."""
    return verb.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in _DUTY
                                       for c in verb.children)


def _after_duty_word(verb: Token) -> bool:
    """Give whether "must" or "should" comes just before the verb (adverbs aside)."""
    i = verb.i - 1
    while i >= 0 and verb.doc[i].pos_ in ("ADV", "PART"):
        i -= 1
    return i >= 0 and verb.doc[i].lower_ in _DUTY


def _duty_bearer(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return subjects[0] if subjects else None


def no_duty(verb: Token) -> bool:
    """Give whether a duty asks nothing of another party: the speaker's own ("we must",
    "the United States should lead", "U.S. persons must comply", "the White House
    should"), or one with no subject of its own."""
    bearer = _duty_bearer(verb)
    if bearer is None:
        return True
    if any(c.dep_ == "aux" and c.lower_ in _DUTY and c.i < bearer.i for c in verb.children):
        return True  # a question or an inversion: "nor should states", "should Iran attack"
    return _own_side(bearer)


def duty_sides(verb: Token, actor: Found, target: Found, speaker: Found
               ) -> tuple[Found, Found]:
    """Give the asker and the asked of a duty laid on a party: the speaker (or the one
    who says it) asks the subject ("Russia must withdraw": Russia is asked)."""
    bearer = _duty_bearer(verb)
    if not told_as_duty(verb) or bearer is None:
        return actor, target
    return speaker, all_participants([phrase_tokens(bearer)])
