-- Working on two computers (core/src/sync). While sync is on, every row
-- the computers share has a globally unique id beside it (given to the rows
-- already there when sync is turned on), and each change to such a row is
-- noted for the next file to the other computers (not a change to a column
-- they do not share, such as what a complaint came to). All of it stays on
-- this computer: none of these tables is exported.

CREATE TABLE sync_ids (
    tbl       TEXT NOT NULL,
    local_id  INTEGER NOT NULL,
    uid       TEXT NOT NULL UNIQUE,
    PRIMARY KEY (tbl, local_id)
) WITHOUT ROWID;

-- One row while sync is on.
CREATE TABLE sync_on (
    only  INTEGER PRIMARY KEY CHECK (only = 1)
);

CREATE TABLE sync_pending (
    tbl       TEXT NOT NULL,
    local_id  INTEGER NOT NULL,
    PRIMARY KEY (tbl, local_id)
) WITHOUT ROWID;

-- The changes this computer holds, its own and the others', as Automerge
-- bytes, in the order they were taken; `name` is the file's in the shared
-- folder (NULL for one of its own not written there yet).
CREATE TABLE sync_chunks (
    seq       INTEGER PRIMARY KEY,
    computer  TEXT NOT NULL,
    number    INTEGER,
    name      TEXT UNIQUE,
    bytes     BLOB NOT NULL
);

-- Rows removed here while sync is on, by global id, until the other
-- computers are told (the local id may be given to a new row meanwhile).
CREATE TABLE sync_removed (
    tbl  TEXT NOT NULL,
    uid  TEXT NOT NULL,
    PRIMARY KEY (tbl, uid)
) WITHOUT ROWID;

-- Rows from another computer that link to a row not here yet, by their key
-- in the shared document: tried again with every file taken in.
CREATE TABLE sync_waiting (
    key  TEXT PRIMARY KEY
) WITHOUT ROWID;

-- Fields whose value the owner kept after two computers changed them at
-- once: put again even where it is the value shown, to settle them.
CREATE TABLE sync_settled (
    tbl       TEXT NOT NULL,
    local_id  INTEGER NOT NULL,
    field     TEXT NOT NULL,
    PRIMARY KEY (tbl, local_id, field)
) WITHOUT ROWID;

-- Fields changed on two computers at once: every value, for the owner to pick.
CREATE TABLE sync_conflicts (
    tbl     TEXT NOT NULL,
    uid     TEXT NOT NULL,
    field   TEXT NOT NULL,
    vals    TEXT NOT NULL,
    PRIMARY KEY (tbl, uid, field)
) WITHOUT ROWID;

CREATE TRIGGER sync_id_of_customers AFTER INSERT ON customers
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'customers', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'customers', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_customers AFTER UPDATE
    OF name, email, phone, notes, merged_into, created_at
    ON customers
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'customers', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_removal_of_customers AFTER DELETE ON customers
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'customers' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'customers' AND local_id = OLD.id;
END;

CREATE TRIGGER sync_id_of_categories AFTER INSERT ON categories
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'categories', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'categories', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_categories AFTER UPDATE
    OF name, retired_at
    ON categories
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'categories', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_removal_of_categories AFTER DELETE ON categories
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'categories' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'categories' AND local_id = OLD.id;
END;

CREATE TRIGGER sync_id_of_causes AFTER INSERT ON causes
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'causes', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'causes', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_causes AFTER UPDATE
    OF name, retired_at
    ON causes
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'causes', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_removal_of_causes AFTER DELETE ON causes
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'causes' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'causes' AND local_id = OLD.id;
END;

CREATE TRIGGER sync_id_of_complaints AFTER INSERT ON complaints
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'complaints', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'complaints', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_complaints AFTER UPDATE
    OF customer_id, summary, received_at, created_at, channel, is_public,
       customer_words, desired_outcome, reference, category_id, severity,
       cause_id, deleted_at, cleared_at, step, acknowledged_at,
       apologized_at, promised_date, fixed_at, last_outgoing_at, closed_at,
       close_reason
    ON complaints
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'complaints', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_removal_of_complaints AFTER DELETE ON complaints
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'complaints' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'complaints' AND local_id = OLD.id;
END;

CREATE TRIGGER sync_id_of_contacts AFTER INSERT ON contacts
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'contacts', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'contacts', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_contacts AFTER UPDATE
    OF complaint_id, direction, channel, at, text, created_at
    ON contacts
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'contacts', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_removal_of_contacts AFTER DELETE ON contacts
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'contacts' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'contacts' AND local_id = OLD.id;
END;

CREATE TRIGGER sync_id_of_step_records AFTER INSERT ON step_records
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'step_records', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'step_records', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_step_records AFTER UPDATE
    OF complaint_id, step, done_at, channel, text, promised_date, remedy,
       cost_cents, satisfaction, satisfied, close_reason, root_cause,
       preventive_action, check_in_date, created_at
    ON step_records
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'step_records', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_removal_of_step_records AFTER DELETE ON step_records
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'step_records' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'step_records' AND local_id = OLD.id;
END;

CREATE TRIGGER sync_id_of_history AFTER INSERT ON history
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'history', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'history', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_history AFTER UPDATE
    OF complaint_id, customer_id, at, who, what
    ON history
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'history', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_removal_of_history AFTER DELETE ON history
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'history' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'history' AND local_id = OLD.id;
END;
