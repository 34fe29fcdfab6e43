//! Files the owner hands to Mend all at once: dropped on the window, opened
//! with Mend from the file manager, or picked in the file window. An email
//! (a `.eml` file) is read as one; anything else is kept as a file. What
//! cannot be taken in is said in words, and the rest is taken in anyway.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::attachments::{read_file, size_in_words, why_unreadable, Attachment, NewFile};
use super::email::incoming::{EmailIntake, MAX_EMAIL_BYTES};
use super::Store;
use crate::error::{Error, Result};

/// Files handed in while a new complaint is written (or to start one).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ForNewComplaint {
    /// Each email, read into a new complaint (its files waiting with it).
    pub emails: Vec<EmailIntake>,
    /// The other files, waiting for the new complaint.
    pub files: Vec<Attachment>,
    /// What could not be taken in, and why.
    pub problems: Vec<String>,
}

/// Files handed in on a complaint's page.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OntoComplaint {
    /// How many emails went on its timeline.
    pub emails: usize,
    /// The files kept on it.
    pub files: Vec<Attachment>,
    pub problems: Vec<String>,
}

fn is_email(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("eml"))
}

fn name_of(path: &Path) -> String {
    super::attachments::clean_name(
        &path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default(),
    )
}

/// An email file's bytes; refused in words when it cannot be read or is too big.
fn read_email(path: &Path) -> Result<Vec<u8>> {
    let name = name_of(path);
    let unreadable = |error: std::io::Error| {
        Error::InvalidInput(format!(
            "Mend could not read \"{name}\" ({}).",
            why_unreadable(&error)
        ))
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_EMAIL_BYTES as u64 {
        return Err(Error::InvalidInput(format!(
            "\"{name}\" is {}; Mend reads emails of up to {} MB.",
            size_in_words(size as usize),
            MAX_EMAIL_BYTES / (1024 * 1024)
        )));
    }
    std::fs::read(path).map_err(unreadable)
}

/// A problem with one file, named, for the list of what was not taken in.
fn about(path: &Path, error: Error) -> String {
    let message = error.to_string();
    let name = name_of(path);
    if message.contains(&format!("\"{name}\"")) {
        message
    } else {
        format!("\"{name}\": {message}")
    }
}

/// Files handed in, read (before the data is locked): the emails' bytes,
/// the other files checked, and what could not be read.
#[derive(Debug, Clone, Default)]
pub struct HandedIn {
    emails: Vec<(PathBuf, Vec<u8>)>,
    files: Vec<NewFile>,
    problems: Vec<String>,
}

/// Reads what was handed in, file by file; what cannot be read is said.
pub fn read(paths: &[PathBuf]) -> HandedIn {
    let mut handed = HandedIn::default();
    for path in paths {
        let read = if is_email(path) {
            read_email(path).map(|bytes| handed.emails.push((path.clone(), bytes)))
        } else {
            read_file(path).map(|file| handed.files.push(file))
        };
        if let Err(error) = read {
            handed.problems.push(about(path, error));
        }
    }
    handed
}

impl Store {
    /// Takes files in for a new complaint: each email is read into one, the
    /// other files wait for it.
    pub fn hand_in_for_new_complaint(&mut self, handed: HandedIn) -> Result<ForNewComplaint> {
        let HandedIn {
            emails: email_files,
            files,
            mut problems,
        } = handed;
        let mut emails = Vec::new();
        for (path, bytes) in email_files {
            match self.intake_from_email(&bytes) {
                Ok(email) => {
                    problems.extend(email.not_kept.iter().cloned());
                    emails.push(email);
                }
                Err(error) => problems.push(about(&path, error)),
            }
        }
        let files = self.add_waiting_files(&files)?;
        Ok(ForNewComplaint {
            emails,
            files,
            problems,
        })
    }

    /// Takes files in on a complaint: each email goes on its timeline as a
    /// message from the customer, the other files are kept on it. Each is
    /// taken in or not on its own, and what was not is said.
    pub fn hand_in_onto_complaint(
        &mut self,
        complaint_id: i64,
        handed: HandedIn,
    ) -> Result<OntoComplaint> {
        let HandedIn {
            emails: email_files,
            files,
            mut problems,
        } = handed;
        let mut emails = 0;
        for (path, bytes) in email_files {
            match self.add_email_to_complaint(complaint_id, &bytes) {
                Ok(added) => {
                    emails += 1;
                    problems.extend(added.not_kept);
                }
                Err(error) => problems.push(about(&path, error)),
            }
        }
        let files = if files.is_empty() {
            Vec::new()
        } else {
            match self.attach_files(complaint_id, None, &files) {
                Ok(kept) => kept,
                Err(error) => {
                    problems.push(error.to_string());
                    Vec::new()
                }
            }
        };
        Ok(OntoComplaint {
            emails,
            files,
            problems,
        })
    }
}

#[cfg(test)]
mod tests;
