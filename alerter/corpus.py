"""Sentences kept as pointers into a corpus we may not copy, and their text read back.

An annotated real-text set (tests/data/real/) keeps no corpus text: each line names a
corpus file, a document id, character offsets into the document's original `text` and
the sha1 of that slice. `load_sample` reads and checks such a file; `resolve` streams
each needed corpus file once (`<corpus_dir>/<corpus>.jsonl.gz` or `.jsonl`, one
document a line in alerter's JSONL input format), checks every sha1 and gives back the
sentence with its whitespace normalised (wrapped lines joined) and the document's
title and publication date. Any problem raises `CorpusError`, naming every bad line;
given an `on_problem` callback, `resolve` reports each problem to it instead, leaves
that sentence out and carries on (what `alerter eval` wants).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from alerter.errors import CorpusError, Problem
from alerter.reading import clean_characters

SPLITS: tuple[str, ...] = ("dev", "val", "test")
SAMPLE_KEYS: tuple[str, ...] = ("id", "corpus", "doc", "start", "end", "sha1", "split",
                                "stratum", "chunk")
_SPACES = re.compile(r"\s+")
OnProblem = Callable[[Problem], None]


@dataclass(frozen=True)
class SampleLine:
    """One sentence of a sample file: where it is in the corpus, and how it was drawn."""

    id: str
    corpus: str
    doc: str
    start: int
    end: int
    sha1: str
    split: str
    stratum: str
    chunk: str
    file: str = ""
    line: int = 0

    def to_json(self) -> dict[str, Any]:
        """Return the line's JSON object, with exactly the keys of SAMPLE_KEYS."""
        return {key: getattr(self, key) for key in SAMPLE_KEYS}


@dataclass(frozen=True)
class CorpusDocument:
    """A corpus document as stored: its original text, untouched."""

    id: str
    title: str
    published: str | None
    text: str
    source: str | None = None  # who published it, as the corpus names them


@dataclass(frozen=True)
class ResolvedSentence:
    """A sample sentence read back: normalised text, and its document's title and date."""

    text: str
    published: str | None
    title: str
    document: CorpusDocument


def normalise(text: str) -> str:
    """Return `text` on one line: cleaned as ingest cleans every document (invisible and
    control characters dropped, NFC), whitespace runs made one space."""
    return _SPACES.sub(" ", clean_characters(text)).strip()


def sha1(text: str) -> str:
    """Return the sha1 hex digest of `text` in UTF-8."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def load_sample(path: Path) -> list[SampleLine]:
    """Return the lines of a sample file; raise CorpusError naming every bad line."""
    lines: list[SampleLine] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                item = _parse(raw, str(path), number)
            except ValueError as exc:
                problems.append(Problem(str(path), number, "", str(exc)))
                continue
            if item.id in seen:
                problems.append(Problem(str(path), number, "id", f"duplicate id {item.id!r}"))
            seen.add(item.id)
            lines.append(item)
    if problems:
        raise CorpusError(problems)
    return lines


def _parse(raw: str, file: str, number: int) -> SampleLine:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON: {exc.msg}") from None
    if not isinstance(obj, dict) or set(obj) != set(SAMPLE_KEYS):
        keys = sorted(obj) if isinstance(obj, dict) else type(obj).__name__
        raise ValueError(f"expected keys {list(SAMPLE_KEYS)}, got {keys}")
    ints = (obj["start"], obj["end"])
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in ints) or not (
            0 <= obj["start"] < obj["end"]):
        raise ValueError(f"start/end must be integers with 0 <= start < end, got {ints}")
    if obj["split"] not in SPLITS:
        raise ValueError(f"split must be one of {list(SPLITS)}, got {obj['split']!r}")
    strings = [k for k in SAMPLE_KEYS if k not in ("start", "end")]
    bad = [k for k in strings if not isinstance(obj[k], str) or not obj[k]]
    if bad:
        raise ValueError(f"{', '.join(bad)} must be non-empty strings")
    return SampleLine(file=file, line=number, **obj)


def corpus_file(corpus_dir: Path, corpus: str) -> Path | None:
    """Return the file holding `corpus` in `corpus_dir` (.jsonl.gz or .jsonl), if any."""
    for suffix in (".jsonl.gz", ".jsonl"):
        candidate = corpus_dir / f"{corpus}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def iter_documents(path: Path) -> Iterator[CorpusDocument]:
    """Yield every document of one corpus file, in file order."""
    with _open_text(path) as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
                yield CorpusDocument(id=str(obj["id"]), title=str(obj.get("title") or ""),
                                     published=obj.get("published"), text=str(obj["text"]),
                                     source=obj.get("source"))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise CorpusError([Problem(str(path), number, "",
                                           f"not a corpus document: {exc}")]) from None


def load_documents(corpus_dir: Path, wanted: Mapping[str, Iterable[str]]
                   ) -> dict[tuple[str, str], CorpusDocument]:
    """Return the wanted documents keyed by (corpus, doc id), reading each file once.

    Documents that are not found are simply absent; corpus files that are missing raise.
    """
    found: dict[tuple[str, str], CorpusDocument] = {}
    missing = [c for c in sorted(wanted) if corpus_file(corpus_dir, c) is None]
    if missing:
        raise CorpusError([Problem(str(corpus_dir / f"{c}.jsonl.gz"), None, "",
                                   "corpus file not found") for c in missing])
    for corpus in sorted(wanted):
        ids = set(wanted[corpus])
        path = corpus_file(corpus_dir, corpus)
        assert path is not None
        for document in iter_documents(path):
            if document.id in ids:
                found[(corpus, document.id)] = document
                ids.discard(document.id)
                if not ids:
                    break
    return found


def resolve(lines: Sequence[SampleLine], corpus_dir: Path,
            on_problem: OnProblem | None = None) -> dict[str, ResolvedSentence]:
    """Return each line's sentence by id, reading only the corpus files the lines name.

    A missing corpus file or document, out-of-range offsets or a sha1 mismatch is a
    problem naming the sample file and line. Without `on_problem` they are collected
    and raised as one CorpusError; with it, each is reported and its sentence left out.
    """
    problems: list[Problem] = []
    report = problems.append if on_problem is None else on_problem
    wanted: dict[str, set[str]] = {}
    for item in lines:
        wanted.setdefault(item.corpus, set()).add(item.doc)
    missing = {c for c in wanted if corpus_file(corpus_dir, c) is None}
    for corpus in sorted(missing):
        left_out = sum(item.corpus == corpus for item in lines)
        report(Problem(str(corpus_dir / f"{corpus}.jsonl.gz"), None, "",
                       "corpus file not found" + ("" if on_problem is None else
                                                  f"; {left_out} sentence(s) left out")))
    if problems:
        raise CorpusError(problems)
    documents = load_documents(corpus_dir, {c: ids for c, ids in wanted.items()
                                            if c not in missing})
    resolved: dict[str, ResolvedSentence] = {}
    for item in lines:
        if item.corpus in missing:
            continue
        document = documents.get((item.corpus, item.doc))
        if document is None:
            report(Problem(item.file, item.line, item.id,
                           f"document {item.doc!r} not in corpus {item.corpus!r}"))
            continue
        piece = document.text[item.start:item.end]
        if item.end > len(document.text) or sha1(piece) != item.sha1:
            report(Problem(item.file, item.line, item.id,
                           f"sha1 mismatch at {item.start}:{item.end} of "
                           f"{item.corpus}/{item.doc} (the corpus changed?)"))
            continue
        resolved[item.id] = ResolvedSentence(text=normalise(piece), published=document.published,
                                             title=document.title, document=document)
    if problems:
        raise CorpusError(problems)
    return resolved


def _open_text(path: Path) -> TextIO:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")
