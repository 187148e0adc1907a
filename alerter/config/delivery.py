"""The sections of config.yaml that say who gets what: smtp, subscriptions, web."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from alerter.config.sections import Severity, Strict

Format = Literal["md", "html", "txt"]


def _markdown() -> list[Format]:
    return ["md"]


# One email address, as a subscriber or a sign-up form gives it.
EMAIL_ADDRESS = re.compile(r"[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+")


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
        if not EMAIL_ADDRESS.fullmatch(address) or "\n" in value or "\r" in value:
            raise ValueError(f"'{value}' is not an address such as "
                             "\"alerter <alerts@example.org>\"")
        return value


class SubscriptionConfig(Strict):
    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    channel: Literal["file", "email"] = "file"
    to: list[str] = Field(default_factory=list)
    rules: list[str] | None = Field(None, description="Rule ids; all rules when left out.")
    tags: list[str] | None = None
    min_severity: Severity = "info"
    schedule: str = "daily 07:00"
    timezone: str = "UTC"
    # Default by channel (see _default_formats): md for files, html + txt for email.
    formats: list[Format] = Field(default_factory=_markdown)
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
            if not EMAIL_ADDRESS.fullmatch(address):
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
