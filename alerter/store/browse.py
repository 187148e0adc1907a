"""Reading the store for the web archive and the event explorer (`alerter serve`): the
digests of a subscription by day, and events filtered by what they say. Read only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from alerter.models import Event
from alerter.store.base import StoreBase


@dataclass(frozen=True)
class EventFilter:
    """What the explorer asks for; None or empty means any."""

    type: str | None = None
    actor: str | None = None  # a participant code (USA, EU...)
    target: str | None = None
    modality: str | None = None
    rule: str | None = None
    since: str | None = None  # YYYY-MM-DD, the document's publication day
    until: str | None = None


class Browse(StoreBase):
    def digest_list(self, subscription: str) -> list[dict[str, Any]]:
        """Give a subscription's digests, newest first: id, created, subject, summary."""
        return [dict(r) for r in self._rows(
            "SELECT id, created, subject, summary, period_start, period_end FROM digests "
            "WHERE subscription = ? ORDER BY created DESC, id", subscription)]

    def digest_count(self, subscription: str) -> int:
        return int(self._rows("SELECT COUNT(*) FROM digests WHERE subscription = ?",
                              subscription)[0][0])

    def find_events(self, where: EventFilter, limit: int) -> list[tuple[Event, dict[str, Any]]]:
        """Give the newest events that pass the filter, each with its document's id, title,
        source, url and publication time, and the rules that matched it."""
        sql = ["SELECT e.data, e.published, d.title, d.source, d.url FROM events e "
               "JOIN documents d ON d.id = e.doc_id WHERE 1 = 1"]
        args: list[Any] = []
        dialect = self._db.dialect
        if where.type:
            sql.append("AND e.type = ?")
            args.append(where.type)
        if where.modality:
            sql.append(f"AND {dialect.json_text('e.data', 'modality')} = ?")
            args.append(where.modality)
        for side, code in (("actor", where.actor), ("target", where.target)):
            if code:
                sql.append(f"AND EXISTS (SELECT 1 FROM {dialect.json_items('e.data', side)} p "
                           f"WHERE {dialect.json_text('p.value', 'code')} = ?)")
                args.append(code)
        if where.since:
            sql.append("AND substr(e.published, 1, 10) >= ?")
            args.append(where.since)
        if where.until:
            sql.append("AND substr(e.published, 1, 10) <= ?")
            args.append(where.until)
        if where.rule:
            sql.append("AND EXISTS (SELECT 1 FROM matches m, "
                       f"{dialect.json_items('m.event_ids', text=True)} j "
                       "WHERE m.rule_id = ? AND j.value = e.id)")
            args.append(where.rule)
        sql.append("ORDER BY e.published DESC, e.id LIMIT ?")
        args.append(limit)
        found = []
        for row in self._rows(" ".join(sql), *args):
            event = Event.model_validate_json(row["data"])
            found.append((event, {"title": row["title"], "source": row["source"],
                                  "url": row["url"], "published": row["published"]}))
        rules = self._rules_of([event.id for event, _ in found])
        for event, info in found:
            info["rules"] = rules.get(event.id, [])
        return found

    def _rules_of(self, event_ids: list[str]) -> dict[str, list[str]]:
        if not event_ids:
            return {}
        marks = ", ".join("?" for _ in event_ids)
        items = self._db.dialect.json_items("m.event_ids", text=True)
        rows = self._rows("SELECT DISTINCT j.value AS event_id, m.rule_id FROM matches m, "
                          f"{items} j WHERE j.value IN ({marks}) "
                          "ORDER BY m.rule_id", *event_ids)
        rules: dict[str, list[str]] = {}
        for row in rows:
            rules.setdefault(row["event_id"], []).append(row["rule_id"])
        return rules

    def choices(self) -> dict[str, list[str]]:
        """Give the values the explorer's filters can take in this store."""
        def column(sql: str) -> list[str]:
            return [str(r[0]) for r in self._rows(sql) if r[0]]

        dialect = self._db.dialect

        def codes(side: str) -> str:
            return (f"SELECT DISTINCT {dialect.json_text('p.value', 'code')} FROM events e, "
                    f"{dialect.json_items('e.data', side)} p ORDER BY 1")

        return {
            "type": column("SELECT DISTINCT type FROM events ORDER BY 1"),
            "modality": column(f"SELECT DISTINCT {dialect.json_text('data', 'modality')} "
                               "FROM events ORDER BY 1"),
            "actor": column(codes("actor")),
            "target": column(codes("target")),
            "rule": column("SELECT DISTINCT rule_id FROM matches ORDER BY 1"),
        }

    def health(self) -> dict[str, Any]:
        """Give what /healthz reports: the last cycle and the deliveries waiting."""
        pending = self._rows("SELECT COUNT(*) FROM deliveries WHERE status = 'pending'")[0][0]
        failed = self._rows("SELECT COUNT(*) FROM deliveries WHERE status = 'failed'")[0][0]
        last = self._rows("SELECT * FROM cycles ORDER BY id DESC LIMIT 1")
        return {"last_cycle": dict(last[0]) if last else None,
                "pending_deliveries": int(pending), "failed_deliveries": int(failed)}


