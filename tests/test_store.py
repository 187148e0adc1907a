from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from alerter.models import Document
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


def test_a_failed_stage_keeps_nothing(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    with pytest.raises(RuntimeError), store.transaction():
        store.add_document(doc("a", "one"))
        raise RuntimeError("crash mid-stage")
    assert store.counts()["documents"] == 0
    with store.transaction():
        store.add_document(doc("a", "one"))
    assert store.has_content("h-one") and store.counts()["documents"] == 1


def test_same_id_new_content_is_kept_as_a_revision(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    with store.transaction():
        store.add_document(doc("a", "one"))
        second = store.add_document(doc("a", "two"))
    assert second.id.startswith("a@")
    assert [d.id for d in store.unextracted()] == ["a", second.id]
