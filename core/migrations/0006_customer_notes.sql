-- The owner's own notes about a customer (how they like to be reached, a
-- standing order), kept on their page.
ALTER TABLE customers ADD COLUMN notes TEXT NOT NULL DEFAULT '';
