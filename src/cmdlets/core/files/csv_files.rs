//! Export-Csv and Import-Csv: ConvertTo-Csv's and ConvertFrom-Csv's text in a file of the
//! lab. Export-Csv writes ASCII by default (5.1's), with `-Append` continuing under the
//! header already there; Import-Csv reads a file by its BOM, else as Windows-1252.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, EvalResult};
use crate::labfs::{Encoding, FsError, WriteMode};

use super::super::csv::{duplicate, duplicate_error, split_record, ConvertFromCsv, ConvertToCsv};
use super::super::gather::{gather, Finish};
use super::{ansi_warning, encoding_arg, encoding_param, expand, fs_record, lab, no_clobber, now, strip_provider, READ_IDS, WRITE_IDS};

const UTILITY: &str = "Microsoft.PowerShell.Utility";

fn delimiter_param() -> ParamSpec {
    ParamSpec::new("Delimiter", TypeKind::Char).position(1).in_set("Delimiter").help("The character between fields; a comma by default.")
}

pub fn commands() -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("Export-Csv", UTILITY, "Microsoft.PowerShell.Commands.ExportCsvCommand", || gather(ExportCsv))
            .param(ParamSpec::new("InputObject", TypeKind::PSObject).mandatory().pipeline().help("The objects to write."))
            .param(ParamSpec::new("Path", TypeKind::String).position(0).help("The file to write."))
            .param(ParamSpec::new("LiteralPath", TypeKind::String).alias("PSPath").help("The file, exactly as written."))
            .param(delimiter_param())
            .param(ParamSpec::switch("UseCulture").in_set("UseCulture").help("Uses the culture's list separator (a comma in en-US)."))
            .param(ParamSpec::switch("NoTypeInformation").alias("NTI").help("Leaves out the #TYPE line."))
            .param(ParamSpec::switch("Append").help("Adds lines under the file's header instead of replacing it."))
            .param(ParamSpec::switch("NoClobber").alias("NoOverwrite").help("Refuses to replace a file that exists."))
            .param(ParamSpec::switch("Force").help("Accepted."))
            .param(encoding_param("ASCII"))
            .default_set("Delimiter")
            .synopsis("Writes objects to a CSV file.")
            .description("ConvertTo-Csv's lines, in ASCII unless -Encoding says otherwise, each ending in CRLF.")
            .example(
                "A circuit report",
                "Get-AzureDedicatedCircuit | Select-Object CircuitName, Bandwidth | Export-Csv circuits.csv -NoTypeInformation",
                "circuits.csv holds a header line and a line per circuit.",
            ),
        CommandInfo::cmdlet("Import-Csv", UTILITY, "Microsoft.PowerShell.Commands.ImportCsvCommand", || Box::new(ImportCsv))
            .param(ParamSpec::new("Path", TypeKind::String).array().position(0).pipeline().help("The files to read."))
            .param(ParamSpec::new("LiteralPath", TypeKind::String).array().alias("PSPath").by_name().help("The files, exactly as written."))
            .param(delimiter_param())
            .param(ParamSpec::switch("UseCulture").in_set("UseCulture").help("Uses the culture's list separator (a comma in en-US)."))
            .param(ParamSpec::new("Header", TypeKind::String).array().help("The property names, when the file has no header line."))
            .param(encoding_param("a BOM's, else Default"))
            .default_set("Delimiter")
            .outputs("System.Management.Automation.PSCustomObject")
            .synopsis("Reads objects from a CSV file.")
            .description("ConvertFrom-Csv over the file's lines: the first line (after an optional #TYPE line) names the properties.")
            .example(
                "Circuits to order",
                "'Name,Bandwidth', 'Lab,200' | Set-Content order.csv; Import-Csv order.csv | ForEach-Object { \"$($_.Name): $($_.Bandwidth)\" }",
                "Lab: 200.",
            ),
    ]
}

fn delimiter(args: &Args) -> char {
    match args.get("Delimiter") {
        Some(Value::Char(c)) => *c,
        _ => ',',
    }
}

struct ExportCsv;

impl Finish for ExportCsv {
    fn finish(&mut self, ctx: &mut Ctx, args: &Args, items: Vec<Value>) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let path = args.string("LiteralPath").or_else(|| args.string("Path")).unwrap_or_default();
        let item = match fs.resolve(strip_provider(&path)) {
            Ok(i) => i,
            Err(e) => return Err(ctx.terminate(fs_record(ctx, &e, &WRITE_IDS))),
        };
        let sep = delimiter(args);
        let append = args.switch("Append") && fs.entry(&item).is_some_and(|e| e.len > 0);
        // Appended lines go under the header the file has, in its columns.
        let mut writer = if append {
            let (text, _) = fs.read_text(&item, encoding_arg(args)).map_err(|e| ctx.terminate(fs_record(ctx, &e, &READ_IDS)))?;
            let header = text.lines().find(|l| !l.starts_with("#TYPE") && !l.trim().is_empty()).and_then(|l| split_record(l, sep)).unwrap_or_default();
            ConvertToCsv::continuing(header)
        } else {
            ConvertToCsv::default()
        };
        let mut text = String::new();
        for v in &items {
            for line in writer.lines_for(ctx, v, sep, !args.switch("NoTypeInformation")) {
                text.push_str(&line);
                text.push_str("\r\n");
            }
        }
        let enc = encoding_arg(args).unwrap_or(Encoding::Ascii);
        let mode = if append {
            WriteMode::Append
        } else if args.switch("NoClobber") {
            WriteMode::CreateNew
        } else {
            WriteMode::Create
        };
        let enc = if append { fs.existing_encoding(&item).unwrap_or(enc) } else { enc };
        match fs.write_text(&item, &text, enc, mode, now(ctx)) {
            Ok(()) => Ok(()),
            Err(FsError::AlreadyExists(p)) => Err(ctx.terminate(no_clobber(ctx, &p))),
            Err(e) => Err(ctx.terminate(fs_record(ctx, &e, &WRITE_IDS))),
        }
    }
}

struct ImportCsv;

impl Cmdlet for ImportCsv {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let (paths, literal) = match args.get("LiteralPath") {
            Some(v) => (v.enumerate(), true),
            None => (args.get("Path").map(Value::enumerate).unwrap_or_default(), false),
        };
        let header: Option<Vec<String>> = args.get("Header").map(|h| h.enumerate().iter().map(to_string).collect());
        if let Some(dup) = header.as_deref().and_then(duplicate) {
            return Err(ctx.terminate(duplicate_error(&dup)));
        }
        for path in paths.iter().map(to_string) {
            let items = expand(&fs, &path, literal).map_err(|e| ctx.terminate(fs_record(ctx, &e, &READ_IDS)))?;
            for item in items {
                let (text, warn) = match fs.read_text(&item, encoding_arg(args)) {
                    Ok(t) => t,
                    Err(FsError::NotFound(p)) => return Err(ctx.terminate(fs_record(ctx, &FsError::NotFound(p), &READ_IDS))),
                    Err(e) => return Err(ctx.terminate(fs_record(ctx, &e, &READ_IDS))),
                };
                if warn {
                    ansi_warning(ctx, &item)?;
                }
                let mut reader = ConvertFromCsv::with_header(header.clone());
                for line in text.lines() {
                    reader.line(ctx, line, delimiter(args))?;
                }
            }
        }
        Ok(())
    }
}
