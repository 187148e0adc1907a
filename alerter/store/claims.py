"""Documents claimed for extraction, so that several alerters sharing one store
(PostgreSQL) extract each document once: a claim names its alerter and expires, so
the documents of an alerter that died are claimed again by another after that time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from datetime import datetime

from alerter.models import Document
from alerter.store.base import _utc
from alerter.store.documents import Documents


class Claims(Documents):
    def claim_documents(self, holder: str, limit: int, now: datetime, until: datetime
                        ) -> list[Document]:
        """Claim up to `limit` unextracted documents for `holder` until `until`: those
        nobody claimed, or whose claim expired; oldest first. Documents `holder` claimed
        already are not given again: they are on their way through its engine."""
        with self.transaction():
            rows = self._rows(
                "UPDATE documents SET claimed_by = ?, claim_expires = ? WHERE id IN ("
                " SELECT id FROM documents WHERE extracted_at IS NULL"
                " AND (claim_expires IS NULL OR claim_expires <= ?)"
                " ORDER BY published, id LIMIT ? {skip_locked}) RETURNING *",
                holder, _utc(until), _utc(now), limit)
        documents = [self._document(r) for r in rows]
        return sorted(documents, key=lambda d: (d.published.timestamp(), d.id))

    def claimed(self, holder: str, batch: int, now: datetime, until: datetime
                ) -> Iterator[Document]:
        """Yield the documents this alerter claims, a batch of claims at a time, until
        none is left to claim."""
        while documents := self.claim_documents(holder, batch, now, until):
            yield from documents

    def mark_quiet(self, doc_ids: Iterable[str]) -> None:
        """Mark documents as old news (a backfill's): matches made of them alone are
        kept out of digests."""
        self._db.executemany("UPDATE documents SET quiet = 1 WHERE id = ?",
                             [(i,) for i in doc_ids])

    def quiet_documents(self, doc_ids: Iterable[str]) -> set[str]:
        """Give those of the documents that are old news."""
        return {i for i in set(doc_ids) if self._rows(
            "SELECT 1 FROM documents WHERE id = ? AND quiet = 1", i)}

    def count_unextracted(self) -> int:
        return int(self._rows("SELECT COUNT(*) FROM documents WHERE extracted_at IS NULL")[0][0])

    def exclusive(self, name: str) -> AbstractContextManager[None]:
        """Run the block while no other alerter on this store runs a block of that name."""
        return self._db.exclusive(name)
