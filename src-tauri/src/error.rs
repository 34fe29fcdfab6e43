//! The one error that crosses to the UI: `{code, message}`, where `message`
//! is a sentence for the owner and `code` lets the UI react; `fields`, when
//! a form had several things wrong, says each against its field.

use mend_core::error::FieldProblem;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IpcError {
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldProblem>,
}

/// Codes whose message tells of the data or the computer, never of what the
/// owner typed: the log keeps their message. Any other keeps its code only
/// (its message may hold a customer's name, or a file's).
const MESSAGE_LOGGED: &[&str] = &[
    "not_a_database",
    "foreign_database",
    "newer_database",
    "damaged_database",
    "restore_failed",
    "restore_unfinished",
];

impl IpcError {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        IpcError {
            code,
            message: message.into(),
            fields: Vec::new(),
        }
        .logged()
    }

    /// Every problem sent to the page is logged, once, as it is made.
    fn logged(self) -> Self {
        if MESSAGE_LOGGED.contains(&self.code) {
            tracing::warn!(code = self.code, message = %self.message, "a problem was told to the owner");
        } else {
            tracing::warn!(code = self.code, "a problem was told to the owner");
        }
        self
    }
}

impl From<mend_core::Error> for IpcError {
    fn from(error: mend_core::Error) -> Self {
        // SQLite's own words can name a file the owner chose: only its code.
        if let mend_core::Error::Database(inner) = &error {
            tracing::warn!(sqlite = ?inner.sqlite_error_code(), "the database said no");
        }
        let mut ipc = IpcError::new(error.code(), error.to_string());
        // The field problems are what the owner typed: they are not logged.
        if let mend_core::Error::Fields(problems) = error {
            ipc.fields = problems;
        }
        ipc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_the_ui_receives_is_code_and_message() {
        let error: IpcError =
            mend_core::Error::InvalidInput("Please write the summary.".into()).into();
        assert_eq!(
            serde_json::to_string(&error).unwrap(),
            r#"{"code":"invalid_input","message":"Please write the summary."}"#
        );
    }

    #[test]
    fn problems_with_fields_reach_the_ui_each_with_its_field() {
        let error: IpcError = mend_core::Error::Fields(vec![FieldProblem {
            field: "summary".into(),
            message: "Please write the summary: it cannot be empty.".into(),
        }])
        .into();
        assert_eq!(
            serde_json::to_string(&error).unwrap(),
            r#"{"code":"invalid_input","message":"Please write the summary: it cannot be empty.","fields":[{"field":"summary","message":"Please write the summary: it cannot be empty."}]}"#
        );
    }

    #[test]
    fn a_newer_database_reaches_the_ui_as_a_plain_sentence() {
        let error: IpcError = mend_core::Error::NewerDatabase {
            found: 9,
            supported: 1,
        }
        .into();
        assert_eq!(error.code, "newer_database");
        assert!(error
            .message
            .starts_with("Your data was saved by a newer version of Mend"));
    }
}
