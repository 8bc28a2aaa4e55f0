-- Throttled attempts of every kind (failed sign-ins, reset requests, bad single-use links),
-- counted per subject (an email) and per client address; kept one day. Replaces
-- login_failures, whose short-lived rows need no carrying over.
CREATE TABLE rate_events (
    id       INTEGER PRIMARY KEY,
    kind     TEXT NOT NULL,
    subject  TEXT NOT NULL,
    ip       TEXT NOT NULL,
    at       TEXT NOT NULL
);
CREATE INDEX rate_events_by_subject ON rate_events (kind, subject, at);
CREATE INDEX rate_events_by_ip ON rate_events (kind, ip, at);
DROP TABLE login_failures;
