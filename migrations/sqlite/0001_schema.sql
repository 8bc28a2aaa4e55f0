-- Support Portal schema for the whole SPEC (SQLite; the PostgreSQL twin lives in ../postgres).
--
-- Storage conventions, chosen so that sqlx's `Any` driver can bind every value:
--   * money      INTEGER minor units (cents) of the one configured currency; never floating point
--   * percent    INTEGER basis points (1000 = 10%)
--   * dates      TEXT 'YYYY-MM-DD' (contract days; ISO order sorts correctly)
--   * instants   TEXT RFC 3339 UTC
--   * flags      INTEGER 0/1 with a CHECK
-- Invariants the database itself guarantees are marked with the rule they protect.
-- Sessions live in `tower_sessions`, created by tower-sessions' own store migration at start-up.

CREATE TABLE companies (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    created_at  TEXT NOT NULL
);

-- The one designated contact per company (R3). Previous contacts stay for history, inactive.
CREATE TABLE contacts (
    id             INTEGER PRIMARY KEY,
    company_id     INTEGER NOT NULL REFERENCES companies(id),
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    email          TEXT NOT NULL UNIQUE CHECK (email = lower(email) AND email LIKE '%_@_%'),
    -- NULL until the invitation is accepted and a password set.
    password_hash  TEXT,
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    -- Bumped to end every session of this account at once (reassignment, password change).
    auth_epoch     INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL
);
-- R3: exactly one active contact per company is a constraint, not just a check in code.
CREATE UNIQUE INDEX contacts_one_active_per_company ON contacts (company_id) WHERE active = 1;

-- Vendor staff.
CREATE TABLE admins (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    email          TEXT NOT NULL UNIQUE CHECK (email = lower(email) AND email LIKE '%_@_%'),
    password_hash  TEXT NOT NULL,
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    auth_epoch     INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL
);

CREATE TABLE products (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    latest_version  TEXT NOT NULL CHECK (length(latest_version) > 0)
);

-- Dated price list: append-only; a product's price on a day is the entry with the latest
-- valid_from not after that day. Entries in force are never rewritten (contracts cite them).
CREATE TABLE price_list_entries (
    id                INTEGER PRIMARY KEY,
    product_id        INTEGER NOT NULL REFERENCES products(id),
    valid_from        TEXT NOT NULL,
    unit_price_minor  INTEGER NOT NULL CHECK (unit_price_minor >= 0),
    created_at        TEXT NOT NULL,
    UNIQUE (product_id, valid_from)
);

CREATE TABLE consultation_areas (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    sort_order  INTEGER NOT NULL
);

CREATE TABLE plans (
    id                      INTEGER PRIMARY KEY,
    tier                    TEXT NOT NULL UNIQUE CHECK (tier IN ('basic', 'standard', 'premium')),
    name                    TEXT NOT NULL,
    percent_bp              INTEGER NOT NULL CHECK (percent_bp BETWEEN 0 AND 10000),
    includes_patches        INTEGER NOT NULL CHECK (includes_patches IN (0, 1)),
    includes_new_versions   INTEGER NOT NULL CHECK (includes_new_versions IN (0, 1)),
    -- R2: Premium needs 5 licenses; data so that admins can change it.
    min_licenses            INTEGER NOT NULL DEFAULT 0 CHECK (min_licenses >= 0),
    response_target_amount  INTEGER NOT NULL CHECK (response_target_amount > 0),
    response_target_unit    TEXT NOT NULL CHECK (response_target_unit IN ('business_hours', 'business_days')),
    sort_order              INTEGER NOT NULL
);

CREATE TABLE plan_consultation_areas (
    plan_id    INTEGER NOT NULL REFERENCES plans(id),
    area_code  TEXT NOT NULL REFERENCES consultation_areas(code),
    PRIMARY KEY (plan_id, area_code)
);

-- Licenses a company owns, one row per product.
CREATE TABLE holdings (
    company_id  INTEGER NOT NULL REFERENCES companies(id),
    product_id  INTEGER NOT NULL REFERENCES products(id),
    quantity    INTEGER NOT NULL CHECK (quantity >= 1),
    version     TEXT NOT NULL CHECK (length(version) > 0),
    PRIMARY KEY (company_id, product_id)
);

-- A signed support term. The plan's terms are copied at signing, because admins may change
-- plans later and that must never alter a signed contract.
CREATE TABLE contracts (
    id                     INTEGER PRIMARY KEY,
    company_id             INTEGER NOT NULL REFERENCES companies(id),
    plan_id                INTEGER NOT NULL REFERENCES plans(id),
    plan_tier              TEXT NOT NULL CHECK (plan_tier IN ('basic', 'standard', 'premium')),
    percent_bp             INTEGER NOT NULL CHECK (percent_bp BETWEEN 0 AND 10000),
    includes_new_versions  INTEGER NOT NULL CHECK (includes_new_versions IN (0, 1)),
    -- Comma-separated consultation area codes covered by the plan at signing.
    covered_areas          TEXT NOT NULL,
    start_date             TEXT NOT NULL,
    end_date               TEXT NOT NULL,
    years                  INTEGER NOT NULL CHECK (years >= 1),
    signed_at              TEXT NOT NULL,
    CHECK (end_date >= start_date),
    -- R11: two concurrent purchases cannot both open a term on the same day for one company.
    UNIQUE (company_id, start_date)
);
CREATE INDEX contracts_by_company ON contracts (company_id, end_date);

CREATE TABLE orders (
    id                   INTEGER PRIMARY KEY,
    company_id           INTEGER NOT NULL REFERENCES companies(id),
    placed_by_contact_id INTEGER REFERENCES contacts(id),
    kind                 TEXT NOT NULL CHECK (kind IN ('new_support', 'renewal', 'add_licenses')),
    placed_at            TEXT NOT NULL,
    signing_date         TEXT NOT NULL,
    total_minor          INTEGER NOT NULL CHECK (total_minor >= 0),
    contract_id          INTEGER REFERENCES contracts(id),
    -- What the order did to the contract, e.g. end date before and after an R8 extension.
    contract_end_before  TEXT,
    contract_end_after   TEXT
);
CREATE INDEX orders_by_company ON orders (company_id, placed_at);

CREATE TABLE order_lines (
    id                INTEGER PRIMARY KEY,
    order_id          INTEGER NOT NULL REFERENCES orders(id),
    line_no           INTEGER NOT NULL CHECK (line_no >= 1),
    kind              TEXT NOT NULL CHECK (kind IN ('license', 'support')),
    product_id        INTEGER REFERENCES products(id),
    description       TEXT NOT NULL,
    quantity          INTEGER NOT NULL CHECK (quantity >= 1),
    unit_price_minor  INTEGER NOT NULL CHECK (unit_price_minor >= 0),
    price_valid_from  TEXT,
    percent_bp        INTEGER CHECK (percent_bp BETWEEN 0 AND 10000),
    years             INTEGER CHECK (years >= 1),
    amount_minor      INTEGER NOT NULL CHECK (amount_minor >= 0),
    UNIQUE (order_id, line_no)
);

-- One invoice per order (R11: never two).
CREATE TABLE invoices (
    id           INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL UNIQUE REFERENCES orders(id),
    company_id   INTEGER NOT NULL REFERENCES companies(id),
    number       TEXT NOT NULL UNIQUE,
    issue_date   TEXT NOT NULL,
    due_date     TEXT NOT NULL,
    currency     TEXT NOT NULL CHECK (length(currency) = 3),
    total_minor  INTEGER NOT NULL CHECK (total_minor >= 0),
    status       TEXT NOT NULL DEFAULT 'unpaid' CHECK (status IN ('unpaid', 'paid')),
    paid_at      TEXT,
    CHECK (due_date >= issue_date),
    CHECK ((status = 'paid') = (paid_at IS NOT NULL))
);

-- R11: a repeated submission with the same key returns the first result.
CREATE TABLE idempotency_keys (
    company_id    INTEGER NOT NULL REFERENCES companies(id),
    key           TEXT NOT NULL CHECK (length(key) BETWEEN 8 AND 100),
    fingerprint   TEXT NOT NULL,
    order_id      INTEGER REFERENCES orders(id),
    created_at    TEXT NOT NULL,
    PRIMARY KEY (company_id, key)
);

-- R4: version updates are recorded.
CREATE TABLE version_updates (
    id            INTEGER PRIMARY KEY,
    company_id    INTEGER NOT NULL REFERENCES companies(id),
    product_id    INTEGER NOT NULL REFERENCES products(id),
    from_version  TEXT NOT NULL,
    to_version    TEXT NOT NULL,
    contract_id   INTEGER REFERENCES contracts(id),
    performed_at  TEXT NOT NULL
);

-- R5: a contractual exception lets a company ask for advice outside the covered areas.
CREATE TABLE consultation_exceptions (
    id           INTEGER PRIMARY KEY,
    company_id   INTEGER NOT NULL REFERENCES companies(id),
    description  TEXT NOT NULL,
    recorded_by  INTEGER NOT NULL REFERENCES admins(id),
    recorded_at  TEXT NOT NULL,
    revoked_at   TEXT
);

CREATE TABLE consultation_requests (
    id           INTEGER PRIMARY KEY,
    company_id   INTEGER NOT NULL REFERENCES companies(id),
    contact_id   INTEGER NOT NULL REFERENCES contacts(id),
    contract_id  INTEGER NOT NULL REFERENCES contracts(id),
    -- 'other' marks a request outside the covered areas (allowed only with an exception).
    area_code    TEXT NOT NULL,
    subject      TEXT NOT NULL CHECK (length(trim(subject)) > 0),
    description  TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'closed')),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE TABLE consultation_messages (
    id           INTEGER PRIMARY KEY,
    request_id   INTEGER NOT NULL REFERENCES consultation_requests(id),
    author_kind  TEXT NOT NULL CHECK (author_kind IN ('contact', 'admin')),
    author_id    INTEGER NOT NULL,
    body         TEXT NOT NULL CHECK (length(trim(body)) > 0),
    created_at   TEXT NOT NULL
);

-- Single-use links (invitation, password reset); only a hash of the token is stored.
CREATE TABLE auth_tokens (
    id          INTEGER PRIMARY KEY,
    token_hash  TEXT NOT NULL UNIQUE,
    purpose     TEXT NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
    contact_id  INTEGER NOT NULL REFERENCES contacts(id),
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor_kind  TEXT NOT NULL CHECK (actor_kind IN ('contact', 'admin', 'system')),
    actor_id    INTEGER,
    company_id  INTEGER REFERENCES companies(id),
    kind        TEXT NOT NULL,
    summary     TEXT NOT NULL,
    before_json TEXT,
    after_json  TEXT
);
CREATE INDEX audit_log_by_company ON audit_log (company_id, at);
