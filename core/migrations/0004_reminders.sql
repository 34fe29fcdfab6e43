-- Reminders: the ones that follow a complaint's state, and the owner's own.
-- `base_due_at` is when the complaint's state makes it due; `due_at` is when
-- it rings, later when snoozed. `notified_at` is set once the desktop was
-- told, so nothing is notified twice, even across restarts.
CREATE TABLE reminders (
    id            INTEGER PRIMARY KEY,
    complaint_id  INTEGER REFERENCES complaints (id),
    kind          TEXT NOT NULL CHECK (kind IN
        ('acknowledge', 'promise_eve', 'promise_day', 'update', 'follow_up', 'check_in', 'custom')),
    note          TEXT NOT NULL DEFAULT '',
    base_due_at   TEXT NOT NULL,
    due_at        TEXT NOT NULL,
    state         TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'dismissed')),
    notified_at   TEXT,
    created_at    TEXT NOT NULL,
    ended_at      TEXT
);
CREATE INDEX reminders_open_by_due ON reminders (due_at) WHERE state = 'open';
CREATE INDEX reminders_by_complaint ON reminders (complaint_id, kind);
