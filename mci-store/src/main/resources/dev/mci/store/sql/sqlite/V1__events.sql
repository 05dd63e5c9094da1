-- MCI store schema, version 1 (SQLite). Keep in step with postgresql/V1__events.sql: same tables,
-- columns and indexes; only the types and the identity column differ.

-- One row per distinct event. (event_time, fingerprint) is the identity: a stable hash of the
-- event's content (or of the audit event id), so an event delivered twice is stored once.
CREATE TABLE mci_events (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  event_time   INTEGER NOT NULL,
  bucket       INTEGER NOT NULL,
  fingerprint  TEXT    NOT NULL,
  source       TEXT    NOT NULL,
  log_type     TEXT    NOT NULL,
  message_id   TEXT,
  aggregate_id TEXT,
  sender       TEXT,
  sender_alt   TEXT,
  user_address TEXT,
  ip           TEXT,
  ip_alt       TEXT,
  domain       TEXT,
  domain_alt   TEXT,
  domain_base  TEXT,
  sha256       TEXT,
  subject      TEXT,
  action       TEXT,
  raw          TEXT    NOT NULL,
  ingested     INTEGER NOT NULL
);
CREATE UNIQUE INDEX mci_events_identity ON mci_events (event_time, fingerprint);
-- Hunt indexes lead with the hour bucket of the event: a pull writes one hour after another, so
-- inserts stay in a small, cached part of each index however big the store grows (keyed by the
-- indicator alone, every insert would land on a random page). Hunts seek once per hour bucket.
CREATE INDEX mci_events_sender ON mci_events (bucket, sender, event_time);
CREATE INDEX mci_events_sender_alt ON mci_events (bucket, sender_alt, event_time) WHERE sender_alt IS NOT NULL;
CREATE INDEX mci_events_user ON mci_events (bucket, user_address, event_time);
CREATE INDEX mci_events_ip ON mci_events (bucket, ip, event_time);
CREATE INDEX mci_events_ip_alt ON mci_events (bucket, ip_alt, event_time) WHERE ip_alt IS NOT NULL;
CREATE INDEX mci_events_domain ON mci_events (bucket, domain, event_time);
CREATE INDEX mci_events_domain_alt ON mci_events (bucket, domain_alt, event_time) WHERE domain_alt IS NOT NULL;
CREATE INDEX mci_events_domain_base ON mci_events (bucket, domain_base, event_time) WHERE domain_base IS NOT NULL;
CREATE INDEX mci_events_sha256 ON mci_events (bucket, sha256, event_time) WHERE sha256 IS NOT NULL;
CREATE INDEX mci_events_message ON mci_events (message_id) WHERE message_id IS NOT NULL;

-- Where each stream stopped; written in the same transaction as the rows it covers.
CREATE TABLE mci_checkpoints (
  stream   TEXT PRIMARY KEY,
  cursor   TEXT,
  updated  INTEGER NOT NULL,
  events   INTEGER NOT NULL DEFAULT 0
);

-- Files that could not be read (truncated, corrupt), kept aside with the reason.
CREATE TABLE mci_quarantine (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  stream   TEXT    NOT NULL,
  file     TEXT    NOT NULL,
  path     TEXT,
  reason   TEXT    NOT NULL,
  created  INTEGER NOT NULL
);

-- The index of investigation cases; the case folder is the record.
CREATE TABLE mci_cases (
  id        TEXT PRIMARY KEY,
  created   INTEGER NOT NULL,
  indicator TEXT    NOT NULL,
  type      TEXT    NOT NULL,
  folder    TEXT    NOT NULL,
  status    TEXT    NOT NULL,
  summary   TEXT
);
CREATE INDEX mci_cases_indicator ON mci_cases (indicator);
