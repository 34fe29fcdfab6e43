//! The shared folder against what sync tools do to files.

use super::*;

const LAPTOP: &str = "6f1c2b1e-8a53-4c58-9d55-0d9e3c1b7a01";
const DESKTOP: &str = "0b7e4f7c-2d1a-4e5b-8f3c-6a9d2e1f4b02";

fn nothing_taken(_: &str) -> bool {
    false
}

fn payloads(arrivals: &[Arrival]) -> Vec<Vec<u8>> {
    arrivals
        .iter()
        .map(|arrival| match arrival {
            Arrival::Changes { payload, .. } => payload.clone(),
            Arrival::Newer { .. } => panic!("not from a newer Mend"),
        })
        .collect()
}

fn own_files(chosen: &Path, computer: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(chosen.join(SUBFOLDER).join(computer))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn a_file_written_by_one_computer_arrives_at_the_other_whole_and_in_order() {
    let shared = tempfile::tempdir().unwrap();
    let laptop = SharedFolder::new(shared.path(), LAPTOP);
    laptop.write(2, b"second").unwrap();
    laptop.write(1, b"first").unwrap();
    let desktop = SharedFolder::new(shared.path(), DESKTOP);
    let arrived = desktop.arrivals(&nothing_taken).unwrap();
    assert_eq!(payloads(&arrived), [b"first".to_vec(), b"second".to_vec()]);
    assert!(matches!(&arrived[0], Arrival::Changes { computer, .. } if computer == LAPTOP));
    assert!(
        laptop.arrivals(&nothing_taken).unwrap().is_empty(),
        "a computer never takes its own files"
    );
}

#[test]
fn files_already_taken_are_not_read_again_and_a_copy_delivered_twice_is_one_file() {
    let shared = tempfile::tempdir().unwrap();
    let laptop = SharedFolder::new(shared.path(), LAPTOP);
    let first = laptop.write(1, b"first").unwrap();
    assert_eq!(
        laptop.write(1, b"first").unwrap(),
        first,
        "the same content has the same name"
    );
    let desktop = SharedFolder::new(shared.path(), DESKTOP);
    assert!(desktop.arrivals(&|name| name == first).unwrap().is_empty());
}

#[test]
fn a_file_still_arriving_is_left_until_it_is_whole() {
    let shared = tempfile::tempdir().unwrap();
    let laptop = SharedFolder::new(shared.path(), LAPTOP);
    laptop.write(1, b"the whole of the changes").unwrap();
    let file = own_files(shared.path(), LAPTOP).remove(0);
    let whole = std::fs::read(&file).unwrap();
    std::fs::write(&file, &whole[..whole.len() - 5]).unwrap();
    let desktop = SharedFolder::new(shared.path(), DESKTOP);
    assert!(
        desktop.arrivals(&nothing_taken).unwrap().is_empty(),
        "half a file is not taken"
    );
    std::fs::write(&file, &whole).unwrap();
    assert_eq!(
        payloads(&desktop.arrivals(&nothing_taken).unwrap()),
        [b"the whole of the changes".to_vec()]
    );
}

#[test]
fn conflict_copies_partial_files_and_strangers_files_are_left_alone() {
    let shared = tempfile::tempdir().unwrap();
    let laptop = SharedFolder::new(shared.path(), LAPTOP);
    laptop.write(1, b"first").unwrap();
    let file = own_files(shared.path(), LAPTOP).remove(0);
    let name = file.file_name().unwrap().to_str().unwrap().to_owned();
    let folder = file.parent().unwrap();
    let stem = name.strip_suffix(".mend").unwrap();
    for other in [
        format!("{stem} (conflicted copy 2026-12-01).mend"),
        format!("{stem}.sync-conflict-20261201-101010-ABCDEF.mend"),
        format!("{name}.partial"),
        format!(".syncthing.{name}.tmp"),
        "notes.txt".to_owned(),
    ] {
        std::fs::write(folder.join(other), b"MEND-SYNC 1\nsomething else").unwrap();
    }
    std::fs::create_dir_all(shared.path().join(SUBFOLDER).join("not a computer")).unwrap();
    std::fs::write(
        shared
            .path()
            .join(SUBFOLDER)
            .join("not a computer")
            .join(&name),
        b"x",
    )
    .unwrap();
    let desktop = SharedFolder::new(shared.path(), DESKTOP);
    assert_eq!(
        payloads(&desktop.arrivals(&nothing_taken).unwrap()),
        [b"first".to_vec()]
    );
}

#[test]
fn a_file_from_a_newer_mend_is_told_apart_not_read() {
    let shared = tempfile::tempdir().unwrap();
    let folder = shared.path().join(SUBFOLDER).join(LAPTOP);
    std::fs::create_dir_all(&folder).unwrap();
    let content = format!("MEND-SYNC {}\nchanges in a newer shape", FORMAT + 1).into_bytes();
    let name = format!("0000000001-{}.mend", content_hash(&content));
    std::fs::write(folder.join(&name), &content).unwrap();
    let desktop = SharedFolder::new(shared.path(), DESKTOP);
    assert_eq!(
        desktop.arrivals(&nothing_taken).unwrap(),
        [Arrival::Newer {
            computer: LAPTOP.into(),
            name,
            format: FORMAT + 1
        }]
    );
}

#[test]
fn a_file_with_an_old_time_is_still_taken() {
    let shared = tempfile::tempdir().unwrap();
    SharedFolder::new(shared.path(), LAPTOP)
        .write(1, b"first")
        .unwrap();
    let file = own_files(shared.path(), LAPTOP).remove(0);
    let long_ago = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(86_400);
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    let desktop = SharedFolder::new(shared.path(), DESKTOP);
    assert_eq!(desktop.arrivals(&nothing_taken).unwrap().len(), 1);
}

#[test]
fn no_shared_folder_yet_means_nothing_arrived() {
    let shared = tempfile::tempdir().unwrap();
    let desktop = SharedFolder::new(&shared.path().join("not made yet"), DESKTOP);
    assert!(desktop.arrivals(&nothing_taken).unwrap().is_empty());
}

#[test]
fn computer_ids_are_uuids_in_their_usual_form() {
    assert!(is_computer_id(LAPTOP));
    assert!(!is_computer_id(&LAPTOP.to_uppercase()));
    assert!(!is_computer_id("not a computer"));
}
