-- The owner's settings and wording on two computers (core/src/sync): the
-- business's and the owner's names, the currency, the reminder delays and
-- the templates. Each computer's own (its sync, its tray, its welcome) stay
-- its own. A change to a shared one is noted for the next round, by its key
-- in the shared document.
CREATE TABLE sync_settings_pending (
    key  TEXT PRIMARY KEY
) WITHOUT ROWID;

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
