"""Faults a cycle must survive (issue 11, items 1, 3, 5, 7, 11, 14, and kill -9 at any
point): what is promised, each through the real pipeline, a real SQLite file, real
files and a real SMTP server (aiosmtpd).

The crash test runs `alerter run --once` as a process with a fixed clock, kills it
with SIGKILL at a named point (ALERTER_CRASH_AT, alerter/crashpoints.py), runs it
again, and compares digests, feeds, indexes, store counts and the mail received with
a clean run. The one difference allowed: a crash after the server accepted a message
and before the store recorded it sends that message again, with the same Message-ID.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from click.testing import CliRunner

from alerter.cli import main
from alerter.clock import FixedClock
from alerter.config import load_config
from alerter.crashpoints import POINTS
from alerter.errors import StoreError
from alerter.extract import Extractor
from alerter.models import Document, Event
from alerter.pipeline import CycleReport, Pipeline
from alerter.store import Store

from .conftest import ROOT

if TYPE_CHECKING:
    from tests.smtp import Certificates, SmtpServer

pytest_plugins = ["tests.smtp"]

NOW = "2023-02-27T08:00:00+00:00"
PASSWORD_VAR = "ALERTER_FAULTS_SMTP_PASSWORD"
PEOPLE = ["a@example.org", "b@example.org"]
# enough for digests with several stories in both subscriptions; few, to keep it quick
NEWS = ("2023-02-24-uk-us-sanctions.txt", "2023-02-24-canada-freezes-russian-assets.txt",
        "2023-02-21-china-discusses-drones-for-russia.txt",
        "2023-02-22-poland-to-deliver-leopards.md", "2023-02-24-japan-export-bans.md")


def make_project(folder: Path, server: SmtpServer | None = None) -> Path:
    """A project reading NEWS, with an email subscription (first, when a server is
    given) and a daily file subscription in md and html."""
    shutil.copytree(ROOT / "rules", folder / "rules")
    (folder / "news").mkdir()
    for name in NEWS:
        shutil.copy(ROOT / "examples" / name, folder / "news" / name)
    subscriptions: list[dict[str, Any]] = []
    config: dict[str, Any] = {"sources": [{"path": "news/"}], "store": {"path": "out/alerter.db"},
                              "rules": {"paths": ["rules/"]}, "output": {"dir": "out"}}
    if server is not None:
        config["smtp"] = {"host": server.host, "port": server.port, "security": "starttls",
                          "username": server.username, "password": f"${{{PASSWORD_VAR}}}",
                          "from": "Alerter <alerts@example.org>",
                          "ca_file": str(server.ca_file), "timeout": 5}
        subscriptions.append({"name": "brief", "channel": "email", "to": PEOPLE,
                              "schedule": "daily 07:00", "formats": ["html", "txt"]})
    subscriptions.append({"name": "daily", "schedule": "daily 07:00", "formats": ["md", "html"]})
    config["subscriptions"] = subscriptions
    (folder / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    return folder


def run_once(project: Path, *args: str, crash_at: str | None = None,
             password: bool = True) -> subprocess.CompletedProcess[str]:
    """Run `alerter ARGS` (default: run --once) in the project as its own process."""
    env = {k: v for k, v in os.environ.items() if k not in ("ALERTER_CRASH_AT", PASSWORD_VAR)}
    env["ALERTER_NOW"] = NOW
    if password:
        from tests.smtp import PASSWORD

        env[PASSWORD_VAR] = PASSWORD
    if crash_at is not None:
        env["ALERTER_CRASH_AT"] = crash_at
    return subprocess.run([sys.executable, "-m", "alerter", *(args or ("run", "--once"))],
                          cwd=project, env=env, capture_output=True, text=True, timeout=600)


def outcome(project: Path, server: SmtpServer) -> dict[str, Any]:
    """Everything a user sees of a run: output files, store counts, outbox, mail."""
    out = project / "out"
    files = {str(p.relative_to(out)): p.read_text().replace(str(project), "<project>")
             for p in sorted(out.rglob("*")) if p.is_file() and ".db" not in p.name
             and not p.name.startswith(".")}
    store = Store.open(out / "alerter.db")
    counts = {k: v for k, v in store.counts().items() if k != "cycles"}
    outbox = sorted((d.digest_id, d.target.replace(str(project), "<project>"), d.status)
                    for d in store.deliveries())
    due = store.due_publications()
    store.close()
    mail = sorted({(str(m.message["Message-ID"]), tuple(m.rcpt_tos),
                    str(m.message["Subject"]),
                    tuple(str(part.get_content()) for part in m.message.walk()
                          if not part.is_multipart()))
                   for m in server.messages})
    return {"files": files, "counts": counts, "outbox": outbox, "due": due, "mail": mail}


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory,
          smtp_certificates: Certificates) -> dict[str, Any]:
    """What one uninterrupted run gives."""
    from tests.smtp import SmtpServer

    server = SmtpServer(smtp_certificates)
    server.start()
    try:
        project = make_project(tmp_path_factory.mktemp("clean"), server)
        done = run_once(project)
        assert done.returncode == 0, done.stderr
        result = outcome(project, server)
        result["sent"] = len(server.messages)
    finally:
        server.stop()
    return result


@pytest.mark.parametrize("point", POINTS)
def test_kill_9_at_any_point_then_a_rerun_equals_a_clean_run(
        point: str, clean: dict[str, Any], tmp_path: Path, smtp_server: SmtpServer) -> None:
    project = make_project(tmp_path, smtp_server)

    killed = run_once(project, crash_at=point)
    assert killed.returncode == -9, f"the run never reached {point}: {killed.stderr}"
    rerun = run_once(project)

    assert rerun.returncode == 0, rerun.stderr
    assert "taking over the store" in rerun.stderr  # the dead run's lease, at once
    after = outcome(project, smtp_server)
    assert after == {k: v for k, v in clean.items() if k != "sent"}
    assert clean["counts"]["digests"] == 2 and clean["files"] and clean["mail"]
    assert after["due"] == []
    resent = len(smtp_server.messages) - clean["sent"]
    # at least once: only a kill between the server's 250 and our commit sends twice
    assert resent == (1 if point == "after-send" else 0)


# -- item 1: a bad rule file loses no matches ------------------------------------------


def test_a_bad_rule_file_silences_nothing_else_and_its_rules_see_the_events_later(
        tmp_path: Path) -> None:
    project = make_project(tmp_path)
    typo = project / "rules" / "zz.yaml"
    typo.write_text("id: typo\nname: T\nwhen: {type: AIDD}\n")

    broken = run_once(project)

    # the file is named with its line; the other files' rules matched and a digest went out
    assert broken.returncode == 1
    assert f"{typo}:3" in broken.stderr and "AIDD" in broken.stderr
    store = Store.open(project / "out" / "alerter.db")
    others = sorted(m.id for m in store.matches())
    assert others and store.counts()["digests"] == 1
    # but no event is done: every one waits for the skipped file's rules
    waiting = len(store.unmatched_event_ids())
    assert waiting == store.counts()["events"] > 0
    store.close()
    status = run_once(project, "status")
    assert f"waiting: {waiting} events not matched yet" in status.stdout

    typo.write_text("id: typo\nname: T\nwhen: {type: AID}\n")  # fixed
    fixed = run_once(project)

    assert fixed.returncode == 0, fixed.stderr
    store = Store.open(project / "out" / "alerter.db")
    assert store.unmatched_event_ids() == []
    now = store.matches()
    # the fixed rule saw the events that waited; the others did not see them again
    assert any(m.rule_id == "typo" for m in now)
    assert sorted(m.id for m in now if m.rule_id != "typo") == others
    store.close()

    typo.unlink()  # the case: the file removed instead of fixed
    assert run_once(project).returncode == 0


# -- item 3: an empty, damaged or newer store is refused, never recreated ---------------


def _cli(project: Path, *args: str) -> Any:
    return CliRunner().invoke(main, [*args, "--config", str(project / "config.yaml")],
                              env={"ALERTER_NOW": NOW})


def _stored(project: Path, clock: FixedClock, extractor: Extractor) -> Path:
    config = load_config(project / "config.yaml")
    store = Store.open(config.resolve(config.store.path))
    pipeline = Pipeline(config, store, clock, extractor=lambda: extractor)
    assert pipeline.run_cycle().digests == 1
    pipeline.release()
    store.close()
    return project / "out" / "alerter.db"


def test_an_empty_damaged_or_newer_store_is_refused_and_a_backup_restores(
        tmp_path: Path, clock: FixedClock, extractor: Extractor) -> None:
    project = make_project(tmp_path)
    db = _stored(project, clock, extractor)
    backup = tmp_path / "backup.db"
    made = _cli(project, "store", "backup", str(backup))
    assert made.exit_code == 0 and "checked" in made.output
    assert _cli(project, "store", "check").exit_code == 0

    # empty: refused, and left as it is (no new store, no digest sent again)
    db.write_bytes(b"")
    for name in ("-wal", "-shm"):
        db.with_name(db.name + name).unlink(missing_ok=True)
    empty = run_once(project)
    assert empty.returncode == 4 and db.stat().st_size == 0
    [line] = empty.stderr.strip().splitlines()
    assert line.startswith("error: ") and f"{db.name}: the store is empty" in line
    assert "backup" in line

    # restored from the backup: the next run sends nothing again
    shutil.copy(backup, db)
    again = run_once(project)
    assert again.returncode == 0, again.stderr
    assert "0 digests" in again.stderr

    # damaged: a page overwritten in the middle of the file
    for name in ("-wal", "-shm"):
        db.with_name(db.name + name).unlink(missing_ok=True)
    size = db.stat().st_size
    with db.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xff" * 4096)
    for command in (("run", "--once"), ("status",)):
        damaged = run_once(project, *command)
        assert damaged.returncode == 4, damaged.stderr
        assert len(damaged.stderr.strip().splitlines()) == 1, damaged.stderr
        [line] = damaged.stderr.strip().splitlines()
        assert line.startswith("error: ") and "the store is damaged" in line
    check = _cli(project, "store", "check")
    assert check.exit_code == 4

    # from a newer alerter
    shutil.copy(backup, db)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 99")
    newer = _cli(project, "status")
    assert newer.exit_code == 4 and "newer alerter (schema version 99" in newer.output


# -- item 5: a slow source or a long extraction does not hold the store ----------------


class _Trickle(BaseHTTPRequestHandler):
    """A feed that sends one byte every 0.3 s, for ever (as far as a test can tell)."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        try:
            for _ in range(200):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.3)
        except OSError:
            pass

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def trickle() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Trickle)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.rss"
    server.shutdown()
    server.server_close()


def _write_now(db: Path) -> None:
    """Take and commit the write lock from another connection, waiting at most 0.5 s."""
    other = sqlite3.connect(db, timeout=0.5, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("COMMIT")
    finally:
        other.close()


def test_a_slow_source_and_extraction_leave_the_store_free(
        tmp_path: Path, clock: FixedClock, extractor: Extractor, trickle: str) -> None:
    project = make_project(tmp_path)
    config = yaml.safe_load((project / "config.yaml").read_text())
    config["sources"].append({"url": trickle})
    config["http"] = {"timeout": 2, "deadline": 2}
    (project / "config.yaml").write_text(yaml.safe_dump(config))
    problems: list[str] = []
    loaded = load_config(project / "config.yaml")
    store = Store.open(loaded.resolve(loaded.store.path))
    db = store.path
    writes: list[str] = []

    class Watched(Extractor):
        """The real extractor; between documents another process writes to the store."""

        def extract(self, documents: Any) -> Iterator[tuple[Document, list[Event]]]:
            for item in super().extract(documents):
                _write_now(db)
                writes.append(item[0].id)
                yield item

    watched = Watched(extractor.nlp)
    pipeline = Pipeline(loaded, store, clock, extractor=lambda: watched,
                        on_problem=lambda p: problems.append(str(p)))
    reading = threading.Thread(target=pipeline.ingest, args=(CycleReport(),))
    started = time.monotonic()
    reading.start()
    time.sleep(1.0)  # the slow feed is being read now
    _write_now(db)  # the old ingest held the write lock here: "database is locked"
    reading.join(timeout=30)

    assert not reading.is_alive() and time.monotonic() - started < 15
    assert any(trickle in p and "still reading after 2 s" in p for p in problems)
    assert store.counts()["documents"] == len(NEWS)
    pipeline.extract(CycleReport())
    assert len(writes) == len(NEWS)
    store.close()


def test_a_store_locked_too_long_is_one_line_and_exit_3(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import alerter.store

    project = make_project(tmp_path)
    assert _cli(project, "status").exit_code == 0  # makes the store
    monkeypatch.setattr(alerter.store, "BUSY_TIMEOUT", 0.3)
    holder = sqlite3.connect(project / "out" / "alerter.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = _cli(project, "unsubscribe", "a@example.org")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 3
    [line] = result.output.strip().splitlines()
    assert line.startswith("error: ") and "stayed locked by another process" in line


# -- item 7: feed and index are published even after a failed write --------------------


def test_feed_and_index_are_written_by_the_next_cycle_after_a_failed_write(
        tmp_path: Path, clock: FixedClock, extractor: Extractor) -> None:
    from datetime import timedelta

    project = make_project(tmp_path)
    feeds = project / "out" / "feeds"
    feeds.parent.mkdir(parents=True)
    feeds.write_text("in the way")  # the feed folder cannot be made: a write error
    config = load_config(project / "config.yaml")
    store = Store.open(config.resolve(config.store.path))
    pipeline = Pipeline(config, store, clock, extractor=lambda: extractor)

    first = pipeline.run_cycle()

    assert first.digests == 1
    assert any("cannot write the feed or archive index of 'daily'" in str(p)
               for p in first.problems)
    assert store.due_publications() == ["daily"]
    feeds.unlink()
    clock.advance(timedelta(minutes=15))
    second = pipeline.run_cycle()

    assert second.digests == 0 and second.problems == []
    assert (feeds / "daily.atom").read_text().count("<entry>") > 0
    assert "2023-02-27" in (project / "out" / "digests" / "daily" / "index.md").read_text()
    assert store.due_publications() == []


# -- item 11: a damaged or full store is a one-line error --------------------------------


def test_unsubscribe_takes_the_addresses_a_subscription_takes(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    for wrong in ("ann@localhost", "ann@@example.org", "ann@example.org; bob@example.org",
                  "@example.org"):
        refused = _cli(project, "unsubscribe", wrong)
        assert refused.exit_code == 2 and "is not an email address" in refused.output, wrong
    taken = _cli(project, "unsubscribe", "Ann Lee <Ann@Example.org>")
    assert taken.exit_code == 0, taken.output
    assert "ann@example.org will get no more digests" in taken.output
    store = Store.open(project / "out" / "alerter.db")
    assert [r["address"] for r in store.opt_outs()] == ["ann@example.org"]
    store.close()


def test_a_full_disk_under_the_store_is_one_line_and_exit_4(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path)
    assert _cli(project, "status").exit_code == 0
    migrate = Store.migrate

    def no_room_left(store: Store) -> None:
        migrate(store)
        # SQLite's own "disk is full" path: no page may be added to the file
        pages = store._db.execute("PRAGMA page_count").fetchone()[0]
        store._db.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(Store, "migrate", no_room_left)
    result = CliRunner().invoke(main, ["unsubscribe", "a" * 5000 + "@example.org",
                                       "--config", str(project / "config.yaml")])
    assert result.exit_code == 4, result.output
    [line] = result.output.strip().splitlines()
    assert "database or disk is full" in line and "free some space" in line
    with pytest.raises(StoreError, match="disk is full"):
        store = Store.open(project / "out" / "alerter.db")
        with store.transaction():
            store._db.execute("CREATE TABLE filler (x TEXT)")
            store._db.execute("INSERT INTO filler VALUES (?)", ("x" * 100_000,))
    assert store._db.in_transaction is False  # rolled back: the connection goes on


# -- item 14: delivery failures are visible and retried now; no secret needed to look ---


def test_failed_deliveries_exit_1_are_retried_now_and_reading_needs_no_secret(
        tmp_path: Path, smtp_server: SmtpServer, clock: FixedClock,
        extractor: Extractor) -> None:
    project = make_project(tmp_path, smtp_server)
    config = load_config(project / "config.yaml")  # no secret needed to load it either
    store = Store.open(config.resolve(config.store.path))
    pipeline = Pipeline(config, store, clock, extractor=lambda: extractor)
    for stage in (pipeline.ingest, pipeline.extract, pipeline.match):
        stage(CycleReport())
    store.close()
    smtp_server.stop()

    made = run_once(project, "digest", "brief")

    assert made.returncode == 1
    assert "2 delivery(ies) failed" in made.stderr and "deliver --now" in made.stderr
    # looking needs no SMTP password
    for command in (("status",), ("rules", "check"), ("subscriptions",)):
        looked = run_once(project, *command, password=False)
        assert looked.returncode == 0, (command, looked.stderr)
    # sending does, and says which variable is missing; the digest stays pending
    smtp_server.start()
    missing = run_once(project, "deliver", "--now", password=False)
    assert missing.returncode == 1 and f"environment variable {PASSWORD_VAR}" in missing.stderr
    assert smtp_server.messages == []

    retried = run_once(project, "deliver", "--now")  # before the backoff is over

    assert retried.returncode == 0, retried.stderr
    assert "2 delivered, 0 failed" in retried.stdout
    assert sorted(m.rcpt_tos[0] for m in smtp_server.messages) == PEOPLE


def test_run_once_exits_1_when_a_delivery_failed_and_sends_it_later(
        tmp_path: Path, smtp_server: SmtpServer) -> None:
    """`run --once` from cron: a dead SMTP server is exit 1 and one line saying the
    digests wait; the digests are neither lost nor sent twice once the server is back."""
    project = make_project(tmp_path, smtp_server)
    smtp_server.stop()

    failed = run_once(project)

    assert failed.returncode == 1, failed.stderr
    assert "2 delivery(ies) failed" in failed.stderr and "deliver --now" in failed.stderr
    assert (project / "out" / "digests" / "daily").is_dir()  # the file digest was written
    smtp_server.start()
    sent = run_once(project, "deliver", "--now")
    assert sent.returncode == 0, sent.stderr
    again = run_once(project)
    assert again.returncode == 0, again.stderr
    assert sorted(m.rcpt_tos[0] for m in smtp_server.messages) == PEOPLE
