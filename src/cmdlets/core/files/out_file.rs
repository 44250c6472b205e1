//! Out-File: the text Out-Default would show, laid out at `-Width` and written to a file,
//! by default as UTF-16 LE with a BOM (5.1's `Unicode`). `-Append` adds without a BOM,
//! `-NoClobber` refuses a file that is there. Redirection (`>`, `>>`) is Out-File too: the
//! engine's file redirection is served by [`RedirectionWriter`], the same layout and write.

use std::rc::Rc;

use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::redirect::RedirectionFiles;
use crate::engine::runtime::Interp;
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, EvalResult};
use crate::format::Formatter;
use crate::labfs::{Encoding, FsError, LabFs, WriteMode};

use super::super::gather::{gather, Finish};
use super::{encoding_arg, encoding_param, fs_record, lab, no_clobber, now, Ids};

const IDS: Ids = Ids { denied: "FileOpenFailure", no_parent: "FileOpenFailure", io: "FileOpenFailure" };

pub fn commands() -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet("Out-File", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Commands.OutFileCommand", || gather(OutFile))
        .param(ParamSpec::new("FilePath", TypeKind::String).mandatory().position(0).alias("Path").in_set("ByPath").help("The file to write."))
        .param(ParamSpec::new("LiteralPath", TypeKind::String).mandatory().alias("PSPath").in_set("ByLiteralPath").help("The file to write, exactly as written."))
        .param(encoding_param("Unicode").position(1))
        .param(ParamSpec::switch("Append").help("Adds to the end of the file."))
        .param(ParamSpec::switch("Force").help("Accepted."))
        .param(ParamSpec::switch("NoClobber").alias("NoOverwrite").help("Refuses to replace a file that exists."))
        .param(ParamSpec::new("Width", TypeKind::Int).help("The line width of the laid-out text."))
        .param(ParamSpec::switch("NoNewline").help("Writes the text with no line breaks."))
        .param(ParamSpec::new("InputObject", TypeKind::PSObject).pipeline().help("The objects to write."))
        .default_set("ByPath")
        .synopsis("Sends output to a file.")
        .description("Lays the objects out as the console would show them and writes the text, in UTF-16 (Unicode) unless -Encoding says otherwise. `>` and `>>` do the same.")
        .example("Save a report", "Get-Date | Out-File -FilePath report.txt; (Get-Content report.txt).Count -gt 0", "True.")]
}

struct OutFile;

/// 5.1's ReportFileOpenFailure files every failure to open the file as an OpenError.
fn open_error(mut record: ErrorRecord) -> ErrorRecord {
    record.category = ErrorCategory::OpenError;
    record
}

impl Finish for OutFile {
    fn finish(&mut self, ctx: &mut Ctx, args: &Args, items: Vec<Value>) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let path = args.string("LiteralPath").or_else(|| args.string("FilePath")).unwrap_or_default();
        let item = match fs.resolve(super::strip_provider(&path)) {
            Ok(i) => i,
            Err(e) => return Err(ctx.terminate(open_error(fs_record(ctx, &e, &IDS)))),
        };
        let width = args.opt::<i64>("Width").and_then(|w| usize::try_from(w).ok()).unwrap_or(ctx.interp.output_width);
        let lines = laid_out(ctx.interp, width, &items);
        let text = if args.switch("NoNewline") { lines.concat() } else { lines.iter().map(|l| format!("{l}\r\n")).collect() };
        let mode = super::write_mode(args);
        let enc = encoding_arg(args).unwrap_or(Encoding::Unicode);
        match fs.write_text(&item, &text, enc, mode, now(ctx)) {
            Ok(()) => Ok(()),
            Err(FsError::AlreadyExists(p)) => Err(ctx.terminate(no_clobber(ctx, &p))),
            Err(e) => Err(ctx.terminate(open_error(fs_record(ctx, &e, &IDS)))),
        }
    }
}

/// The lines Out-Default would show for `items` at `width`.
fn laid_out(interp: &Interp, width: usize, items: &[Value]) -> Vec<String> {
    let mut f = Formatter::new(width, interp.views.clone());
    for v in items {
        f.push(v, 0);
    }
    f.end_group();
    f.take_lines()
}

const OUT_FILE_CLASS: &str = "Microsoft.PowerShell.Commands.OutFileCommand";

/// `>` and `>>`: Out-File with its defaults (Unicode, the console's width), through the lab's
/// file system; its errors are Out-File's, as 5.1 reports them (`out-file : …`).
pub struct RedirectionWriter(pub Rc<LabFs>);

impl RedirectionWriter {
    fn failure(e: &FsError) -> ErrorRecord {
        // ReportFileOpenFailure names no target object.
        let mut record = open_error(super::fs_record_of(OUT_FILE_CLASS, e, &IDS));
        record.activity = "Out-File".into();
        record.target_object = Value::Null;
        record.target_name.clear();
        record.target_type.clear();
        record
    }
}

impl RedirectionFiles for RedirectionWriter {
    fn open(&self, interp: &Interp, path: &str, append: bool) -> Result<String, ErrorRecord> {
        open_default(&self.0, interp, path, append).map_err(|e| Self::failure(&e))
    }

    fn append(&self, interp: &Interp, path: &str, values: &[Value]) -> Result<(), ErrorRecord> {
        append_default(&self.0, interp, path, values).map_err(|e| Self::failure(&e))
    }
}

/// Out-File with its defaults, opening: the file is created (emptied unless `append`) in
/// UTF-16 LE; the path as the lab shows it.
pub fn open_default(fs: &LabFs, interp: &Interp, path: &str, append: bool) -> Result<String, FsError> {
    let item = fs.resolve(super::strip_provider(path))?;
    let mode = if append { WriteMode::Append } else { WriteMode::Create };
    fs.write_text(&item, "", Encoding::Unicode, mode, interp.clock.now())?;
    Ok(item.shown())
}

/// Out-File with its defaults, writing: `values` laid out at the console's width, added to
/// the file `open_default` opened.
pub fn append_default(fs: &LabFs, interp: &Interp, path: &str, values: &[Value]) -> Result<(), FsError> {
    let text: String = laid_out(interp, interp.output_width, values).iter().map(|l| format!("{l}\r\n")).collect();
    let item = fs.resolve(path)?;
    fs.write_text(&item, &text, Encoding::Unicode, WriteMode::Append, interp.clock.now())
}
