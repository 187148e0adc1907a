"""Rule files: read, validated with file:line:column and key paths, compiled.

Several rules per file (YAML documents separated by `---`, or a top-level
list). Every problem in every file is collected before reporting.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from alerter.config import Config
from alerter.errors import Problem, RuleError
from alerter.models import EVENT_TYPES, MODALITIES
from alerter.rules.conditions import FIELDS, GROUPS, OPERATORS, Condition, compile_when
from alerter.rules.model import Rule
from alerter.validation import suggest, validate
from alerter.yamlfile import Loc, YamlDocument, load_documents, syntax_problem

VOCABULARY: dict[str, Collection[str]] = {"type": EVENT_TYPES, "modality": MODALITIES}
CODE_FIELDS = ("actor.code", "target.code")
RULE_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class LoadedRule:
    rule: Rule
    condition: Condition
    file: str
    line: int


def rule_files(paths: Iterable[str | Path]) -> list[Path]:
    """Give the rule files at the given paths (files, or folders searched recursively)."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in RULE_SUFFIXES)
        else:
            found.append(path)
    return found


def known_codes(gazetteer: str | Path | None = None) -> frozenset[str]:
    """Give every participant code extraction can produce: ISO countries, our
    organisations, and those of the user's gazetteer."""
    from alerter.extract.gazetteer import load_gazetteer

    return frozenset(e.code for e in load_gazetteer(str(gazetteer) if gazetteer else None)
                     .values())


def configured_codes(config: Config) -> frozenset[str]:
    """Give the participant codes known with the config's gazetteer."""
    gazetteer = config.nlp.gazetteer
    return known_codes(config.resolve(gazetteer) if gazetteer else None)


def _check_when(when: Any, doc: YamlDocument, loc: Loc, problems: list[Problem],
                vocabulary: dict[str, Collection[str]]) -> None:
    if not isinstance(when, dict):
        problems.append(doc.problem(loc, "expected a mapping of conditions"))
        return
    for key, spec in when.items():
        here = (*loc, key)
        if key in ("all", "any"):
            if not isinstance(spec, list):
                problems.append(doc.problem(here, f"'{key}' takes a list of condition mappings"))
                continue
            for index, item in enumerate(spec):
                _check_when(item, doc, (*here, index), problems, vocabulary)
        elif key == "not":
            _check_when(spec, doc, here, problems, vocabulary)
        elif key not in FIELDS:
            problems.append(doc.problem(here, f"unknown field '{key}'"
                                        f"{suggest(str(key), [*FIELDS, *GROUPS])}"))
        else:
            _check_spec(str(key), spec, doc, here, problems, vocabulary)


def _check_spec(field: str, spec: Any, doc: YamlDocument, loc: Loc,
                problems: list[Problem], vocabulary: dict[str, Collection[str]]) -> None:
    if isinstance(spec, dict):
        for op, arg in spec.items():
            if op not in OPERATORS:
                problems.append(doc.problem((*loc, op), f"unknown operator '{op}'"
                                            f"{suggest(str(op), OPERATORS)}"))
            elif op in ("any", "all") and field != "text":
                problems.append(doc.problem((*loc, op), f"'{op}' of words works on 'text' only"))
            elif op in ("gte", "lte") and not isinstance(arg, int | float):
                problems.append(doc.problem((*loc, op), f"'{op}' needs a number"))
            elif op == "not":
                _check_spec(field, arg, doc, (*loc, op), problems, vocabulary)
            elif op == "matches":
                import regex

                try:
                    regex.compile(str(arg), regex.VERSION0)
                except regex.error as exc:
                    problems.append(doc.problem((*loc, op), f"not a regular expression: {exc}"))
        return
    values = spec if isinstance(spec, list) else [spec]
    known = vocabulary.get(field)
    for index, value in enumerate(values):
        if isinstance(value, list | dict):
            where = (*loc, index) if isinstance(spec, list) else loc
            problems.append(doc.problem(where, "expected a value, or a list of values"))
        elif known and value not in known:
            where = (*loc, index) if isinstance(spec, list) else loc
            hint = " (codes come from the gazetteer; add yours with nlp.gazetteer)" \
                if field in CODE_FIELDS else ""
            problems.append(doc.problem(where, f"'{value}' is not a known {field}"
                                        f"{suggest(str(value), known) or hint}"))


def _documents(path: Path, problems: list[Problem]) -> list[tuple[YamlDocument, Any, Loc]]:
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        problems.append(Problem(shown, None, "", f"cannot read: {exc.strerror}"))
        return []
    except UnicodeDecodeError:
        problems.append(Problem(shown, None, "", "not a UTF-8 text file"))
        return []
    try:
        docs = list(load_documents(text, shown))
    except yaml.YAMLError as exc:
        problems.append(syntax_problem(exc, shown))
        return []
    out: list[tuple[YamlDocument, Any, Loc]] = []
    for doc in docs:
        if isinstance(doc.data, list):
            out += [(doc, item, (index,)) for index, item in enumerate(doc.data)]
        else:
            out.append((doc, doc.data, ()))
    return out


def load_rules(paths: Iterable[str | Path], codes: Collection[str] | None = None
               ) -> list[LoadedRule]:
    """Give every valid rule in the files, or raise RuleError listing every problem.

    `codes` are the participant codes a rule may name (default: `known_codes()`).
    """
    vocabulary = {**VOCABULARY, **dict.fromkeys(CODE_FIELDS, codes or known_codes())}
    problems: list[Problem] = []
    loaded: list[LoadedRule] = []
    seen: dict[str, str] = {}
    files = rule_files(paths)
    for path in files:
        if not path.exists():
            problems.append(Problem(str(path), None, "", "no such file or folder"))
            continue
        for doc, data, base in _documents(path, problems):
            if not isinstance(data, dict):
                problems.append(doc.problem(base, "expected a rule (a mapping with id, name, "
                                            "when...)"))
                continue
            before = len(problems)
            rule, more = validate(Rule, doc, data, base)
            problems += more
            if "when" in data:
                _check_when(data["when"], doc, (*base, "when"), problems, vocabulary)
            if rule is None or len(problems) > before:
                continue
            line = doc.locate(base)[0]
            where = f"{path}:{line}"
            if rule.id in seen:
                problems.append(doc.problem((*base, "id"), f"rule id '{rule.id}' is already "
                                            f"used at {seen[rule.id]}"))
                continue
            seen[rule.id] = where
            loaded.append(LoadedRule(rule, compile_when(rule.when), str(path), line))
    if problems:
        raise RuleError(problems)
    return loaded
