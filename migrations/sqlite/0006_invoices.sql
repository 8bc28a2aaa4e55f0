-- Issue 12: invoices a bookkeeper accepts (the PostgreSQL twin is ../postgres/0006_invoices.sql).
--
-- Seller and buyer details are versioned: an edit adds a row and never changes one, and an
-- invoice cites the rows in force on its issue date, so an issued invoice never changes.

-- The vendor's details. The first row is a placeholder for the admin to complete; existing
-- invoices cite it. Empty text means "not set" (printed as nothing).
CREATE TABLE vendor_details (
    id                   INTEGER PRIMARY KEY,
    legal_name           TEXT NOT NULL CHECK (length(trim(legal_name)) > 0),
    -- Postal address, one line per line.
    address              TEXT NOT NULL,
    registration_number  TEXT NOT NULL,
    vat_number           TEXT NOT NULL,
    -- Compact upper-case IBAN (checked by `domain::Iban`) or empty.
    iban                 TEXT NOT NULL,
    bic                  TEXT NOT NULL,
    bank_name            TEXT NOT NULL,
    payment_terms_days   INTEGER NOT NULL CHECK (payment_terms_days BETWEEN 0 AND 365),
    -- The one VAT rate, in basis points, and the note printed with it (e.g. an exemption).
    vat_rate_bp          INTEGER NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
    vat_note             TEXT NOT NULL,
    footer               TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    created_by           INTEGER REFERENCES admins(id)
);
INSERT INTO vendor_details (legal_name, address, registration_number, vat_number, iban, bic,
                            bank_name, payment_terms_days, vat_rate_bp, vat_note, footer,
                            created_at, created_by)
VALUES ('Support Portal vendor', '', '', '', '', '', '', 30, 0, '', '',
        '1970-01-01T00:00:00Z', NULL);

-- A company's billing details, edited by its contact.
CREATE TABLE billing_details (
    id                     INTEGER PRIMARY KEY,
    company_id             INTEGER NOT NULL REFERENCES companies(id),
    legal_name             TEXT NOT NULL CHECK (length(trim(legal_name)) > 0),
    address                TEXT NOT NULL,
    country                TEXT NOT NULL CHECK (length(country) = 2),
    vat_number             TEXT NOT NULL,
    -- Where invoices are mailed: one or more addresses, comma-separated.
    billing_emails         TEXT NOT NULL CHECK (length(billing_emails) > 0),
    created_at             TEXT NOT NULL,
    created_by_contact_id  INTEGER REFERENCES contacts(id)
);
CREATE INDEX billing_details_by_company ON billing_details (company_id, id);

-- The last invoice number of each calendar year. Taking the next one updates this row inside
-- the order's transaction: concurrent orders queue on it, and a rolled-back order gives its
-- number back, so numbers are gapless.
CREATE TABLE invoice_sequences (
    year         INTEGER PRIMARY KEY,
    last_number  INTEGER NOT NULL CHECK (last_number >= 1)
);
-- Numbers issued so far were `INV-<year>-<order id>`: each year continues after its highest.
INSERT INTO invoice_sequences (year, last_number)
SELECT CAST(substr(number, 5, 4) AS INTEGER), MAX(CAST(substr(number, 10) AS INTEGER))
  FROM invoices GROUP BY CAST(substr(number, 5, 4) AS INTEGER);

ALTER TABLE invoices ADD COLUMN vendor_details_id INTEGER REFERENCES vendor_details(id);
-- NULL when the company had given no billing details: the invoice names the company then.
ALTER TABLE invoices ADD COLUMN billing_details_id INTEGER REFERENCES billing_details(id);
ALTER TABLE invoices ADD COLUMN buyer_name TEXT NOT NULL DEFAULT '';
ALTER TABLE invoices ADD COLUMN subtotal_minor INTEGER NOT NULL DEFAULT 0 CHECK (subtotal_minor >= 0);
ALTER TABLE invoices ADD COLUMN tax_rate_bp INTEGER NOT NULL DEFAULT 0
    CHECK (tax_rate_bp BETWEEN 0 AND 10000);
ALTER TABLE invoices ADD COLUMN tax_minor INTEGER NOT NULL DEFAULT 0 CHECK (tax_minor >= 0);
-- The day the money arrived and the bank's reference, as the admin recorded them.
ALTER TABLE invoices ADD COLUMN paid_on TEXT;
ALTER TABLE invoices ADD COLUMN bank_reference TEXT;
UPDATE invoices SET
    vendor_details_id = (SELECT MIN(id) FROM vendor_details),
    buyer_name = (SELECT name FROM companies WHERE companies.id = invoices.company_id),
    subtotal_minor = total_minor,
    paid_on = substr(paid_at, 1, 10);
CREATE INDEX invoices_by_status ON invoices (status, due_date);

-- What a support line bills for: a contract's whole term, or the days an R8 extension added.
ALTER TABLE order_lines ADD COLUMN service_start TEXT;
ALTER TABLE order_lines ADD COLUMN service_end TEXT;
ALTER TABLE order_lines ADD COLUMN added_days INTEGER CHECK (added_days >= 1);
-- Earlier orders, from what each order recorded when placed (a contract's dates may have
-- moved since): an extension bills the days after the old end; a renewal of running coverage
-- starts the day after it; anything else started on the signing date. Coverage was running when
-- its end before the order was not before the signing date.
UPDATE order_lines SET
    service_start = (
        SELECT CASE
                 WHEN o.kind <> 'new_support' AND o.contract_end_before >= o.signing_date
                 THEN date(o.contract_end_before, '+1 day')
                 ELSE o.signing_date
               END
          FROM orders o WHERE o.id = order_lines.order_id),
    service_end = (SELECT o.contract_end_after FROM orders o WHERE o.id = order_lines.order_id),
    added_days = (
        SELECT CAST(julianday(o.contract_end_after) - julianday(o.contract_end_before) AS INTEGER)
          FROM orders o
         WHERE o.id = order_lines.order_id AND o.kind = 'add_licenses'
           AND o.contract_end_before >= o.signing_date
           AND o.contract_end_after > o.contract_end_before)
 WHERE kind = 'support';
