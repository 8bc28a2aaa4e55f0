-- Failed sign-ins, for throttling by account and by client address (kept 1 day).
CREATE TABLE login_failures (
    id     INTEGER PRIMARY KEY,
    email  TEXT NOT NULL,
    ip     TEXT NOT NULL,
    at     TEXT NOT NULL
);
CREATE INDEX login_failures_by_email ON login_failures (email, at);
CREATE INDEX login_failures_by_ip ON login_failures (ip, at);
