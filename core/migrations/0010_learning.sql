-- Improvements: each change the owner makes so a problem does not happen
-- again, from a complaint's lesson or from a known issue, with a due date, a
-- done date, its cost, and a check some days after it is done: did the
-- complaints with that cause (or that known issue) stop?
CREATE TABLE improvements (
    id                INTEGER PRIMARY KEY,
    what              TEXT NOT NULL CHECK (length(trim(what)) > 0),
    complaint_id      INTEGER REFERENCES complaints (id),
    known_issue_id    INTEGER REFERENCES known_issues (id),
    cause_id          INTEGER REFERENCES causes (id),
    due_date          TEXT,
    done_date         TEXT,
    cost_cents        INTEGER CHECK (cost_cents >= 0),
    check_after_days  INTEGER NOT NULL DEFAULT 30 CHECK (check_after_days BETWEEN 1 AND 3650),
    -- When its effectiveness is checked next: set when it is done, moved by "not yet".
    check_date        TEXT,
    worked_at         TEXT,
    created_at        TEXT NOT NULL
);
CREATE INDEX improvements_by_complaint ON improvements (complaint_id) WHERE complaint_id IS NOT NULL;
CREATE INDEX improvements_by_known_issue ON improvements (known_issue_id) WHERE known_issue_id IS NOT NULL;

-- A line of the history may be about an improvement.
ALTER TABLE history ADD COLUMN improvement_id INTEGER REFERENCES improvements (id);
CREATE INDEX history_by_improvement ON history (improvement_id, id) WHERE improvement_id IS NOT NULL;

ALTER TABLE reminders ADD COLUMN improvement_id INTEGER REFERENCES improvements (id);
CREATE INDEX reminders_by_improvement ON reminders (improvement_id, kind)
    WHERE improvement_id IS NOT NULL;

-- The preventive actions written at close before this become improvements,
-- so none is forgotten (the latest close of each complaint).
INSERT INTO improvements (what, complaint_id, known_issue_id, cause_id, created_at)
    SELECT trim(s.preventive_action), s.complaint_id, c.known_issue_id, c.cause_id, s.created_at
    FROM step_records s JOIN complaints c ON c.id = s.complaint_id
    WHERE s.step = 'close' AND length(trim(s.preventive_action)) > 0
      AND s.id = (SELECT max(id) FROM step_records
                  WHERE complaint_id = s.complaint_id AND step = 'close');

-- What each complaint came to, kept on it (by the after-write work) so that
-- Patterns reads one row per complaint: when it was first fixed, the latest
-- satisfaction, what its remedies cost, and whether it came back (unhappy at
-- a follow-up, or reopened after closing).
ALTER TABLE complaints ADD COLUMN first_fixed_at TEXT;
ALTER TABLE complaints ADD COLUMN satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5);
ALTER TABLE complaints ADD COLUMN remedy_cents INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN reopened INTEGER NOT NULL DEFAULT 0 CHECK (reopened IN (0, 1));
UPDATE complaints SET
    first_fixed_at = (SELECT min(done_at) FROM step_records WHERE complaint_id = complaints.id AND step = 'fix'),
    satisfaction = (SELECT satisfaction FROM step_records
                    WHERE complaint_id = complaints.id AND step = 'follow_up' AND satisfaction IS NOT NULL
                    ORDER BY id DESC LIMIT 1),
    remedy_cents = (SELECT coalesce(sum(cost_cents), 0) FROM step_records
                    WHERE complaint_id = complaints.id AND step = 'fix'),
    reopened = EXISTS (SELECT 1 FROM step_records
                       WHERE complaint_id = complaints.id AND step = 'follow_up' AND satisfied = 0)
            OR EXISTS (SELECT 1 FROM history
                       WHERE complaint_id = complaints.id AND what LIKE 'Reopened the complaint%');

-- Patterns reads a year of complaints at a time: from this narrow index,
-- not from the wide rows with all their words.
CREATE INDEX complaints_for_patterns ON complaints
    (received_at, channel, is_public, category_id, cause_id, known_issue_id, customer_id,
     acknowledged_at, closed_at, promised_date, first_fixed_at, satisfaction, remedy_cents, reopened)
    WHERE deleted_at IS NULL;
