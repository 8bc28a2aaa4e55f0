-- Issue 20: second factors. An account is a contact or an admin (`account_role`, `account_id`);
-- the two tables of accounts are separate, so these rows name the role rather than reference it.

-- The authenticator app of an account (TOTP, RFC 6238), once its first code confirmed it.
-- `last_step` is the 30-second step of the last code accepted: a code is accepted only for a
-- later step, so no code works twice.
CREATE TABLE totp_factors (
    account_role  TEXT NOT NULL CHECK (account_role IN ('contact', 'admin')),
    account_id    INTEGER NOT NULL,
    -- Base32 (RFC 4648), 160 bits. Kept in clear: the server must compute codes from it
    -- (SECURITY.md says what that means for a database leak).
    secret        TEXT NOT NULL,
    last_step     INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    PRIMARY KEY (account_role, account_id)
);

-- Single-use recovery codes: 125 random bits each, so a plain hash (BLAKE2s) is enough to store
-- them (OWASP ASVS 5.0 V6.5: at least 112 bits).
CREATE TABLE recovery_codes (
    id            INTEGER PRIMARY KEY,
    account_role  TEXT NOT NULL CHECK (account_role IN ('contact', 'admin')),
    account_id    INTEGER NOT NULL,
    code_hash     TEXT NOT NULL UNIQUE,
    used_at       TEXT
);
CREATE INDEX recovery_codes_by_account ON recovery_codes (account_role, account_id);

-- Passkeys (WebAuthn). `passkey` is webauthn-rs's credential (public key, counter) as JSON;
-- `user_handle` is the random id the authenticator stores for the account, the same for all of
-- an account's passkeys.
CREATE TABLE passkeys (
    id             INTEGER PRIMARY KEY,
    account_role   TEXT NOT NULL CHECK (account_role IN ('contact', 'admin')),
    account_id     INTEGER NOT NULL,
    user_handle    TEXT NOT NULL,
    -- The credential id, hex.
    credential_id  TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    passkey        TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    last_used_at   TEXT
);
CREATE INDEX passkeys_by_account ON passkeys (account_role, account_id);
