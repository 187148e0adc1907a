from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from alerter.config import load_config
from alerter.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent


def test_default_config_loads_and_resolves_paths() -> None:
    config = load_config(ROOT / "config.yaml")
    assert config.sources[0].path == "examples/"
    assert config.resolve("examples/") == ROOT / "examples"
    assert config.subscriptions[0].name == "daily-summary"


def test_the_commented_examples_in_config_yaml_load_once_uncommented(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What config.yaml tells a user to uncomment (a feed source, smtp, the email
    subscription, web) is a valid configuration as written."""
    import re

    text = (ROOT / "config.yaml").read_text(encoding="utf-8")
    # a commented setting is `#` + one space before the YAML of its line
    uncommented = re.sub(r"^(\s*)# (\s*(?:- )?[a-z_]+:(?: |$))", r"\1\2", text,
                         flags=re.MULTILINE)
    (tmp_path / "config.yaml").write_text(uncommented, encoding="utf-8")
    (tmp_path / "certs").mkdir()
    (tmp_path / "templates").mkdir()
    monkeypatch.setenv("PGPASSWORD", "x")
    monkeypatch.setenv("ALERTER_SECRET", "s" * 32)
    config = load_config(tmp_path / "config.yaml")
    assert [s.url for s in config.sources if s.url] == ["https://news.example.org/feed.xml"]
    assert config.smtp is not None and config.web is not None and config.store.url
    email = config.subscription("morning-brief")
    assert email.channel == "email" and email.to and email.formats == ["html", "txt"]
    assert config.web.subscribe == ["morning-brief"]


def test_two_mistakes_are_both_reported_with_lines(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(
        "sources:\n"
        "  - path: examples/\n"
        "subscriptions:\n"
        "  - name: daily\n"
        "    schedule: every dya\n"
        "    timezone: Europe/London\n"
        "    formts: [md]\n"
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    lines = str(caught.value).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{path}:5:") and "subscriptions[0].schedule" in lines[0]
    assert "every dya" in lines[0]
    assert lines[1].startswith(f"{path}:7:") and "unknown key 'formts'" in lines[1]
    assert "did you mean 'formats'" in lines[1]


def test_cli_reports_config_errors_with_exit_2_and_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("nlp:\n  modle: x\nstore:\n  path: 3\n  wal: true\n")
    result = subprocess.run([sys.executable, "-m", "alerter", "run", "--once", "--config",
                             str(path)], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3
    assert f"{path}:2:" in errors[0] and "did you mean 'model'" in errors[0]


def test_secrets_come_from_the_environment(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("http:\n  user_agent: ${UA_SECRET}\n")
    with pytest.raises(ConfigError, match=r"config.yaml:2: http.user_agent: environment "
                                          r"variable UA_SECRET is not set"):
        load_config(path)
    monkeypatch.setenv("UA_SECRET", "agent-7")
    assert load_config(path).http.user_agent == "agent-7"


def test_numeric_weekdays_in_cron_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("subscriptions:\n  - name: a\n    schedule: '0 7 * * 1-5'\n")
    with pytest.raises(ConfigError, match="weekdays by name"):
        load_config(path)


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("sources:\n  - path: [unclosed\n")
    with pytest.raises(ConfigError, match=r"config.yaml:3:\d+: invalid YAML"):
        load_config(path)


def test_email_addresses_are_checked_when_the_config_loads(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text('smtp:\n  host: mail.example.org\n  from: "alerter <alerts>"\n'
                    "subscriptions:\n  - name: brief\n    channel: email\n"
                    '    to: [ana@example.org, "bo@example.org, cy@example.org"]\n')
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:3: smtp.from: 'alerter <alerts>' is not an address such as "
        '"alerter <alerts@example.org>"',
        f"{path}:7: subscriptions[0].to: 'bo@example.org, cy@example.org' is not one email "
        "address such as analyst@example.org",
    ]


def test_internal_fields_are_not_settings_and_messages_name_the_file(tmp_path: Path) -> None:
    # base_dir is where alerter resolves paths from, not a key a file may set
    path = tmp_path / "mine.yaml"
    path.write_text("base_dir: /etc\n", encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        load_config(path)
    assert str(refused.value) == f"{path}:1: base_dir: unknown key 'base_dir'"
    path.write_text("subscriptions:\n  - name: daily\n", encoding="utf-8")
    config = load_config(path)
    assert config.base_dir == tmp_path
    with pytest.raises(ConfigError) as unknown:
        config.subscription("dialy")
    assert str(unknown.value) == (f"{path}: subscriptions: no subscription named 'dialy' "
                                  "(did you mean 'daily'?)")
