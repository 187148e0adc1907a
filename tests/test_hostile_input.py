"""Hostile input, through the real pipeline: what alerter promises when a file, a
feed server, a rule or a template is built to hurt it (issue 11).

Each test names the item of issue 11 it proves. The promise is the same for all:
the bad input gets a one-line message naming the file (and line), it harms nothing
else, and the rest of the work goes on — on this run and every later one.
"""

from __future__ import annotations

import logging
import os
import resource
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from alerter.clock import FixedClock
from alerter.config import load_config
from alerter.errors import ConfigError, RuleError
from alerter.extract import Extractor
from alerter.rules.loader import load_rules
from tests.conftest import cycle

pytest_plugins = ["tests.smtp"]

if TYPE_CHECKING:
    from tests.smtp import SmtpServer

GOOD = ("The United States imposed new sanctions on Russia on Monday, the Treasury "
        "said.\n")
SANCTIONS_RULE = {"id": "sanctions", "name": "Sanctions imposed", "severity": "high",
                  "when": {"type": "SANCTION"}}


def alias_bomb(levels: int, key: str = "a") -> str:
    """Give YAML whose aliases expand 9-fold per level: 9**levels values in a few
    hundred bytes."""
    lines = [f'{key}0: &{key}0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, levels):
        refs = ", ".join([f"*{key}{level - 1}"] * 9)
        lines.append(f"{key}{level}: &{key}{level} [{refs}]")
    return "\n".join(lines) + "\n"


def write_project(root: Path, *, sources: list[dict[str, Any]] | None = None,
                  rules: list[dict[str, Any]] | None = None,
                  subscriptions: list[dict[str, Any]] | None = None,
                  **sections: Any) -> Path:
    """Write a small project: a news folder with one good document, one rule file,
    and a daily file subscription in markdown (each can be replaced)."""
    (root / "news").mkdir(parents=True, exist_ok=True)
    (root / "news" / "good.txt").write_text(GOOD)
    (root / "rules").mkdir(exist_ok=True)
    (root / "rules" / "rules.yaml").write_text(
        yaml.safe_dump_all(rules or [SANCTIONS_RULE], sort_keys=False))
    config = {
        "sources": sources or [{"path": "news/"}],
        "store": {"path": "out/alerter.db"},
        "rules": {"paths": ["rules/"]},
        "output": {"dir": "out"},
        "subscriptions": subscriptions if subscriptions is not None else [
            {"name": "daily", "channel": "file", "formats": ["md"]}],
        **sections,
    }
    (root / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    return root


def limited(gigabytes: float) -> Callable[[], None]:
    """Give a preexec_fn capping a child's address space, so that code without the
    limits fails fast instead of taking the machine."""
    def cap() -> None:
        size = int(gigabytes * 1024**3)
        resource.setrlimit(resource.RLIMIT_AS, (size, size))

    return cap


def alerter(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "alerter", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120,
                          preexec_fn=limited(2.5), env={**os.environ,
                                                        "ALERTER_NOW": "2023-02-27T08:00:00Z"})


# -- item 4: one hostile file must not abort the whole ingest ---------------------

def test_item4_hostile_files_are_warned_about_and_the_ingest_goes_on(
        tmp_path: Path, clock: FixedClock, extractor: Extractor) -> None:
    project = write_project(tmp_path)
    news = project / "news"
    (news / "deep.json").write_text("[" * 200_000 + "]" * 200_000)
    (news / "lone.jsonl").write_text(
        '{"id": "lone-1", "title": "Bad \\udc00 title", '
        '"text": "The European Union imposed sanctions on Iran \\udc00 on Tuesday."}\n')
    (news / "bomb.md").write_text(f"---\n{alias_bomb(9)}title: Bomb\n---\n"
                                  "Canada imposed sanctions on Belarus on Friday.\n")
    for run in (1, 2):  # and again on the next run, while the files stay
        clock.advance(clock.now() - clock.now())
        report, store = cycle(project, clock, extractor)
        said = [str(p) for p in report.problems]
        assert any(line.startswith(f"{news / 'deep.json'}:1: ") and "nested too deeply"
                   in line for line in said), said
        assert any(line.startswith(f"{news / 'lone.jsonl'}:1: ") and "surrogate" in line
                   for line in said), said
        assert any(line.startswith(f"{news / 'bomb.md'}:") and "aliases" in line
                   for line in said), said
        assert all("\n" not in line for line in said)
        if run == 1:
            # the good file, the surrogate one (repaired) and the bomb's body are read
            assert report.documents == 3
            assert report.digests == 1
        else:
            assert report.documents == 0 and report.duplicates == 3
        store.close()
    lone = store.open(project / "out" / "alerter.db").documents(["lone-1"])["lone-1"]
    assert "\ufffd" in lone.text and lone.title == "Bad \ufffd title"


# -- item 9: redirects stay on the same host ---------------------------------------

def feed(guid: str, text: str) -> bytes:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{guid}</title>'
            f'<item><guid>{guid}</guid><title>{guid}</title><link>https://example.org/'
            f'{guid}</link><description>{text}</description></item></channel></rss>'
            ).encode()


def serve(routes: dict[str, tuple[int, str | bytes]]) -> Iterator[ThreadingHTTPServer]:
    """Run an HTTP server on 127.0.0.1 answering each path with (status, body or
    Location)."""
    agents: list[str] = []  # the User-Agent of every request, in order

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            agents.append(self.headers.get("User-Agent", ""))
            status, value = routes.get(self.path, (404, b""))
            self.send_response(status)
            if isinstance(value, str):
                self.send_header("Location", value)
            else:
                self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            if isinstance(value, bytes):
                self.wfile.write(value)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.agents = agents  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def internal() -> Iterator[ThreadingHTTPServer]:
    """A service that only this machine should reach."""
    yield from serve({"/secret": (200, feed("secret-1", "Internal: Iran imposed "
                                            "sanctions on Canada."))})


@pytest.fixture
def public(internal: ThreadingHTTPServer) -> Iterator[ThreadingHTTPServer]:
    """A feed server whose paths redirect: elsewhere, to file://, and to itself."""
    yield from serve({
        "/away": (302, f"http://127.0.0.1:{internal.server_port}/secret"),
        "/file": (301, "file:///etc/passwd"),
        "/moved": (301, "/feed"),
        "/feed": (200, feed("public-1", "Japan imposed sanctions on Russia on Monday.")),
    })


def test_item9_redirects_to_another_port_are_not_followed_unless_configured(
        tmp_path: Path, clock: FixedClock, extractor: Extractor,
        public: ThreadingHTTPServer, internal: ThreadingHTTPServer) -> None:
    base = f"http://127.0.0.1:{public.server_port}"
    sources = [{"url": f"{base}/away"}, {"url": f"{base}/file"}, {"url": f"{base}/moved"}]
    project = write_project(tmp_path, sources=sources, subscriptions=[])
    report, store = cycle(project, clock, extractor)
    said = {p.file: p.message for p in report.problems}
    assert "another scheme, host or port" in said[f"{base}/away"]
    assert "not http(s)" in said[f"{base}/file"]
    assert store.documents(["secret-1"]) == {}
    assert list(store.documents(["public-1"])) == ["public-1"]  # same host: followed
    store.close()

    anywhere = write_project(tmp_path / "any", sources=sources, subscriptions=[],
                             http={"follow_redirects": "any"})
    report, store = cycle(anywhere, clock, extractor)
    assert list(store.documents(["secret-1"])) == ["secret-1"]
    assert "not http(s)" in {p.file: p.message for p in report.problems}[f"{base}/file"]
    store.close()

    nowhere = write_project(tmp_path / "none", sources=sources, subscriptions=[],
                            http={"follow_redirects": "none"})
    report, store = cycle(nowhere, clock, extractor)
    assert store.counts()["documents"] == 0
    assert len(report.problems) == 3
    store.close()

    wrong = write_project(tmp_path / "wrong", sources=sources,
                          http={"follow_redirects": "sometimes"})
    with pytest.raises(ConfigError) as caught:
        load_config(wrong / "config.yaml")
    assert "http.follow_redirects: 'sometimes' is not one of same-host, any, none" \
        in str(caught.value)


def test_url_sources_send_the_configured_user_agent(
        tmp_path: Path, clock: FixedClock, extractor: Extractor,
        public: ThreadingHTTPServer) -> None:
    base = f"http://127.0.0.1:{public.server_port}"
    project = write_project(tmp_path, sources=[{"url": f"{base}/feed"}], subscriptions=[],
                            http={"user_agent": "night-desk-bot/2 (+desk@example.org)"})
    _, store = cycle(project, clock, extractor)
    store.close()
    assert public.agents == ["night-desk-bot/2 (+desk@example.org)"]  # type: ignore[attr-defined]


def test_backfill_reads_urls_with_the_configured_http_settings(
        tmp_path: Path, public: ThreadingHTTPServer) -> None:
    """`alerter backfill URL` follows the config's redirect policy and user agent, as a
    cycle does (it used to read URLs with the defaults)."""
    base = f"http://127.0.0.1:{public.server_port}"
    project = write_project(tmp_path, subscriptions=[],
                            http={"follow_redirects": "none", "user_agent": "archive-bot/1"})
    done = subprocess.run([sys.executable, "-m", "alerter", "backfill", f"{base}/moved"],
                          cwd=project, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "ALERTER_NOW": "2023-02-27T08:00:00Z"})
    assert "not followed (http.follow_redirects: none)" in done.stderr + done.stdout
    assert "backfill: 0 new documents" in done.stdout
    assert public.agents == ["archive-bot/1"]  # type: ignore[attr-defined]


# -- item 10: a YAML alias bomb in a rule file -------------------------------------

def test_item10_an_alias_bomb_in_a_rule_file_is_one_located_error(tmp_path: Path) -> None:
    bomb = f"id: bomb\nname: Bomb\nwhen: {{type: SANCTION}}\n{alias_bomb(9, 'l')}"
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bomb.yaml").write_text(bomb)
    assert len(bomb) < 600
    checked = alerter("rules", "check", "rules/", cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr
    assert "Traceback" not in checked.stderr
    lines = [line for line in checked.stderr.splitlines() if "bomb.yaml" in line]
    assert len(lines) == 1 and "aliases expand" in lines[0], checked.stderr
    assert lines[0].startswith(f"error: {Path('rules') / 'bomb.yaml'}:")

    # the same loader reads the config (and taxonomy, gazetteer, front matter)
    config = write_project(tmp_path / "project")
    (config / "config.yaml").write_text((config / "config.yaml").read_text()
                                        + alias_bomb(9, "x_"))
    with pytest.raises(ConfigError, match="aliases expand"):
        load_config(config / "config.yaml")
    (tmp_path / "loop.yaml").write_text("id: &a [*a]\n")
    with pytest.raises(RuleError, match=r"loop.yaml:1:5: an alias refers to a node"):
        load_rules([tmp_path / "loop.yaml"])


# -- item 12 (second half): a summary template cannot render 100 MB ----------------

def test_item12_a_summary_template_is_held_to_the_sandbox_limits(
        tmp_path: Path, clock: FixedClock, extractor: Extractor,
        caplog: pytest.LogCaptureFixture) -> None:
    huge = {**SANCTIONS_RULE, "id": "huge", "summary": "{{ 'x' * 100000000 }}"}
    project = write_project(tmp_path, rules=[huge])
    checked = alerter("rules", "check", "rules/", cwd=project)
    assert checked.returncode == 1
    assert f"{Path('rules') / 'rules.yaml'}:6:" in checked.stderr
    assert "summary: summary template: a repeated value longer than 10,000 characters" \
        in checked.stderr

    # one that only grows with the data is cut at render time: the digest goes on
    grows = {**SANCTIONS_RULE, "summary": "{{ event.type * 1000000 }}"}
    project = write_project(tmp_path / "grows", rules=[grows])
    with caplog.at_level(logging.WARNING, logger="alerter"):
        report, store = cycle(project, clock, extractor)
    assert report.digests == 1
    digest = next((project / "out" / "digests" / "daily").glob("*.md"))
    assert digest.stat().st_size < 20_000
    assert "Sanctions imposed" in digest.read_text()
    assert any("rule sanctions: summary template failed: a repeated value longer than" in r.message
               for r in caplog.records)
    store.close()


@pytest.mark.parametrize("source", [
    "{{ 'x' * 100000000 }}", "{{ 'x'|center(100000000) }}", "{{ 'x'.ljust(100000000) }}",
    "{{ '%100000000s' % 'x' }}", "{{ '%*s' % (100000000, 'x') }}",
    "{{ '{:>{}}'.format('x', 100000000) }}", "{{ '{:>100000000}'.format('x') }}",
    "{{ 10 ** 100000000 }}", "{{ range(100000)|join(',') }}",
    "{% for i in range(1000) %}{% for j in range(1000) %}{% endfor %}{% endfor %}",
    "{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}"
    "{% endfor %}",
    "{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = [ns.s, ns.s]|join %}"
    "{% endfor %}",
    "{% set ns = namespace(s='x') %}{% for i in range(60) %}"
    "{% set ns.s = ns.s|replace('x', 'xx') %}{% endfor %}",
])
def test_item12_the_sandbox_refuses_each_way_to_a_huge_value(source: str) -> None:
    from alerter.render import summary_template

    with pytest.raises(ValueError, match="refused"):
        summary_template(source)


def test_item12_the_sandbox_keeps_what_summaries_do() -> None:
    from alerter.render import summary_template

    summary = summary_template("{{ actors ~ ' → ' ~ targets }}: {{ '{:,}'.format(n) }} "
                               "{{ '%d'|format(n) }} {{ 'x'.center(5) }}")
    assert summary.render(actors="USA", targets="RUS", n=5_000_000) == \
        "USA → RUS: 5,000,000 5000000   x  "


# -- item 13: one template error stops only what uses the template -----------------

def test_item13_a_broken_md_template_stops_only_the_md_subscription(
        tmp_path: Path, clock: FixedClock, extractor: Extractor,
        smtp_server: SmtpServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMTP_PASSWORD", smtp_server.password)
    smtp = {"host": smtp_server.host, "port": smtp_server.port, "security": "starttls",
            "username": smtp_server.username, "password": "${SMTP_PASSWORD}",
            "from": "Alerter <alerts@example.org>", "ca_file": str(smtp_server.ca_file),
            "timeout": 5}
    project = write_project(tmp_path, smtp=smtp, templates={"path": "templates/"},
                            subscriptions=[
                                {"name": "daily", "channel": "file", "formats": ["md"]},
                                {"name": "brief", "channel": "email", "formats": ["html", "txt"],
                                 "to": ["analyst@example.org"]}])
    (project / "templates").mkdir()
    (project / "templates" / "digest.md.j2").write_text(
        '{% extends "default:digest.md.j2" %}\n{% block header %}\n# {{ sumary }}\n'
        "{% endblock %}\n")
    report, store = cycle(project, clock, extractor)
    assert len(smtp_server.messages) == 1  # the email subscription went out
    said = [str(p) for p in report.problems]
    assert len(said) == 1, said
    assert f"{project / 'templates' / 'digest.md.j2'}:3: 'sumary' is undefined " \
        "(did you mean 'summary'?)" in said[0]
    assert not (project / "out" / "digests" / "daily").exists()
    store.close()

    # fixed, the md digest is made on the next cycle: it was not lost
    (project / "templates" / "digest.md.j2").write_text(
        '{% extends "default:digest.md.j2" %}\n{% block fotter %}\nby us\n{% endblock %}\n')
    report, store = cycle(project, clock, extractor)
    said = [str(p) for p in report.problems]
    assert said == [f"subscription daily: digest not made: "
                    f"{project / 'templates' / 'digest.md.j2'}:2: block 'fotter' is not a "
                    "block of default:digest.md.j2 (did you mean 'footer'?); it would never "
                    "be shown"], said
    store.close()
    (project / "templates" / "digest.md.j2").write_text(
        '{% extends "default:digest.md.j2" %}\n{% block footer %}\nby us\n{% endblock %}\n')
    report, store = cycle(project, clock, extractor)
    assert report.problems == [] and report.digests == 1
    assert "by us" in next((project / "out" / "digests" / "daily").glob("*.md")).read_text()
    assert len(smtp_server.messages) == 1  # and the email was not sent twice
    store.close()


def test_item13_a_missing_templates_folder_is_a_config_error(tmp_path: Path) -> None:
    project = write_project(tmp_path, templates={"path": "my-templates/"})
    ran = alerter("run", "--once", cwd=project)
    assert ran.returncode == 2
    line = next(line for line in ran.stderr.splitlines() if "templates" in line)
    assert line == "error: config.yaml:16: templates.path: no such folder: 'my-templates/'"
    shutil.rmtree(project / "out", ignore_errors=True)
