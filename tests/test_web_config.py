"""The `web` section of config.yaml, and `alerter serve` / `alerter run --serve` as a user
starts them: real processes on 127.0.0.1."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import yaml

from alerter.config import load_config
from alerter.errors import ConfigError

from .postgres import use_store

SECRET = "a-secret-from-the-environment-0123456789abcdef"
SUBSCRIPTIONS = [
    {"name": "morning-brief", "channel": "email", "schedule": "daily 07:00"},
    {"name": "daily-summary", "channel": "file", "schedule": "daily 07:00"},
]
SMTP = {"host": "127.0.0.1", "port": 2525, "security": "none",
        "from": "alerts@example.org"}


def write(tmp_path: Path, web: dict[str, object] | None, **more: object) -> Path:
    config = {"smtp": SMTP, "subscriptions": SUBSCRIPTIONS, **more}
    if web is not None:
        config["web"] = web
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


def problems(path: Path) -> str:
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    return str(caught.value)


def test_an_open_email_subscription_needs_no_to_list(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALERTER_SECRET", SECRET)
    config = load_config(write(tmp_path, {"base_url": "https://alerts.example.org/",
                                          "secret": "${ALERTER_SECRET}",
                                          "subscribe": ["morning-brief"]}))
    assert config.web is not None and config.web.base_url == "https://alerts.example.org"
    assert config.web.secret == SECRET and SECRET not in repr(config)
    # without web, the same subscription is refused: nobody could receive it
    assert "needs at least one address in 'to'" in problems(write(tmp_path, None))


def test_a_secret_written_in_the_file_is_refused_and_never_echoed(tmp_path: Path) -> None:
    message = problems(write(tmp_path, {"base_url": "https://alerts.example.org",
                                        "secret": SECRET, "subscribe": []},
                             subscriptions=SUBSCRIPTIONS[1:]))
    assert "web.secret: write it as ${ENV_VAR}" in message
    assert SECRET not in message


def test_short_secrets_unknown_keys_and_names_are_reported_together(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALERTER_SECRET", "short")
    message = problems(write(tmp_path, {"base_url": "alerts.example.org",
                                        "secret": "${ALERTER_SECRET}",
                                        "subscibe": ["morning-brief"]}))
    assert "web.secret: too short" in message and "'short'" not in message
    assert "web.base_url: 'alerts.example.org' is not an http(s) address" in message
    assert "unknown key 'subscibe' (did you mean 'subscribe'?)" in message


def test_subscribe_names_an_email_subscription(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALERTER_SECRET", SECRET)
    web = {"base_url": "https://alerts.example.org", "secret": "${ALERTER_SECRET}"}
    assert "no subscription named 'morning-brif' (did you mean 'morning-brief'?)" in problems(
        write(tmp_path, {**web, "subscribe": ["morning-brif"]}))
    assert "'daily-summary' is a file subscription" in problems(
        write(tmp_path, {**web, "subscribe": ["daily-summary"]}))
    unset = write(tmp_path, {**web, "secret": "${ALERTER_NO_SUCH_SECRET}"})
    assert "environment variable ALERTER_NO_SUCH_SECRET is not set" in problems(unset)


def alerter(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "alerter", *args], env={**os.environ, **env},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def wait_for(url: str, process: subprocess.Popen[str], seconds: float = 60) -> httpx.Response:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[0]
        try:
            return httpx.get(url, timeout=2)
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError(f"nothing answered at {url}")


def test_serve_without_a_web_section_says_what_is_missing(project: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "alerter", "serve", "--config",
                           str(project / "config.yaml")], capture_output=True, text=True)
    assert done.returncode == 2
    assert "alerter serve needs a 'web' section" in done.stderr and "Traceback" not in done.stderr


def add_web(project: Path) -> None:
    config = yaml.safe_load((project / "config.yaml").read_text())
    config["web"] = {"base_url": "https://alerts.example.org", "secret": "${ALERTER_SECRET}"}
    (project / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))


def test_serve_listens_on_127_0_0_1_and_stops_on_sigterm(project: Path,
                                                         store_location: str) -> None:
    from tests.smtp import free_port

    use_store(project / "config.yaml", store_location)  # SQLite, then PostgreSQL
    add_web(project)
    port = free_port()
    process = alerter("serve", "--port", str(port), "--config", str(project / "config.yaml"),
                      env={"ALERTER_SECRET": SECRET})
    try:
        health = wait_for(f"http://127.0.0.1:{port}/healthz", process)
        assert health.status_code == 200
        assert health.json() == {"ok": True, "store": "ok", "last_cycle": None,
                                 "pending_deliveries": 0, "failed_deliveries": 0}
        assert "daily-summary" in httpx.get(f"http://127.0.0.1:{port}/").text
        explorer = httpx.get(f"http://127.0.0.1:{port}/events", params={"actor": "USA"})
        assert explorer.status_code == 200
    finally:
        process.send_signal(signal.SIGTERM)
        output = process.communicate(timeout=30)[0]
    assert process.returncode == 0, output
    assert SECRET not in output
    # its log lines carry the UTC time, as `alerter run`'s do
    assert re.search(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ alerter serve stopped$", output,
                     flags=re.MULTILINE), output


def test_run_serve_runs_cycles_and_the_server_in_one_process(project: Path,
                                                             store_location: str) -> None:
    from tests.smtp import free_port

    use_store(project / "config.yaml", store_location)  # SQLite, then PostgreSQL
    add_web(project)
    port = free_port()
    process = alerter("run", "--serve", "--port", str(port), "--config",
                      str(project / "config.yaml"),
                      env={"ALERTER_SECRET": SECRET, "ALERTER_NOW": "2023-02-27T08:00:00Z"})
    try:
        url = f"http://127.0.0.1:{port}/healthz"
        wait_for(url, process)
        deadline = time.monotonic() + 120
        while (httpx.get(url).json()["last_cycle"] or {}).get("finished") is None:
            assert time.monotonic() < deadline, "no cycle finished"
            time.sleep(0.5)
        archive = httpx.get(f"http://127.0.0.1:{port}/s/daily-summary").text
        assert "/d/" in archive  # the cycle's digest is in the archive
    finally:
        process.send_signal(signal.SIGTERM)
        output = process.communicate(timeout=60)[0]
    assert process.returncode == 0, output
    assert "alerter stopped" in output


def test_the_docs_list_every_page_and_web_setting() -> None:
    from alerter.config import WebConfig
    from alerter.web.routes import ROUTES

    root = Path(__file__).resolve().parent.parent
    doc = (root / "docs" / "web.md").read_text(encoding="utf-8")
    for route in ROUTES:
        shown = route.path.replace("{name}", "NAME").replace("{digest_id}", "ID") \
            .replace("{token}", "TOKEN")
        assert f"`{shown}`" in doc or f" {shown}`" in doc, route.path
    commented = (root / "config.yaml").read_text(encoding="utf-8")
    readme = (root / "README.md").read_text(encoding="utf-8")
    for key in WebConfig.model_fields:
        assert f"{key}:" in doc and f"#   {key}:" in commented and f"{key}:" in readme
    assert "docs/web.md" in readme and "alerter serve" in readme
