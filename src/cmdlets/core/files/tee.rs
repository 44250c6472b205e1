//! Tee-Object: passes its input on and also saves it, to a file (as Out-File writes it) or to a
//! variable (as Set-Variable stores piped values: one object as itself, several as an array,
//! none as nothing), as 5.1's TeeObjectCommand does by wrapping those two cmdlets.

use std::rc::Rc;

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, EvalResult};
use crate::labfs::LabFs;

use super::out_file::{append_default, open_default};
use super::{fs_record_of, lab, Ids};

const IDS: Ids = Ids { denied: "FileOpenFailure", no_parent: "FileOpenFailure", io: "FileOpenFailure" };
const OUT_FILE_CLASS: &str = "Microsoft.PowerShell.Commands.OutFileCommand";

pub fn commands() -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet("Tee-Object", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Commands.TeeObjectCommand", || Box::new(TeeObject::default()))
        .param(ParamSpec::new("InputObject", TypeKind::PSObject).pipeline().help("The objects to pass on and save."))
        .param(ParamSpec::new("FilePath", TypeKind::String).mandatory().position(0).in_set("File").help("The file to save them in, as Out-File writes."))
        .param(ParamSpec::new("LiteralPath", TypeKind::String).mandatory().alias("PSPath").in_set("LiteralFile").help("The file, exactly as written."))
        .param(ParamSpec::switch("Append").in_set("File").help("Adds to the end of the file."))
        .param(ParamSpec::new("Variable", TypeKind::String).mandatory().in_set("Variable").help("The variable to save them in."))
        .default_set("File")
        .synopsis("Saves command output in a file or variable and also sends it down the pipeline.")
        .description("Each object goes on at once; the file (UTF-16, laid out as the console shows it) or the variable is written when the input ends.")
        .example("Keep what you see", "1..3 | Tee-Object -Variable numbers | Measure-Object | Out-Null; $numbers -join ','", "1,2,3.")]
}

#[derive(Default)]
struct TeeObject {
    items: Vec<Value>,
    /// The open file (Out-File opens it before the first object).
    file: Option<(Rc<LabFs>, String)>,
    variable: Option<String>,
}

impl Cmdlet for TeeObject {
    fn begin(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        self.variable = args.string("Variable");
        let Some(path) = args.string("LiteralPath").or_else(|| args.string("FilePath")) else { return Ok(()) };
        let fs = lab(ctx)?;
        match open_default(&fs, ctx.interp, &path, args.switch("Append")) {
            Ok(shown) => self.file = Some((fs, shown)),
            Err(e) => return Err(ctx.terminate(fs_record_of(OUT_FILE_CLASS, &e, &IDS))),
        }
        Ok(())
    }

    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        if let Some(v) = args.get("InputObject") {
            crate::engine::limits::buffer(&mut self.items, v.clone()).map_err(|r| ctx.terminate(r))?;
            ctx.emit(v.clone())?;
        }
        Ok(())
    }

    fn end(&mut self, ctx: &mut Ctx) -> EvalResult<()> {
        let items = std::mem::take(&mut self.items);
        if let Some((fs, path)) = self.file.take() {
            return append_default(&fs, ctx.interp, &path, &items).map_err(|e| ctx.terminate(fs_record_of(OUT_FILE_CLASS, &e, &IDS)));
        }
        if let Some(name) = self.variable.take() {
            let value = match items.len() {
                0 => Value::Null,
                1 => items.into_iter().next().unwrap_or(Value::Null),
                _ => Value::array(items),
            };
            ctx.interp.set_var(&name, None, value)?;
        }
        Ok(())
    }
}
