"""One scoring run over an annotated set: the extractor run once, then the reports.

Gives the report over every chosen sentence and over the sure ones only (sentences
not flagged `unsure`), the worst errors, and, with a rule engine, the rules'
precision and recall; asked for, bootstrap intervals of the F1 scores over all
chosen sentences (alerter.bootstrap). The worst errors quote sentences of the dev split only,
unless the caller asks for held-out sentences explicitly: the test split and the val
split (a second real sample, held out from tuning) stay unread by whoever tunes the
extractor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from alerter.bootstrap import Intervals, intervals, sentence_counts
from alerter.evaluate import (
    EventExtractor,
    GoldEvent,
    GoldSentence,
    Report,
    align,
    codes,
    format_report,
    gold_document,
    score,
    select_split,
)
from alerter.models import Document, Event
from alerter.rulecheck import RuleScore, format_rule_scores, score_rules
from alerter.rules.engine import RuleEngine


@dataclass(frozen=True)
class ErrorCase:
    """One sentence the extractor got wrong, with how badly and what differed."""

    id: str
    split: str
    text: str
    cost: float
    problems: tuple[str, ...]


@dataclass(frozen=True)
class EvalResult:
    """Everything one run found."""

    report: Report
    sure: Report | None
    errors: tuple[ErrorCase, ...]
    rules: tuple[RuleScore, ...] | None = None
    spans: Intervals | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return the result as a JSON-ready dict."""
        return {
            "all": self.report.as_dict(),
            "intervals": None if self.spans is None else self.spans.as_dict(),
            "without_unsure": None if self.sure is None else self.sure.as_dict(),
            "worst_errors": [{"id": e.id, "split": e.split, "text": e.text, "cost": e.cost,
                              "problems": list(e.problems)} for e in self.errors],
            "rules": None if self.rules is None else {
                s.rule_id: {**s.counts.as_dict(), "missed": list(s.missed),
                            "spurious": list(s.spurious)} for s in self.rules},
        }


def predict(extractor: EventExtractor, gold: Sequence[GoldSentence]
            ) -> tuple[dict[str, list[Event]], dict[str, Document]]:
    """Return the predicted events and the documents, by sentence id, in one stream."""
    predicted: dict[str, list[Event]] = {}
    documents: dict[str, Document] = {}
    for document, events in extractor.extract(map(gold_document, gold)):
        predicted[document.id] = events
        documents[document.id] = document
    return predicted, documents


def _gold_text(g: GoldEvent) -> str:
    sub = f"/{g.subtype}" if g.subtype else ""
    return (f"{g.type}{sub} {g.modality}{' hedged' if g.hedged else ''} "
            f"{','.join(sorted(g.actor)) or '-'} → {','.join(sorted(g.target)) or '-'}")


def _event_text(e: Event) -> str:
    sub = f"/{e.subtype}" if e.subtype else ""
    return (f"{e.type}{sub} '{e.trigger.text}' {e.modality}{' hedged' if e.hedged else ''} "
            f"{','.join(sorted(codes(e.actor))) or '-'} → "
            f"{','.join(sorted(codes(e.target))) or '-'}")


def error_case(sentence: GoldSentence, predicted: Sequence[Event]) -> ErrorCase | None:
    """Return what went wrong on one sentence, or None when it came out right.

    A missed or spurious event costs 1; on a matched pair a wrong modality costs 0.5
    and a wrong actor or target set 0.25 each.
    """
    alignment = align(sentence.events, predicted)
    problems = [f"missed {_gold_text(g)}" for g in alignment.missed]
    problems += [f"spurious {_event_text(p)}" for p in alignment.spurious]
    cost = float(len(problems))
    for g, p in alignment.pairs:
        wrong = []
        if g.modality != p.modality:
            wrong.append(f"modality {p.modality} (gold {g.modality})")
            cost += 0.5
        if g.actor != codes(p.actor):
            wrong.append(f"actor {','.join(sorted(codes(p.actor))) or '-'} "
                         f"(gold {','.join(sorted(g.actor)) or '-'})")
            cost += 0.25
        if g.target != codes(p.target):
            wrong.append(f"target {','.join(sorted(codes(p.target))) or '-'} "
                         f"(gold {','.join(sorted(g.target)) or '-'})")
            cost += 0.25
        if wrong:
            problems.append(f"{g.type} '{p.trigger.text}': " + "; ".join(wrong))
    if not problems:
        return None
    return ErrorCase(sentence.id, sentence.split, sentence.text, cost, tuple(problems))


def worst_errors(gold: Sequence[GoldSentence], predicted: Mapping[str, Sequence[Event]],
                 limit: int = 20, show_test: bool = False) -> list[ErrorCase]:
    """Return the `limit` costliest errors, of dev sentences only unless `show_test`: the
    held-out splits (val, test) stay unread while tuning."""
    cases = [error_case(s, predicted.get(s.id, ())) for s in gold
             if show_test or s.split == "dev"]
    found = [c for c in cases if c is not None]
    return sorted(found, key=lambda c: (-c.cost, c.id))[:limit]


def run_eval(extractor: EventExtractor, gold: Sequence[GoldSentence], split: str | None,
             engine: RuleEngine | None = None, errors: int = 20,
             show_test: bool = False, resamples: int = 0) -> EvalResult:
    """Return the scores of the extractor (and the rules) on the gold sentences of `split`,
    with bootstrap intervals from `resamples` draws when it is above 0."""
    chosen = select_split(gold, split)
    predicted, documents = predict(extractor, chosen)
    name = split or "all"
    report = replace(score(chosen, predicted), split=name)
    sure_rows = [s for s in chosen if not s.unsure]
    sure = (replace(score(sure_rows, predicted), split=f"{name}, without unsure")
            if len(sure_rows) != len(chosen) else None)
    rules = None if engine is None else tuple(score_rules(engine, chosen, predicted,
                                                          documents))
    spans = intervals(sentence_counts(chosen, predicted), resamples) if resamples else None
    return EvalResult(report, sure, tuple(worst_errors(chosen, predicted, errors, show_test)),
                      rules, spans)


def format_result(result: EvalResult) -> str:
    """Return the whole result as readable text."""
    parts = [format_report(result.report, result.spans)]
    if result.sure is not None:
        parts.append(format_report(result.sure))
    else:
        parts.append("(no sentence is flagged unsure)")
    if result.rules is not None:
        parts.append("rules (sentence level; owed = sentences whose gold events meet the "
                     "rule's conditions)\n" + format_rule_scores(result.rules))
    if result.errors:
        lines = [f"worst {len(result.errors)} errors:"]
        for case in result.errors:
            lines.append(f"- {case.id} [{case.split}] (cost {case.cost:g}) {case.text}")
            lines += [f"    {p}" for p in case.problems]
        parts.append("\n".join(lines))
    return "\n\n".join(parts)
