//! The owner's settings: business and owner name, and the message templates
//! (the owner's own, or the defaults from the coaching).

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::rows::MAX_LONG_TEXT_CHARS;
use super::timeline::log;
use super::Store;
use crate::dates;
use crate::error::{Error, Problems, Result};
use crate::journey::template::{self, Draft, Values};
use crate::journey::{coaching, Step};
use crate::kinds::Remedy;
use crate::text;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    pub business_name: String,
    pub owner_name: String,
    /// The owner's currency as an ISO 4217 code ("EUR"); None when not
    /// chosen (the app then uses the system's). Saving None keeps it.
    #[serde(default)]
    pub currency: Option<String>,
}

/// A currency as three letters ("eur" becomes "EUR"); empty goes back to the system's.
fn currency_code(typed: &str) -> Result<String> {
    let code = typed.trim().to_ascii_uppercase();
    if code.is_empty() || (code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())) {
        return Ok(code);
    }
    Err(Error::InvalidInput(format!(
        "\"{}\" is not a currency code; write its three letters, like EUR, GBP or USD.",
        typed.trim()
    )))
}

/// What the owner is choosing on a step's form, not saved yet.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DraftChoices {
    pub remedy: Option<Remedy>,
    /// YYYY-MM-DD; ignored when it is not a date.
    pub promised_date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Template {
    pub step: Step,
    pub title: &'static str,
    pub body: String,
    /// True while the owner has not changed it.
    pub is_default: bool,
}

impl Store {
    pub fn settings(&self) -> Result<Settings> {
        Ok(Settings {
            business_name: self.setting("business_name")?.unwrap_or_default(),
            owner_name: self.setting("owner_name")?.unwrap_or_default(),
            currency: self.setting("currency")?.filter(|code| !code.is_empty()),
        })
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<Settings> {
        let mut problems = Problems::default();
        let business = problems
            .check(
                "businessName",
                text::optional_line(&settings.business_name, "the business name", 200),
            )
            .unwrap_or_default();
        let owner = problems
            .check(
                "ownerName",
                text::optional_line(&settings.owner_name, "your name", 200),
            )
            .unwrap_or_default();
        let currency = settings
            .currency
            .as_deref()
            .and_then(|code| problems.check("currency", currency_code(code)));
        problems.finish()?;
        let now = self.clock.now();
        self.write(|tx| {
            let mut values = vec![
                ("business_name", business.clone()),
                ("owner_name", owner.clone()),
            ];
            if let Some(code) = &currency {
                values.push(("currency", code.clone()));
            }
            for (key, value) in values {
                super::preferences::put(tx, key, &value)?;
            }
            log(tx, None, None, now, "Changed the business and owner names")?;
            Ok(())
        })?;
        self.settings()
    }

    fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    }

    /// The template of every step, in the order of the journey.
    pub fn templates(&self) -> Result<Vec<Template>> {
        Step::ALL
            .into_iter()
            .map(|step| self.template(step))
            .collect()
    }

    pub fn template(&self, step: Step) -> Result<Template> {
        let own: Option<String> = self
            .conn
            .query_row(
                "SELECT body FROM templates WHERE step = ?1",
                [step.as_str()],
                |row| row.get(0),
            )
            .optional()?;
        Ok(Template {
            step,
            title: step.title(),
            is_default: own.is_none(),
            body: own.unwrap_or_else(|| coaching::coaching(step).template.to_owned()),
        })
    }

    pub fn save_template(&mut self, step: Step, body: &str) -> Result<Template> {
        let body = checked_template(body, &template::PLACEHOLDERS)?;
        let now = self.clock.now();
        self.write(|tx| {
        tx.execute(
            "INSERT INTO templates (step, body, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (step) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            params![step.as_str(), body, dates::stamp(now)],
        )?;
        log(
            tx,
            None,
            None,
            now,
            &format!("Changed the template for \"{}\"", step.title()),
        )?;
        Ok(())
        })?;
        self.template(step)
    }

    /// Goes back to Mend's own wording for a step.
    pub fn reset_template(&mut self, step: Step) -> Result<Template> {
        let now = self.clock.now();
        self.write(|tx| {
            tx.execute("DELETE FROM templates WHERE step = ?1", [step.as_str()])?;
            log(
                tx,
                None,
                None,
                now,
                &format!("Reset the template for \"{}\"", step.title()),
            )?;
            Ok(())
        })?;
        self.template(step)
    }

    /// The message draft for one step of a complaint, filled in. What the
    /// owner is choosing on the step's form (a remedy, a date) comes first,
    /// so the draft matches it before anything is saved.
    pub fn draft_message(
        &self,
        complaint_id: i64,
        step: Step,
        choosing: &DraftChoices,
    ) -> Result<Draft> {
        let complaint = self.complaint(complaint_id)?;
        let settings = self.settings()?;
        let latest_remedy = complaint
            .records
            .iter()
            .rev()
            .find(|record| record.step == Step::Fix)
            .and_then(|record| record.remedy);
        let remedy = choosing
            .remedy
            .or(latest_remedy)
            .map(|remedy| remedy.phrase().to_owned())
            .unwrap_or_default();
        let chosen_day = choosing
            .promised_date
            .as_deref()
            .and_then(|day| NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d").ok());
        let values = Values {
            first_name: template::first_name(&complaint.customer.name),
            business_name: settings.business_name,
            owner_name: settings.owner_name,
            // As the owner wrote it: the templates quote it, so no word of it
            // (a name, a brand) is ever changed.
            summary: complaint.summary.summary.clone(),
            promised_date: chosen_day
                .or(complaint.summary.promised_date)
                .map(spoken_date)
                .unwrap_or_default(),
            remedy,
            ..Values::default()
        };
        Ok(template::render(&self.template(step)?.body, &values))
    }
}

/// "Friday 27 November", as one would write it in a message.
pub fn spoken_date(day: NaiveDate) -> String {
    format!("{} {} {}", day.format("%A"), day.day(), day.format("%B"))
}

/// A template's text, checked: not empty, not too long, and only
/// placeholders from `known` (an unknown one is named, with what is known).
pub(crate) fn checked_template(body: &str, known: &[&str]) -> Result<String> {
    let body = text::long(body, "the template", MAX_LONG_TEXT_CHARS, true)?;
    let unknown = template::unknown_placeholders(&body, known);
    if !unknown.is_empty() {
        let known: Vec<String> = known.iter().map(|name| format!("{{{name}}}")).collect();
        return Err(Error::InvalidInput(format!(
            "Mend does not know {} in this template; please check the spelling. It can fill in {}.",
            unknown.join(" and "),
            known.join(", ")
        )));
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_currency_is_three_letters_and_kept_when_not_given() {
        let (mut store, _) =
            crate::store::test_support::store_at(crate::store::test_support::at(9));
        let names = |currency: Option<&str>| Settings {
            business_name: "Lima Cakes".into(),
            owner_name: "Rui".into(),
            currency: currency.map(str::to_owned),
        };
        assert_eq!(store.settings().unwrap().currency, None);
        store.save_settings(&names(Some(" gbp "))).unwrap();
        assert_eq!(store.settings().unwrap().currency.as_deref(), Some("GBP"));
        // The welcome saves only the names: the currency stays.
        store.save_settings(&names(None)).unwrap();
        assert_eq!(store.settings().unwrap().currency.as_deref(), Some("GBP"));
        let error = store.save_settings(&names(Some("pounds"))).unwrap_err();
        assert_eq!(
            error.to_string(),
            "\"pounds\" is not a currency code; write its three letters, like EUR, GBP or USD."
        );
        store.save_settings(&names(Some(""))).unwrap();
        assert_eq!(store.settings().unwrap().currency, None);
    }

    #[test]
    fn dates_in_messages_are_spelled_out() {
        assert_eq!(
            spoken_date(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()),
            "Friday 27 November"
        );
    }
}
