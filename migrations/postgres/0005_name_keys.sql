-- Issue 19: products and companies are unique by their name key, so that "terrasoft crm" or
-- "Terrasoft  CRM" cannot be added beside "Terrasoft CRM". The key is domain::name_key (lower
-- case, runs of whitespace made one space, trimmed); the application computes it in Rust on
-- every insert. The UNIQUE on `name` stays (same name, same key); PostgreSQL already names
-- it products_name_key / companies_name_key, hence the longer index names.
--
-- Existing rows are keyed here in SQL: lower(), and regexp_replace() for runs of whitespace.
-- That equals name_key for ASCII names such as the seed's; lower() of other letters follows
-- the database's locale, and a name keeps that key until it is next written.
--
-- Names that already clash by key (made before this check existed) are all kept: the oldest
-- gets the plain key, each later one its key plus " #<id>", so this migration never fails
-- on them; an admin can then tell them apart.

ALTER TABLE products ADD COLUMN name_key TEXT;
UPDATE products SET name_key = lower(btrim(regexp_replace(name, '\s+', ' ', 'g')));
UPDATE products SET name_key = name_key || ' #' || id
 WHERE EXISTS (SELECT 1 FROM products older
                WHERE older.name_key = products.name_key AND older.id < products.id);
ALTER TABLE products ALTER COLUMN name_key SET NOT NULL;
ALTER TABLE products ADD CONSTRAINT products_name_key_not_empty CHECK (length(btrim(name_key)) > 0);
CREATE UNIQUE INDEX products_unique_name_key ON products (name_key);

ALTER TABLE companies ADD COLUMN name_key TEXT;
UPDATE companies SET name_key = lower(btrim(regexp_replace(name, '\s+', ' ', 'g')));
UPDATE companies SET name_key = name_key || ' #' || id
 WHERE EXISTS (SELECT 1 FROM companies older
                WHERE older.name_key = companies.name_key AND older.id < companies.id);
ALTER TABLE companies ALTER COLUMN name_key SET NOT NULL;
ALTER TABLE companies ADD CONSTRAINT companies_name_key_not_empty CHECK (length(btrim(name_key)) > 0);
CREATE UNIQUE INDEX companies_unique_name_key ON companies (name_key);
