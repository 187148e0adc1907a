"""Talks told in passing (CONSULT), beyond the taxonomy's triggers: a discussion the
speaker only points back to is no meeting of its own: "as we discussed at the summit",
"as we have discussed before", "an issue we discussed at length last year" (a readout's
"we discussed the crisis in Sudan" still is one); and "spoke" with no one after "with"
is a call only when two sides are its subject ("X and Y spoke by telephone", "the two
leaders spoke"), not a speech ("the President spoke at the rally"), nor a talk with
reporters or an audience ("spoke with reporters after the hearing").

A readout's frame is a meeting told: "During the meeting, the two leaders underscored
...", "On the call, President X thanked Prime Minister Y" (the clause's subject is a
leader, a side or a coded party; not "During the meeting, participants discussed ...").

A named meeting that only sets the time or place of some other act is no meeting told:
"programmes launched at the U.S.-Africa Leaders Summit", "set up the committee during the
Leaders' Summit", "at the opening ceremony of the Summit of the Americas, the President
announced"; but "came together at the G20 summit", "will participate in the EU Summit",
"following their meeting" (a verb of meeting, or the meeting of the clause's own sides).
"The President talked about the need to act", with no one talked with, is a speech. A
summit ahead is a time only: "spoke with the Premier ahead of the G20 Summit".

Read from the dependency parse; used by the events component through
`diplomacy.misread` and `diplomacy.meeting_alone`.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

from alerter.extract.participants import participants_in, phrase_tokens

# Words of talking a speaker points back to
_TALKING = frozenset({"discuss", "talk", "mention", "say"})


def misread(trigger: Token) -> bool:
    """Give whether a word of talking is no meeting between parties (above)."""
    return recalled(trigger) or lone_speech(trigger) or setting(trigger) or lone_talk(trigger)


def lone_talk(trigger: Token) -> bool:
    """Give whether "talked" has one speaker and no one talked with: "the President talked
    about the need to clean up the river" (a speech); but "the two leaders talked about",
    "they talked", "talked with Kyiv"."""
    if trigger.lemma_ != "talk" or trigger.pos_ != "VERB" or any(
            c.dep_ == "prep" and c.lower_ in ("with", "to") for c in trigger.children):
        return False
    if any(t.dep_ == "prep" and t.lower_ == "with" and any(
            g.dep_ == "pobj" and _named_partner(g) for g in t.children) for t in trigger.subtree):
        return False  # "talked about the war with Chancellor Scholz", the parse aside
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    return len(subjects) == 1 and not subjects[0].conjuncts and (
        subjects[0].lower_ in ("he", "she", "i") or subjects[0].tag_ in ("NN", "NNP")) and \
        not any(c.lower_ in ("two", "both") for c in subjects[0].children)


# Meeting nouns whose proper name may set a scene: "the G7 Summit", "the Ministers' Meeting"
_NAMED_MEETINGS = frozenset({"summit", "meeting", "meetings", "conference", "forum",
                             "ministerial"})
# Prepositions of a scene: "at the summit", "during the Leaders' Meeting"
_SCENE_PREPS = frozenset({"at", "during", "through", "for"})
# Nouns of a moment of a meeting: "the opening ceremony of", "on the margins of"
_MOMENTS = frozenset({"ceremony", "margin", "margins", "sideline", "sidelines", "opening",
                      "close", "end", "start", "session"})
# Words of a time before a meeting: "ahead of the NATO Summit", "in advance of", "on the eve of"
_BEFORE = frozenset({"ahead", "advance", "eve"})
# Verbs of going to, holding or taking part in a meeting: the scene is then the meeting
_GATHERING = frozenset({"meet", "gather", "convene", "come", "participate", "attend", "join",
                        "take", "travel", "arrive", "go", "head", "return", "depart", "leave",
                        "visit", "host", "hold", "open", "address", "speak", "discuss", "talk",
                        "confer", "represent", "lead", "chair", "be", "assemble", "begin",
                        "start", "end", "conclude", "sit", "engage", "negotiate", "welcome",
                        "fly", "stop", "accompany", "bring", "invite", "agree", "say"})


def setting(trigger: Token) -> bool:
    """Give whether a named meeting only sets the scene of another act (above)."""
    if trigger.lower_ not in _NAMED_MEETINGS or not trigger.text[0].isupper() or \
            trigger.dep_ != "pobj":
        return False
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in trigger.children):
        return False  # "following their meeting"
    prep = trigger.head
    if prep.lower_ == "of" and prep.head.lower_ in _BEFORE:
        return True  # "spoke with the Premier ahead of the G20 Summit": a time, not a scene
    if prep.lower_ == "of" and prep.head.lower_ in _MOMENTS:
        prep = prep.head.head if prep.head.dep_ == "pobj" else prep.head
    elif prep.lower_ not in _SCENE_PREPS:
        return False
    verb = prep.head
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() not in _GATHERING and \
        not _now_or_ahead(verb)


def _now_or_ahead(verb: Token) -> bool:
    """Give whether a clause is told as today's or a coming act: "Today at the Summit, the
    President reaffirmed", "will outline priorities during the Summit", "are working at
    the Summit"; its meeting is then the news (but "launched at the 2021 Summit")."""
    if verb.tag_ in ("VBZ", "VBP", "VBG", "VB") or any(
            c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return True
    words = [t.lower_ for t in verb.sent]
    return "today" in words or "tonight" in words or any(
        a == "this" and b == "week" for a, b in pairwise(words))


def lone_speech(trigger: Token) -> bool:
    """Give whether "speak" with no one after "with" has one speaker: a speech."""
    if trigger.lemma_ != "speak" or trigger.pos_ != "VERB":
        return False
    withs = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("with", "by")]
    if withs:  # "spoke with Chancellor X", "spoke by phone with", not "spoke with reporters"
        partners = [g for c in withs if c.lower_ == "with" for g in c.children
                    if g.dep_ == "pobj"]
        return bool(partners) and not any(_named_partner(g) for g in partners)
    addressed = [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "to"
                 for g in c.children if g.dep_ == "pobj"]
    if any(_named_partner(g, places=False) for g in addressed):
        return False  # "spoke to President X", not "spoke to the nation" nor "to Congress"
    if any(t.lower_ in ("with", "by") for t in trigger.doc[trigger.i + 1: trigger.i + 8]):
        return False  # "spoke today with Prime Minister X to ...", the parse aside
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    if not subjects:
        return True
    subject = subjects[0]
    return not (any(c.dep_ == "conj" for c in subject.children) or
                subject.lower_ in ("two", "both") or subject.tag_ in ("NNS", "NNPS") or
                any(c.lower_ in ("two", "both") for c in subject.children))


# Titles of those a readout's "spoke with" names: "spoke with his counterpart"
_TITLES = frozenset({"president", "minister", "counterpart", "chancellor", "premier", "king",
                     "queen", "emir", "prince", "leader", "envoy", "ambassador", "secretary",
                     "governor", "mayor", "senator", "speaker", "taoiseach", "advisor",
                     "adviser", "chief", "head", "director", "commissioner", "representative"})


def _named_partner(noun: Token, places: bool = True) -> bool:
    """Give whether the one spoken with is a party or an office holder: a coded name (with
    `places`), a person's name or a title ("his counterpart", "Prime Minister X")."""
    words = phrase_tokens(noun)
    return (places and bool(participants_in(words))) or noun.ent_type_ == "PERSON" or any(
        t.lemma_.lower() in _TITLES for t in words)


def recalled(trigger: Token) -> bool:
    """Give whether a verb of talking only points back to an earlier discussion: "as we
    discussed", or a relative clause on an issue or topic ("an issue we discussed")."""
    if trigger.lemma_ not in _TALKING or trigger.pos_ != "VERB":
        return False
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in trigger.children):
        return True  # "as we discussed at the G20 summit"
    return trigger.dep_ == "relcl" and trigger.head.lemma_.lower() in (
        "issue", "topic", "subject", "point", "question", "matter", "theme")


# Meeting nouns a readout frames its sentences with
_FRAMES = frozenset({"meeting", "call", "talk", "talks", "discussion", "conversation", "visit"})
# Subjects that speak for a side: "the two leaders", "the sides", "President X"
_SIDES = frozenset({"leader", "president", "minister", "side", "two", "both", "secretary",
                    "advisor", "adviser", "chancellor", "premier", "king", "emir", "prince",
                    "counterpart", "delegation", "ambassador", "envoy", "taoiseach"})


def readout_frame(noun: Token) -> bool:
    """Give whether a meeting noun frames a readout's sentence: "During the meeting, the
    two sides underscored ...", "On the call, President X thanked ..."."""
    if noun.lemma_.lower() not in _FRAMES or noun.pos_ != "NOUN" or noun.dep_ != "pobj" or \
            noun.head.lower_ not in ("during", "in", "on", "at"):
        return False
    if not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "their", "our", "this")
               for c in noun.children):
        return False
    verb = noun.head.head
    if verb.dep_ != "ROOT" or verb.pos_ != "VERB" or noun.head.i > verb.i:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    words = phrase_tokens(subjects[0])
    return any(t.lemma_.lower() in _SIDES for t in words) or any(
        p[2] for p in participants_in(words))
