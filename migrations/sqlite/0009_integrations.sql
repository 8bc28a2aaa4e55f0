-- Issue 17: personal access tokens for /api/v1, and webhooks.

-- An admin's token. Only a hash is stored: the token is shown once, at creation.
CREATE TABLE api_tokens (
    id            INTEGER PRIMARY KEY,
    admin_id      INTEGER NOT NULL REFERENCES admins(id),
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    token_hash    TEXT NOT NULL UNIQUE,
    scope         TEXT NOT NULL CHECK (scope IN ('read', 'write')),
    created_at    TEXT NOT NULL,
    expires_at    TEXT NOT NULL,
    revoked_at    TEXT,
    last_used_at  TEXT
);
CREATE INDEX api_tokens_by_admin ON api_tokens (admin_id);

-- Where events are posted. The secret signs every delivery (HMAC-SHA256), so it is kept.
CREATE TABLE webhook_endpoints (
    id          INTEGER PRIMARY KEY,
    url         TEXT NOT NULL CHECK (url LIKE 'http://%' OR url LIKE 'https://%'),
    -- Comma-separated event names, e.g. 'order.placed,invoice.paid'.
    events      TEXT NOT NULL CHECK (length(events) > 0),
    secret      TEXT NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL,
    created_by  INTEGER REFERENCES admins(id)
);

-- One event for one endpoint; sent by a job of the queue, retried with its backoff.
CREATE TABLE webhook_deliveries (
    id            INTEGER PRIMARY KEY,
    endpoint_id   INTEGER NOT NULL REFERENCES webhook_endpoints(id),
    event         TEXT NOT NULL,
    -- The event's own id (e.g. 'order.placed:42'), the same on every try: receivers dedupe on it.
    event_id      TEXT NOT NULL,
    payload       TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_status   INTEGER,
    last_error    TEXT,
    created_at    TEXT NOT NULL,
    delivered_at  TEXT,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, id);

-- The report of a CSV import (dry run or applied), kept for the page that shows it.
CREATE TABLE import_runs (
    id          INTEGER PRIMARY KEY,
    admin_id    INTEGER REFERENCES admins(id),
    applied     INTEGER NOT NULL CHECK (applied IN (0, 1)),
    report      TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
