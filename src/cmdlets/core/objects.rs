//! The object cmdlets: Select-, Where-, ForEach-, Sort-Object and New-Object
//! (Group-Object and Measure-Object are in their own files).

use std::cmp::Ordering;
use std::rc::Rc;

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::{to_bool, to_num, to_string};
use crate::engine::error::ErrorCategory;
use crate::engine::value::{Hashtable, PsObject, TypeKind, Value};
use crate::engine::{limits, ops};
use crate::engine::{Ctx, ErrorRecord, EvalResult, Flow};
use crate::lang::ast::ScriptBlock;

use super::gather::{gather, Finish};

const UTILITY: &str = "Microsoft.PowerShell.Utility";
const CORE: &str = "Microsoft.PowerShell.Core";

const WHERE_OPERATORS: &[&str] = &[
    "EQ",
    "CEQ",
    "NE",
    "CNE",
    "GT",
    "CGT",
    "GE",
    "CGE",
    "LT",
    "CLT",
    "LE",
    "CLE",
    "Like",
    "CLike",
    "NotLike",
    "CNotLike",
    "Match",
    "CMatch",
    "NotMatch",
    "CNotMatch",
    "Contains",
    "CContains",
    "NotContains",
    "CNotContains",
    "In",
    "CIn",
    "NotIn",
    "CNotIn",
    "Is",
    "IsNot",
];

pub fn commands() -> Vec<CommandInfo> {
    let mut where_object = CommandInfo::cmdlet("Where-Object", CORE, "Microsoft.PowerShell.Commands.WhereObjectCommand", || Box::new(WhereObject))
        .param(ParamSpec::new("InputObject", TypeKind::Object).pipeline().help("The objects to filter."))
        .param(ParamSpec::new("FilterScript", TypeKind::Object).position(0).help("A script block that decides, with $_, whether an object passes; or the name of a property to compare."))
        .param(ParamSpec::new("Property", TypeKind::String).help("The property to compare (simplified syntax)."))
        .param(ParamSpec::new("Value", TypeKind::Object).position(1).help("The value to compare the property with."))
        .synopsis("Selects objects from a collection based on their property values.")
        .description("Passes on the objects for which the script block returns true, or whose property compares true with the value using the operator given as a switch (-EQ, -Like, -Match, ...).")
        .example("Filter with a script block", "1..5 | Where-Object { $_ -gt 3 }", "Returns 4 and 5.")
        .example("Simplified syntax", "Get-AzureDedicatedCircuit | Where-Object ServiceProviderProvisioningState -eq 'Provisioned'", "Returns the provisioned circuits.");
    for op in WHERE_OPERATORS {
        where_object = where_object.param(ParamSpec::switch(op).help("The comparison operator of the simplified syntax."));
    }
    vec![
        where_object,
        CommandInfo::cmdlet("ForEach-Object", CORE, "Microsoft.PowerShell.Commands.ForEachObjectCommand", || Box::new(ForEachObject::default()))
            .param(ParamSpec::new("InputObject", TypeKind::Object).pipeline().help("The objects to process."))
            .param(ParamSpec::new("Process", TypeKind::Object).position(0).remaining().help("The script block run for each object, or a member name."))
            .param(ParamSpec::new("Begin", TypeKind::ScriptBlock).help("Runs before the first object."))
            .param(ParamSpec::new("End", TypeKind::ScriptBlock).help("Runs after the last object."))
            .param(ParamSpec::new("MemberName", TypeKind::String).help("A property to get or a method to call on each object."))
            .param(ParamSpec::new("ArgumentList", TypeKind::Object).array().help("Arguments of the method named by -MemberName."))
            .synopsis("Runs a script block for each input object.")
            .description("Runs -Process once per object with $_ set to it, -Begin before and -End after; or gets a member of each object.")
            .example("Compute per object", "1..3 | ForEach-Object { $_ * 2 }", "Returns 2, 4 and 6.")
            .example("Member name", "'a','b' | ForEach-Object ToUpper", "Returns A and B."),
        CommandInfo::cmdlet("Select-Object", UTILITY, "Microsoft.PowerShell.Commands.SelectObjectCommand", || Box::new(SelectObject::default()))
            .param(ParamSpec::new("InputObject", TypeKind::Object).pipeline().help("The objects to select from."))
            .param(
                ParamSpec::new("Property", TypeKind::Object)
                    .array()
                    .position(0)
                    .wildcards()
                    .help("Properties to keep: names (wildcards allowed) or @{Name=...; Expression={...}}."),
            )
            .param(ParamSpec::new("ExcludeProperty", TypeKind::String).array().help("Properties to leave out."))
            .param(ParamSpec::new("ExpandProperty", TypeKind::String).help("A property whose value is written instead of the object."))
            .param(ParamSpec::switch("Unique").help("Drops duplicates."))
            .param(ParamSpec::new("First", TypeKind::Int).help("How many objects to take from the start."))
            .param(ParamSpec::new("Last", TypeKind::Int).help("How many objects to take from the end."))
            .param(ParamSpec::new("Skip", TypeKind::Int).help("How many objects to skip first."))
            .param(ParamSpec::new("Index", TypeKind::Int).array().help("Positions of the objects to take."))
            .synopsis("Selects objects or object properties.")
            .description("Builds new objects with the chosen properties, expands one property, or takes the first, last or skipped objects.")
            .example("Choose properties", "Get-AzureDedicatedCircuit | Select-Object CircuitName, ServiceKey", "A table of two columns.")
            .example("Take the first", "1..10 | Select-Object -First 3", "Returns 1, 2 and 3."),
        CommandInfo::cmdlet("Sort-Object", UTILITY, "Microsoft.PowerShell.Commands.SortObjectCommand", || gather(SortObject))
            .param(ParamSpec::new("InputObject", TypeKind::Object).pipeline().help("The objects to sort."))
            .param(ParamSpec::new("Property", TypeKind::Object).array().position(0).help("The properties to sort by (names, script blocks or hashtables)."))
            .param(ParamSpec::switch("Descending").help("Sorts from high to low."))
            .param(ParamSpec::switch("Unique").help("Drops duplicates."))
            .param(ParamSpec::switch("CaseSensitive").help("Compares strings with case."))
            .synopsis("Sorts objects by property values.")
            .description("Sorts ascending (or -Descending), case-insensitively unless -CaseSensitive. The sort is stable.")
            .example("Sort numbers", "3, 1, 2 | Sort-Object", "Returns 1, 2, 3."),
        CommandInfo::cmdlet("New-Object", UTILITY, "Microsoft.PowerShell.Commands.NewObjectCommand", || Box::new(NewObject))
            .param(
                ParamSpec::new("TypeName", TypeKind::String)
                    .mandatory()
                    .position(0)
                    .help("The type to create: PSObject, or a .NET type ersim emulates (ArrayList, Generic.List[T], …)."),
            )
            .param(ParamSpec::new("ArgumentList", TypeKind::Object).array().position(1).help("Constructor arguments."))
            .param(ParamSpec::new("Property", TypeKind::Hashtable).help("Properties and values of the new object."))
            .synopsis("Creates an object.")
            .description(
                "Creates a PSObject, optionally with the properties of -Property, or an object of an emulated .NET type such as System.Collections.ArrayList.",
            )
            .example("A custom object", "New-Object PSObject -Property @{ Name = 'lab'; Count = 2 }", "An object with two properties."),
    ]
}

// ---------------------------------------------------------------- Where-Object

struct WhereObject;

impl Cmdlet for WhereObject {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let Some(item) = args.get("InputObject").cloned() else { return Ok(()) };
        let filter = args.get("FilterScript").cloned();
        if let Some(Value::ScriptBlock(sb)) = &filter {
            let r = ctx.interp.invoke_block_here(sb, Some(item.clone()))?;
            if to_bool(&r) {
                ctx.emit(item)?;
            }
            return Ok(());
        }
        let property = args.string("Property").or_else(|| filter.as_ref().map(to_string)).unwrap_or_default();
        let value = ctx.interp.get_member(&item, &property);
        let Some(op) = WHERE_OPERATORS.iter().find(|o| args.switch(o)) else {
            if to_bool(&value) {
                ctx.emit(item)?;
            }
            return Ok(());
        };
        let rhs = args.get("Value").cloned().unwrap_or(Value::Null);
        let lower = op.to_ascii_lowercase();
        let (cs, base) = match lower.strip_prefix('c') {
            Some(b) if lower != "contains" => (true, b.to_string()),
            _ => (false, lower.clone()),
        };
        let pass = match base.as_str() {
            "eq" => ops::equals(&value, &rhs, cs),
            "ne" => !ops::equals(&value, &rhs, cs),
            "gt" => ops::compare(&value, &rhs, cs) == Some(Ordering::Greater),
            "ge" => matches!(ops::compare(&value, &rhs, cs), Some(Ordering::Greater | Ordering::Equal)),
            "lt" => ops::compare(&value, &rhs, cs) == Some(Ordering::Less),
            "le" => matches!(ops::compare(&value, &rhs, cs), Some(Ordering::Less | Ordering::Equal)),
            "like" => ops::like(&value, &rhs, cs),
            "notlike" => !ops::like(&value, &rhs, cs),
            "match" => ops::match_scalar(&value, &rhs, cs).map(|(m, _)| m).unwrap_or(false),
            "notmatch" => !ops::match_scalar(&value, &rhs, cs).map(|(m, _)| m).unwrap_or(false),
            "contains" => value.enumerate().iter().any(|v| ops::equals(v, &rhs, cs)),
            "notcontains" => !value.enumerate().iter().any(|v| ops::equals(v, &rhs, cs)),
            "in" => rhs.enumerate().iter().any(|v| ops::equals(v, &value, cs)),
            "notin" => !rhs.enumerate().iter().any(|v| ops::equals(v, &value, cs)),
            "is" | "isnot" => {
                let is = value.type_name().eq_ignore_ascii_case(&to_string(&rhs)) || value.type_name().ends_with(&format!(".{}", to_string(&rhs)));
                is == (base == "is")
            }
            _ => false,
        };
        if pass {
            ctx.emit(item)?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------- ForEach-Object

#[derive(Default)]
struct ForEachObject {
    process: Vec<Rc<ScriptBlock>>,
    end: Option<Rc<ScriptBlock>>,
    member: Option<String>,
}

impl Cmdlet for ForEachObject {
    fn begin(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let mut blocks: Vec<Value> = args.get("Process").map(|v| v.enumerate()).unwrap_or_default();
        self.member = args.string("MemberName");
        if self.member.is_none() {
            if let Some(Value::Str(s)) = blocks.first() {
                self.member = Some(s.to_string());
                blocks.clear();
            }
        }
        let mut scripts: Vec<Rc<ScriptBlock>> = blocks
            .into_iter()
            .filter_map(|b| match b {
                Value::ScriptBlock(sb) => Some(sb),
                _ => None,
            })
            .collect();
        let mut begin = match args.get("Begin") {
            Some(Value::ScriptBlock(sb)) => Some(sb.clone()),
            _ => None,
        };
        self.end = match args.get("End") {
            Some(Value::ScriptBlock(sb)) => Some(sb.clone()),
            _ => None,
        };
        // `ForEach-Object {begin} {process} {end}`: extra positional blocks.
        if scripts.len() >= 2 && begin.is_none() {
            begin = Some(scripts.remove(0));
            if scripts.len() >= 2 && self.end.is_none() {
                self.end = scripts.pop();
            }
        }
        self.process = scripts;
        if let Some(b) = begin {
            ctx.interp.run_block_here(&b, None, ctx.out)?;
        }
        Ok(())
    }

    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let item = args.get("InputObject").cloned().unwrap_or(Value::Null);
        if let Some(name) = self.member.clone() {
            let method_args: Vec<Value> = args.get("ArgumentList").map(|v| v.enumerate()).unwrap_or_default();
            let v = if method_args.is_empty() && !ctx.interp.get_member(&item, &name).is_null() {
                ctx.interp.get_member(&item, &name)
            } else {
                ctx.interp.call_method(&item, &name, method_args, crate::lang::ast::Span::default())?
            };
            for x in v.enumerate() {
                ctx.emit(x)?;
            }
            return Ok(());
        }
        for sb in self.process.clone() {
            ctx.interp.run_block_here(&sb, Some(item.clone()), ctx.out)?;
        }
        Ok(())
    }

    fn end(&mut self, ctx: &mut Ctx) -> EvalResult<()> {
        if let Some(e) = self.end.clone() {
            ctx.interp.run_block_here(&e, None, ctx.out)?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------- Select-Object

#[derive(Default)]
struct SelectObject {
    args: Args,
    seen: usize,
    emitted: usize,
    last: Vec<Value>,
    unique: Vec<Value>,
}

/// A property of Select-Object: a name (maybe a wildcard) or a calculated one.
enum Selector {
    Name(String),
    Calculated { name: String, expr: CalcExpr },
}

enum CalcExpr {
    Script(Rc<ScriptBlock>),
    Name(String),
}

fn calculated(h: &Hashtable) -> Result<(String, CalcExpr), String> {
    let get = |keys: &[&str]| keys.iter().find_map(|k| h.get_str(k).cloned());
    let expr = get(&["Expression", "E"]).ok_or_else(|| "Missing the Expression key.".to_string())?;
    let expr = match expr {
        Value::ScriptBlock(sb) => CalcExpr::Script(sb),
        other => CalcExpr::Name(to_string(&other)),
    };
    let name = match get(&["Name", "N", "Label", "L"]) {
        Some(n) => to_string(&n),
        None => match &expr {
            CalcExpr::Script(sb) => sb.inner_text().to_string(),
            CalcExpr::Name(n) => n.clone(),
        },
    };
    Ok((name, expr))
}

fn selectors(args: &Args) -> Result<Vec<Selector>, String> {
    let mut out = Vec::new();
    for p in args.get("Property").map(|v| v.enumerate()).unwrap_or_default() {
        match p {
            Value::Hashtable(h) => {
                let (name, expr) = calculated(&h.borrow())?;
                out.push(Selector::Calculated { name, expr });
            }
            Value::ScriptBlock(sb) => out.push(Selector::Calculated { name: sb.inner_text().to_string(), expr: CalcExpr::Script(sb) }),
            other => out.push(Selector::Name(to_string(&other))),
        }
    }
    Ok(out)
}

fn property_names(v: &Value) -> Vec<String> {
    match v {
        Value::Object(o) => o.borrow().props.iter().map(|p| p.name.clone()).collect(),
        Value::Hashtable(h) => h.borrow().keys().iter().map(to_string).collect(),
        Value::Str(_) => vec!["Length".into()],
        _ => Vec::new(),
    }
}

impl SelectObject {
    fn project(&self, ctx: &mut Ctx, args: &Args, item: &Value) -> EvalResult<Option<Value>> {
        let sels = selectors(args).map_err(|m| {
            ctx.terminate(ErrorRecord::new(
                m,
                "System.NotSupportedException",
                ErrorCategory::InvalidArgument,
                "DictionaryKeyUnknownType,Microsoft.PowerShell.Commands.SelectObjectCommand",
            ))
        })?;
        if let Some(expand) = args.string("ExpandProperty") {
            let v = ctx.interp.get_member(item, &expand);
            let has = property_names(item).iter().any(|n| n.eq_ignore_ascii_case(&expand));
            if !has {
                let rec = ErrorRecord::new(
                    format!("Property \"{expand}\" cannot be found."),
                    "System.Management.Automation.PSArgumentException",
                    ErrorCategory::InvalidArgument,
                    "ExpandPropertyNotFound,Microsoft.PowerShell.Commands.SelectObjectCommand",
                )
                .with_target(item);
                ctx.write_error(rec)?;
                return Ok(None);
            }
            return Ok(Some(v));
        }
        if sels.is_empty() {
            return Ok(Some(item.clone()));
        }
        let exclude: Vec<String> = args.get("ExcludeProperty").map(|v| v.enumerate().iter().map(to_string).collect()).unwrap_or_default();
        let mut o = PsObject::custom();
        o.type_names = vec![format!("Selected.{}", item.type_name()), crate::engine::value::PSCUSTOMOBJECT.into(), "System.Object".into()];
        for s in sels {
            match s {
                Selector::Name(pattern) => {
                    let names = property_names(item);
                    let wild = pattern.contains(['*', '?', '[']);
                    let matched: Vec<String> = if wild {
                        names.iter().filter(|n| ops::like(&Value::str(n), &Value::str(&pattern), false)).cloned().collect()
                    } else {
                        vec![names.iter().find(|n| n.eq_ignore_ascii_case(&pattern)).cloned().unwrap_or(pattern.clone())]
                    };
                    for n in matched {
                        if exclude.iter().any(|e| ops::like(&Value::str(&n), &Value::str(e), false)) {
                            continue;
                        }
                        let v = ctx.interp.get_member(item, &n);
                        o.add_note(&n, v);
                    }
                }
                Selector::Calculated { name, expr } => {
                    let v = match expr {
                        CalcExpr::Script(sb) => ctx.interp.invoke_block_here(&sb, Some(item.clone()))?,
                        CalcExpr::Name(n) => ctx.interp.get_member(item, &n),
                    };
                    o.add_note(&name, v);
                }
            }
        }
        Ok(Some(Value::object(o)))
    }
}

impl Cmdlet for SelectObject {
    fn begin(&mut self, _ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        self.args = args.clone();
        Ok(())
    }

    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let Some(item) = args.get("InputObject").cloned() else { return Ok(()) };
        let index = self.seen;
        self.seen += 1;
        if let Some(skip) = args.get("Skip").and_then(to_num) {
            if (index as f64) < skip.as_f64() {
                return Ok(());
            }
        }
        if let Some(indexes) = args.get("Index") {
            if !indexes.enumerate().iter().any(|i| to_num(i).map(|n| n.as_f64() as usize) == Some(index)) {
                return Ok(());
            }
        }
        if args.has("Last") {
            limits::buffer(&mut self.last, item).map_err(|r| ctx.terminate(r))?;
            return Ok(());
        }
        let Some(projected) = self.project(ctx, args, &item)? else { return Ok(()) };
        if args.switch("Unique") {
            if self.unique.iter().any(|u| ops::equals(u, &projected, true) || to_string(u) == to_string(&projected)) {
                return Ok(());
            }
            self.unique.push(projected.clone());
        }
        if let Some(first) = args.get("First").and_then(to_num) {
            if self.emitted as f64 >= first.as_f64() {
                return Err(Flow::StopUpstream { pipeline: 0, stage: 0 });
            }
            self.emitted += 1;
            for v in projected.enumerate_expanded(args.has("ExpandProperty")) {
                ctx.emit(v)?;
            }
            if self.emitted as f64 >= first.as_f64() {
                return Err(Flow::StopUpstream { pipeline: 0, stage: 0 });
            }
            return Ok(());
        }
        for v in projected.enumerate_expanded(args.has("ExpandProperty")) {
            ctx.emit(v)?;
        }
        Ok(())
    }

    fn end(&mut self, ctx: &mut Ctx) -> EvalResult<()> {
        let Some(n) = self.args.get("Last").and_then(to_num) else { return Ok(()) };
        let items = std::mem::take(&mut self.last);
        let keep = (n.as_f64().max(0.0) as usize).min(items.len());
        let args = self.args.clone();
        for item in &items[items.len() - keep..] {
            if let Some(p) = self.project(ctx, &args, item)? {
                for v in p.enumerate_expanded(args.has("ExpandProperty")) {
                    ctx.emit(v)?;
                }
            }
        }
        Ok(())
    }
}

trait Expanded {
    fn enumerate_expanded(&self, expand: bool) -> Vec<Value>;
}

impl Expanded for Value {
    /// -ExpandProperty writes a collection's elements; otherwise one object.
    fn enumerate_expanded(&self, expand: bool) -> Vec<Value> {
        if expand {
            self.enumerate()
        } else {
            vec![self.clone()]
        }
    }
}

// ---------------------------------------------------------------- Sort-Object

struct SortObject;

pub(super) enum SortKey {
    Script(Rc<ScriptBlock>, bool),
    Name(String, bool),
}

pub(super) fn sort_keys(args: &Args, descending: bool) -> Vec<SortKey> {
    args.get("Property")
        .map(|v| v.enumerate())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| match p {
            Value::ScriptBlock(sb) => Some(SortKey::Script(sb, descending)),
            Value::Hashtable(h) => {
                let h = h.borrow();
                let desc = h.get_str("Descending").map(to_bool).unwrap_or(descending) || h.get_str("Ascending").map(|a| !to_bool(a)).unwrap_or(false);
                match h.get_str("Expression").cloned() {
                    Some(Value::ScriptBlock(sb)) => Some(SortKey::Script(sb, desc)),
                    Some(other) => Some(SortKey::Name(to_string(&other), desc)),
                    None => None,
                }
            }
            other => Some(SortKey::Name(to_string(&other), descending)),
        })
        .collect()
}

/// Orders values for sorting; values that do not compare sort by their text.
pub fn sort_compare(a: &Value, b: &Value, cs: bool) -> Ordering {
    ops::compare(a, b, cs).unwrap_or_else(|| to_string(a).to_lowercase().cmp(&to_string(b).to_lowercase()))
}

impl Finish for SortObject {
    fn finish(&mut self, ctx: &mut Ctx, args: &Args, mut items: Vec<Value>) -> EvalResult<()> {
        let descending = args.switch("Descending");
        let cs = args.switch("CaseSensitive");
        let keys = sort_keys(args, descending);
        let unique = args.switch("Unique");
        // A stable sort, so equal keys keep their input order (5.1's is unstable).
        if keys.is_empty() {
            // The values are their own keys: sorted where they were gathered, not copied.
            items.sort_by(|a, b| {
                let o = sort_compare(a, b, cs);
                if descending {
                    o.reverse()
                } else {
                    o
                }
            });
            return emit_sorted(ctx, items, unique, cs);
        }
        let mut keyed = Vec::with_capacity(items.len());
        for item in items {
            let mut k = Vec::with_capacity(keys.len());
            for key in &keys {
                k.push(match key {
                    SortKey::Script(sb, _) => ctx.interp.invoke_block_here(sb, Some(item.clone()))?,
                    SortKey::Name(n, _) => ctx.interp.get_member(&item, n),
                });
            }
            keyed.push((k, item));
        }
        keyed.sort_by(|(ka, _), (kb, _)| {
            for (i, key) in keys.iter().enumerate() {
                let desc = match key {
                    SortKey::Script(_, d) | SortKey::Name(_, d) => *d,
                };
                let o = sort_compare(&ka[i], &kb[i], cs);
                if o != Ordering::Equal {
                    return if desc { o.reverse() } else { o };
                }
            }
            Ordering::Equal
        });
        emit_sorted(ctx, keyed.into_iter().map(|(_, item)| item), unique, cs)
    }
}

/// Writes the sorted values; `-Unique` drops each that equals the one before it.
fn emit_sorted(ctx: &mut Ctx, sorted: impl IntoIterator<Item = Value>, unique: bool, cs: bool) -> EvalResult<()> {
    let mut last: Option<Value> = None;
    for item in sorted {
        if unique {
            if let Some(prev) = &last {
                if sort_compare(prev, &item, cs) == Ordering::Equal {
                    continue;
                }
            }
            last = Some(item.clone());
        }
        ctx.emit(item)?;
    }
    Ok(())
}

// ---------------------------------------------------------------- New-Object

struct NewObject;

impl Cmdlet for NewObject {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let type_name = args.string("TypeName").unwrap_or_default();
        let Some(ty) = ctx.interp.types.resolve(&type_name, false) else {
            let rec = ErrorRecord::new(
                format!("Cannot find type [{type_name}]: verify that the assembly containing this type is loaded."),
                "System.Management.Automation.PSArgumentException",
                ErrorCategory::InvalidType,
                "TypeNotFound,Microsoft.PowerShell.Commands.NewObjectCommand",
            );
            return ctx.write_error(rec);
        };
        let ctor_args = args.get("ArgumentList").map(Value::enumerate).unwrap_or_default();
        if let Some(made) = ctx.interp.construct_script_type(&ty, &ctor_args, crate::lang::ast::Span::default()) {
            return ctx.emit(made?);
        }
        let made = crate::engine::dotnet::collections::construct(&ty, &ctor_args)
            .or_else(|| crate::engine::dotnet::text::construct(&ty, &ctor_args))
            .or_else(|| crate::engine::dotnet::secure::construct(&ty, &ctor_args))
            .or_else(|| crate::engine::host_object::construct(&ty, &ctor_args))
            .or_else(|| crate::engine::dotnet::regex::construct(&ty, &ctor_args))
            .or_else(|| crate::engine::dotnet::xml::construct(&ty, &ctor_args));
        if let Some(made) = made {
            return match made {
                // New-Object writes the collection itself, not its items.
                Ok(v) => ctx.emit(v),
                Err(rec) => ctx.write_error(rec),
            };
        }
        if !matches!(ty.kind, TypeKind::PSObject | TypeKind::PSCustomObject | TypeKind::Object) || ty.is_array {
            if ty.is_value_type() && ctor_args.is_empty() {
                // A value type's parameterless constructor: its zero value.
                if let Ok(v) = crate::engine::convert::convert(&Value::Null, &ty) {
                    return ctx.emit(v);
                }
            }
            let rec = ErrorRecord::new(
                format!("A constructor was not found. Cannot find an appropriate constructor for type {type_name}."),
                "System.Management.Automation.PSArgumentException",
                ErrorCategory::ObjectNotFound,
                "CannotFindAppropriateCtor,Microsoft.PowerShell.Commands.NewObjectCommand",
            );
            return ctx.write_error(rec);
        }
        let mut o = PsObject::custom();
        if let Some(Value::Hashtable(h)) = args.get("Property") {
            for (k, v) in h.borrow().iter() {
                o.add_note(&to_string(k), v.clone());
            }
        }
        ctx.emit(Value::object(o))
    }
}
