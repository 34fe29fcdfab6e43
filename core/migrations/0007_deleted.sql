-- A complaint entered by mistake is deleted into a "Deleted" list for 30
-- days, from which it can be brought back; lists, Today, reports and
-- reminders leave it out meanwhile. After 30 days its content is cleared and
-- only the row remains, for the history that names it.
ALTER TABLE complaints ADD COLUMN deleted_at TEXT;
-- Set once its content is cleared, after 30 days in the Deleted list.
ALTER TABLE complaints ADD COLUMN cleared_at TEXT;
CREATE INDEX complaints_deleted ON complaints (deleted_at) WHERE deleted_at IS NOT NULL;
