//! Property: whatever three computers do, in whatever order their rounds
//! come, with sync tools copying and cutting files short on the way and
//! clocks that disagree, once every file is in, all three hold the same data.

use proptest::prelude::*;

use super::folder::SUBFOLDER;
use super::test_computers::{computer, note, Computer};
use chrono::Duration;

use crate::kinds::CloseReason;
use crate::store::complaints::NewComplaint;
use crate::store::journey::Closing;
use crate::store::test_support::{at, phone_complaint};

#[derive(Debug, Clone)]
enum Step {
    NewComplaint {
        on: usize,
    },
    Note {
        on: usize,
        complaint: usize,
    },
    Rename {
        on: usize,
        complaint: usize,
    },
    Round {
        on: usize,
    },
    /// Closed early if open, reopened if closed: the journey moved.
    CloseOrReopen {
        on: usize,
        complaint: usize,
    },
    /// A sync tool's conflict copy of some file in the shared folder.
    ConflictCopy {
        file: usize,
    },
    /// A file seen half-delivered by the next round, then whole again.
    CutShort {
        file: usize,
        on: usize,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..3usize).prop_map(|on| Step::NewComplaint { on }),
        (0..3usize, 0..8usize).prop_map(|(on, complaint)| Step::Note { on, complaint }),
        (0..3usize, 0..8usize).prop_map(|(on, complaint)| Step::Rename { on, complaint }),
        (0..3usize).prop_map(|on| Step::Round { on }),
        (0..3usize, 0..8usize).prop_map(|(on, complaint)| Step::CloseOrReopen { on, complaint }),
        (0..16usize).prop_map(|file| Step::ConflictCopy { file }),
        (0..16usize, 0..3usize).prop_map(|(file, on)| Step::CutShort { file, on }),
    ]
}

fn files(shared: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = walk(&shared.join(SUBFOLDER));
    found.sort();
    found
}

fn walk(folder: &std::path::Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    entries
        .flatten()
        .flat_map(|entry| {
            if entry.path().is_dir() {
                walk(&entry.path())
            } else {
                vec![entry.path()]
            }
        })
        .collect()
}

fn withdrawn() -> Closing {
    Closing {
        reason: CloseReason::Withdrawn,
        note: "They sorted it themselves".into(),
        root_cause: "A misunderstanding about the order".into(),
        preventive_action: String::new(),
        check_in_date: None,
        cause_id: None,
        issue: Default::default(),
    }
}

/// The complaint numbered `n` among those this computer holds (by id).
fn complaint(computer: &Computer, n: usize) -> Option<(i64, i64)> {
    let found: Vec<(i64, i64)> = computer
        .store
        .read(|conn| {
            let mut statement =
                conn.prepare("SELECT id, customer_id FROM complaints ORDER BY id")?;
            let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
        .unwrap();
    (!found.is_empty()).then(|| found[n % found.len()])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn three_computers_converge_whatever_they_do_and_however_files_arrive(steps in prop::collection::vec(step(), 1..24)) {
        let shared = tempfile::tempdir().unwrap();
        let mut computers: Vec<Computer> = (0..3).map(|_| computer(shared.path())).collect();
        // Their clocks disagree: one is three hours ahead, one two days behind.
        let skew = [Duration::zero(), Duration::hours(3), -Duration::days(2)];
        for (number, step) in steps.iter().enumerate() {
            for (computer, skew) in computers.iter().zip(skew) {
                computer.clock.set(at(9) + Duration::minutes(number as i64) + skew);
            }
            match step {
                Step::NewComplaint { on } => {
                    let summary = format!("Complaint {number}");
                    computers[*on].store.create_complaint(&phone_complaint("Rui Lima", &summary)).unwrap();
                }
                Step::Note { on, complaint: n } => {
                    if let Some((id, _)) = complaint(&computers[*on], *n) {
                        computers[*on].store.add_contact(id, &note(&format!("Note {number}"))).unwrap();
                    }
                }
                Step::Rename { on, complaint: n } => {
                    if let Some((id, customer)) = complaint(&computers[*on], *n) {
                        // When it came in stays as it was: only the summary changes.
                        let received = computers[*on].store.complaint(id).unwrap().summary.received_at;
                        let edit = NewComplaint {
                            new_customer: None,
                            customer_id: Some(customer),
                            received_at: Some(crate::dates::stamp(received)),
                            ..phone_complaint("", &format!("Renamed {number}"))
                        };
                        computers[*on].store.correct_complaint(id, &edit).unwrap();
                    }
                }
                Step::Round { on } => {
                    computers[*on].round();
                }
                Step::CloseOrReopen { on, complaint: n } => {
                    if let Some((id, _)) = complaint(&computers[*on], *n) {
                        let store = &mut computers[*on].store;
                        if store.complaint(id).unwrap().summary.closed_at.is_some() {
                            store.reopen_complaint(id, "They rang again").unwrap();
                        } else {
                            store.close_complaint(id, &withdrawn()).unwrap();
                        }
                    }
                }
                Step::ConflictCopy { file } => {
                    let all = files(shared.path());
                    if !all.is_empty() {
                        let original = &all[file % all.len()];
                        let copy = format!("{} (conflicted copy).mend", original.file_stem().unwrap().to_string_lossy());
                        std::fs::copy(original, original.with_file_name(copy)).unwrap();
                    }
                }
                Step::CutShort { file, on } => {
                    let all: Vec<_> = files(shared.path()).into_iter().filter(|f| f.extension().is_some_and(|e| e == "mend")).collect();
                    if !all.is_empty() {
                        let path = &all[file % all.len()];
                        let whole = std::fs::read(path).unwrap();
                        std::fs::write(path, &whole[..whole.len() / 2]).unwrap();
                        computers[*on].round();
                        std::fs::write(path, &whole).unwrap();
                    }
                }
            }
        }
        for _ in 0..3 {
            for computer in computers.iter_mut() {
                computer.round();
            }
        }
        let first = computers[0].shared();
        prop_assert_eq!(&first, &computers[1].shared());
        prop_assert_eq!(&first, &computers[2].shared());
        prop_assert_eq!(computers[0].summaries(), computers[2].summaries());
        // Nothing made anywhere was lost on the way.
        let made = steps.iter().filter(|step| matches!(step, Step::NewComplaint { .. })).count();
        prop_assert_eq!(computers[1].summaries().len(), made);
    }
}
