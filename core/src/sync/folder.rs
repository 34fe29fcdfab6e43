//! The shared folder: how computers hand each other their changes through a
//! folder a sync tool (or a USB stick) carries between them. Sync tools
//! deliver late, twice, out of order, half-written and with odd times, and
//! make conflict copies, so:
//! - each computer writes only into its own subfolder, each file once, under
//!   a temporary name first, and never changes a file afterwards;
//! - a file's name holds the hash of its content: a reader takes a file only
//!   when the two agree (a half-delivered file is tried again later), and
//!   knows it by that name, never by its time;
//! - any other name (a conflict copy, a temporary file, a stranger's file)
//!   is left alone.

use std::collections::HashSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::store::attachments::content_hash;
use crate::store::saving::{not_written, write_whole};

/// The version of what the files hold. A newer Mend that changes it makes
/// older ones stop sending (see `Arrival::Newer`) rather than misread it.
pub const FORMAT: u32 = 1;

/// The subfolder of the owner's folder that holds Mend's files.
pub const SUBFOLDER: &str = "Mend sync";

const MAGIC: &str = "MEND-SYNC";
/// Where in a computer's subfolder the bytes of its kept files go.
const FILES: &str = "files";
const ENDING: &str = ".mend";

/// One computer's view of the shared folder.
pub struct SharedFolder {
    root: PathBuf,
    computer: String,
}

/// A file from another computer, whole and not taken yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arrival {
    /// Changes in this Mend's format.
    Changes {
        computer: String,
        name: String,
        payload: Vec<u8>,
    },
    /// Written by a newer Mend, in a format this one does not read.
    Newer {
        computer: String,
        name: String,
        format: u32,
    },
}

impl SharedFolder {
    /// The shared folder under `chosen` (the folder the owner picked), as
    /// seen by `computer` (its id).
    pub fn new(chosen: &Path, computer: &str) -> SharedFolder {
        SharedFolder {
            root: chosen.join(SUBFOLDER),
            computer: computer.to_owned(),
        }
    }

    fn own(&self) -> PathBuf {
        self.root.join(&self.computer)
    }

    /// Writes `payload` as this computer's file number `number`: whole, under
    /// its final name only once complete. Answers the file's name.
    pub fn write(&self, number: u64, payload: &[u8]) -> Result<String> {
        // The folder the owner chose must be there (a USB stick taken out
        // leaves an empty mount point): never made here, in its place.
        let chosen = self.root.parent().unwrap_or(&self.root);
        if !chosen.is_dir() {
            return Err(Error::NotSaved {
                path: chosen.to_owned(),
                reason: "the shared folder is not there (if it is on a USB stick or a network drive, is it connected?); Mend will try again".into(),
            });
        }
        let own = self.own();
        std::fs::create_dir_all(&own).map_err(|source| Error::Folder {
            path: own.clone(),
            source,
        })?;
        let content = content(payload);
        let name = name_of(number, &content);
        let target = own.join(&name);
        write_whole(&target, |partial| {
            let mut file = std::fs::File::create(partial).map_err(|e| not_written(&target, &e))?;
            file.write_all(&content)
                .map_err(|e| not_written(&target, &e))?;
            // On disk before it takes its name: a crash leaves a partial file, never a short one.
            file.sync_all().map_err(|e| not_written(&target, &e))
        })?;
        Ok(name)
    }

    /// Keeps the bytes of a file kept with a complaint (a photo, a PDF) in
    /// this computer's subfolder, named by their SHA-256 (`hash`), for the
    /// other computers to take; once only.
    pub fn write_file_content(&self, hash: &str, bytes: &[u8]) -> Result<()> {
        let folder = self.own().join(FILES);
        let target = folder.join(hash);
        if target.is_file() {
            return Ok(());
        }
        std::fs::create_dir_all(&folder).map_err(|source| Error::Folder {
            path: folder.clone(),
            source,
        })?;
        write_whole(&target, |partial| {
            let mut file = std::fs::File::create(partial).map_err(|e| not_written(&target, &e))?;
            file.write_all(bytes)
                .map_err(|e| not_written(&target, &e))?;
            file.sync_all().map_err(|e| not_written(&target, &e))
        })
    }

    /// The hashes of every file content any computer has put in the folder.
    pub fn file_contents(&self) -> HashSet<String> {
        self.computers()
            .into_iter()
            .filter_map(|computer| std::fs::read_dir(computer.join(FILES)).ok())
            .flat_map(|files| files.flatten())
            .filter_map(|file| file.file_name().into_string().ok())
            .collect()
    }

    /// The bytes named `hash` from any computer, only if they are whole (their
    /// SHA-256 is that hash): one still arriving is left for later.
    pub fn read_file_content(&self, hash: &str) -> Option<Vec<u8>> {
        self.computers().into_iter().find_map(|computer| {
            let bytes = std::fs::read(computer.join(FILES).join(hash)).ok()?;
            (content_hash(&bytes) == hash).then_some(bytes)
        })
    }

    /// Every computer's subfolder, this one's too.
    fn computers(&self) -> Vec<PathBuf> {
        std::fs::read_dir(&self.root)
            .map(|entries| {
                entries
                    .flatten()
                    .filter(|entry| entry.file_name().to_str().is_some_and(is_computer_id))
                    .map(|entry| entry.path())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Every file name in the other computers' subfolders: when it changes,
    /// something may have arrived (cheap to look at often).
    pub fn listing(&self) -> Vec<String> {
        let Ok(computers) = std::fs::read_dir(&self.root) else {
            return Vec::new();
        };
        let mut names: Vec<String> = computers
            .flatten()
            .filter(|computer| computer.file_name().to_str() != Some(self.computer.as_str()))
            .flat_map(|computer| [computer.path(), computer.path().join(FILES)])
            .filter_map(|folder| std::fs::read_dir(folder).ok())
            .flat_map(|files| {
                files
                    .flatten()
                    .filter_map(|file| file.file_name().into_string().ok())
            })
            .collect();
        names.sort();
        names
    }

    /// The names of the files in this computer's own subfolder.
    pub fn own_names(&self) -> Vec<String> {
        let Ok(files) = std::fs::read_dir(self.own()) else {
            return Vec::new();
        };
        files
            .flatten()
            .filter_map(|file| file.file_name().to_str().map(str::to_owned))
            .filter(|name| parse_name(name).is_some())
            .collect()
    }

    /// The other computers' files that are whole and not `taken` yet (by
    /// name), oldest of each computer first. A file whose content does not
    /// match its name (still arriving, or damaged) is left for later.
    pub fn arrivals(&self, taken: &dyn Fn(&str) -> bool) -> Result<Vec<Arrival>> {
        let mut found = Vec::new();
        let computers = match std::fs::read_dir(&self.root) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(found),
            Err(source) => {
                return Err(Error::Folder {
                    path: self.root.clone(),
                    source,
                })
            }
        };
        for computer in computers.flatten() {
            let Some(id) = computer.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            if id == self.computer || !is_computer_id(&id) {
                continue;
            }
            let Ok(files) = std::fs::read_dir(computer.path()) else {
                continue;
            };
            let mut names: Vec<String> = files
                .flatten()
                .filter_map(|file| file.file_name().to_str().map(str::to_owned))
                .filter(|name| parse_name(name).is_some() && !taken(name))
                .collect();
            names.sort();
            for name in names {
                let Ok(content) = std::fs::read(computer.path().join(&name)) else {
                    continue;
                };
                if let Some(arrival) = open(&id, &name, content) {
                    found.push(arrival);
                }
            }
        }
        Ok(found)
    }
}

fn content(payload: &[u8]) -> Vec<u8> {
    let mut content = format!("{MAGIC} {FORMAT}\n").into_bytes();
    content.extend_from_slice(payload);
    content
}

fn name_of(number: u64, content: &[u8]) -> String {
    format!("{number:010}-{}{ENDING}", content_hash(content))
}

/// The name file number `number` holding `payload` has in the folder.
pub(crate) fn file_name(number: u64, payload: &[u8]) -> String {
    name_of(number, &content(payload))
}

/// What a whole file holds; None when its content does not match its name.
fn open(computer: &str, name: &str, content: Vec<u8>) -> Option<Arrival> {
    let (_, hash) = parse_name(name)?;
    if content_hash(&content) != hash {
        return None;
    }
    let header_end = content.iter().position(|&byte| byte == b'\n')?;
    let header = std::str::from_utf8(&content[..header_end]).ok()?;
    let format: u32 = header.strip_prefix(MAGIC)?.trim().parse().ok()?;
    let (computer, name) = (computer.to_owned(), name.to_owned());
    if format > FORMAT {
        return Some(Arrival::Newer {
            computer,
            name,
            format,
        });
    }
    Some(Arrival::Changes {
        computer,
        name,
        payload: content[header_end + 1..].to_vec(),
    })
}

/// "0000000007-<64 hex digits>.mend": the number and the hash, or None.
fn parse_name(name: &str) -> Option<(u64, &str)> {
    let (number, hash) = name.strip_suffix(ENDING)?.split_once('-')?;
    let made_of = |text: &str, length: usize, allowed: fn(&u8) -> bool| {
        text.len() == length && text.bytes().all(|byte| allowed(&byte))
    };
    let lower_hex = |byte: &u8| byte.is_ascii_digit() || (b'a'..=b'f').contains(byte);
    if !made_of(number, 10, u8::is_ascii_digit) || !made_of(hash, 64, lower_hex) {
        return None;
    }
    Some((number.parse().ok()?, hash))
}

/// A computer's id: a UUID in its usual lower-case form.
pub(crate) fn is_computer_id(id: &str) -> bool {
    uuid::Uuid::try_parse(id).is_ok_and(|parsed| parsed.hyphenated().to_string() == id)
}

#[cfg(test)]
mod tests;
