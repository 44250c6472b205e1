//! ConvertTo-Csv and ConvertFrom-Csv as Windows PowerShell 5.1 writes and reads them: a
//! `#TYPE` line unless `-NoTypeInformation`, the first object's properties as the header,
//! every name and value in double quotes (a `$null` value as an empty, unquoted field),
//! and on the way back `CSV:`-prefixed type names, empty fields as empty strings and
//! missing ones as `$null`.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::{PsObject, TypeKind, Value, PSCUSTOMOBJECT};
use crate::engine::{Ctx, EvalResult};

const UTILITY: &str = "Microsoft.PowerShell.Utility";

fn delimiter_param() -> ParamSpec {
    ParamSpec::new("Delimiter", TypeKind::Char).position(1).help("The character between fields; a comma by default.")
}

pub fn commands() -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("ConvertTo-Csv", UTILITY, "Microsoft.PowerShell.Commands.ConvertToCsvCommand", || Box::new(ConvertToCsv::default()))
            .param(ParamSpec::new("InputObject", TypeKind::PSObject).mandatory().position(0).pipeline().help("The objects to convert."))
            .param(delimiter_param().in_set("Delimiter"))
            .param(ParamSpec::switch("UseCulture").in_set("UseCulture").help("Uses the culture's list separator (a comma in en-US)."))
            .param(ParamSpec::switch("NoTypeInformation").alias("NTI").help("Leaves out the #TYPE line."))
            .default_set("Delimiter")
            .outputs("System.String")
            .synopsis("Converts objects to lines of comma-separated values.")
            .description("The first object's properties make the header; every later object gives one line of those properties' values.")
            .example(
                "A report of circuits",
                "Get-AzureDedicatedCircuit | Select-Object CircuitName, Bandwidth, Location | ConvertTo-Csv -NoTypeInformation",
                "A header line and one line per circuit.",
            ),
        CommandInfo::cmdlet("ConvertFrom-Csv", UTILITY, "Microsoft.PowerShell.Commands.ConvertFromCsvCommand", || Box::new(ConvertFromCsv::default()))
            .param(ParamSpec::new("InputObject", TypeKind::PSObject).array().mandatory().position(0).pipeline().by_name().help("The lines to read."))
            .param(delimiter_param().in_set("Delimiter"))
            .param(ParamSpec::switch("UseCulture").in_set("UseCulture").help("Uses the culture's list separator (a comma in en-US)."))
            .param(ParamSpec::new("Header", TypeKind::String).array().help("The property names, when the text has no header line."))
            .default_set("Delimiter")
            .outputs("System.Management.Automation.PSCustomObject")
            .synopsis("Converts lines of comma-separated values to objects.")
            .description("The first line (after an optional #TYPE line) names the properties, unless -Header does; each further line becomes an object.")
            .example(
                "Circuits to order",
                "'Name,Bandwidth', 'Lab,200', 'Branch,50' | ConvertFrom-Csv | ForEach-Object { \"$($_.Name): $($_.Bandwidth) Mbps\" }",
                "Lab: 200 Mbps and Branch: 50 Mbps.",
            ),
    ]
}

fn delimiter(args: &Args) -> char {
    match args.get("Delimiter") {
        Some(Value::Char(c)) => *c,
        _ => ',',
    }
}

/// `"text"` with inner quotes doubled: 5.1 quotes every field it writes.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

#[derive(Default)]
pub(super) struct ConvertToCsv {
    /// The header's property names, from the first object.
    names: Option<Vec<String>>,
}

/// A value's property names and values as the CSV writer sees them.
fn fields(ctx: &mut Ctx, v: &Value, names: Option<&[String]>) -> (Vec<String>, Vec<Value>) {
    let own: Vec<String> = match v {
        Value::Object(o) => o.borrow().props.iter().map(|p| p.name.clone()).collect(),
        Value::Str(_) => vec!["Length".into()],
        other => match crate::format::out_default::as_object(other) {
            Value::Object(o) => o.borrow().props.iter().map(|p| p.name.clone()).collect(),
            _ => Vec::new(),
        },
    };
    let names = names.map(<[String]>::to_vec).unwrap_or(own);
    let values = names.iter().map(|n| ctx.interp.get_member(v, n)).collect();
    (names, values)
}

impl ConvertToCsv {
    /// The lines for one more object: the `#TYPE` and header lines first when it is the first.
    pub(super) fn lines_for(&mut self, ctx: &mut Ctx, item: &Value, sep: char, type_information: bool) -> Vec<String> {
        let sep = sep.to_string();
        let mut out = Vec::new();
        let first = self.names.is_none();
        let (names, values) = fields(ctx, item, self.names.as_deref());
        if first {
            if type_information {
                let type_name = item.type_names().into_iter().next().unwrap_or_else(|| PSCUSTOMOBJECT.to_string());
                out.push(format!("#TYPE {type_name}"));
            }
            out.push(names.iter().map(|n| quoted(n)).collect::<Vec<_>>().join(&sep));
            self.names = Some(names);
        }
        let line: Vec<String> = values.iter().map(|v| if v.is_null() { String::new() } else { quoted(&to_string(v)) }).collect();
        out.push(line.join(&sep));
        out
    }

    /// Export-Csv -Append onto a file that has a header: its names, so no header is written again.
    pub(super) fn continuing(names: Vec<String>) -> ConvertToCsv {
        ConvertToCsv { names: Some(names) }
    }
}

impl Cmdlet for ConvertToCsv {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let Some(item) = args.get("InputObject").cloned() else { return Ok(()) };
        let lines = self.lines_for(ctx, &item, delimiter(args), !args.switch("NoTypeInformation"));
        ctx.emit_all(lines.into_iter().map(Value::str).collect())
    }
}

#[derive(Default)]
pub(super) struct ConvertFromCsv {
    header: Option<Vec<String>>,
    type_name: Option<String>,
    /// A line whose quoted field goes on in the next input line.
    pending: Option<String>,
}

/// The fields of one record, or `None` while a quoted field is still open.
pub(super) fn split_record(line: &str, sep: char) -> Option<Vec<String>> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut in_quotes = false;
    while let Some(c) = chars.next() {
        match c {
            '"' if in_quotes && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' => in_quotes = !in_quotes,
            c if c == sep && !in_quotes => fields.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    if in_quotes {
        return None;
    }
    fields.push(field);
    Some(fields)
}

impl ConvertFromCsv {
    /// A reader whose property names are given (`-Header`) rather than read.
    pub(super) fn with_header(header: Option<Vec<String>>) -> ConvertFromCsv {
        ConvertFromCsv { header, ..ConvertFromCsv::default() }
    }

    pub(super) fn line(&mut self, ctx: &mut Ctx, line: &str, sep: char) -> EvalResult<()> {
        let text = match self.pending.take() {
            Some(open) => format!("{open}\n{line}"),
            // Blank lines between records are skipped, as Import-Csv skips them.
            None if line.trim().is_empty() => return Ok(()),
            None => line.to_string(),
        };
        if self.header.is_none() && self.type_name.is_none() {
            if let Some(t) = text.strip_prefix("#TYPE ") {
                self.type_name = Some(t.trim().to_string());
                return Ok(());
            }
        }
        let Some(fields) = split_record(&text, sep) else {
            self.pending = Some(text);
            return Ok(());
        };
        let Some(header) = &self.header else {
            if let Some(dup) = duplicate(&fields) {
                return Err(ctx.terminate(duplicate_error(&dup)));
            }
            self.header = Some(fields);
            return Ok(());
        };
        let mut o = PsObject::custom();
        if let Some(t) = &self.type_name {
            o.type_names.insert(0, format!("CSV:{t}"));
        }
        for (i, name) in header.iter().enumerate() {
            o.add_note(name, fields.get(i).map(Value::str).unwrap_or(Value::Null));
        }
        ctx.emit(Value::object(o))
    }
}

pub(super) fn duplicate(names: &[String]) -> Option<String> {
    names.iter().enumerate().find(|(i, n)| names[..*i].iter().any(|m| m.eq_ignore_ascii_case(n))).map(|(_, n)| n.clone())
}

/// A header that names a member twice: the ArgumentException of adding the member again
/// escapes the cmdlet, so the record is the engine's wrapper (NotSpecified, the exception's
/// type name as the id).
pub(super) fn duplicate_error(name: &str) -> ErrorRecord {
    ErrorRecord::new(
        format!("The member \"{name}\" is already present."),
        "System.ArgumentException",
        ErrorCategory::NotSpecified,
        "System.ArgumentException,Microsoft.PowerShell.Commands.ConvertFromCsvCommand",
    )
}

impl Cmdlet for ConvertFromCsv {
    fn begin(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        if let Some(h) = args.get("Header") {
            let names: Vec<String> = h.enumerate().iter().map(to_string).collect();
            if let Some(dup) = duplicate(&names) {
                return Err(ctx.terminate(duplicate_error(&dup)));
            }
            self.header = Some(names);
        }
        Ok(())
    }

    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let sep = delimiter(args);
        for item in args.get("InputObject").map(Value::enumerate).unwrap_or_default() {
            for line in to_string(&item).split('\n') {
                self.line(ctx, line.trim_end_matches('\r'), sep)?;
            }
        }
        Ok(())
    }
}
