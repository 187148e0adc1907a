"""The events component: turns each trigger into an event with its arguments,
read from the dependency parse — actor, target, items, date, location,
modality, hedging, attribution and a confidence — and stores them on
`doc._.alerter_events` as plain dicts (so they cross process boundaries).

This module decides what each trigger is (type, subtype, modality); its parts live
beside it, one responsibility each: `event_checks` (whether a trigger is an event
where it stands, and each word group's misreadings), `event_roles` (actor and
target), `event_items` (items and subtype), `event_context` (date, place, background,
confidence), `event_record` (the event as a plain dict), over the state in
`event_state`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from alerter.extract import (
    asks,
    diplomacy,
    enforcement,
    force,
    force_deeds,
    force_fold,
    force_told,
    framing,
    home_aid,
    lexicon,
    protest,
    refusals,
    relief,
    roles,
    sanction_fold,
    sanction_measures,
    sanction_news,
    sanction_roles,
    speech,
    supply,
    supply_chain,
    supply_wording,
)
from alerter.extract.clauses import (
    attached,
    governor_of,
)
from alerter.extract.event_checks import Checks
from alerter.extract.event_record import Record
from alerter.extract.event_roles import Roles, funded_at_home
from alerter.extract.participants import INDEX_KEY, mention_index
from alerter.extract.taxonomy import load_taxonomy
from alerter.extract.triggers import SPAN_KEY, TriggerRule

if not Doc.has_extension("alerter_events"):
    Doc.set_extension("alerter_events", default=None)
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)

@Language.factory("alerter_events", default_config={"taxonomy": None})
def make_events(nlp: Language, name: str, taxonomy: str | None) -> EventBuilder:
    return EventBuilder(load_taxonomy(taxonomy))


_BY = frozenset(("by", "until", "till", "before"))  # "by Friday": a deadline ahead


class EventBuilder(Checks, Record, Roles):
    """The events component: each trigger of a Doc made an event with its arguments."""

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published or date.today().isoformat()
        best: dict[tuple[str, str, int], dict[str, Any]] = {}
        doc.user_data[INDEX_KEY] = mention_index(doc)
        # doc.ents builds every entity afresh on each access: the dates once per Doc
        self._dates = [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME")]
        self._cues = {}
        self._named = {span.root.i: supply_wording.qualified_kind(span, rule.subtype)
                       for span in doc.spans[SPAN_KEY]
                       if (rule := self.rules[int(span.label_)]).trigger.phrase
                       and rule.trigger.items and rule.subtype is not None
                       and rule.subtype in self.class_rank}
        try:
            self._events(doc, published, best)
        finally:
            del doc.user_data[INDEX_KEY]
            self._dates = []
            self._cues = {}
            self._named = {}
        doc._.alerter_events = sanction_fold.folded(force_fold.folded(sorted(
            _once(best.values(), self.once), key=lambda e: (e["trigger"]["start"], e["type"])),
            doc))
        return doc

    def _events(self, doc: Doc, published: str,
                best: dict[tuple[str, str, int], dict[str, Any]]
                ) -> None:
        for span in doc.spans[SPAN_KEY]:
            rule = self.rules[int(span.label_)]
            event = self._event(span, rule, date.fromisoformat(published[:10]))
            if event is None:
                continue
            # sanctions and export controls imposed in one go are two events; so are
            # "money and weapons" supplied in one go
            anchor = event.pop("_anchor")
            for kind in [event["subtype"], *event.pop("_also", ())]:
                event = {**event, "subtype": kind}
                key = (event["type"], event["subtype"] or "", anchor)
                if key not in best or event["confidence"] > best[key]["confidence"]:
                    best[key] = event
        diplomacy.drop_purposes(doc, best)
        relief.drop_restated(doc, best)

    # -- one event -------------------------------------------------------------

    def _event(self, span: Span, rule: TriggerRule, published: date) -> dict[str, Any] | None:
        if rule.trigger.modifier:
            return self._modifier_event(span, rule, published)
        trigger = span.root
        nominal = trigger.pos_ in ("NOUN", "PROPN") or rule.trigger.nominal
        if self._misread(span, trigger, rule, nominal):
            return None
        governor: Token | None = None
        role = "verb"
        alone = evaluated = False
        if nominal and trigger.pos_ != "VERB":
            # "announced $300 million in assistance": the verb takes the amount
            governor, role = governor_of(supply.amount_of(trigger) or
                                         relief.carrier(trigger, rule.type) or trigger,
                                         self.governors)
            if rule.type == "AID" and (governor is None or governor.lemma_ not in self.governors) \
                    and (told := supply_wording.told_by(trigger, self.governors)) is not None:
                governor, role = told, "object"  # "the package announced by the US"
            if not self._accept_nominal(trigger, governor, role):
                # "police assisting in the investigation": the subject takes part in it
                taking_part = governor is not None and \
                    governor.lemma_ in lexicon.PARTICIPATING
                alone = (rule.trigger.items and (
                    self._stands_alone(trigger, rule.trigger.subtype is not None or
                                       supply.goods_compound(trigger, self._item_class)
                                       or relief.kind_named(trigger))
                    or supply.framed(trigger)
                    or supply_chain.arranged(trigger, governor, rule.type))) or (
                    rule.type in self.standalone and (attached(trigger) or taking_part) and (
                        role in ("none", "subject") or taking_part or (
                            governor is not None and governor.lemma_ in lexicon.PRESUPPOSING))
                    ) or speech.owned(trigger, rule.type) or \
                    diplomacy.meeting_alone(trigger, rule.type, role) or \
                    diplomacy.joint_with(trigger, rule.type) or \
                    diplomacy.praised(trigger, rule.type, governor) or \
                    sanction_news.named_today(trigger, rule.type)
                if rule.type == "PROTEST":  # "the riots started", not "detained protesters"
                    alone = protest.alone(trigger, alone)
                owned = force.owned_act(trigger, governor, role) if rule.type == "ASSAULT" \
                    else rule.type in force.OWNED_TYPES and force.owned_coercion(trigger, governor)
                if not alone and owned:
                    # "food insecurity caused by Russia's war", "discussed the release of
                    # hostages held by X": the verb over it neither makes nor frames it
                    alone = True
                    if role == "object":
                        role, governor = "alone", None
                # "end all arbitrary detentions": judged, so taking place, whatever frames it
                evaluated = enforcement.presupposed(trigger, rule.type)
                if not alone and not evaluated:
                    return None
        if role == "subject" and governor is not None and \
                (rule.type, governor.lemma_) in self.type_lemmas and any(
                    s.start == governor.i and self.rules[int(s.label_)].type == rule.type
                    for s in span.doc.spans[SPAN_KEY]):
            return None  # "a rocket attack killed 27", "these sanctions target": told by the verb
        if evaluated or (alone and role == "object" and governor is not None and
                         (governor.lemma_ in lexicon.PRESUPPOSING or
                          diplomacy.praised(trigger, rule.type, governor) or
                          supply_chain.arranged(trigger, governor, rule.type))):
            role = "alone"  # "Poland condemned the attack": Poland did not attack
            alone = True
        anchor = governor if governor is not None and role == "object" else trigger
        if not evaluated and self._blocked(anchor, rule.type) and not (alone and (
                speech.owned(trigger, rule.type) or force_told.ceased(trigger, rule.type))):
            # but "calls on states to act in light of Russia's veto", "urged the junta to
            # end the violence": it happened, it goes on
            return None
        items = self._items(trigger, anchor, nominal, rule.trigger.recipient)
        subtype = self._subtype(rule, items)
        if subtype is None and rule.type == "AID" and supply_chain.military_goods(trigger, items):
            subtype = "military"  # "supplying components to firms that make weapons"
        war = subtype in (None, "economic") and rule.type == "AID" and \
            supply_chain.war_needs(trigger, items)
        if war:
            subtype = "military"  # "provide Ukraine with what it needs to defend itself"
        if subtype is None:
            return None
        subtype = supply_wording.qualified_kind(span, subtype)  # "food security assistance"
        if rule.trigger.objects and rule.trigger.subtype is None:
            # "announced new export bans": the object's own subtype, not the type's default
            subtype = self._object_subtype(trigger, rule.type) or subtype
        if rule.type in enforcement.CURRENT_TYPES and (enforcement.effect_of_measures(trigger)
                                                       or enforcement.named_as_cause(trigger)):
            return None  # "the sanctions have imposed unprecedented costs": an effect
        if rule.type in self.current_only and (self._background(span, anchor, published)
                                               or sanction_news.not_news(trigger, anchor)
                                               or (rule.trigger.objects is not None and
                                                   sanction_news.imposed_by_thing(trigger))):
            return None  # "was designated in 2019"; "information on the persons designated"
        actor, target = self._participants(span, rule, trigger, anchor, nominal, role, items)
        if rule.type == "SANCTION" and (sanction_measures.policy_measures(trigger)
                                        or sanction_roles.role_designated(trigger)):
            # "will announce new measures to protect workers": policy at home; "designated
            # Qatar as a Major Non-NATO Ally": a status
            return None
        able = rule.type in enforcement.CURRENT_TYPES and sanction_news.capability(trigger, anchor)
        if able and not any(p[2] for p in target):
            return None  # "the order gives authority to impose sanctions on those who ..."
        if rule.type in ("ASSAULT", "COERCE") and force.designation_reason(trigger):
            actor = force.doer(trigger)  # "OFAC designated X for the killing of": not OFAC
        if rule.type == "AID" and nominal and (sides := roles.bargained_supply(trigger)):
            actor, target = sides  # "negotiating with a Chinese firm for the delivery of"
        if rule.type == "PROTEST":  # "thousands march in Seoul": Koreans, against Seoul
            if protest.by_state(trigger, actor):
                return None  # "an Indian-led boycott of the summit": a refusal
            actor, target = protest.sides(trigger, actor, target)
        if rule.type == "ACCUSE":  # "condemned Iran's attack on Israel": Iran is accused
            actor, target = speech.accused(trigger, actor, target,
                                           framing.self_report(span.sent, anchor))
        if rule.type == "REQUEST":  # "Russia must withdraw": the speaker asks Russia
            actor, target = asks.duty_sides(trigger, actor, target,
                                            framing.self_report(span.sent, anchor))
        if rule.type in diplomacy.MEETING_TYPES:
            target = diplomacy.meeting_target(trigger, nominal, actor, target)
        if rule.trigger.items and not any(p[2] for p in target) and funded_at_home(anchor) \
                and not home_aid.for_countries(anchor):
            # "the law provides $44 billion to state programmes", "the American Rescue Plan
            # provided $130 billion to schools": no aid abroad
            return None
        if rule.trigger.items and supply.not_a_supply(
                trigger, items, self._item_class, actor, target, rule.trigger.recipient,
                rule.trigger.modality is not None):
            return None  # "deliver tax credit payments", "sends troops into a province"
        if rule.trigger.recipient and rule.trigger.modality is None and \
                home_aid.received_at_home(actor, target):
            return None  # "millions of Americans received financial assistance"
        if rule.type == "AID" and subtype in home_aid.MONEY_KINDS and \
                home_aid.home_only(span.sent, subtype, actor, target):
            return None  # "Treasury will distribute rental funds": a home programme
        bare = rule.trigger.modality or "asserted"
        if alone and role != "subject" and governor is not None and \
                governor.lemma_ in lexicon.ANTICIPATING:
            bare = "hypothetical"  # "warned of a Russian attack on the grid"
        # a noun as a clause's subject takes that clause's mood: "an attack on Taiwan would
        # be a disaster" (hypothetical), "talks will begin" (planned), "a rocket attack
        # left dozens dead" (asserted)
        frame = governor if role == "subject" and governor is not None else anchor
        # "the arrest of civilian leaders threatens those gains": the subject's verb frames
        # it by its tense and mood, not by what the verb means
        modality, doubted = framing.modality(trigger, frame,
                                             None if role == "subject" else governor,
                                             self.governors, self.requests, bare,
                                             climb=not alone or frame is not anchor
                                             or relief.framed_by_clause(trigger, rule.type))
        if rule.type in enforcement.CURRENT_TYPES and enforcement.costs_only(trigger):
            if (modality != "hypothetical" and not enforcement.conditional(trigger)) or \
                    sanction_news.imposed_by_thing(trigger):
                return None  # "will keep imposing costs on X": a threat (THREATEN) only
            modality = "hypothetical"  # "ready to impose costs on X if it invades"
        elif able or (rule.type in enforcement.CURRENT_TYPES and modality == "planned" and
                      enforcement.conditional(anchor)):
            # "ready to impose further sanctions if needed", "the ability to re-impose
            # sanctions on Iran"
            modality = "hypothetical"
        # "bringing wrongfully held nationals home": they are held; "any attack on X"
        modality = force_deeds.own_modality(trigger, rule.type) or modality
        if rule.trigger.speech_act and modality in ("planned", "hypothetical"):
            modality = "asserted"  # "we will hold Russia accountable" is a threat made now
        if refusals.veto_threatened(trigger, rule.type, modality):
            modality = "hypothetical"  # "has pledged to veto the bill": a veto threat
        if alone and modality == "asserted" and supply_wording.awaited(trigger):
            modality = "planned"  # "ready before the delivery of F-35s to Canada"
        event = self._built(span, rule, anchor, subtype, actor, target, items, modality,
                            doubted, governor, nominal, published)
        if rule.trigger.items and rule.trigger.subtype is None:
            event["_also"] = [k for k in supply.kinds(items, self._item_class)
                              if k != subtype and not war]
        elif rule.type == "AID" and nominal:  # "security, economic, and humanitarian aid"
            event["_also"] = [k for k in supply.paired_kinds(trigger) if k != subtype]
        return event


def _once(events: Iterable[dict[str, Any]], once: set[str]) -> list[dict[str, Any]]:
    """Give the events with only the surest of each `once` type per sentence."""
    surest: dict[tuple[str, int], dict[str, Any]] = {}
    rest: list[dict[str, Any]] = []
    for event in events:
        if event["type"] not in once:
            rest.append(event)
            continue
        key = (event["type"], event["sentence"]["start"])
        if key not in surest or event["confidence"] > surest[key]["confidence"]:
            surest[key] = event
    return rest + list(surest.values())


