//! The owner's preferences for reminders and for how Mend runs on the
//! desktop, kept as key and value in the settings table.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

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

const ACKNOWLEDGE_HOURS: &str = "reminder_acknowledge_hours";
const UPDATE_DAYS: &str = "reminder_update_days";
const FOLLOW_UP_DAYS: &str = "reminder_follow_up_days";
const CHECK_IN_ENABLED: &str = "reminder_check_in_enabled";
const CHECK_IN_DAYS: &str = "reminder_check_in_days";
const KEEP_IN_TRAY: &str = "keep_running_in_tray";
const START_AT_LOGIN: &str = "start_at_login";
const TOLD_ABOUT_TRAY: &str = "told_about_tray";

fn read(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
            row.get(0)
        })
        .optional()?)
}

fn number(conn: &Connection, key: &str, default: u32) -> Result<u32> {
    Ok(read(conn, key)?
        .and_then(|value| value.parse().ok())
        .unwrap_or(default))
}

fn flag(conn: &Connection, key: &str) -> Result<bool> {
    Ok(read(conn, key)?.as_deref() == Some("1"))
}

fn write(tx: &Transaction<'_>, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

pub(crate) fn reminder_settings(conn: &Connection) -> Result<ReminderSettings> {
    let default = ReminderSettings::default();
    Ok(ReminderSettings {
        acknowledge_after_hours: number(conn, ACKNOWLEDGE_HOURS, default.acknowledge_after_hours)?,
        update_after_days: number(conn, UPDATE_DAYS, default.update_after_days)?,
        follow_up_after_days: number(conn, FOLLOW_UP_DAYS, default.follow_up_after_days)?,
        check_in_enabled: flag(conn, CHECK_IN_ENABLED)?,
        check_in_after_days: number(conn, CHECK_IN_DAYS, default.check_in_after_days)?,
    })
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
        reminder_settings(&self.conn)
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
        let tx = self.conn.transaction()?;
        write(
            &tx,
            ACKNOWLEDGE_HOURS,
            &settings.acknowledge_after_hours.to_string(),
        )?;
        write(&tx, UPDATE_DAYS, &settings.update_after_days.to_string())?;
        write(
            &tx,
            FOLLOW_UP_DAYS,
            &settings.follow_up_after_days.to_string(),
        )?;
        write(
            &tx,
            CHECK_IN_ENABLED,
            if settings.check_in_enabled { "1" } else { "0" },
        )?;
        write(
            &tx,
            CHECK_IN_DAYS,
            &settings.check_in_after_days.to_string(),
        )?;
        log(&tx, None, None, now, "Changed the reminder delays")?;
        super::reminders::sync_all(&tx, self.clock.as_ref())?;
        tx.commit()?;
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
        let tx = self.conn.transaction()?;
        write(
            &tx,
            KEEP_IN_TRAY,
            if settings.keep_running_in_tray {
                "1"
            } else {
                "0"
            },
        )?;
        write(
            &tx,
            START_AT_LOGIN,
            if settings.start_at_login { "1" } else { "0" },
        )?;
        log(&tx, None, None, now, "Changed how Mend runs on the desktop")?;
        tx.commit()?;
        self.desktop_settings()
    }

    /// True the first time only: the owner is told once where Mend went
    /// when its window closed.
    pub fn first_time_in_tray(&mut self) -> Result<bool> {
        if flag(&self.conn, TOLD_ABOUT_TRAY)? {
            return Ok(false);
        }
        let tx = self.conn.transaction()?;
        write(&tx, TOLD_ABOUT_TRAY, "1")?;
        tx.commit()?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use crate::store::test_support::{at, store_at};

    use super::*;

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
