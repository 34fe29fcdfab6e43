-- Reminders and journeys on two computers (core/src/sync). A reminder the
-- owner sets by hand is shared as it is. A reminder Mend works out (from a
-- complaint, a known issue or an improvement) is worked out on each
-- computer; what is shared is the owner ending it (done or dismissed), so
-- that the other computer does not ring it again.

-- A derived reminder the owner ended: the reminder is known by what it is
-- about (one of a complaint, a known issue, an improvement), its kind and
-- the moment it was first due for.
CREATE TABLE reminder_endings (
    id              INTEGER PRIMARY KEY,
    complaint_id    INTEGER REFERENCES complaints (id),
    known_issue_id  INTEGER REFERENCES known_issues (id),
    improvement_id  INTEGER REFERENCES improvements (id),
    kind            TEXT NOT NULL,
    base_due_at     TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('done', 'dismissed')),
    ended_at        TEXT NOT NULL,
    CHECK ((complaint_id IS NOT NULL) + (known_issue_id IS NOT NULL)
           + (improvement_id IS NOT NULL) = 1)
);
CREATE UNIQUE INDEX reminder_endings_of_complaints ON reminder_endings
    (complaint_id, kind, base_due_at) WHERE complaint_id IS NOT NULL;
CREATE UNIQUE INDEX reminder_endings_of_known_issues ON reminder_endings
    (known_issue_id, kind, base_due_at) WHERE known_issue_id IS NOT NULL;
CREATE UNIQUE INDEX reminder_endings_of_improvements ON reminder_endings
    (improvement_id, kind, base_due_at) WHERE improvement_id IS NOT NULL;

-- Its global id is made from what it is about, the same on every computer,
-- so an ending made on two computers is one row.
CREATE TRIGGER sync_id_of_reminder_endings AFTER INSERT ON reminder_endings
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'reminder_endings', NEW.id,
               coalesce(coalesce((SELECT uid FROM sync_ids WHERE tbl = 'complaints' AND local_id = NEW.complaint_id),
                                 (SELECT uid FROM sync_ids WHERE tbl = 'known_issues' AND local_id = NEW.known_issue_id),
                                 (SELECT uid FROM sync_ids WHERE tbl = 'improvements' AND local_id = NEW.improvement_id))
                        || ':' || NEW.kind || ':' || NEW.base_due_at,
                        lower(hex(randomblob(16))))
        FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'reminder_endings', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_reminder_endings AFTER UPDATE
    OF complaint_id, known_issue_id, improvement_id, kind, base_due_at, state, ended_at
    ON reminder_endings
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'reminder_endings', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_removal_of_reminder_endings AFTER DELETE ON reminder_endings
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'reminder_endings' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'reminder_endings' AND local_id = OLD.id;
END;

-- The derived reminders of complaints ended before this version (with
-- sync on, given out like any ending: alike from every computer, so once).
INSERT INTO reminder_endings (complaint_id, known_issue_id, improvement_id, kind, base_due_at,
                              state, ended_at)
    SELECT complaint_id, known_issue_id, improvement_id, kind, base_due_at, state,
           coalesce(ended_at, created_at)
    FROM reminders
    WHERE state != 'open' AND kind != 'custom'
      AND (complaint_id IS NOT NULL) + (known_issue_id IS NOT NULL) + (improvement_id IS NOT NULL) = 1
    GROUP BY complaint_id, known_issue_id, improvement_id, kind, base_due_at;

-- The owner's own reminders (about a complaint or not) are shared whole;
-- when it was notified stays each computer's own.
CREATE TRIGGER sync_id_of_reminders AFTER INSERT ON reminders
    WHEN NEW.kind = 'custom' AND NEW.known_issue_id IS NULL AND NEW.improvement_id IS NULL
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'reminders', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'reminders', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_reminders AFTER UPDATE
    OF complaint_id, kind, note, base_due_at, due_at, state, ended_at, created_at
    ON reminders
    WHEN NEW.kind = 'custom' AND NEW.known_issue_id IS NULL AND NEW.improvement_id IS NULL
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'reminders', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_removal_of_reminders AFTER DELETE ON reminders
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'reminders' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'reminders' AND local_id = OLD.id;
END;
-- With sync on already, the owner's own reminders made before are given
-- out too.
INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
    SELECT 'reminders', id, lower(hex(randomblob(16))) FROM reminders, sync_on
    WHERE kind = 'custom' AND known_issue_id IS NULL AND improvement_id IS NULL;
INSERT OR IGNORE INTO sync_pending (tbl, local_id)
    SELECT 'reminders', id FROM reminders, sync_on
    WHERE kind = 'custom' AND known_issue_id IS NULL AND improvement_id IS NULL;
-- Moved on another computer (snoozed, say): it rings again here too.
CREATE TRIGGER moved_reminder_rings_again AFTER UPDATE OF due_at ON reminders
    WHEN NEW.due_at != OLD.due_at AND NEW.notified_at IS NOT NULL
BEGIN
    UPDATE reminders SET notified_at = NULL WHERE id = NEW.id;
END;

-- When the complaint last moved on its journey (a step recorded, closed,
-- reopened). Two computers that moved it at once: the later move wins,
-- whole (not a field from each), and the history keeps both.
ALTER TABLE complaints ADD COLUMN journey_at TEXT;
DROP TRIGGER sync_change_of_complaints;
CREATE TRIGGER sync_change_of_complaints AFTER UPDATE
    OF customer_id, summary, received_at, created_at, channel, is_public,
       customer_words, desired_outcome, reference, category_id, severity,
       cause_id, deleted_at, cleared_at, step, acknowledged_at,
       apologized_at, promised_date, fixed_at, last_outgoing_at, closed_at,
       close_reason, journey_at
    ON complaints
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'complaints', NEW.id FROM sync_on;
END;
