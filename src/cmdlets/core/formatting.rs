//! Format-List, Format-Table, ConvertTo-Json and ConvertFrom-Json.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::{to_num, to_string};
use crate::engine::error::ErrorCategory;
use crate::engine::ops;
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::{Ctx, ErrorRecord, EvalResult};
use crate::format::cell::{cell_text, ENUMERATION_LIMIT};
use crate::format::out_default::{as_object, list_fields, FORMATTED_TEXT_TYPE};
use crate::format::table::{self, Align, Column};
use crate::format::{json, list, view};

use super::gather::{gather, Finish};

const UTILITY: &str = "Microsoft.PowerShell.Utility";

pub fn commands() -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("Format-List", UTILITY, "Microsoft.PowerShell.Commands.FormatListCommand", || gather(FormatCmd { shape: Shape::List }))
            .param(ParamSpec::new("InputObject", TypeKind::Object).pipeline().help("The objects to format."))
            .param(
                ParamSpec::new("Property", TypeKind::Object)
                    .array()
                    .position(0)
                    .wildcards()
                    .help("The properties to show (wildcards and calculated properties allowed)."),
            )
            .param(ParamSpec::switch("Force").help("Formats strings and other scalars as objects too."))
            .synopsis("Formats output as a list of properties, one per line.")
            .description("Shows each object as `Name : Value` lines, names padded to the longest.")
            .example("All properties", "Get-AzureDedicatedCircuit | Format-List *", "Every property of every circuit."),
        CommandInfo::cmdlet("Format-Table", UTILITY, "Microsoft.PowerShell.Commands.FormatTableCommand", || gather(FormatCmd { shape: Shape::Table }))
            .param(ParamSpec::new("InputObject", TypeKind::Object).pipeline().help("The objects to format."))
            .param(
                ParamSpec::new("Property", TypeKind::Object)
                    .array()
                    .position(0)
                    .wildcards()
                    .help("The columns to show (wildcards and calculated properties allowed)."),
            )
            .param(ParamSpec::switch("AutoSize").help("Sizes the columns to the data."))
            .param(ParamSpec::switch("HideTableHeaders").help("Leaves out the header rows."))
            .param(ParamSpec::switch("Wrap").help("Wraps long values instead of cutting them."))
            .param(ParamSpec::switch("Force").help("Formats strings and other scalars as objects too."))
            .synopsis("Formats output as a table.")
            .description("Shows objects as rows of a table whose columns are the chosen properties, or those of the first object.")
            .example("Choose columns", "Get-AzureDedicatedCircuit | Format-Table CircuitName, Bandwidth -AutoSize", "A two-column table."),
        CommandInfo::cmdlet("ConvertTo-Json", UTILITY, "Microsoft.PowerShell.Commands.ConvertToJsonCommand", || gather(ToJson))
            .param(ParamSpec::new("InputObject", TypeKind::Object).mandatory().position(0).pipeline().help("The objects to convert."))
            .param(ParamSpec::new("Depth", TypeKind::Int).help("How many levels of nested objects to include (default 2)."))
            .param(ParamSpec::switch("Compress").help("Leaves out white space."))
            .synopsis("Converts objects to JSON text.")
            .description("Writes Windows PowerShell 5.1's JSON layout; several input objects become one JSON array.")
            .example("A circuit as JSON", "Get-AzureDedicatedCircuit | ConvertTo-Json", "The circuits' properties as JSON."),
        CommandInfo::cmdlet("ConvertFrom-Json", UTILITY, "Microsoft.PowerShell.Commands.ConvertFromJsonCommand", || Box::new(FromJson::default()))
            .param(ParamSpec::new("InputObject", TypeKind::String).mandatory().position(0).pipeline().help("The JSON text."))
            .synopsis("Converts JSON text to custom objects.")
            .description("Objects become PSCustomObjects with their properties in document order.")
            .example("Parse JSON", "'{\"Name\":\"lab\"}' | ConvertFrom-Json", "An object with a Name property."),
    ]
}

#[derive(Clone, Copy, PartialEq)]
enum Shape {
    List,
    Table,
}

struct FormatCmd {
    shape: Shape,
}

/// The chosen columns: names (wildcards expanded against an object) or calculated ones.
pub(super) fn columns_for(ctx: &mut Ctx, props: &[Value], item: &Value) -> EvalResult<Vec<(String, Value)>> {
    let mut out = Vec::new();
    let names: Vec<String> = match item {
        Value::Object(o) => o.borrow().props.iter().map(|p| p.name.clone()).collect(),
        _ => Vec::new(),
    };
    for p in props {
        match p {
            Value::Hashtable(h) => {
                let h = h.borrow();
                let get = |keys: &[&str]| keys.iter().find_map(|k| h.get_str(k).cloned());
                let expr = get(&["Expression", "E"]).unwrap_or(Value::Null);
                let label = get(&["Name", "N", "Label", "L"]).map(|v| to_string(&v)).unwrap_or_else(|| to_string(&expr));
                let v = match &expr {
                    Value::ScriptBlock(sb) => ctx.interp.invoke_block_here(sb, Some(item.clone()))?,
                    other => ctx.interp.get_member(item, &to_string(other)),
                };
                out.push((label, v));
            }
            Value::ScriptBlock(sb) => {
                let v = ctx.interp.invoke_block_here(sb, Some(item.clone()))?;
                out.push((sb.inner_text().to_string(), v));
            }
            other => {
                let pattern = to_string(other);
                if pattern.contains(['*', '?']) {
                    for n in names.iter().filter(|n| ops::like(&Value::str(n), &Value::str(&pattern), false)) {
                        out.push((n.clone(), ctx.interp.get_member(item, n)));
                    }
                } else {
                    let label = names.iter().find(|n| n.eq_ignore_ascii_case(&pattern)).cloned().unwrap_or(pattern.clone());
                    out.push((label, ctx.interp.get_member(item, &pattern)));
                }
            }
        }
    }
    Ok(out)
}

pub(super) fn formatted(lines: Vec<String>) -> Value {
    let mut o = PsObject::typed(FORMATTED_TEXT_TYPE);
    o.add_typed("Lines", "string[]", Value::array(lines.into_iter().map(Value::str).collect()));
    Value::object(o)
}

impl Finish for FormatCmd {
    fn finish(&mut self, ctx: &mut Ctx, args: &Args, gathered: Vec<Value>) -> EvalResult<()> {
        let force = args.switch("Force");
        let props: Vec<Value> = args.get("Property").map(|v| v.enumerate()).unwrap_or_default();
        let items: Vec<Value> = gathered.iter().flat_map(Value::enumerate).collect();
        let width = ctx.interp.output_width;
        let mut lines = Vec::new();
        if self.shape == Shape::List {
            let mut started = false;
            for item in items {
                if item.is_scalar() && !force {
                    lines.push(to_string(&item));
                    continue;
                }
                if !started {
                    // FormatStart and GroupStart.
                    lines.push(String::new());
                    lines.push(String::new());
                    started = true;
                }
                let obj = as_object(&item);
                // 5.1 (FormatViewManager): without -Property, the type's ListControl view if it
                // has one, else every property; `Format-List *` names properties, so lists them all.
                let list_view = ctx.interp.views.for_type(&obj.type_names()).filter(|v| v.list);
                let fields = if let (true, Some(v)) = (props.is_empty(), &list_view) {
                    view::list_fields(v, &obj)
                } else if props.is_empty() {
                    match &obj {
                        Value::Object(o) => list_fields(&o.borrow()),
                        _ => Vec::new(),
                    }
                } else {
                    columns_for(ctx, &props, &obj)?.into_iter().map(|(n, v)| (n, cell_text(&v, ENUMERATION_LIMIT))).collect()
                };
                lines.extend(list::render_entry(&fields, width));
                lines.push(String::new());
            }
            if started {
                // GroupEnd and FormatEnd.
                lines.push(String::new());
                lines.push(String::new());
            }
            return ctx.emit(formatted(lines));
        }
        // Table: the columns come from -Property, a view, or the first object.
        let mut header: Option<Vec<Column>> = None;
        let mut view_of_first = None;
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut raw_after: Vec<(usize, String)> = Vec::new();
        for item in items {
            if item.is_scalar() && !force {
                raw_after.push((rows.len(), to_string(&item)));
                continue;
            }
            let obj = as_object(&item);
            let type_names = obj.type_names();
            if header.is_none() && props.is_empty() {
                // Only a TableControl view draws a table; a type with just a list or custom
                // view gets its properties' columns, as 5.1 does.
                view_of_first = ctx.interp.views.for_type(&type_names).filter(|v| !v.list && v.custom.is_none());
            }
            let cells: Vec<(String, Value)> = if let Some(v) = &view_of_first {
                v.columns.iter().map(|c| (c.label.to_string(), Value::str(view::column_text(c, &obj)))).collect()
            } else if props.is_empty() {
                let names: Vec<Value> = match (&header, &obj) {
                    (Some(h), _) => h.iter().map(|c| Value::str(&c.label)).collect(),
                    (None, Value::Object(o)) => o.borrow().props.iter().take(10).map(|p| Value::str(&p.name)).collect(),
                    _ => Vec::new(),
                };
                columns_for(ctx, &names, &obj)?
            } else {
                columns_for(ctx, &props, &obj)?
            };
            if header.is_none() {
                header = Some(
                    cells
                        .iter()
                        .enumerate()
                        .map(|(i, (label, v))| Column {
                            label: label.clone(),
                            width: view_of_first.as_ref().map(|vw| vw.columns[i].width).unwrap_or(0),
                            align: match v {
                                Value::Int(_) | Value::Long(_) | Value::UInt(_) | Value::ULong(_) | Value::Double(_) | Value::Bool(_) | Value::Enum(_) => {
                                    Align::Right
                                }
                                _ => view_of_first.as_ref().map(|vw| vw.columns[i].align).unwrap_or(Align::Left),
                            },
                        })
                        .collect(),
                );
            }
            rows.push(cells.iter().map(|(_, v)| cell_text(v, ENUMERATION_LIMIT)).collect());
        }
        let Some(mut columns) = header else {
            lines.extend(raw_after.into_iter().map(|(_, l)| l));
            return ctx.emit(formatted(lines));
        };
        if view_of_first.is_some() {
            table::share_rest(&mut columns, width);
        } else {
            table::fit_widths(&mut columns, &rows, width);
        }
        lines.push(String::new());
        if !args.switch("HideTableHeaders") {
            lines.extend(table::header(&columns));
        }
        let wrap = args.switch("Wrap") || view_of_first.is_some_and(|v| v.wrap);
        let mut raw = raw_after.into_iter().peekable();
        for (i, r) in rows.iter().enumerate() {
            while let Some((_, l)) = raw.next_if(|(at, _)| *at == i) {
                lines.push(l);
            }
            if wrap {
                lines.extend(table::wrapped_row(&columns, r));
            } else {
                lines.push(table::row(&columns, r));
            }
        }
        lines.extend(raw.map(|(_, l)| l));
        // GroupEnd and FormatEnd.
        lines.push(String::new());
        lines.push(String::new());
        ctx.emit(formatted(lines))
    }
}

struct ToJson;

impl Finish for ToJson {
    fn finish(&mut self, ctx: &mut Ctx, args: &Args, items: Vec<Value>) -> EvalResult<()> {
        let depth = args.get("Depth").and_then(to_num).map(|n| n.as_f64() as usize).unwrap_or(2);
        let compress = args.switch("Compress");
        let value = if items.len() == 1 { items.into_iter().next().unwrap_or(Value::Null) } else { Value::array(items) };
        ctx.emit(Value::str(json::to_json(&value, depth, compress)))
    }
}

#[derive(Default)]
struct FromJson {
    text: Vec<String>,
}

impl Cmdlet for FromJson {
    fn process(&mut self, _ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        if let Some(v) = args.get("InputObject") {
            self.text.push(to_string(v));
        }
        Ok(())
    }

    fn end(&mut self, ctx: &mut Ctx) -> EvalResult<()> {
        let text = std::mem::take(&mut self.text).join("\n");
        // 5.1 writes a JSON array as one object, not element by element.
        match json::from_json(&text) {
            Ok(v) => ctx.emit(v),
            Err(m) => {
                let rec = ErrorRecord::new(
                    m,
                    "System.ArgumentException",
                    ErrorCategory::NotSpecified,
                    "System.ArgumentException,Microsoft.PowerShell.Commands.ConvertFromJsonCommand",
                );
                ctx.write_error(rec)
            }
        }
    }
}
