"""The exceptions alerter raises on purpose.

    AlerterError                 anything the CLI turns into a one-line message
    ├── ConfigError              config.yaml is invalid (carries every problem)
    ├── NoConfigError            no config.yaml in the current folder
    ├── RuleError                rule files are invalid (carries every problem)
    ├── SourceError              a document source cannot be read
    ├── CorpusError              sample lines do not resolve against a corpus (every problem)
    ├── TemplateError            a digest template is missing or fails to render
    ├── DeliveryError            a channel could not deliver (retried later)
    ├── ModelError               the spaCy pipeline cannot be loaded
    └── StoreError               the state store is damaged, refused, full or unwritable
        └── StoreBusy            another process kept the store locked too long

A traceback from the CLI means a bug; these do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# what must not reach a one-line message: line breaks and other control characters,
# and lone surrogates (which no terminal or log file can encode)
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")


def printable(text: str) -> str:
    """Give text on one printable line: control characters and lone surrogates escaped."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as precisely as we can."""

    file: str
    line: int | None
    path: str
    message: str
    column: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        prefix = f"{self.path}: " if self.path else ""
        return printable(f"{where}: {prefix}{self.message}")


class AlerterError(Exception):
    """Base class: an error the user can act on, shown without a traceback."""

    exit_code = 1


class ProblemsError(AlerterError):
    """Several located problems, reported all at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class ConfigError(ProblemsError):
    exit_code = 2


class RuleError(ProblemsError):
    exit_code = 1


class SourceError(AlerterError):
    pass


class CorpusError(ProblemsError):
    """Sample lines (ids, offsets, sha1s) that do not resolve against a corpus folder."""

    exit_code = 1


class TemplateError(AlerterError):
    pass


class DeliveryError(AlerterError):
    """A delivery attempt failed; `permanent` failures are not retried."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class ModelError(AlerterError):
    exit_code = 2


class NoConfigError(AlerterError):
    """No config.yaml where a command looked for one."""

    exit_code = 2


class StoreError(AlerterError):
    """The state store cannot be used as it is; the message says what to do."""

    exit_code = 4


class StoreBusy(StoreError):
    exit_code = 3
