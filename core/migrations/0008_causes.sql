-- Learning from complaints: the owner's list of causes (editable, like the
-- categories), and each complaint's cause, chosen when it is closed or later.
CREATE TABLE causes (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    retired_at  TEXT
);
INSERT INTO causes (name) VALUES
    ('Product or workmanship'),
    ('Packaging'),
    ('Delivery or courier'),
    ('Order or stock mistake'),
    ('Listing or description unclear'),
    ('Price or billing'),
    ('My own mistake'),
    ('Supplier'),
    ('Customer expectation'),
    ('Other');

ALTER TABLE complaints ADD COLUMN cause_id INTEGER REFERENCES causes (id);
CREATE INDEX complaints_by_cause ON complaints (cause_id, closed_at) WHERE cause_id IS NOT NULL;
