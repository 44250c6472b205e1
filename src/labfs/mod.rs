//! The lab's file system: the Windows paths scripts write, mapped onto folders of this
//! machine, behind one access rule. It knows nothing of PowerShell; the cmdlets turn its
//! errors into 5.1's records.
//!
//! The mapping (docs/user-guide.md, "Files"):
//! - `C:\Users\admin` is the directory ersim was started in (its `AppData` folder excepted,
//!   which lives in the lab drive so that `$env:TEMP` never writes into the user's folder);
//! - every other `C:\…` path, and each other drive letter, is a folder of the **lab drive**:
//!   `<drive>\C\Windows\…`, `<drive>\D\…`;
//! - a path starting with `/` is this machine's own path: usable inside the script's folder
//!   and the `-AllowPath` folders, refused elsewhere.
//!
//! The rule (access.rs): a path is used only when, with every symbolic link followed, it
//! lies inside the start directory, the running script's folder, an `-AllowPath` folder or
//! the lab drive, and is a regular file or a folder (never a device, FIFO or socket).

mod access;
pub mod encoding;
mod ops;
pub mod path;

use std::cell::RefCell;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

pub use access::MAX_READ_BYTES;
pub use encoding::Encoding;
pub use ops::{Entry, WriteMode};
pub use path::{LabPath, PathError, Root};

/// Where the lab drive's folder is.
#[derive(Debug, Clone)]
pub enum DriveRoot {
    /// A folder kept from run to run (next to the state file, or `-DriveRoot DIR`).
    Dir(PathBuf),
    /// A folder made on first use and removed when the session ends (`-InMemory`).
    Temporary,
}

/// How a session's file system is laid out.
#[derive(Debug, Clone)]
pub struct Config {
    /// The directory ersim was started in: `C:\Users\admin`.
    pub start: PathBuf,
    pub drive: DriveRoot,
    /// The `-AllowPath` folders.
    pub allow: Vec<PathBuf>,
}

/// Why an operation was not done; each names the path as the script sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FsError {
    /// Outside every root, or no regular file or folder: nothing was touched.
    Denied(String),
    NotFound(String),
    /// The folder a new item would go in does not exist.
    NoParent(String),
    AlreadyExists(String),
    /// A folder where a file was wanted.
    IsDirectory(String),
    /// A file larger than [`MAX_READ_BYTES`]: its size.
    TooLarge(String, u64),
    /// A folder that is not empty, removed without recursion.
    NotEmpty(String),
    Invalid(PathError, String),
    /// The operating system refused (the reason, as it said it).
    Io(String, String),
}

impl FsError {
    /// The path the error names.
    pub fn path(&self) -> &str {
        match self {
            FsError::Denied(p)
            | FsError::NotFound(p)
            | FsError::NoParent(p)
            | FsError::AlreadyExists(p)
            | FsError::IsDirectory(p)
            | FsError::TooLarge(p, _)
            | FsError::NotEmpty(p)
            | FsError::Invalid(_, p)
            | FsError::Io(p, _) => p,
        }
    }
}

/// .NET's messages for what went wrong, as a file API says them.
impl std::fmt::Display for FsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FsError::Denied(p) | FsError::IsDirectory(p) => write!(f, "Access to the path '{p}' is denied."),
            FsError::NotFound(p) => write!(f, "Could not find file '{p}'."),
            FsError::NoParent(p) => write!(f, "Could not find a part of the path '{p}'."),
            FsError::AlreadyExists(p) => write!(f, "The file '{p}' already exists."),
            FsError::TooLarge(p, size) => write!(f, "The file '{p}' is {size} bytes, larger than the {MAX_READ_BYTES} bytes ersim reads."),
            FsError::NotEmpty(p) => write!(f, "The directory '{p}' is not empty."),
            FsError::Invalid(..) => write!(f, "Illegal characters in path."),
            FsError::Io(_, why) => write!(f, "{why}"),
        }
    }
}

/// A path a script named, checked by the rule: where it is in the lab and on this machine.
#[derive(Debug, Clone)]
pub struct Item {
    pub lab: LabPath,
    pub host: PathBuf,
}

impl Item {
    /// The path as the script sees it.
    pub fn shown(&self) -> String {
        self.lab.to_string()
    }
}

/// The lab's file system of one session.
pub struct LabFs {
    start: PathBuf,
    drive: PathBuf,
    temporary: bool,
    allow: Vec<PathBuf>,
    /// The folders of the scripts running, innermost last.
    scripts: RefCell<Vec<PathBuf>>,
    location: RefCell<LabPath>,
    stack: RefCell<Vec<LabPath>>,
    /// Files already warned about (read as Windows-1252 though they hold UTF-8).
    warned: RefCell<HashSet<PathBuf>>,
    /// Drives named by a word (`TestDrive:`), each standing for a folder of the lab.
    named: RefCell<Vec<(String, LabPath)>>,
}

/// A folder name for this session's temporary lab drive, unique on the machine.
fn temporary_drive() -> PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!("ersim-drive-{}-{n}", std::process::id()))
}

impl LabFs {
    pub fn new(config: Config) -> LabFs {
        let (drive, temporary) = match config.drive {
            DriveRoot::Dir(d) => (d, false),
            DriveRoot::Temporary => (temporary_drive(), true),
        };
        let physical = |p: &Path| access::physical(p).unwrap_or_else(|| p.to_path_buf());
        LabFs {
            start: physical(&config.start),
            drive: physical(&drive),
            temporary,
            allow: config.allow.iter().map(|p| physical(p)).collect(),
            scripts: RefCell::new(Vec::new()),
            location: RefCell::new(LabPath::home()),
            stack: RefCell::new(Vec::new()),
            warned: RefCell::new(HashSet::new()),
            named: RefCell::new(Vec::new()),
        }
    }

    /// The lab drive's folder on this machine (it may not exist until something is written).
    pub fn drive_root(&self) -> &Path {
        &self.drive
    }

    /// The start directory on this machine.
    pub fn start_root(&self) -> &Path {
        &self.start
    }

    /// The current location.
    pub fn location(&self) -> LabPath {
        self.location.borrow().clone()
    }

    pub fn set_location(&self, to: LabPath) {
        *self.location.borrow_mut() = to;
    }

    /// Push-Location's stack: the current location is kept and `to` becomes current.
    pub fn push_location(&self, to: LabPath) {
        let here = self.location();
        self.stack.borrow_mut().push(here);
        self.set_location(to);
    }

    /// Pop-Location: the last pushed location becomes current again (`None`: none left).
    pub fn pop_location(&self) -> Option<LabPath> {
        let top = self.stack.borrow_mut().pop()?;
        self.set_location(top.clone());
        Some(top)
    }

    /// A script from this folder starts running: its folder becomes a root while it runs.
    pub fn enter_script(&self, folder: &Path) {
        self.scripts.borrow_mut().push(access::physical(folder).unwrap_or_else(|| folder.to_path_buf()));
    }

    pub fn leave_script(&self) {
        self.scripts.borrow_mut().pop();
    }

    /// Names `folder` as the drive `name:` (Pester's `TestDrive:`) until [`LabFs::unmap_drive`].
    pub fn map_drive(&self, name: &str, folder: LabPath) {
        self.unmap_drive(name);
        self.named.borrow_mut().push((name.to_string(), folder));
    }

    pub fn unmap_drive(&self, name: &str) {
        self.named.borrow_mut().retain(|(n, _)| !n.eq_ignore_ascii_case(name));
    }

    /// `Name:\rest` of a named drive, written as the folder it stands for.
    fn named_drive_text(&self, text: &str) -> Option<String> {
        let (name, rest) = text.split_once(':')?;
        if name.len() < 2 || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        let named = self.named.borrow();
        let (_, folder) = named.iter().find(|(n, _)| n.eq_ignore_ascii_case(name))?;
        let rest = rest.trim_start_matches(['\\', '/']);
        Some(if rest.is_empty() { folder.to_string() } else { format!("{folder}\\{rest}") })
    }

    /// Parses `text` from the current location and applies the rule.
    pub fn resolve(&self, text: &str) -> Result<Item, FsError> {
        let mapped = self.named_drive_text(text);
        let text = mapped.as_deref().unwrap_or(text);
        let lab = path::parse(text, &self.location()).map_err(|e| match e {
            PathError::Network => FsError::Denied(text.to_string()),
            other => FsError::Invalid(other, text.to_string()),
        })?;
        self.check(lab)
    }

    /// Applies the rule to a parsed path.
    pub fn check(&self, lab: LabPath) -> Result<Item, FsError> {
        let lab = self.lab_form(lab);
        let host = self.host_of(&lab);
        self.allowed(&host).map_err(|()| FsError::Denied(lab.to_string()))?;
        // A drive's root is there on every machine: its folder in the lab drive is made
        // when it is first named.
        if lab.is_root() && lab.root != Root::Host {
            let _ = std::fs::create_dir_all(&host);
        }
        Ok(Item { lab, host })
    }

    /// A machine path inside the start directory or the lab drive, shown as its drive path.
    fn lab_form(&self, lab: LabPath) -> LabPath {
        if lab.root != Root::Host {
            return lab;
        }
        let host: PathBuf = std::iter::once("/".to_string()).chain(lab.parts.iter().cloned()).collect();
        access::physical(&host).and_then(|h| self.lab_of_host(&h)).unwrap_or(lab)
    }

    /// Where a machine path is in the lab, when it is inside the start directory or the drive.
    pub fn lab_of_host(&self, host: &Path) -> Option<LabPath> {
        let names = |rest: &Path| rest.iter().map(|n| n.to_string_lossy().into_owned()).collect::<Vec<_>>();
        if let Ok(rest) = host.strip_prefix(&self.start) {
            let mut lab = LabPath::home();
            lab.parts.extend(names(rest));
            return Some(lab);
        }
        let rest = names(host.strip_prefix(&self.drive).ok()?);
        let (letter, parts) = rest.split_first()?;
        let mut chars = letter.chars();
        match (chars.next(), chars.next()) {
            (Some(d), None) if d.is_ascii_uppercase() => Some(LabPath { root: Root::Drive(d), parts: parts.to_vec() }),
            _ => None,
        }
    }

    /// The machine path of a lab path, each name matched as Windows matches it: the exact
    /// name first, else the one name that differs only in case.
    fn host_of(&self, lab: &LabPath) -> PathBuf {
        let (mut host, rest): (PathBuf, &[String]) = match lab.root {
            Root::Host => (PathBuf::from("/"), &lab.parts),
            Root::Drive('C') if lab.starts_with(&LabPath::home()) && !lab.parts.get(2).is_some_and(|n| n.eq_ignore_ascii_case("AppData")) => {
                (self.start.clone(), &lab.parts[2..])
            }
            Root::Drive(d) => (self.drive.join(d.to_string()), &lab.parts),
        };
        for name in rest {
            host.push(access::match_case(&host, name));
        }
        host
    }

    /// Whether `host` may be used: inside a root once links are followed, and no device.
    fn allowed(&self, host: &Path) -> Result<(), ()> {
        let real = access::physical(host).ok_or(())?;
        let scripts = self.scripts.borrow();
        let mut roots = [&self.start, &self.drive].into_iter().chain(self.allow.iter()).chain(scripts.iter());
        if !roots.any(|r| real.starts_with(r)) {
            return Err(());
        }
        access::ordinary(&real)
    }

    /// Whether `folder` is the start directory, a script's folder or an `-AllowPath` folder.
    fn is_user_root(&self, folder: &Path) -> bool {
        let real = access::physical(folder);
        let real = real.as_deref();
        real == Some(self.start.as_path())
            || self.allow.iter().any(|a| real == Some(a.as_path()))
            || self.scripts.borrow().iter().any(|s| real == Some(s.as_path()))
    }

    /// `true` the first time a file is reported as UTF-8 read as Windows-1252.
    fn first_warning(&self, host: &Path) -> bool {
        self.warned.borrow_mut().insert(host.to_path_buf())
    }
}

impl Drop for LabFs {
    fn drop(&mut self) {
        if self.temporary {
            let _ = std::fs::remove_dir_all(&self.drive);
        }
    }
}

#[cfg(test)]
mod tests;
