"""Force on real reporting: the ASSAULT, MOBILIZE and RETREAT cases the general event
rules miss or count twice (issue 10, docs/extraction/force.md).

- A war named by its owner is an event wherever it is mentioned: "Russia's invasion of
  Ukraine", "Putin's war", "Iran's attack on Israel", "the violence committed by the
  army", "hostages held by the group" (the annotation conventions' nominal-mention rule).
- A force verb taken for granted ("after deploying troops") or in a relative clause ("a
  militia that seized the valley") states an event; an attack's place is its target.

Attacks told by name, by "these" or by a call to stop them are
alerter/extract/force_told.py; counting one attack once is alerter/extract/force_fold.py;
force words that tell of something else (disasters, games, spaceflight, a withdrawal of
recognition) are alerter/extract/force_misread.py, and figurative ones
force_figurative.py.
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract import force_deeds, lexicon
from alerter.extract.force_told import HOSTAGE_NOUNS, ceased, listed_abuse, named
from alerter.extract.participants import mention_index, participants_in, phrase_tokens

HOSTAGE_VERBS = frozenset({"release", "free", "hold", "take", "seize", "keep", "return",
                           "exchange", "swap"})
# Nouns that are an ASSAULT only when a party owns them: "Russia's war against Ukraine"
# is one, "the war in Ukraine" and "the conflict" are not.
OWNED_ONLY = frozenset({"war", "aggression"})
# Verbs whose "by" agent is the doer of the event noun they describe: "violence
# committed by the army", "the war launched by Russia".
DOING_VERBS = frozenset({"commit", "perpetrate", "carry", "launch", "wage", "conduct",
                         "unleash", "inflict", "hold", "take", "order"})
# Verbs of courts and police: the act someone is tried for happened.
JUDICIAL_VERBS = frozenset({"charge", "indict", "convict", "sentence", "accuse", "acquit",
                            "try", "prosecute", "jail", "imprison", "arrest", "detain",
                            "suspect", "find", "extradite", "execute", "hang"})
# Verbs of taking part whose object act happened: "engaged in politically motivated
# detentions", "was involved in the killing of", "orchestrated the abduction of".
INVOLVED_VERBS = frozenset({"engage", "involve", "participate", "orchestrate",
                            "mastermind"})
ANYONE = frozenset({"anyone", "anybody", "whoever", "everyone", "those"})
# Verbs of sanctions whose "for" phrase gives the conduct: "designated for the seizure
# and demolition of land" (the README's designation reasons).
REASON_VERBS = frozenset({"designate", "sanction", "target", "blacklist"})
# Types whose verbs after "after", "since" or "following" state a fact: "after
# deploying 16,000 troops to Crimea".
PRESUPPOSED_TYPES = frozenset({"ASSAULT", "MOBILIZE", "RETREAT"})
# Fighting told by its outbreak or its length: "violence erupted", "days of fighting".
OUTBREAK_NOUNS = frozenset({"violence", "fighting", "clash"})
OUTBREAK_SPANS = frozenset({"day", "week", "night", "month", "hour", "wave", "outbreak"})
# Possessive pronouns that stand for a party named before them: "its attack".
OWNER_PRONOUNS = frozenset({"its", "their"})
# Named parties with no code an owner pronoun may stand for ("its" is never a person's,
# so a person there is a group misread: "Hizballah ... its attacks").
UNCODED_OWNERS = {"its": ("organisation", "person"), "their": ("organisation",)}
# Where a noun stands that "its" may stand for instead of the named party before it
_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"})
# Nouns whose owner owns the acts they gather: "its campaign of violence".
CAMPAIGNS = frozenset({"campaign", "wave", "series", "spree"})
# Nouns of deploying, which no charge or designation makes an event.
MOBILIZE_NOUNS = frozenset({"deployment", "mobilisation", "mobilization", "buildup", "up"})
# Types whose nouns a party owns stand alone: "Mexico's arrest of a cartel chief",
# "Russia's military build-up near the border".
# Coercion a person is held "under": "remains under house arrest".
HELD_UNDER = frozenset({"arrest", "detention"})
OWNED_TYPES = frozenset({"COERCE", "MOBILIZE"})
# Fights with named sides: an event wherever they are mentioned.
FIGHTS = frozenset({"clash", "fighting", "skirmish", "gunbattle", "firefight"})
# Attacks that come "from" a party: "unprecedented attacks from Iran", "bombardment from
# Russia" (its doer, as "by" is).
FROM_OWNED = frozenset({"attack", "strike", "airstrike", "bombardment", "shelling", "barrage",
                        "bombing", "aggression", "incursion", "assault"})
# "the war on drugs", "a war against poverty": no armed conflict
FIGURATIVE = frozenset({"drug", "terror", "terrorism", "poverty", "crime", "cancer",
                        "inflation", "want", "woman", "christmas", "talent", "idea",
                        "word", "price"})


def coded(tokens: list[Token]) -> bool:
    """Give whether the phrase names a party with a code (a country or an organisation)."""
    return any(code for _, _, code in participants_in(tokens))


def antecedent(pronoun: Token) -> list[tuple[str, str, str | None]]:
    """Give the party an "its" or "their" stands for: the nearest coded mention before it
    in its sentence ("hold Iran accountable for its attack" → Iran), or a named group with
    no code ("pressed Hezbollah to end its attacks"); none for others."""
    if pronoun.lower_ not in OWNER_PRONOUNS:
        return []
    start = pronoun.sent.start
    before = [(s, text, label) for s, e, text, label in mention_index(pronoun.doc)
              if start <= s and e <= pronoun.i and _may_own(label, pronoun)]
    if not before:
        return []
    first, text, label = max(before)
    named = pronoun.doc[first]
    if any(t.pos_ in ("NOUN", "PROPN") and t.dep_ in _PARTY_DEPS and
           not named.is_ancestor(t) and not t.is_ancestor(named) and t.i != first
           for t in pronoun.doc[first + 1:pronoun.i]):
        return []  # "Norway praised the charity for its work": its is the charity's
    code, kind = label.split("|")
    return [(text, kind, code or None)]


def _may_own(label: str, pronoun: Token) -> bool:
    """Give whether a mention may be what an owner pronoun stands for: a coded party, a
    named organisation, or for "its" a group the tagger took for a person."""
    code, kind = label.split("|")
    return bool(code) or kind in UNCODED_OWNERS.get(pronoun.lower_, ())


def _owners(noun: Token) -> list[Token]:
    """The words that may own an event noun: its own, and a campaign's it belongs to
    ("its campaign of violence")."""
    words = list(noun.children)
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
            noun.head.head.lemma_ in CAMPAIGNS:
        words += [c for c in noun.head.head.children if c.dep_ == "poss"]
    return words


def owner(noun: Token) -> Token | None:
    """Give the word that names who does an event noun: "Russia's invasion", "the
    violence committed by Myanmar's forces", "hostages held by Hamas", "its attack" when
    "its" stands for a named party."""
    for child in _owners(noun):
        if child.dep_ == "poss" and (coded(phrase_tokens(child)) or antecedent(child)
                                     or noun.lemma_ in HOSTAGE_NOUNS
                                     or (child.ent_type_ == "DATE"
                                         and noun.lemma_ not in OWNED_ONLY)):
            return child  # "Russia's invasion", "Tuesday's strikes"
        if child.dep_ == "prep" and child.lower_ in ("from", "by") and \
                noun.lemma_ in FROM_OWNED:
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                if coded(phrase_tokens(pobj)):
                    return pobj  # "attacks from Iran", "the attack on Israel by Iran"
        if child.dep_ == "acl" and child.lemma_ in DOING_VERBS:
            for agent in (c for c in child.children if c.dep_ == "agent"):
                for pobj in (g for g in agent.children if g.dep_ == "pobj"):
                    if coded(phrase_tokens(pobj)) or noun.lemma_ in HOSTAGE_NOUNS:
                        return pobj
    return None


def doer(noun: Token) -> list[tuple[str, str, str | None]]:
    """Give the participants that do what an event noun says, when a participle names
    them: "the violence committed by Sudan's army" (else none)."""
    found = owner(noun)
    if noun.pos_ != "NOUN" or found is None:
        return []
    if found.dep_ == "poss":
        return antecedent(found)  # "its attack": the party "its" stands for
    return participants_in(phrase_tokens(found))


def figurative(noun: Token) -> bool:
    """Give whether a war noun is a campaign against a thing: "the war on drugs"."""
    return noun.lemma_ in OWNED_ONLY and any(
        g.lemma_.lower() in FIGURATIVE for c in noun.children
        if c.dep_ == "prep" and c.lower_ in ("on", "against")
        for g in c.children if g.dep_ == "pobj")


def owned_act(noun: Token, governor: Token | None, role: str) -> bool:
    """Give whether an ASSAULT noun with no event-making governor is still an event: a
    party or a day owns it ("Russia's invasion of Ukraine", "Tuesday's missile strikes"),
    someone is tried for it ("charged with murder"), it did something ("the ransomware
    attack disrupted the bank"), or it is a hostage held, taken or released. Not when a
    verb looks ahead to it ("to deter Russia's aggression")."""
    if governor is not None and governor.lemma_ in lexicon.ANTICIPATING:
        return False
    if any(c.dep_ == "amod" and c.lower_ in lexicon.MODAL_ADJECTIVES
           and lexicon.MODAL_ADJECTIVES[c.lower_][0] == "hypothetical" for c in noun.children):
        return False
    if noun.lemma_ in HOSTAGE_NOUNS:
        return owner(noun) is not None or (
            governor is not None and governor.lemma_ in HOSTAGE_VERBS) or any(
            c.dep_ in ("relcl", "acl") and c.lemma_ in HOSTAGE_VERBS  # "the hostages it took"
            for c in noun.children) or (
            noun.head.lemma_ in HOSTAGE_VERBS and noun.dep_ in ("dobj", "oprd", "xcomp",
                                                                 "npadvmod", "attr", "advcl"))
    if figurative(noun):
        return False
    if noun.lemma_ in FIGHTS and any(c.dep_ == "prep" and c.lower_ in ("with", "between")
                                     for c in noun.children):
        return True  # "hurt in clashes with farmers", "fighting between two militias"
    if broke_out(noun):
        return True  # "after days of violence", "the fighting that erupted in May"
    if noun.lemma_ not in OWNED_ONLY:
        if governor is not None and role == "subject" and governor.tag_ == "VBD":
            return True  # "the ransomware attack disrupted a broker-dealer"
        if tried_for(noun) or named(noun) or ceased(noun) or force_deeds.done_deed(noun) \
                or force_deeds.dated(noun) or force_deeds.taken_as_given(noun):
            return True
    return owner(noun) is not None


def owned_coercion(noun: Token, governor: Token | None) -> bool:
    """Give whether a COERCE or MOBILIZE noun with no event-making governor is still an
    event: a party or a day owns it ("welcomed Mexico's arrest of a cartel chief", "Russia's
    blockade of the ports", "discussed Russia's military build-up"). Not when a verb looks
    ahead to it ("to prevent Iran's seizure of ships"). A person held "under arrest" or
    "under house arrest" is one too."""
    if governor is not None and governor.lemma_ in lexicon.ANTICIPATING:
        return False
    if noun.pos_ == "NOUN" and noun.lemma_ in HELD_UNDER and noun.dep_ == "pobj" and \
            noun.head.lower_ == "under" and noun.head.head.pos_ in ("VERB", "AUX", "NOUN",
                                                                    "PROPN", "PRON"):
        return True  # "is under house arrest", "two leaders under arrest since May"
    return noun.pos_ == "NOUN" and (owner(noun) is not None or (
        noun.lemma_ not in MOBILIZE_NOUNS and (tried_for(noun) or force_deeds.done_deed(noun))))


def broke_out(noun: Token) -> bool:
    """Give whether fighting is told by its outbreak or its length: "violence erupted",
    "the clashes that broke out", "after 19 days of fighting", "a new wave of violence";
    not "gun violence continues" (a scourge, no event)."""
    if noun.lemma_ not in OUTBREAK_NOUNS:
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
            noun.head.head.lemma_ in OUTBREAK_SPANS:
        return True
    verbs = [c for c in noun.children if c.dep_ == "relcl"]
    if noun.dep_ == "nsubj":
        verbs.append(noun.head)
    return any(v.lemma_ in ("erupt", "flare") or (v.lemma_ == "break" and any(
        c.dep_ == "prt" and c.lower_ == "out" for c in v.children)) for v in verbs)


def tried_for(noun: Token) -> bool:
    """Give whether someone is charged, tried, sentenced or sanctioned for the act the noun
    names: "charged with murder", "sentenced for the 2011 beating of", "indicted for
    charges including murder", "designated for the seizure of land" (the act is alleged,
    proven or found; it happened), or someone took part in it ("engaged in detentions",
    "involved in the killing of migrants")."""
    verb = _trial_verb(noun)
    if verb is not None and verb.dep_ == "conj" and verb.head.lemma_ in INVOLVED_VERBS:
        verb = verb.head  # "were involved in or facilitated the killing of"
    if verb is not None and verb.lemma_ in INVOLVED_VERBS:
        return noun.lemma_ != "violence" and _done(verb)
    return listed_abuse(noun) or (
        verb is not None and verb.lemma_ in JUDICIAL_VERBS | REASON_VERBS)


def _done(verb: Token) -> bool:
    """Give whether a verb tells of something done: past ("engaged", "has engaged", "was
    involved"), not a rule or a habit ("must not engage", "are involved", "engaging")."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ not in ("VBD", "VBN") or any(c.dep_ == "neg" for c in verb.children):
        return False
    if verb.dep_ == "relcl" and verb.head.lower_ in ANYONE:
        return False  # "anyone who has been involved in an attack": nobody yet
    return (verb.tag_ == "VBD" and not auxes) or (
        bool(auxes & {"has", "have", "had", "was", "were"})
        and not auxes & (lexicon.PLANNED_AUX | lexicon.HYPOTHETICAL_AUX))


def designation_reason(noun: Token) -> bool:
    """Give whether the noun is the conduct a designation names ("designated for the
    seizure of land"): its doer is the designee, never the designating government."""
    verb = _trial_verb(noun)
    return noun.pos_ == "NOUN" and verb is not None and verb.lemma_ in REASON_VERBS


def _trial_verb(noun: Token) -> Token | None:
    """Give the verb a noun's phrase hangs from through prepositions and lists."""
    token = noun
    for _ in range(6):  # "indicted for charges including racketeering and murder"
        if token.dep_ not in ("pobj", "prep", "conj", "appos", "pcomp", "dobj") or \
                token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "prep":  # not "including"
            return token
    return None


def unowned_war(noun: Token) -> bool:
    """Give whether the noun is a war or aggression nobody is named as waging: "the war in
    Ukraine", "the war on drugs" (no event)."""
    return noun.lemma_ in OWNED_ONLY and (figurative(noun) or owner(noun) is None)


def stated(verb: Token, type_name: str) -> bool:
    """Give whether a force verb that only seems to describe a noun states an event:
    "after deploying 16,000 troops" (a fact the clause takes for granted), "a rebel
    group that seized swathes of the country", "missiles that struck a port"; not "the
    idea that struck us"."""
    if type_name not in PRESUPPOSED_TYPES:
        return False
    if verb.dep_ == "pcomp":
        return verb.head.lower_ in lexicon.PRESUPPOSING_PREPS
    return verb.dep_ == "relcl" and type_name == "ASSAULT" and verb.tag_ in ("VBD", "VBN") \
        and not any(c.dep_ == "dobj" and c.lower_ in ("me", "us", "you") for c in verb.children)
