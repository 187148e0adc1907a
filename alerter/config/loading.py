"""Reading config.yaml: YAML, `${ENV_VAR}` references, validation with every problem
located (file, line, key path)."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from alerter.config.model import Config
from alerter.errors import ConfigError, NoConfigError, Problem
from alerter.validation import suggest, validate
from alerter.yamlfile import Loc, YamlDocument, load_documents, syntax_problem

_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")

# Resolved when used, not at load: only sending mail needs them.
LAZY_SECRETS = {("smtp", "password")}
# Must be an ${ENV_VAR} reference: a secret written in the file is refused.
ENV_ONLY = {("web", "secret")}
HINT_CODES = " (codes come from the gazetteer; add yours with nlp.gazetteer)"


def secret(value: str, key: str) -> str:
    """Give `value` with its `${ENV_VAR}` references resolved; raise KeyError with a
    message naming the variable and the setting `key` when one is not set."""
    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in os.environ:
            raise KeyError(f"environment variable {name} ({key}) is not set")
        return os.environ[name]

    return _ENV_REF.sub(substitute, value)


def _resolve_env(value: Any, loc: Loc, doc: YamlDocument, problems: list[Problem]) -> Any:
    if loc in LAZY_SECRETS:
        return value
    if loc in ENV_ONLY and not (isinstance(value, str) and _ENV_REF.fullmatch(value)):
        problems.append(doc.problem(loc, "write it as ${ENV_VAR} (e.g. ${ALERTER_SECRET}) "
                                    "and set the variable: secrets never go in the file"))
        return "x" * 32  # the problem above is reported; this keeps others from piling up
    if isinstance(value, dict):
        return {k: _resolve_env(v, (*loc, k), doc, problems) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve_env(v, (*loc, i), doc, problems) for i, v in enumerate(value)]
    if isinstance(value, str) and "${" in value:
        def substitute(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in os.environ:
                problems.append(doc.problem(loc, f"environment variable {name} is not set"))
                return ""
            return os.environ[name]

        return _ENV_REF.sub(substitute, value)
    return value


def load_config(path: str | os.PathLike[str]) -> Config:
    """Give the validated configuration in `path`, or raise ConfigError with every problem."""
    file = Path(path)
    shown = str(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        if file == Path("config.yaml"):
            raise NoConfigError("no config.yaml here: create a project with "
                                "`alerter init DIR`") from None
        raise ConfigError([Problem(shown, None, "", "no such file (`alerter init DIR` "
                                   "creates a project with a config.yaml)")]) from None
    except OSError as exc:
        raise ConfigError([Problem(shown, None, "", f"cannot read: {exc.strerror}")]) from None
    except UnicodeDecodeError:
        raise ConfigError([Problem(shown, None, "", "not a UTF-8 text file")]) from None
    try:
        docs = list(load_documents(text, shown))
    except yaml.YAMLError as exc:
        raise ConfigError([syntax_problem(exc, shown)]) from None
    if len(docs) > 1:
        raise ConfigError([Problem(shown, docs[1].start_line, "", "expected one YAML document")])
    doc = docs[0] if docs else YamlDocument(shown, {})
    if not isinstance(doc.data, dict):
        raise ConfigError([Problem(shown, doc.start_line, "", "expected a mapping of settings")])
    problems: list[Problem] = []
    data = _resolve_env(doc.data, (), doc, problems)
    config, more = validate(Config, doc, data)
    problems.extend(more)
    base_dir = file.resolve().parent
    folder = config.templates.path if config is not None else None
    if folder and not (base_dir / Path(folder).expanduser()).is_dir():
        problems.append(doc.problem(("templates", "path"), f"no such folder: '{folder}'"))
    if config is not None:
        problems += _unknown_issuers(config, base_dir, doc) + _issuer_sources(config, doc)
    if problems or config is None:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        # file:line: path: message — the column adds nothing for a settings file
        raise ConfigError([replace(p, column=None) for p in problems])
    return config.located(shown, base_dir)


def _issuer_sources(config: Config, doc: YamlDocument) -> list[Problem]:
    """Give a problem for each `nlp.issuers` source that is blank (no document's source
    is), or that names, up to case and spacing, a source an earlier key named: both are
    one source, so one of their codes would be dropped without a word."""
    from alerter.extract.issuer import source_key

    first: dict[str, str] = {}
    problems = []
    for source in config.nlp.issuers:
        if not source_key(source):
            problems.append(doc.problem(("nlp", "issuers", source),
                                        "a source name is blank: write the source your "
                                        "documents carry (treasury: USA)"))
            continue
        earlier = first.setdefault(source_key(source), source)
        if earlier != source:
            problems.append(doc.problem(("nlp", "issuers", source),
                                        f"'{source}' is the same source as '{earlier}' "
                                        "(case and spacing do not count): keep one"))
    return problems


def _unknown_issuers(config: Config, base_dir: Path, doc: YamlDocument) -> list[Problem]:
    """Give a problem for each `nlp.issuers` code that no participant has: an event given
    that actor could never meet a rule (rules name known codes only)."""
    if not config.nlp.issuers:
        return []
    from alerter.errors import AlerterError
    from alerter.rules.loader import known_codes

    gazetteer = config.nlp.gazetteer
    try:
        codes = known_codes(base_dir / Path(gazetteer).expanduser() if gazetteer else None)
    except (AlerterError, OSError):  # a bad gazetteer is reported where it is read
        return []
    return [doc.problem(("nlp", "issuers", source),
                        f"'{code}' is not a known participant code"
                        f"{suggest(code, codes) or HINT_CODES}")
            for source, code in config.nlp.issuers.items() if code not in codes]
