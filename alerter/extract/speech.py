"""Statements, charges and threats (ACCUSE, REJECT, THREATEN): the reading their
taxonomy entries need beyond the general one in events.py.

- clauses that still state the event: a threat through a noun of resolve ("efforts to
  hold Iran accountable"), a charge in a relative or participle clause ("four men who
  face charges", "an indictment charging a hacker with extortion");
- who accuses whom: condemning an act accuses its doer, evaluative wording has the
  speaker accuse the doer ("Russia uses gas as a weapon");
- refusals and accusations held by a named party ("in light of Russia's veto");
- (no charge from "charge" in the sense of a task or a price: charges.py);
- no threat from a measure, policy or crisis, or a thing a party owns ("Iran's missile
  programmes threaten the region"), nor from a cost-imposing campaign recalled ("we have
  worked to impose costs on X"); no refusal that nobody makes.

Read from the dependency parse; used by the events component.
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract import asks, lexicon, refusals
from alerter.extract.clauses import subject_of
from alerter.extract.participants import Found, all_participants, phrase_tokens

_DOER_DEPS = ("poss", "compound", "amod", "nmod")


def _coded(tokens: list[Token]) -> Found:
    """Give the participants with a code among the tokens, each once."""
    return all_participants([tokens], coded_only=True)


# Nouns of resolve whose infinitive states what the speaker means to do: "our efforts to
# hold Russia accountable" is the threat itself, not a description of something else.
RESOLVE_NOUNS = frozenset({"effort", "commitment", "determination", "resolve", "work",
                           "readiness", "pledge", "vow", "promise", "push", "campaign",
                           "intent", "intention", "dedication",
                           # "preparations to impose severe costs on Russia", "ongoing
                           # actions to hold President X accountable"
                           "preparation", "action", "step", "option"})
# Nouns of need whose "of" gerund states resolve: "stressed the importance of imposing
# severe costs on Russia".
_NEED_NOUNS = frozenset({"importance", "need", "necessity"})
# Legal verbs that state a charge even in a relative clause: "a man who was convicted of
# fraud", "four men who face charges".
LEGAL_VERBS = frozenset({"charge", "indict", "convict", "prosecute", "sue", "face", "plead",
                         "find", "acquit", "stand"})
# Verbs of a stance taken against a party or an act, which a gerund still states: "united
# in condemning the attacks", "partners condemning the invasion".
CONDEMNING = frozenset({"condemn", "denounce", "decry", "deplore", "censure", "criticize",
                        "criticise", "rebuke"})
# Texts that condemn: "a resolution condemning the annexation".
STATEMENTS = frozenset({"resolution", "statement", "declaration", "communique", "letter",
                        "motion", "partner", "nation"})
# Court papers whose participle clause states the charge: "an indictment charging X with".
LEGAL_PAPERS = frozenset({"indictment", "complaint", "lawsuit", "suit", "information",
                          "affidavit", "warrant", "filing"})

# What a government does or decides, as the subject of "threatens": "this ruling threatens
# the rights of millions" charges its makers (ACCUSE, in the taxonomy), it threatens no one.
# Conditions and crises threaten no one either: "the conflict threatens the stability of X".
POLICIES = frozenset({"ruling", "policy", "program", "programme", "conduct", "behavior",
                      "behaviour", "activity", "practice", "agenda", "move", "aggression",
                      "conflict", "war", "crisis", "situation", "violence", "instability",
                      "change", "pandemic", "development", "trend", "coercion"})


def own_clause(verb: Token, type_name: str, speech_act: bool) -> bool:
    """Give whether a verb trigger in a describing clause still states its event."""
    if verb.dep_ == "acl" and verb.tag_ == "VB" and speech_act:
        return verb.head.lemma_ in RESOLVE_NOUNS | _NEED_NOUNS  # "the need to keep up ..."
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and speech_act:
        # "their dedication to holding Russia accountable"; "will support Iraq in holding
        # Iran accountable", "united in keeping up the pressure on X"
        return (verb.head.lower_ == "to" and verb.head.head.lemma_ in RESOLVE_NOUNS) or \
            verb.head.lower_ in ("in", "by") or (
                verb.head.lower_ == "of" and verb.head.head.lemma_ in _NEED_NOUNS)
    if type_name == "REQUEST":  # "a resolution calling on Russia to withdraw"
        return asks.told_in_paper(verb, PARTY_NOUNS | STATEMENTS, bool(_coded(
            phrase_tokens(verb.head))))
    if type_name != "ACCUSE":
        return False
    if verb.dep_ == "relcl":
        return verb.lemma_ in LEGAL_VERBS
    if verb.tag_ == "VBG" and verb.lemma_ in CONDEMNING:
        # "united in condemning the attacks", "joined 40 nations in condemning X",
        # "partners condemning Russia's invasion", "a resolution condemning the annexation"
        return (verb.dep_ == "pcomp" and verb.head.lower_ == "in") or (
            verb.dep_ == "acl" and (verb.head.lemma_.lower() in PARTY_NOUNS | STATEMENTS or
                                    bool(_coded(phrase_tokens(verb.head)))))
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_ in LEGAL_PAPERS


def _own_subject(verb: Token) -> Token | None:
    """Give the subject of the verb's own clause: "the war has displaced millions and
    threatens ..." (the war), "acts that threaten the peace" (the acts); not the subject
    of a clause above it ("the statement renewed the commitment to hold X responsible")."""
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return verb.head if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else child
    # "acts that directly threaten ..." with "that" read as a marker: the gap is the subject
    return verb.head if verb.dep_ == "relcl" else None


# Common nouns that name a party able to threaten: "officials warned", "the regime
# threatened to retaliate" (but "these attacks threatened lives", "its missile programmes
# threaten regional security", "defaults could threaten stability": things, no threat).
PARTY_NOUNS = frozenset({"government", "regime", "leadership", "leader", "official", "force",
                         "military", "army", "navy", "troop", "minister", "ministry",
                         "president", "administration", "authority", "junta", "state",
                         "country", "nation", "militant", "rebel", "group", "militia",
                         "terrorist", "spokesperson", "spokesman", "spokeswoman", "kremlin",
                         "commander", "general", "ambassador", "diplomat", "envoy", "member",
                         "we", "ally", "partner", "coalition", "side", "party", "man", "woman",
                         "gang", "cartel", "hacker", "actor", "individual", "person",
                         "secretary", "chancellor", "chairman", "king", "prince"})
_THREAT_VERBS = frozenset({"threaten", "warn"})


def effect_of_measure(trigger: Token) -> bool:
    """Give whether a threat's subject is a measure, a policy or a condition, not a party:
    "the order signed today escalates pressure on X" (what it does), "this ruling
    threatens our rights" (a charge against it), "acts that threaten the peace of X" (a
    designation's criteria), "Iran's missile programmes threaten the region" (a thing
    owned by a party, not the party): no threat."""
    subject = _own_subject(trigger)
    if subject is None:
        return False
    if trigger.lemma_ in _THREAT_VERBS and trigger.pos_ == "VERB" and \
            subject.pos_ == "NOUN" and subject.lemma_.lower() not in PARTY_NOUNS:
        return True
    return subject.lemma_.lower() in lexicon.INSTRUMENTS or subject.lemma_.lower() in POLICIES


# Verbs of a cost-imposing threat ("will keep imposing costs on Russia"), which a
# perfect above it turns into a campaign recalled: "we have worked with partners to
# impose costs on Russia", "Germany has been a partner in the effort to impose costs".
_COST_VERBS = frozenset({"impose", "inflict", "raise", "increase"})
_MEASURES = frozenset({"control", "tariff", "restriction", "embargo", "ban", "sanction"})
_CLIMB = ("xcomp", "advcl", "acl", "relcl", "pcomp", "pobj", "prep", "conj", "dobj", "attr")


def campaign_recalled(trigger: Token) -> bool:
    """Give whether a cost-imposing verb is past or sits under a perfect (a campaign summed
    up) or says what a measure is for ("these tariffs are calibrated to impose costs on X"): no
    threat made now."""
    if trigger.lemma_ not in _COST_VERBS:
        return False
    if trigger.tag_ == "VBD":
        return True  # "Washington imposed heavy costs on Moscow": done, not threatened
    token = trigger
    while True:
        if any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ != "VB"
               for c in token.children):
            return True
        if token.dep_ == "acl" and token.tag_ == "VBN":
            return True  # "steps taken with partners to impose costs on X": done
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:  # a clause with its own subject speaks for itself
            return subjects[0].lemma_.lower() in lexicon.INSTRUMENTS | POLICIES | _MEASURES
        if token.dep_ not in _CLIMB or token.head.i == token.i:
            return False
        token = token.head


_OBLIGING = frozenset({"must", "should", "ought"})


def nobody_refuses(trigger: Token, type_name: str) -> bool:
    """Give whether a refusal verb states no refusal: nobody refuses (a condition in a
    list: "persons who take steps to restore order, refuse to take part in abuses, ..."),
    or it is only urged ("banks must reject such payments", "we must come together and
    reject hatred")."""
    if type_name != "REJECT" or trigger.pos_ != "VERB":
        return False
    verb = trigger
    # a conjunct with a subject of its own is a clause of its own: "talks must cover
    # revenue, but the party has refused to discuss it"
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
    if any(c.dep_ == "aux" and c.lower_ in _OBLIGING for c in verb.children):
        return True
    # "by refusing to raise the limit": the one who does what "by" tells of refuses
    if trigger.dep_ == "pcomp" and trigger.head.lower_ in ("by", "in") and \
            trigger.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(trigger.head.head) is None
    # "his intent to veto the bill": the noun's owner refuses
    return trigger.dep_ != "acl" and subject_of(trigger) is None


def _doers(act: Token) -> Found:
    """Give who did the act a noun names: "Iran's attack", "the violence committed by
    Myanmar's forces", "the attack on Israel by Iran"."""
    if act.lower_ in ("all", "some", "each", "any"):
        # "condemn all of Russia's acts": the acts are the "of" part
        act = next((g for c in act.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"), act)
    acts = [act, *act.conjuncts]  # "the detention and continued prosecution by Turkey"
    phrases = [phrase_tokens(c) for a in acts for c in a.children if c.dep_ in _DOER_DEPS]
    phrases += [phrase_tokens(g) for holder in [*acts, *(c for a in acts for c in a.children
                                                         if c.dep_ == "acl")]
                for c in holder.children if c.dep_ == "agent" or (c.dep_ == "prep"
                                                                   and c.lower_ == "by")
                for g in c.children if g.dep_ == "pobj"]
    return all_participants(phrases, coded_only=True)


# Words through which the speaker charges the one who does something, not the one who
# says it: "Russia uses gas as a weapon", "Moscow's weaponization of food", "Iran's
# attack is unacceptable", "this ruling threatens our rights".
EVALUATIVE = frozenset({"use", "weaponize", "weaponise", "weaponization", "weaponisation",
                        "be", "threaten", "endanger", "jeopardize", "jeopardise"})


def accused(trigger: Token, actor: Found, target: Found, speaker: Found
            ) -> tuple[Found, Found]:
    """Give the accuser and the accused of an ACCUSE event.

    The speaker accuses the doer named by an evaluative word ("Russia uses gas as a
    weapon"); a participle's noun is the one charged ("a Guatemalan congressman accused
    of ordering an attack"); condemning an act accuses its doer ("condemned Iran's
    missile attack on Israel": Iran, not Israel). Otherwise `actor` and `target` stand.
    """
    if trigger.lemma_ in EVALUATIVE:
        # "Russia continues to use gas as a weapon": Russia; "Iran's attack is
        # unacceptable", "the detention of X by Turkish officials is unacceptable": the
        # doer of the act the subject names
        subject = subject_of(trigger) if trigger.pos_ in ("VERB", "AUX") else trigger
        doers: Found = []
        if subject is not None:
            # the doer, not the victim: "the targeting of US citizens by Russia": Russia
            doers = _doers(subject) or (
                _coded(phrase_tokens(subject)) if subject.i != trigger.i else [])
        return speaker, doers or [p for p in target if p not in speaker]
    if trigger.pos_ != "VERB":
        return actor, target
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        found = _coded(phrase_tokens(trigger.head))
        if found:
            return actor, found
    if not actor and trigger.tag_ == "VBG" and trigger.lemma_ in CONDEMNING:
        # "the United States remains unwavering in condemning X", "partners condemning X"
        holder: Token | None = trigger.head if trigger.dep_ == "acl" else None
        if trigger.dep_ == "pcomp":
            verb = trigger.head.head  # "remains unwavering in": the verb above the adjective
            while verb.head.i != verb.i and not any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                verb = verb.head
            holder = subject_of(verb)
        actor = _coded(phrase_tokens(holder)) if holder is not None else actor
    for obj in (c for c in trigger.children if c.dep_ in ("dobj", "obj")):
        found = _doers(obj)
        if found:
            return actor, found
    return actor, target


# Types whose nouns, held by a named party, are events wherever they stand: "in light of
# Russia's veto", "regrets China's refusal to attend".
OWNED_TYPES = frozenset({"REJECT", "ACCUSE"})


def owned(noun: Token, type_name: str) -> bool:
    """Give whether a refusal or accusation noun belongs to a named party (a coded
    possessive or adjective): "Russia's recent veto", "the Chinese refusal"; a threat a
    named party makes ("Russia's threats against Ukraine", not "Russia's threat to the
    region's stability"); or an
    accusation to the speaker or the one spoken of, saying whom or what it is against:
    "united in our condemnation of Russia's war", "his condemnation of the coup"."""
    if type_name == "ACCUSE" and any(c.dep_ == "poss" and c.tag_ == "PRP$"
                                     for c in noun.children) and any(
            c.dep_ == "prep" and c.lower_ in ("of", "against") for c in noun.children):
        return True
    if type_name == "ACCUSE" and noun.lemma_ == "charge" and any(
            c.dep_ == "acl" and c.lemma_ in ("file", "bring", "lodge", "press") and any(
                p.dep_ == "prep" and p.lower_ == "against" for p in c.children)
            for c in noun.children):
        return True  # "the charges filed against Ruiz": the participle tells the charge
    if type_name == "THREATEN" and noun.lemma_ == "threat" and any(
            c.dep_ == "poss" and _coded(phrase_tokens(c)) for c in noun.children) and any(
            (c.dep_ == "prep" and c.lower_ in ("against", "of")) or
            (c.dep_ == "acl" and c.tag_ == "VB") for c in noun.children):
        return True  # "Russia's threats against Ukraine", "Iran's threat to close the strait"
    if type_name == "REJECT" and refusals.held(noun):
        return True
    if type_name == "REQUEST":
        return asks.owned(noun)  # "the U.S. demand for the release of the prisoners"
    return type_name in OWNED_TYPES and any(
        c.dep_ in ("poss", "amod", "compound") and _coded(phrase_tokens(c))
        for c in noun.children)
