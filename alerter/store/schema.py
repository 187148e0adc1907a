"""The store's schema: one migration per version (`PRAGMA user_version`), applied in order."""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        url TEXT,
        title TEXT,
        published TEXT NOT NULL,
        fetched TEXT NOT NULL,
        text TEXT NOT NULL,
        extracted_at TEXT
    );
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id),
        type TEXT NOT NULL,
        published TEXT NOT NULL,
        data TEXT NOT NULL,
        matched_at TEXT
    );
    CREATE INDEX events_unmatched ON events(matched_at) WHERE matched_at IS NULL;
    CREATE TABLE matches (
        id TEXT PRIMARY KEY,
        rule_id TEXT NOT NULL,
        group_key TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        severity TEXT NOT NULL,
        event_ids TEXT NOT NULL,
        explanation TEXT NOT NULL,
        created TEXT NOT NULL
    );
    CREATE INDEX matches_rule ON matches(rule_id, group_key);
    CREATE TABLE digests (
        id TEXT PRIMARY KEY,
        subscription TEXT NOT NULL,
        period_start TEXT,
        period_end TEXT NOT NULL,
        created TEXT NOT NULL,
        summary TEXT NOT NULL,
        bodies TEXT NOT NULL
    );
    CREATE INDEX digests_subscription ON digests(subscription, created);
    CREATE TABLE digest_matches (
        digest_id TEXT NOT NULL REFERENCES digests(id),
        match_id TEXT NOT NULL REFERENCES matches(id),
        subscription TEXT NOT NULL,
        PRIMARY KEY (digest_id, match_id)
    );
    CREATE UNIQUE INDEX digest_matches_once ON digest_matches(subscription, match_id);
    CREATE TABLE deliveries (
        digest_id TEXT NOT NULL REFERENCES digests(id),
        channel TEXT NOT NULL,
        target TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        sent_at TEXT,
        next_attempt TEXT,
        PRIMARY KEY (digest_id, target)
    );
    CREATE TABLE cycles (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started TEXT NOT NULL,
        finished TEXT,
        documents INTEGER NOT NULL DEFAULT 0,
        events INTEGER NOT NULL DEFAULT 0,
        matches INTEGER NOT NULL DEFAULT 0,
        digests INTEGER NOT NULL DEFAULT 0,
        problems INTEGER NOT NULL DEFAULT 0
    );
    """,
    # 2: memory of stateful rules (new, throttle)
    """
    CREATE TABLE rule_memory (
        rule_id TEXT NOT NULL,
        key TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (rule_id, key)
    );
    CREATE TABLE subscription_runs (
        subscription TEXT PRIMARY KEY,
        last_run TEXT NOT NULL
    );
    """,
    # 3: the matching events that threshold and spike rules count (times in UTC)
    """
    CREATE TABLE rule_sightings (
        rule_id TEXT NOT NULL,
        key TEXT NOT NULL,
        event_id TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (rule_id, key, event_id)
    );
    CREATE INDEX rule_sightings_at ON rule_sightings (rule_id, key, at);
    """,
    # 4: a digest's subject line, and its stories for the Atom feed (JSON)
    """
    ALTER TABLE digests ADD COLUMN subject TEXT NOT NULL DEFAULT '';
    ALTER TABLE digests ADD COLUMN stories TEXT NOT NULL DEFAULT '[]';
    """,
    # 5: who may send (one alerter per store), and who asked for no more mail
    """
    CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        expires TEXT NOT NULL
    );
    CREATE TABLE opt_outs (
        address TEXT NOT NULL,
        subscription TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (address, subscription)
    );
    """,
    # 6: subscriptions whose feed and index must be (re)written: publishing is an outbox
    # entry too, so a crash or an unwritable folder is made good by a later cycle
    """
    CREATE TABLE publications (
        subscription TEXT PRIMARY KEY,
        since TEXT NOT NULL
    );
    """,
    # 7: the rules already applied to an event that waits for the rest of the rule set
    # (a rule file had errors): once all load, only the missing rules are applied
    """
    CREATE TABLE event_rules (
        event_id TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        PRIMARY KEY (event_id, rule_id)
    );
    """,
    # 8: self-service subscribers (alerter serve): confirmed addresses, and the sign-ups
    # asked for (pending until confirmed; their times throttle the sign-up form)
    """
    CREATE TABLE subscribers (
        address TEXT NOT NULL,
        subscription TEXT NOT NULL,
        confirmed_at TEXT NOT NULL,
        PRIMARY KEY (address, subscription)
    );
    CREATE TABLE signups (
        id TEXT PRIMARY KEY,
        address TEXT NOT NULL,
        subscription TEXT NOT NULL,
        client TEXT NOT NULL,
        requested TEXT NOT NULL,
        confirmed_at TEXT
    );
    CREATE INDEX signups_address ON signups (address, requested);
    CREATE INDEX signups_client ON signups (client, requested);
    """,
    # 9: documents claimed for extraction by one of several alerters sharing a store;
    # old news from `alerter backfill`: its documents, and the matches made of them
    # only, which no digest carries
    """
    ALTER TABLE documents ADD COLUMN claimed_by TEXT;
    ALTER TABLE documents ADD COLUMN claim_expires TEXT;
    ALTER TABLE documents ADD COLUMN quiet INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE matches ADD COLUMN quiet INTEGER NOT NULL DEFAULT 0;
    """,
)
