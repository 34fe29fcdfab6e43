-- The guided journey: customers' contact details, the complaint's intake
-- fields and progress, the steps recorded, the timeline, the history,
-- categories, settings, message templates and the search index.

ALTER TABLE customers ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN phone TEXT NOT NULL DEFAULT '';
CREATE INDEX customers_by_name ON customers (name COLLATE NOCASE);

CREATE TABLE categories (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    retired_at  TEXT
);
INSERT INTO categories (name) VALUES
    ('Product quality'),
    ('Delivery'),
    ('Wrong or missing item'),
    ('Service and manners'),
    ('Price and billing'),
    ('Waiting time'),
    ('Communication'),
    ('Other');

ALTER TABLE complaints ADD COLUMN channel TEXT NOT NULL DEFAULT 'other'
    CHECK (channel IN ('phone', 'email', 'in_person', 'review', 'social', 'letter', 'other'));
ALTER TABLE complaints ADD COLUMN is_public INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1));
ALTER TABLE complaints ADD COLUMN customer_words TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN desired_outcome TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN reference TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN category_id INTEGER REFERENCES categories (id);
ALTER TABLE complaints ADD COLUMN severity TEXT NOT NULL DEFAULT 'normal'
    CHECK (severity IN ('low', 'normal', 'high', 'urgent'));
-- The next step to do; 'close' until closed, then closed_at is set.
ALTER TABLE complaints ADD COLUMN step TEXT NOT NULL DEFAULT 'acknowledge'
    CHECK (step IN ('acknowledge', 'apologize', 'assure', 'fix', 'follow_up', 'close'));
ALTER TABLE complaints ADD COLUMN acknowledged_at TEXT;
ALTER TABLE complaints ADD COLUMN apologized_at TEXT;
ALTER TABLE complaints ADD COLUMN promised_date TEXT;
ALTER TABLE complaints ADD COLUMN fixed_at TEXT;
ALTER TABLE complaints ADD COLUMN last_outgoing_at TEXT;
ALTER TABLE complaints ADD COLUMN closed_at TEXT;
ALTER TABLE complaints ADD COLUMN close_reason TEXT
    CHECK (close_reason IN ('resolved', 'withdrawn', 'unreachable', 'other'));

CREATE INDEX complaints_by_step ON complaints (step, received_at);
CREATE INDEX complaints_by_category ON complaints (category_id, received_at);
CREATE INDEX complaints_by_severity ON complaints (severity, received_at);
CREATE INDEX complaints_by_promised_date ON complaints (promised_date) WHERE promised_date IS NOT NULL;
CREATE INDEX complaints_open ON complaints (received_at) WHERE closed_at IS NULL;

-- What the owner recorded at each step; a step may be recorded again after
-- an unsatisfied follow-up, so there can be several rows per step.
CREATE TABLE step_records (
    id                 INTEGER PRIMARY KEY,
    complaint_id       INTEGER NOT NULL REFERENCES complaints (id),
    step               TEXT NOT NULL
        CHECK (step IN ('acknowledge', 'apologize', 'assure', 'fix', 'follow_up', 'close')),
    done_at            TEXT NOT NULL,
    channel            TEXT,
    text               TEXT NOT NULL DEFAULT '',
    promised_date      TEXT,
    remedy             TEXT
        CHECK (remedy IN ('refund', 'replacement', 'redo', 'discount', 'explanation', 'other')),
    cost_cents         INTEGER,
    satisfaction       INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
    satisfied          INTEGER CHECK (satisfied IN (0, 1)),
    close_reason       TEXT
        CHECK (close_reason IN ('resolved', 'withdrawn', 'unreachable', 'other')),
    root_cause         TEXT NOT NULL DEFAULT '',
    preventive_action  TEXT NOT NULL DEFAULT '',
    check_in_date      TEXT,
    created_at         TEXT NOT NULL
);
CREATE INDEX step_records_by_complaint ON step_records (complaint_id, id);

-- The ticks on each step's checklist.
CREATE TABLE checklist_ticks (
    complaint_id  INTEGER NOT NULL REFERENCES complaints (id),
    step          TEXT NOT NULL,
    item          TEXT NOT NULL,
    ticked_at     TEXT NOT NULL,
    PRIMARY KEY (complaint_id, step, item)
) WITHOUT ROWID;

-- Every contact with the customer: what they said, what was said to them,
-- and the owner's internal notes.
CREATE TABLE contacts (
    id            INTEGER PRIMARY KEY,
    complaint_id  INTEGER NOT NULL REFERENCES complaints (id),
    direction     TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing', 'note')),
    channel       TEXT NOT NULL
        CHECK (channel IN ('phone', 'email', 'in_person', 'review', 'social', 'letter', 'other')),
    at            TEXT NOT NULL,
    text          TEXT NOT NULL CHECK (length(trim(text)) > 0),
    created_at    TEXT NOT NULL
);
CREATE INDEX contacts_by_complaint ON contacts (complaint_id, at);

-- Every change, as it happened. The app only ever adds to it.
CREATE TABLE history (
    id            INTEGER PRIMARY KEY,
    complaint_id  INTEGER REFERENCES complaints (id),
    customer_id   INTEGER REFERENCES customers (id),
    at            TEXT NOT NULL,
    who           TEXT NOT NULL,
    what          TEXT NOT NULL
);
CREATE INDEX history_by_complaint ON history (complaint_id, id);
CREATE INDEX history_by_customer ON history (customer_id, id);
CREATE TRIGGER history_is_append_only_update BEFORE UPDATE ON history
BEGIN
    SELECT RAISE(ABORT, 'the history is never changed');
END;
CREATE TRIGGER history_is_append_only_delete BEFORE DELETE ON history
BEGIN
    SELECT RAISE(ABORT, 'the history is never deleted');
END;

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;

-- The owner's own message templates; a step with no row uses the default.
CREATE TABLE templates (
    step        TEXT PRIMARY KEY
        CHECK (step IN ('receive', 'acknowledge', 'apologize', 'assure', 'fix', 'follow_up', 'close')),
    body        TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) WITHOUT ROWID;

-- One document per complaint (rowid = complaint id) holding everything
-- written about it, kept up to date by the store.
CREATE VIRTUAL TABLE complaint_search USING fts5 (
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO complaint_search (rowid, body)
SELECT c.id, k.name || ' ' || c.summary FROM complaints c JOIN customers k ON k.id = c.customer_id;
