"""Who: an event's actor and target, read from the parse around its trigger.

A part of the events component (alerter/extract/events.py).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from alerter.extract import (
    concede,
    diplomacy,
    enforcement,
    force,
    force_place,
    framing,
    lexicon,
    roles,
    sanction_news,
    supply,
    supply_chain,
    transfers,
)
from alerter.extract.clauses import (
    SUBJECT,
    charging_verb,
    np_head,
    owned_through_of,
    subject_of,
)
from alerter.extract.event_state import EventState
from alerter.extract.participants import Found, all_participants, participants_in, phrase_tokens
from alerter.extract.triggers import TriggerRule


class Roles(EventState):
    """An event's actor and target."""

    def _participants(self, span: Span, rule: TriggerRule, trigger: Token, anchor: Token,
                      nominal: bool, role: str, items: list[tuple[Token, list[Token]]]
                      ) -> tuple[Found, Found]:
        """Give actor and target, the roles turned round for receiving and asking words."""
        receiving = rule.trigger.recipient or (anchor.i != trigger.i
                                               and anchor.lemma_ in lexicon.RECEIVING)
        if receiving:
            verb = anchor
            subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
            if any(c.dep_ == "agent" for c in verb.children):
                subject = None
            giver = transfers.giver_of(verb, trigger)
            receiver = transfers.receiver_of(verb, subject)
            if rule.trigger.modality is not None and transfers.funding_request(giver, receiver):
                # "the Administration requested $6 billion in security assistance for
                # Ukraine": asked of Congress, to give
                target, _ = self._target(trigger, anchor, nominal, items)
                return receiver, [p for p in target if p[2] != "USA"]
            return giver, receiver
        actor = self._actor(trigger, anchor, nominal, role) or force.doer(trigger) or \
            all_participants(supply.owner(anchor, self.governors))
        if not actor:
            actor = roles.warned_party(anchor) or sanction_news.announcer(anchor)
        if not actor and not enforcement.judged(trigger) and rule.type != "PROTEST" and \
                owned_through_of(trigger, self.governors) and not roles.own_doer(anchor):
            actor = framing.self_report(span.sent, anchor)  # a protest's: never the speaker
        charging = charging_verb(trigger)
        if charging is not None:
            # "firms designated for supplying weapons", "accused of shipping drones":
            # the one designated or accused did it
            heads = [c for c in charging.children if c.dep_ in ("dobj", "nsubjpass")]
            if charging.lemma_ not in lexicon.CHARGING_VERBS:  # "imposed sanctions on X"
                heads = [g for h in heads for p in h.children
                         if p.dep_ == "prep" and p.lower_ in ("on", "against")
                         for g in p.children if g.dep_ == "pobj"]
            actor = all_participants([phrase_tokens(h) for h in heads])
        if not actor and trigger.dep_ == "acl" and trigger.head.lemma_ in \
                lexicon.SIGNIFICANCE_NOUNS:
            actor = all_participants([phrase_tokens(g) for c in trigger.head.children
                                       if c.dep_ == "prep" and c.lower_ == "of"
                                       for g in c.children if g.dep_ == "pobj"])
        # the designee did the designated conduct, never OFAC ("OFAC designated the
        # network for sending money to Hamas")
        if not actor and charging is None and rule.type != "PROTEST" and not (
                rule.type == "AID" and supply_chain.firm_supplies(trigger, anchor)) and (
                # OFAC protests nothing; "designated X, a firm that has shipped arms": X's
                lexicon.US_AUTHORITY.search(span.sent.text) or "OFAC" in span.sent.text
                or (rule.type in enforcement.CURRENT_TYPES
                    and enforcement.US_CRITERIA.search(span.sent.text))):
            actor = [("United States", "country", "USA")]  # "pursuant to E.O. 14024"
        target, partners = self._target(trigger, anchor, nominal, items)
        if not target and rule.trigger.items:
            target = all_participants(supply.helped(anchor))  # "$8 billion to help Kyiv"
        if not target and nominal and rule.type in self.standalone:
            # "the arrest of four Turkish journalists", "the killing of an Iranian general"
            target = all_participants([phrase_tokens(g) for c in trigger.children
                                        if c.dep_ == "prep" and c.lower_ == "of"
                                        for g in c.children if g.dep_ == "pobj"])
        if not target and nominal and rule.type == "CONCEDE":
            target = all_participants(concede.measure_targets(trigger))  # "lifting of X on Y"
        if rule.type in enforcement.SECTOR_TYPES and not any(p[2] for p in target):
            target = target + enforcement.topic_target(trigger) + \
                enforcement.sector_target(span.sent)  # "the Iranian economy"
        if not target and rule.type in self.place_targets:
            # "the bombing in Athens, Greece", "a terrorist attack in Moscow"
            # ("a rocket attack on a market in Kharkiv": the place of what was hit)
            heads = [trigger, anchor] + [g for c in trigger.children if c.dep_ == "prep"
                                         and c.lower_ in ("on", "at", "against")
                                         for g in c.children if g.dep_ == "pobj"] + [
                c for c in trigger.children if c.dep_ == "dobj"]  # "shelled towns in X"
            target = all_participants([phrase_tokens(g) for h in heads
                                        for c in h.children if c.dep_ == "prep"
                                        and c.lower_ in ("in", "near", "outside", "across")
                                        for g in c.children if g.dep_ == "pobj"])
        if not target and rule.type in self.place_targets:
            target = force_place.place(trigger, anchor)  # "a shooting spree in Maine, killing two"
        if nominal and rule.type == "RETREAT":
            actor, target = force_place.withdrawn(trigger) or (actor, target)
        settled_actor, settled_target = settle(actor, target, partners,
                                               supply=bool(rule.trigger.items))
        if rule.type in diplomacy.SELF_ADDRESSED and settled_actor is actor:
            # "the President called on Congress to act": a request at home, USA → USA
            settled_target += [p for p in target if p not in settled_target]
        return settled_actor, settled_target

    def _actor(self, trigger: Token, anchor: Token, nominal: bool,
               role: str) -> list[tuple[str, str, str | None]]:
        found: list[tuple[str, str, str | None]] = []
        if nominal:
            # "US sanctions", "Britain's export bans", "China's supply of drones"
            modifiers = [c for c in trigger.children if c.dep_ in ("poss", "compound", "amod",
                                                                   "nmod")
                         and not enforcement.topic(c)]  # "Russia-related designations"
            by = [g for c in trigger.children if c.dep_ in ("prep", "agent")
                  and c.lower_ in ("by", "from") for g in c.children if g.dep_ == "pobj"]
            found = all_participants([phrase_tokens(m) for m in modifiers + by])
        if not found and not nominal:
            # "warned Poland over its plan to send tanks": "its" is Poland's
            found = roles.possessed_by_object(anchor)
        if not found and (not nominal or (role == "object" and
                          owned_through_of(trigger, self.governors))):
            subject = subject_of(anchor)
            if subject is not None:
                found = participants_in(phrase_tokens(subject))
        return found

    def _target(self, trigger: Token, anchor: Token, nominal: bool,
                items: list[tuple[Token, list[Token]]]) -> tuple[Found, Found]:
        """Give the targets, and the "with" partners (a fallback, or the real actor)."""
        heads = [trigger] if not nominal else [trigger, np_head(trigger)]
        if anchor.i != trigger.i:
            heads.append(anchor)
        phrases: list[list[Token]] = []
        partners: list[list[Token]] = []
        for head in heads:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "with":
                    # "supply X with drones": items; but "stands with Ukraine": a side
                    if head.i != trigger.i or nominal or trigger.lemma_ in lexicon.PARTNERING:
                        partners += [phrase_tokens(g) for g in child.children
                                     if g.dep_ == "pobj"]
                elif child.dep_ in ("prep", "dative") and child.lower_ in lexicon.TARGET_PREPS:
                    # not "on Friday, the anniversary of the invasion of Ukraine"
                    phrases += [t for g in child.children if g.dep_ == "pobj"
                                and g.ent_type_ not in ("DATE", "TIME") for t in roles.placed(g)]
                elif child.dep_ == "dative" and child.pos_ in ("PROPN", "NOUN", "PRON"):
                    phrases.append(phrase_tokens(child))
                elif child.dep_ in ("dobj", "obj", "nsubjpass") and (head.i != trigger.i
                                                                     or not nominal) \
                        and not roles.after_date(child):
                    found = participants_in(phrase_tokens(child))
                    if found and all(c.dep_ != "dative" for c in head.children):
                        phrases.append(phrase_tokens(child))
                    elif not found and head.i == trigger.i:
                        phrases += roles.included(child)
                elif child.dep_ in ("xcomp", "ccomp", "advcl") and head.i == trigger.i:
                    subject = [g for g in child.children if g.dep_ in SUBJECT]
                    phrases += [phrase_tokens(s) for s in subject]
        if not nominal:
            phrases += roles.shared_object(trigger)
        # "imposed sanctions on Russia": the verb's object carries the target;
        # "designated firms based in China": so does where the object is based
        if not nominal:
            for obj in trigger.children:
                if obj.dep_ in ("dobj", "obj", "nsubjpass"):
                    # "announced a new round of sanctions on Belarus": the measure's own
                    held = [obj] + [g for c in obj.children if c.dep_ == "prep"
                                    and c.lower_ == "of" and (obj.lemma_ in lexicon.CONTAINERS
                                                              or obj.lemma_ in lexicon.PARTITIVES)
                                    for g in c.children if g.dep_ == "pobj"]
                    phrases += [t for noun in held for c in noun.children if c.dep_ == "prep"
                                and c.lower_ in ("on", "against", "upon")
                                for g in c.children if g.dep_ == "pobj" for t in roles.placed(g)]
                    phrases += [phrase_tokens(g) for a in obj.children if a.dep_ == "acl"
                                and a.lemma_ in lexicon.BASED for c in a.children
                                if c.dep_ == "prep" and c.lower_ in ("in", "at")
                                for g in c.children if g.dep_ == "pobj"]
        # "the delivery of 100 drones to Russian forces": attachments on the items
        for _, item_tokens in items:
            for token in item_tokens:
                for child in token.children:
                    if child.dep_ == "prep" and child.lower_ in ("to", "for"):
                        phrases += [phrase_tokens(g) for g in child.children
                                    if g.dep_ == "pobj"]
        return all_participants(phrases), all_participants(partners)


def settle(actor: Found, target: Found, partners: Found,
           supply: bool = False) -> tuple[Found, Found]:
    """Give actor and target once "with" partners are placed.

    "Russia negotiated with a Chinese firm for drones to Russian forces": the
    recipient is the subject, so the partner is the one who supplies. Without
    another target, the partner is the target ("China discussed drones with Russia").
    """
    codes = {p[2] for p in actor if p[2]}
    if partners and codes & {p[2] for p in target if p[2]} and any(p[2] for p in partners):
        actor = partners
        codes = {p[2] for p in actor if p[2]}
    elif partners and not any(p[2] for p in target):
        target = target + partners
    overlap = codes & {p[2] for p in target if p[2]}
    if supply and overlap and codes - overlap:
        # "Spanish and Moroccan ministers negotiated the supply of missiles to Morocco":
        # the one named as receiving is the target; the others act
        return [p for p in actor if not (p[2] and p[2] in overlap)], target
    return actor, [p for p in target if not (p[2] and p[2] in codes)]


def funded_at_home(verb: Token) -> bool:
    """Give whether a law, budget or programme is what gives: domestic spending."""
    subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    return subject is not None and subject.lemma_.lower() in lexicon.SPENDING_INSTRUMENTS
