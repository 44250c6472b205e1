//! Get-ChildItem as 5.1's FileSystem provider lists: a folder's folders, then its files,
//! each by name; with `-Recurse` every folder's items are followed by each subfolder's
//! listing in turn. `-Filter`, `-Include` and `-Exclude` match names with wildcards; `-Name`
//! writes the paths relative to the listed folder.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::ops::wildcard_regex;
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, EvalResult};
use crate::labfs::{Entry, FsError, LabFs};

use super::drives;
use super::{expand, fs_record, item_object, lab, literal_path_param, path_args, Ids, MANAGEMENT};

const IDS: Ids = Ids { denied: "DirUnauthorizedAccessError", no_parent: "DirIOError", io: "DirIOError" };

pub fn commands() -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet("Get-ChildItem", MANAGEMENT, "Microsoft.PowerShell.Commands.GetChildItemCommand", || Box::new(GetChildItem))
        .param(
            ParamSpec::new("Path", TypeKind::String)
                .array()
                .position(0)
                .pipeline()
                .by_name()
                .in_set("Items")
                .wildcards()
                .help("The folder to list (the current one by default); wildcards are expanded."),
        )
        .param(literal_path_param().mandatory())
        .param(ParamSpec::new("Filter", TypeKind::String).position(1).help("Only names that match this wildcard."))
        .param(ParamSpec::new("Include", TypeKind::String).array().help("Only names that match one of these wildcards."))
        .param(ParamSpec::new("Exclude", TypeKind::String).array().help("Leaves out names that match one of these wildcards."))
        .param(ParamSpec::switch("Recurse").alias("s").help("Lists every folder below too."))
        .param(ParamSpec::switch("Force").help("Accepted."))
        .param(ParamSpec::switch("Name").help("Writes names (paths relative to the listed folder) instead of items."))
        .param(ParamSpec::switch("Directory").alias("ad").alias("d").help("Only folders."))
        .param(ParamSpec::switch("File").alias("af").help("Only files."))
        .default_set("Items")
        .outputs("System.IO.FileInfo")
        .synopsis("Lists the items in a folder.")
        .description(
            "Writes a DirectoryInfo or FileInfo per item, shown as 5.1 shows them (Mode, LastWriteTime, Length, Name under a Directory: line); times are the virtual clock's when ersim wrote the file. Env:, Variable:, Function: and Alias: list their items.",
        )
        .example("The CSV files here", "Set-Content a.csv 'x'; Get-ChildItem -Filter *.csv -Name", "a.csv.")
        .example("The environment", "Get-ChildItem env: | Where-Object Name -eq 'USERNAME'", "USERNAME admin.")]
}

struct Filters {
    filter: Option<regex::Regex>,
    include: Vec<regex::Regex>,
    exclude: Vec<regex::Regex>,
    only_dirs: bool,
    only_files: bool,
}

impl Filters {
    fn new(args: &Args) -> Filters {
        let patterns = |name: &str| args.get(name).map(|v| v.enumerate().iter().map(|p| wildcard_regex(&to_string(p), false)).collect()).unwrap_or_default();
        Filters {
            filter: args.string("Filter").map(|f| wildcard_regex(&f, false)),
            include: patterns("Include"),
            exclude: patterns("Exclude"),
            only_dirs: args.switch("Directory"),
            only_files: args.switch("File"),
        }
    }

    fn shows(&self, e: &Entry) -> bool {
        let name = e.item.lab.name();
        (!self.only_dirs || e.is_dir)
            && (!self.only_files || !e.is_dir)
            && self.filter.as_ref().is_none_or(|f| f.is_match(name))
            && (self.include.is_empty() || self.include.iter().any(|r| r.is_match(name)))
            && !self.exclude.iter().any(|r| r.is_match(name))
    }
}

struct GetChildItem;

impl GetChildItem {
    /// One folder's items (folders first), then each subfolder's when recursing.
    fn list(&self, ctx: &mut Ctx, fs: &LabFs, folder: &Entry, prefix: &str, filters: &Filters, args: &Args) -> EvalResult<()> {
        let mut entries = match fs.list(&folder.item) {
            Ok(e) => e,
            Err(e) => return ctx.write_error(fs_record(ctx, &e, &IDS)),
        };
        entries.sort_by_key(|e| !e.is_dir);
        for e in entries.iter().filter(|e| filters.shows(e)) {
            if args.switch("Name") {
                ctx.emit(Value::str(format!("{prefix}{}", e.item.lab.name())))?;
            } else {
                ctx.emit(item_object(e))?;
            }
        }
        if args.switch("Recurse") {
            for sub in entries.iter().filter(|e| e.is_dir) {
                ctx.interp.check_interrupt()?;
                self.list(ctx, fs, sub, &format!("{prefix}{}\\", sub.item.lab.name()), filters, args)?;
            }
        }
        Ok(())
    }
}

impl Cmdlet for GetChildItem {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let (mut paths, literal) = path_args(args);
        if paths.is_empty() {
            paths.push(".".into());
        }
        let filters = Filters::new(args);
        for path in paths {
            if let Some((drive, name)) = drives::split(&path) {
                let items = drives::items(ctx.interp, drive, name);
                ctx.emit_all(items)?;
                continue;
            }
            let items = match expand(&fs, &path, literal) {
                Ok(items) => items,
                Err(e) => {
                    ctx.write_error(fs_record(ctx, &e, &IDS))?;
                    continue;
                }
            };
            if items.is_empty() && !super::has_wildcard(&path) {
                ctx.write_error(fs_record(ctx, &FsError::NotFound(path.clone()), &IDS))?;
            }
            for item in items {
                let Some(entry) = fs.entry(&item) else {
                    ctx.write_error(fs_record(ctx, &FsError::NotFound(item.shown()), &IDS))?;
                    continue;
                };
                if entry.is_dir {
                    self.list(ctx, &fs, &entry, "", &filters, args)?;
                } else if filters.shows(&entry) {
                    // A file named by the path is written itself.
                    let v = if args.switch("Name") { Value::str(item.lab.name()) } else { item_object(&entry) };
                    ctx.emit(v)?;
                }
            }
        }
        Ok(())
    }
}
