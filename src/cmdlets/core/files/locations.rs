//! The current location: Get-Location (`pwd`), Set-Location (`cd`), Push-Location (`pushd`)
//! and Pop-Location (`popd`), and `$PWD`, a PathInfo kept in step with them.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::views::{TableView, ViewColumn};
use crate::engine::{Ctx, EvalResult};
use crate::labfs::{FsError, LabPath};

use super::{fs_record, lab, Ids, MANAGEMENT};

const PATH_INFO: &str = "System.Management.Automation.PathInfo";
const IDS: Ids = Ids { denied: "SetLocationUnauthorizedAccessError", no_parent: "PathNotFound", io: "PathNotFound" };

fn class(name: &str) -> String {
    format!("Microsoft.PowerShell.Commands.{name}Command")
}

pub fn commands() -> Vec<CommandInfo> {
    let path = |help: &str| ParamSpec::new("Path", TypeKind::String).position(0).pipeline().by_name().in_set("Path").help(help);
    let literal =
        || ParamSpec::new("LiteralPath", TypeKind::String).mandatory().by_name().alias("PSPath").in_set("LiteralPath").help("The folder, exactly as written.");
    vec![
        CommandInfo::cmdlet("Get-Location", MANAGEMENT, &class("GetLocation"), || Box::new(GetLocation))
            .outputs(PATH_INFO)
            .synopsis("Gets the current location.")
            .description("A PathInfo whose Path is the current folder (C:\\Users\\admin when ersim starts).")
            .example("Where am I", "(Get-Location).Path", "C:\\Users\\admin."),
        CommandInfo::cmdlet("Set-Location", MANAGEMENT, &class("SetLocation"), || Box::new(SetLocation))
            .param(path("The folder to go to; ~ is C:\\Users\\admin."))
            .param(literal())
            .param(ParamSpec::switch("PassThru").help("Writes the new location."))
            .default_set("Path")
            .synopsis("Sets the current location.")
            .description("Relative paths, and $PWD, follow the new location. The folder must exist.")
            .example(
                "Into a folder",
                "New-Item -ItemType Directory logs -Force | Out-Null; Set-Location logs; $PWD.Path; Set-Location ..",
                "C:\\Users\\admin\\logs.",
            ),
        CommandInfo::cmdlet("Push-Location", MANAGEMENT, &class("PushLocation"), || Box::new(PushLocation))
            .param(path("The folder to go to (none: stay)."))
            .param(literal())
            .param(ParamSpec::switch("PassThru").help("Writes the location pushed."))
            .default_set("Path")
            .synopsis("Keeps the current location on a stack and goes to another.")
            .description("Pop-Location comes back.")
            .example("There and back", "Push-Location ~; Pop-Location; (Get-Location).Path", "C:\\Users\\admin."),
        CommandInfo::cmdlet("Pop-Location", MANAGEMENT, &class("PopLocation"), || Box::new(PopLocation))
            .param(ParamSpec::switch("PassThru").help("Writes the location returned to."))
            .synopsis("Returns to the location last pushed.")
            .description("Nothing happens when the stack is empty.")
            .example("Back", "Push-Location ~; Pop-Location", "The location is the one before Push-Location."),
    ]
}

/// The PathInfo of a location (its ToString is its Path).
pub fn path_info(at: &LabPath) -> Value {
    let mut o = PsObject::typed(PATH_INFO);
    o.add_typed("Drive", "System.Management.Automation.PSDriveInfo", Value::str(at.drive_name()));
    o.add_typed("Provider", "System.Management.Automation.ProviderInfo", Value::str("Microsoft.PowerShell.Core\\FileSystem"));
    o.add_typed("ProviderPath", "string", Value::str(at.to_string()));
    o.add_typed("Path", "string", Value::str(at.to_string()));
    Value::object(o)
}

pub fn path_info_view() -> TableView {
    TableView::new(PATH_INFO, vec![ViewColumn::property("Path", 0)])
}

/// Moves to `text`, a folder that must exist, and keeps `$PWD` in step.
fn go(ctx: &mut Ctx, text: &str, push: bool) -> EvalResult<bool> {
    let fs = lab(ctx)?;
    let text = super::strip_provider(text);
    let target = match fs.resolve(text) {
        Ok(item) if fs.is_dir(&item) => item,
        Ok(item) => {
            let e = FsError::NotFound(item.shown());
            ctx.write_error(fs_record(ctx, &e, &IDS))?;
            return Ok(false);
        }
        Err(e) => {
            ctx.write_error(fs_record(ctx, &e, &IDS))?;
            return Ok(false);
        }
    };
    if push {
        fs.push_location(target.lab);
    } else {
        fs.set_location(target.lab);
    }
    sync_pwd(ctx, &fs.location());
    Ok(true)
}

fn sync_pwd(ctx: &mut Ctx, at: &LabPath) {
    let _ = ctx.interp.set_var("PWD", Some("global"), path_info(at));
}

struct GetLocation;

impl Cmdlet for GetLocation {
    fn process(&mut self, ctx: &mut Ctx, _args: &Args) -> EvalResult<()> {
        let at = lab(ctx)?.location();
        ctx.emit(path_info(&at))
    }
}

fn target(args: &Args) -> Option<String> {
    args.string("LiteralPath").or_else(|| args.string("Path"))
}

struct SetLocation;

impl Cmdlet for SetLocation {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        // `cd` alone goes home, as 5.1's does.
        let to = target(args).unwrap_or_else(|| "~".into());
        if go(ctx, &to, false)? && args.switch("PassThru") {
            let at = lab(ctx)?.location();
            ctx.emit(path_info(&at))?;
        }
        Ok(())
    }
}

struct PushLocation;

impl Cmdlet for PushLocation {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let here = fs.location();
        let to = target(args).unwrap_or_else(|| here.to_string());
        if go(ctx, &to, true)? && args.switch("PassThru") {
            ctx.emit(path_info(&here))?;
        }
        Ok(())
    }
}

struct PopLocation;

impl Cmdlet for PopLocation {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let fs = lab(ctx)?;
        if let Some(at) = fs.pop_location() {
            sync_pwd(ctx, &at);
            if args.switch("PassThru") {
                ctx.emit(path_info(&at))?;
            }
        }
        Ok(())
    }
}
