-- R10: a signed contract keeps every plan term of its signing day. Until now a contract copied
-- percent, areas and new versions, but read name, patches, minimum licenses and response
-- target from the live plan, so a later plan edit changed contracts already signed (a
-- consultation filed under 1 business day became due in 5). Existing contracts take the
-- plan's current values, the best record of their signing day there is.
ALTER TABLE contracts ADD COLUMN plan_name TEXT NOT NULL DEFAULT '';
ALTER TABLE contracts ADD COLUMN includes_patches INTEGER NOT NULL DEFAULT 1
    CHECK (includes_patches IN (0, 1));
ALTER TABLE contracts ADD COLUMN min_licenses INTEGER NOT NULL DEFAULT 0
    CHECK (min_licenses >= 0);
ALTER TABLE contracts ADD COLUMN response_target_amount INTEGER NOT NULL DEFAULT 1
    CHECK (response_target_amount > 0);
ALTER TABLE contracts ADD COLUMN response_target_unit TEXT NOT NULL DEFAULT 'business_days'
    CHECK (response_target_unit IN ('business_hours', 'business_days'));

UPDATE contracts SET
    plan_name = (SELECT p.name FROM plans p WHERE p.id = contracts.plan_id),
    includes_patches = (SELECT p.includes_patches FROM plans p WHERE p.id = contracts.plan_id),
    min_licenses = (SELECT p.min_licenses FROM plans p WHERE p.id = contracts.plan_id),
    response_target_amount = (SELECT p.response_target_amount FROM plans p WHERE p.id = contracts.plan_id),
    response_target_unit = (SELECT p.response_target_unit FROM plans p WHERE p.id = contracts.plan_id);

-- R1: a company never holds two contracts covering the same day. The domain's `Coverage`
-- cannot represent an overlap; these triggers keep the stored timeline the same way, whatever
-- writes it (an R8 move updates later contracts first, so no step overlaps).
CREATE TRIGGER contracts_no_overlap_insert
BEFORE INSERT ON contracts
WHEN EXISTS (SELECT 1 FROM contracts c
              WHERE c.company_id = NEW.company_id
                AND c.start_date <= NEW.end_date AND NEW.start_date <= c.end_date)
BEGIN
    SELECT RAISE(ABORT, 'contracts_no_overlap');
END;

CREATE TRIGGER contracts_no_overlap_update
BEFORE UPDATE OF start_date, end_date, company_id ON contracts
WHEN EXISTS (SELECT 1 FROM contracts c
              WHERE c.company_id = NEW.company_id AND c.id <> NEW.id
                AND c.start_date <= NEW.end_date AND NEW.start_date <= c.end_date)
BEGIN
    SELECT RAISE(ABORT, 'contracts_no_overlap');
END;
