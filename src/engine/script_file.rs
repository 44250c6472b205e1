//! Script files run as commands: `. .\lib.ps1`, `& .\deploy.ps1 -Name x`, `.\deploy.ps1 x`.
//! A name with a path separator that ends in `.ps1` is looked for in the lab's file system
//! (as 5.1 runs a script only by a path, never by a bare name from the current folder), read
//! as 5.1 reads a script (a BOM, else Windows-1252), parsed, and run as a function whose
//! scope is a script scope; dot-sourced, it runs in the caller's scope.

use std::rc::Rc;

use crate::labfs::{FsError, LabFs};
use crate::lang::ast::{ScriptBlock, Source};

use super::binder;
use super::command::CommandInfo;
use super::error::{parse_error_record, ErrorCategory, ErrorRecord};
use super::runtime::Interp;

/// What running a script file found: its command and body, or the error to report.
pub(super) type Found = Result<(Rc<CommandInfo>, Rc<ScriptBlock>), ErrorRecord>;

impl Interp {
    /// The script file `name` names, or `None` when it names none (the caller reports the
    /// command as not found, as 5.1 does for a path with nothing there).
    pub(super) fn script_file(&mut self, name: &str) -> Option<Found> {
        if !name.contains(['\\', '/']) || !name.to_ascii_lowercase().ends_with(".ps1") {
            return None;
        }
        let fs: Rc<LabFs> = self.services.get::<Rc<LabFs>>()?.clone();
        let item = match fs.resolve(name) {
            Ok(item) => item,
            Err(FsError::Denied(p)) => return Some(Err(denied(&p))),
            Err(_) => return None,
        };
        if !fs.exists(&item) || fs.is_dir(&item) {
            return None;
        }
        let (text, mangled) = match fs.read_text(&item, None) {
            Ok(read) => read,
            Err(FsError::Denied(p)) => return Some(Err(denied(&p))),
            Err(e) => return Some(Err(ErrorRecord::new(e.to_string(), "System.IO.IOException", ErrorCategory::ReadError, "ScriptReadError"))),
        };
        if mangled {
            self.host.write_warning(&crate::labfs::encoding::mangled_utf8_warning(&item.shown()));
        }
        // Positions, $PSCommandPath and $PSScriptRoot name the file by its lab path
        // (`C:\deploy\tools\deploy.ps1`), which leads back to it.
        let src = Source::new(Some(item.shown()), text);
        let body = match crate::lang::parse_script(&src) {
            Ok(sb) => sb,
            Err(e) => {
                // The caller goes on with its next statement, as after any failed command.
                let mut rec = parse_error_record(&e, &src, false);
                rec.terminates_script = false;
                return Some(Err(rec));
            }
        };
        // Its classes and enums exist before its first statement runs, as for the -File script.
        if let Err(super::error::Flow::Error(rec)) = self.define_script_types(&body) {
            let mut rec = (*rec).clone();
            rec.terminates_script = false;
            return Some(Err(rec));
        }
        let mut info = binder::function_info(item.lab.name(), &body, false, &self.types);
        info.script_file = Some(item.shown());
        Some(Ok((Rc::new(info), body)))
    }

    /// The script file whose text is running: the one its source came from, else the -File script.
    pub(super) fn running_script(&self) -> Option<String> {
        self.current_source.as_ref().and_then(|s| s.path.clone()).or_else(|| self.script_path.clone())
    }
}

/// The folder of a script's path, a lab path (`C:\x\a.ps1`) or this machine's (`/x/a.ps1`).
pub(super) fn folder_of(path: &str) -> String {
    match path.rfind(['\\', '/']) {
        Some(0) => path[..1].to_string(),
        Some(i) if i == 2 && path.as_bytes()[1] == b':' => path[..3].to_string(),
        Some(i) => path[..i].to_string(),
        None => String::new(),
    }
}

fn denied(path: &str) -> ErrorRecord {
    ErrorRecord::new(
        format!("Access to the path '{path}' is denied."),
        "System.UnauthorizedAccessException",
        ErrorCategory::PermissionDenied,
        "UnauthorizedAccess",
    )
}
