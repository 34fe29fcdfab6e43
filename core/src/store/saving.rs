//! Files Mend saves for the owner (an export, a spreadsheet, a backup): each
//! is written beside its target under a temporary name and renamed once
//! complete, so the target is whole or not there at all, and nothing
//! half-written is left behind when something fails, the rename included.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The ending of a file being written.
pub(crate) const PARTIAL: &str = ".partial";

/// Where a file is written before it is complete: beside `target`, its
/// whole name and ".partial", never another file's name.
pub(crate) fn partial_beside(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_owned();
    name.push(PARTIAL);
    target.with_file_name(name)
}

/// Saves `target` whole: `write` writes the file it is given (beside
/// `target`), which then takes `target`'s name. On any failure nothing is
/// left but what was there before.
pub(crate) fn write_whole<T>(target: &Path, write: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
    let partial = partial_beside(target);
    match std::fs::remove_file(&partial) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => {
            return Err(not_written(target, &error))
        }
        _ => {}
    }
    let saved = write(&partial).and_then(|value| {
        std::fs::rename(&partial, target).map_err(|error| not_written(target, &error))?;
        Ok(value)
    });
    if saved.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    saved
}

/// A file that could not be saved at `target`, and why, in plain words.
pub(crate) fn not_written(target: &Path, error: &io::Error) -> Error {
    let reason = match error.kind() {
        io::ErrorKind::StorageFull => "the disk is full".to_owned(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            "Mend is not allowed to write there; please choose another folder".to_owned()
        }
        io::ErrorKind::NotFound => "that folder is no longer there".to_owned(),
        io::ErrorKind::IsADirectory => "a folder already has that name".to_owned(),
        _ => format!("the computer said: {error}"),
    };
    Error::NotSaved {
        path: target.to_owned(),
        reason,
    }
}

/// A spreadsheet being written to `partial` for `target`: UTF-8 with a
/// byte-order mark and Windows line ends, which both LibreOffice and Excel
/// open cleanly.
pub(crate) struct Spreadsheet<'a> {
    target: &'a Path,
    writer: csv::Writer<BufWriter<File>>,
}

impl<'a> Spreadsheet<'a> {
    pub(crate) fn create(partial: &Path, target: &'a Path) -> Result<Self> {
        let file = File::create(partial).map_err(|error| not_written(target, &error))?;
        let mut out = BufWriter::new(file);
        out.write_all("\u{feff}".as_bytes())
            .map_err(|error| not_written(target, &error))?;
        let writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        Ok(Spreadsheet { target, writer })
    }

    pub(crate) fn row<I, S>(&mut self, cells: I) -> Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<[u8]>,
    {
        self.writer
            .write_record(cells)
            .map_err(|error| match error.into_kind() {
                csv::ErrorKind::Io(error) => not_written(self.target, &error),
                // Rows of unequal length and the like: Mend's own mistake.
                _ => Error::InvalidInput(
                    "Mend could not write the spreadsheet; please try again.".into(),
                ),
            })
    }

    /// Writes out what is still buffered: the file is complete.
    pub(crate) fn finish(mut self) -> Result<()> {
        self.writer
            .flush()
            .map_err(|error| not_written(self.target, &error))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_file_is_saved_whole_under_its_name() {
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("Export 2026.csv");
        let answer = write_whole(&target, |partial| {
            assert_eq!(partial, folder.path().join("Export 2026.csv.partial"));
            std::fs::write(partial, "whole").unwrap();
            Ok(7)
        });
        assert_eq!(answer.unwrap(), 7);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "whole");
        assert_eq!(names_in(folder.path()), ["Export 2026.csv"]);
    }

    #[test]
    fn a_failure_while_writing_or_at_the_rename_leaves_nothing_behind() {
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("Export.csv");
        let failed = write_whole(&target, |partial| -> Result<()> {
            std::fs::write(partial, "half").unwrap();
            Err(Error::InvalidInput("cut short".into()))
        });
        assert!(failed.is_err());
        assert!(names_in(folder.path()).is_empty());

        // The target is a folder: the file is written, the rename fails.
        let taken = folder.path().join("Taken.csv");
        std::fs::create_dir(&taken).unwrap();
        std::fs::write(taken.join("inside"), "the owner's").unwrap();
        let refused = write_whole(&taken, |partial| {
            std::fs::write(partial, "whole").unwrap();
            Ok(())
        })
        .unwrap_err();
        assert_eq!(names_in(folder.path()), ["Taken.csv"]);
        assert_eq!(names_in(&taken), ["inside"]);
        let said = refused.to_string();
        assert!(said.starts_with("Mend could not save "), "{said}");
        assert!(said.contains("Taken.csv"), "{said}");
        assert!(!said.contains(".partial"), "{said}");
    }

    #[test]
    fn a_folder_that_is_not_there_is_said_in_plain_words() {
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("gone").join("Export.csv");
        let refused = write_whole(&target, |partial| {
            Spreadsheet::create(partial, &target)?.finish()
        })
        .unwrap_err();
        assert_eq!(
            refused.to_string(),
            format!(
                "Mend could not save {}: that folder is no longer there.",
                target.display()
            )
        );
    }
}
