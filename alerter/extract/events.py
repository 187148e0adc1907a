"""The events component: turns each trigger into an event with its arguments,
read from the dependency parse — actor, target, items, date, location,
modality, hedging, attribution and a confidence — and stores them on
`doc._.alerter_events` as plain dicts (so they cross process boundaries).
"""

from __future__ import annotations

from collections.abc import Container
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from alerter.extract import lexicon
from alerter.extract.dates import normalise_date
from alerter.extract.participants import INDEX_KEY, mention_index, participants_in, phrase_tokens
from alerter.extract.taxonomy import Taxonomy, load_taxonomy
from alerter.extract.triggers import SPAN_KEY, TriggerRule, compile_rules

if not Doc.has_extension("alerter_events"):
    Doc.set_extension("alerter_events", default=None)
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)

_SUBJECT = {"nsubj", "csubj"}
_PASSIVE_SUBJECT = {"nsubjpass", "csubjpass"}
_OBJECT = {"dobj", "obj", "dative", "attr", "oprd"}
# Moves up from a word to the clause or phrase that governs it.
# Prepositions through which a noun's event belongs to the noun above it:
# "a decision on the provision of aid", "talks about the supply of drones".
_NOUN_PREPS = {"of", "on", "about", "over", "for", "regarding", "concerning"}
_CLIMB_NP = {"compound", "amod", "nmod", "conj", "appos", "npadvmod", "poss"}


@Language.factory("alerter_events", default_config={"taxonomy": None})
def make_events(nlp: Language, name: str, taxonomy: str | None) -> EventBuilder:
    return EventBuilder(load_taxonomy(taxonomy))


def _np_head(token: Token) -> Token:
    """Climb from a word to the head of the noun phrase it sits in."""
    while True:
        if token.dep_ in _CLIMB_NP and token.head.i != token.i and token.head.pos_ in (
                "NOUN", "PROPN", "PRON", "NUM", "ADJ"):
            token = token.head
        elif (token.dep_ == "pobj" and token.head.lower_ == "of"
              and token.head.head.pos_ in ("NOUN", "PROPN")):
            token = token.head.head
        else:
            return token


def governor_of(trigger: Token, governors: Container[str]) -> tuple[Token | None, str]:
    """Give the word that frames a nominal trigger's phrase, and how: 'object' or 'subject'.

    It is the verb that takes the phrase ("announced new sanctions"), or a framing
    noun it hangs from ("negotiations for the delivery of drones").
    """
    head = _np_head(trigger)
    while True:
        if head.dep_ in _OBJECT | _PASSIVE_SUBJECT and head.head.pos_ in ("VERB", "AUX"):
            return head.head, "object"
        if head.dep_ in _SUBJECT and head.head.pos_ in ("VERB", "AUX"):
            return head.head, "subject"
        if head.dep_ == "pobj" and head.head.dep_ in ("prep", "agent"):
            above = head.head.head
            if above.pos_ in ("NOUN", "PROPN") and head.head.lower_ not in _NOUN_PREPS:
                return None, "none"  # "pressure from sanctions regimes": not its event
            if above.pos_ in ("VERB", "AUX"):
                return above, "object"
            if above.pos_ in ("NOUN", "PROPN"):
                if above.lemma_ in governors:
                    return above, "object"
                head = _np_head(above)
                continue
        if head.dep_ == "acl" or head.dep_ == "ROOT":
            return None, "root" if head.dep_ == "ROOT" else "none"
        return None, "none"


def _chain(anchor: Token) -> list[Token]:
    """Give the anchor and the verbs above it whose meaning frames it (xcomp, ...)."""
    out = [anchor]
    token = anchor
    while token.dep_ in ("xcomp", "pcomp", "conj", "ccomp", "advcl", "prep", "pobj", "dobj",
                         "acl", "relcl", "compound", "amod") and token.head.i != token.i:
        if token.dep_ in ("conj",) and token.head.pos_ == "VERB":
            # "have not decided on X but are discussing Y": the conjunct stands alone
            break
        token = token.head
        out.append(token)
        if token.lemma_ in lexicon.REPORT_VERBS and token.pos_ == "VERB":
            break
    return out


_BY = frozenset(("by", "until", "till", "before"))  # "by Friday": a deadline ahead


class EventBuilder:
    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.rules = compile_rules(taxonomy)
        self.governors = taxonomy.governor_modality()
        self.subject_governors = set(taxonomy.subject_governors)
        self.blocking = set(taxonomy.blocking_governors)
        # which trigger lemmas belong to which type, so a verb never blocks its own type
        self.type_lemmas = {(rule.type, lemma) for rule in self.rules
                            for lemma in rule.trigger.lemmas or []}
        self.item_classes = {word.lower(): name for name, words in taxonomy.item_classes.items()
                             for word in words}
        self.class_rank = list(taxonomy.item_classes)
        self._dates: list[Span] = []

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published or date.today().isoformat()
        best: dict[tuple[str, int], dict[str, Any]] = {}
        doc.user_data[INDEX_KEY] = mention_index(doc)
        # doc.ents builds every entity afresh on each access: the dates once per Doc
        self._dates = [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME")]
        try:
            self._events(doc, published, best)
        finally:
            del doc.user_data[INDEX_KEY]
            self._dates = []
        doc._.alerter_events = sorted(best.values(), key=lambda e: (e["trigger"]["start"],
                                                                     e["type"]))
        return doc

    def _events(self, doc: Doc, published: str, best: dict[tuple[str, int], dict[str, Any]]
                ) -> None:
        for span in doc.spans[SPAN_KEY]:
            rule = self.rules[int(span.label_)]
            event = self._event(span, rule, date.fromisoformat(published[:10]))
            if event is None:
                continue
            key = (event["type"], event.pop("_anchor"))
            if key not in best or event["confidence"] > best[key]["confidence"]:
                best[key] = event

    # -- one event -------------------------------------------------------------

    def _event(self, span: Span, rule: TriggerRule, published: date) -> dict[str, Any] | None:
        trigger = span.root
        nominal = trigger.pos_ in ("NOUN", "PROPN") or rule.trigger.nominal
        if trigger.pos_ == "VERB" and (trigger.dep_ == "amod" or (trigger.tag_ == "VBG"
                                       and trigger.dep_ in ("acl", "pcomp"))):
            # "jailed opposition figures", "the defending champions",
            # "entities supporting the army", "necessary for supporting the war"
            return None
        if (nominal and rule.trigger.lemmas and trigger.dep_ == "compound"
                and self.item_classes.get(trigger.head.lemma_.lower()) == "military"):
            return None  # "attack drones", "strike aircraft": a kind of weapon
        governor: Token | None = None
        role = "verb"
        if nominal and trigger.pos_ != "VERB":
            governor, role = governor_of(trigger, self.governors)
            if not self._accept_nominal(trigger, governor, role):
                return None
        anchor = governor if governor is not None and role == "object" else trigger
        if self._blocked(anchor, rule.type):
            return None
        items = self._items(trigger, anchor, nominal)
        subtype = rule.subtype
        if rule.trigger.items:
            classes = [self._item_class(tokens) for _, tokens in items]
            known = [c for c in classes if c is not None]
            if not known:
                return None
            subtype = min(known, key=self.class_rank.index)
        attribution = self._attribution(span.sent, anchor)
        actor = self._actor(trigger, anchor, nominal, role) or self._self_report(span.sent,
                                                                                 anchor)
        target, partners = self._target(trigger, anchor, nominal)
        actor, target = _settle(actor, target, partners)
        modality = self._modality(trigger, anchor, governor)
        hedged = self._hedged(span.sent, anchor)
        confidence = self._confidence(rule, nominal, governor, actor, target, hedged)
        sentence = _trimmed(span.sent)
        return {
            "_anchor": anchor.i,
            "type": rule.type,
            "subtype": subtype,
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

    def _blocked(self, anchor: Token, type_name: str) -> bool:
        """Give whether the event is only asked for or refused by a verb above it."""
        token = anchor
        while token.dep_ in ("xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep", "dobj",
                             "conj") and token.head.i != token.i:
            token = token.head
            if token.lemma_ in self.blocking and (type_name, token.lemma_) not in \
                    self.type_lemmas:
                return True
            if token.lemma_ in lexicon.REPORT_VERBS:
                return False
        return False

    def _accept_nominal(self, trigger: Token, governor: Token | None, role: str) -> bool:
        if role == "root":
            return True  # a headline: "New sanctions on Russia"
        if governor is None:
            return any(c.dep_ == "acl" and c.lemma_ in self.subject_governors
                       for c in _np_head(trigger).children)
        if role == "subject":
            if governor.lemma_ in lexicon.EFFECT_GOVERNORS:
                return any(c.dep_ in ("amod", "nummod") and c.lower_ in lexicon.NOVELTY
                           for c in trigger.children)
            return governor.lemma_ in self.subject_governors
        return governor.lemma_ in self.governors

    # -- arguments ---------------------------------------------------------------

    @staticmethod
    def _subject(verb: Token) -> Token | None:
        token: Token | None = verb
        while token is not None and token.pos_ in ("NOUN", "PROPN"):
            # a framing noun ("negotiations for ..."): the subject of the verb above it
            up = token.head.head if token.dep_ == "pobj" else token.head
            token = up if up.i != token.i and token.dep_ in ("pobj", "dobj", "attr") else None
        framing = token is not None and token.i != verb.i
        while token is not None:
            for child in token.children:
                if child.dep_ in _SUBJECT or (framing and child.dep_ in _PASSIVE_SUBJECT):
                    if child.tag_ == "WDT" and token.dep_ == "relcl":
                        return token.head
                    return child
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return pobj
            if token.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl") and token.head.i != token.i:
                token = token.head if token.head.pos_ in ("VERB", "AUX") else None
                framing = True
            elif token.dep_ == "relcl":
                return token.head
            else:
                token = None
        return None

    def _actor(self, trigger: Token, anchor: Token, nominal: bool,
               role: str) -> list[tuple[str, str, str | None]]:
        found: list[tuple[str, str, str | None]] = []
        if nominal:
            # "US sanctions", "Britain's export bans", "China's supply of drones"
            modifiers = [c for c in trigger.children if c.dep_ in ("poss", "compound", "amod",
                                                                   "nmod")]
            by = [g for c in trigger.children if c.dep_ in ("prep", "agent")
                  and c.lower_ in ("by", "from") for g in c.children if g.dep_ == "pobj"]
            found = _all_participants([phrase_tokens(m) for m in modifiers + by])
        if not found and (not nominal or role == "object"):
            subject = self._subject(anchor)
            if subject is not None:
                found = participants_in(phrase_tokens(subject))
        return found

    def _target(self, trigger: Token, anchor: Token, nominal: bool
                ) -> tuple[list[tuple[str, str, str | None]], list[tuple[str, str, str | None]]]:
        """Give the targets, and the "with" partners (a fallback, or the real actor)."""
        heads = [trigger] if not nominal else [trigger, _np_head(trigger)]
        if anchor.i != trigger.i:
            heads.append(anchor)
        phrases: list[list[Token]] = []
        partners: list[list[Token]] = []
        for head in heads:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "with":
                    if head.i != trigger.i or nominal:  # "supply X with drones": items
                        partners += [phrase_tokens(g) for g in child.children
                                     if g.dep_ == "pobj"]
                elif child.dep_ in ("prep", "dative") and child.lower_ in lexicon.TARGET_PREPS:
                    # not "on Friday, the anniversary of the invasion of Ukraine"
                    phrases += [phrase_tokens(g) for g in child.children if g.dep_ == "pobj"
                                and g.ent_type_ not in ("DATE", "TIME")]
                elif child.dep_ == "dative" and child.pos_ in ("PROPN", "NOUN", "PRON"):
                    phrases.append(phrase_tokens(child))
                elif child.dep_ in ("dobj", "obj", "nsubjpass") and (head.i != trigger.i
                                                                     or not nominal):
                    found = participants_in(phrase_tokens(child))
                    if found and all(c.dep_ != "dative" for c in head.children):
                        phrases.append(phrase_tokens(child))
                elif child.dep_ in ("xcomp", "ccomp", "advcl") and head.i == trigger.i:
                    subject = [g for g in child.children if g.dep_ in _SUBJECT]
                    phrases += [phrase_tokens(s) for s in subject]
        # "imposed sanctions on Russia": the verb's object carries the target
        if not nominal:
            for obj in trigger.children:
                if obj.dep_ in ("dobj", "obj", "nsubjpass"):
                    phrases += [phrase_tokens(g) for c in obj.children if c.dep_ == "prep"
                                and c.lower_ in ("on", "against", "upon")
                                for g in c.children if g.dep_ == "pobj"]
        # "the delivery of 100 drones to Russian forces": attachments on the items
        for _, item_tokens in self._items(trigger, anchor, nominal):
            for token in item_tokens:
                for child in token.children:
                    if child.dep_ == "prep" and child.lower_ in ("to", "for"):
                        phrases += [phrase_tokens(g) for g in child.children
                                    if g.dep_ == "pobj"]
        return _all_participants(phrases), _all_participants(partners)

    def _items(self, trigger: Token, anchor: Token,
               nominal: bool) -> list[tuple[Token, list[Token]]]:
        heads: list[Token] = []
        if nominal:
            heads += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
            heads += [c for c in trigger.children if c.dep_ in ("compound", "amod")
                      and c.pos_ in ("NOUN", "ADJ", "PROPN")]
            if trigger.lemma_ in self.item_classes or trigger.lower_ in self.item_classes:
                heads.append(trigger)  # "lethal aid", "arms embargo"
        else:
            objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
            heads += objects
            heads += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"
                      for g in c.children if g.dep_ == "pobj"]
        expanded: list[Token] = []
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
            if participants_in([head]) and head.pos_ == "PROPN":
                continue
            tokens = [t for t in head.subtree if (t.i <= head.i and t.dep_ not in ("det", "poss",
                      "case", "punct", "cc", "predet") and not t.is_stop) or t.i == head.i]
            items.append((head, sorted(tokens, key=lambda t: t.i)))
        return items

    def _item_class(self, tokens: list[Token]) -> str | None:
        classes = [self.item_classes.get(t.lemma_.lower()) or self.item_classes.get(t.lower_)
                   for t in tokens]
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

    def _modality(self, trigger: Token, anchor: Token, governor: Token | None) -> str:
        if any(c.lower_ == "no" and c.dep_ == "det" for c in trigger.children):
            return "negated"
        # "X denied that it plans to send ...": a denial above outranks what it denies
        if any(self.governors.get(a.lemma_) == "negated" and a.pos_ == "VERB"
               for a in anchor.ancestors):
            return "negated"
        for position, token in enumerate(_chain(anchor)):
            if any(c.dep_ == "neg" for c in token.children):
                return "negated"
            for child in token.children:
                if child.dep_ in ("aux", "auxpass"):
                    if child.lower_ in lexicon.PLANNED_AUX:
                        return "planned"
                    if child.lower_ in lexicon.HYPOTHETICAL_AUX:
                        return "hypothetical"
                if child.dep_ == "mark" and child.lower_ in lexicon.CONDITIONAL_MARKS:
                    return "hypothetical"
                if ((child.dep_ == "aux" and child.lower_ == "going")
                        or (child.lower_ == "set" and child.dep_ == "auxpass")):
                    return "planned"
            if token.lemma_ in ("set", "due", "expect") and position > 0:
                return "planned"
            is_governor = governor is not None and token.i == governor.i
            if (position > 0 or is_governor) and token.lemma_ in self.governors:
                found = self.governors[token.lemma_]
                if found != "asserted" or position > 0:
                    return found
            if token.lemma_ in lexicon.REPORT_VERBS and position > 0:
                break
        return "asserted"

    @staticmethod
    def _hedged(sentence: Span, anchor: Token) -> bool:
        frame = {t.i for t in anchor.ancestors} | {anchor.i}
        for token in sentence:
            if token.lower_ in lexicon.HEDGES and (token.head.i in frame or token.i in frame):
                return True
            if (token.i in frame and token.lemma_ in lexicon.HEDGE_PASSIVES
                    and token.tag_ == "VBN"
                    and any(c.dep_ == "auxpass" for c in token.children)):
                return True
            if (token.lemma_ in lexicon.HEDGE_SOURCES and token.pos_ == "NOUN"
                    and (token.head.i in frame or (token.dep_ == "pobj"
                         and token.head.head.lower_ == "according"))):
                return True
        return False

    @staticmethod
    def _attribution(sentence: Span, anchor: Token) -> str | None:
        for token in sentence:
            if token.lower_ == "according":
                for prep in token.children:
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            return _clean(phrase_tokens(pobj))
        token = anchor
        while token.head.i != token.i:
            dep = token.dep_
            token = token.head
            if token.lemma_ in lexicon.REPORT_VERBS and dep in ("ccomp", "parataxis", "advcl",
                                                                "xcomp", "conj", "dobj"):
                subject = [c for c in token.children if c.dep_ in _SUBJECT
                           and c.pos_ != "PRON"]
                if subject:
                    return _clean(phrase_tokens(subject[0]))
        for child in sentence.root.children:
            # "..., CNN reported." with the report verb as a parataxis of the event
            if child.dep_ == "parataxis" and child.lemma_ in lexicon.REPORT_VERBS:
                subject = [c for c in child.children if c.dep_ in _SUBJECT]
                if subject:
                    return _clean(phrase_tokens(subject[0]))
        return None

    @staticmethod
    def _self_report(sentence: Span, anchor: Token) -> Found:
        """Give the reporter as the actor when it is a state reporting its own act
        ("The UK government stated that its new export bans aim to ...")."""
        token = anchor
        while token.head.i != token.i:
            if token.dep_ == "relcl":
                return []  # "companies that supply the army": a third party, not the reporter
            token = token.head
            if token.lemma_ in lexicon.REPORT_VERBS:
                subject = [c for c in token.children if c.dep_ in _SUBJECT]
                found = participants_in(phrase_tokens(subject[0])) if subject else []
                return [p for p in found if p[2]]
        return []

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
                        return _clean(phrase_tokens(pobj))
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


Found = list[tuple[str, str, str | None]]


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


def _clean(tokens: list[Token]) -> str:
    ordered = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    while ordered and ordered[0].dep_ in ("det", "punct", "cc"):
        ordered = ordered[1:]
    if not ordered:
        return ""
    doc = ordered[0].doc
    return doc[ordered[0].i: ordered[-1].i + 1].text
