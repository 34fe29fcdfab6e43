//! The one error type of the core. Every message is a plain sentence an owner
//! can read; `code` is a stable name the UI can react to.

use std::path::PathBuf;

use serde::Serialize;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something the owner typed cannot be saved as it is.
    #[error("{0}")]
    InvalidInput(String),

    /// Several fields of one form are not right; each says what, so that
    /// the form can show it next to its field, all at once.
    #[error("{}", sentences(.0))]
    Fields(Vec<FieldProblem>),

    /// The journey's rules do not allow this now; the message says why.
    #[error("{0}")]
    Refused(String),

    /// The thing asked for is not there (it may never have existed).
    #[error("{0}")]
    NotFound(String),

    /// The data file exists but is not an SQLite database at all.
    #[error(
        "The file {} is not a Mend data file (it is not a database). \
         Mend has not changed it. Move it away or choose another data folder.",
        path.display()
    )]
    NotADatabase { path: PathBuf },

    /// The data file is a database, but another program's.
    #[error(
        "The file {} belongs to another program, not to Mend. \
         Mend has not changed it. Move it away or choose another data folder.",
        path.display()
    )]
    ForeignDatabase { path: PathBuf },

    /// The data file was written by a newer Mend than this one.
    #[error(
        "Your data was saved by a newer version of Mend (data version {found}; \
         this version understands up to {supported}). Please install the latest \
         Mend to open it. Your data has not been changed."
    )]
    NewerDatabase { found: i64, supported: i64 },

    /// The data file is Mend's but damaged (truncated, or failing its check).
    #[error(
        "Your data file {} is damaged and cannot be read safely. Mend has not changed it.",
        path.display()
    )]
    Damaged { path: PathBuf },

    /// A file offered as a backup cannot be restored; nothing was changed.
    #[error(
        "The file {} cannot be restored: {reason}. Nothing was changed.",
        path.display()
    )]
    NotABackup { path: PathBuf, reason: String },

    /// A checked backup could not be put in place; the data in use was put
    /// back as it was.
    #[error(
        "Mend could not put the backup in place ({reason}), so it put your data back as it was. Nothing was lost."
    )]
    RestoreFailed { reason: String },

    /// A restore failed and the data could not be opened again either; the
    /// copy made first is the owner's data.
    #[error(
        "Mend could not put the backup in place, and then could not open your data again. \
         Your data is safe in {}. Please close Mend and start it again.",
        kept.display()
    )]
    RestoreUnfinished { kept: PathBuf },

    /// The data folder or a file in it could not be read or written.
    #[error("Mend could not use the folder {}: {source}.", path.display())]
    Folder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// A file the owner asked for (an export, a backup) could not be saved.
    #[error("Mend could not save {}: {reason}.", path.display())]
    NotSaved { path: PathBuf, reason: String },

    /// Changes from another computer could not be merged; nothing of them
    /// was taken, and they are tried again later.
    #[error(
        "Mend could not merge the changes from your other computer ({0}). Nothing was half-saved; \
         Mend will try again."
    )]
    NotMerged(String),

    /// SQLite failed underneath us; rare, and not the owner's doing.
    #[error(
        "Mend could not read or save its data ({0}). Nothing was half-saved; please try again."
    )]
    Database(#[from] rusqlite::Error),
}

impl Error {
    /// The same error, with problems of the field `from` said against `to`
    /// (for a form that sends one field under another name).
    pub(crate) fn renaming_field(self, from: &str, to: &str) -> Error {
        match self {
            Error::Fields(problems) => Error::Fields(
                problems
                    .into_iter()
                    .map(|problem| FieldProblem {
                        field: if problem.field == from {
                            to.to_owned()
                        } else {
                            problem.field
                        },
                        message: problem.message,
                    })
                    .collect(),
            ),
            other => other,
        }
    }

    /// A stable, machine-readable name for the kind of error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidInput(_) | Error::Fields(_) => "invalid_input",
            Error::Refused(_) => "refused",
            Error::NotFound(_) => "not_found",
            Error::NotADatabase { .. } => "not_a_database",
            Error::ForeignDatabase { .. } => "foreign_database",
            Error::NewerDatabase { .. } => "newer_database",
            Error::Damaged { .. } => "damaged_database",
            Error::NotABackup { .. } => "not_a_backup",
            Error::RestoreFailed { .. } => "restore_failed",
            Error::RestoreUnfinished { .. } => "restore_unfinished",
            Error::Folder { .. } => "folder",
            Error::NotSaved { .. } => "not_saved",
            Error::NotMerged(_) => "not_merged",
            Error::Database(_) => "database",
        }
    }
}

/// What is wrong with one field of a form. `field` is the name the field
/// has in what the UI sends ("summary", "newCustomer.email").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

fn sentences(problems: &[FieldProblem]) -> String {
    problems
        .iter()
        .map(|problem| problem.message.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Collects what is wrong with a form's fields, so that all of it is said
/// at once rather than one thing per try.
#[derive(Debug, Default)]
pub(crate) struct Problems {
    found: Vec<FieldProblem>,
    /// Something other than the owner's input failed: it wins.
    fatal: Option<Error>,
}

impl Problems {
    /// The value, or `None` with what is wrong noted against `field`.
    pub(crate) fn check<T>(&mut self, field: &str, result: Result<T>) -> Option<T> {
        self.check_within(field, result)
    }

    /// Like `check`, for a part of the form that has fields of its own
    /// (a new customer's name and email): theirs become `part.field`.
    pub(crate) fn check_within<T>(&mut self, part: &str, result: Result<T>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(Error::InvalidInput(message)) => {
                self.found.push(FieldProblem {
                    field: part.to_owned(),
                    message,
                });
                None
            }
            Err(Error::Fields(problems)) => {
                self.found
                    .extend(problems.into_iter().map(|problem| FieldProblem {
                        field: if part.is_empty() {
                            problem.field
                        } else {
                            format!("{part}.{}", problem.field)
                        },
                        message: problem.message,
                    }));
                None
            }
            Err(other) => {
                self.fatal.get_or_insert(other);
                None
            }
        }
    }

    /// Adds a problem found by a check of its own.
    pub(crate) fn add(&mut self, field: &str, message: impl Into<String>) {
        self.found.push(FieldProblem {
            field: field.to_owned(),
            message: message.into(),
        });
    }

    /// Everything found, as one error, one problem per field (the first
    /// found); `Ok` when nothing was.
    pub(crate) fn finish(mut self) -> Result<()> {
        let mut seen = std::collections::HashSet::new();
        self.found
            .retain(|problem| seen.insert(problem.field.clone()));
        match (self.fatal, self.found.is_empty()) {
            (Some(fatal), _) => Err(fatal),
            (None, true) => Ok(()),
            (None, false) => Err(Error::Fields(self.found)),
        }
    }
}
