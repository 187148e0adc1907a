"""YAML documents loaded together with the line and column of every key and item.

Config and rule errors must name the line they come from; PyYAML's composed
node tree carries those marks, so we keep them beside the plain data.

Every YAML file alerter reads (config, rules, taxonomy, gazetteer, front matter)
goes through `load_documents`, which refuses what would make the rest of alerter
blow up: aliases that expand to more than MAX_ALIAS_VALUES values beyond what the
file holds (a "billion laughs" bomb), an alias to itself, nesting deeper than
libyaml's 1,000 levels, and scalars that Python cannot hold (a 5,000-digit integer,
February 30th). Each is a `yaml.YAMLError` with the line, like a syntax error.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from alerter.errors import Problem, ProblemsError

Loc = tuple[str | int, ...]
# libyaml's parser when PyYAML was built with it (several times faster on large rule
# sets); the same nodes and marks either way
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# How many values aliases may add to a document beyond the nodes written in it: plenty
# for `<<: *defaults` and shared lists, far below what takes memory or minutes.
MAX_ALIAS_VALUES = 100_000
MAX_NUMBER_DIGITS = 100  # Python refuses to print integers past 4,300 digits


class YamlLimitError(yaml.MarkedYAMLError):
    """A YAML document that is well formed but refused: too large once its aliases are
    expanded, an alias to itself, nested too deeply."""


class _Constructor(SafeConstructor):
    """PyYAML's safe constructor, with a value it cannot build turned into a located
    YAML error instead of a ValueError from deep inside it."""

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        if node.tag == "tag:yaml.org,2002:int" and len(str(node.value)) > MAX_NUMBER_DIGITS:
            raise ConstructorError(None, None, f"a number of more than {MAX_NUMBER_DIGITS} "
                                   "digits", node.start_mark)
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, AttributeError, OverflowError, LookupError) as exc:
            raise ConstructorError(None, None, f"cannot read this value: {exc}",
                                   node.start_mark) from None


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def check_aliases(root: yaml.Node) -> None:
    """Raise YamlLimitError when aliases make the document expand past its own size by
    more than MAX_ALIAS_VALUES values, or refer to a node that contains them."""
    distinct: set[int] = set()
    stack = [root]
    while stack:  # iterative walks: a deep document must not exhaust Python's stack
        node = stack.pop()
        if id(node) not in distinct:
            distinct.add(id(node))
            stack.extend(_children(node))
    limit = len(distinct) + MAX_ALIAS_VALUES
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    todo: list[tuple[yaml.Node, bool]] = [(root, False)]
    while todo:
        node, children_done = todo.pop()
        key = id(node)
        if children_done:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            if sizes[key] > limit:
                raise YamlLimitError(None, None, f"aliases expand this to more than "
                                     f"{MAX_ALIAS_VALUES:,} values beyond the file's own; "
                                     "refused", node.start_mark)
        elif key in open_nodes:
            raise YamlLimitError(None, None, "an alias refers to a node that contains it; "
                                 "refused", node.start_mark)
        elif key not in sizes:
            open_nodes.add(key)
            todo.append((node, True))
            todo.extend((child, False) for child in _children(node))


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


def _located(exc: yaml.reader.ReaderError, text: str, file: str) -> yaml.MarkedYAMLError:
    """Give a reader error (which has only a position) as an error with a line."""
    position = min(exc.position, len(text))
    line = text.count("\n", 0, position)
    column = position - (text.rfind("\n", 0, position) + 1)
    character = exc.character if isinstance(exc.character, int) else ord(exc.character[:1] or
                                                                          "\0")
    return yaml.MarkedYAMLError(None, None, f"character #x{character:04x} is not allowed "
                                f"({exc.reason})", yaml.Mark(file, position, line, column,
                                                             None, None))  # type: ignore[arg-type]


def load_documents(text: str, file: str) -> Iterator[YamlDocument]:
    """Yield every document of a YAML stream, with marks.

    Raises `yaml.YAMLError` (with its own mark) on a syntax error, and
    `YamlLimitError` on a document refused by the limits above.
    """
    nodes = yaml.compose_all(text, Loader=_LOADER)
    while True:
        try:
            node = next(nodes)
        except StopIteration:
            return
        except RecursionError:  # the pure-Python parser, without libyaml's depth limit
            raise YamlLimitError(None, None, "nested too deeply; refused", None) from None
        except yaml.reader.ReaderError as exc:  # a character YAML does not allow: locate it
            raise _located(exc, text, file) from None
        if node is None:
            continue
        if "*" in text:  # no alias without one
            check_aliases(node)
        try:
            data = _Constructor().construct_document(node)
            marks: dict[Loc, tuple[int, int]] = {}
            _record(node, (), marks)
        except RecursionError:
            raise YamlLimitError(None, None, "nested too deeply; refused",
                                 node.start_mark) from None
        yield YamlDocument(file, data, marks, node.start_mark.line + 1)


def syntax_problem(exc: yaml.YAMLError, file: str) -> Problem:
    """Turn a PyYAML syntax error into a one-line located problem."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    reason = getattr(exc, "problem", None) or str(exc).split("\n")[0]
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    message = reason if isinstance(exc, YamlLimitError) else f"invalid YAML: {reason}"
    return Problem(file, line, "", message, column)


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
