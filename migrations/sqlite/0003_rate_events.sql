-- Throttled attempts of every kind (sign-ins, reset requests, single-use links), counted per
-- subject (an email) and per client address, and the lockouts they led to; both kept one day.
-- Replaces login_failures, whose short-lived rows need no carrying over.
CREATE TABLE rate_events (
    id       INTEGER PRIMARY KEY,
    kind     TEXT NOT NULL,
    subject  TEXT NOT NULL,
    ip       TEXT NOT NULL,
    at       TEXT NOT NULL
);
CREATE INDEX rate_events_by_subject ON rate_events (kind, subject, at);
CREATE INDEX rate_events_by_ip ON rate_events (kind, ip, at);
CREATE INDEX rate_events_by_age ON rate_events (at);
DROP TABLE login_failures;

-- `locked` is 'email:…' or 'ip:…'. `nth` numbers a key's lockouts: concurrent requests that
-- all find the limit reached compute the same `nth`, and the unique key lets only one of them
-- lock (and audit).
CREATE TABLE lockouts (
    id       INTEGER PRIMARY KEY,
    kind     TEXT NOT NULL,
    locked   TEXT NOT NULL,
    nth      INTEGER NOT NULL,
    at       TEXT NOT NULL,
    ends_at  TEXT NOT NULL,
    UNIQUE (kind, locked, nth)
);
CREATE INDEX lockouts_by_age ON lockouts (at);
