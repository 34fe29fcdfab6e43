//! The one error that crosses to the UI: `{code, message}`, where `message`
//! is a sentence for the owner and `code` lets the UI react.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IpcError {
    pub code: &'static str,
    pub message: String,
}

impl IpcError {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        IpcError {
            code,
            message: message.into(),
        }
    }
}

impl From<mend_core::Error> for IpcError {
    fn from(error: mend_core::Error) -> Self {
        IpcError::new(error.code(), error.to_string())
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
