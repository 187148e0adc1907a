"""Annotated real text: sentence references, our labels, and the corpus they point into.

Real text is not ours, so an annotated real-text set keeps no text: a sentences file
says where each sentence is (corpus, document id, character offsets, sha1 of the
slice, split, chunk) and labels files give our events for those ids:

    sentences.jsonl   {"id", "corpus", "doc", "start", "end", "sha1", "split", "chunk"}
    labels-*.jsonl    {"id", "events": [{"type", "subtype", "actor", "target",
                       "modality", "hedged"}], "unsure": false, "note": "..."}

The text is read back from a corpus folder holding `<corpus>.jsonl.gz` (or `.jsonl`)
in alerter's JSONL input format, sliced, checked against the sha1 of the slice, and
normalised (invisible joiners dropped, whitespace runs made one space), as
`alerter.corpus` of the real-text sample does. `resolve_texts` is the one function
that knows how; a sentence that cannot be resolved is reported and left out, and the
rest carry on.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from alerter.errors import SourceError
from alerter.evaluate import SPLITS, GoldEvent, GoldSentence, parse_label_event

# Names the sentence-reference fields may go by.
_DOC_KEYS = ("doc", "doc_id", "document", "document_id")
LABEL_KEYS = frozenset({"id", "events", "unsure", "note"})
OnProblem = Callable[[str], None]


@dataclass(frozen=True)
class SentenceRef:
    """Where one annotated sentence is: corpus, document, [start, end) and the sha1."""

    id: str
    corpus: str
    doc_id: str
    start: int
    end: int
    sha1: str | None
    split: str
    chunk: str | None = None


@dataclass(frozen=True)
class Label:
    """Our annotation of one sentence."""

    id: str
    events: tuple[GoldEvent, ...]
    unsure: bool
    note: str | None = None


@dataclass(frozen=True)
class ResolvedText:
    """A sentence's text (whitespace collapsed) and its document's publication date."""

    text: str
    published: date


def _lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, JSON object) of a JSONL file, raising SourceError "file:line: ..."."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path}: cannot read: {exc}") from None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SourceError(f"{path}:{number}: not valid JSON: {exc.msg}") from None
        if not isinstance(data, dict):
            raise SourceError(f"{path}:{number}: expected a JSON object")
        yield number, data


def _ref(data: Mapping[str, Any]) -> SentenceRef:
    """Return the SentenceRef of one sentences line, raising ValueError naming the bad key."""
    doc_id = next((data[k] for k in _DOC_KEYS if k in data), None)
    start, end = data.get("start"), data.get("end")
    if start is None and isinstance(data.get("offsets"), list) and len(data["offsets"]) == 2:
        start, end = data["offsets"]
    for name, value in (("id", data.get("id")), ("corpus", data.get("corpus")),
                        ("doc_id", doc_id)):
        if not isinstance(value, str) or not value:
            raise ValueError(f"{name}: expected a non-empty string, got {value!r}")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end:
        raise ValueError(f"start/end: expected offsets 0 <= start < end, got {start!r}, {end!r}")
    if data.get("split") not in SPLITS:
        raise ValueError(f"split: expected dev or test, got {data.get('split')!r}")
    sha1 = data.get("sha1")
    chunk = data.get("chunk")
    return SentenceRef(id=data["id"], corpus=data["corpus"], doc_id=str(doc_id), start=start,
                       end=end, sha1=sha1 if isinstance(sha1, str) else None,
                       split=data["split"], chunk=None if chunk is None else str(chunk))


def load_refs(path: str | Path) -> list[SentenceRef]:
    """Return the sentence references of a sentences file; SourceError "file:line: ..." if bad."""
    file = Path(path)
    refs: list[SentenceRef] = []
    seen: set[str] = set()
    for number, data in _lines(file):
        try:
            ref = _ref(data)
        except ValueError as exc:
            raise SourceError(f"{file}:{number}: {exc}") from None
        if ref.id in seen:
            raise SourceError(f"{file}:{number}: id: duplicate id '{ref.id}'")
        seen.add(ref.id)
        refs.append(ref)
    return refs


def _label(data: Mapping[str, Any]) -> Label:
    """Return the Label of one labels line, raising ValueError naming the bad key."""
    unknown = sorted(set(data) - LABEL_KEYS)
    if unknown:
        raise ValueError(f"unknown key(s) {', '.join(unknown)}; expected "
                         f"{', '.join(sorted(LABEL_KEYS))}")
    if not isinstance(data.get("id"), str) or not data["id"]:
        raise ValueError(f"id: expected a non-empty string, got {data.get('id')!r}")
    events = data.get("events")
    if not isinstance(events, list):
        raise ValueError(f"events: expected a list, got {events!r}")
    unsure = data.get("unsure", False)
    if not isinstance(unsure, bool):
        raise ValueError(f"unsure: expected true or false, got {unsure!r}")
    note = data.get("note")
    return Label(id=data["id"], unsure=unsure, note=note if isinstance(note, str) else None,
                 events=tuple(parse_label_event(e, f"events[{i}]")
                              for i, e in enumerate(events)))


def load_labels(paths: Iterable[str | Path], on_problem: OnProblem) -> dict[str, Label]:
    """Return the labels of the files by sentence id; a bad line is reported and skipped.

    The same id in two files is reported; the first label counts.
    """
    labels: dict[str, Label] = {}
    where: dict[str, str] = {}
    for path in map(Path, paths):
        for number, data in _lines(path):
            try:
                label = _label(data)
            except ValueError as exc:
                on_problem(f"{path}:{number}: {exc}")
                continue
            if label.id in labels:
                on_problem(f"{path}:{number}: id '{label.id}' is already labelled at "
                           f"{where[label.id]}; keeping that one")
                continue
            labels[label.id] = label
            where[label.id] = f"{path}:{number}"
    return labels


def _corpus_file(corpus_dir: Path, name: str) -> Path | None:
    """Return the file of the named corpus in the folder, or None."""
    for suffix in (".jsonl.gz", ".jsonl"):
        candidate = corpus_dir / f"{name}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def _documents(path: Path, wanted: set[str]) -> dict[str, dict[str, Any]]:
    """Return the wanted documents (by id) of one corpus file, read in one pass."""
    found: dict[str, dict[str, Any]] = {}
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            if not wanted - found.keys():
                break
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(data, dict) and data.get("id") in wanted:
                found[data["id"]] = data
    return found


def _published(value: object) -> date | None:
    """Return the date of an ISO 8601 time or date string, or None."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


# invisible joiners and soft hyphens of wrapped web text ("COVID-\u206019")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def normalise(text: str) -> str:
    """Return the text with invisible joiners dropped and whitespace runs made one space."""
    return " ".join(_INVISIBLE.sub("", text).split())


def sha1_of(text: str) -> str:
    """Return the hex sha1 of the text's UTF-8 bytes."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def resolve_texts(refs: Iterable[SentenceRef], corpus_dir: str | Path,
                  on_problem: OnProblem) -> dict[str, ResolvedText]:
    """Return each reference's text from the corpus folder, by sentence id.

    A missing corpus file or document, offsets past the text, or a sha1 that does
    not match (the corpus changed) is reported and the sentence left out.
    """
    folder = Path(corpus_dir)
    by_corpus: dict[str, list[SentenceRef]] = {}
    for ref in refs:
        by_corpus.setdefault(ref.corpus, []).append(ref)
    resolved: dict[str, ResolvedText] = {}
    for name, group in sorted(by_corpus.items()):
        path = _corpus_file(folder, name)
        if path is None:
            on_problem(f"{folder}: no corpus file {name}.jsonl.gz; {len(group)} sentence(s) "
                       "left out")
            continue
        documents = _documents(path, {r.doc_id for r in group})
        for ref in group:
            text = _slice(ref, documents.get(ref.doc_id), path, on_problem)
            if text is not None:
                resolved[ref.id] = text
    return resolved


def _slice(ref: SentenceRef, document: Mapping[str, Any] | None, path: Path,
           on_problem: OnProblem) -> ResolvedText | None:
    """Return one sentence's text from its document, or None after reporting why not."""
    if document is None or not isinstance(document.get("text"), str):
        on_problem(f"{path}: sentence {ref.id}: no document '{ref.doc_id}'")
        return None
    text: str = document["text"]
    piece = text[ref.start:ref.end]
    if ref.end > len(text):
        on_problem(f"{path}: sentence {ref.id}: offsets {ref.start}:{ref.end} past the end "
                   f"of document '{ref.doc_id}'")
        return None
    collapsed = normalise(piece)
    if ref.sha1 is not None and ref.sha1 not in (sha1_of(piece), sha1_of(collapsed)):
        on_problem(f"{path}: sentence {ref.id}: sha1 does not match the text of "
                   f"'{ref.doc_id}' [{ref.start}:{ref.end}] (the corpus changed?)")
        return None
    published = _published(document.get("published"))
    if published is None:
        on_problem(f"{path}: sentence {ref.id}: document '{ref.doc_id}' has no valid "
                   "'published' date")
        return None
    return ResolvedText(collapsed, published)


def real_gold(refs: Iterable[SentenceRef], labels: Mapping[str, Label], corpus_dir: str | Path,
              split: str | None, on_problem: OnProblem) -> list[GoldSentence]:
    """Return the labelled sentences of `split` (None or "all": every split) as GoldSentences.

    Only the chosen split's text is read. Sentences without a label are not annotated
    yet and are skipped.
    """
    chosen = [r for r in refs if r.id in labels and split in (None, "all", r.split)]
    texts = resolve_texts(chosen, corpus_dir, on_problem)
    return [GoldSentence(id=r.id, split=r.split, published=texts[r.id].published,
                         text=texts[r.id].text, events=labels[r.id].events,
                         unsure=labels[r.id].unsure,
                         tags=(f"chunk:{r.chunk}",) if r.chunk else ())
            for r in chosen if r.id in texts]


def labels_beside(sentences: Path) -> list[Path]:
    """Return the labels-*.jsonl files in the sentences file's folder, in name order."""
    return sorted(sentences.parent.glob("labels-*.jsonl"))


def unknown_label_ids(refs: Iterable[SentenceRef], labels: Mapping[str, Label]) -> list[str]:
    """Return the labelled ids that no sentence reference has (typos, or another set)."""
    known = {r.id for r in refs}
    return sorted(i for i in labels if i not in known)


def _first_object(path: Path) -> dict[str, Any]:
    """Return the first JSON object of a JSONL file ({} for an empty file)."""
    for _, data in _lines(path):
        return data
    return {}


def load_annotated(gold: str | Path, corpus: str | Path | None, split: str | None,
                   labels: Iterable[str | Path] = (),
                   on_problem: OnProblem = lambda _: None) -> list[GoldSentence]:
    """Return the annotated sentences of `split` from either kind of annotated set.

    `gold` is our own-written gold file (text inline), or a real-text set: its folder
    (sentences.jsonl and labels-*.jsonl) or its sentences file (labels beside it).
    More labels files or folders may be given; a real-text set needs `corpus`.
    """
    from alerter.evaluate import load_gold, select_split

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
    refs = load_refs(sentences)
    found = load_labels(dict.fromkeys(label_files), on_problem)
    stray = unknown_label_ids(refs, found)
    if stray:
        on_problem(f"{len(stray)} labelled id(s) not in {sentences}, e.g. {stray[0]}")
    return real_gold(refs, found, corpus, split, on_problem)
