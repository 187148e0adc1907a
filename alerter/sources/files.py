"""Documents from files and folders: .txt, .md, .html, .json, .jsonl and feed files."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from alerter.clock import parse_time
from alerter.errors import Problem
from alerter.sources.documents import RawDocument
from alerter.sources.feeds import FEED_SUFFIXES, parse_feed
from alerter.sources.html import parse_html
from alerter.yamlfile import YamlLimitError, load_documents

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES

ProblemSink = Callable[[Problem], None]


def read_path(path: Path, on_problem: ProblemSink) -> Iterator[RawDocument]:
    """Yield raw documents from a file, or from every known file under a folder."""
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if child.suffix.lower() in SUFFIXES and not child.name.startswith("."):
                yield from _read_file(child, on_problem)
        return
    if path.suffix.lower() not in SUFFIXES:
        on_problem(Problem(str(path), None, "", f"unknown file type '{path.suffix}', skipped "
                           f"(known: {', '.join(sorted(SUFFIXES))})"))
        return
    yield from _read_file(path, on_problem)


def read_stdin(on_problem: ProblemSink) -> Iterator[RawDocument]:
    """Yield raw documents from standard input, guessing the format from its start."""
    data = sys.stdin.buffer.read()
    text = _decode(data, "<stdin>", on_problem)
    if text is None:
        return
    head = text.lstrip()[:200].lower()
    if head.startswith(("<?xml", "<rss", "<feed", "<rdf")):
        yield from parse_feed(data, "<stdin>", on_problem)
    elif head.startswith(("<!doctype html", "<html")):
        yield from _one(parse_html(text, "<stdin>"))
    elif head.startswith(("{", "[")):
        yield from _parse_json(text, "<stdin>", on_problem)
    else:
        yield from _one(parse_text(text, "<stdin>", on_problem))


def _one(raw: RawDocument | None) -> Iterator[RawDocument]:
    if raw is not None:
        yield raw


def _decode(data: bytes, origin: str, on_problem: ProblemSink) -> str | None:
    if b"\x00" in data[:8192]:
        on_problem(Problem(origin, None, "", "binary file, skipped"))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        on_problem(Problem(origin, line, "", "not UTF-8 text, skipped"))
        return None


def _read_file(path: Path, on_problem: ProblemSink) -> Iterator[RawDocument]:
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        on_problem(Problem(origin, None, "", f"cannot read: {exc.strerror}"))
        return
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        yield from parse_feed(data, origin, on_problem)
        return
    text = _decode(data, origin, on_problem)
    if text is None:
        return
    if suffix in HTML_SUFFIXES:
        yield from _one(parse_html(text, origin))
    elif suffix in JSON_SUFFIXES:
        yield from _parse_json(text, origin, on_problem)
    else:
        yield from _one(parse_text(text, origin, on_problem))


def parse_text(text: str, origin: str, on_problem: ProblemSink) -> RawDocument | None:
    """Give a raw document from plain text or markdown with optional `---` front matter."""
    meta: dict[str, Any] = {}
    body = text
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            loaded: Any = None
            try:
                docs = list(load_documents(text[4:end], origin))
                loaded = docs[0].data if docs else None
            except YamlLimitError as exc:  # front matter all the same: read the body alone
                line = exc.problem_mark.line + 2 if exc.problem_mark else 1
                on_problem(Problem(origin, line, "", f"front matter: {exc.problem}"))
                loaded = {}
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                line = mark.line + 2 if mark is not None else 1
                on_problem(Problem(origin, line, "", "front matter is not valid YAML; "
                                   "read as plain text"))
            if isinstance(loaded, dict):
                meta = loaded
                body = text[end + 4:].lstrip("\n")
    published = _time(meta.get("published") or meta.get("date"), origin, on_problem)
    return RawDocument(
        text=body, origin=origin, id=_str(meta.get("id")), title=_str(meta.get("title")),
        url=_str(meta.get("url")), published=published, source=_str(meta.get("source")),
    )


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def _time(value: object, origin: str, on_problem: ProblemSink,
          line: int | None = None) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    try:
        return parse_time(str(value))
    except ValueError:
        on_problem(Problem(origin, line, "published", f"'{value}' is not an ISO 8601 date; "
                           "using the time it was read"))
        return None


_JSON_FIELDS = {"id", "text", "title", "url", "published", "source"}


def _parse_json(text: str, origin: str, on_problem: ProblemSink) -> Iterator[RawDocument]:
    stripped = text.lstrip()
    records: list[tuple[int, Any]] = []
    first = text.count("\n", 0, len(text) - len(stripped)) + 1  # line of the first value
    if stripped.startswith("["):
        loaded = _json(text, origin, 1, on_problem, "")
        records = [(first, item) for item in loaded] if isinstance(loaded, list) else []
    elif _first_line(stripped) == "{":  # pretty-printed: one object over many lines
        loaded = _json(text, origin, 1, on_problem, "")
        records = [(first, loaded)] if loaded is not None else []
    elif (whole := _whole_object(stripped)) is not None:
        records = [(first, whole)]
    else:
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                record = _json(line, origin, number, on_problem, "; line skipped")
                if record is not None:
                    records.append((number, record))
    for number, record in records:
        raw = _record(record, origin, number, on_problem)
        if raw is not None:
            yield raw


def _first_line(stripped: str) -> str:
    end = stripped.find("\n")
    return (stripped if end < 0 else stripped[:end]).strip()


def _whole_object(stripped: str) -> dict[str, Any] | None:
    """Give the one JSON object a text holds over several lines when its first line is
    not JSON of its own (`{"id": "a",` and the rest below); None for JSON Lines."""
    head = _first_line(stripped)
    if not head.startswith("{") or "\n" not in stripped.rstrip():
        return None
    try:
        json.loads(head)
        return None  # the first line is a record of its own: JSON Lines
    except (ValueError, RecursionError):
        pass
    try:
        whole = json.loads(stripped)
    except (ValueError, RecursionError):
        return None
    return whole if isinstance(whole, dict) else None


def _json(text: str, origin: str, line: int, on_problem: ProblemSink, skipped: str) -> Any:
    """Give the JSON value in `text`, or report why not and give None. Besides syntax
    errors: nesting too deep for Python's parser, and numbers too long to convert."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        on_problem(Problem(origin, line + exc.lineno - 1, "", f"invalid JSON: {exc.msg}{skipped}"))
    except RecursionError:
        on_problem(Problem(origin, line, "", f"JSON nested too deeply{skipped}"))
    except ValueError as exc:  # a number of more than 4,300 digits
        on_problem(Problem(origin, line, "", f"unreadable JSON: {exc}{skipped}"))
    return None


# lone UTF-16 surrogates (JSON's "\\udc00"), which no UTF-8 text can hold
_SURROGATE = re.compile("[\ud800-\udfff]")


def _record(record: Any, origin: str, line: int, on_problem: ProblemSink) -> RawDocument | None:
    if isinstance(record, dict) and any(isinstance(v, str) and _SURROGATE.search(v)
                                        for v in (*record, *record.values())):
        on_problem(Problem(origin, line, "", "a lone UTF-16 surrogate (\\ud800-\\udfff) in a "
                           "string, replaced with U+FFFD"))
        record = {_SURROGATE.sub("\ufffd", key): _SURROGATE.sub("\ufffd", value)
                  if isinstance(value, str) else value for key, value in record.items()}
    if not isinstance(record, dict):
        on_problem(Problem(origin, line, "", "expected a JSON object; skipped"))
        return None
    unknown = sorted(set(record) - _JSON_FIELDS)
    if unknown:
        on_problem(Problem(origin, line, unknown[0], f"unknown field, ignored "
                           f"(known: {', '.join(sorted(_JSON_FIELDS))})"))
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        on_problem(Problem(origin, line, "text", "missing or empty; record skipped"))
        return None
    return RawDocument(
        text=record["text"], origin=origin, id=_str(record.get("id")),
        title=_str(record.get("title")), url=_str(record.get("url")),
        published=_time(record.get("published"), origin, on_problem, line),
        source=_str(record.get("source")),
    )
