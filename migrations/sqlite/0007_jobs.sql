-- Issue 13: work that must happen after a change (a mail, later a webhook). It is enqueued in
-- the change's own transaction, so it exists exactly when the change does, and a worker in
-- every instance runs it, retrying with backoff. The PostgreSQL twin is ../postgres/0007_jobs.sql.
CREATE TABLE jobs (
    id            INTEGER PRIMARY KEY,
    -- What to do (`invoice_mail`, `renewal_reminder`, …) and its arguments as JSON. Payloads
    -- hold ids, never secrets: a mail that carries a link issues the link when it runs.
    kind          TEXT NOT NULL CHECK (length(kind) > 0),
    payload       TEXT NOT NULL,
    -- At most one job per key (a reminder's company, coverage end and milestone); NULL for
    -- work that is simply done once per change.
    dedupe_key    TEXT UNIQUE,
    status        TEXT NOT NULL DEFAULT 'queued'
                  CHECK (status IN ('queued', 'running', 'done', 'failed')),
    -- RFC 3339 UTC instants, all written with the same precision so that text order is time
    -- order. Not run before `run_at`.
    run_at        TEXT NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    max_attempts  INTEGER NOT NULL CHECK (max_attempts >= 1),
    -- A claim lasts until `locked_until`: a worker that died mid-job leaves the job to be
    -- claimed again after it.
    locked_until  TEXT,
    last_error    TEXT,
    created_at    TEXT NOT NULL,
    finished_at   TEXT,
    CHECK ((status = 'running') = (locked_until IS NOT NULL))
);
CREATE INDEX jobs_due ON jobs (status, run_at);
