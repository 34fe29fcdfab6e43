-- The learning half on two computers (core/src/sync): known issues, the
-- customers told of them, improvements, which complaints belong to which
-- known issue, and their history lines.

-- Told customers get an id of their own, as every shared row has; a
-- customer is still told of an issue once.
CREATE TABLE known_issue_tellings_by_id (
    id              INTEGER PRIMARY KEY,
    known_issue_id  INTEGER NOT NULL REFERENCES known_issues (id),
    customer_id     INTEGER NOT NULL REFERENCES customers (id),
    state           TEXT NOT NULL CHECK (state IN ('told', 'dismissed')),
    at              TEXT NOT NULL,
    UNIQUE (known_issue_id, customer_id)
);
INSERT INTO known_issue_tellings_by_id (known_issue_id, customer_id, state, at)
    SELECT known_issue_id, customer_id, state, at FROM known_issue_tellings
    ORDER BY at, known_issue_id, customer_id;
DROP TABLE known_issue_tellings;
ALTER TABLE known_issue_tellings_by_id RENAME TO known_issue_tellings;

CREATE TRIGGER sync_id_of_known_issues AFTER INSERT ON known_issues
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'known_issues', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'known_issues', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_known_issues AFTER UPDATE
    OF title, noticed, cause, workaround, what_changed, status, target_date, fixed_at, created_at
    ON known_issues
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'known_issues', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_removal_of_known_issues AFTER DELETE ON known_issues
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'known_issues' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'known_issues' AND local_id = OLD.id;
END;

CREATE TRIGGER sync_id_of_improvements AFTER INSERT ON improvements
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'improvements', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'improvements', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_improvements AFTER UPDATE
    OF what, complaint_id, known_issue_id, cause_id, due_date, done_date, cost_cents,
       check_after_days, check_date, worked_at, created_at
    ON improvements
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'improvements', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_removal_of_improvements AFTER DELETE ON improvements
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'improvements' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'improvements' AND local_id = OLD.id;
END;

-- A customer told of an issue on two computers is one row: its global id
-- is made from the issue's and the customer's.
CREATE TRIGGER sync_id_of_known_issue_tellings AFTER INSERT ON known_issue_tellings
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'known_issue_tellings', NEW.id,
               coalesce((SELECT uid FROM sync_ids WHERE tbl = 'known_issues' AND local_id = NEW.known_issue_id)
                        || ':' || (SELECT uid FROM sync_ids WHERE tbl = 'customers' AND local_id = NEW.customer_id),
                        lower(hex(randomblob(16))))
        FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'known_issue_tellings', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_known_issue_tellings AFTER UPDATE
    OF known_issue_id, customer_id, state, at
    ON known_issue_tellings
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'known_issue_tellings', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_removal_of_known_issue_tellings AFTER DELETE ON known_issue_tellings
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'known_issue_tellings' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'known_issue_tellings' AND local_id = OLD.id;
END;

-- Which known issue a complaint belongs to, and what a history line is
-- about, now shared too.
DROP TRIGGER sync_change_of_complaints;
CREATE TRIGGER sync_change_of_complaints AFTER UPDATE
    OF customer_id, summary, received_at, created_at, channel, is_public,
       customer_words, desired_outcome, reference, category_id, severity,
       cause_id, deleted_at, cleared_at, step, acknowledged_at,
       apologized_at, promised_date, fixed_at, last_outgoing_at, closed_at,
       close_reason, journey_at, known_issue_id
    ON complaints
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'complaints', NEW.id FROM sync_on;
END;
DROP TRIGGER sync_change_of_history;
CREATE TRIGGER sync_change_of_history AFTER UPDATE
    OF complaint_id, customer_id, at, who, what, known_issue_id, improvement_id
    ON history
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'history', NEW.id FROM sync_on;
END;

-- With sync on already, what was kept here alone is given out now: the
-- new rows with their ids, and the rows that gain a shared column (a
-- history line another computer already has keeps what it had: the
-- history is never changed).
INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
    SELECT 'known_issues', id, lower(hex(randomblob(16))) FROM known_issues, sync_on;
INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
    SELECT 'improvements', id, lower(hex(randomblob(16))) FROM improvements, sync_on;
INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
    SELECT 'known_issue_tellings', t.id,
           coalesce((SELECT uid FROM sync_ids WHERE tbl = 'known_issues' AND local_id = t.known_issue_id)
                    || ':' || (SELECT uid FROM sync_ids WHERE tbl = 'customers' AND local_id = t.customer_id),
                    lower(hex(randomblob(16))))
    FROM known_issue_tellings t, sync_on;
INSERT OR IGNORE INTO sync_pending (tbl, local_id)
    SELECT tbl, local_id FROM sync_ids, sync_on
    WHERE tbl IN ('known_issues', 'improvements', 'known_issue_tellings');
INSERT OR IGNORE INTO sync_pending (tbl, local_id)
    SELECT 'complaints', id FROM complaints, sync_on WHERE known_issue_id IS NOT NULL;
INSERT OR IGNORE INTO sync_pending (tbl, local_id)
    SELECT 'history', id FROM history, sync_on
    WHERE known_issue_id IS NOT NULL OR improvement_id IS NOT NULL;
