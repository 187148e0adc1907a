"""Scaling out with real parts: extraction on a Dask cluster (a scheduler and two
workers started as their own processes), `alerter backfill`, and several alerters on
one PostgreSQL store (a throwaway server, tests/postgres.py)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

from alerter.clock import FixedClock
from alerter.config import load_config
from alerter.errors import ConfigError
from alerter.extract import Extractor
from alerter.models import Document
from alerter.store import Store

from .conftest import cycle
from .dask_cluster import DaskCluster
from .postgres import use_store

if TYPE_CHECKING:
    from .smtp import SmtpServer

pytest_plugins = ["tests.smtp"]

NOW = "2023-02-27T08:00:00Z"
DIGESTS = Path("out/digests/daily-summary")


def configure(project: Path, **sections: object) -> None:
    """Set sections of the project's config.yaml (the default one otherwise)."""
    config = yaml.safe_load((project / "config.yaml").read_text())
    config.update(sections)
    (project / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))


def alerter(project: Path, *args: str, now: str | None = NOW,
            check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **({"ALERTER_NOW": now} if now else {})}
    return subprocess.run([sys.executable, "-m", "alerter", *args], cwd=project, env=env,
                          capture_output=True, text=True, check=check, timeout=600)


def stored(store: Store) -> tuple[dict[str, str], list[tuple[str, str, str, str, str]]]:
    events = {i: e.model_dump_json() for i, e in store.events(
        r["id"] for r in store._rows("SELECT id FROM events")).items()}
    matches = [(m.id, m.rule_id, m.group_key, m.first_seen.isoformat(), ",".join(m.event_ids))
               for m in store.matches()]
    return events, matches


# -- Dask ----------------------------------------------------------------------------


def test_dask_engine_gives_the_local_engine_s_events_matches_and_digest(
        project: Path, tmp_path: Path, clock: FixedClock, extractor: Extractor,
        dask_cluster: DaskCluster) -> None:
    import shutil

    local = tmp_path / "local"
    shutil.copytree(project, local)
    report, local_store = cycle(local, clock, extractor)
    assert report.events > 0 and report.matches > 0
    configure(project, compute={"engine": "dask", "address": dask_cluster.address,
                                "batch_size": 4})

    run = alerter(project, "run", "--once")

    assert "extracting on Dask" in run.stderr and "1 digest, 1 delivered" in run.stderr
    dask_store = Store.open(project / "out" / "alerter.db")
    assert stored(dask_store) == stored(local_store)
    files = sorted(p.name for p in (local / DIGESTS).iterdir())
    assert files == sorted(p.name for p in (project / DIGESTS).iterdir()) and files
    for name in files:
        assert (project / DIGESTS / name).read_bytes() == (local / DIGESTS / name).read_bytes()


def archive(folder: Path, count: int) -> Path:
    """Write `count` distinct documents, made from the examples' texts, as JSON lines."""
    texts = sorted((Path(__file__).parent.parent / "examples").glob("*.txt"))
    lines = []
    for n in range(count):
        text = texts[n % len(texts)].read_text()
        lines.append(json.dumps({"id": f"archive-{n:04d}", "text": f"{text}\nReport {n}.",
                                 "published": f"2023-01-{1 + n % 28:02d}T09:00:00+00:00",
                                 "source": "archive"}))
    path = folder / "archive.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_a_worker_killed_during_a_backfill_leaves_every_document_s_events_once(
        project: Path, tmp_path: Path, extractor: Extractor,
        dask_cluster: DaskCluster) -> None:
    from distributed import Client

    path = archive(tmp_path, 120)
    extra = dask_cluster.start_worker("doomed")
    dask_cluster.wait_for_workers(3)
    configure(project, compute={"engine": "dask", "address": dask_cluster.address,
                                "batch_size": 2, "in_flight": 9})
    env = {**os.environ, "ALERTER_NOW": NOW}
    backfill = subprocess.Popen([sys.executable, "-m", "alerter", "backfill", str(path)],
                                cwd=project, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
    try:
        with Client(dask_cluster.address) as client:  # type: ignore[no-untyped-call]
            deadline = time.monotonic() + 300
            while not client.processing().get(extra):  # a batch on the doomed worker
                assert backfill.poll() is None and time.monotonic() < deadline
                time.sleep(0.05)
        dask_cluster.kill("doomed")
        out, err = backfill.communicate(timeout=600)
    finally:
        if backfill.poll() is None:
            backfill.kill()
    assert backfill.returncode == 0, err

    store = Store.open(project / "out" / "alerter.db")
    ids = [r["id"] for r in store._rows("SELECT id FROM documents WHERE source = 'archive'")]
    assert len(ids) == 120 and store.count_unextracted() == 0
    # every document's events, as the local pipeline finds them, each once
    expected = {e.id for d in store.documents(ids).values()
                for _, events in extractor.extract([d]) for e in events}
    found = {r["id"] for r in store._rows(
        "SELECT e.id FROM events e JOIN documents d ON d.id = e.doc_id "
        "WHERE d.source = 'archive'")}
    assert found == expected
    assert "120 new documents" in out and "120 extracted" in out
    assert f"{len(found)} events" in out  # counted once each, though a batch ran twice


def test_backfill_keeps_old_news_out_of_digests_unless_asked(project: Path) -> None:
    first = alerter(project, "backfill", "examples/", "--since", "2023-02-22")

    assert "older than --since" in first.stdout and "sent in no digest" in first.stdout
    store = Store.open(project / "out" / "alerter.db")
    assert store.matches() and store.undigested_matches("daily-summary") == []
    assert min(d.published for d in store.documents(
        r["id"] for r in store._rows("SELECT id FROM documents")).values()
    ) >= datetime(2023, 2, 22, tzinfo=UTC)
    configure(project, sources=[])  # nothing new: the next cycle has only the old news
    run = alerter(project, "run", "--once")
    assert "0 matches, 0 digests" in run.stderr
    # live news the next day: its digest holds it, and none of the archive's stories
    (project / "live").mkdir()
    (project / "live" / "drones.txt").write_text(NEW_DRONES)
    configure(project, sources=[{"path": "live/"}])
    live = alerter(project, "run", "--once", now="2023-03-03T08:00:00Z")
    assert "1 digest," in live.stderr
    digest = (project / DIGESTS / "2023-03-03.md").read_text()
    assert "Germany" in digest and "Canada" not in digest and "Poland" not in digest


def test_backfill_with_digest_sends_the_due_digest(project: Path) -> None:
    done = alerter(project, "backfill", "examples/", "--digest")

    assert "1 digest, 1 delivered" in done.stdout
    assert list((project / DIGESTS).glob("*.md"))


# -- several alerters on one PostgreSQL store --------------------------------------------


def document(n: int) -> Document:
    at = datetime(2023, 2, 24, tzinfo=UTC) + timedelta(minutes=n)
    return Document(id=f"d{n}", source="s", text=f"text {n}", published=at, fetched=at,
                    content_hash=f"h{n}")


def test_an_alerter_on_a_shared_store_extracts_each_document_once(
        project: Path, clock: FixedClock, extractor: Extractor, pg_url: str) -> None:
    use_store(project / "config.yaml", pg_url)  # 40 documents, claimed 32 at a time

    report, store = cycle(project, clock, extractor)

    assert report.extracted == report.documents == store.counts()["documents"] == 40
    assert report.events == store.counts()["events"] > 0
    holders = {r["claimed_by"] for r in store._rows("SELECT claimed_by FROM documents")}
    assert len(holders) == 1 and None not in holders


def test_claims_give_each_document_to_one_alerter_and_pass_on_when_they_expire(
        pg_url: str) -> None:
    first, second = Store.open(pg_url), Store.open(pg_url)
    with first.transaction():
        for n in range(10):
            first.add_document(document(n))
    now = datetime(2023, 2, 27, 8, tzinfo=UTC)
    until = now + timedelta(minutes=5)

    a = first.claim_documents("a", 4, now, until)
    b = second.claim_documents("b", 100, now, until)

    assert [d.id for d in a] == ["d0", "d1", "d2", "d3"]
    assert [d.id for d in b] == [f"d{n}" for n in range(4, 10)]
    assert second.claim_documents("b", 100, now, until) == []  # not its own claims again
    assert second.claim_documents("c", 100, now, until) == []
    # "a" dies: once its claims expire, another alerter takes its documents
    later = until + timedelta(seconds=1)
    assert [d.id for d in second.claim_documents("c", 100, later, later + timedelta(1))] \
        == [d.id for d in a] + [d.id for d in b]


ANN, BOB = "a@example.org", "b@example.org"
NEW_DRONES = ("Berlin, 3 March 2023. Germany is discussing the supply of attack drones "
              "to Ukraine, officials said on Friday.\n")


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


def test_two_alerters_on_one_postgres_store_extract_once_send_once_and_take_over(
        project: Path, pg_url: str, smtp_server: SmtpServer) -> None:
    configure(project, store={"url": pg_url, "lease": "3s"},
              schedule={"ingest_every": "1s"}, nlp={"batch_size": 4},
              smtp={**smtp_server.config().model_dump(by_alias=True, exclude={"password"}),
                    "password": "${ALERTER_TEST_SMTP_PASSWORD}"},
              subscriptions=[{"name": "brief", "channel": "email", "to": [ANN, BOB],
                              "schedule": "immediate", "formats": ["txt"]}])
    env = {**os.environ, "ALERTER_TEST_SMTP_PASSWORD": smtp_server.password}
    env.pop("ALERTER_NOW", None)  # the real clock: leases must expire
    logs = {name: project / f"{name}.log" for name in ("one", "two")}
    runs = {name: subprocess.Popen([sys.executable, "-m", "alerter", "run"], cwd=project,
                                   env=env, stderr=log.open("w"), stdout=subprocess.DEVNULL)
            for name, log in logs.items()}
    store = Store.open(pg_url)
    try:
        def settled() -> bool:
            counts = store.counts()
            return (counts["documents"] > 0 and store.count_unextracted() == 0
                    and not store.unmatched_event_ids() and counts["digests"] > 0
                    and len(smtp_server.messages) == 2 * counts["digests"])

        wait_for(settled, 300, "both alerters to extract, match and send")
        time.sleep(4)  # more than a lease: nothing else goes out
        documents, digests = store.counts()["documents"], store.counts()["digests"]
        assert len(smtp_server.messages) == 2 * digests
        sent = [(m.message["Message-ID"], tuple(m.rcpt_tos)) for m in smtp_server.messages]
        assert len(set(sent)) == len(sent)
        # each document extracted once: the alerters' own counts add up to the documents
        extracted = [int(n) for log in logs.values()
                     for n in re.findall(r"(\d+) documents extracted here", log.read_text())]
        assert sum(extracted) == documents
        print("documents extracted by each alerter, per cycle:", extracted)

        # the sending alerter dies; the other takes over and sends the next digest once
        holder = (store.lease("run") or {})["holder"]
        [sender] = [n for n, p in runs.items() if holder.split(":")[1] == str(p.pid)]
        runs[sender].kill()
        runs[sender].wait()
        (project / "examples" / "2023-03-03-drones-discussed.txt").write_text(NEW_DRONES)
        wait_for(lambda: len(smtp_server.messages) == 2 * (digests + 1), 120,
                 "the other alerter to send the next digest")
        time.sleep(4)
        assert len(smtp_server.messages) == 2 * (digests + 1) == 2 * store.counts()["digests"]
        latest = smtp_server.messages[-2:]
        assert sorted(a for m in latest for a in m.rcpt_tos) == [ANN, BOB]
        assert all("Germany" in m.message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
                   for m in latest)
        [survivor] = [p for n, p in runs.items() if n != sender]
        assert (store.lease("run") or {})["holder"].split(":")[1] == str(survivor.pid)
    finally:
        for process in runs.values():
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=30)
        store.close()


# -- configuration and the SQL dialect ---------------------------------------------------


def test_compute_and_store_url_are_checked_with_lines_and_suggestions(tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("compute:\n  engin: dask\n  workers: 0\n"
                    "store:\n  url: mysql://u:secret@db/x\n  lease: soon\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    lines = str(caught.value).splitlines()
    assert lines[0].startswith(f"{path}:2:") and "did you mean 'engine'" in lines[0]
    assert lines[1].startswith(f"{path}:3:") and "at least 1, or auto" in lines[1]
    assert lines[2].startswith(f"{path}:5:") and "not a postgresql:// URL" in lines[2]
    assert "secret" not in str(caught.value)
    assert lines[3].startswith(f"{path}:6:") and "not a duration" in lines[3]
    monkeypatch.setenv("ALERTER_TEST_PGPASSWORD", "s3cret")
    path.write_text("compute:\n  engine: dask\n  address: tcp://10.0.0.5:8786\nstore:\n"
                    "  url: postgresql://alerter:${ALERTER_TEST_PGPASSWORD}@db/alerter\n")
    config = load_config(path)
    assert config.store_location() == "postgresql://alerter:s3cret@db/alerter"
    assert "s3cret" not in repr(config)


def test_the_dialect_spells_sqlite_s_forms_for_postgresql() -> None:
    from alerter.store.dialect import Postgres, primary_keys
    from alerter.store.schema import MIGRATIONS

    pg = Postgres(primary_keys(MIGRATIONS))
    assert pg.translate("INSERT OR REPLACE INTO leases (name, holder, expires) "
                        "VALUES (?, ?, ?)") == (
        "INSERT INTO leases (name, holder, expires) VALUES (%s, %s, %s) ON CONFLICT (name) "
        "DO UPDATE SET holder = EXCLUDED.holder, expires = EXCLUDED.expires")
    assert pg.translate("INSERT OR IGNORE INTO rule_memory (rule_id, key, at) VALUES (?, ?, ?)"
                        ).endswith("VALUES (%s, %s, %s) ON CONFLICT DO NOTHING")
    assert pg.translate("SELECT 1 WHERE a LIKE '5%' AND b = ? {skip_locked}") == \
        "SELECT 1 WHERE a LIKE '5%%' AND b = %s FOR UPDATE SKIP LOCKED"
    assert "rowid BIGINT GENERATED ALWAYS AS IDENTITY" in pg.ddl(
        "CREATE TABLE t (id TEXT PRIMARY KEY)")
