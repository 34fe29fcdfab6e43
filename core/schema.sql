CREATE TABLE complaints (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers (id),
    summary      TEXT NOT NULL CHECK (length(trim(summary)) > 0),
    received_at  TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE TABLE customers (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    created_at  TEXT NOT NULL
);
CREATE INDEX complaints_by_customer ON complaints (customer_id);
CREATE INDEX complaints_by_received_at ON complaints (received_at);
