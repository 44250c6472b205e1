//! Get-Content, Set-Content, Add-Content and Clear-Content as 5.1's FileSystem provider
//! runs them: lines split as StreamReader.ReadLine splits them, `-Raw`, `-TotalCount`,
//! `-Tail`, `-ReadCount`, `-Delimiter`; writes in ANSI by default, each value on a CRLF line;
//! Add-Content keeps a file's own encoding when its BOM names one.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, EvalResult};
use crate::labfs::{Encoding, FsError, WriteMode};

use super::{
    ansi_warning, encoding_arg, encoding_param, expand_or_report, fs_record, lab, literal_path_param, now, path_args, path_param, Ids, MANAGEMENT, READ_IDS,
    WRITE_IDS,
};

fn class(name: &str) -> String {
    format!("Microsoft.PowerShell.Commands.{name}Command")
}

pub fn commands() -> Vec<CommandInfo> {
    let value_param =
        || ParamSpec::new("Value", TypeKind::Object).array().mandatory().position(1).pipeline().by_name().help("The text to write; each value becomes a line.");
    let write_params = |c: CommandInfo| {
        c.param(path_param().mandatory())
            .param(literal_path_param().mandatory())
            .param(value_param())
            .param(encoding_param("Default"))
            .param(ParamSpec::switch("NoNewline").help("Writes the values one after another, with no line breaks."))
            .param(ParamSpec::switch("PassThru").help("Writes the values to the pipeline too."))
            .param(ParamSpec::switch("Force").help("Accepted."))
            .default_set("Path")
    };
    vec![
        CommandInfo::cmdlet("Get-Content", MANAGEMENT, &class("GetContent"), || Box::new(GetContent))
            .param(path_param().mandatory())
            .param(literal_path_param().mandatory())
            .param(ParamSpec::new("ReadCount", TypeKind::Long).by_name().help("Lines per array written (0: all in one; 1, the default: each line alone)."))
            .param(ParamSpec::new("TotalCount", TypeKind::Long).by_name().alias("First").alias("Head").help("Reads only this many lines from the start."))
            .param(ParamSpec::new("Tail", TypeKind::Int).alias("Last").help("Reads only this many lines from the end."))
            .param(encoding_param("a BOM's, else Default"))
            .param(ParamSpec::new("Delimiter", TypeKind::String).help("Splits at this text instead of at line breaks; each part keeps it."))
            .param(ParamSpec::switch("Raw").help("Writes the whole text as one string."))
            .param(ParamSpec::switch("Force").help("Accepted."))
            .default_set("Path")
            .outputs("System.String")
            .synopsis("Gets the content of a file, line by line.")
            .description("Reads a file of the lab's file system as 5.1 does: a BOM names the encoding, else Windows-1252. Each line is one string; -Raw gives one string.")
            .example("Read a list", "Set-Content circuits.txt 'Lab','Branch'; Get-Content circuits.txt", "Lab and Branch."),
        write_params(CommandInfo::cmdlet("Set-Content", MANAGEMENT, &class("SetContent"), || Box::new(WriteContent::new(false)))).should_process()
            .synopsis("Writes new content to a file, replacing what it held.")
            .description("Each value becomes a line ending in CRLF, in Windows-1252 (Default) unless -Encoding says otherwise. A missing file is made; a missing folder is an error.")
            .example("Save names", "Set-Content -Path circuits.txt -Value 'Lab', 'Branch'", "circuits.txt holds two lines."),
        write_params(CommandInfo::cmdlet("Add-Content", MANAGEMENT, &class("AddContent"), || Box::new(WriteContent::new(true)))).should_process()
            .synopsis("Adds content to the end of a file.")
            .description("Each value becomes a line ending in CRLF. A file whose BOM names an encoding is written on in that encoding; otherwise -Encoding, by default Windows-1252.")
            .example("Keep a log", "Add-Content -Path run.log -Value \"Started at $(Get-Date)\"", "One more line in run.log."),
        CommandInfo::cmdlet("Clear-Content", MANAGEMENT, &class("ClearContent"), || Box::new(ClearContent))
            .should_process()
            .param(path_param().mandatory())
            .param(literal_path_param().mandatory())
            .param(ParamSpec::switch("Force").help("Accepted."))
            .default_set("Path")
            .synopsis("Deletes the content of a file, keeping the file.")
            .description("The file stays, empty.")
            .example("Start a log afresh", "Set-Content run.log 'old'; Clear-Content run.log; (Get-Item run.log).Length", "0."),
    ]
}

/// The lines of `text` as StreamReader.ReadLine gives them: split at CRLF, LF or CR, with
/// no empty line after a final line break.
pub(super) fn lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(std::mem::take(&mut line));
            }
            '\n' => out.push(std::mem::take(&mut line)),
            c => line.push(c),
        }
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}

/// The parts of `text` split after each `delimiter`, each keeping it (5.1's -Delimiter).
fn delimited(text: &str, delimiter: &str) -> Vec<String> {
    if delimiter.is_empty() {
        return vec![text.to_string()];
    }
    let mut out: Vec<String> = text.split_inclusive(delimiter).map(str::to_string).collect();
    if out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

struct GetContent;

impl GetContent {
    fn read_one(&self, ctx: &mut Ctx, args: &Args, item: &crate::labfs::Item) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let named = encoding_arg(args);
        if named == Some(Encoding::Byte) {
            let bytes = match fs.read(item) {
                Ok(b) => b,
                Err(e) => return ctx.write_error(fs_record(ctx, &e, &READ_IDS)),
            };
            return ctx.emit_all(bytes.into_iter().map(|b| Value::Int(i32::from(b))).collect());
        }
        let (text, warn) = match fs.read_text(item, named) {
            Ok(t) => t,
            Err(e) => return ctx.write_error(fs_record(ctx, &e, &READ_IDS)),
        };
        if warn {
            ansi_warning(ctx, item)?;
        }
        if args.switch("Raw") {
            // An empty file gives nothing at all, not an empty string.
            return if text.is_empty() { Ok(()) } else { ctx.emit(Value::str(text)) };
        }
        let mut parts = match args.string("Delimiter") {
            Some(d) => delimited(&text, &d),
            None => lines(&text),
        };
        if let Some(n) = args.opt::<i64>("TotalCount").filter(|n| *n >= 0) {
            parts.truncate(usize::try_from(n).unwrap_or(usize::MAX));
        }
        if let Some(n) = args.opt::<i64>("Tail").filter(|n| *n >= 0) {
            let keep = usize::try_from(n).unwrap_or(usize::MAX).min(parts.len());
            parts.drain(..parts.len() - keep);
        }
        let values: Vec<Value> = parts.into_iter().map(Value::str).collect();
        match args.opt::<i64>("ReadCount").unwrap_or(1) {
            n if n <= 0 => {
                if values.is_empty() {
                    Ok(())
                } else {
                    ctx.emit(Value::array(values))
                }
            }
            1 => ctx.emit_all(values),
            n => {
                for chunk in values.chunks(usize::try_from(n).unwrap_or(usize::MAX)) {
                    ctx.emit(Value::array(chunk.to_vec()))?;
                }
                Ok(())
            }
        }
    }
}

impl Cmdlet for GetContent {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let (paths, literal) = path_args(args);
        for path in paths {
            let items = expand_or_report(ctx, &fs, &path, literal, &READ_IDS)?;
            for item in items {
                if !fs.exists(&item) {
                    ctx.write_error(fs_record(ctx, &FsError::NotFound(item.shown()), &READ_IDS))?;
                    continue;
                }
                self.read_one(ctx, args, &item)?;
            }
        }
        Ok(())
    }
}

/// Set-Content and Add-Content: the values of every pipeline record, written at the end.
struct WriteContent {
    append: bool,
    args: Args,
    text: String,
    /// `-Encoding Byte`: the values as bytes.
    bytes: Vec<u8>,
}

impl WriteContent {
    fn new(append: bool) -> WriteContent {
        WriteContent { append, args: Args::default(), text: String::new(), bytes: Vec::new() }
    }
}

impl Cmdlet for WriteContent {
    fn begin(&mut self, _ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        self.args = args.clone();
        Ok(())
    }

    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let values = args.get("Value").map(Value::enumerate).unwrap_or_default();
        if encoding_arg(args) == Some(Encoding::Byte) {
            for v in &values {
                match crate::engine::convert::to_num(v).map(|n| n.as_f64()).filter(|n| n.fract() == 0.0 && (0.0..=255.0).contains(n)) {
                    Some(n) => self.bytes.push(n as u8),
                    None => return Err(ctx.terminate(not_a_byte(v))),
                }
            }
            crate::engine::limits::check_string(self.bytes.len()).map_err(|r| ctx.terminate(r))?;
            return if args.switch("PassThru") { ctx.emit_all(values) } else { Ok(()) };
        }
        for v in &values {
            self.text.push_str(&to_string(v));
            if !args.switch("NoNewline") {
                self.text.push_str("\r\n");
            }
            crate::engine::limits::check_string(self.text.len()).map_err(|r| ctx.terminate(r))?;
        }
        if args.switch("PassThru") {
            ctx.emit_all(values)?;
        }
        Ok(())
    }

    fn end(&mut self, ctx: &mut Ctx) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let (paths, literal) = path_args(&self.args);
        let ids: &Ids = &WRITE_IDS;
        for path in paths {
            let items = expand_or_report(ctx, &fs, &path, literal, ids)?;
            for item in items {
                let action = if self.append { "Add Content" } else { "Set Content" };
                if !ctx.should_process(&format!("Path: {}", item.shown()), action)? {
                    continue;
                }
                let named = encoding_arg(&self.args).unwrap_or(Encoding::Ansi);
                let result = if named == Encoding::Byte {
                    fs.write_bytes(&item, &self.bytes, if self.append { WriteMode::Append } else { WriteMode::Create }, now(ctx))
                } else if self.append {
                    let enc = fs.existing_encoding(&item).unwrap_or(named);
                    fs.write_text(&item, &self.text, enc, WriteMode::Append, now(ctx))
                } else {
                    fs.write_text(&item, &self.text, named, WriteMode::Create, now(ctx))
                };
                if let Err(e) = result {
                    ctx.write_error(fs_record(ctx, &e, ids))?;
                }
            }
        }
        Ok(())
    }
}

/// `-Encoding Byte` with a value that is no byte: the conversion error 5.1's writer raises.
fn not_a_byte(v: &Value) -> crate::engine::error::ErrorRecord {
    crate::engine::error::ErrorRecord::new(
        format!("Cannot convert value \"{}\" to type \"System.Byte\". Error: \"Input string was not in a correct format.\"", to_string(v)),
        "System.Management.Automation.PSInvalidCastException",
        crate::engine::error::ErrorCategory::InvalidArgument,
        "InvalidCastFromStringToInteger",
    )
}

struct ClearContent;

impl Cmdlet for ClearContent {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let (paths, literal) = path_args(args);
        let ids = Ids { denied: "ClearContentUnauthorizedAccessError", no_parent: "ClearContentDirectoryNotFoundError", io: "ClearContentIOError" };
        for path in paths {
            let items = expand_or_report(ctx, &fs, &path, literal, &ids)?;
            for item in items {
                if !ctx.should_process(&format!("Item: {}", item.shown()), "Clear Content")? {
                    continue;
                }
                if let Err(e) = fs.truncate(&item, now(ctx)) {
                    ctx.write_error(fs_record(ctx, &e, &ids))?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_as_read_line_splits_them() {
        assert_eq!(lines("a\r\nb\nc\rd\r\n"), ["a", "b", "c", "d"]);
        assert_eq!(lines("a\r\n\r\nb"), ["a", "", "b"]);
        assert!(lines("").is_empty());
        assert_eq!(delimited("a;b;c", ";"), ["a;", "b;", "c"]);
    }
}
