//! The file cmdlets (Microsoft.PowerShell.Management's item, content and location cmdlets,
//! Out-File, Export-/Import-Csv) over the lab's file system. What they share: the session's
//! [`LabFs`], paths with wildcards, the FileInfo/DirectoryInfo objects and their view, and
//! 5.1's error records for what the file system refused.

mod certificate;
mod clixml;
mod content;
mod csv_files;
mod drives;
mod items;
mod listing;
mod locations;
mod out_file;
mod paths;
mod select_string;
mod tee;
mod transcript;

use std::rc::Rc;

use chrono::NaiveDateTime;

use crate::engine::command::{CommandInfo, ParamSpec};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::ops::wildcard_regex;
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::views::{Align, ColumnValue, TableView, ViewColumn};
use crate::engine::{Ctx, Flow};
use crate::labfs::{encoding, Encoding, Entry, FsError, Item, LabFs};

pub use certificate::{thumbprint_of, CERTIFICATE_TYPE};
pub use locations::path_info;
pub use out_file::RedirectionWriter;

pub const MANAGEMENT: &str = "Microsoft.PowerShell.Management";

/// Every file cmdlet, by family.
pub fn commands() -> Vec<CommandInfo> {
    let mut all = content::commands();
    all.extend(out_file::commands());
    all.extend(items::commands());
    all.extend(listing::commands());
    all.extend(paths::commands());
    all.extend(locations::commands());
    all.extend(csv_files::commands());
    all.extend(clixml::commands());
    all.extend(transcript::commands());
    all.extend(tee::commands());
    all.extend(select_string::commands());
    all.extend(certificate::commands());
    all
}

/// The views of the objects these cmdlets write.
pub fn views() -> Vec<TableView> {
    vec![file_system_view(), locations::path_info_view(), paths::drive_view(), select_string::view(), certificate::view()]
}

/// 5.1's aliases of these cmdlets.
pub const ALIASES: &[(&str, &str)] = &[
    ("gc", "Get-Content"),
    ("cat", "Get-Content"),
    ("type", "Get-Content"),
    ("sc", "Set-Content"),
    ("ac", "Add-Content"),
    ("clc", "Clear-Content"),
    ("gci", "Get-ChildItem"),
    ("dir", "Get-ChildItem"),
    ("ls", "Get-ChildItem"),
    ("gi", "Get-Item"),
    ("ni", "New-Item"),
    ("tee", "Tee-Object"),
    ("sls", "Select-String"),
    ("ri", "Remove-Item"),
    ("rm", "Remove-Item"),
    ("rmdir", "Remove-Item"),
    ("del", "Remove-Item"),
    ("erase", "Remove-Item"),
    ("rd", "Remove-Item"),
    ("cpi", "Copy-Item"),
    ("cp", "Copy-Item"),
    ("copy", "Copy-Item"),
    ("mi", "Move-Item"),
    ("mv", "Move-Item"),
    ("move", "Move-Item"),
    ("rni", "Rename-Item"),
    ("ren", "Rename-Item"),
    ("rvpa", "Resolve-Path"),
    ("cvpa", "Convert-Path"),
    ("gl", "Get-Location"),
    ("pwd", "Get-Location"),
    ("sl", "Set-Location"),
    ("cd", "Set-Location"),
    ("chdir", "Set-Location"),
    ("pushd", "Push-Location"),
    ("popd", "Pop-Location"),
    ("epcsv", "Export-Csv"),
    ("ipcsv", "Import-Csv"),
];

/// The session's file system. Every session has one; an interpreter built without a
/// session (a bare test) gets a clear error rather than a panic.
pub fn lab(ctx: &mut Ctx) -> Result<Rc<LabFs>, Flow> {
    match ctx.interp.extension::<Rc<LabFs>>() {
        Some(fs) => Ok(fs.clone()),
        None => Err(ctx.terminate(ErrorRecord::new(
            "This session has no file system.",
            "System.InvalidOperationException",
            ErrorCategory::InvalidOperation,
            "NoFileSystem",
        ))),
    }
}

pub fn now(ctx: &Ctx) -> NaiveDateTime {
    ctx.interp.clock.now()
}

/// The error ids one cmdlet reports for what the file system refused (5.1's differ by cmdlet).
pub struct Ids {
    pub denied: &'static str,
    pub no_parent: &'static str,
    pub io: &'static str,
}

/// The ids most content and item cmdlets use.
pub const READ_IDS: Ids =
    Ids { denied: "GetContentReaderUnauthorizedAccessError", no_parent: "GetContentReaderDirectoryNotFoundError", io: "GetContentReaderIOError" };
pub const WRITE_IDS: Ids =
    Ids { denied: "GetContentWriterUnauthorizedAccessError", no_parent: "GetContentWriterDirectoryNotFoundError", io: "GetContentWriterIOError" };

/// The record 5.1 writes when the file system refuses `e`, with the path as its target.
pub fn fs_record(ctx: &Ctx, e: &FsError, ids: &Ids) -> ErrorRecord {
    fs_record_of(&ctx.command.class_name, e, ids)
}

/// The same for the cmdlet of class `class` (redirection reports as Out-File).
pub fn fs_record_of(class: &str, e: &FsError, ids: &Ids) -> ErrorRecord {
    let path = e.path().to_string();
    let (message, exception, category, id) = match e {
        FsError::Denied(p) | FsError::IsDirectory(p) => {
            (format!("Access to the path '{p}' is denied."), "System.UnauthorizedAccessException", ErrorCategory::PermissionDenied, ids.denied)
        }
        FsError::NotFound(p) => (
            format!("Cannot find path '{p}' because it does not exist."),
            "System.Management.Automation.ItemNotFoundException",
            ErrorCategory::ObjectNotFound,
            "PathNotFound",
        ),
        FsError::NoParent(p) => {
            (format!("Could not find a part of the path '{p}'."), "System.IO.DirectoryNotFoundException", ErrorCategory::ObjectNotFound, ids.no_parent)
        }
        FsError::AlreadyExists(p) => (format!("The file '{p}' already exists."), "System.IO.IOException", ErrorCategory::WriteError, ids.io),
        FsError::TooLarge(p, size) => (
            format!("The file '{p}' is {size} bytes, larger than the {} bytes ersim reads.", crate::labfs::MAX_READ_BYTES),
            "System.IO.IOException",
            ErrorCategory::ReadError,
            ids.io,
        ),
        FsError::NotEmpty(p) => {
            (format!("Directory {p} cannot be removed because it is not empty."), "System.IO.IOException", ErrorCategory::WriteError, ids.io)
        }
        FsError::Invalid(_, _) => ("Illegal characters in path.".to_string(), "System.ArgumentException", ErrorCategory::InvalidArgument, ids.io),
        FsError::Io(_, why) => (why.clone(), "System.IO.IOException", ErrorCategory::WriteError, ids.io),
    };
    ErrorRecord::new(message, exception, category, format!("{id},{class}")).with_target(&Value::str(path))
}

/// A file another module's cmdlet reads or writes (a netcfg document, a state export), checked
/// by the lab's rule: the session's file system and the item, or the text of 5.1's refusal.
pub fn checked_item(ctx: &Ctx, text: &str) -> Result<(Rc<LabFs>, Item), String> {
    let Some(fs) = ctx.interp.extension::<Rc<LabFs>>().cloned() else { return Err("This session has no file system.".into()) };
    match fs.resolve(strip_provider(text)) {
        Ok(item) => Ok((fs, item)),
        Err(FsError::Invalid(..)) => Err("Illegal characters in path.".into()),
        Err(e) => Err(format!("Access to the path '{}' is denied.", e.path())),
    }
}

/// `-Append` adds, `-NoClobber` refuses a file that is there, else the file is replaced:
/// Out-File's and Start-Transcript's choice.
pub fn write_mode(args: &crate::engine::command::Args) -> crate::labfs::WriteMode {
    if args.switch("Append") {
        crate::labfs::WriteMode::Append
    } else if args.switch("NoClobber") {
        crate::labfs::WriteMode::CreateNew
    } else {
        crate::labfs::WriteMode::Create
    }
}

/// `-NoClobber` met a file that is there (Out-File, Export-Csv): 5.1's own record.
pub fn no_clobber(ctx: &Ctx, path: &str) -> ErrorRecord {
    ErrorRecord::new(
        format!("The file '{path}' already exists."),
        "System.IO.IOException",
        ErrorCategory::ResourceExists,
        format!("NoClobber,{}", ctx.command.class_name),
    )
    .with_target(&Value::str(path))
}

/// `PSPath` values arrive with the provider's name in front.
pub fn strip_provider(text: &str) -> &str {
    for prefix in ["Microsoft.PowerShell.Core\\FileSystem::", "FileSystem::"] {
        if text.len() >= prefix.len() && text[..prefix.len()].eq_ignore_ascii_case(prefix) {
            return &text[prefix.len()..];
        }
    }
    text
}

pub fn has_wildcard(text: &str) -> bool {
    text.contains(['*', '?', '['])
}

/// The items a `-Path` names: itself, or for a wildcard in its last name the matching
/// items of its folder (none is no error, as in 5.1). `literal` paths are never expanded.
/// The items a path names; when it names none that can be reached, its error is written
/// (non-terminating) and there are none: what every path-taking cmdlet does first.
pub fn expand_or_report(ctx: &mut Ctx, fs: &LabFs, text: &str, literal: bool, ids: &Ids) -> crate::engine::EvalResult<Vec<Item>> {
    match expand(fs, text, literal) {
        Ok(items) => Ok(items),
        Err(e) => {
            ctx.write_error(fs_record(ctx, &e, ids))?;
            Ok(Vec::new())
        }
    }
}

pub fn expand(fs: &LabFs, text: &str, literal: bool) -> Result<Vec<Item>, FsError> {
    let text = strip_provider(text);
    if literal || !has_wildcard(text) {
        return Ok(vec![fs.resolve(text)?]);
    }
    let cut = text.rfind(['\\', '/']).map_or(0, |i| i + 1);
    let (folder, pattern) = text.split_at(cut);
    let folder = fs.resolve(if folder.is_empty() { "." } else { folder })?;
    if !fs.is_dir(&folder) {
        return Ok(Vec::new());
    }
    let re = wildcard_regex(pattern, false);
    Ok(fs.list(&folder)?.into_iter().filter(|e| re.is_match(e.item.lab.name())).map(|e| e.item).collect())
}

/// The strings of a `-Path`/`-LiteralPath` argument, and whether they are literal.
pub fn path_args(args: &crate::engine::command::Args) -> (Vec<String>, bool) {
    let strings = |v: &Value| v.enumerate().iter().map(crate::engine::convert::to_string).collect::<Vec<_>>();
    match args.get("LiteralPath") {
        Some(v) => (strings(v), true),
        None => (args.get("Path").map(strings).unwrap_or_default(), false),
    }
}

pub fn path_param() -> ParamSpec {
    ParamSpec::new("Path", TypeKind::String).array().position(0).by_name().in_set("Path").wildcards().help("The path; wildcards are expanded.")
}

pub fn literal_path_param() -> ParamSpec {
    ParamSpec::new("LiteralPath", TypeKind::String)
        .array()
        .by_name()
        .alias("PSPath")
        .in_set("LiteralPath")
        .help("The path exactly as written (no wildcards); a FileInfo's PSPath binds here.")
}

/// `-Encoding` with 5.1's names.
pub fn encoding_param(default: &str) -> ParamSpec {
    let names: Vec<&str> = encoding::NAMES.iter().map(|(n, _)| *n).collect();
    ParamSpec::new("Encoding", TypeKind::String).set(&names).default_text(default).help("The text encoding, by 5.1's names.")
}

pub fn encoding_arg(args: &crate::engine::command::Args) -> Option<Encoding> {
    args.string("Encoding").and_then(|n| encoding::by_name(&n))
}

/// The warning for a file without a BOM that holds UTF-8 text, which 5.1 reads as ANSI.
pub fn ansi_warning(ctx: &mut Ctx, item: &Item) -> crate::engine::error::EvalResult<()> {
    ctx.write_warning(&encoding::mangled_utf8_warning(&item.shown()))
}

const FILE_INFO: &str = "System.IO.FileInfo";
const DIRECTORY_INFO: &str = "System.IO.DirectoryInfo";
const FILE_SYSTEM_INFO: &str = "System.IO.FileSystemInfo";
const PROVIDER: &str = "Microsoft.PowerShell.Core\\FileSystem";

/// The FileInfo or DirectoryInfo object of an item, with the provider's note properties.
pub fn item_object(e: &Entry) -> Value {
    let lab = &e.item.lab;
    let full = lab.to_string();
    let name = if lab.is_root() { full.clone() } else { lab.name().to_string() };
    let mut o = PsObject::typed(if e.is_dir { DIRECTORY_INFO } else { FILE_INFO });
    o.type_names.insert(1, FILE_SYSTEM_INFO.into());
    o.type_names.insert(2, "System.MarshalByRefObject".into());
    o.add_note("PSPath", Value::str(format!("{PROVIDER}::{full}")));
    if !lab.is_root() {
        o.add_note("PSParentPath", Value::str(format!("{PROVIDER}::{}", lab.parent())));
    }
    o.add_note("PSChildName", Value::str(&name));
    o.add_note("PSDrive", Value::str(lab.drive_name()));
    o.add_note("PSProvider", Value::str(PROVIDER));
    o.add_note("PSIsContainer", Value::Bool(e.is_dir));
    o.add_note("Mode", Value::str(mode(e)));
    let (base, ext) = match name.rfind('.') {
        Some(i) if i > 0 && !e.is_dir => (name[..i].to_string(), name[i..].to_string()),
        _ => (name.clone(), String::new()),
    };
    o.add_note("BaseName", Value::str(if e.is_dir { name.clone() } else { base }));
    o.add_typed("Name", "string", Value::str(&name));
    if e.is_dir {
        o.add_typed("Parent", "System.IO.DirectoryInfo", if lab.is_root() { Value::Null } else { Value::str(lab.parent().name()) });
        o.add_typed("Root", "System.IO.DirectoryInfo", Value::str(format!("{}:\\", lab.drive_name())));
    } else {
        o.add_typed("Length", "long", Value::Long(e.len as i64));
        o.add_typed("DirectoryName", "string", Value::str(lab.parent().to_string()));
        o.add_typed("IsReadOnly", "bool", Value::Bool(e.read_only));
    }
    o.add_typed("Exists", "bool", Value::Bool(true));
    o.add_typed("FullName", "string", Value::str(&full));
    o.add_typed("Extension", "string", Value::str(ext));
    o.add_typed("CreationTime", "datetime", Value::DateTime(e.created));
    o.add_typed("LastAccessTime", "datetime", Value::DateTime(e.modified));
    o.add_typed("LastWriteTime", "datetime", Value::DateTime(e.modified));
    o.add_typed(
        "Attributes",
        "System.IO.FileAttributes",
        Value::str(if e.is_dir {
            "Directory"
        } else if e.read_only {
            "ReadOnly, Archive"
        } else {
            "Archive"
        }),
    );
    Value::object(o)
}

/// `d-----`, `-a----`, `-ar---`: the Mode column's attribute letters.
fn mode(e: &Entry) -> String {
    match (e.is_dir, e.read_only) {
        (true, _) => "d-----".into(),
        (false, true) => "-ar---".into(),
        (false, false) => "-a----".into(),
    }
}

fn last_write_cell(v: &Value) -> String {
    let Value::Object(o) = v else { return String::new() };
    let Some(Value::DateTime(d)) = o.borrow().get("LastWriteTime").cloned() else { return String::new() };
    // `{0,10}  {1,8}` of the short date and the short time.
    format!("{:>10}  {:>8}", d.format("%-m/%-d/%Y").to_string(), d.format("%-I:%M %p").to_string())
}

fn directory_line(v: &Value) -> String {
    let parent = crate::format::view::prop(v, "PSParentPath");
    format!("Directory: {}", strip_provider(&parent))
}

/// FileSystem.format.ps1xml's children view: Mode, LastWriteTime, Length, Name, grouped
/// under a `Directory:` line per folder.
fn file_system_view() -> TableView {
    let right = |label, width, value| ViewColumn { label, width, align: Align::Right, value };
    TableView {
        group_control: Some(directory_line),
        ..TableView::new(
            FILE_SYSTEM_INFO,
            vec![
                ViewColumn::property("Mode", 7),
                right("LastWriteTime", 25, ColumnValue::Computed(last_write_cell)),
                right("Length", 14, ColumnValue::Property("Length")),
                ViewColumn::property("Name", 0),
            ],
        )
    }
}
