-- Issue 15: the language an account chose with the switcher ('en', 'uk', 'ru'); NULL until it
-- chooses, when pages follow the browser and mail is written in English.
ALTER TABLE contacts ADD COLUMN locale TEXT CHECK (locale IN ('en', 'uk', 'ru'));
ALTER TABLE admins ADD COLUMN locale TEXT CHECK (locale IN ('en', 'uk', 'ru'));
