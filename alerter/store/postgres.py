"""The PostgreSQL back-end: a psycopg 3 connection that the store's parts use as they
use SQLite's (`execute`, `executemany`, `in_transaction`, rows read by name or index).

psycopg 3 rather than SQLAlchemy: the store's SQL is already written once, in the
subset both databases speak; what differs is a handful of spellings (dialect.py),
not worth an ORM layer and its second vocabulary. psycopg 3 is the maintained libpq
driver, so a URL, `~/.pgpass`, PGPASSFILE and the PG* variables work as users know
them.

Several alerters share one PostgreSQL store. Each write transaction of ours first
takes one transaction-scoped advisory lock, so writes are serialised exactly as
SQLite's `BEGIN IMMEDIATE` serialises them, and every read-modify-write of the store
(leases, rule memory, the outbox) means the same on both back-ends; the writes are
short batches, and the long work (reading feeds, spaCy) runs outside them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alerter.errors import StoreBusy, StoreError
from alerter.store.dialect import Postgres, primary_keys
from alerter.store.schema import MIGRATIONS

WRITE_LOCK = 0x616C6572  # the advisory lock every write transaction takes ("aler")
VERSION_TABLE = "alerter_schema"


def shown(url: str) -> str:
    """Give the URL without its password, for messages and logs."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


class Location(type(Path())):  # type: ignore[misc]
    """The store's "path" for messages: the URL without its password (a Path would fold
    its `//`)."""

    url = ""

    def __str__(self) -> str:
        return self.url


def location(url: str) -> Path:
    shown_url = Location(".")
    shown_url.url = shown(url)
    return shown_url


class Row:
    """A result row read by column name or position, like sqlite3.Row."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: dict[str, int], values: Sequence[Any]) -> None:
        self._index = index
        self._values = values

    def __getitem__(self, key: int | str) -> Any:
        return self._values[key if isinstance(key, int) else self._index[key]]

    def keys(self) -> list[str]:
        # the rowid column every table has here is SQLite's hidden one: `SELECT *` rows
        # turned into dicts (/healthz, `alerter status`) read alike on both back-ends
        return [name for name in self._index if name != "rowid"]


def _row_factory(cursor: Any) -> Any:
    names = {c.name: i for i, c in enumerate(cursor.description or ())}
    return lambda values: Row(names, values)


class PgConnection:
    """A psycopg connection in autocommit mode, with explicit transactions."""

    dialect = Postgres(primary_keys(MIGRATIONS))

    def __init__(self, url: str) -> None:
        import psycopg

        self.url = url
        self.path = location(url)
        try:
            # client-side binding: parameters are quoted in, so `? IS NULL` needs no type
            self._conn = psycopg.connect(url, autocommit=True,
                                         cursor_factory=psycopg.ClientCursor,
                                         row_factory=_row_factory)
        except psycopg.Error as exc:
            raise self._failed(exc) from None

    def _failed(self, exc: Exception) -> BaseException:
        import psycopg

        if isinstance(exc, psycopg.IntegrityError | psycopg.ProgrammingError):
            return exc  # a statement of ours is wrong: a bug, shown as one
        reason = " ".join(str(exc).split())
        if isinstance(exc, psycopg.errors.LockNotAvailable | psycopg.errors.QueryCanceled):
            return StoreBusy(f"{self.path}: the store stayed locked too long ({reason}); "
                             "try again")
        return StoreError(f"{self.path}: the PostgreSQL store failed: {reason}")

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self._conn.info.transaction_status != TransactionStatus.IDLE

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        import psycopg

        try:
            if sql == "BEGIN IMMEDIATE":  # SQLite's one-writer transaction, here
                cursor = self._conn.execute("BEGIN")
                self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                return cursor
            return self._conn.execute(self.dialect.translate(sql), tuple(parameters))
        except psycopg.Error as exc:
            raise self._failed(exc) from None

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Any:
        import psycopg

        rows = [tuple(p) for p in parameters]
        try:
            with self._conn.cursor() as cursor:
                if rows:
                    cursor.executemany(self.dialect.translate(sql), rows)
                return cursor
        except psycopg.Error as exc:
            raise self._failed(exc) from None

    def close(self) -> None:
        self._conn.close()

    # -- what SQLite keeps in PRAGMAs ------------------------------------------------

    def schema_version(self) -> int:
        self.execute(f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version INTEGER NOT NULL)")
        rows = self.execute(f"SELECT version FROM {VERSION_TABLE}").fetchall()
        return int(rows[0][0]) if rows else 0

    def set_schema_version(self, number: int) -> None:
        self.execute(f"DELETE FROM {VERSION_TABLE}")
        self.execute(f"INSERT INTO {VERSION_TABLE} (version) VALUES (?)", (number,))

    def foreign_tables(self) -> bool:
        """Give whether the database holds tables that are not an alerter store's."""
        rows = self.execute("SELECT 1 FROM information_schema.tables WHERE table_schema = "
                            "current_schema() AND table_name <> ? LIMIT 1",
                            (VERSION_TABLE,)).fetchall()
        return bool(rows)

    @contextmanager
    def exclusive(self, name: str) -> Iterator[None]:
        """Hold a session advisory lock named `name` while the block runs: one alerter
        at a time runs it, on any machine; a dead session's lock is freed by the server."""
        key = int.from_bytes(name.encode()[:8].ljust(8, b"\0"), "big") & 0x7FFFFFFFFFFFFFFF
        self.execute("SELECT pg_advisory_lock(?)", (key,))
        try:
            yield
        finally:
            self.execute("SELECT pg_advisory_unlock(?)", (key,))
