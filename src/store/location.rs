//! Where the state lives: `-StateFile PATH`, then `ERSIM_STATE`, then the XDG data
//! directory; or nowhere (`-InMemory`).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::error::StoreError;

/// Environment variable naming the state file.
pub const STATE_ENV: &str = "ERSIM_STATE";

/// Where a store keeps its world.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A state file.
    File {
        /// The state file.
        path: PathBuf,
        /// Whether a missing directory may be created (true for the default location only:
        /// a path the user typed with a missing directory is more likely a typo).
        create_dir: bool,
    },
    /// No file: the world lives as long as the process.
    InMemory,
}

impl Location {
    /// A state file the user named; its directory must exist.
    pub fn file(path: impl Into<PathBuf>) -> Location {
        Location::File { path: path.into(), create_dir: false }
    }

    /// The state file, if any.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Location::File { path, .. } => Some(path),
            Location::InMemory => None,
        }
    }

    /// Resolves the host's options against the process environment.
    pub fn resolve(state_file: Option<PathBuf>, in_memory: bool) -> Result<Location, StoreError> {
        Location::resolve_from(state_file, in_memory, std::env::var_os(STATE_ENV), default_state_path())
    }

    /// [`Location::resolve`] with the environment passed in: `-StateFile` and `-InMemory`
    /// together are refused; otherwise `-InMemory`, then `-StateFile`, then a non-empty
    /// `ERSIM_STATE`, then `default` (created on first save).
    pub fn resolve_from(state_file: Option<PathBuf>, in_memory: bool, env_state: Option<OsString>, default: Option<PathBuf>) -> Result<Location, StoreError> {
        match (state_file, in_memory) {
            (Some(_), true) => Err(StoreError::ConflictingLocation),
            (None, true) => Ok(Location::InMemory),
            (Some(path), false) => Ok(Location::file(path)),
            (None, false) => match env_state.filter(|v| !v.is_empty()) {
                Some(path) => Ok(Location::file(path)),
                None => default.map(|path| Location::File { path, create_dir: true }).ok_or(StoreError::NoDefaultLocation),
            },
        }
    }
}

/// `$XDG_DATA_HOME/ersim/state.db`, else `$HOME/.local/share/ersim/state.db` (earlier
/// versions kept a JSON `state.json` there, which the store migrates).
pub fn default_state_path() -> Option<PathBuf> {
    default_state_path_from(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))
}

/// [`default_state_path`] with the environment passed in. The XDG base-directory spec says
/// a relative `XDG_DATA_HOME` is invalid and must be ignored.
pub fn default_state_path_from(xdg_data_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let data = match xdg_data_home.map(PathBuf::from) {
        Some(dir) if dir.is_absolute() => dir,
        _ => PathBuf::from(home.filter(|h| !h.is_empty())?).join(".local/share"),
    };
    Some(data.join("ersim").join("state.db"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(s: &str) -> Option<OsString> {
        Some(OsString::from(s))
    }

    #[test]
    fn default_path_follows_xdg() {
        assert_eq!(default_state_path_from(os("/data"), os("/home/u")), Some(PathBuf::from("/data/ersim/state.db")));
        assert_eq!(default_state_path_from(os("relative"), os("/home/u")), Some(PathBuf::from("/home/u/.local/share/ersim/state.db")));
        assert_eq!(default_state_path_from(None, os("/home/u")), Some(PathBuf::from("/home/u/.local/share/ersim/state.db")));
        assert_eq!(default_state_path_from(None, None), None);
        assert_eq!(default_state_path_from(os(""), os("")), None);
    }

    #[test]
    fn options_then_environment_then_default() {
        let default = Some(PathBuf::from("/d/state.json"));
        let resolve = |file: Option<&str>, mem, env: Option<&str>| Location::resolve_from(file.map(PathBuf::from), mem, env.and_then(os), default.clone());
        assert_eq!(resolve(None, true, Some("/e")).unwrap(), Location::InMemory);
        assert_eq!(resolve(Some("/f"), false, Some("/e")).unwrap(), Location::file("/f"));
        assert_eq!(resolve(None, false, Some("/e")).unwrap(), Location::file("/e"));
        assert_eq!(resolve(None, false, Some("")).unwrap(), Location::File { path: PathBuf::from("/d/state.json"), create_dir: true });
        let e = resolve(Some("/f"), true, None).unwrap_err();
        assert_eq!(e.to_string(), "-StateFile and -InMemory cannot be used together: choose one.");
        let e = Location::resolve_from(None, false, None, None).unwrap_err();
        assert!(matches!(e, StoreError::NoDefaultLocation));
        assert_eq!(Location::InMemory.path(), None);
    }
}
