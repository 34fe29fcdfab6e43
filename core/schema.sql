CREATE TRIGGER attachment_bytes_go_with_it BEFORE DELETE ON attachments
BEGIN
    DELETE FROM attachment_contents WHERE attachment_id = OLD.id;
END;
CREATE TRIGGER history_is_append_only_delete BEFORE DELETE ON history
BEGIN
    SELECT RAISE(ABORT, 'the history is never deleted');
END;
CREATE TRIGGER history_is_append_only_update BEFORE UPDATE ON history
BEGIN
    SELECT RAISE(ABORT, 'the history is never changed');
END;
CREATE TRIGGER moved_reminder_rings_again AFTER UPDATE OF due_at ON reminders
    WHEN NEW.due_at != OLD.due_at AND NEW.notified_at IS NOT NULL
BEGIN
    UPDATE reminders SET notified_at = NULL WHERE id = NEW.id;
END;
CREATE TRIGGER sync_change_of_attachments AFTER UPDATE
    OF complaint_id, contact_id, name, media_type, size, added_at, content_hash
    ON attachments
    WHEN NEW.complaint_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'attachments', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'attachments', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_categories AFTER UPDATE
    OF name, retired_at
    ON categories
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'categories', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_causes AFTER UPDATE
    OF name, retired_at
    ON causes
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'causes', NEW.id FROM sync_on;
END;
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
CREATE TRIGGER sync_change_of_contacts AFTER UPDATE
    OF complaint_id, direction, channel, at, text, created_at
    ON contacts
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'contacts', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_customers AFTER UPDATE
    OF name, email, phone, notes, merged_into, created_at
    ON customers
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'customers', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_history AFTER UPDATE
    OF complaint_id, customer_id, at, who, what, known_issue_id, improvement_id
    ON history
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'history', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_improvements AFTER UPDATE
    OF what, complaint_id, known_issue_id, cause_id, due_date, done_date, cost_cents,
       check_after_days, check_date, worked_at, created_at
    ON improvements
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'improvements', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_known_issue_tellings AFTER UPDATE
    OF known_issue_id, customer_id, state, at
    ON known_issue_tellings
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'known_issue_tellings', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_known_issues AFTER UPDATE
    OF title, noticed, cause, workaround, what_changed, status, target_date, fixed_at, created_at
    ON known_issues
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'known_issues', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_reminder_endings AFTER UPDATE
    OF complaint_id, known_issue_id, improvement_id, kind, base_due_at, state, ended_at
    ON reminder_endings
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'reminder_endings', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_reminders AFTER UPDATE
    OF complaint_id, kind, note, base_due_at, due_at, state, ended_at, created_at
    ON reminders
    WHEN NEW.kind = 'custom' AND NEW.known_issue_id IS NULL AND NEW.improvement_id IS NULL
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'reminders', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_change_of_step_records AFTER UPDATE
    OF complaint_id, step, done_at, channel, text, promised_date, remedy,
       cost_cents, satisfaction, satisfied, close_reason, root_cause,
       preventive_action, check_in_date, created_at
    ON step_records
BEGIN
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'step_records', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_id_of_attachments AFTER INSERT ON attachments
    WHEN NEW.complaint_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'attachments', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'attachments', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_id_of_categories AFTER INSERT ON categories
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'categories', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'categories', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_id_of_causes AFTER INSERT ON causes
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'causes', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'causes', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_id_of_complaints AFTER INSERT ON complaints
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'complaints', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'complaints', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_id_of_contacts AFTER INSERT ON contacts
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'contacts', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'contacts', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_id_of_customers AFTER INSERT ON customers
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'customers', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'customers', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_id_of_history AFTER INSERT ON history
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'history', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'history', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_id_of_improvements AFTER INSERT ON improvements
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'improvements', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'improvements', NEW.id FROM sync_on;
END;
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
CREATE TRIGGER sync_id_of_known_issues AFTER INSERT ON known_issues
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'known_issues', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'known_issues', NEW.id FROM sync_on;
END;
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
CREATE TRIGGER sync_id_of_reminders AFTER INSERT ON reminders
    WHEN NEW.kind = 'custom' AND NEW.known_issue_id IS NULL AND NEW.improvement_id IS NULL
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'reminders', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'reminders', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_id_of_step_records AFTER INSERT ON step_records
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'step_records', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'step_records', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_removal_of_attachments AFTER DELETE ON attachments
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'attachments' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'attachments' AND local_id = OLD.id;
END;
CREATE TRIGGER sync_removal_of_categories AFTER DELETE ON categories
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'categories' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'categories' AND local_id = OLD.id;
END;
CREATE TRIGGER sync_removal_of_causes AFTER DELETE ON causes
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'causes' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'causes' AND local_id = OLD.id;
END;
CREATE TRIGGER sync_removal_of_complaints AFTER DELETE ON complaints
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'complaints' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'complaints' AND local_id = OLD.id;
END;
CREATE TRIGGER sync_removal_of_contacts AFTER DELETE ON contacts
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'contacts' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'contacts' AND local_id = OLD.id;
END;
CREATE TRIGGER sync_removal_of_customers AFTER DELETE ON customers
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'customers' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'customers' AND local_id = OLD.id;
END;
CREATE TRIGGER sync_removal_of_history AFTER DELETE ON history
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'history' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'history' AND local_id = OLD.id;
END;
CREATE TRIGGER sync_removal_of_improvements AFTER DELETE ON improvements
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'improvements' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'improvements' AND local_id = OLD.id;
END;
CREATE TRIGGER sync_removal_of_known_issue_tellings AFTER DELETE ON known_issue_tellings
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'known_issue_tellings' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'known_issue_tellings' AND local_id = OLD.id;
END;
CREATE TRIGGER sync_removal_of_known_issues AFTER DELETE ON known_issues
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'known_issues' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'known_issues' AND local_id = OLD.id;
END;
CREATE TRIGGER sync_removal_of_reminder_endings AFTER DELETE ON reminder_endings
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'reminder_endings' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'reminder_endings' AND local_id = OLD.id;
END;
CREATE TRIGGER sync_removal_of_reminders AFTER DELETE ON reminders
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'reminders' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'reminders' AND local_id = OLD.id;
END;
CREATE TRIGGER sync_removal_of_step_records AFTER DELETE ON step_records
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'step_records' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'step_records' AND local_id = OLD.id;
END;
CREATE TRIGGER sync_setting_added AFTER INSERT ON settings
    WHEN NEW.key IN ('business_name', 'owner_name', 'currency', 'reminder_acknowledge_hours',
                     'reminder_update_days', 'reminder_follow_up_days',
                     'reminder_check_in_enabled', 'reminder_check_in_days',
                     'template_issue_fixed')
BEGIN
    INSERT OR IGNORE INTO sync_settings_pending (key) SELECT 'settings/' || NEW.key FROM sync_on;
END;
CREATE TRIGGER sync_setting_changed AFTER UPDATE OF value ON settings
    WHEN NEW.key IN ('business_name', 'owner_name', 'currency', 'reminder_acknowledge_hours',
                     'reminder_update_days', 'reminder_follow_up_days',
                     'reminder_check_in_enabled', 'reminder_check_in_days',
                     'template_issue_fixed')
BEGIN
    INSERT OR IGNORE INTO sync_settings_pending (key) SELECT 'settings/' || NEW.key FROM sync_on;
END;
CREATE TRIGGER sync_setting_removed AFTER DELETE ON settings
    WHEN OLD.key IN ('business_name', 'owner_name', 'currency', 'reminder_acknowledge_hours',
                     'reminder_update_days', 'reminder_follow_up_days',
                     'reminder_check_in_enabled', 'reminder_check_in_days',
                     'template_issue_fixed')
BEGIN
    INSERT OR IGNORE INTO sync_settings_pending (key) SELECT 'settings/' || OLD.key FROM sync_on;
END;
CREATE TRIGGER sync_template_added AFTER INSERT ON templates
BEGIN
    INSERT OR IGNORE INTO sync_settings_pending (key) SELECT 'templates/' || NEW.step FROM sync_on;
END;
CREATE TRIGGER sync_template_changed AFTER UPDATE OF body ON templates
BEGIN
    INSERT OR IGNORE INTO sync_settings_pending (key) SELECT 'templates/' || NEW.step FROM sync_on;
END;
CREATE TRIGGER sync_template_removed AFTER DELETE ON templates
BEGIN
    INSERT OR IGNORE INTO sync_settings_pending (key) SELECT 'templates/' || OLD.step FROM sync_on;
END;
CREATE TABLE attachment_contents (
    attachment_id  INTEGER PRIMARY KEY REFERENCES attachments (id),
    bytes          BLOB NOT NULL,
    thumbnail      BLOB
);
CREATE TABLE attachments (
    id            INTEGER PRIMARY KEY,
    complaint_id  INTEGER REFERENCES complaints (id),
    contact_id    INTEGER REFERENCES contacts (id),
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    media_type    TEXT NOT NULL,
    size          INTEGER NOT NULL CHECK (size > 0),
    added_at      TEXT NOT NULL, content_hash TEXT,
    CHECK (contact_id IS NULL OR complaint_id IS NOT NULL)
);
CREATE TABLE categories (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    retired_at  TEXT
);
CREATE TABLE causes (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    retired_at  TEXT
);
CREATE TABLE checklist_ticks (
    complaint_id  INTEGER NOT NULL REFERENCES complaints (id),
    step          TEXT NOT NULL,
    item          TEXT NOT NULL,
    ticked_at     TEXT NOT NULL,
    PRIMARY KEY (complaint_id, step, item)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE complaint_search USING fts5 (
    body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2'
);
CREATE TABLE 'complaint_search_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TABLE 'complaint_search_content'(id INTEGER PRIMARY KEY, c0);
CREATE TABLE 'complaint_search_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE 'complaint_search_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE 'complaint_search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE complaints (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers (id),
    summary      TEXT NOT NULL CHECK (length(trim(summary)) > 0),
    received_at  TEXT NOT NULL,
    created_at   TEXT NOT NULL
, channel TEXT NOT NULL DEFAULT 'other'
    CHECK (channel IN ('phone', 'email', 'in_person', 'review', 'social', 'letter', 'other')), is_public INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1)), customer_words TEXT NOT NULL DEFAULT '', desired_outcome TEXT NOT NULL DEFAULT '', reference TEXT NOT NULL DEFAULT '', category_id INTEGER REFERENCES categories (id), severity TEXT NOT NULL DEFAULT 'normal'
    CHECK (severity IN ('low', 'normal', 'high', 'urgent')), step TEXT NOT NULL DEFAULT 'acknowledge'
    CHECK (step IN ('acknowledge', 'apologize', 'assure', 'fix', 'follow_up', 'close')), acknowledged_at TEXT, apologized_at TEXT, promised_date TEXT, fixed_at TEXT, last_outgoing_at TEXT, closed_at TEXT, close_reason TEXT
    CHECK (close_reason IN ('resolved', 'withdrawn', 'unreachable', 'other')), deleted_at TEXT, cleared_at TEXT, cause_id INTEGER REFERENCES causes (id), known_issue_id INTEGER REFERENCES known_issues (id), first_fixed_at TEXT, satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5), remedy_cents INTEGER NOT NULL DEFAULT 0, reopened INTEGER NOT NULL DEFAULT 0 CHECK (reopened IN (0, 1)), journey_at TEXT);
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
CREATE TABLE customers (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    created_at  TEXT NOT NULL
, email TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '', merged_into INTEGER REFERENCES customers (id));
CREATE TABLE history (
    id            INTEGER PRIMARY KEY,
    complaint_id  INTEGER REFERENCES complaints (id),
    customer_id   INTEGER REFERENCES customers (id),
    at            TEXT NOT NULL,
    who           TEXT NOT NULL,
    what          TEXT NOT NULL
, known_issue_id INTEGER REFERENCES known_issues (id), improvement_id INTEGER REFERENCES improvements (id));
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
CREATE TABLE "known_issue_tellings" (
    id              INTEGER PRIMARY KEY,
    known_issue_id  INTEGER NOT NULL REFERENCES known_issues (id),
    customer_id     INTEGER NOT NULL REFERENCES customers (id),
    state           TEXT NOT NULL CHECK (state IN ('told', 'dismissed')),
    at              TEXT NOT NULL,
    UNIQUE (known_issue_id, customer_id)
);
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
CREATE TABLE "reminders" (
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
, improvement_id INTEGER REFERENCES improvements (id));
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
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
CREATE TABLE sync_chunks (
    seq       INTEGER PRIMARY KEY,
    computer  TEXT NOT NULL,
    number    INTEGER,
    name      TEXT UNIQUE,
    bytes     BLOB NOT NULL
);
CREATE TABLE sync_conflicts (
    tbl     TEXT NOT NULL,
    uid     TEXT NOT NULL,
    field   TEXT NOT NULL,
    vals    TEXT NOT NULL,
    PRIMARY KEY (tbl, uid, field)
) WITHOUT ROWID;
CREATE TABLE sync_ids (
    tbl       TEXT NOT NULL,
    local_id  INTEGER NOT NULL,
    uid       TEXT NOT NULL UNIQUE,
    PRIMARY KEY (tbl, local_id)
) WITHOUT ROWID;
CREATE TABLE sync_on (
    only  INTEGER PRIMARY KEY CHECK (only = 1)
);
CREATE TABLE sync_pending (
    tbl       TEXT NOT NULL,
    local_id  INTEGER NOT NULL,
    PRIMARY KEY (tbl, local_id)
) WITHOUT ROWID;
CREATE TABLE sync_removed (
    tbl  TEXT NOT NULL,
    uid  TEXT NOT NULL,
    PRIMARY KEY (tbl, uid)
) WITHOUT ROWID;
CREATE TABLE sync_settings_pending (
    key  TEXT PRIMARY KEY
) WITHOUT ROWID;
CREATE TABLE sync_settled (
    tbl       TEXT NOT NULL,
    local_id  INTEGER NOT NULL,
    field     TEXT NOT NULL,
    PRIMARY KEY (tbl, local_id, field)
) WITHOUT ROWID;
CREATE TABLE sync_waiting (
    key  TEXT PRIMARY KEY
) WITHOUT ROWID;
CREATE TABLE templates (
    step        TEXT PRIMARY KEY
        CHECK (step IN ('receive', 'acknowledge', 'apologize', 'assure', 'fix', 'follow_up', 'close')),
    body        TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX attachments_by_complaint ON attachments (complaint_id, id);
CREATE INDEX attachments_by_contact ON attachments (contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX complaints_by_category ON complaints (category_id, received_at);
CREATE INDEX complaints_by_category_and_promise
    ON complaints (category_id, promised_date IS NULL, promised_date, received_at DESC, id DESC);
CREATE INDEX complaints_by_cause ON complaints (cause_id, closed_at) WHERE cause_id IS NOT NULL;
CREATE INDEX complaints_by_customer ON complaints (customer_id);
CREATE INDEX complaints_by_known_issue ON complaints (known_issue_id, received_at)
    WHERE known_issue_id IS NOT NULL;
CREATE INDEX complaints_by_promise
    ON complaints (promised_date IS NULL, promised_date, received_at DESC, id DESC);
CREATE INDEX complaints_by_promise_closed_last
    ON complaints (closed_at IS NOT NULL, promised_date IS NULL, promised_date, received_at DESC, id DESC);
CREATE INDEX complaints_by_promised_date ON complaints (promised_date) WHERE promised_date IS NOT NULL;
CREATE INDEX complaints_by_received_at ON complaints (received_at);
CREATE INDEX complaints_by_severity ON complaints (severity, received_at);
CREATE INDEX complaints_by_severity_and_promise
    ON complaints (severity, promised_date IS NULL, promised_date, received_at DESC, id DESC);
CREATE INDEX complaints_by_step ON complaints (step, received_at);
CREATE INDEX complaints_deleted ON complaints (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX complaints_for_patterns ON complaints
    (received_at, channel, is_public, category_id, cause_id, known_issue_id, customer_id,
     acknowledged_at, closed_at, promised_date, first_fixed_at, satisfaction, remedy_cents, reopened)
    WHERE deleted_at IS NULL;
CREATE INDEX complaints_open ON complaints (received_at) WHERE closed_at IS NULL;
CREATE INDEX complaints_open_by_last_update
    ON complaints (coalesce(last_outgoing_at, received_at), id)
    WHERE closed_at IS NULL;
CREATE INDEX complaints_open_by_promise
    ON complaints (promised_date IS NULL, promised_date, received_at DESC, id DESC)
    WHERE closed_at IS NULL;
CREATE INDEX complaints_open_by_step ON complaints (step, fixed_at, id)
    WHERE closed_at IS NULL;
CREATE INDEX complaints_promised_not_fixed ON complaints (promised_date)
    WHERE closed_at IS NULL AND fixed_at IS NULL;
CREATE INDEX complaints_to_acknowledge
    ON complaints (severity = 'urgent' DESC, received_at, id)
    WHERE closed_at IS NULL AND acknowledged_at IS NULL;
CREATE INDEX contacts_by_complaint ON contacts (complaint_id, at);
CREATE INDEX customers_by_name ON customers (name COLLATE NOCASE);
CREATE INDEX history_by_complaint ON history (complaint_id, id);
CREATE INDEX history_by_customer ON history (customer_id, id);
CREATE INDEX history_by_improvement ON history (improvement_id, id) WHERE improvement_id IS NOT NULL;
CREATE INDEX history_by_known_issue ON history (known_issue_id, id)
    WHERE known_issue_id IS NOT NULL;
CREATE INDEX improvements_by_complaint ON improvements (complaint_id) WHERE complaint_id IS NOT NULL;
CREATE INDEX improvements_by_known_issue ON improvements (known_issue_id) WHERE known_issue_id IS NOT NULL;
CREATE UNIQUE INDEX reminder_endings_of_complaints ON reminder_endings
    (complaint_id, kind, base_due_at) WHERE complaint_id IS NOT NULL;
CREATE UNIQUE INDEX reminder_endings_of_improvements ON reminder_endings
    (improvement_id, kind, base_due_at) WHERE improvement_id IS NOT NULL;
CREATE UNIQUE INDEX reminder_endings_of_known_issues ON reminder_endings
    (known_issue_id, kind, base_due_at) WHERE known_issue_id IS NOT NULL;
CREATE INDEX reminders_by_complaint ON reminders (complaint_id, kind);
CREATE INDEX reminders_by_improvement ON reminders (improvement_id, kind)
    WHERE improvement_id IS NOT NULL;
CREATE INDEX reminders_by_known_issue ON reminders (known_issue_id, kind)
    WHERE known_issue_id IS NOT NULL;
CREATE INDEX reminders_open_by_due ON reminders (due_at) WHERE state = 'open';
CREATE INDEX step_records_by_complaint ON step_records (complaint_id, id);
