-- Known issues: a problem behind one or more complaints, with what customers
-- notice, its cause, a workaround to tell them meanwhile, and its status; a
-- complaint belongs to at most one. When it is fixed, each customer behind it
-- is told (or passed over), once.
CREATE TABLE known_issues (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
    noticed       TEXT NOT NULL DEFAULT '',
    cause         TEXT NOT NULL DEFAULT '',
    workaround    TEXT NOT NULL DEFAULT '',
    what_changed  TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'being_fixed', 'fixed', 'checked')),
    target_date   TEXT,
    fixed_at      TEXT,
    created_at    TEXT NOT NULL
);

ALTER TABLE complaints ADD COLUMN known_issue_id INTEGER REFERENCES known_issues (id);
CREATE INDEX complaints_by_known_issue ON complaints (known_issue_id, received_at)
    WHERE known_issue_id IS NOT NULL;

-- A line of the history may be about a known issue (a link, a status).
ALTER TABLE history ADD COLUMN known_issue_id INTEGER REFERENCES known_issues (id);
CREATE INDEX history_by_known_issue ON history (known_issue_id, id)
    WHERE known_issue_id IS NOT NULL;

CREATE TABLE known_issue_tellings (
    known_issue_id  INTEGER NOT NULL REFERENCES known_issues (id),
    customer_id     INTEGER NOT NULL REFERENCES customers (id),
    state           TEXT NOT NULL CHECK (state IN ('told', 'dismissed')),
    at              TEXT NOT NULL,
    PRIMARY KEY (known_issue_id, customer_id)
) WITHOUT ROWID;

-- Reminders may now be about a known issue (its target date, the customers
-- still to tell) and, later, about an improvement; SQLite changes a CHECK
-- only by building the table again, rows and ids kept.
CREATE TABLE reminders_new (
    id              INTEGER PRIMARY KEY,
    complaint_id    INTEGER REFERENCES complaints (id),
    known_issue_id  INTEGER REFERENCES known_issues (id),
    kind            TEXT NOT NULL CHECK (kind IN
        ('acknowledge', 'promise_eve', 'promise_day', 'update', 'follow_up', 'check_in', 'custom',
         'issue_target_eve', 'issue_target_day', 'tell_customers', 'action_due', 'action_check')),
    note            TEXT NOT NULL DEFAULT '',
    base_due_at     TEXT NOT NULL,
    due_at          TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'dismissed')),
    notified_at     TEXT,
    created_at      TEXT NOT NULL,
    ended_at        TEXT
);
INSERT INTO reminders_new (id, complaint_id, kind, note, base_due_at, due_at, state, notified_at,
                           created_at, ended_at)
    SELECT id, complaint_id, kind, note, base_due_at, due_at, state, notified_at, created_at, ended_at
    FROM reminders;
DROP TABLE reminders;
ALTER TABLE reminders_new RENAME TO reminders;
CREATE INDEX reminders_open_by_due ON reminders (due_at) WHERE state = 'open';
CREATE INDEX reminders_by_complaint ON reminders (complaint_id, kind);
CREATE INDEX reminders_by_known_issue ON reminders (known_issue_id, kind)
    WHERE known_issue_id IS NOT NULL;
