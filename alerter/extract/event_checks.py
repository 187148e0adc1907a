"""Whether a trigger is an event where it stands: a clause of its own, a
noun taken by a verb, a verb that blocks it, words it needs around it, and the
misreadings each word group knows (`_misread`).

A part of the events component (alerter/extract/events.py).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from alerter.extract import (
    asks,
    assistance,
    charges,
    concede,
    diplomacy,
    enforcement,
    force,
    force_deeds,
    force_misread,
    force_none,
    force_told,
    lexicon,
    protest,
    refusals,
    relief,
    sanction_news,
    speech,
    stances,
    supply,
    supply_chain,
    supply_wording,
    threats,
    threats_aimed,
)
from alerter.extract.clauses import (
    charging_verb,
    meets,
    np_head,
)
from alerter.extract.event_state import EventState
from alerter.extract.participants import participants_in, phrase_tokens
from alerter.extract.triggers import SPAN_KEY, TriggerRule

# Nouns whose "that" clause is only said or feared, not stated: "allegations that the
# company censors posts", "fears that troops will move".
_UNPROVEN = frozenset({"allegation", "claim", "accusation", "charge", "rumor", "rumour",
                       "suggestion", "idea", "notion", "fear", "possibility", "hope", "belief",
                       "suspicion", "assertion", "speculation", "risk", "threat", "danger",
                       "concern", "worry", "expectation", "prospect", "chance", "likelihood"})


class Checks(EventState):
    """Whether a trigger is an event where it stands."""

    @staticmethod
    def _in_context(span: Span, trigger: Token, words: list[str]) -> bool:
        """Give whether the sentence holds one of the words, and the trigger names no office
        ("designated X as Acting Commissioner", "the designation of a delegation")."""
        holders = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        if any(c.dep_ == "prep" and c.lower_ in ("as", "of") and (
                g.lemma_.lower() in lexicon.OFFICES or g.lower_.rstrip("s") in lexicon.OFFICES)
               for h in holders for c in h.children for g in c.children):
            return False
        if trigger.pos_ == "VERB" and any(h.lower_.rstrip("s") in lexicon.DESIGNATED_THINGS
                                          for h in holders[1:]):
            return False  # "FEMA will designate a recovery coordinator", "designated zones"
        text = span.sent.text.lower()
        return any(w in text for w in words)

    def _object_subtype(self, verb: Token, type_name: str) -> str | None:
        """Give the subtype a trigger on the verb's object carries, if any."""
        objects = {c.i for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")}
        for span in verb.doc.spans[SPAN_KEY]:
            rule = self.rules[int(span.label_)]
            if rule.type == type_name and span.root.i in objects and rule.trigger.subtype:
                return rule.trigger.subtype
        return None

    def _clause_of_its_own(self, verb: Token, type_name: str) -> bool:
        """Give whether a verb trigger states an event rather than describing a noun.

        Not: "jailed opposition figures", "the individuals designated today", "its
        ability to designate", "entities supporting the army", "an entity that has
        refused", "necessary for supporting the war". Yes: "plans to deliver", "the first
        instance of Iran supplying", "designated for supplying", "by designating two
        facilitators", "an order that imposes restrictions".
        """
        if verb.dep_ in ("amod", "compound", "nmod"):
            return False  # "jailed opposition figures", "Frequently Asked Questions"
        if verb.dep_ == "conj" and verb.head.dep_ == "acl" and verb.head.pos_ == "VERB" and \
                type_name in self.current_only:
            verb = verb.head  # "its ability to designate and add persons": one describing
        if (enforcement.repeats_designees(verb, type_name) and
                not sanction_news.among_todays(verb)) or \
                sanction_news.misread_modifier(verb, type_name):
            return False  # "the persons designated today risk ..."; "from OFAC designated X"
        if verb.dep_ == "acl":
            head = verb.head.lemma_
            if verb.tag_ == "VBD" and any(c.dep_ == "nsubj" for c in verb.children):
                return True  # a lead-in misread: "Interest Rates: China committed to ..."
            if any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) and \
                    any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and \
                    head not in _UNPROVEN:
                return True  # a noun's content: "no question that Russia is detaining X"
            if verb.tag_ in ("VBN", "VBD"):  # a participle, sometimes tagged as a past
                # "the shipment seized by Greek authorities", "a man accused of fraud"
                # are events; "information on the individuals designated today" only
                # repeats the day's sanctions, but "the entities targeted today help
                # Iran export oil" says who was hit
                return type_name not in self.current_only or any(
                    c.dep_ == "agent" for c in verb.children) or verb.head.dep_ in (
                    "nsubj", "nsubjpass", "appos") or sanction_news.among_todays(verb)
            return head in lexicon.SIGNIFICANCE_NOUNS or (
                verb.tag_ == "VB" and head in self.governors) or \
                diplomacy.crowd_request(verb, type_name) or \
                concede.by_instrument(verb, type_name) or \
                (type_name == "AID" and (supply_wording.effort_to_give(verb)
                                         or supply_chain.weapons_clause(verb)))
        if verb.dep_ == "pcomp":
            # "its commitment of providing $11 billion", "Iran's involvement in supplying"
            return verb.head.lower_ == "by" or charging_verb(verb) is not None or \
                verb.tag_ != "VBG" or supply.framing_noun(verb, self.governors) is not None \
                or diplomacy.looked_forward(verb, type_name)
        if verb.dep_ == "relcl":
            pronoun = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                       and c.tag_ in ("WDT", "WP")]
            if sanction_news.recalled_in_relative(verb, type_name):
                return False  # "other corrupt actors that Treasury has designated"
            return not pronoun or verb.head.lemma_.lower() in lexicon.INSTRUMENTS or \
                enforcement.states_act(verb, type_name) or \
                sanction_news.told_today(verb, type_name) or \
                (type_name == "AID" and (supply_wording.relative_supply(verb)
                                         or supply_chain.weapons_clause(verb)))
        return True

    def _blocked(self, anchor: Token, type_name: str) -> bool:
        """Give whether the event is only asked for or refused by a verb above it."""
        token = anchor
        if type_name != "REQUEST" and type_name not in self.requestable and \
                asks.asked_by_need(anchor):
            return True  # "stressed the need for Russia to withdraw": only asked for
        while token.dep_ in ("xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep", "dobj",
                             "conj") and token.head.i != token.i:
            # a verb joined to the asking one is said beside it, not asked for: "encouraged
            # restraint and called on all parties to refrain"
            beside = token.dep_ == "conj" and token.pos_ == "VERB"
            token = token.head
            if token.lemma_ in self.requests and type_name in self.requestable:
                return False  # "asked Seoul to send shells": the supply is discussed
            if token.lemma_ in self.blocking and (type_name, token.lemma_) not in \
                    self.type_lemmas and not force_told.summoned(token) and \
                    not force_none.phoned(token) and not beside:
                return True
            if token.lemma_ in lexicon.REPORT_VERBS:
                return False
        return False

    @staticmethod
    def _stands_alone(trigger: Token, goods_named: bool = False) -> bool:
        """Give whether a supply noun names its goods and a side without a governing verb:
        "the supply of drones to Russia", "the arrival of HIMARS in Ukraine"; an aid
        phrase names its goods itself ("a flow of humanitarian aid into Gaza")."""
        preps = {c.lower_: c for c in trigger.children if c.dep_ in ("prep", "agent")}
        if "of" not in preps and not goods_named and not (
                trigger.i + 1 < len(trigger.doc) and any(
                    c.dep_ == "amod" and participants_in([c]) for c in trigger.children)):
            return False  # "the supply of X", or "Iranian financial assistance to X"
        # an aid phrase's side is its recipient ("aid to Gaza", not "aid in Sudan")
        # and its giver ("economic assistance from the United States")
        kinds = ("to", "for", "into", "from") if goods_named and "of" not in preps else (
            "to", "for", "in", "into", "from")
        sides = [g for p in kinds if p in preps for g in preps[p].children if g.dep_ == "pobj"]
        sides += [c for c in trigger.children if c.dep_ in ("poss", "amod", "compound")]
        sides += supply_wording.arms_between(trigger, preps)  # "arms transfers between X and Y"
        sides += supply.recipients_nearby(trigger)  # "the supply of UAVs and parts to Iran"
        sides += relief.recipients_beside(trigger)  # "support X through aid", "aid into Gaza"
        found = [p for t in sides for p in participants_in(phrase_tokens(t))]
        if "of" not in preps and goods_named:  # "humanitarian aid to Gaza", not "to those"
            return any(p[2] for p in found) or assistance.moving(trigger)
        return bool(found)

    def _accept_nominal(self, trigger: Token, governor: Token | None, role: str) -> bool:
        if role == "root":
            return True  # a headline: "New sanctions on Russia"
        if governor is None:
            return any(c.dep_ == "acl" and c.lemma_ in self.subject_governors
                       for c in np_head(trigger).children)
        if role == "subject":
            if governor.lemma_ in lexicon.EFFECT_GOVERNORS:
                return any(c.dep_ in ("amod", "nummod") and c.lower_ in lexicon.NOVELTY
                           for c in trigger.children)
            return governor.lemma_ in self.subject_governors
        return governor.lemma_ in self.governors

    def _misread(self, span: Span, trigger: Token, rule: TriggerRule, nominal: bool) -> bool:
        """Give whether the trigger is no event where it stands: not a clause of its own, a
        kind of thing, out of its context, without the party it needs, or a word group's
        misreading (force, speech, threats, refusals, requests, charges, diplomacy, aid)."""
        # "jailed opposition figures", "the defending champions", "entities supporting
        # the army", "necessary for supporting the war"; but "the first instance of Iran
        # supplying missiles" is the supply itself
        if trigger.pos_ == "VERB" and not self._clause_of_its_own(trigger, rule.type) and \
                not force.stated(trigger, rule.type) and \
                not force_deeds.judged_captivity(trigger, rule.type) and \
                not speech.own_clause(trigger, rule.type, rule.trigger.speech_act):
            return True
        if (nominal and (rule.trigger.lemmas or rule.trigger.phrase)
                and trigger.dep_ == "compound"
                and trigger.head.lemma_.lower() not in lexicon.CONTAINERS
                and not (rule.type == "PROTEST" and protest.happening(trigger))):
            # "attack drones", "strike aircraft": a kind of weapon; "sanctions evasion",
            # "sanctions rules": a kind of thing; but "a sanctions package" is the event
            return True
        if rule.trigger.context and not self._in_context(span, trigger, rule.trigger.context):
            return True  # "designated as a voter registration agency": no sanctions here
        if rule.trigger.requires is not None and not meets(trigger, rule.trigger.requires) \
                and not (rule.type == "THREATEN" and (threats.named_party(trigger) or
                                                      threats_aimed.held_pronoun(trigger) or
                                                      threats_aimed.warning_to_party(trigger))):
            return True  # "support broadband", "seize the opportunity", "meet challenges"
        if force_misread.misread(trigger, rule.type):
            return True  # "a fire kills 12", "the war in Ukraine": no attack
        if (rule.trigger.speech_act or rule.type == "THREATEN") and \
                speech.effect_of_measure(trigger) and not threats_aimed.warning_to_party(trigger):
            return True  # "the order escalates pressure on X": what it does, no threat
        if rule.type == "THREATEN" and (threats.danger_described(trigger) or
                                        threats.forecast_warning(trigger) or
                                        threats.readiness_unaimed(trigger) or
                                        threats.held_generic(trigger)):
            return True  # "threatens the security of X", "warned of a shortfall"
        if rule.type == "THREATEN" and speech.campaign_recalled(trigger):
            return True  # "we have worked to impose costs on X": a campaign recalled
        if speech.nobody_refuses(trigger, rule.type) or refusals.no_refusal(trigger, rule.type) \
                or asks.no_request(trigger, rule.type):
            return True  # "persons who ..., refuse to take part in abuses"; "must reject"
        if charges.not_a_charge(trigger, rule.type) or diplomacy.misread(trigger, rule.type):
            return True  # "charged with advising"; "welcomed the guests"; "with the DEA"
        if stances.misread(trigger, rule.type):
            return True  # "we applaud the House's passage"; "carriers refuse to take exports"
        if rule.type == "AID" and (supply_wording.no_giving(trigger)
                                   or assistance.not_abroad(trigger)):
            return True  # "give up arms", "hand back", "a gunman armed with a rifle": no aid
        unless = rule.trigger.unless or ()  # "agreed to pay a civil penalty"
        return any(c.dep_ == "xcomp" and c.lemma_ in unless for c in trigger.children)
