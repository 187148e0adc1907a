"""YAML documents loaded together with the line and column of every key and item.

Config and rule errors must name the line they come from; PyYAML's composed
node tree carries those marks, so we keep them beside the plain data.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from alerter.errors import Problem, ProblemsError

Loc = tuple[str | int, ...]
# libyaml's parser when PyYAML was built with it (several times faster on large rule
# sets); the same nodes and marks either way
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlDocument:
    """One YAML document: its data, and where each key path starts in the file."""

    file: str
    data: Any
    marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    start_line: int = 1

    def locate(self, loc: Loc) -> tuple[int, int]:
        """Give (line, column) of the deepest part of `loc` that exists in the file."""
        for end in range(len(loc), -1, -1):
            mark = self.marks.get(tuple(loc[:end]))
            if mark is not None:
                return mark
        return (self.start_line, 1)

    def problem(self, loc: Loc, message: str) -> Problem:
        line, column = self.locate(loc)
        return Problem(self.file, line, format_loc(loc), message, column)


def format_loc(loc: Loc) -> str:
    """Give a key path as users write it: `subscriptions[0].schedule`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _record(node: yaml.Node, loc: Loc, marks: dict[Loc, tuple[int, int]]) -> None:
    marks.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = str(key_node.value)
                marks[(*loc, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                _record_children(value_node, (*loc, key), marks)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record(item, (*loc, index), marks)


def _record_children(node: yaml.Node, loc: Loc, marks: dict[Loc, tuple[int, int]]) -> None:
    # The key's own mark is already recorded; nested keys and items get theirs.
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
        saved = marks[loc]
        _record(node, loc, marks)
        marks[loc] = saved


def load_documents(text: str, file: str) -> Iterator[YamlDocument]:
    """Yield every document of a YAML stream, with marks.

    Raises `yaml.YAMLError` (with its own mark) on a syntax error.
    """
    for node in yaml.compose_all(text, Loader=_LOADER):
        if node is None:
            continue
        constructor = SafeConstructor()
        data = constructor.construct_document(node)
        marks: dict[Loc, tuple[int, int]] = {}
        _record(node, (), marks)
        yield YamlDocument(file, data, marks, node.start_mark.line + 1)


def syntax_problem(exc: yaml.YAMLError, file: str) -> Problem:
    """Turn a PyYAML syntax error into a one-line located problem."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    reason = getattr(exc, "problem", None) or str(exc)
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    return Problem(file, line, "", f"invalid YAML: {reason}", column)


def read_mapping_file(path: Path, error: type[ProblemsError]) -> YamlDocument:
    """Give the one YAML mapping in a file, or raise `error` naming the file (and line)."""
    shown = str(path)
    try:
        docs = list(load_documents(path.read_text(encoding="utf-8"), shown))
    except OSError as exc:
        raise error([Problem(shown, None, "", f"cannot read: {exc.strerror}")]) from None
    except UnicodeDecodeError:
        raise error([Problem(shown, None, "", "not a UTF-8 text file")]) from None
    except yaml.YAMLError as exc:
        raise error([syntax_problem(exc, shown)]) from None
    if len(docs) != 1 or not isinstance(docs[0].data, dict):
        raise error([Problem(shown, 1, "", "expected one YAML mapping")])
    return docs[0]
