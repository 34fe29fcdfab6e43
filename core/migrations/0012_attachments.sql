-- Files kept with a complaint or one of its timeline entries: photos, PDFs,
-- anything up to 25 MB. The bytes are kept in the database itself, so a
-- file is either wholly added or not at all, and backups, restore, recovery
-- and copying the data folder carry them with everything else.
--
-- A file added while a new complaint is still being written waits with no
-- complaint (complaint_id NULL) until the complaint is saved.
CREATE TABLE attachments (
    id            INTEGER PRIMARY KEY,
    complaint_id  INTEGER REFERENCES complaints (id),
    contact_id    INTEGER REFERENCES contacts (id),
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    media_type    TEXT NOT NULL,
    size          INTEGER NOT NULL CHECK (size > 0),
    added_at      TEXT NOT NULL,
    CHECK (contact_id IS NULL OR complaint_id IS NOT NULL)
);
CREATE INDEX attachments_by_complaint ON attachments (complaint_id, id);
CREATE INDEX attachments_by_contact ON attachments (contact_id) WHERE contact_id IS NOT NULL;

-- The bytes, apart, so that listing a complaint's files never reads them;
-- an image also has a small thumbnail (a JPEG) made when it was added.
CREATE TABLE attachment_contents (
    attachment_id  INTEGER PRIMARY KEY REFERENCES attachments (id),
    bytes          BLOB NOT NULL,
    thumbnail      BLOB
);
