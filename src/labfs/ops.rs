//! What can be done with a checked [`Item`]: read it (capped, regular files only), write
//! it as text in an encoding, list, create, copy, move and remove. Write times are the
//! caller's (the virtual clock's), set on the file so that they last with it.

use std::io::{Read, Write};
use std::path::Path;

use chrono::NaiveDateTime;

use super::encoding::{self, Encoding};
use super::{access, FsError, Item, LabFs, LabPath};

/// What a folder listing or Get-Item sees of one item.
#[derive(Debug, Clone)]
pub struct Entry {
    pub item: Item,
    pub is_dir: bool,
    pub len: u64,
    pub modified: NaiveDateTime,
    pub created: NaiveDateTime,
    pub read_only: bool,
}

/// How a write treats a file that is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteMode {
    /// Replaced (made when missing).
    Create,
    /// Added to at its end (made when missing); no BOM when it has content.
    Append,
    /// Refused when it exists (`-NoClobber`).
    CreateNew,
}

fn io_error(item: &Item, e: &std::io::Error) -> FsError {
    match e.kind() {
        std::io::ErrorKind::NotFound => FsError::NoParent(item.shown()),
        std::io::ErrorKind::PermissionDenied => FsError::Denied(item.shown()),
        std::io::ErrorKind::AlreadyExists => FsError::AlreadyExists(item.shown()),
        _ => FsError::Io(item.shown(), e.to_string()),
    }
}

fn naive(t: std::io::Result<std::time::SystemTime>) -> NaiveDateTime {
    t.ok().map(|t| chrono::DateTime::<chrono::Utc>::from(t).naive_utc()).unwrap_or_default()
}

fn system_time(t: NaiveDateTime) -> std::time::SystemTime {
    t.and_utc().into()
}

/// Gives a file or folder the write time `now`. A folder's own time changes whenever an item
/// in it is added, removed or renamed, as NTFS keeps it; both are the virtual clock's.
fn touch(path: &std::path::Path, now: NaiveDateTime) {
    if let Ok(f) = std::fs::File::open(path) {
        let _ = f.set_modified(system_time(now));
    }
}

impl LabFs {
    /// The folder holding `item` takes the write time `now` — unless it is one of the user's
    /// own folders (the start directory, the script's, an `-AllowPath` one), whose times
    /// stay the machine's.
    fn touch_parent(&self, item: &Item, now: NaiveDateTime) {
        if let Some(parent) = item.host.parent() {
            if !self.is_user_root(parent) {
                touch(parent, now);
            }
        }
    }

    /// The item at `item`, if there is one.
    pub fn entry(&self, item: &Item) -> Option<Entry> {
        let m = std::fs::metadata(&item.host).ok()?;
        Some(Entry {
            item: item.clone(),
            is_dir: m.is_dir(),
            len: if m.is_dir() { 0 } else { m.len() },
            modified: naive(m.modified()),
            created: naive(m.created().or_else(|_| m.modified())),
            read_only: m.permissions().readonly(),
        })
    }

    pub fn exists(&self, item: &Item) -> bool {
        item.host.exists()
    }

    pub fn is_dir(&self, item: &Item) -> bool {
        item.host.is_dir()
    }

    /// The bytes of a file: a regular file of at most [`super::MAX_READ_BYTES`], checked
    /// before reading; one that grows past the cap while read is refused too.
    pub fn read(&self, item: &Item) -> Result<Vec<u8>, FsError> {
        let m = std::fs::metadata(&item.host).map_err(|_| FsError::NotFound(item.shown()))?;
        if m.is_dir() {
            return Err(FsError::IsDirectory(item.shown()));
        }
        if m.len() > access::MAX_READ_BYTES {
            return Err(FsError::TooLarge(item.shown(), m.len()));
        }
        let file = std::fs::File::open(&item.host).map_err(|e| io_error(item, &e))?;
        let mut bytes = Vec::new();
        file.take(access::MAX_READ_BYTES + 1).read_to_end(&mut bytes).map_err(|e| io_error(item, &e))?;
        if bytes.len() as u64 > access::MAX_READ_BYTES {
            return Err(FsError::TooLarge(item.shown(), bytes.len() as u64));
        }
        Ok(bytes)
    }

    /// A file's text as 5.1 reads it: by its BOM, else Windows-1252, or in `named`. The flag
    /// is set the first time this session reads this file as Windows-1252 though it holds
    /// non-ASCII UTF-8, so the caller warns once.
    pub fn read_text(&self, item: &Item, named: Option<Encoding>) -> Result<(String, bool), FsError> {
        let bytes = self.read(item)?;
        Ok(match named {
            Some(enc) => (encoding::decode_named(&bytes, enc), false),
            None => self.decode_text(&item.host, &bytes),
        })
    }

    /// The text of bytes read from the file at `host` (the `-File` script, read before the
    /// session's rule applies), as [`LabFs::read_text`] reads them with no encoding named.
    pub fn decode_text(&self, host: &Path, bytes: &[u8]) -> (String, bool) {
        let d = encoding::decode(bytes);
        let warn = d.mangled_utf8 && self.first_warning(host);
        (d.text, warn)
    }

    /// The encoding a file's BOM names (Add-Content keeps writing a file in its own encoding).
    pub fn existing_encoding(&self, item: &Item) -> Option<Encoding> {
        let mut head = [0u8; 4];
        let mut file = std::fs::File::open(&item.host).ok()?;
        let n = file.read(&mut head).ok()?;
        encoding::bom(&head[..n]).map(|(e, _)| e)
    }

    /// Writes `text` in `enc`: a new or replaced file gets the encoding's BOM, text added to
    /// a file with content does not. The file's write time becomes `now`.
    pub fn write_text(&self, item: &Item, text: &str, enc: Encoding, mode: WriteMode, now: NaiveDateTime) -> Result<(), FsError> {
        let has_content = mode == WriteMode::Append && std::fs::metadata(&item.host).is_ok_and(|m| m.len() > 0);
        let bytes = if has_content { encoding::encode_body(text, enc) } else { encoding::encode(text, enc) };
        self.write_bytes(item, &bytes, mode, now)
    }

    /// Writes bytes as they are (`-Encoding Byte`, the VNet and state exports).
    pub fn write_bytes(&self, item: &Item, bytes: &[u8], mode: WriteMode, now: NaiveDateTime) -> Result<(), FsError> {
        if item.host.is_dir() {
            return Err(FsError::IsDirectory(item.shown()));
        }
        self.make_drive_folders(item);
        let mut options = std::fs::OpenOptions::new();
        match mode {
            WriteMode::Create => options.write(true).create(true).truncate(true),
            WriteMode::Append => options.append(true).create(true),
            WriteMode::CreateNew => options.write(true).create_new(true),
        };
        let mut file = options.open(&item.host).map_err(|e| io_error(item, &e))?;
        file.write_all(bytes).map_err(|e| io_error(item, &e))?;
        let _ = file.set_modified(system_time(now));
        self.touch_parent(item, now);
        Ok(())
    }

    /// The lab drive's own folders (a drive letter's folder, `$env:TEMP`) are there on
    /// every Windows machine, so they are made when first written to; any other missing
    /// folder is the script's error, as in 5.1.
    fn make_drive_folders(&self, item: &Item) {
        let parent = item.lab.parent();
        let drive_root = parent.is_root() && parent.root != super::Root::Host;
        if drive_root || parent == LabPath::drive('C', &["Users", "admin", "AppData", "Local", "Temp"]) {
            if let Some(folder) = item.host.parent() {
                let _ = std::fs::create_dir_all(folder);
            }
        }
    }

    /// The items of a folder, by name as NTFS orders them (ignoring case).
    pub fn list(&self, folder: &Item) -> Result<Vec<Entry>, FsError> {
        let read = std::fs::read_dir(&folder.host).map_err(|_| FsError::NotFound(folder.shown()))?;
        let mut names: Vec<String> = read.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        names.sort_by_key(|n| n.to_lowercase());
        // Each child is checked as any path is: a link inside that leads out, or a device,
        // is left out of the listing rather than followed.
        Ok(names.iter().filter_map(|n| self.check(folder.lab.join(n)).ok()).filter_map(|i| self.entry(&i)).collect())
    }

    /// Makes a folder and any missing folders above it (New-Item -ItemType Directory).
    pub fn create_dir(&self, item: &Item, now: NaiveDateTime) -> Result<(), FsError> {
        if item.host.exists() {
            return Err(FsError::AlreadyExists(item.shown()));
        }
        let mut missing = vec![item.host.as_path()];
        while let Some(parent) = missing.last().and_then(|p| p.parent()).filter(|p| !p.exists()) {
            missing.push(parent);
        }
        std::fs::create_dir_all(&item.host).map_err(|e| io_error(item, &e))?;
        for made in &missing {
            touch(made, now);
        }
        if let Some(above) = missing.last().and_then(|top| top.parent()).filter(|p| !self.is_user_root(p)) {
            touch(above, now);
        }
        Ok(())
    }

    /// Removes a file or folder; a folder with items needs `recurse`. Nothing is followed:
    /// a link is removed as a link.
    pub fn remove(&self, item: &Item, recurse: bool, now: NaiveDateTime) -> Result<(), FsError> {
        let m = std::fs::symlink_metadata(&item.host).map_err(|_| FsError::NotFound(item.shown()))?;
        let result = if m.is_dir() {
            if recurse {
                std::fs::remove_dir_all(&item.host)
            } else if std::fs::read_dir(&item.host).is_ok_and(|mut d| d.next().is_some()) {
                return Err(FsError::NotEmpty(item.shown()));
            } else {
                std::fs::remove_dir(&item.host)
            }
        } else {
            std::fs::remove_file(&item.host)
        };
        result.map_err(|e| io_error(item, &e))?;
        self.touch_parent(item, now);
        Ok(())
    }

    /// Copies a file, or a folder with everything in it when `recurse` (each item below
    /// checked by the rule on the way).
    pub fn copy(&self, from: &Item, to: &Item, recurse: bool, now: NaiveDateTime) -> Result<(), FsError> {
        if from.host.is_dir() {
            if !to.host.exists() {
                self.create_dir(to, now)?;
            }
            if recurse {
                for child in self.list(from)? {
                    let target = self.check(to.lab.join(child.item.lab.name()))?;
                    self.copy(&child.item, &target, true, now)?;
                }
            }
            return Ok(());
        }
        let bytes = self.read(from)?;
        self.write_bytes(to, &bytes, WriteMode::Create, now)
    }

    /// Moves or renames an item.
    pub fn rename(&self, from: &Item, to: &Item, now: NaiveDateTime) -> Result<(), FsError> {
        if std::fs::symlink_metadata(&from.host).is_err() {
            return Err(FsError::NotFound(from.shown()));
        }
        if to.host.exists() {
            return Err(FsError::AlreadyExists(to.shown()));
        }
        std::fs::rename(&from.host, &to.host).map_err(|e| io_error(to, &e))?;
        self.touch_parent(from, now);
        self.touch_parent(to, now);
        Ok(())
    }

    /// Empties a file (Clear-Content).
    pub fn truncate(&self, item: &Item, now: NaiveDateTime) -> Result<(), FsError> {
        if !item.host.is_file() {
            return Err(FsError::NotFound(item.shown()));
        }
        self.write_bytes(item, &[], WriteMode::Create, now)
    }
}
