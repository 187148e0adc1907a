"""PROTEST on real reporting: the reading its taxonomy entries need beyond the general
one in events.py.

- a protest noun that says it took place stands alone, with no governing verb: protests
  that began or broke out ("the protests that began in September"), that started,
  spread or turned violent, that something caused or sparked ("causing worldwide
  protests", "resulted in a wave of protests"), protests from or by a group, days or a
  wave of protests, mass or nationwide protests, and a protest's own camp or movement
  ("as a protest camp was removed");
- people protesting are a protest only while they do it: "protesters demanding the
  president's resignation", not "detained protesters" or "protesters were killed";
- a prison riot is no public protest, nor a government's boycott (a refusal);
- protesters get the country where they protest, and protest against its government
  unless the sentence names another ("against the U.S. declaration").

Read from the dependency parse; used by the events component.
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract.participants import Found, participants_in

# people protesting: a protest only with a participle of what they do
PEOPLE = frozenset({"protester", "protestor", "demonstrator", "rioter"})
# verbs whose subject protest took place: "the riots started", "protests spread"
_HAPPENING = frozenset({"start", "begin", "erupt", "break", "continue", "spread", "turn",
                        "escalate", "resume", "rage", "intensify", "grow", "follow", "spill",
                        "sweep", "rock", "paralyse", "paralyze", "enter", "take", "come",
                        "end", "subside", "draw", "mark", "lead", "leave"})
# verbs whose object protest they brought about: "causing protests", "sparked riots"
_CAUSING = frozenset({"cause", "spark", "trigger", "prompt", "provoke", "ignite", "fuel",
                      "result", "lead", "unleash", "face", "draw", "stage", "hold", "organise",
                      "organize", "join", "disperse"})
# nouns counting protests: "a wave of protests", "days of rioting"
_COUNTING = frozenset({"wave", "day", "week", "weekend", "month", "night", "series",
                       "spate", "round", "string", "outbreak", "season", "year"})
# words that size a protest: "mass protests", "nationwide demonstrations"
_SIZING = frozenset({"mass", "nationwide", "worldwide", "widespread", "massive", "violent",
                     "large", "huge", "street", "ongoing", "angry", "weeks-long",
                     "countrywide", "sporadic", "deadly"})
# a protest's own things: "a protest camp", "the protest movement"
_OWN_THINGS = frozenset({"camp", "encampment", "movement", "march", "site", "leader",
                         "organiser", "organizer"})
# what people protesting do as a clause's subject: "demonstrators clashed with police"
# (not "protesters were detained": a passive subject is no nsubj)
_ACTING = frozenset({"clash", "march", "gather", "chant", "block", "storm", "demand", "occupy",
                     "throw", "burn", "converge", "fill", "surround", "stage", "hold", "rally",
                     "protest", "set", "blockade", "shout", "take", "try", "attempt", "call"})
# what is done to a crowd protesting: "used tear gas to disperse protesters"
_DISPERSING = frozenset({"disperse", "scatter", "tear-gas", "teargas", "kettle"})
# what the participle of people protesting says they do
_DOING = frozenset({"VBG"})
_WHERE = frozenset({"in", "at", "across", "throughout", "along", "on"})
_PRISON = frozenset({"prison", "jail", "inmate", "prisoner", "penitentiary"})
# who marches without protesting: "troops marched across the border"
_SOLDIERS = frozenset({"troop", "soldier", "army", "force", "column", "tank", "battalion",
                       "brigade", "unit", "militant", "fighter", "rebel"})
# rallying behind a cause or a people is support: "the world rallied behind Ukraine"
_BEHIND = frozenset({"behind", "around", "to", "for"})
# who may fill a demonstration: "a demonstration of thousands of workers"
_CROWD = frozenset({"thousand", "hundred", "dozen", "people", "worker", "student", "supporter",
                    "protester", "citizen", "resident", "farmer", "woman", "man", "member"})


def not_protest(trigger: Token) -> bool:
    """Give whether a protest word tells of support or showing, not a public protest:
    "the world rallied together behind Ukraine", "rallying around the Ukrainian people",
    "a tangible demonstration of American leadership"; not "thousands rallied in the
    square", "a demonstration of thousands of nurses"."""
    word = trigger.lemma_.lower()
    if word == "demonstrate" and trigger.dep_ == "relcl" and not any(
            c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in trigger.children):
        return True  # "the strength the industry demonstrated in 2015": what was shown
    if word == "march" and trigger.pos_ == "VERB" and any(
            t.lemma_.lower() in _SOLDIERS for c in trigger.children if c.dep_ == "nsubj"
            for t in c.subtree):
        return True  # "Russian troops marched across the border": an invasion
    if word == "rally" and trigger.pos_ == "VERB":
        return any(c.dep_ == "prep" and c.lower_ in _BEHIND for c in trigger.children)
    if word == "demonstration" and trigger.text[0].isupper() and trigger.i > trigger.sent.start:
        return True  # "the Summer EBT Demonstrations": a programme's name
    if word == "demonstration" and trigger.pos_ == "NOUN":
        shown = [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"]
        return bool(shown) and not any(g.lemma_.lower() in _CROWD or g.like_num
                                       for g in shown)
    return False


def alone(noun: Token, attached: bool) -> bool:
    """Give whether a protest noun is an event with no governing verb; `attached` says
    the general reading found a party or place it concerns."""
    if noun.lemma_.lower() in PEOPLE:
        subject = noun
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
                noun.head.head.dep_ == "nsubj":
            subject = noun.head.head  # "hundreds of demonstrators clashed with police"
        return any(c.dep_ == "acl" and c.tag_ in _DOING for c in noun.children) or (
            subject.dep_ == "nsubj" and subject.head.lemma_.lower() in _ACTING) or (
            noun.dep_ == "dobj" and noun.head.lemma_.lower() in _DISPERSING)
    if _in_prison(noun):
        return False  # "a riot at the prison": inmates, not the public
    return attached or happening(noun)


def happening(noun: Token) -> bool:
    """Give whether a protest noun's own words say it took place."""
    if noun.dep_ == "compound":
        return noun.head.lemma_.lower() in _OWN_THINGS
    children = list(noun.children)
    if any((c.dep_ == "relcl" or (c.dep_ == "acl" and c.tag_ in _DOING)) and c.pos_ == "VERB"
           for c in children):
        return True  # "the protests that began in 2022", "demonstrations calling for"
    if any(c.dep_ == "prep" and c.lower_ == "from" for c in children):
        return True  # "protests from animal rights activists"
    if any(c.dep_ == "amod" and (c.lower_ in _SIZING or c.lower_ in ("anti", "pro")
                                  or c.lower_.startswith(("anti-", "pro-")))
           for c in children):  # "mass protests", "an anti-government rally"
        return True
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and \
            head.head.lemma_.lower() in _COUNTING:
        return True  # "days of protests"
    verb = head.head if noun.dep_ == "pobj" and head.head.pos_ == "VERB" else head
    if noun.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ in _HAPPENING:
        return True  # "the riots started"
    return verb.pos_ == "VERB" and verb.lemma_ in _CAUSING and \
        (noun.dep_ in ("dobj", "obj") or noun.dep_ == "pobj")


def _in_prison(noun: Token) -> bool:
    return any(t.lemma_.lower() in _PRISON for t in noun.subtree)


def by_state(trigger: Token, actor: Found) -> bool:
    """Give whether a boycott is a government's ("an Indian-led boycott of the summit",
    "China boycotts the talks"): a refusal, not a public protest. People named by their
    nationality ("Palestinians boycott the vote") still protest."""
    return trigger.lemma_.lower() == "boycott" and any(
        code and not text.lower().endswith("s") for text, _, code in actor)


def sides(noun: Token, actor: Found, target: Found) -> tuple[Found, Found]:
    """Give a protest's actor and target: the country where it happens, and its
    government unless another is named."""
    if not _coded(actor):
        place = _coded(participants_in(_place_tokens(noun)))
        actor = place[:1] or actor
    if _coded(actor) and not _coded(target):
        target = _coded(actor)  # "an anti-government protest in Bangkok": Thailand's
    return actor, target


def _place_tokens(noun: Token) -> list[Token]:
    """The words saying where the protest is: the phrases after 'in', 'at' or 'across'
    on the noun or its verb, and the subject protesting ("French unions strike")."""
    heads = [noun]
    while heads[-1].pos_ != "VERB" and heads[-1].dep_ in ("pobj", "dobj", "prep") and \
            len(heads) < 4:
        heads.append(heads[-1].head)  # "unions implement a strike in protest of reforms"
    if noun.pos_ == "VERB" and noun.head.pos_ == "VERB":
        heads.append(noun.head)
    tokens: list[Token] = []
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in _WHERE:
                tokens += list(c.subtree)
            if c.dep_ in ("nsubj", "amod", "compound") and c.i != noun.i:
                tokens += list(c.subtree)
    return tokens


def _coded(mentioned: Found) -> Found:
    """Give the participants with a code, each once."""
    found: Found = []
    for p in mentioned:
        if p[2] and p not in found:
            found.append(p)
    return found

