"""Annotated real text as the evaluator's gold sentences.

A real-text set (tests/data/real/README.md) keeps no text: its sentences file points
into a corpus, and labels files give our events for those ids. `alerter.corpus` reads
the sentences file and resolves the text; `alerter.annotations` reads the labels, with
the same checks as the annotators' checker. This module only joins the two into
GoldSentences, and finds the files of a set. In an evaluation run a sentence that
cannot be resolved, or a bad label line, is reported and left out; the rest carry on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from alerter.annotations import Label, load_labels
from alerter.corpus import SampleLine, load_sample, resolve
from alerter.errors import Problem, SourceError
from alerter.gold import GoldSentence, load_gold, select_split

OnProblem = Callable[[str], None]


def _published(value: object) -> date | None:
    """Return the date of an ISO 8601 time or date string, or None."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def real_gold(lines: Iterable[SampleLine], labels: Mapping[str, Label], corpus_dir: str | Path,
              split: str | None, on_problem: OnProblem) -> list[GoldSentence]:
    """Return the labelled sentences of `split` (None or "all": every split) as GoldSentences.

    Only the chosen split's text is read. Sentences without a label are not annotated
    yet and are skipped.
    """
    chosen = [x for x in lines if x.id in labels and split in (None, "all", x.split)]
    texts = resolve(chosen, Path(corpus_dir), on_problem=lambda p: on_problem(str(p)))
    gold: list[GoldSentence] = []
    for line in chosen:
        found = texts.get(line.id)
        if found is None:
            continue
        published = _published(found.published)
        if published is None:
            on_problem(str(Problem(line.file, line.line, line.id, f"document {line.doc!r} "
                                   "has no valid 'published' date")))
            continue
        label = labels[line.id]
        gold.append(GoldSentence(id=line.id, split=line.split, published=published,
                                 text=found.text, events=label.events, unsure=label.unsure,
                                 tags=(f"chunk:{line.chunk}",),
                                 source=found.document.source, title=found.title or None))
    return gold


def labels_beside(sentences: Path) -> list[Path]:
    """Return the labels-*.jsonl files in the sentences file's folder, in name order."""
    return sorted(sentences.parent.glob("labels-*.jsonl"))


def unknown_label_ids(lines: Iterable[SampleLine], labels: Mapping[str, Label]) -> list[str]:
    """Return the labelled ids that no sample line has (typos, or another set)."""
    known = {x.id for x in lines}
    return sorted(i for i in labels if i not in known)


def _first_object(path: Path) -> dict[str, Any]:
    """Return the first JSON object of a JSONL file ({} when there is none)."""
    try:
        with path.open(encoding="utf-8") as handle:
            first = next((raw for raw in handle if raw.strip()), "")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path}: cannot read: {exc}") from None
    try:
        data = json.loads(first) if first else {}
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}


def load_annotated(gold: str | Path, corpus: str | Path | None, split: str | None,
                   labels: Iterable[str | Path] = (),
                   on_problem: OnProblem = lambda _: None) -> list[GoldSentence]:
    """Return the annotated sentences of `split` from either kind of annotated set.

    `gold` is our own-written gold file (text inline), or a real-text set: its folder
    (sentences.jsonl and labels-*.jsonl) or its sentences file (labels beside it).
    More labels files or folders may be given; a real-text set needs `corpus`.
    """
    path = Path(gold)
    if not path.exists():
        raise SourceError(f"{path}: no such file or folder")
    sentences = path / "sentences.jsonl" if path.is_dir() else path
    if not path.is_dir() and "text" in _first_object(path):
        return select_split(load_gold(path), split)
    label_files = labels_beside(sentences)
    for extra in map(Path, labels):
        label_files += sorted(extra.glob("labels-*.jsonl")) if extra.is_dir() else [extra]
    if corpus is None:
        raise SourceError(f"{sentences}: a real-text set keeps no text; give the corpus "
                          "folder with --corpus")
    lines = load_sample(sentences)
    found = load_labels(dict.fromkeys(label_files), lambda p: on_problem(str(p)))
    stray = unknown_label_ids(lines, found)
    if stray:
        on_problem(f"{len(stray)} labelled id(s) not in {sentences}, e.g. {stray[0]}")
    return real_gold(lines, found, corpus, split, on_problem)
