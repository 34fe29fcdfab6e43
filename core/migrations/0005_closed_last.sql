-- The list by promised date with the closed complaints last (their promises
-- no longer count), read straight off an index as the other orders are.
CREATE INDEX complaints_by_promise_closed_last
    ON complaints (closed_at IS NOT NULL, promised_date IS NULL, promised_date, received_at DESC, id DESC);
