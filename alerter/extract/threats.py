"""Threats (THREATEN) on government prose: which uses of "threaten" and "warn" make a
threat, and which parties a threat may be aimed at beyond a coded name.

- "threaten" that only describes a danger is no threat: "Hizballah continues to
  threaten the security of Lebanon", "these schemes threaten families", nor does a
  method described ("has used hybrid tactics to threaten Ukraine"); a threat says
  what will be done ("threatened to cut gas supplies") or with what ("threatened
  protesters with arrest"), or is aimed at a named party itself ("threatened Taiwan");
- "warn" (and "remind") is a threat only when the warning is aimed at someone or speaks of what will
  be done to them: "warned Hezbollah against intervening", "warned of severe
  consequences", "warned that it would retaliate", "warned Moscow"; not a forecast or an
  advisory ("warned that the region could face famine", "issued an alert to warn the
  public of scams", "I warned the Congress of a shortfall");
- readiness to act is a threat only when what is readied names a party: "ready to impose
  costs if Russia invades", not "stands ready to take further action to address threats";
- "hold accountable States that engage in cyberattacks" is aimed at whoever does it
  (as "those who ..."), no named party;
- a party need not have a code to threaten ("Dabbashi has threatened to return by
  force") or to be held accountable when the sentence names it:
  "hold Houthi leadership accountable", "hold the regime accountable", "hold officials
  like Kabarebe accountable" (but not "hold bad actors accountable").

Read from the dependency parse; used by the events component.
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract.clauses import subject_of
from alerter.extract.participants import all_participants, participants_in, phrase_tokens
from alerter.extract.speech import PARTY_NOUNS

# Words of what a warning says will be done to the one warned: "warned that it would
# retaliate", "warned of severe consequences", "would pay a heavy price" (not a
# participle: "he would be forced to choose").
CONSEQUENCES = frozenset({"consequence", "repercussion", "retaliate", "retaliation",
                          "retaliatory", "respond", "response", "price", "cost", "sanction",
                          "countermeasure", "punish", "punishment", "force", "military",
                          "measure", "accountable", "escalation", "reprisal", "strike",
                          "ultimatum", "veto"})


def _codes(token: Token) -> set[str]:
    return {p[2] for p in all_participants([phrase_tokens(token)], coded_only=True)
            if p[2] is not None}


# What a party threatens to do, as the object of "threaten": "threatened sanctions",
# "threatened military action", "threatened retaliation".
_MEASURES = frozenset({"sanction", "tariff", "retaliation", "action", "force", "strike",
                       "consequence", "penalty", "war", "reprisal", "veto", "ban", "embargo",
                       "measure", "attack", "invasion", "countermeasure", "response",
                       "boycott", "expulsion", "lawsuit", "prosecution", "arrest", "violence",
                       "closure", "shutdown", "cutoff"})

# Verbs of a means put to use, whose purpose "to threaten" describes a method, not a
# threat made: "uses hybrid tactics to threaten Ukraine".
_MEANS_VERBS = frozenset({"use", "employ", "leverage", "exploit", "wield"})
# Verbs that give a party the means to threaten: what it could do, no threat made.
_ENABLING = frozenset({"allow", "enable", "permit", "let", "help", "empower"})
# What is in danger, however a party is named beside it: "the U.S. homeland".
_ENDANGERED = frozenset({"security", "stability", "peace", "interest", "homeland",
                         "sovereignty", "safety", "economy", "existence", "life", "livelihood",
                         "integrity", "order", "prosperity", "health", "democracy", "future"})


def danger_described(trigger: Token) -> bool:
    """Give whether "threaten" only says that something is in danger: no infinitive of
    what will be done, no "with" of how, and an object that is not itself a party."""
    if trigger.lemma_ != "threaten" or trigger.pos_ != "VERB":
        return False
    if trigger.dep_ in ("advcl", "xcomp") and trigger.head.lemma_ in _MEANS_VERBS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return True  # "has used hybrid tactics to threaten Ukraine": a method described
    if trigger.dep_ in ("ccomp", "xcomp") and trigger.head.lemma_ in _ENABLING:
        return True  # "lets the PRC threaten the homeland": a capability, no threat made
    for child in trigger.children:
        if child.dep_ in ("xcomp", "ccomp") or (child.dep_ == "prep" and child.lower_ == "with"):
            return False  # "threatened to retaliate", "threatened them with arrest"
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    if not objects or any(o.lemma_.lower() in _MEASURES for o in objects):
        return False  # "threatened sanctions against any firm", "threatened retaliation"
    if any(t.lemma_.lower() in _ENDANGERED for o in objects for t in [o, *o.conjuncts]):
        return True  # "threaten the United States homeland", "U.S. and global security"
    # "Russia threatened Ukraine": the party itself; "threatens the security of Lebanon",
    # "threatens our homeland", "threatening Social Security": what is in danger
    return not any(participants_in([o]) for o in objects)


def forecast_warning(trigger: Token) -> bool:
    """Give whether "warn" gives a forecast or an advisory, not a threat: nothing it
    says will be done to anyone, and nobody outside the warner's own side warned."""
    if trigger.lemma_ not in ("warn", "remind") or trigger.pos_ != "VERB":
        return False
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ == "against":
            return False  # "warned Hezbollah against intervention"
        if child.dep_ in ("ccomp", "prep", "advcl", "xcomp") and any(
                t.lemma_.lower() in CONSEQUENCES and t.tag_ != "VBN" for t in child.subtree):
            return False  # "warned of severe consequences", "that it would retaliate"
    if trigger.lemma_ == "remind":
        return True  # "reminded Congress of the deadline": a reminder, no consequences
    warned = set().union(*(_codes(c) for c in trigger.children if c.dep_ in ("dobj", "obj")))
    subject = subject_of(trigger)
    if subject is not None and subject.ent_type_ in ("PERSON", "GPE") and any(
            (g.dep_ == "nsubj" and participants_in(phrase_tokens(g))) or g.dep_ == "auxpass"
            for c in trigger.children if c.dep_ == "ccomp" for g in c.children):
        return False  # a leader's warning about a party or of what will be done: "Maduro
        # warned that the opposition may soon disappear", "that the assembly could be
        # dissolved" (not an agency's forecast)
    warners = _codes(subject) if subject is not None else set()
    # "Biden warned Putin": a party warned; "warn the American public", "I warned the
    # Congress": the warner's own people
    return not (warned - warners - {"USA"})


# Nouns for the people or bodies who run a state or a group: "hold Houthi leadership
# accountable", "hold the regime accountable".
_RULERS = frozenset({"leadership", "leader", "regime", "government", "junta", "kremlin",
                     "military", "official", "commander", "authority"})


def named_party(trigger: Token) -> bool:
    """Give whether a threat's "hold ... accountable" names the party held though it
    has no code: a ruling body with its name or "the" ("Houthi leadership", "the
    regime"), or a group with named members ("officials like Kabarebe and Kanyuka"); or
    whether a named person or group without a code threatens to act ("Dabbashi has
    threatened to return by force", "Republicans threatened to undo it")."""
    if trigger.lemma_ == "threaten" and any(c.dep_ == "xcomp" for c in trigger.children):
        subject = subject_of(trigger)
        return subject is not None and (subject.ent_type_ in ("PERSON", "NORP", "ORG") or
                                        subject.lemma_.lower() in PARTY_NOUNS)
    if trigger.lemma_ != "hold":
        return False
    held = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    # "hold Russia accountable" read as a small clause; "holding accountable the Assad
    # regime", the party read as the adjective's object
    held += [g for c in trigger.children if c.dep_ in ("ccomp", "oprd", "xcomp")
             for g in c.children if g.dep_ in ("nsubj", "dobj")]
    for noun in (n for h in held for n in (h, *h.conjuncts)):
        if noun.head.dep_ in ("ccomp", "oprd", "xcomp") and noun.dep_ == "dobj" and \
                participants_in(phrase_tokens(noun)):
            return True
        if noun.lower_ in ("accountable", "responsible") and any(
                c.dep_ == "compound" and participants_in([c]) for c in noun.children):
            return True  # "hold the Houthis accountable" read as one noun phrase
        if noun.lemma_.lower() in _RULERS and any(
                (c.dep_ == "det" and c.lower_ == "the") or
                (c.dep_ in ("compound", "poss") and participants_in([c]))
                for c in noun.children):
            return True
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "like"):
            if any(participants_in([g]) or g.ent_type_ in ("PERSON", "ORG")
                   for g in prep.children if g.dep_ == "pobj"):
                return True
    return False


_READY = frozenset({"ready", "prepared", "readiness", "prepare", "preparation"})
# Words of pressure already brought, which readiness to do more extends.
_PRESSURE = frozenset({"sanction", "cost", "consequence", "pressure", "penalty", "tariff"})


def readiness_unaimed(trigger: Token) -> bool:
    """Give whether readiness to act is no threat of its own: it names no party beyond
    the speaker's own side and no pressure it adds to ("stands ready to take further
    action to address threats",
    "are prepared to do more if necessary"; but "prepared to take action should Burma's
    military not change course"), or the verb readied tells the threat with its party
    ("their readiness to impose severe costs on Russia": one threat, told by "impose")."""
    if trigger.lemma_.lower() not in _READY:
        return False
    if any(t.lemma_ in ("cost", "consequence") and t.i + 1 < len(t.doc) and
           t.doc[t.i + 1].lower_ == "on" for c in trigger.children
           if c.dep_ in ("xcomp", "acl") for t in c.subtree):
        return True  # "readiness to impose costs on Russia": told by "impose ... on"
    if any(t.lemma_.lower() in _PRESSURE for t in trigger.sent):
        return False  # "partners have taken sanctions of their own and are prepared to do
        # more": more of the same pressure
    subject = subject_of(trigger)
    mine = {t.i for t in subject.subtree} if subject is not None else set()
    others = [t for t in trigger.sent if t.i not in mine]
    if any(t.lemma_.lower() in _RULERS and any(c.dep_ == "det" and c.lower_ == "the"
                                                 for c in t.children) for t in others):
        return False  # "should the junta continue its violence"
    return not any(p[2] not in (None, "USA") for p in participants_in(others))


def held_generic(trigger: Token) -> bool:
    """Give whether "hold ... accountable" is aimed only at whoever does something, not a
    named party: a bare noun with a restrictive relative clause ("hold accountable States
    that engage in destructive cyber activity", as "those who ..."; but "Hamas, which
    ..." is named)."""
    if trigger.lemma_ != "hold":
        return False
    held = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    held += [g for c in trigger.children if c.dep_ in ("ccomp", "oprd", "xcomp")
             for g in c.children if g.dep_ in ("nsubj", "dobj")]
    return bool(held) and all(
        n.i + 1 < len(n.doc) and n.doc[n.i + 1].lower_ in ("that", "who") and
        any(c.dep_ == "relcl" for c in n.children) and
        not any(c.dep_ in ("det", "poss", "nummod", "compound") for c in n.children)
        for n in held)
