//! A file as Mend takes it in, before it is kept: its name made safe to
//! show and to save under, checked (not empty, not too big), read from the
//! owner's disk, and what it is worked out from its bytes, never its name,
//! with a thumbnail for an image. Also which kinds may be handed to the
//! system's program for them.

use std::io::{Cursor, Read};
use std::path::Path;

use crate::error::{Error, Result};

/// The largest file Mend keeps.
pub const MAX_FILE_BYTES: usize = 25 * 1024 * 1024;
/// The longest name a kept file has (longer ones are shortened).
pub(super) const MAX_NAME_CHARS: usize = 120;
/// The thumbnail's longer side, in pixels.
pub(super) const THUMBNAIL_SIDE: u32 = 320;
/// What a file whose kind Mend does not know is.
pub(super) const UNKNOWN_KIND: &str = "application/octet-stream";

/// A file read and checked, ready to be kept: what it is and its
/// thumbnail are worked out here, before the data is written (and locked).
#[derive(Debug, Clone, PartialEq)]
pub struct NewFile {
    pub name: String,
    pub bytes: Vec<u8>,
    pub(super) media_type: String,
    pub(super) thumbnail: Option<Vec<u8>>,
}

/// A size as an owner reads it: "820 KB", "3.4 MB".
pub fn size_in_words(bytes: usize) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024).max(1))
    } else {
        format!("{:.1} MB", bytes as f64 / MB)
    }
}

/// A name fit to show and to save under: the last part of a path, without
/// control characters or the separators of any system, not too long.
pub fn clean_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| {
            if matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    // No dot or space at either end: "photo.exe." is "photo.exe" on Windows.
    let clean = clean.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if clean.is_empty() {
        return "file".into();
    }
    if clean.chars().count() <= MAX_NAME_CHARS {
        return clean.into();
    }
    // Shortened in the middle, so that the ending (".jpg") stays.
    let extension: String = match clean.rsplit_once('.') {
        Some((_, ext)) if ext.chars().count() <= 10 => format!(".{ext}"),
        _ => String::new(),
    };
    let keep = MAX_NAME_CHARS - extension.chars().count() - 1;
    let start: String = clean.chars().take(keep).collect();
    format!("{}…{extension}", start.trim_end())
}

/// Checks a file before it is kept: not empty, not too big; refused in words.
pub fn checked_file(name: &str, bytes: Vec<u8>) -> Result<NewFile> {
    let name = clean_name(name);
    if bytes.is_empty() {
        return Err(Error::InvalidInput(format!(
            "\"{name}\" is empty: there is nothing in it to keep."
        )));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_big(&name, bytes.len()));
    }
    let (media_type, thumbnail) = kind_and_thumbnail(&bytes);
    Ok(NewFile {
        name,
        bytes,
        media_type,
        thumbnail,
    })
}

fn too_big(name: &str, size: usize) -> Error {
    Error::InvalidInput(format!(
        "\"{name}\" is {}; Mend keeps files of up to {} MB each. \
         Make it smaller (a photo can be sent again at a lower size), or keep it elsewhere.",
        size_in_words(size),
        MAX_FILE_BYTES / (1024 * 1024)
    ))
}

/// Why a file could not be read, as an owner would say it.
pub fn why_unreadable(error: &std::io::Error) -> &'static str {
    match error.kind() {
        std::io::ErrorKind::NotFound => "it is no longer there",
        std::io::ErrorKind::PermissionDenied => "Mend is not allowed to read it",
        _ => "the computer would not read it",
    }
}

/// Reads a file the owner chose or dropped; refused in words when it cannot
/// be read, is empty, is a folder or is too big (read no further than that).
pub fn read_file(path: &Path) -> Result<NewFile> {
    let name = clean_name(
        &path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default(),
    );
    let unreadable = |error: std::io::Error| {
        Error::InvalidInput(format!(
            "Mend could not read \"{name}\" ({}). Nothing was added.",
            why_unreadable(&error)
        ))
    };
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if metadata.is_dir() {
        return Err(Error::InvalidInput(format!(
            "\"{name}\" is a folder; choose the files in it instead."
        )));
    }
    if metadata.len() > MAX_FILE_BYTES as u64 {
        return Err(too_big(&name, metadata.len() as usize));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(unreadable)?
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    checked_file(&name, bytes)
}

/// The kinds of file Mend hands to the system's program for them: photos,
/// documents, spreadsheets, sound and video. Anything else could be a
/// program, or start one.
const OPENED_SAFELY: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "webp", "bmp", "heic", "heif", "tif", "tiff", "pdf", "txt", "csv",
    "rtf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "pages", "numbers",
    "key", "mp3", "m4a", "wav", "ogg", "mp4", "mov", "m4v", "webm", "avi", "eml",
];

/// Mend hands a customer's file to the system's program for it only when
/// it is a photo, a document, a spreadsheet, sound or video: another kind
/// could be a program, which could do anything on the owner's computer.
pub fn refuse_unless_safe_to_open(name: &str) -> Result<()> {
    let ending = Path::new(&clean_name(name))
        .extension()
        .map(|ext| ext.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !OPENED_SAFELY.contains(&ending.as_str()) {
        return Err(Error::Refused(format!(
            "Mend opens photos, documents, spreadsheets, sound and video, and \"{name}\" is \
             another kind of file, which could be a program. Save a copy if you need it, and \
             open it only if you trust where it came from."
        )));
    }
    Ok(())
}

/// What the bytes are, and a thumbnail when they are an image Mend can read.
/// The decoder's limits keep a hostile image from taking all the memory.
pub(super) fn kind_and_thumbnail(bytes: &[u8]) -> (String, Option<Vec<u8>>) {
    if bytes.starts_with(b"%PDF-") {
        return ("application/pdf".into(), None);
    }
    let Ok(reader) = image::ImageReader::new(Cursor::new(bytes)).with_guessed_format() else {
        return (UNKNOWN_KIND.into(), None);
    };
    let Some(format) = reader.format() else {
        return (UNKNOWN_KIND.into(), None);
    };
    let media_type = format.to_mime_type().to_owned();
    let thumbnail = thumbnail(reader).ok();
    if thumbnail.is_none() {
        // It says it is an image but cannot be read as one: kept as a file.
        return (UNKNOWN_KIND.into(), None);
    }
    (media_type, thumbnail)
}

fn thumbnail(mut reader: image::ImageReader<Cursor<&[u8]>>) -> image::ImageResult<Vec<u8>> {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(20_000);
    limits.max_image_height = Some(20_000);
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let mut decoder = reader.into_decoder()?;
    // A phone's photo is often stored on its side, with a note to turn it.
    let orientation = image::ImageDecoder::orientation(&mut decoder)
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = image::DynamicImage::from_decoder(decoder)?;
    picture.apply_orientation(orientation);
    let small = picture
        .thumbnail(THUMBNAIL_SIDE, THUMBNAIL_SIDE)
        .into_rgb8();
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80).encode_image(&small)?;
    Ok(out)
}
