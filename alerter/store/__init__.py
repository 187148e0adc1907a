"""The state store: one SQLite file (or a PostgreSQL database, postgres.py) holding
documents, events, matches, the digest outbox and deliveries, so that nothing is lost
or done twice across restarts.

    base.py       the connection, transactions, SQLite errors as StoreErrors
    schema.py     the migrations (`PRAGMA user_version`), applied forward on open
    documents.py  documents, events, matches
    rules.py      the memory of stateful rules
    outbox.py     digests, deliveries, publications (feeds and indexes to write)
    leases.py     the lease, cycles, opt-outs
    subscribers.py  self-service sign-ups and confirmed subscribers (alerter serve)
    browse.py     digests by day and events by filter, for the web archive (read only)
    claims.py     documents claimed for extraction when several alerters share a store
    dialect.py    the few spellings where PostgreSQL differs from SQLite
    postgres.py   the PostgreSQL connection (psycopg 3), used like SQLite's

A file that is there but empty, not SQLite, damaged (`PRAGMA quick_check`) or from a
newer alerter is refused with a message saying what to do; only a path with no
file at all gets a new store. Writers keep transactions short (a batch each), and
others wait for them (`BUSY_TIMEOUT`).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import cast

from alerter.errors import StoreError
from alerter.store.base import BUSY_TIMEOUT, RESTORE, Connection, store_error
from alerter.store.browse import Browse
from alerter.store.claims import Claims
from alerter.store.documents import Documents
from alerter.store.leases import ALL, Leases
from alerter.store.outbox import Outbox
from alerter.store.rules import RuleState
from alerter.store.schema import MIGRATIONS
from alerter.store.subscribers import Subscribers

__all__ = ["ALL", "MIGRATIONS", "Store", "StoreError"]
SQLITE_HEADER = b"SQLite format 3\x00"


def _refuse_unusable(file: Path) -> None:
    """Raise StoreError for a file that cannot be an alerter store, before SQLite
    would quietly make a new, empty one in its place."""
    try:
        with file.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"{file}: cannot read the store: {exc.strerror}") from None
    wal = file.with_name(file.name + "-wal")
    if not head and not (wal.exists() and wal.stat().st_size > 0):
        raise StoreError(f"{file}: the store is empty (0 bytes), so its record of what was "
                         f"sent is gone; {RESTORE}, or delete the file to start afresh "
                         "(every digest would be made and sent again)")
    if head and head != SQLITE_HEADER:
        raise StoreError(f"{file}: not a SQLite file, so not an alerter store; set "
                         "store.path to the store, or move this file away")


def is_url(location: str | Path) -> bool:
    """Give whether a store location is a PostgreSQL URL rather than a file."""
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


class Store(Claims, Documents, RuleState, Outbox, Leases, Subscribers, Browse):
    """The state store. Open it with `Store.open(path or postgresql:// URL)`."""

    @classmethod
    def open(cls, path: str | Path, *, check: bool = True) -> Store:
        """Give the store at `path` (a SQLite file, or a `postgresql://` URL), migrated as
        needed; a new one where no file is. With `check`, an existing file is first
        checked with `PRAGMA quick_check`."""
        if is_url(path):
            from alerter.store.postgres import PgConnection

            pg = PgConnection(str(path))
            # duck-typed to sqlite3's Connection: execute, executemany, in_transaction,
            # close, and rows read by name or by index
            store = cls(cast(Connection, pg), pg.path)
            try:
                store.migrate()
            except BaseException:
                pg.close()
                raise
            return store
        file = Path(path)
        existed = file.exists()
        if existed:
            _refuse_unusable(file)
        else:
            file.parent.mkdir(parents=True, exist_ok=True)
        # The scheduler runs jobs in one worker thread while the main thread waits for a
        # signal: the connection is used by one thread at a time, never by two at once.
        try:
            db = sqlite3.connect(file, timeout=BUSY_TIMEOUT, isolation_level=None,
                                 check_same_thread=False, factory=Connection)
        except sqlite3.Error as exc:
            raise (store_error(exc, file) or exc) from None
        db.path = file
        store = cls(db, file)
        try:
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA foreign_keys=ON")
            db.execute("PRAGMA synchronous=NORMAL")
            if existed and check:
                problems = store.check(quick=True)
                if problems:
                    raise StoreError(f"{file}: the store is damaged ({problems[0]}); "
                                     f"{RESTORE}, or move the file away to start afresh")
            store.migrate()
        except BaseException:
            db.close()
            raise
        return store

    @property
    def version(self) -> int:
        return self._db.schema_version()

    @property
    def shared(self) -> bool:
        """Whether several alerters may work on this store at once (PostgreSQL)."""
        return self._db.dialect.name != "sqlite"

    def migrate(self) -> None:
        """Apply every migration newer than the file's schema version."""
        with self.transaction():
            current = self.version
            if current > len(MIGRATIONS):
                raise StoreError(f"{self.path}: the store was written by a newer alerter "
                                 f"(schema version {current}; this one knows up to "
                                 f"{len(MIGRATIONS)}): upgrade alerter, or {RESTORE} made "
                                 "with this version")
            if current == 0 and self._db.foreign_tables():
                what = "a SQLite file" if not self.shared else "a database with tables"
                raise StoreError(f"{self.path}: {what}, but not an alerter store; point "
                                 "the store setting at the store, or move this one away")
            for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
                for statement in script.split(";"):
                    if statement.strip():
                        self._db.execute(self._db.dialect.ddl(statement))
                self._db.set_schema_version(number)

    def check(self, *, quick: bool = False) -> list[str]:
        """Give what SQLite finds wrong in the file (none when it is sound). `quick` reads
        every page but skips the index-against-table comparison."""
        if self.shared:  # the server checks its own pages; a failing read is a StoreError
            self._rows("SELECT COUNT(*) FROM documents")
            return []
        pragma = "quick_check(20)" if quick else "integrity_check(100)"
        # each finding on one line, without SQLite's "*** in database main ***" heading
        found = [" ".join(str(r[0]).replace("*** in database main ***", "").split())
                 for r in self._rows(f"PRAGMA {pragma}")]
        problems = [p for p in found if p and p != "ok"]
        if not quick and not problems:
            problems = [f"foreign key broken in {r[0]} (row {r[1]})"
                        for r in self._rows("PRAGMA foreign_key_check")]
        return problems

    def backup(self, target: str | Path) -> Path:
        """Write a consistent copy of the store to `target` (a new file) while others may
        keep using it; give its path."""
        out = Path(target)
        if self.shared:
            raise StoreError(f"{self.path}: a PostgreSQL store is backed up with pg_dump "
                             "(docs/scaling.md), not `alerter store backup`")
        if out.exists():
            raise StoreError(f"{out}: already exists; give a new file name for the backup")
        out.parent.mkdir(parents=True, exist_ok=True)
        self._db.execute("VACUUM INTO ?", (str(out),))
        return out

    def counts(self) -> dict[str, int]:
        """Give the number of rows in each table, for status and tests."""
        tables = ("documents", "events", "matches", "digests", "deliveries", "cycles")
        return {t: int(self._rows(f"SELECT COUNT(*) FROM {t}")[0][0]) for t in tables}
