-- Indexes that let the list and Today read a page straight off an index, in
-- the order they show it, instead of sorting every complaint that matches;
-- and prefix indexes for the search, whose one- and two-letter words (what
-- the owner has typed when a search starts) otherwise read the whole index.

-- The list by promised date (no promise last), of all complaints or the open ones.
CREATE INDEX complaints_by_promise
    ON complaints (promised_date IS NULL, promised_date, received_at DESC, id DESC);
CREATE INDEX complaints_open_by_promise
    ON complaints (promised_date IS NULL, promised_date, received_at DESC, id DESC)
    WHERE closed_at IS NULL;
-- ... and of one category or one severity.
CREATE INDEX complaints_by_category_and_promise
    ON complaints (category_id, promised_date IS NULL, promised_date, received_at DESC, id DESC);
CREATE INDEX complaints_by_severity_and_promise
    ON complaints (severity, promised_date IS NULL, promised_date, received_at DESC, id DESC);

-- Today: to acknowledge, urgent first, then the oldest.
CREATE INDEX complaints_to_acknowledge
    ON complaints (severity = 'urgent' DESC, received_at, id)
    WHERE closed_at IS NULL AND acknowledged_at IS NULL;

-- Today's promises due, and the overdue filter.
CREATE INDEX complaints_promised_not_fixed ON complaints (promised_date)
    WHERE closed_at IS NULL AND fixed_at IS NULL;

-- Today's follow-ups (the open complaints at a step, by when they were fixed).
CREATE INDEX complaints_open_by_step ON complaints (step, fixed_at, id)
    WHERE closed_at IS NULL;

-- Today's customers to update: by the last time they heard from the owner.
CREATE INDEX complaints_open_by_last_update
    ON complaints (coalesce(last_outgoing_at, received_at), id)
    WHERE closed_at IS NULL;

-- FTS5 cannot add prefix indexes to a table, so the search index is built
-- again, with the same documents as `store::search::refresh` writes.
DROP TABLE complaint_search;
CREATE VIRTUAL TABLE complaint_search USING fts5 (
    body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2'
);
INSERT INTO complaint_search (rowid, body)
SELECT c.id,
       k.name || ' ' || c.summary || ' ' || c.customer_words || ' ' ||
       c.desired_outcome || ' ' || c.reference || ' ' ||
       coalesce((SELECT group_concat(text, ' ') FROM contacts WHERE complaint_id = c.id), '') || ' ' ||
       coalesce((SELECT group_concat(text || ' ' || root_cause || ' ' || preventive_action, ' ')
                 FROM step_records WHERE complaint_id = c.id), '')
FROM complaints c JOIN customers k ON k.id = c.customer_id;
