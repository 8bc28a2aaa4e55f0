-- Grows the demo database (SQLite) to 10,000 companies, 200,000 licenses and 200,000 audit
-- entries, for scripts/bench.sh --large. Every new contact signs in with the demo password
-- (the hash is copied from a demo contact). Each company owns 2 products × 10 licenses and has
-- a Standard contract in force; its audit log holds 20 entries.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 9994)
INSERT INTO companies (name, name_key, created_at)
SELECT 'Bench Company ' || i, 'bench company ' || i, '2026-01-01T00:00:00.000Z' FROM n;

INSERT INTO contacts (company_id, name, email, password_hash, created_at)
SELECT c.id, 'Bench Contact ' || c.id, 'bench' || c.id || '@bench.example',
       (SELECT password_hash FROM contacts WHERE email = 'boris@contoso.example'),
       '2026-01-01T00:00:00.000Z'
  FROM companies c WHERE c.name LIKE 'Bench Company %';

INSERT INTO holdings (company_id, product_id, quantity, version)
SELECT c.id, p.id, 10, p.latest_version
  FROM companies c JOIN products p ON p.name IN ('Terrasoft CRM', 'Terrasoft Sales')
 WHERE c.name LIKE 'Bench Company %';

INSERT INTO contracts (company_id, plan_id, plan_tier, percent_bp, includes_new_versions,
                       covered_areas, start_date, end_date, years, signed_at, plan_name,
                       includes_patches, min_licenses, response_target_amount,
                       response_target_unit)
SELECT c.id, k.plan_id, k.plan_tier, k.percent_bp, k.includes_new_versions, k.covered_areas,
       k.start_date, k.end_date, k.years, k.signed_at, k.plan_name, k.includes_patches,
       k.min_licenses, k.response_target_amount, k.response_target_unit
  FROM companies c
  JOIN contracts k ON k.company_id = (SELECT id FROM companies WHERE name = 'Contoso Logistics')
 WHERE c.name LIKE 'Bench Company %';

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
INSERT INTO audit_log (at, actor_kind, actor_id, company_id, kind, summary)
SELECT '2026-01-01T00:00:' || printf('%02d', n.i) || '.000Z', 'system', NULL, c.id,
       'billing_details_changed', 'Bench entry ' || n.i
  FROM companies c CROSS JOIN n WHERE c.name LIKE 'Bench Company %';
