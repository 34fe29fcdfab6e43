-- Photos and files on two computers (core/src/sync). A file kept with a
-- complaint is shared as a record, with the SHA-256 of its bytes; the bytes
-- go through the shared folder as a file of their own, named by that hash.
-- A file waiting for a new complaint is not shared until it is kept.
ALTER TABLE attachments ADD COLUMN content_hash TEXT;

CREATE TRIGGER sync_id_of_attachments AFTER INSERT ON attachments
    WHEN NEW.complaint_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'attachments', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'attachments', NEW.id FROM sync_on;
END;
-- Kept at last (a new complaint saved with it): shared from then on.
CREATE TRIGGER sync_change_of_attachments AFTER UPDATE
    OF complaint_id, contact_id, name, media_type, size, added_at, content_hash
    ON attachments
    WHEN NEW.complaint_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
        SELECT 'attachments', NEW.id, lower(hex(randomblob(16))) FROM sync_on;
    INSERT OR IGNORE INTO sync_pending (tbl, local_id) SELECT 'attachments', NEW.id FROM sync_on;
END;
CREATE TRIGGER sync_removal_of_attachments AFTER DELETE ON attachments
BEGIN
    INSERT OR IGNORE INTO sync_removed (tbl, uid)
        SELECT tbl, uid FROM sync_ids WHERE tbl = 'attachments' AND local_id = OLD.id AND EXISTS (SELECT 1 FROM sync_on);
    DELETE FROM sync_ids WHERE tbl = 'attachments' AND local_id = OLD.id;
END;
-- A file removed on another computer takes its bytes with it here.
CREATE TRIGGER attachment_bytes_go_with_it BEFORE DELETE ON attachments
BEGIN
    DELETE FROM attachment_contents WHERE attachment_id = OLD.id;
END;

-- With sync on already, the files kept before are given out too (their
-- hashes are worked out before the next file to the other computers).
INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
    SELECT 'attachments', id, lower(hex(randomblob(16))) FROM attachments, sync_on
    WHERE complaint_id IS NOT NULL;
INSERT OR IGNORE INTO sync_pending (tbl, local_id)
    SELECT 'attachments', id FROM attachments, sync_on WHERE complaint_id IS NOT NULL;
