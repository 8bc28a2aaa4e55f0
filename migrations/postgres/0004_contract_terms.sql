-- R10: a signed contract keeps every plan term of its signing day. Until now a contract copied
-- percent, areas and new versions, but read name, patches, minimum licenses and response
-- target from the live plan, so a later plan edit changed contracts already signed (a
-- consultation filed under 1 business day became due in 5). Existing contracts take the
-- plan's current values, the best record of their signing day there is.
ALTER TABLE contracts ADD COLUMN plan_name TEXT NOT NULL DEFAULT '';
ALTER TABLE contracts ADD COLUMN includes_patches BIGINT NOT NULL DEFAULT 1
    CHECK (includes_patches IN (0, 1));
ALTER TABLE contracts ADD COLUMN min_licenses BIGINT NOT NULL DEFAULT 0
    CHECK (min_licenses >= 0);
ALTER TABLE contracts ADD COLUMN response_target_amount BIGINT NOT NULL DEFAULT 1
    CHECK (response_target_amount > 0);
ALTER TABLE contracts ADD COLUMN response_target_unit TEXT NOT NULL DEFAULT 'business_days'
    CHECK (response_target_unit IN ('business_hours', 'business_days'));

UPDATE contracts c SET
    plan_name = p.name,
    includes_patches = p.includes_patches,
    min_licenses = p.min_licenses,
    response_target_amount = p.response_target_amount,
    response_target_unit = p.response_target_unit
  FROM plans p
 WHERE p.id = c.plan_id;

-- The defaults only served to add the columns: every new contract must state its terms.
ALTER TABLE contracts
    ALTER COLUMN plan_name DROP DEFAULT,
    ALTER COLUMN includes_patches DROP DEFAULT,
    ALTER COLUMN min_licenses DROP DEFAULT,
    ALTER COLUMN response_target_amount DROP DEFAULT,
    ALTER COLUMN response_target_unit DROP DEFAULT;

-- R1: a company never holds two contracts covering the same day. The domain's `Coverage`
-- cannot represent an overlap; this trigger keeps the stored timeline the same way, whatever
-- writes it (an R8 move updates later contracts first, so no step overlaps). Writers of one
-- company are serialized by its row lock (store::lock_company), so the check cannot race.
CREATE FUNCTION contracts_no_overlap() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM contracts c
                WHERE c.company_id = NEW.company_id AND c.id <> NEW.id
                  AND c.start_date <= NEW.end_date AND NEW.start_date <= c.end_date) THEN
        RAISE EXCEPTION 'contracts_no_overlap' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER contracts_no_overlap
BEFORE INSERT OR UPDATE OF start_date, end_date, company_id ON contracts
FOR EACH ROW EXECUTE FUNCTION contracts_no_overlap();
