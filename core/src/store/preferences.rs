//! The owner's preferences for reminders and for how Mend runs on the
//! desktop, kept as key and value in the settings table.

use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};

use super::derived::{
    self, ACKNOWLEDGE_HOURS, CHECK_IN_DAYS, CHECK_IN_ENABLED, FOLLOW_UP_DAYS, UPDATE_DAYS,
};
use super::timeline::log;
use super::Store;
use crate::error::{Error, Result};
use crate::reminders::ReminderSettings;

/// How Mend behaves on the desktop; both are opt-in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DesktopSettings {
    /// Closing the window keeps Mend running in the tray, to remind on time.
    pub keep_running_in_tray: bool,
    pub start_at_login: bool,
}

const KEEP_IN_TRAY: &str = "keep_running_in_tray";
const START_AT_LOGIN: &str = "start_at_login";
const TOLD_ABOUT_TRAY: &str = "told_about_tray";
const WELCOMED: &str = "welcomed";

fn flag(conn: &Connection, key: &str) -> Result<bool> {
    Ok(derived::setting(conn, key)?.as_deref() == Some("1"))
}

/// Sets one of the settings table's values (added, or replaced).
pub(crate) fn put(tx: &Transaction<'_>, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// A delay the owner typed, within sensible bounds.
fn check_delay(value: u32, what: &str, min: u32, max: u32) -> Result<()> {
    if value < min || value > max {
        return Err(Error::InvalidInput(format!(
            "The {what} must be between {min} and {max}."
        )));
    }
    Ok(())
}

impl Store {
    pub fn reminder_settings(&self) -> Result<ReminderSettings> {
        derived::reminder_settings(&self.conn)
    }

    /// Saves the delays, and moves every reminder that follows them.
    pub fn save_reminder_settings(
        &mut self,
        settings: &ReminderSettings,
    ) -> Result<ReminderSettings> {
        check_delay(
            settings.acknowledge_after_hours,
            "hours before acknowledging",
            0,
            168,
        )?;
        check_delay(settings.update_after_days, "days before an update", 1, 60)?;
        check_delay(
            settings.follow_up_after_days,
            "days before the follow-up",
            1,
            60,
        )?;
        check_delay(
            settings.check_in_after_days,
            "days before the check-in",
            1,
            365,
        )?;
        let now = self.clock.now();
        self.write(|tx| {
            put(
                tx,
                ACKNOWLEDGE_HOURS,
                &settings.acknowledge_after_hours.to_string(),
            )?;
            put(tx, UPDATE_DAYS, &settings.update_after_days.to_string())?;
            put(
                tx,
                FOLLOW_UP_DAYS,
                &settings.follow_up_after_days.to_string(),
            )?;
            put(
                tx,
                CHECK_IN_ENABLED,
                if settings.check_in_enabled { "1" } else { "0" },
            )?;
            put(tx, CHECK_IN_DAYS, &settings.check_in_after_days.to_string())?;
            log(tx, None, None, now, "Changed the reminder delays")?;
            tx.delays_changed();
            Ok(())
        })?;
        self.reminder_settings()
    }

    pub fn desktop_settings(&self) -> Result<DesktopSettings> {
        Ok(DesktopSettings {
            keep_running_in_tray: flag(&self.conn, KEEP_IN_TRAY)?,
            start_at_login: flag(&self.conn, START_AT_LOGIN)?,
        })
    }

    pub fn save_desktop_settings(&mut self, settings: &DesktopSettings) -> Result<DesktopSettings> {
        let now = self.clock.now();
        self.write(|tx| {
            put(
                tx,
                KEEP_IN_TRAY,
                if settings.keep_running_in_tray {
                    "1"
                } else {
                    "0"
                },
            )?;
            put(
                tx,
                START_AT_LOGIN,
                if settings.start_at_login { "1" } else { "0" },
            )?;
            log(tx, None, None, now, "Changed how Mend runs on the desktop")?;
            Ok(())
        })?;
        self.desktop_settings()
    }

    /// True the first time only: the owner is told once where Mend went
    /// when its window closed.
    pub fn first_time_in_tray(&mut self) -> Result<bool> {
        if flag(&self.conn, TOLD_ABOUT_TRAY)? {
            return Ok(false);
        }
        self.write(|tx| put(tx, TOLD_ABOUT_TRAY, "1"))?;
        Ok(true)
    }

    /// True on a Mend never used yet: no complaint, and the welcome never
    /// answered or skipped.
    pub fn welcome_pending(&self) -> Result<bool> {
        if flag(&self.conn, WELCOMED)? {
            return Ok(false);
        }
        let complaints: i64 =
            self.conn
                .query_row("SELECT count(*) FROM complaints", [], |row| row.get(0))?;
        Ok(complaints == 0)
    }

    /// The welcome was answered or skipped: it is not shown again.
    pub fn finish_welcome(&mut self) -> Result<()> {
        self.write(|tx| put(tx, WELCOMED, "1"))
    }
}

#[cfg(test)]
mod tests {
    use crate::store::test_support::{at, store_at};

    use super::*;

    #[test]
    fn the_welcome_is_for_a_mend_never_used_and_is_shown_once() {
        let (mut store, _) = store_at(at(9));
        assert!(store.welcome_pending().unwrap());
        store.finish_welcome().unwrap();
        assert!(!store.welcome_pending().unwrap());

        let (mut used, _) = store_at(at(9));
        used.create_complaint(&crate::store::test_support::phone_complaint("Ana", "late"))
            .unwrap();
        assert!(
            !used.welcome_pending().unwrap(),
            "data imported or typed: no welcome"
        );
    }

    #[test]
    fn running_in_the_tray_and_at_login_are_off_until_chosen() {
        let (mut store, _) = store_at(at(9));
        assert_eq!(
            store.desktop_settings().unwrap(),
            DesktopSettings::default()
        );
        let chosen = DesktopSettings {
            keep_running_in_tray: true,
            start_at_login: true,
        };
        assert_eq!(store.save_desktop_settings(&chosen).unwrap(), chosen);
    }

    #[test]
    fn the_owner_is_told_about_the_tray_only_the_first_time() {
        let (mut store, _) = store_at(at(9));
        assert!(store.first_time_in_tray().unwrap());
        assert!(!store.first_time_in_tray().unwrap());
    }

    #[test]
    fn reminder_delays_have_defaults_and_are_kept() {
        let (mut store, _) = store_at(at(9));
        assert_eq!(
            store.reminder_settings().unwrap(),
            ReminderSettings::default()
        );
        let slower = ReminderSettings {
            follow_up_after_days: 7,
            check_in_enabled: true,
            ..ReminderSettings::default()
        };
        assert_eq!(store.save_reminder_settings(&slower).unwrap(), slower);
    }
}
