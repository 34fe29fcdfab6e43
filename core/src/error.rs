//! The one error type of the core. Every message is a plain sentence an owner
//! can read; `code` is a stable name the UI can react to.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something the owner typed cannot be saved as it is.
    #[error("{0}")]
    InvalidInput(String),

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

    /// SQLite failed underneath us; rare, and not the owner's doing.
    #[error(
        "Mend could not read or save its data ({0}). Nothing was half-saved; please try again."
    )]
    Database(#[from] rusqlite::Error),
}

impl Error {
    /// A stable, machine-readable name for the kind of error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidInput(_) => "invalid_input",
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
            Error::Database(_) => "database",
        }
    }
}
