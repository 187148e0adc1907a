"""The exceptions alerter raises on purpose.

    AlerterError                 anything the CLI turns into a one-line message
    ├── ConfigError              config.yaml is invalid (carries every problem)
    ├── RuleError                rule files are invalid (carries every problem)
    ├── SourceError              a document source cannot be read
    ├── TemplateError            a digest template is missing or fails to render
    ├── DeliveryError            a channel could not deliver (retried later)
    ├── ModelError               the spaCy pipeline cannot be loaded
    └── StoreError               the state store is damaged, refused, full or unwritable
        └── StoreBusy            another process kept the store locked too long

A traceback from the CLI means a bug; these do not.
"""

from __future__ import annotations

from dataclasses import dataclass


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
        return f"{where}: {prefix}{self.message}"


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


class TemplateError(AlerterError):
    pass


class DeliveryError(AlerterError):
    """A delivery attempt failed; `permanent` failures are not retried."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class ModelError(AlerterError):
    exit_code = 2


class StoreError(AlerterError):
    """The state store cannot be used as it is; the message says what to do."""

    exit_code = 4


class StoreBusy(StoreError):
    exit_code = 3
