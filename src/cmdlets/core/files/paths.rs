//! Path text: Split-Path (no file is touched), Resolve-Path and Convert-Path (the items a
//! path names, as PathInfo objects or strings), and Get-PSDrive (the lab's drives and where
//! each lives on this machine).

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::views::{TableView, ViewColumn};
use crate::engine::{Ctx, EvalResult};
use crate::labfs::FsError;

use super::locations::path_info;
use super::{expand, fs_record, lab, literal_path_param, path_args, path_param, Ids, MANAGEMENT};

const IDS: Ids = Ids { denied: "ResolvePathUnauthorizedAccessError", no_parent: "PathNotFound", io: "PathNotFound" };

fn class(name: &str) -> String {
    format!("Microsoft.PowerShell.Commands.{name}Command")
}

pub fn commands() -> Vec<CommandInfo> {
    let split_switch = |name: &str, help: &str| ParamSpec::switch(name).in_set(name).help(help);
    vec![
        CommandInfo::cmdlet("Split-Path", MANAGEMENT, &class("SplitPath"), || Box::new(SplitPath))
            .param(ParamSpec::new("Path", TypeKind::String).array().mandatory().position(0).pipeline().by_name().help("The path to take apart."))
            .param(split_switch("Parent", "The folder part (the default)."))
            .param(split_switch("Leaf", "The last name."))
            .param(split_switch("Qualifier", "The drive (C:)."))
            .param(split_switch("NoQualifier", "Everything after the drive."))
            .param(split_switch("IsAbsolute", "Whether the path is absolute."))
            .param(ParamSpec::switch("Resolve").help("Resolves the path first."))
            .default_set("Parent")
            .outputs("System.String")
            .synopsis("Returns a part of a path.")
            .description("Works on the text only: no file is looked at, unless -Resolve.")
            .example("The folder and the name", "Split-Path 'C:\\Labs\\netcfg.xml'; Split-Path 'C:\\Labs\\netcfg.xml' -Leaf", "C:\\Labs and netcfg.xml."),
        CommandInfo::cmdlet("Resolve-Path", MANAGEMENT, &class("ResolvePath"), || Box::new(ResolvePath { strings: false }))
            .param(path_param().mandatory().pipeline())
            .param(literal_path_param().mandatory())
            .param(ParamSpec::switch("Relative").help("Writes paths relative to the current location (.\\x)."))
            .default_set("Path")
            .outputs("System.Management.Automation.PathInfo")
            .synopsis("Resolves wildcards and relative paths to the items' full paths.")
            .description("A PathInfo per item; a path with nothing there is an error.")
            .example("The full path", "(Resolve-Path ~).Path", "C:\\Users\\admin."),
        CommandInfo::cmdlet("Convert-Path", MANAGEMENT, &class("ConvertPath"), || Box::new(ResolvePath { strings: true }))
            .param(path_param().mandatory().pipeline())
            .param(literal_path_param().mandatory())
            .default_set("Path")
            .outputs("System.String")
            .synopsis("Converts a path to the file system's full path.")
            .description("A string per item; a path with nothing there is an error.")
            .example("The current folder", "Convert-Path .", "C:\\Users\\admin."),
        CommandInfo::cmdlet("Get-PSDrive", MANAGEMENT, &class("GetPSDrive"), || Box::new(GetPsDrive))
            .param(ParamSpec::new("Name", TypeKind::String).array().position(0).by_name().help("The drives to show (all by default)."))
            .outputs("System.Management.Automation.PSDriveInfo")
            .synopsis("Gets the drives of the session.")
            .description("C: (and any drive letter a script has written to), Env:, Variable:, Function: and Alias:. A file-system drive's Description says where it lives on this machine.")
            .example("Where C: is", "(Get-PSDrive C).Root", "C:\\."),
    ]
}

/// The folder part of `path` as 5.1's Split-Path gives it (`C:\` for a drive's child,
/// empty for a bare name or a root).
fn parent(path: &str) -> String {
    let trimmed = path.trim_end_matches(['\\', '/']);
    let trimmed = if trimmed.len() == 2 && trimmed.ends_with(':') { path } else { trimmed };
    match trimmed.rfind(['\\', '/']) {
        Some(0) if trimmed.len() > 1 => trimmed[..1].to_string(),
        Some(i) if i == 2 && trimmed.as_bytes()[1] == b':' && trimmed.len() > 3 => trimmed[..3].to_string(),
        Some(i) if i + 1 < trimmed.len() => trimmed[..i].to_string(),
        _ => String::new(),
    }
}

fn leaf(path: &str) -> String {
    let trimmed = path.trim_end_matches(['\\', '/']);
    trimmed.rsplit(['\\', '/']).next().unwrap_or(trimmed).to_string()
}

fn qualifier(path: &str) -> Option<&str> {
    let colon = path.find(':')?;
    Some(&path[..=colon])
}

struct SplitPath;

impl Cmdlet for SplitPath {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let mut paths: Vec<String> = args.get("Path").map(|v| v.enumerate().iter().map(to_string).collect()).unwrap_or_default();
        if args.switch("Resolve") {
            let mut resolved = Vec::new();
            for p in &paths {
                match expand(&fs, p, false) {
                    Ok(items) if !items.is_empty() && items.iter().all(|i| fs.exists(i)) => resolved.extend(items.iter().map(|i| i.shown())),
                    Ok(_) => ctx.write_error(fs_record(ctx, &FsError::NotFound(p.clone()), &IDS))?,
                    Err(e) => ctx.write_error(fs_record(ctx, &e, &IDS))?,
                }
            }
            paths = resolved;
        }
        for p in paths {
            let out = match args.set.as_deref() {
                Some("Leaf") => Value::str(leaf(&p)),
                Some("Qualifier") => match qualifier(&p) {
                    Some(q) => Value::str(q),
                    None => {
                        let rec = crate::engine::error::ErrorRecord::new(
                            format!("Cannot parse path because path '{p}' does not have a qualifier specified."),
                            "System.Management.Automation.ParameterBindingException",
                            crate::engine::error::ErrorCategory::InvalidArgument,
                            "ParsePathFormatError,Microsoft.PowerShell.Commands.SplitPathCommand",
                        )
                        .with_target(&Value::str(&p));
                        ctx.write_error(rec)?;
                        continue;
                    }
                },
                Some("NoQualifier") => Value::str(qualifier(&p).map_or(p.as_str(), |q| &p[q.len()..])),
                Some("IsAbsolute") => Value::Bool(qualifier(&p).is_some() || p.starts_with(['\\', '/', '~'])),
                _ => Value::str(parent(&p)),
            };
            ctx.emit(out)?;
        }
        Ok(())
    }
}

struct ResolvePath {
    strings: bool,
}

impl Cmdlet for ResolvePath {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let (paths, literal) = path_args(args);
        let here = fs.location();
        for p in paths {
            let items = match expand(&fs, &p, literal) {
                Ok(items) => items.into_iter().filter(|i| fs.exists(i)).collect::<Vec<_>>(),
                Err(e) => {
                    ctx.write_error(fs_record(ctx, &e, &IDS))?;
                    continue;
                }
            };
            if items.is_empty() {
                let shown = fs.resolve(&p).map(|i| i.shown()).unwrap_or(p.clone());
                ctx.write_error(fs_record(ctx, &FsError::NotFound(shown), &IDS))?;
                continue;
            }
            for item in items {
                if self.strings {
                    ctx.emit(Value::str(item.shown()))?;
                } else if args.switch("Relative") {
                    let rel = if item.lab.starts_with(&here) { format!(".\\{}", item.lab.parts[here.parts.len()..].join("\\")) } else { item.shown() };
                    ctx.emit(Value::str(rel))?;
                } else {
                    ctx.emit(path_info(&item.lab))?;
                }
            }
        }
        Ok(())
    }
}

const DRIVE_INFO: &str = "System.Management.Automation.PSDriveInfo";

pub fn drive_view() -> TableView {
    TableView::new(
        DRIVE_INFO,
        vec![
            ViewColumn::property("Name", 10),
            ViewColumn::property("Provider", 12),
            ViewColumn::property("Root", 30),
            ViewColumn::property("CurrentLocation", 0),
        ],
    )
}

struct GetPsDrive;

impl Cmdlet for GetPsDrive {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let here = fs.location();
        let mut letters: Vec<char> = std::fs::read_dir(fs.drive_root())
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .filter_map(|e| e.file_name().to_str().and_then(|n| n.chars().next().filter(|c| c.is_ascii_uppercase() && n.len() == 1)))
                    .collect()
            })
            .unwrap_or_default();
        letters.push('C');
        letters.sort_unstable();
        letters.dedup();
        let mut drives: Vec<(String, &str, String, String, String)> = letters
            .iter()
            .map(|&d| {
                let current = if here.root == crate::labfs::Root::Drive(d) { here.parts.join("\\") } else { String::new() };
                let home = if d == 'C' { format!("; C:\\Users\\admin is {}", fs.start_root().display()) } else { String::new() };
                (d.to_string(), "FileSystem", format!("{d}:\\"), current, format!("The lab drive's {}{home}", fs.drive_root().join(d.to_string()).display()))
            })
            .collect();
        for (name, provider) in [("Alias", "Alias"), ("Env", "Environment"), ("Function", "Function"), ("Variable", "Variable")] {
            drives.push((name.into(), provider, String::new(), String::new(), String::new()));
        }
        drives.sort_by_key(|d| d.0.to_lowercase());
        let wanted: Vec<String> = args.get("Name").map(|v| v.enumerate().iter().map(to_string).collect()).unwrap_or_default();
        for (name, provider, root, current, description) in drives {
            if !wanted.is_empty() && !wanted.iter().any(|w| crate::engine::ops::like(&Value::str(&name), &Value::str(w), false)) {
                continue;
            }
            let mut o = PsObject::typed(DRIVE_INFO);
            o.add_typed("Name", "string", Value::str(&name));
            o.add_typed("Provider", "System.Management.Automation.ProviderInfo", Value::str(provider));
            o.add_typed("Root", "string", Value::str(root));
            o.add_typed("CurrentLocation", "string", Value::str(current));
            o.add_typed("Description", "string", Value::str(description));
            ctx.emit(Value::object(o))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_path_takes_text_apart_as_5_1_does() {
        assert_eq!(parent("C:\\Labs\\netcfg.xml"), "C:\\Labs");
        assert_eq!(parent("C:\\Labs"), "C:\\");
        assert_eq!(parent("C:\\"), "");
        assert_eq!(parent("netcfg.xml"), "");
        assert_eq!(parent("a\\b\\"), "a");
        assert_eq!(leaf("C:\\Labs\\netcfg.xml"), "netcfg.xml");
        assert_eq!(qualifier("C:\\Labs"), Some("C:"));
    }
}
