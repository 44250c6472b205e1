//! Export-Clixml and Import-Clixml: PowerShell's CLIXML serialization (the remoting format,
//! version 1.1.0.1) in a file of the lab. Written: strings, numbers, booleans, dates, GUIDs,
//! time spans, secure strings (protected as ConvertFrom-SecureString protects them), arrays,
//! hashtables and objects to `-Depth` (2 by default, deeper objects as their ToString), type
//! names shared through `TNRef`, in UTF-16 as 5.1 writes by default. Read back: the same, with
//! PSCredential and hashtables rehydrated and other objects as `Deserialized.` property bags.

use std::collections::HashMap;

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::{format_double, to_string};
use crate::engine::dotnet::secure;
use crate::engine::error::ErrorCategory;
use crate::engine::value::{Hashtable, PsObject, TypeKind, Value};
use crate::engine::{Ctx, ErrorRecord, EvalResult};
use crate::labfs::{Encoding, FsError, WriteMode};

use super::super::gather::{gather, Finish};
use super::{encoding_arg, encoding_param, fs_record, lab, no_clobber, now, strip_provider, READ_IDS, WRITE_IDS};

const UTILITY: &str = "Microsoft.PowerShell.Utility";
const NAMESPACE: &str = "http://schemas.microsoft.com/powershell/2004/04";

pub fn commands() -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("Export-Clixml", UTILITY, "Microsoft.PowerShell.Commands.ExportClixmlCommand", || gather(ExportClixml))
            .param(ParamSpec::new("InputObject", TypeKind::PSObject).mandatory().pipeline().help("The objects to serialize."))
            .param(ParamSpec::new("Path", TypeKind::String).mandatory().position(0).in_set("ByPath").help("The file to write."))
            .param(ParamSpec::new("LiteralPath", TypeKind::String).mandatory().alias("PSPath").in_set("ByLiteralPath").help("The file, exactly as written."))
            .param(ParamSpec::new("Depth", TypeKind::Int).help("How many levels of contained objects are written (2 by default)."))
            .param(ParamSpec::switch("NoClobber").alias("NoOverwrite").help("Refuses to replace a file that exists."))
            .param(ParamSpec::switch("Force").help("Accepted."))
            .param(encoding_param("Unicode"))
            .default_set("ByPath")
            .should_process()
            .synopsis("Writes objects to a CLIXML file.")
            .description("Serializes the objects as PowerShell's remoting does; Import-Clixml reads them back. A credential's password is written protected for this lab user.")
            .example("Keep a credential for later", "$c = New-Object PSCredential 'ops', (ConvertTo-SecureString 'P@ss' -AsPlainText -Force); $c | Export-Clixml cred.xml; (Import-Clixml cred.xml).UserName", "ops."),
        CommandInfo::cmdlet("Import-Clixml", UTILITY, "Microsoft.PowerShell.Commands.ImportClixmlCommand", || Box::new(ImportClixml))
            .param(ParamSpec::new("Path", TypeKind::String).array().mandatory().position(0).pipeline().by_name().in_set("ByPath").help("The files to read."))
            .param(ParamSpec::new("LiteralPath", TypeKind::String).array().mandatory().alias("PSPath").by_name().in_set("ByLiteralPath").help("The files, exactly as written."))
            .default_set("ByPath")
            .synopsis("Reads objects from a CLIXML file.")
            .description("Deserializes what Export-Clixml wrote: values as they were, credentials and hashtables as such, other objects as Deserialized property bags.")
            .example("Read saved settings", "@{ Provider = 'Equinix' } | Export-Clixml settings.xml; (Import-Clixml settings.xml).Provider", "Equinix."),
    ]
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML cannot hold are written as PowerShell's _xHHHH_ escapes.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push_str(&format!("_x{:04X}_", c as u32)),
            '\r' => out.push_str("_x000D_"),
            '\n' => out.push_str("_x000A_"),
            c => out.push(c),
        }
    }
    out
}

fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let code = rest.get(at + 2..at + 6).and_then(|h| u32::from_str_radix(h, 16).ok()).and_then(char::from_u32);
        match (code, rest.get(at + 6..at + 7)) {
            (Some(c), Some("_")) => {
                out.push(c);
                rest = &rest[at + 7..];
            }
            _ => {
                out.push_str("_x");
                rest = &rest[at + 2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The serializer's state: the next RefId for objects and the type-name lists already written,
/// and where a secure string's protection takes its IV (the world's GUIDs).
struct Writer<'a> {
    iv: &'a mut dyn FnMut() -> [u8; 16],
    lines: Vec<String>,
    next_obj: usize,
    type_lists: HashMap<Vec<String>, usize>,
}

impl Writer<'_> {
    fn line(&mut self, depth: usize, text: String) {
        self.lines.push(format!("{}{}", "  ".repeat(depth), text));
    }

    fn name_attr(name: Option<&str>) -> String {
        name.map(|n| format!(" N=\"{}\"", escape(n))).unwrap_or_default()
    }

    fn type_names(&mut self, indent: usize, names: Vec<String>) {
        if let Some(id) = self.type_lists.get(&names) {
            self.line(indent, format!("<TNRef RefId=\"{id}\" />"));
            return;
        }
        let id = self.type_lists.len();
        self.type_lists.insert(names.clone(), id);
        self.line(indent, format!("<TN RefId=\"{id}\">"));
        for n in names {
            self.line(indent + 1, format!("<T>{}</T>", escape(&n)));
        }
        self.line(indent, "</TN>".into());
    }

    fn value(&mut self, indent: usize, name: Option<&str>, v: &Value, depth: usize) {
        let n = Self::name_attr(name);
        let simple = |tag: &str, text: String| format!("<{tag}{n}>{text}</{tag}>");
        let text = match v {
            Value::Null => Some(format!("<Nil{n} />")),
            Value::Str(s) => Some(simple("S", escape(s))),
            Value::Bool(b) => Some(simple("B", b.to_string())),
            Value::Int(i) => Some(simple("I32", i.to_string())),
            Value::Long(i) => Some(simple("I64", i.to_string())),
            Value::UInt(i) => Some(simple("U32", i.to_string())),
            Value::ULong(i) => Some(simple("U64", i.to_string())),
            Value::Double(d) => Some(simple("Db", format_double(*d))),
            Value::Char(c) => Some(simple("C", (*c as u32).to_string())),
            Value::Guid(g) => Some(simple("G", g.to_string())),
            // Seven fraction digits, as .NET's round-trip format writes them.
            Value::DateTime(d) => Some(simple("DT", format!("{}.{:07}", d.format("%Y-%m-%dT%H:%M:%S"), d.and_utc().timestamp_subsec_nanos() / 100))),
            Value::TimeSpan(t) => Some(simple("TS", timespan_text(*t))),
            Value::Enum(e) => Some(simple("I32", e.value.to_string())),
            other if secure::is_secure(other) => {
                let iv = (self.iv)();
                Some(simple("SS", secure::protect(&secure::plain_text(other).unwrap_or_default(), iv)))
            }
            _ => None,
        };
        if let Some(t) = text {
            self.line(indent, t);
            return;
        }
        if depth == 0 {
            self.line(indent, format!("<S{n}>{}</S>", escape(&to_string(v))));
            return;
        }
        let id = self.next_obj;
        self.next_obj += 1;
        self.line(indent, format!("<Obj{n} RefId=\"{id}\">"));
        match v {
            Value::Array(_) | Value::List(_) => {
                self.type_names(indent + 1, v.type_names());
                self.line(indent + 1, "<LST>".into());
                for item in v.enumerate() {
                    self.value(indent + 2, None, &item, depth - 1);
                }
                self.line(indent + 1, "</LST>".into());
            }
            Value::Hashtable(h) => {
                self.type_names(indent + 1, vec!["System.Collections.Hashtable".into(), "System.Object".into()]);
                self.line(indent + 1, "<DCT>".into());
                let entries: Vec<(Value, Value)> = h.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                for (k, val) in entries {
                    self.line(indent + 2, "<En>".into());
                    self.value(indent + 3, Some("Key"), &k, depth - 1);
                    self.value(indent + 3, Some("Value"), &val, depth - 1);
                    self.line(indent + 2, "</En>".into());
                }
                self.line(indent + 1, "</DCT>".into());
            }
            Value::Object(o) => {
                let (names, custom, props) = {
                    let o = o.borrow();
                    (o.type_names.clone(), o.is_custom(), o.props.iter().map(|p| (p.name.clone(), p.value.clone())).collect::<Vec<_>>())
                };
                self.type_names(indent + 1, names);
                if !custom {
                    self.line(indent + 1, format!("<ToString>{}</ToString>", escape(&to_string(v))));
                }
                let tag = if custom { "MS" } else { "Props" };
                self.line(indent + 1, format!("<{tag}>"));
                for (pn, pv) in props {
                    self.value(indent + 2, Some(&pn), &pv, depth - 1);
                }
                self.line(indent + 1, format!("</{tag}>"));
            }
            other => {
                self.type_names(indent + 1, other.type_names());
                self.line(indent + 1, format!("<ToString>{}</ToString>", escape(&to_string(other))));
            }
        }
        self.line(indent, "</Obj>".into());
    }
}

/// A TimeSpan as XML's duration (`PT1H30M`, `P1DT2H`), as the serializer writes it.
fn timespan_text(ticks: i64) -> String {
    let sign = if ticks < 0 { "-" } else { "" };
    let t = ticks.unsigned_abs();
    let (days, rest) = (t / 864_000_000_000, t % 864_000_000_000);
    let (hours, rest) = (rest / 36_000_000_000, rest % 36_000_000_000);
    let (minutes, rest) = (rest / 600_000_000, rest % 600_000_000);
    let seconds = rest as f64 / 10_000_000.0;
    let mut out = format!("{sign}P");
    if days > 0 {
        out.push_str(&format!("{days}D"));
    }
    out.push('T');
    if hours > 0 {
        out.push_str(&format!("{hours}H"));
    }
    if minutes > 0 {
        out.push_str(&format!("{minutes}M"));
    }
    if seconds > 0.0 || (hours == 0 && minutes == 0) {
        out.push_str(&format!("{}S", format_double(seconds)));
    }
    out
}

fn parse_timespan(text: &str) -> Option<i64> {
    let (neg, t) = match text.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, text),
    };
    let t = t.strip_prefix('P')?;
    let (date, time) = t.split_once('T').unwrap_or((t, ""));
    let mut ticks = 0f64;
    let mut take = |part: &str, units: &[(char, f64)]| -> Option<()> {
        let mut num = String::new();
        for c in part.chars() {
            match units.iter().find(|(u, _)| *u == c) {
                Some((_, scale)) => {
                    ticks += num.parse::<f64>().ok()? * scale;
                    num.clear();
                }
                None => num.push(c),
            }
        }
        num.is_empty().then_some(())
    };
    take(date, &[('D', 864_000_000_000.0)])?;
    take(time, &[('H', 36_000_000_000.0), ('M', 600_000_000.0), ('S', 10_000_000.0)])?;
    let ticks = ticks.round() as i64;
    Some(if neg { -ticks } else { ticks })
}

struct ExportClixml;

impl Finish for ExportClixml {
    fn finish(&mut self, ctx: &mut Ctx, args: &Args, items: Vec<Value>) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let path = args.string("LiteralPath").or_else(|| args.string("Path")).unwrap_or_default();
        let item = match fs.resolve(strip_provider(&path)) {
            Ok(i) => i,
            Err(e) => return Err(ctx.terminate(fs_record(ctx, &e, &WRITE_IDS))),
        };
        if !ctx.should_process(&item.shown(), "Export-Clixml")? {
            return Ok(());
        }
        let depth = args.opt::<i64>("Depth").map(|d| d.max(0) as usize).unwrap_or(2);
        let mut lines = vec![format!("<Objs Version=\"1.1.0.1\" xmlns=\"{NAMESPACE}\">")];
        {
            let interp = &mut *ctx.interp;
            let mut iv = || *interp.new_guid().as_bytes();
            let mut w = Writer { iv: &mut iv, lines: Vec::new(), next_obj: 0, type_lists: HashMap::new() };
            for v in &items {
                w.value(1, None, v, depth);
            }
            lines.append(&mut w.lines);
        }
        lines.push("</Objs>".into());
        let text = lines.join("\r\n");
        let enc = encoding_arg(args).unwrap_or(Encoding::Unicode);
        let mode = if args.switch("NoClobber") { WriteMode::CreateNew } else { WriteMode::Create };
        match fs.write_text(&item, &text, enc, mode, now(ctx)) {
            Ok(()) => Ok(()),
            Err(FsError::AlreadyExists(p)) => Err(ctx.terminate(no_clobber(ctx, &p))),
            Err(e) => Err(ctx.terminate(fs_record(ctx, &e, &WRITE_IDS))),
        }
    }
}

struct ImportClixml;

impl Cmdlet for ImportClixml {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let literal = args.has("LiteralPath");
        let paths = args.get(if literal { "LiteralPath" } else { "Path" }).map(Value::enumerate).unwrap_or_default();
        for path in paths.iter().map(to_string) {
            let items = super::expand_or_report(ctx, &fs, &path, literal, &READ_IDS)?;
            for item in items {
                let bytes = match fs.read(&item) {
                    Ok(b) => b,
                    Err(e) => {
                        ctx.write_error(fs_record(ctx, &e, &READ_IDS))?;
                        continue;
                    }
                };
                // An XML file: its BOM, else UTF-8.
                let text = match crate::labfs::encoding::bom(&bytes) {
                    Some((enc, len)) => crate::labfs::encoding::decode_named(&bytes[len..], enc),
                    None => String::from_utf8_lossy(&bytes).into_owned(),
                };
                match read_document(&text) {
                    Ok(values) => ctx.emit_all(values)?,
                    Err(why) => {
                        let rec = ErrorRecord::new(
                            why,
                            "System.Xml.XmlException",
                            ErrorCategory::NotSpecified,
                            format!("System.Xml.XmlException,{}", ctx.command.class_name),
                        );
                        return Err(ctx.terminate(rec));
                    }
                }
            }
        }
        Ok(())
    }
}

/// The objects of a CLIXML document, in order.
fn read_document(text: &str) -> Result<Vec<Value>, String> {
    let doc = roxmltree::Document::parse(text).map_err(|e| e.to_string())?;
    let root = doc.root_element();
    if root.tag_name().name() != "Objs" || root.tag_name().namespace() != Some(NAMESPACE) {
        // XmlReader.ReadStartElement's complaint, at the root element's position.
        let pos = doc.text_pos_at(root.range().start);
        return Err(format!("Element 'Objs' with namespace name '{NAMESPACE}' was not found. Line {}, position {}.", pos.row, pos.col + 1));
    }
    let mut types = HashMap::new();
    Ok(root.children().filter(|n| n.is_element()).map(|n| read_value(n, &mut types)).collect())
}

fn read_value(n: roxmltree::Node, types: &mut HashMap<String, Vec<String>>) -> Value {
    let text = || unescape(n.text().unwrap_or_default());
    match n.tag_name().name() {
        "Nil" => Value::Null,
        "S" => Value::str(text()),
        "B" => Value::Bool(text().eq_ignore_ascii_case("true")),
        "I32" | "I16" | "SB" | "By" | "U16" => text().parse().map(Value::Int).unwrap_or(Value::Null),
        "I64" => text().parse().map(Value::Long).unwrap_or(Value::Null),
        "U32" => text().parse().map(Value::UInt).unwrap_or(Value::Null),
        "U64" => text().parse().map(Value::ULong).unwrap_or(Value::Null),
        "Db" | "Sg" | "D" => text().parse().map(Value::Double).unwrap_or(Value::Null),
        "C" => text().parse::<u32>().ok().and_then(char::from_u32).map(Value::Char).unwrap_or(Value::Null),
        "G" => crate::engine::convert::parse_guid(&text()).map(Value::Guid).unwrap_or(Value::Null),
        "DT" => crate::engine::convert::parse_datetime(&text()).map(Value::DateTime).unwrap_or(Value::Null),
        "TS" => parse_timespan(&text()).map(Value::TimeSpan).unwrap_or(Value::Null),
        "SS" => secure::unprotect(&text()).map(|t| secure::secure_value(&t)).unwrap_or(Value::Null),
        "Obj" => read_object(n, types),
        _ => Value::str(text()),
    }
}

fn read_object(n: roxmltree::Node, types: &mut HashMap<String, Vec<String>>) -> Value {
    let child = |name: &str| n.children().find(|c| c.is_element() && c.tag_name().name() == name);
    let mut names = Vec::new();
    if let Some(tn) = child("TN") {
        names = tn.children().filter(|c| c.tag_name().name() == "T").map(|c| c.text().unwrap_or_default().to_string()).collect();
        types.insert(tn.attribute("RefId").unwrap_or_default().to_string(), names.clone());
    } else if let Some(r) = child("TNRef") {
        names = types.get(r.attribute("RefId").unwrap_or_default()).cloned().unwrap_or_default();
    }
    for list in ["LST", "IE", "STK", "QUE"] {
        if let Some(l) = child(list) {
            return Value::array(l.children().filter(|c| c.is_element()).map(|c| read_value(c, types)).collect());
        }
    }
    if let Some(d) = child("DCT") {
        let mut h = Hashtable::new(false);
        for en in d.children().filter(|c| c.is_element()) {
            let part = |key: &str, types: &mut HashMap<String, Vec<String>>| {
                en.children().find(|c| c.is_element() && c.attribute("N") == Some(key)).map(|c| read_value(c, types)).unwrap_or(Value::Null)
            };
            let k = part("Key", types);
            let v = part("Value", types);
            h.insert(k, v);
        }
        return Value::hashtable(h);
    }
    let mut props: Vec<(String, Value)> = Vec::new();
    for bag in ["Props", "MS"] {
        if let Some(b) = child(bag) {
            for p in b.children().filter(|c| c.is_element()) {
                props.push((p.attribute("N").unwrap_or_default().to_string(), read_value(p, types)));
            }
        }
    }
    // PSCredential is among the types the deserializer rehydrates.
    if names.first().is_some_and(|t| t == secure::PS_CREDENTIAL) {
        let get = |name: &str| props.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.clone()).unwrap_or(Value::Null);
        return secure::credential(&to_string(&get("UserName")), get("Password"));
    }
    if props.is_empty() {
        if let Some(ts) = child("ToString") {
            return Value::str(unescape(ts.text().unwrap_or_default()));
        }
    }
    let mut o = PsObject::typed("System.Object");
    o.type_names = names.iter().map(|t| format!("Deserialized.{t}")).collect();
    for (name, v) in props {
        o.add_note(&name, v);
    }
    Value::object(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_round_trip() {
        for ticks in [0, 10_000_000, 54_000_000_000, 864_000_000_000 + 36_000_000_000, 15_000_000] {
            assert_eq!(parse_timespan(&timespan_text(ticks)), Some(ticks), "{}", timespan_text(ticks));
        }
        assert_eq!(timespan_text(54_000_000_000), "PT1H30M");
    }

    #[test]
    fn escapes_round_trip() {
        assert_eq!(escape("a<b&\"c\""), "a&lt;b&amp;&quot;c&quot;");
        assert_eq!(escape("line\r\n"), "line_x000D__x000A_");
        assert_eq!(unescape("line_x000D__x000A_"), "line\r\n");
        assert_eq!(unescape(&escape("\u{1}bell")), "\u{1}bell");
        assert_eq!(unescape("_x12_ not an escape"), "_x12_ not an escape");
    }
}
