"""The events component: turns each trigger into an event with its arguments,
read from the dependency parse — actor, target, items, date, location,
modality, hedging, attribution and a confidence — and stores them on
`doc._.alerter_events` as plain dicts (so they cross process boundaries).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from alerter.extract import (
    diplomacy,
    enforcement,
    force,
    force_fold,
    framing,
    lexicon,
    protest,
    roles,
    speech,
    supply,
    transfers,
)
from alerter.extract.clauses import (
    SUBJECT,
    attached,
    charging_verb,
    governor_of,
    meets,
    np_head,
    owned_through_of,
    subject_of,
)
from alerter.extract.dates import normalise_date
from alerter.extract.participants import INDEX_KEY, mention_index, participants_in, phrase_tokens
from alerter.extract.taxonomy import Taxonomy, load_taxonomy
from alerter.extract.triggers import SPAN_KEY, TriggerRule, compile_rules

if not Doc.has_extension("alerter_events"):
    Doc.set_extension("alerter_events", default=None)
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)

@Language.factory("alerter_events", default_config={"taxonomy": None})
def make_events(nlp: Language, name: str, taxonomy: str | None) -> EventBuilder:
    return EventBuilder(load_taxonomy(taxonomy))


_BY = frozenset(("by", "until", "till", "before"))  # "by Friday": a deadline ahead


class EventBuilder:
    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.rules = compile_rules(taxonomy)
        self.governors = taxonomy.governor_modality()
        self.subject_governors = set(taxonomy.subject_governors)
        self.blocking = set(taxonomy.blocking_governors)
        self.requests = set(taxonomy.request_governors)
        self.requestable = set(taxonomy.requestable)
        self.current_only = set(taxonomy.current_only)
        self.standalone = set(taxonomy.standalone)
        self.place_targets = set(taxonomy.place_targets)
        self.once = set(taxonomy.once_per_sentence)
        # which trigger lemmas belong to which type, so a verb never blocks its own type
        self.type_lemmas = {(rule.type, lemma) for rule in self.rules
                            for lemma in rule.trigger.lemmas or []}
        self.item_classes = {word.lower(): name for name, words in taxonomy.item_classes.items()
                             for word in words}
        self.class_rank = list(taxonomy.item_classes)
        self._dates: list[Span] = []
        # per sentence start: the words hedging and attribution look for, found once
        self._cues: dict[int, list[Token]] = {}
        # per Doc: the kind of goods an aid phrase names at its head ("security assistance":
        # military, whatever its words' classes say)
        self._named: dict[int, str] = {}

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published or date.today().isoformat()
        best: dict[tuple[str, str, int], dict[str, Any]] = {}
        doc.user_data[INDEX_KEY] = mention_index(doc)
        # doc.ents builds every entity afresh on each access: the dates once per Doc
        self._dates = [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME")]
        self._cues = {}
        self._named = {span.root.i: rule.subtype for span in doc.spans[SPAN_KEY]
                       if (rule := self.rules[int(span.label_)]).trigger.phrase
                       and rule.trigger.items and rule.subtype in self.class_rank}
        try:
            self._events(doc, published, best)
        finally:
            del doc.user_data[INDEX_KEY]
            self._dates = []
            self._cues = {}
            self._named = {}
        doc._.alerter_events = force_fold.folded(sorted(
            _once(best.values(), self.once), key=lambda e: (e["trigger"]["start"], e["type"])),
            doc)
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

    # -- one event -------------------------------------------------------------

    def _event(self, span: Span, rule: TriggerRule, published: date) -> dict[str, Any] | None:
        if rule.trigger.modifier:
            return self._modifier_event(span, rule, published)
        trigger = span.root
        nominal = trigger.pos_ in ("NOUN", "PROPN") or rule.trigger.nominal
        # "jailed opposition figures", "the defending champions", "entities supporting
        # the army", "necessary for supporting the war"; but "the first instance of Iran
        # supplying missiles" is the supply itself
        if trigger.pos_ == "VERB" and not self._clause_of_its_own(trigger, rule.type) and \
                not force.stated(trigger, rule.type) and \
                not speech.own_clause(trigger, rule.type, rule.trigger.speech_act):
            return None
        if (nominal and (rule.trigger.lemmas or rule.trigger.phrase)
                and trigger.dep_ == "compound"
                and trigger.head.lemma_.lower() not in lexicon.CONTAINERS
                and not (rule.type == "PROTEST" and protest.happening(trigger))):
            # "attack drones", "strike aircraft": a kind of weapon; "sanctions evasion",
            # "sanctions rules": a kind of thing; but "a sanctions package" is the event
            return None
        if rule.trigger.context and not self._in_context(span, trigger, rule.trigger.context):
            return None  # "designated as a voter registration agency": no sanctions here
        if rule.trigger.requires is not None and not meets(trigger, rule.trigger.requires):
            return None  # "support broadband", "seize the opportunity", "meet challenges"
        if force.misread(trigger, rule.type):
            return None  # "a fire kills 12", "the war in Ukraine": no attack
        if (rule.trigger.speech_act or rule.type == "THREATEN") and \
                speech.effect_of_measure(trigger):
            return None  # "the order escalates pressure on X": what it does, no threat
        if rule.type == "THREATEN" and speech.campaign_recalled(trigger):
            return None  # "we have worked to impose costs on X": a campaign recalled
        if speech.nobody_refuses(trigger, rule.type):
            return None  # "persons who ..., refuse to take part in abuses"; "must reject"
        if rule.type == "AID" and any(c.dep_ == "prt" and c.lower_ in ("up", "back")
                                      for c in trigger.children):
            return None  # "give up arms", "hand back": no aid
        if rule.trigger.unless and any(c.dep_ == "xcomp" and c.lemma_ in rule.trigger.unless
                                       for c in trigger.children):
            return None  # "agreed to pay a civil penalty"
        governor: Token | None = None
        role = "verb"
        alone = evaluated = False
        if nominal and trigger.pos_ != "VERB":
            # "announced $300 million in assistance": the verb takes the amount
            governor, role = governor_of(supply.amount_of(trigger) or trigger, self.governors)
            if not self._accept_nominal(trigger, governor, role):
                # "police assisting in the investigation": the subject takes part in it
                taking_part = governor is not None and \
                    governor.lemma_ in lexicon.PARTICIPATING
                alone = (rule.trigger.items and (
                    self._stands_alone(trigger, rule.trigger.subtype is not None or
                                       supply.goods_compound(trigger, self._item_class))
                    or supply.framed(trigger))) or (
                    rule.type in self.standalone and (attached(trigger) or taking_part) and (
                        role in ("none", "subject") or taking_part or (
                            governor is not None and governor.lemma_ in lexicon.PRESUPPOSING))
                    ) or speech.owned(trigger, rule.type) or \
                    diplomacy.meeting_alone(trigger, rule.type, role)
                if rule.type == "PROTEST":  # "the riots started", not "detained protesters"
                    alone = protest.alone(trigger, alone)
                if not alone and rule.type == "ASSAULT" and \
                        force.owned_act(trigger, governor, role):
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
                         governor.lemma_ in lexicon.PRESUPPOSING):
            role = "alone"  # "Poland condemned the attack": Poland did not attack
            alone = True
        anchor = governor if governor is not None and role == "object" else trigger
        if not evaluated and self._blocked(anchor, rule.type) and \
                not (alone and speech.owned(trigger, rule.type)):
            return None  # but "calls on states to act in light of Russia's veto": it happened
        items = self._items(trigger, anchor, nominal, rule.trigger.recipient)
        subtype = self._subtype(rule, items)
        if subtype is None:
            return None
        if rule.trigger.objects and rule.trigger.subtype is None:
            # "announced new export bans": the object's own subtype, not the type's default
            subtype = self._object_subtype(trigger, rule.type) or subtype
        if rule.type in enforcement.CURRENT_TYPES and (enforcement.effect_of_measures(trigger)
                                                       or enforcement.named_as_cause(trigger)):
            return None  # "the sanctions have imposed unprecedented costs": an effect
        if rule.type in self.current_only and self._background(span, anchor, published):
            return None
        actor, target = self._participants(span, rule, trigger, anchor, nominal, role, items)
        if rule.type == "AID" and nominal and (sides := roles.bargained_supply(trigger)):
            actor, target = sides  # "negotiating with a Chinese firm for the delivery of"
        if rule.type == "PROTEST":  # "thousands march in Seoul": Koreans, against Seoul
            if protest.by_state(trigger, actor):
                return None  # "an Indian-led boycott of the summit": a refusal
            actor, target = protest.sides(trigger, actor, target)
        if rule.type == "ACCUSE":  # "condemned Iran's attack on Israel": Iran is accused
            actor, target = speech.accused(trigger, actor, target,
                                           framing.self_report(span.sent, anchor))
        if rule.type in diplomacy.MEETING_TYPES:
            target = diplomacy.meeting_target(trigger, nominal, actor, target)
        if rule.trigger.items and not any(p[2] for p in target) and _funded_at_home(anchor):
            # "the law provides $44 billion to state programmes", "the American Rescue Plan
            # provided $130 billion to schools": no aid abroad
            return None
        if rule.trigger.items and supply.not_a_supply(
                trigger, items, self._item_class, actor, target, rule.trigger.recipient,
                rule.trigger.modality is not None):
            return None  # "deliver tax credit payments", "sends troops into a province"
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
                                             climb=not alone or frame is not anchor)
        if rule.type in enforcement.CURRENT_TYPES and enforcement.costs_only(trigger):
            if modality != "hypothetical" and not enforcement.conditional(trigger):
                return None  # "will keep imposing costs on X": a threat (THREATEN) only
            modality = "hypothetical"  # "ready to impose costs on X if it invades"
        if rule.trigger.speech_act and modality in ("planned", "hypothetical"):
            modality = "asserted"  # "we will hold Russia accountable" is a threat made now
        if alone and modality == "asserted" and supply.awaited(trigger):
            modality = "planned"  # "ready before the delivery of F-35s to Canada"
        event = self._built(span, rule, anchor, subtype, actor, target, items, modality,
                            doubted, governor, nominal, published)
        if rule.trigger.items and rule.trigger.subtype is None:
            event["_also"] = [k for k in supply.kinds(items, self._item_class) if k != subtype]
        elif rule.type == "AID" and nominal:  # "security, economic, and humanitarian aid"
            event["_also"] = [k for k in supply.paired_kinds(trigger) if k != subtype]
        return event

    @staticmethod
    def _in_context(span: Span, trigger: Token, words: list[str]) -> bool:
        """Give whether the sentence holds one of the words, and the trigger names no office
        ("designated X as Acting Commissioner", "the designation of a delegation")."""
        holders = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        if any(c.dep_ == "prep" and c.lower_ in ("as", "of") and g.lemma_.lower() in
               lexicon.OFFICES for h in holders for c in h.children for g in c.children):
            return False
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
        if verb.dep_ == "acl":
            head = verb.head.lemma_
            if verb.tag_ == "VBD" and any(c.dep_ == "nsubj" for c in verb.children):
                return True  # a lead-in misread: "Interest Rates: China committed to ..."
            if verb.tag_ in ("VBN", "VBD"):  # a participle, sometimes tagged as a past
                # "the shipment seized by Greek authorities", "a man accused of fraud"
                # are events; "information on the individuals designated today" only
                # repeats the day's sanctions, but "the entities targeted today help
                # Iran export oil" says who was hit
                return type_name not in self.current_only or any(
                    c.dep_ == "agent" for c in verb.children) or verb.head.dep_ in (
                    "nsubj", "nsubjpass", "appos")
            return head in lexicon.SIGNIFICANCE_NOUNS or (
                verb.tag_ == "VB" and head in self.governors) or \
                diplomacy.crowd_request(verb, type_name)
        if verb.dep_ == "pcomp":
            # "its commitment of providing $11 billion", "Iran's involvement in supplying"
            return verb.head.lower_ == "by" or charging_verb(verb) is not None or \
                verb.tag_ != "VBG" or supply.framing_noun(verb, self.governors) is not None
        if verb.dep_ == "relcl":
            pronoun = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                       and c.tag_ in ("WDT", "WP")]
            if enforcement.repeats_designees(verb, type_name):
                return False
            return not pronoun or verb.head.lemma_.lower() in lexicon.INSTRUMENTS or \
                enforcement.states_act(verb, type_name)
        return True

    def _subtype(self, rule: TriggerRule, items: list[tuple[Token, list[Token]]]
                 ) -> str | None:
        """Give the event's subtype ('' for none); None when the items it needs are missing."""
        if not rule.trigger.items:
            return rule.subtype or ""
        known = [c for c in (self._item_class(tokens) for _, tokens in items) if c is not None]
        if known and rule.trigger.subtype:
            return rule.trigger.subtype  # "security assistance": military, not economic
        return min(known, key=self.class_rank.index) if known else None

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
            _all_participants(supply.owner(anchor, self.governors))
        if not actor:
            actor = roles.warned_party(anchor)
        if not actor and not enforcement.judged(trigger) and rule.type != "PROTEST" and \
                owned_through_of(trigger, self.governors) and not roles.own_doer(anchor):
            actor = framing.self_report(span.sent, anchor)  # a protest's: never the speaker
        charging = charging_verb(trigger)
        if charging is not None:
            # "firms designated for supplying weapons", "accused of shipping drones":
            # the one designated or accused did it
            actor = _all_participants([phrase_tokens(c) for c in charging.children
                                       if c.dep_ in ("dobj", "nsubjpass")])
        if not actor and trigger.dep_ == "acl" and trigger.head.lemma_ in \
                lexicon.SIGNIFICANCE_NOUNS:
            actor = _all_participants([phrase_tokens(g) for c in trigger.head.children
                                       if c.dep_ == "prep" and c.lower_ == "of"
                                       for g in c.children if g.dep_ == "pobj"])
        if not actor and rule.type != "PROTEST" and (  # OFAC protests nothing
                lexicon.US_AUTHORITY.search(span.sent.text) or "OFAC" in span.sent.text
                or (rule.type in enforcement.CURRENT_TYPES
                    and enforcement.US_CRITERIA.search(span.sent.text))):
            actor = [("United States", "country", "USA")]  # "pursuant to E.O. 14024"
        target, partners = self._target(trigger, anchor, nominal, items)
        if not target and rule.trigger.items:
            target = _all_participants(supply.helped(anchor))  # "$8 billion to help Kyiv"
        if not target and nominal and rule.type in self.standalone:
            # "the arrest of four Turkish journalists", "the killing of an Iranian general"
            target = _all_participants([phrase_tokens(g) for c in trigger.children
                                        if c.dep_ == "prep" and c.lower_ == "of"
                                        for g in c.children if g.dep_ == "pobj"])
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
            target = _all_participants([phrase_tokens(g) for h in heads
                                        for c in h.children if c.dep_ == "prep"
                                        and c.lower_ in ("in", "near", "outside", "across")
                                        for g in c.children if g.dep_ == "pobj"])
        if not target and rule.type in self.place_targets:
            target = force.place(trigger, anchor)  # "a shooting spree in Maine, killing two"
        settled_actor, settled_target = _settle(actor, target, partners)
        if rule.type in diplomacy.SELF_ADDRESSED and settled_actor is actor:
            # "the President called on Congress to act": a request at home, USA → USA
            settled_target += [p for p in target if p not in settled_target]
        return settled_actor, settled_target

    def _modifier_event(self, span: Span, rule: TriggerRule, published: date
                        ) -> dict[str, Any] | None:
        """Give the supply event of a hyphenated participle: "Iranian-provided drones"."""
        participle = span.doc[span.end - 1]
        supplier, goods, user = transfers.modifier_parts(participle)
        if goods is None:
            return None
        items = [(goods, [t for t in goods.lefts if t.i > participle.i] + [goods])]
        subtype = self._subtype(rule, items)
        if subtype is None:
            return None
        span = span.doc[participle.i:participle.i + 1]  # the word, not the hyphen
        return self._built(span, rule, participle, subtype, supplier, user, items, "asserted",
                           False, None, True, published)

    def _built(self, span: Span, rule: TriggerRule, anchor: Token, subtype: str,
               actor: Found, target: Found, items: list[tuple[Token, list[Token]]],
               modality: str, doubted: bool, governor: Token | None, nominal: bool,
               published: date) -> dict[str, Any]:
        """Give the event as a plain dict."""
        sent = span.sent
        cues = self._cues.get(sent.start)
        if cues is None:
            cues = self._cues[sent.start] = framing.cue_tokens(sent)
        attribution = framing.attribution(sent, anchor, cues)
        charging = charging_verb(anchor)
        hedged = doubted or framing.hedged(anchor, cues) or (
            charging is not None and charging.lemma_ in lexicon.ALLEGING_VERBS)
        confidence = self._confidence(rule, nominal, governor, actor, target, hedged)
        sentence = _trimmed(sent)
        return {
            "_anchor": anchor.i,
            "type": rule.type,
            "subtype": subtype or None,
            "trigger": {"text": span.text, "start": span.start_char, "end": span.end_char},
            "actor": [{"text": t, "kind": k, "code": c} for t, k, c in actor],
            "target": [{"text": t, "kind": k, "code": c} for t, k, c in target],
            "items": [self._item(tokens) for _, tokens in items],
            "date": self._date(sentence, anchor, published),
            "location": self._location(anchor),
            "modality": modality,
            "hedged": hedged,
            "attribution": attribution,
            "sentence": {"text": sentence.text, "start": sentence.start_char,
                         "end": sentence.end_char},
            "confidence": confidence,
        }

    def _background(self, span: Span, anchor: Token, published: date) -> bool:
        """Give whether the event is an earlier one recalled: "was previously designated",
        "was sanctioned in 2019" (more than a quarter before publication)."""
        token = anchor
        while token.dep_ in ("xcomp", "conj", "advcl", "ccomp") and token.head.i != token.i:
            token = token.head
            if token.lemma_ in ("continue", "keep"):
                return True  # "we continue to target them for sanctions": resolve, no act
        trigger = span.root
        if trigger.dep_ == "pobj" and trigger.head.lower_ in lexicon.PRESUPPOSING_PREPS:
            return True  # "following multiple OFAC designations between 1995 and 2004"
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and \
                trigger.head.head.lemma_.lower() in lexicon.ABOUT_MEASURES:
            return True  # "the use of sanctions", "enforcement of U.S. sanctions"
        verbs = [anchor, anchor.head] if anchor.dep_ == "conj" else [anchor]
        # "In previous actions, OFAC designated a hotel that was designated ...": the
        # clause a relative or subordinate clause hangs from dates it too
        verbs += [a for a in anchor.ancestors if a.pos_ in ("VERB", "AUX")
                  and a.dep_ in ("ROOT", "conj")][:1]
        if any(c.dep_ == "advmod" and c.lower_ in lexicon.BACKGROUND_ADVERBS
               for v in verbs for c in v.children):
            return True  # "previously identified and designated"
        if any(c.dep_ == "prep" and c.lower_ == "since" for v in (anchor, *anchor.ancestors)
               if v.pos_ in ("VERB", "AUX") for c in v.children):
            return True  # "since January, Treasury has taken 19 actions, sanctioning ...": a tally
        for verb in verbs:
            for prep in (c for c in verb.children if c.dep_ == "prep"):
                for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                    # "to date, Treasury has sanctioned", "in previous actions, OFAC ..."
                    if (prep.lower_, pobj.lower_) == ("to", "date") or any(
                            a.lower_ in lexicon.BACKGROUND_ADJECTIVES for a in pobj.children):
                        return True
        if any(c.dep_ == "amod" and c.lower_ in lexicon.BACKGROUND_ADJECTIVES
               for c in span.root.children if span.root.pos_ == "NOUN"):
            return True  # "existing sanctions"
        if enforcement.campaign_summary(trigger, anchor):
            return True  # "levying multiple rounds of sanctions": a campaign summed up
        if any(c.lower_ == "today" for c in anchor.children):
            return False  # "Samad, also designated today, ...", whatever year the clause names
        when = self._date(_trimmed(span.sent), anchor, published)
        if when is None or "W" in when:
            return False
        if len(when) == 10:  # a day: "designated on April 27, 2023" in a later release
            return (published - date.fromisoformat(when)).days > 7
        year, month = int(when[:4]), int(when[5:7]) if len(when) >= 7 else 12
        return (published.year - year) * 12 + published.month - month > 3

    def _blocked(self, anchor: Token, type_name: str) -> bool:
        """Give whether the event is only asked for or refused by a verb above it."""
        token = anchor
        while token.dep_ in ("xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep", "dobj",
                             "conj") and token.head.i != token.i:
            token = token.head
            if token.lemma_ in self.requests and type_name in self.requestable:
                return False  # "asked Seoul to send shells": the supply is discussed
            if token.lemma_ in self.blocking and (type_name, token.lemma_) not in \
                    self.type_lemmas:
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
        sides += supply.recipients_nearby(trigger)  # "the supply of UAVs and parts to Iran"
        found = [p for t in sides for p in participants_in(phrase_tokens(t))]
        if "of" not in preps and goods_named:
            return any(p[2] for p in found)  # "humanitarian aid to Gaza", not "to those"
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

    # -- arguments ---------------------------------------------------------------

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
            found = _all_participants([phrase_tokens(m) for m in modifiers + by])
        if not found and not nominal and roles.possessed_by_object(anchor):
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
        return _all_participants(phrases), _all_participants(partners)

    def _items(self, trigger: Token, anchor: Token, nominal: bool,
               asking: bool = False) -> list[tuple[Token, list[Token]]]:
        heads: list[Token] = []
        if nominal:
            preps = ("of", "for") if trigger.lemma_ in lexicon.DEAL_NOUNS else ("of",)
            heads += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in preps
                      for g in c.children if g.dep_ == "pobj"]
            heads += [c for c in trigger.children if c.dep_ in ("compound", "amod")
                      and c.pos_ in ("NOUN", "ADJ", "PROPN")]
            if trigger.lemma_ in self.item_classes or trigger.lower_ in self.item_classes:
                heads.append(trigger)  # "lethal aid", "arms embargo"
        else:
            objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
            heads += objects
            # "supply X with drones"; "asked Seoul for air defence systems"
            preps = ("with", "for") if asking else ("with",)
            heads += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in preps
                      for g in c.children if g.dep_ == "pobj"]
            # "provided Moldova with generators", the "with" hung on the object
            heads += [g for o in objects for c in o.children if c.dep_ == "prep"
                      and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
            if trigger.dep_ == "relcl" and all(o.tag_ in ("WDT", "WP") for o in objects):
                # "the kinds of drones Iran will be supplying", "the weapons that Iran
                # supplies to Russia"
                heads.append(trigger.head)
        expanded: list[Token] = []
        for head in list(heads):
            if head.like_num or head.lower_ in lexicon.SCALES or head.ent_type_ == "MONEY" \
                    or head.lower_ in lexicon.CURRENCIES:
                # "$4 billion in humanitarian aid", "1 billion euros in military aid"; "in"
                # may hang on the verb: "contributed $74 billion in assistance to Ukraine"
                owners = [head, trigger] if not nominal and head.head.i == trigger.i else [head]
                heads += [g for o in owners for c in o.children if c.dep_ == "prep"
                          and c.lower_ == "in" for g in c.children if g.dep_ == "pobj"]
        for head in heads:
            if head.lemma_.lower() in lexicon.MEASURES:
                # "hundreds of attack drones", "tonnes of food": the goods are the "of" part
                goods = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"]
                head = goods[0] if goods else head
            expanded.append(head)
            expanded += [c for c in head.conjuncts if c.i > head.i]
        items: list[tuple[Token, list[Token]]] = []
        for head in expanded:
            if participants_in([head]) and head.pos_ == "PROPN" and \
                    self._item_class([head]) is None:
                continue  # a named party, but "F-35s" are goods
            if head.lemma_.lower() in lexicon.FORCE_NOUNS and participants_in(
                    phrase_tokens(head)):
                continue  # "supply the Russian military": the recipient, not the goods
            # the words before the head in its phrase: its left children's subtrees
            tokens = [t for c in head.lefts for t in c.subtree if t.i < head.i
                      and t.dep_ not in ("det", "poss", "case", "punct", "cc", "predet")
                      and not t.is_stop]
            items.append((head, sorted([*tokens, head], key=lambda t: t.i)))
        return items

    def _item_class(self, tokens: list[Token]) -> str | None:
        named = [self._named[t.i] for t in tokens if t.i in self._named]
        if named:
            return named[0]  # "$5 million in security assistance": military
        # "UAVs", "F-35s": plurals the lemmatiser leaves alone
        classes = [self.item_classes.get(t.lemma_.lower()) or self.item_classes.get(t.lower_)
                   or self.item_classes.get(t.lower_.removesuffix("s")) for t in tokens]
        known = [c for c in classes if c]
        return min(known, key=self.class_rank.index) if known else None

    @staticmethod
    def _quantity(tokens: list[Token]) -> float | None:
        numbers = [t for t in tokens if t.like_num or t.lower_ in lexicon.WORD_NUMBERS]
        if not numbers:
            return None
        value: float | None = None
        for token in numbers:
            word = token.lower_.replace(",", "")
            if word in lexicon.SCALES and value is not None:
                value *= lexicon.SCALES[word]
            elif word in lexicon.WORD_NUMBERS:
                value = float(lexicon.WORD_NUMBERS[word])
            else:
                try:
                    value = float(word)
                except ValueError:
                    continue
        return value

    def _item(self, tokens: list[Token]) -> dict[str, Any]:
        words = [t for t in tokens if not (t.like_num or t.lower_ in lexicon.WORD_NUMBERS
                                           or t.lower_ in lexicon.SCALES)]
        doc = tokens[0].doc
        text = doc[words[0].i: words[-1].i + 1].text if words else doc[tokens[0].i].text
        return {"text": text, "quantity": self._quantity(tokens)}

    # -- framing -----------------------------------------------------------------

    def _date(self, sentence: Span, anchor: Token, published: date) -> str | None:
        frame = set()
        token = anchor
        frame.add(token.i)
        while token.head.i != token.i and token.lemma_ not in lexicon.REPORT_VERBS:
            if token.dep_ in ("ccomp", "parataxis"):
                break
            token = token.head
            if token.lemma_ in lexicon.REPORT_VERBS:
                break
            frame.add(token.i)
        for ent in self._dates:
            if ent.start < sentence.start or ent.end > sentence.end:
                continue
            node = ent.root
            for _ in range(4):
                if node.head.i in frame:
                    before = ent.doc[ent.start - 1].lower_ if ent.start else ""
                    if before == "after" and ent.start > 1 and \
                            ent.doc[ent.start - 2].lower_ == "or":
                        break  # "for, on or after May 5, 2018, having ...": a criterion
                    value = normalise_date(ent.text, published, future=before in _BY)
                    if value:
                        return value
                    break
                if node.head.i == node.i:
                    break
                node = node.head
        return None

    @staticmethod
    def _location(anchor: Token) -> str | None:
        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "at", "near"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ in ("GPE", "LOC", "FAC"):
                        return framing.clean(phrase_tokens(pobj))
        return None

    def _confidence(self, rule: TriggerRule, nominal: bool, governor: Token | None,
                    actor: list[Any], target: list[Any], hedged: bool) -> float:
        if rule.trigger.confidence is not None:
            score = rule.trigger.confidence
        elif not nominal:
            score = 0.6
        else:
            score = 0.55 if governor is not None else 0.4
        if any(p[2] for p in actor):
            score += 0.15
        if any(p[2] for p in target):
            score += 0.1
        if hedged:
            score -= 0.1
        return round(min(max(score, 0.05), 0.95), 2)


Found = framing.Found


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


def _funded_at_home(verb: Token) -> bool:
    """Give whether a law, budget or programme is what gives: domestic spending."""
    subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    return subject is not None and subject.lemma_.lower() in lexicon.SPENDING_INSTRUMENTS


def _all_participants(phrases: list[list[Token]]) -> Found:
    """Give the participants of several phrases, each named once."""
    found: Found = []
    for phrase in phrases:
        found += [p for p in participants_in(phrase) if p not in found]
    return found


def _settle(actor: Found, target: Found, partners: Found) -> tuple[Found, Found]:
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
    return actor, [p for p in target if not (p[2] and p[2] in codes)]


def _trimmed(sentence: Span) -> Span:
    """Give the sentence without the line breaks and spaces at its edges."""
    start, end = sentence.start, sentence.end
    while end > start + 1 and sentence.doc[end - 1].is_space:
        end -= 1
    while start < end - 1 and sentence.doc[start].is_space:
        start += 1
    return sentence.doc[start:end]
