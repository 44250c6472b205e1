//! The item cmdlets: Test-Path, Get-Item, New-Item, Remove-Item, Copy-Item, Move-Item and
//! Rename-Item, over the lab's files and the session's own drives (drives.rs).

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, EvalResult};
use crate::labfs::{FsError, Item, LabFs, WriteMode};

use super::drives;
use super::{expand, expand_or_report, fs_record, item_object, lab, literal_path_param, now, path_args, path_param, Ids, MANAGEMENT};

fn class(name: &str) -> String {
    format!("Microsoft.PowerShell.Commands.{name}Command")
}

const ITEM_IDS: Ids = Ids { denied: "ItemExistsUnauthorizedAccessError", no_parent: "ItemExistsDirectoryNotFoundError", io: "GetItemIOError" };

pub fn commands() -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("Test-Path", MANAGEMENT, &class("TestPath"), || Box::new(TestPath))
            .param(path_param().mandatory().pipeline())
            .param(literal_path_param().mandatory())
            .param(
                ParamSpec::new("PathType", TypeKind::String)
                    .set(&["Any", "Container", "Leaf"])
                    .alias("Type")
                    .help("Any (the default), Container (a folder) or Leaf (a file)."),
            )
            .param(ParamSpec::switch("IsValid").help("Tells whether the text could be a path, whether or not anything is there."))
            .default_set("Path")
            .outputs("System.Boolean")
            .synopsis("Determines whether a path exists.")
            .description("True when there is an item at the path (of the -PathType asked for); False otherwise, also for a path the lab does not reach.")
            .example("Before reading", "if (Test-Path .\\circuits.csv) { 'found' } else { 'missing' }", "missing, until the file is made.")
            .example("A variable", "$x = 1; Test-Path variable:x", "True."),
        CommandInfo::cmdlet("Get-Item", MANAGEMENT, &class("GetItem"), || Box::new(GetItem))
            .param(path_param().mandatory().pipeline())
            .param(literal_path_param().mandatory())
            .param(ParamSpec::switch("Force").help("Accepted."))
            .default_set("Path")
            .outputs("System.IO.FileInfo")
            .synopsis("Gets the item at a path.")
            .description("A FileInfo or DirectoryInfo for a file or folder, or the item of an Env:, Variable:, Function: or Alias: path.")
            .example("A folder", "(Get-Item .).FullName", "C:\\Users\\admin."),
        CommandInfo::cmdlet("New-Item", MANAGEMENT, &class("NewItem"), || Box::new(NewItem))
            .should_process()
            .param(ParamSpec::new("Path", TypeKind::String).array().position(0).by_name().help("Where the item goes (with -Name: the folder it goes in)."))
            .param(ParamSpec::new("Name", TypeKind::String).by_name().help("The item's name, in the folder -Path names (the current one by default)."))
            .param(ParamSpec::new("ItemType", TypeKind::String).by_name().alias("Type").help("File (the default) or Directory."))
            .param(ParamSpec::new("Value", TypeKind::Object).pipeline().by_name().help("A new file's text (UTF-8, no BOM, as 5.1 writes it)."))
            .param(ParamSpec::switch("Force").help("Replaces a file that is there, and makes missing folders above."))
            .outputs("System.IO.FileInfo")
            .synopsis("Creates a file or a folder.")
            .description("Writes the new item's FileInfo or DirectoryInfo. A file that exists is an error unless -Force.")
            .example("A folder for logs", "New-Item -ItemType Directory -Path logs -Force | Out-Null; Test-Path logs -PathType Container", "True."),
        CommandInfo::cmdlet("Remove-Item", MANAGEMENT, &class("RemoveItem"), || Box::new(RemoveItem))
            .should_process()
            .param(path_param().mandatory().pipeline())
            .param(literal_path_param().mandatory())
            .param(ParamSpec::switch("Recurse").help("Removes a folder with everything in it."))
            .param(ParamSpec::switch("Force").help("Accepted."))
            .default_set("Path")
            .synopsis("Deletes files and folders.")
            .description(
                "A folder with items needs -Recurse (otherwise 5.1's confirmation is asked). Env:, Variable:, Function: and Alias: items can be removed too.",
            )
            .example("Tidy up", "Set-Content old.log 'x'; Remove-Item old.log; Test-Path old.log", "False."),
        CommandInfo::cmdlet("Copy-Item", MANAGEMENT, &class("CopyItem"), || Box::new(CopyMove { remove_source: false }))
            .should_process()
            .param(path_param().mandatory().pipeline())
            .param(literal_path_param().mandatory())
            .param(ParamSpec::new("Destination", TypeKind::String).position(1).by_name().help("Where the copy goes; into it when it is a folder."))
            .param(ParamSpec::switch("Recurse").help("Copies a folder with everything in it."))
            .param(ParamSpec::switch("Force").help("Replaces a file that is there."))
            .param(ParamSpec::switch("PassThru").help("Writes the copy's item."))
            .default_set("Path")
            .synopsis("Copies a file or folder.")
            .description("A folder is copied with its items only with -Recurse.")
            .example("Keep a copy", "Set-Content a.txt 'x'; Copy-Item a.txt b.txt; Get-Content b.txt", "x."),
        CommandInfo::cmdlet("Move-Item", MANAGEMENT, &class("MoveItem"), || Box::new(CopyMove { remove_source: true }))
            .should_process()
            .param(path_param().mandatory().pipeline())
            .param(literal_path_param().mandatory())
            .param(ParamSpec::new("Destination", TypeKind::String).position(1).by_name().help("Where the item goes; into it when it is a folder."))
            .param(ParamSpec::switch("Force").help("Replaces a file that is there."))
            .param(ParamSpec::switch("PassThru").help("Writes the moved item."))
            .default_set("Path")
            .synopsis("Moves a file or folder.")
            .description("The item leaves its place and appears at the destination.")
            .example(
                "File a report",
                "Set-Content r.txt 'x'; New-Item -ItemType Directory done -Force | Out-Null; Move-Item r.txt done -Force; Test-Path done\\r.txt",
                "True.",
            ),
        CommandInfo::cmdlet("Rename-Item", MANAGEMENT, &class("RenameItem"), || Box::new(RenameItem))
            .should_process()
            .param(ParamSpec::new("Path", TypeKind::String).mandatory().position(0).pipeline().by_name().in_set("ByPath").help("The item to rename."))
            .param(
                ParamSpec::new("LiteralPath", TypeKind::String)
                    .mandatory()
                    .by_name()
                    .alias("PSPath")
                    .in_set("ByLiteralPath")
                    .help("The item, exactly as written."),
            )
            .param(ParamSpec::new("NewName", TypeKind::String).mandatory().position(1).by_name().help("The new name, in the same folder."))
            .param(ParamSpec::switch("Force").help("Accepted."))
            .param(ParamSpec::switch("PassThru").help("Writes the renamed item."))
            .default_set("ByPath")
            .synopsis("Renames a file or folder in its folder.")
            .description("The new name must be free.")
            .example(
                "Rotate a log",
                "Set-Content run.log 'x'; Remove-Item run.old -ErrorAction Ignore; Rename-Item run.log run.old; Test-Path run.old",
                "True.",
            ),
    ]
}

fn not_found(ctx: &Ctx, path: &str) -> ErrorRecord {
    fs_record(ctx, &FsError::NotFound(path.to_string()), &ITEM_IDS)
}

struct TestPath;

impl Cmdlet for TestPath {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let (paths, literal) = path_args(args);
        let kind = args.string("PathType").unwrap_or_else(|| "Any".into()).to_ascii_lowercase();
        for path in paths {
            if args.switch("IsValid") {
                ctx.emit(Value::Bool(drives::split(&path).is_some() || crate::labfs::path::is_valid(super::strip_provider(&path))))?;
                continue;
            }
            if let Some((drive, name)) = drives::split(&path) {
                let found = !name.is_empty() && !drives::items(ctx.interp, drive, name).is_empty();
                ctx.emit(Value::Bool(name.is_empty() || found))?;
                continue;
            }
            // A path the lab does not reach is not there, as 5.1 answers for one it may not see.
            let items = expand(&fs, &path, literal).unwrap_or_default();
            let found = items.iter().any(|i| match kind.as_str() {
                "container" => fs.is_dir(i),
                "leaf" => fs.exists(i) && !fs.is_dir(i),
                _ => fs.exists(i),
            });
            ctx.emit(Value::Bool(found))?;
        }
        Ok(())
    }
}

struct GetItem;

impl Cmdlet for GetItem {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let (paths, literal) = path_args(args);
        for path in paths {
            if let Some((drive, name)) = drives::split(&path) {
                let found = drives::items(ctx.interp, drive, name);
                if found.is_empty() && !super::has_wildcard(name) {
                    ctx.write_error(not_found(ctx, name))?;
                }
                ctx.emit_all(found)?;
                continue;
            }
            match expand(&fs, &path, literal) {
                Ok(items) => {
                    for item in items {
                        match fs.entry(&item) {
                            Some(e) => ctx.emit(item_object(&e))?,
                            None => ctx.write_error(not_found(ctx, &item.shown()))?,
                        }
                    }
                }
                Err(e) => ctx.write_error(fs_record(ctx, &e, &ITEM_IDS))?,
            }
        }
        Ok(())
    }
}

const NEW_IDS: Ids = Ids { denied: "NewItemUnauthorizedAccessError", no_parent: "NewItemIOError", io: "NewItemIOError" };

struct NewItem;

impl NewItem {
    /// The path the new item gets: `-Path`, or `-Name` in the folder `-Path` names.
    fn target(args: &Args, path: &str) -> String {
        match args.string("Name") {
            Some(name) if path.is_empty() => name,
            Some(name) => format!("{}\\{name}", path.trim_end_matches(['\\', '/'])),
            None => path.to_string(),
        }
    }

    fn one(&self, ctx: &mut Ctx, fs: &LabFs, args: &Args, item: &Item) -> Result<Value, ErrorRecord> {
        let item = item.clone();
        let force = args.switch("Force");
        let kind = args.string("ItemType").unwrap_or_else(|| "File".into());
        if kind.eq_ignore_ascii_case("Directory") {
            if fs.exists(&item) && !force {
                let p = item.shown();
                return Err(ErrorRecord::new(
                    format!("An item with the specified name {p} already exists."),
                    "System.IO.IOException",
                    ErrorCategory::ResourceExists,
                    "DirectoryExist,Microsoft.PowerShell.Commands.NewItemCommand",
                )
                .with_target(&Value::str(&p)));
            }
            if !fs.exists(&item) {
                fs.create_dir(&item, now(ctx)).map_err(|e| fs_record(ctx, &e, &NEW_IDS))?;
            }
        } else if kind.eq_ignore_ascii_case("File") {
            if force {
                let parent = fs.check(item.lab.parent()).map_err(|e| fs_record(ctx, &e, &NEW_IDS))?;
                if !fs.exists(&parent) {
                    fs.create_dir(&parent, now(ctx)).map_err(|e| fs_record(ctx, &e, &NEW_IDS))?;
                }
            }
            let value = args.get("Value").filter(|v| !v.is_null()).map(crate::engine::convert::to_string).unwrap_or_default();
            let mode = if force { WriteMode::Create } else { WriteMode::CreateNew };
            // 5.1 writes -Value through a StreamWriter of its own: UTF-8 without a BOM.
            fs.write_bytes(&item, value.as_bytes(), mode, now(ctx)).map_err(|e| fs_record(ctx, &e, &NEW_IDS))?;
        } else {
            return Err(ErrorRecord::new(
                "The type is not a known type for the file system. Only \"file\",\"directory\" or \"symboliclink\" can be specified.",
                "System.ArgumentException",
                ErrorCategory::InvalidArgument,
                "NewItemTypeNotSupported,Microsoft.PowerShell.Commands.NewItemCommand",
            )
            .with_target(&Value::str(item.shown())));
        }
        let entry = fs.entry(&item).ok_or_else(|| not_found(ctx, &item.shown()))?;
        Ok(item_object(&entry))
    }
}

impl Cmdlet for NewItem {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let paths: Vec<String> = match args.get("Path") {
            Some(v) => v.enumerate().iter().map(crate::engine::convert::to_string).collect(),
            None => vec![String::new()],
        };
        for path in paths {
            let item = match fs.resolve(&Self::target(args, &path)) {
                Ok(item) => item,
                Err(e) => {
                    ctx.write_error(fs_record(ctx, &e, &NEW_IDS))?;
                    continue;
                }
            };
            let directory = args.string("ItemType").is_some_and(|k| k.eq_ignore_ascii_case("Directory"));
            let action = if directory { "Create Directory" } else { "Create File" };
            if !ctx.should_process(&format!("Destination: {}", item.shown()), action)? {
                continue;
            }
            match self.one(ctx, &fs, args, &item) {
                Ok(v) => ctx.emit(v)?,
                Err(rec) => ctx.write_error(rec)?,
            }
        }
        Ok(())
    }
}

const REMOVE_IDS: Ids = Ids { denied: "RemoveFileSystemItemUnAuthorizedAccess", no_parent: "RemoveFileSystemItemIOError", io: "RemoveFileSystemItemIOError" };

struct RemoveItem;

impl Cmdlet for RemoveItem {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let (paths, literal) = path_args(args);
        for path in paths {
            if let Some((drive, name)) = drives::split(&path) {
                if drives::remove(ctx, drive, name) == 0 && !super::has_wildcard(name) {
                    ctx.write_error(not_found(ctx, &format!("{}:\\{name}", drives::drive_name(drive))))?;
                }
                continue;
            }
            let items = expand_or_report(ctx, &fs, &path, literal, &REMOVE_IDS)?;
            for item in items {
                if !fs.exists(&item) {
                    ctx.write_error(not_found(ctx, &item.shown()))?;
                    continue;
                }
                let action = if fs.is_dir(&item) { "Remove Directory" } else { "Remove File" };
                if !ctx.should_process(&item.shown(), action)? {
                    continue;
                }
                let mut recurse = args.switch("Recurse");
                if !recurse && fs.is_dir(&item) && fs.list(&item).is_ok_and(|l| !l.is_empty()) {
                    let query = format!(
                        "The item at {} has children and the Recurse parameter was not specified. If you continue, all children will be removed with the item. Are you sure you want to continue?",
                        item.shown()
                    );
                    match ctx.should_continue(&query, "Confirm") {
                        Ok(true) => {}
                        Ok(false) => continue,
                        // Nobody can answer (-NonInteractive): this item's error, then the next.
                        Err(crate::engine::Flow::Error(rec)) => {
                            ctx.write_error((*rec).clone())?;
                            continue;
                        }
                        Err(flow) => return Err(flow),
                    }
                    recurse = true;
                }
                if let Err(e) = fs.remove(&item, recurse, now(ctx)) {
                    ctx.write_error(fs_record(ctx, &e, &REMOVE_IDS))?;
                }
            }
        }
        Ok(())
    }
}

struct CopyMove {
    remove_source: bool,
}

impl CopyMove {
    fn ids(&self) -> Ids {
        if self.remove_source {
            Ids { denied: "MoveFileInfoItemUnauthorizedAccessError", no_parent: "MoveFileInfoItemIOError", io: "MoveFileInfoItemIOError" }
        } else {
            Ids { denied: "CopyFileInfoItemUnauthorizedAccessError", no_parent: "CopyFileInfoItemIOError", io: "CopyFileInfoItemIOError" }
        }
    }

    /// Where `from` goes: `destination`, or into it when it is a folder.
    fn target(fs: &LabFs, from: &Item, destination: &str) -> Result<Item, FsError> {
        if !fs.exists(from) {
            return Err(FsError::NotFound(from.shown()));
        }
        let to = fs.resolve(destination)?;
        if fs.is_dir(&to) {
            return fs.check(to.lab.join(from.lab.name()));
        }
        Ok(to)
    }

    /// FileSystemProviderStrings' action for this item.
    fn action(&self, fs: &LabFs, from: &Item) -> &'static str {
        match (self.remove_source, fs.is_dir(from)) {
            (true, true) => "Move Directory",
            (true, false) => "Move File",
            (false, true) => "Copy Directory",
            (false, false) => "Copy File",
        }
    }

    fn one(&self, ctx: &mut Ctx, fs: &LabFs, args: &Args, from: &Item, to: Item) -> Result<Option<Item>, FsError> {
        if self.remove_source {
            if args.switch("Force") && fs.exists(&to) && !fs.is_dir(&to) && !fs.is_dir(from) {
                fs.remove(&to, false, now(ctx))?;
            }
            fs.rename(from, &to, now(ctx))?;
        } else {
            if fs.exists(&to) && !fs.is_dir(&to) && !args.switch("Force") && fs.is_dir(from) {
                return Err(FsError::AlreadyExists(to.shown()));
            }
            fs.copy(from, &to, args.switch("Recurse"), now(ctx))?;
        }
        Ok(Some(to))
    }
}

impl Cmdlet for CopyMove {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let (paths, literal) = path_args(args);
        let destination = args.string("Destination").unwrap_or_else(|| ".".into());
        let ids = self.ids();
        for path in paths {
            let items = expand_or_report(ctx, &fs, &path, literal, &ids)?;
            for item in items {
                let to = match Self::target(&fs, &item, &destination) {
                    Ok(to) => to,
                    Err(e) => {
                        ctx.write_error(fs_record(ctx, &if self.remove_source { exists_as_move(e) } else { e }, &ids))?;
                        continue;
                    }
                };
                if !ctx.should_process(&format!("Item: {} Destination: {}", item.shown(), to.shown()), self.action(&fs, &item))? {
                    continue;
                }
                match self.one(ctx, &fs, args, &item, to) {
                    Ok(Some(to)) if args.switch("PassThru") => {
                        if let Some(e) = fs.entry(&to) {
                            ctx.emit(item_object(&e))?;
                        }
                    }
                    Ok(_) => {}
                    Err(e) => ctx.write_error(fs_record(ctx, &if self.remove_source { exists_as_move(e) } else { e }, &ids))?,
                }
            }
        }
        Ok(())
    }
}

/// A move or rename onto an item that is there fails with Win32's own text.
fn exists_as_move(e: FsError) -> FsError {
    match e {
        FsError::AlreadyExists(p) => FsError::Io(p, "Cannot create a file when that file already exists.".into()),
        other => other,
    }
}

struct RenameItem;

impl Cmdlet for RenameItem {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let (paths, _) = path_args(args);
        let new_name = args.string("NewName").unwrap_or_default();
        let ids = Ids { denied: "RenameItemUnauthorizedAccessError", no_parent: "RenameItemIOError", io: "RenameItemIOError" };
        for path in paths {
            let target = fs.resolve(super::strip_provider(&path)).and_then(|from| {
                if !fs.exists(&from) {
                    return Err(FsError::NotFound(from.shown()));
                }
                // The new name stays in the item's folder, even when written as a path.
                let name = new_name.rsplit(['\\', '/']).next().unwrap_or(&new_name);
                let to = fs.check(from.lab.parent().join(name))?;
                Ok((from, to))
            });
            let (from, to) = match target {
                Ok(pair) => pair,
                Err(e) => {
                    ctx.write_error(fs_record(ctx, &exists_as_move(e), &ids))?;
                    continue;
                }
            };
            let action = if fs.is_dir(&from) { "Rename Directory" } else { "Rename File" };
            if !ctx.should_process(&format!("Item: {} Destination: {}", from.shown(), to.shown()), action)? {
                continue;
            }
            let result = fs.rename(&from, &to, now(ctx)).map(|()| to);
            match result {
                Ok(to) if args.switch("PassThru") => {
                    if let Some(e) = fs.entry(&to) {
                        ctx.emit(item_object(&e))?;
                    }
                }
                Ok(_) => {}
                Err(e) => ctx.write_error(fs_record(ctx, &exists_as_move(e), &ids))?,
            }
        }
        Ok(())
    }
}
