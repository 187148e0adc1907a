"""The configuration file, loaded into typed models that reject unknown keys.

Every problem is collected with its file, line and key path and reported at
once (`config.yaml:14: subscriptions[0].schedule: ...`). Settings may be written
as `${ENV_VAR}` and are resolved from the environment at load time, except the
SMTP password, which is resolved only when a message is sent (`secret()`), so that
commands that send nothing run without it.

The models are in `sections` (where things are and how they run), `delivery` (smtp,
subscriptions, web) and `model` (the whole); reading the file is `loading`.
"""

from __future__ import annotations

from alerter.config.delivery import EMAIL_ADDRESS, SmtpConfig, SubscriptionConfig, WebConfig
from alerter.config.loading import ENV_ONLY, LAZY_SECRETS, load_config, secret
from alerter.config.model import Config
from alerter.config.sections import (
    SEVERITIES,
    ComputeConfig,
    HttpConfig,
    NlpConfig,
    OutputConfig,
    RulesConfig,
    ScheduleConfig,
    Severity,
    SourceConfig,
    StoreConfig,
    Strict,
    TemplatesConfig,
    parse_duration,
)

__all__ = ["EMAIL_ADDRESS", "ENV_ONLY", "LAZY_SECRETS", "SEVERITIES", "ComputeConfig",
           "Config", "HttpConfig", "NlpConfig", "OutputConfig", "RulesConfig",
           "ScheduleConfig", "Severity", "SmtpConfig", "SourceConfig", "StoreConfig",
           "Strict", "SubscriptionConfig", "TemplatesConfig", "WebConfig", "load_config",
           "parse_duration", "secret"]
