"""The whole configuration: every section, checked together."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, PrivateAttr, ValidationInfo, field_validator, model_validator

from alerter.config.delivery import SmtpConfig, SubscriptionConfig, WebConfig
from alerter.config.sections import (
    ComputeConfig,
    HttpConfig,
    NlpConfig,
    OutputConfig,
    RulesConfig,
    ScheduleConfig,
    SourceConfig,
    StoreConfig,
    Strict,
    TemplatesConfig,
)
from alerter.errors import ConfigError, Problem


class Config(Strict):
    sources: list[SourceConfig] = Field(default_factory=list)
    http: HttpConfig = HttpConfig()
    nlp: NlpConfig = NlpConfig()
    compute: ComputeConfig = ComputeConfig()
    store: StoreConfig = StoreConfig()
    rules: RulesConfig = RulesConfig()
    templates: TemplatesConfig = TemplatesConfig()
    output: OutputConfig = OutputConfig()
    schedule: ScheduleConfig = ScheduleConfig()
    smtp: SmtpConfig | None = None
    subscriptions: list[SubscriptionConfig] = Field(default_factory=list)
    web: WebConfig | None = None

    # Not settings (private, so a file cannot set them): where relative paths in the
    # file are resolved from (its folder), and the file as the user named it, for
    # messages about what it lacks. load_config sets both (`located`).
    _base_dir: Path = PrivateAttr(Path("."))
    _file: str = PrivateAttr("config.yaml")

    def located(self, file: str, base_dir: Path) -> Config:
        """Give this config as read from `file`, its relative paths resolved from `base_dir`."""
        copy = self.model_copy()
        copy._file, copy._base_dir = file, base_dir
        return copy

    @property
    def base_dir(self) -> Path:
        return self._base_dir

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
        raise ConfigError([Problem(self._file, None, "subscriptions",
                                   f"no subscription named '{name}'"
                                   f"{suggest(name, known)}")])
