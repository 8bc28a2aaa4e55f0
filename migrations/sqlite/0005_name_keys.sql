-- Issue 19: products and companies are unique by their name key, so that "terrasoft crm" or
-- "Terrasoft  CRM" cannot be added beside "Terrasoft CRM". The key is domain::name_key (lower
-- case, runs of whitespace made one space, trimmed); the application computes it in Rust on
-- every insert. The UNIQUE on `name` stays (same name, same key).
--
-- Existing rows are keyed here in SQL: SQLite's lower() folds ASCII letters only, and the
-- replace() chain collapses runs of up to 32 spaces (names hold no tabs or line breaks: the
-- forms refuse control characters). That equals name_key for ASCII names such as the seed's;
-- a non-ASCII name keeps its non-ASCII capitals in its key until it is next written.
--
-- Names that already clash by key (made before this check existed) are all kept: the oldest
-- gets the plain key, each later one its key plus " #<id>", so this migration never fails
-- on them; an admin can then tell them apart.

ALTER TABLE products ADD COLUMN name_key TEXT;
UPDATE products SET name_key = lower(trim(
    replace(replace(replace(replace(replace(name, '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' ')));
UPDATE products SET name_key = name_key || ' #' || id
 WHERE EXISTS (SELECT 1 FROM products older
                WHERE older.name_key = products.name_key AND older.id < products.id);
CREATE UNIQUE INDEX products_unique_name_key ON products (name_key);

ALTER TABLE companies ADD COLUMN name_key TEXT;
UPDATE companies SET name_key = lower(trim(
    replace(replace(replace(replace(replace(name, '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' ')));
UPDATE companies SET name_key = name_key || ' #' || id
 WHERE EXISTS (SELECT 1 FROM companies older
                WHERE older.name_key = companies.name_key AND older.id < companies.id);
CREATE UNIQUE INDEX companies_unique_name_key ON companies (name_key);

-- SQLite cannot add a NOT NULL or CHECK column to a table with rows without rebuilding it
-- (and every table that references it); these triggers hold the same line: a row without a
-- key would escape the unique index.
CREATE TRIGGER products_name_key_required BEFORE INSERT ON products
  WHEN NEW.name_key IS NULL OR length(trim(NEW.name_key)) = 0
BEGIN
  SELECT RAISE(ABORT, 'products.name_key is required (domain::name_key of the name)');
END;
CREATE TRIGGER products_name_key_kept BEFORE UPDATE OF name, name_key ON products
  WHEN NEW.name_key IS NULL OR length(trim(NEW.name_key)) = 0
BEGIN
  SELECT RAISE(ABORT, 'products.name_key is required (domain::name_key of the name)');
END;
CREATE TRIGGER companies_name_key_required BEFORE INSERT ON companies
  WHEN NEW.name_key IS NULL OR length(trim(NEW.name_key)) = 0
BEGIN
  SELECT RAISE(ABORT, 'companies.name_key is required (domain::name_key of the name)');
END;
CREATE TRIGGER companies_name_key_kept BEFORE UPDATE OF name, name_key ON companies
  WHEN NEW.name_key IS NULL OR length(trim(NEW.name_key)) = 0
BEGIN
  SELECT RAISE(ABORT, 'companies.name_key is required (domain::name_key of the name)');
END;
