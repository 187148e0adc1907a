from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from alerter.models import Document, Match
from alerter.store import MIGRATIONS, Store

T = datetime(2023, 2, 24, tzinfo=UTC)


def doc(id_: str, text: str) -> Document:
    return Document(id=id_, source="s", text=text, published=T, fetched=T,
                    content_hash=f"h-{text}")


def test_schema_is_versioned_and_in_wal_mode(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    assert store.version == len(MIGRATIONS)
    mode = sqlite3.connect(tmp_path / "s.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    store.close()
    assert Store.open(tmp_path / "s.db").version == len(MIGRATIONS)  # reopening is a no-op


def test_a_failed_stage_keeps_nothing(store_location: str) -> None:
    store = Store.open(store_location)
    with pytest.raises(RuntimeError), store.transaction():
        store.add_document(doc("a", "one"))
        raise RuntimeError("crash mid-stage")
    assert store.counts()["documents"] == 0
    with store.transaction():
        store.add_document(doc("a", "one"))
    assert store.has_content("h-one") and store.counts()["documents"] == 1


def test_same_id_new_content_is_kept_as_a_revision(store_location: str) -> None:
    store = Store.open(store_location)
    with store.transaction():
        store.add_document(doc("a", "one"))
        second = store.add_document(doc("a", "two"))
    assert second.id.startswith("a@")
    assert [d.id for d in store.unextracted()] == ["a", second.id]


def test_a_retelling_joins_the_latest_match_of_its_rule_and_key_once(
        store_location: str) -> None:
    store = Store.open(store_location)
    older = Match(id="m1", rule_id="r", event_ids=("e1",), group_key="SANCTION|NOR|IRN",
                  first_seen=T, severity="high", explanation="x")
    newer = older.model_copy(update={"id": "m2", "event_ids": ("e5",),
                                     "first_seen": T + timedelta(days=40)})
    with store.transaction():
        for match in (older, newer, older.model_copy(update={"id": "m3", "rule_id": "q"})):
            store.add_match(match, T)
    latest = store.latest_match("r", "SANCTION|NOR|IRN")
    assert latest is not None and latest.id == "m2"
    assert store.latest_match("r", "SANCTION|NOR|SYR") is None
    with store.transaction():
        store.add_source("m2", "e6")
        store.add_source("m2", "e6")  # a second run over the same event adds nothing
    assert {m.id: m.event_ids for m in store.matches()}["m2"] == ("e5", "e6")


def test_one_holder_at_a_time_and_an_expired_lease_passes_on(store_location: str) -> None:
    first, second = Store.open(store_location), Store.open(store_location)
    now, ttl = datetime(2023, 2, 27, 8, tzinfo=UTC), timedelta(minutes=10)
    assert first.acquire_lease("run", "a", now, ttl)
    assert not second.acquire_lease("run", "b", now + timedelta(minutes=5), ttl)
    assert first.acquire_lease("run", "a", now + timedelta(minutes=9), ttl)  # renewed
    assert not second.acquire_lease("run", "b", now + timedelta(minutes=15), ttl)
    assert second.acquire_lease("run", "b", now + timedelta(minutes=20), ttl)  # expired
    second.release_lease("run", "b")
    assert first.acquire_lease("run", "a", now + timedelta(minutes=21), ttl)


def test_opt_outs_by_subscription_or_all(store_location: str) -> None:
    store = Store.open(store_location)
    now = datetime(2023, 2, 27, tzinfo=UTC)
    store.add_opt_out("Ana@Example.org ", "daily", now)
    store.add_opt_out("bo@example.org", None, now)
    assert store.opted_out("ana@example.org", "daily")
    assert not store.opted_out("ana@example.org", "weekly")
    assert store.opted_out("BO@example.org", "weekly")


def test_a_lease_held_by_a_dead_process_on_this_machine_is_taken_over(store_location: str) -> None:
    import socket
    import subprocess
    import sys

    from alerter.clock import FixedClock
    from alerter.config import Config
    from alerter.pipeline import Pipeline

    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead = f"{socket.gethostname()}:{done.stdout.strip()}:gone"
    store = Store.open(store_location)
    now = datetime(2023, 2, 27, 8, tzinfo=UTC)
    assert store.acquire_lease("run", dead, now, timedelta(hours=1))
    pipeline = Pipeline(Config(), store, FixedClock(now))
    assert pipeline.hold_lease()
    assert (store.lease("run") or {})["holder"] == pipeline.holder
    # a live holder (this process, another pipeline) is waited for
    other = Pipeline(Config(), store, FixedClock(now))
    assert not other.hold_lease()


def test_json_field_names_are_spliced_into_sql_only_when_they_are_plain_names() -> None:
    from alerter.store.dialect import SQLITE, Postgres

    for dialect in (SQLITE, Postgres({})):
        assert "modality" in dialect.json_text("e.data", "modality")
        with pytest.raises(ValueError, match="not a JSON field name"):
            dialect.json_text("e.data", "a') OR 1=1 --")
        with pytest.raises(ValueError, match="not a JSON field name"):
            dialect.json_items("e.data", "actor'")
