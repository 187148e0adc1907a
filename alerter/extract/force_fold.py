"""Force on real reporting, counted once (issue 10, docs/extraction/force.md): after
the events of a Doc are built, the ASSAULT, MOBILIZE and RETREAT readings that the
general rules count twice or under two types.

- One attack is one event: the casualties it caused ("a rocket attack kills 27", "bombed
  the camp, killing 90") and the territory taken in the same breath ("attacked the base
  and seized control of it") are part of it, and the same attack noun said again ("this
  attack ... this attack") names no second one.
- A seizure of territory is an ASSAULT, not also a COERCE; a strike read both as a
  PROTEST and an ASSAULT is the one its words say ("a general strike", "air-strikes");
  one country's military exercise is a MOBILIZE, not also a COOPERATE.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from alerter.extract.force import coded
from alerter.extract.force_misread import WEAPON_WORDS

# Verbs that report the toll or the impact of an attack rather than a second attack
# ("when the raid began, the depot was hit by rockets").
CASUALTY_VERBS = frozenset({"kill", "wound", "hit"})
# Verbs that take ground: a second event only when no attack verb goes with them.
TAKING_VERBS = frozenset({"seize", "capture", "retake", "liberate", "overrun"})
# What strikes: "air-strikes", "drone strikes", "Israeli strikes" are attacks.
STRIKE_WEAPONS = frozenset({"air", "drone", "military", "naval", "precision", "retaliatory",
                            "preemptive", "pre-emptive", "nuclear", "cruise", "ballistic",
                            "artillery", "tactical", "aerial", "airstrike"})
# Who strikes: "a general strike", "the rail strike" are walkouts.
WALKOUT_WORDS = frozenset({"general", "hunger", "labour", "labor", "rail", "worker",
                           "teacher", "nationwide", "national", "transport", "union", "doctor",
                           "nurse", "postal", "student", "trucker", "miner", "dock", "sit-down",
                           "wildcat", "one-day", "24-hour", "48-hour", "indefinite"})

# What a walkout is over, and who walks out: "a strike over pay", "workers began a strike".
PAY_WORDS = frozenset({"pay", "wage", "salary", "pension", "hour", "condition", "contract",
                       "reform", "job", "layoff", "cut"})
WORKERS = frozenset({"worker", "union", "employee", "staff", "teacher", "doctor", "nurse",
                     "driver", "pilot", "miner", "docker", "farmer", "student", "lawyer"})
# Who raids as the law: "prosecutors raided the party's offices" (COERCE, not ASSAULT).
POLICE = frozenset({"police", "prosecutor", "agent", "officer", "authority", "investigator",
                    "fbi", "customs", "inspector", "policeman", "detective", "regulator"})
# Who executes as the law, and what one is executed for: "the authorities executed three
# men for drug offences".
COURTS = frozenset({"court", "authority", "judiciary", "government", "state", "regime",
                    "prison", "ministry", "tribunal"})
OFFENCES = frozenset({"offence", "offense", "crime", "charge", "conviction", "murder",
                      "trafficking", "terrorism", "espionage", "treason", "sentence", "trial",
                      "rape", "blasphemy", "apostasy", "smuggling"})
# Where a walkout stops work: "a strike at three auto plants".
WORKPLACES = frozenset({"plant", "factory", "mill", "mine", "warehouse", "store", "school",
                        "university", "hospital", "company", "port", "refinery", "automaker"})
# Verbs that carry out an attack, not a walkout: "conducted strikes against facilities".
ATTACK_VERBS = frozenset({"conduct", "launch", "carry", "order", "mount", "authorize",
                          "authorise", "direct", "execute", "unleash"})


def folded(events: list[dict[str, Any]], doc: Doc) -> list[dict[str, Any]]:
    """Give the events with each attack counted once per sentence: a toll ("killing 90")
    or a taking ("and seized control") beside another attack verb or noun is part of
    it; a seizure of territory told as an ASSAULT is not also a COERCE."""
    def lemma(event: dict[str, Any]) -> str:
        span = doc.char_span(event["trigger"]["start"], event["trigger"]["end"],
                             alignment_mode="expand")
        return span.root.lemma_ if span is not None else ""

    by_sentence: dict[int, list[dict[str, Any]]] = {}
    for event in events:
        if event["type"] == "ASSAULT":
            by_sentence.setdefault(event["sentence"]["start"], []).append(event)
    dropped: set[int] = set()
    taken: set[int] = set()
    for group in by_sentence.values():
        lemmas = [lemma(e) for e in group]
        nouns = [_is_noun(doc, e) for e in group]
        dropped.update(id(e) for e in _mentioned_again(group, lemmas, nouns))
        primary = [i for i, w in enumerate(lemmas) if w not in CASUALTY_VERBS | TAKING_VERBS]
        tolls = [i for i, w in enumerate(lemmas) if w in CASUALTY_VERBS]
        keep_toll = None if primary else (tolls[0] if tolls else None)
        for i, word in enumerate(lemmas):
            if (word in CASUALTY_VERBS and i != keep_toll) or (word in TAKING_VERBS and primary):
                dropped.add(id(group[i]))
            if word in TAKING_VERBS:
                taken.add(group[i]["trigger"]["start"])
    # one pull-out told twice: "the last French troops leave Mali, ending their mission"
    retreats: list[dict[str, Any]] = []
    for event in events:
        if event["type"] != "RETREAT":
            continue
        actor = {p["code"] for p in event["actor"] if p["code"]}
        if actor and any(o["sentence"]["start"] == event["sentence"]["start"] and
                         actor <= {p["code"] for p in o["actor"] if p["code"]}
                         for o in retreats):
            dropped.add(id(event))
        retreats.append(event)
    # a raid by police is an arrest or a search (COERCE), one by fighters an attack
    for event in events:
        if event["type"] in ("ASSAULT", "COERCE") and lemma(event) == "raid" and any(
                o["type"] != event["type"] and o["trigger"]["start"] == event["trigger"]["start"]
                for o in events):
            policing = any(t.lemma_.lower() in POLICE for t in doc.char_span(
                event["sentence"]["start"], event["sentence"]["start"] + len(
                    event["sentence"]["text"]), alignment_mode="expand") or ())
            if (event["type"] == "ASSAULT") == policing:
                dropped.add(id(event))
    # a judicial execution is COERCE, a killing of captives by a group an ASSAULT
    judicial = {id(e) for e in events if e["type"] == "ASSAULT" and lemma(e) in ("execute", "hang")
                and _judicial(doc, e)}
    # a strike read as a walkout or an attack: "a general strike", "air-strikes"
    loser = {e["trigger"]["start"]: strike_kind(doc, e["trigger"]["start"]) for e in events
             if e["type"] in ("PROTEST", "ASSAULT") and lemma(e) == "strike"}
    # one country's own exercise is a show of force, not cooperation: "Russia began
    # naval drills" (joint exercises give no MOBILIZE, see misread)
    shows = [(e["trigger"]["start"], e["trigger"]["end"]) for e in events
             if e["type"] == "MOBILIZE"]
    events = [{**e, "type": "COERCE"} if id(e) in judicial else e for e in events]
    return [e for e in events if id(e) not in dropped and not (
        e["type"] == "COERCE" and e["trigger"]["start"] in taken) and
        loser.get(e["trigger"]["start"]) != e["type"] and not (
        e["type"] == "COOPERATE" and any(start < e["trigger"]["end"] and
                                         e["trigger"]["start"] < end for start, end in shows))]


def _judicial(doc: Doc, event: dict[str, Any]) -> bool:
    """Give whether an execution is a state's sentence carried out (the README's judicial
    executions, COERCE): by a coded state, a court or the authorities, or for offences
    ("Saudi Arabia executed 37 people for terrorism offences"); not "militants executed
    two hostages"."""
    span = doc.char_span(event["trigger"]["start"], event["trigger"]["end"],
                         alignment_mode="expand")
    if span is None:
        return False
    verb = span.root
    doers = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))]
    grounds = [t for h in heads for c in h.children
               if c.dep_ == "prep" and c.lower_ in ("for", "after") for t in c.subtree]
    return any(coded(list(c.subtree)) or any(t.lemma_.lower() in COURTS for t in c.subtree)
               for c in doers) or any(t.lemma_.lower() in OFFENCES for t in grounds)


def _is_noun(doc: Doc, event: dict[str, Any]) -> bool:
    """Give whether the event's trigger is a bare noun, with nothing of its own but a
    determiner, or one that points back ("this attack", "the violence"; not "the deadly
    shooting at a school")."""
    span = doc.char_span(event["trigger"]["start"], event["trigger"]["end"],
                         alignment_mode="expand")
    return span is not None and span.root.pos_ == "NOUN" and (all(
        c.dep_ in ("det", "punct") for c in span.root.children) or any(
        c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those")
        for c in span.root.children))  # "a response to this attack, including ..."


def _mentioned_again(group: list[dict[str, Any]], lemmas: list[str],
                     nouns: list[bool]) -> list[dict[str, Any]]:
    """Give the attack nouns that name again an attack the sentence told before: "answers
    about this attack ... how deeply this attack has hurt", "the violence in Burma ... to
    end the violence" (the same noun again, bare, no new side named)."""
    def codes(event: dict[str, Any], role: str) -> set[str]:
        return {p["code"] for p in event[role] if p["code"]}

    again = []
    for i, event in enumerate(group):
        earlier = [group[j] for j in range(i) if nouns[i] and lemmas[j] == lemmas[i]
                   and group[j]["trigger"]["text"].lower() == event["trigger"]["text"].lower()]
        if earlier and all(codes(event, r) <= codes(earlier[0], r) for r in ("actor", "target")):
            again.append(event)
    return again


def strike_kind(doc: Doc, start: int) -> str | None:
    """Give the type a strike is not: "a general strike" is no ASSAULT, "air-strikes"
    and "missile strikes" no PROTEST (None when its words do not say)."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None
    word = span.root
    modifiers = [t for t in word.subtree if t.i < word.i]
    if any(t.lemma_.lower() in WALKOUT_WORDS for t in modifiers):
        return "ASSAULT"
    # "a 24-hour strike", "a two-day strike", "a strike over pay", "workers began a strike"
    if any(t.lemma_.lower() in ("hour", "day", "week") for t in modifiers) or any(
            g.lemma_.lower() in PAY_WORDS for c in word.children
            if c.dep_ == "prep" and c.lower_ in ("over", "for", "against")
            for g in c.subtree) or any(
            s.lemma_.lower() in WORKERS for s in word.head.children
            if word.dep_ == "dobj" and s.dep_ == "nsubj"):
        return "ASSAULT"
    heads = [word, word.head] if word.dep_ == "dobj" else [word]
    if any(g.lemma_.lower() in WORKPLACES for h in heads for c in h.children
           if c.dep_ == "prep" and c.lower_ == "at" for g in c.subtree):
        return "ASSAULT"  # "a targeted strike at a few auto plants"
    if any(t.lemma_.lower() in WEAPON_WORDS | STRIKE_WEAPONS for t in modifiers) or any(
            t.dep_ == "amod" and coded([t]) for t in modifiers):
        return "PROTEST"
    # "a strike by dock workers" is a walkout, "a strike by the army on a compound" an attack
    strikers = [t for c in word.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                for g in c.children if g.dep_ == "pobj" for t in g.subtree]
    if any(t.lemma_.lower() in WORKERS | {"docker", "dockworker"} for t in strikers):
        return "ASSAULT"
    if any(coded([t]) or t.lemma_.lower() in ("force", "military", "army", "navy", "troop",
                                               "drone", "aircraft", "jet")
           for t in strikers):
        return "PROTEST"
    # "conducted strikes against facilities in Iraq"
    aimed = [g for c in word.children if c.dep_ == "prep" and c.lower_ in ("against", "on")
             for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]
    doers = [s for c in word.children if c.dep_ in ("relcl", "acl")
             for s in c.children if s.dep_ in ("nsubj", "agent")]
    if any(coded([t]) or t.lemma_.lower() in ("force", "military", "army", "navy", "troop")
           for s in doers for t in s.subtree):
        return "PROTEST"  # "the strike that U.S. forces took last night against ISIS-K"
    if (word.dep_ == "dobj" and word.head.lemma_.lower() in ATTACK_VERBS) or any(
            g.lemma_.lower() not in PAY_WORDS | {"government", "law", "policy", "plan"}
            for g in aimed):
        return "PROTEST"
    return None
