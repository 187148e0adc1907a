"""The connection every part of the store shares: transactions, and SQLite's errors
turned into one-line StoreErrors that name the file and say what to do."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alerter.errors import StoreBusy, StoreError
from alerter.store.dialect import SQLITE

BUSY_TIMEOUT = 60.0  # seconds a writer waits for another one's transaction to end
RESTORE = "restore the last backup (docs/reliability.md: \"Check, back up, restore\")"


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _utc(value: datetime) -> str:
    # one offset for every stored time, so that the text sorts as the time does
    return (value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()


def store_error(exc: sqlite3.Error, path: Path) -> StoreError | None:
    """Give the StoreError that explains a SQLite failure to a user, or None for one that
    means a bug in alerter (a constraint or a statement of ours)."""
    if isinstance(exc, sqlite3.IntegrityError | sqlite3.ProgrammingError |
                  sqlite3.InterfaceError):
        return None
    reason = str(exc)
    if "locked" in reason or "busy" in reason:
        return StoreBusy(f"{path}: the store stayed locked by another process for more than "
                         f"{BUSY_TIMEOUT:g} s ({reason}); try again (`alerter status` shows "
                         "which alerter is running)")
    if "full" in reason:
        return StoreError(f"{path}: {reason}: free some space and run again; nothing is "
                          "lost, the unfinished stage is redone")
    if "readonly" in reason or "read-only" in reason:
        return StoreError(f"{path}: cannot write the store ({reason}): check the permissions "
                          "of the file and its folder")
    if "malformed" in reason or "not a database" in reason or "corrupt" in reason:
        return StoreError(f"{path}: the store is damaged ({reason}); {RESTORE}, or move the "
                          "file away to start afresh")
    if "I/O" in reason or "unable to open" in reason:
        return StoreError(f"{path}: cannot read or write the store ({reason}); check the disk")
    return StoreError(f"{path}: the store failed: {reason}")


class Connection(sqlite3.Connection):
    """A SQLite connection whose failures are StoreErrors naming the file."""

    path = Path("?")
    dialect = SQLITE

    def _failed(self, exc: sqlite3.Error) -> BaseException:
        return store_error(exc, self.path) or exc

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        try:
            return super().execute(sql, parameters)
        except sqlite3.Error as exc:
            raise self._failed(exc) from None

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> sqlite3.Cursor:
        try:
            return super().executemany(sql, parameters)
        except sqlite3.Error as exc:
            raise self._failed(exc) from None


    # -- what PostgreSQL keeps in tables (postgres.PgConnection has the same) ----------

    def schema_version(self) -> int:
        return int(self.execute("PRAGMA user_version").fetchone()[0])

    def set_schema_version(self, number: int) -> None:
        self.execute(f"PRAGMA user_version = {int(number)}")

    def foreign_tables(self) -> bool:
        return bool(self.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall())

    def exclusive(self, name: str) -> AbstractContextManager[None]:
        """One alerter at a time runs the block: on SQLite the store's lease already
        makes sure of that."""
        return nullcontext()


class StoreBase:
    """The connection, transactions and row reading that every part of the store uses."""

    def __init__(self, connection: Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block in one write transaction: all of it is kept, or none."""
        if self._db.in_transaction:
            yield
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._db.execute("COMMIT")
        except BaseException:
            # also when COMMIT itself failed (a full disk): the connection stays usable
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise

    def _rows(self, sql: str, *args: Any) -> list[sqlite3.Row]:
        cursor = self._db.execute(sql, args)
        try:
            return list(cursor.fetchall())
        except sqlite3.Error as exc:
            raise self._db._failed(exc) from None
