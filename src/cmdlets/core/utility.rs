//! Host utilities: Get-Member, Get-Command, variables, Get-Date, Read-Host,
//! Start-Sleep and Invoke-Expression.

use std::rc::Rc;

use crate::engine::binder;
use crate::engine::command::{Args, Cmdlet, CommandInfo, CommandType, ParamSpec};
use crate::engine::convert::{to_num, to_string};
use crate::engine::error::{ErrorCategory, Flow};
use crate::engine::ops;
use crate::engine::run::RunAs;
use crate::engine::value::{PropKind, PsObject, ScriptMember, TypeKind, Value};
use crate::engine::{Ctx, ErrorRecord, EvalResult};
use crate::lang::ast::Source;

const UTILITY: &str = "Microsoft.PowerShell.Utility";
const CORE: &str = "Microsoft.PowerShell.Core";

pub fn commands() -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("Get-Member", UTILITY, "Microsoft.PowerShell.Commands.GetMemberCommand", || Box::new(GetMember::default()))
            .param(ParamSpec::new("InputObject", TypeKind::Object).pipeline().help("The object whose members to list."))
            .param(ParamSpec::new("Name", TypeKind::String).array().position(0).wildcards().help("Member names to list (wildcards allowed)."))
            .param(
                ParamSpec::new("MemberType", TypeKind::String)
                    .array()
                    .alias("Type")
                    .help("The kinds of member to list, PSMemberTypes names (Properties, Methods and All combine them)."),
            )
            .synopsis("Gets the properties and methods of objects.")
            .description("Lists each distinct input type once, with its members sorted by kind and name.")
            .example("Members of a circuit", "Get-AzureDedicatedCircuit | Get-Member", "The type name and properties of the circuit objects."),
        CommandInfo::cmdlet("Get-Command", CORE, "Microsoft.PowerShell.Commands.GetCommandCommand", || Box::new(GetCommand))
            .param(
                ParamSpec::new("Name", TypeKind::String)
                    .array()
                    .position(0)
                    .wildcards()
                    .complete_with(super::command_names())
                    .help("Command names (wildcards allowed)."),
            )
            .param(ParamSpec::new("Module", TypeKind::String).array().help("Lists the commands of these modules."))
            .param(ParamSpec::new("Verb", TypeKind::String).array().help("Lists commands with these verbs."))
            .param(ParamSpec::new("Noun", TypeKind::String).array().help("Lists commands with these nouns."))
            .synopsis("Gets the commands ersim knows.")
            .description("Lists cmdlets, functions and aliases, filtered by name, module, verb or noun.")
            .example("ExpressRoute commands", "Get-Command -Module ExpressRoute", "The 26 cmdlets of the classic module."),
        CommandInfo::cmdlet("Get-Date", UTILITY, "Microsoft.PowerShell.Commands.GetDateCommand", || Box::new(GetDate))
            .param(ParamSpec::new("Date", TypeKind::DateTime).position(0).pipeline().help("The date to show; the virtual clock's time by default."))
            .param(ParamSpec::new("Format", TypeKind::String).help("A .NET format string; the output is then a string."))
            .synopsis("Gets the time of ersim's virtual clock.")
            .description("Nothing in ersim reads the wall clock: the date comes from the simulated world's clock, which only moves when a script advances it.")
            .example("Format the date", "Get-Date -Format 'yyyy-MM-dd'", "The virtual date as text."),
        CommandInfo::cmdlet("Read-Host", UTILITY, "Microsoft.PowerShell.Commands.ReadHostCommand", || Box::new(ReadHost))
            .param(ParamSpec::new("Prompt", TypeKind::Object).position(0).remaining().help("The prompt text; a colon and a space are added."))
            .param(ParamSpec::switch("AsSecureString").help("Shows * for each character typed and returns a SecureString."))
            .synopsis("Reads a line of input from the console.")
            .description("Fails with 5.1's NonInteractive error when nobody can answer.")
            .example("Ask for a name", "$name = Read-Host 'Circuit name'", "Prompts with 'Circuit name: '."),
        CommandInfo::cmdlet("Start-Sleep", UTILITY, "Microsoft.PowerShell.Commands.StartSleepCommand", || Box::new(StartSleep))
            .param(ParamSpec::new("Seconds", TypeKind::Int).position(0).in_set("Seconds").help("Seconds to wait (on the virtual clock)."))
            .param(ParamSpec::new("Milliseconds", TypeKind::Int).alias("ms").in_set("Milliseconds").help("Milliseconds to wait (on the virtual clock)."))
            .default_set("Seconds")
            .synopsis("Advances the virtual clock instead of waiting.")
            .description("Returns at once after moving the simulated world's clock forward, so polling loops finish instantly and the same way every time.")
            .example("Poll politely", "Start-Sleep -Seconds 30", "The virtual clock moves 30 seconds."),
        CommandInfo::cmdlet("Join-Path", "Microsoft.PowerShell.Management", "Microsoft.PowerShell.Commands.JoinPathCommand", || Box::new(JoinPath))
            .param(ParamSpec::new("Path", TypeKind::String).array().mandatory().position(0).pipeline().by_name().alias("PSPath").help("The parent path."))
            .param(ParamSpec::new("ChildPath", TypeKind::String).mandatory().position(1).by_name().help("The path to append."))
            .synopsis("Combines a path and a child path.")
            .description("Joins the two with one separator; no file is touched. ersim uses the separator the parent path already uses.")
            .example(
                "A file in a folder",
                "Join-Path 'C:\\Labs' 'network.xml'",
                "C:\\Labs\\network.xml. In a script, Join-Path $PSScriptRoot 'network.xml' names a file beside the script.",
            ),
        CommandInfo::cmdlet("Invoke-Expression", UTILITY, "Microsoft.PowerShell.Commands.InvokeExpressionCommand", || Box::new(InvokeExpression))
            .param(ParamSpec::new("Command", TypeKind::String).mandatory().position(0).pipeline().help("The text to run."))
            .synopsis("Runs a string as PowerShell code.")
            .description("Parses and runs the text in the current scope.")
            .example("Run text", "Invoke-Expression '1 + 2'", "3."),
    ]
}

// ---------------------------------------------------------------- Get-Member

#[derive(Default)]
struct GetMember {
    args: Args,
    seen: Vec<String>,
}

pub(crate) struct Member {
    pub(crate) name: String,
    pub(crate) kind: &'static str,
    definition: String,
}

fn type_short(v: &Value) -> String {
    match v {
        Value::Null => "object".into(),
        Value::Int(_) => "int".into(),
        Value::Long(_) => "long".into(),
        Value::UInt(_) => "uint32".into(),
        Value::ULong(_) => "uint64".into(),
        Value::Double(_) => "double".into(),
        Value::Bool(_) => "bool".into(),
        Value::Str(_) => "string".into(),
        Value::Char(_) => "char".into(),
        Value::Guid(_) => "guid".into(),
        Value::DateTime(_) => "datetime".into(),
        Value::Hashtable(_) => "hashtable".into(),
        Value::ScriptBlock(_) => "scriptblock".into(),
        Value::Object(o) if o.borrow().is_custom() => "System.Management.Automation.PSCustomObject".into(),
        other => other.type_name(),
    }
}

/// What Get-Member lists for `v`, which the prompt's member completion offers too.
pub(crate) fn members_of(v: &Value, interp: &crate::engine::Interp) -> Vec<Member> {
    let method = |name: &str, def: &str| Member { name: name.into(), kind: "Method", definition: def.into() };
    let mut out = vec![
        method("Equals", "bool Equals(System.Object obj)"),
        method("GetHashCode", "int GetHashCode()"),
        method("GetType", "type GetType()"),
        method("ToString", "string ToString()"),
    ];
    match v {
        Value::Object(o) => {
            // A script class's methods and its properties' declared types.
            let class = o.borrow().class.clone().map(|c| interp.class_members(&c));
            if let Some((_, methods)) = &class {
                for (name, definition) in methods {
                    out.retain(|m| !m.name.eq_ignore_ascii_case(name));
                    out.push(Member { name: name.clone(), kind: "Method", definition: definition.clone() });
                }
            }
            for p in &o.borrow().props {
                let declared = class.as_ref().and_then(|(props, _)| props.iter().find(|(n, _)| n == &p.name)).map(|(_, t)| t.as_str());
                let definition = match p.kind {
                    PropKind::Note => format!("{} {}={}", type_short(&p.value), p.name, crate::format::cell::cell_text(&p.value, 4)),
                    PropKind::Property => format!("{} {} {{get;set;}}", declared.or(p.type_name).unwrap_or("System.Object"), p.name),
                };
                out.push(Member { name: p.name.clone(), kind: if p.kind == PropKind::Note { "NoteProperty" } else { "Property" }, definition });
            }
            // 5.1's definitions: the script text of a ScriptProperty's accessors, `Alias = Target`.
            for m in &o.borrow().script_members {
                let text = |sb: &crate::lang::ast::ScriptBlock| sb.inner_text().to_string();
                let (kind, definition) = match m {
                    ScriptMember::Method { name, .. } => ("ScriptMethod", format!("System.Object {name}();")),
                    ScriptMember::Property { name, getter, setter } => {
                        let get = getter.as_ref().map(|g| format!("get={};", text(g))).unwrap_or_default();
                        let set = setter.as_ref().map(|s| format!("set={};", text(s))).unwrap_or_default();
                        ("ScriptProperty", format!("System.Object {name} {{{get}{set}}}"))
                    }
                    ScriptMember::Alias { name, target } => ("AliasProperty", format!("{name} = {target}")),
                };
                out.push(Member { name: m.name().to_string(), kind, definition });
            }
        }
        Value::Str(_) => {
            out.push(Member { name: "Length".into(), kind: "Property", definition: "int Length {get;}".into() });
            for (n, d) in [
                ("Contains", "bool Contains(string value)"),
                ("EndsWith", "bool EndsWith(string value)"),
                ("IndexOf", "int IndexOf(string value)"),
                ("Replace", "string Replace(string oldValue, string newValue)"),
                ("Split", "string[] Split(Params char[] separator)"),
                ("StartsWith", "bool StartsWith(string value)"),
                ("Substring", "string Substring(int startIndex), string Substring(int startIndex, int length)"),
                ("ToLower", "string ToLower()"),
                ("ToUpper", "string ToUpper()"),
                ("Trim", "string Trim(Params char[] trimChars), string Trim()"),
            ] {
                out.push(method(n, d));
            }
        }
        Value::Hashtable(_) => {
            for (n, d) in [
                ("Add", "void Add(System.Object key, System.Object value)"),
                ("ContainsKey", "bool ContainsKey(System.Object key)"),
                ("Remove", "void Remove(System.Object key)"),
            ] {
                out.push(method(n, d));
            }
            out.push(Member { name: "Count".into(), kind: "Property", definition: "int Count {get;}".into() });
            out.push(Member { name: "Keys".into(), kind: "Property", definition: "System.Collections.ICollection Keys {get;}".into() });
            out.push(Member { name: "Values".into(), kind: "Property", definition: "System.Collections.ICollection Values {get;}".into() });
        }
        _ => {}
    }
    out.sort_by(|a, b| a.kind.to_ascii_lowercase().cmp(&b.kind.to_ascii_lowercase()).then(a.name.to_ascii_lowercase().cmp(&b.name.to_ascii_lowercase())));
    out
}

/// `-MemberType` as 5.1's PSMemberTypes flags: the names given, combined (`Properties` is every
/// kind of property); None lists every kind.
fn member_type_mask(ctx: &mut Ctx, args: &Args) -> EvalResult<Option<i64>> {
    let Some(v) = args.get("MemberType") else { return Ok(None) };
    let mut mask = 0;
    for item in v.enumerate() {
        match crate::engine::convert::convert_enum(&item, &super::add_member::PS_MEMBER_TYPES) {
            Ok(Value::Enum(e)) => mask |= e.value,
            Ok(_) => {}
            Err(m) => {
                let mut rec = ErrorRecord::new(
                    format!("Cannot bind parameter 'MemberType'. {m}"),
                    "System.Management.Automation.ParameterBindingException",
                    ErrorCategory::InvalidArgument,
                    format!("CannotConvertArgumentNoMessage,{}", ctx.command.class_name),
                );
                rec.activity = ctx.command.name.clone();
                return Err(ctx.terminate(rec));
            }
        }
    }
    Ok(Some(mask))
}

impl Cmdlet for GetMember {
    fn begin(&mut self, _ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        self.args = args.clone();
        Ok(())
    }

    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let Some(item) = args.get("InputObject").cloned() else { return Ok(()) };
        let type_name = match &item {
            Value::Object(o) if o.borrow().is_custom() && !o.borrow().type_names[0].starts_with("Selected.") => {
                crate::engine::value::PSCUSTOMOBJECT.to_string()
            }
            other => other.type_name(),
        };
        if self.seen.contains(&type_name) {
            return Ok(());
        }
        self.seen.push(type_name.clone());
        let names: Vec<String> = self.args.get("Name").map(|v| v.enumerate().iter().map(to_string).collect()).unwrap_or_default();
        let mask = member_type_mask(ctx, &self.args)?;
        for m in members_of(&item, ctx.interp) {
            if !names.is_empty() && !names.iter().any(|n| ops::like(&Value::str(&m.name), &Value::str(n), false)) {
                continue;
            }
            if let Some(mask) = mask {
                if super::add_member::PS_MEMBER_TYPES.parse(m.kind).is_none_or(|(_, v)| v & mask == 0) {
                    continue;
                }
            }
            let mut o = PsObject::typed("Microsoft.PowerShell.Commands.MemberDefinition");
            o.add_typed("TypeName", "string", Value::str(&type_name));
            o.add_typed("Name", "string", Value::str(&m.name));
            o.add_typed("MemberType", "System.Management.Automation.PSMemberTypes", Value::str(m.kind));
            o.add_typed("Definition", "string", Value::str(&m.definition));
            ctx.emit(Value::object(o))?;
        }
        Ok(())
    }

    fn end(&mut self, ctx: &mut Ctx) -> EvalResult<()> {
        if self.seen.is_empty() {
            let rec = ErrorRecord::new(
                "You must specify an object for the Get-Member cmdlet.",
                "System.InvalidOperationException",
                ErrorCategory::CloseError,
                "NoObjectInGetMember,Microsoft.PowerShell.Commands.GetMemberCommand",
            );
            return ctx.write_error(rec);
        }
        Ok(())
    }
}

// ---------------------------------------------------------------- Get-Command

struct GetCommand;

/// A command as Get-Command shows it (also the values of a module's ExportedCommands).
pub(super) fn command_object(info: &CommandInfo) -> Value {
    let mut o = super::commands_info::command_typed(match info.kind {
        CommandType::Cmdlet => "System.Management.Automation.CmdletInfo",
        CommandType::Function => "System.Management.Automation.FunctionInfo",
        CommandType::Alias => "System.Management.Automation.AliasInfo",
    });
    let kind = super::commands_info::kind_name(info.kind);
    o.add_typed("CommandType", "System.Management.Automation.CommandTypes", Value::str(kind));
    o.add_typed("Name", "string", Value::str(&info.name));
    o.add_typed(
        "Version",
        "version",
        Value::str(if info.module == "ExpressRoute" {
            "0.9.8"
        } else if info.module.is_empty() {
            ""
        } else {
            "3.1.0.0"
        }),
    );
    o.add_typed("Source", "string", Value::str(&info.module));
    o.add_typed("ModuleName", "string", Value::str(&info.module));
    o.add_typed("Verb", "string", Value::str(info.verb()));
    o.add_typed("Noun", "string", Value::str(info.noun()));
    if info.kind != CommandType::Alias {
        let ty = "System.Collections.Generic.Dictionary[string,System.Management.Automation.ParameterMetadata]";
        o.add_typed("Parameters", ty, super::parameter_metadata::parameters(info));
    }
    Value::object(o)
}

impl Cmdlet for GetCommand {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let patterns: Vec<String> = args.get("Name").map(|v| v.enumerate().iter().map(to_string).collect()).unwrap_or_default();
        let modules: Vec<String> = args.get("Module").map(|v| v.enumerate().iter().map(to_string).collect()).unwrap_or_default();
        let verbs: Vec<String> = args.get("Verb").map(|v| v.enumerate().iter().map(to_string).collect()).unwrap_or_default();
        let nouns: Vec<String> = args.get("Noun").map(|v| v.enumerate().iter().map(to_string).collect()).unwrap_or_default();
        let like = |text: &str, pats: &[String]| pats.is_empty() || pats.iter().any(|p| ops::like(&Value::str(text), &Value::str(p), false));
        let mut found = Vec::new();
        for info in ctx.interp.all_commands() {
            if like(&info.name, &patterns) && like(&info.module, &modules) && like(info.verb(), &verbs) && like(info.noun(), &nouns) {
                found.push(command_object(&info));
            }
        }
        if super::commands_info::lists_aliases(args) && !patterns.is_empty() {
            for alias in super::commands_info::aliases_sorted(ctx) {
                if like(&alias.name, &patterns) {
                    found.push(super::commands_info::alias_object(&alias));
                }
            }
        }
        for p in &patterns {
            if !p.contains(['*', '?']) && found.is_empty() {
                let inv = ctx.info.clone();
                let mut rec = crate::engine::error::command_not_found(p, &inv);
                rec.fqid = "CommandNotFoundException,Microsoft.PowerShell.Commands.GetCommandCommand".into();
                rec.activity = "Get-Command".into();
                return ctx.write_error(rec);
            }
        }
        ctx.emit_all(found)
    }
}

// ---------------------------------------------------------------- variables

/// Variables are stored lower-cased; show the automatic ones with their usual casing.
pub(crate) fn proper_case(name: &str) -> String {
    const KNOWN: &[&str] = &[
        "ErrorActionPreference",
        "VerbosePreference",
        "WarningPreference",
        "DebugPreference",
        "ConfirmPreference",
        "InformationPreference",
        "ProgressPreference",
        "PSVersionTable",
        "Host",
        "Error",
        "FormatEnumerationLimit",
        "LASTEXITCODE",
        "HOME",
        "PWD",
        "PID",
        "PSEdition",
        "OFS",
        "ShellId",
        "MaximumHistoryCount",
        "PSDefaultParameterValues",
        "true",
        "false",
        "null",
    ];
    KNOWN.iter().find(|k| k.eq_ignore_ascii_case(name)).map(|k| k.to_string()).unwrap_or_else(|| name.to_string())
}

// ---------------------------------------------------------------- time and input

struct GetDate;

impl Cmdlet for GetDate {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let date = match args.get("Date") {
            Some(Value::DateTime(d)) => Value::DateTime(*d),
            _ => Value::DateTime(ctx.interp.clock.now()),
        };
        match args.string("Format") {
            Some(f) => ctx.emit(Value::str(ops::format_value(&date, &f).unwrap_or_default())),
            None => ctx.emit(date),
        }
    }
}

struct ReadHost;

impl Cmdlet for ReadHost {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        if !ctx.interp.host.is_interactive() {
            let rec = ErrorRecord::new(
                "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
                "System.Management.Automation.PSInvalidOperationException",
                ErrorCategory::InvalidOperation,
                "InvalidOperation,Microsoft.PowerShell.Commands.ReadHostCommand",
            );
            return Err(ctx.terminate(rec));
        }
        let prompt = match args.get("Prompt") {
            Some(p) => format!("{}: ", p.enumerate().iter().map(to_string).collect::<Vec<_>>().join(" ")),
            None => String::new(),
        };
        if args.switch("AsSecureString") {
            return match ctx.interp.host.read_secret(&prompt) {
                Some(line) => ctx.emit(crate::engine::dotnet::secure::secure_value(&line)),
                None => Err(Flow::Interrupted),
            };
        }
        match ctx.interp.host.read_line(&prompt) {
            Some(line) => ctx.emit(Value::str(line)),
            None => Err(Flow::Interrupted),
        }
    }
}

struct StartSleep;

impl Cmdlet for StartSleep {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let ticks = match (args.get("Seconds").and_then(to_num), args.get("Milliseconds").and_then(to_num)) {
            (Some(s), _) => (s.as_f64() * 10_000_000.0) as i64,
            (None, Some(ms)) => (ms.as_f64() * 10_000.0) as i64,
            (None, None) => 0,
        };
        ctx.interp.clock.advance(ticks.max(0));
        Ok(())
    }
}

struct JoinPath;

impl Cmdlet for JoinPath {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let child = args.string("ChildPath").unwrap_or_default();
        for parent in args.get("Path").map(|v| v.enumerate()).unwrap_or_default() {
            let parent = to_string(&parent);
            let sep = if parent.contains('/') && !parent.contains('\\') { '/' } else { '\\' };
            let joined = format!("{}{}{}", parent.trim_end_matches(['/', '\\']), sep, child.trim_start_matches(['/', '\\']));
            ctx.emit(Value::str(joined))?;
        }
        Ok(())
    }
}

struct InvokeExpression;

impl Cmdlet for InvokeExpression {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let text = args.string("Command").unwrap_or_default();
        let src: Rc<Source> = Source::new(None, text);
        match ctx.interp.run_text(&src, RunAs::Inline(ctx.out)) {
            // A parse error is the cmdlet's terminating error, as the text never ran.
            Err(Flow::Error(rec)) if rec.is_parse_error => Err(ctx.terminate((*rec).clone())),
            // A runtime error leaving the text is the cmdlet's: its id names the cmdlet, as
            // 5.1's FullyQualifiedErrorId adds the invoking command's type.
            Err(Flow::Error(rec)) if !rec.fqid.contains(',') => {
                let mut rec = (*rec).clone();
                rec.fqid = format!("{},Microsoft.PowerShell.Commands.InvokeExpressionCommand", rec.fqid);
                Err(Flow::Error(Rc::new(rec)))
            }
            r => r,
        }
    }
}

/// Parameter names of a command, for help and completion.
pub fn parameter_names(info: &CommandInfo) -> Vec<String> {
    let mut names: Vec<String> = info.params.iter().map(|p| p.name.clone()).collect();
    if info.common_params {
        names.extend(binder::common_parameter_names().into_iter().map(String::from));
    }
    names
}
