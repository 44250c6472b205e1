//! What the session's commands look like as objects: Get-Command's CmdletInfo,
//! FunctionInfo and AliasInfo with 5.1's `CommandType Name Version Source` table, Get-Alias,
//! and Clear-Host; the completer of a parameter that names a command.

use std::rc::Rc;

use crate::engine::command::{Args, ArgumentCompleter, Cmdlet, CommandInfo, CommandType, CompletionContext, CompletionResult, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::error::ErrorCategory;
use crate::engine::ops;
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::views::{ColumnValue, TableView, ViewColumn};
use crate::engine::{Ctx, ErrorRecord, EvalResult};

const UTILITY: &str = "Microsoft.PowerShell.Utility";
const ALIAS_INFO: &str = "System.Management.Automation.AliasInfo";
const COMMAND_TYPES: &str = "System.Management.Automation.CommandTypes";
const COMMAND_INFO: &str = "System.Management.Automation.CommandInfo";

/// The session's command names, lent to the completers by the prompt: a completer sees the
/// session's services, not the session, and the commands change as modules load.
pub struct CommandNames(pub Vec<String>);

/// Offers the session's command names (Get-Command -Name, Add-ErSimFault -Cmdlet).
pub struct CommandNameCompleter;

impl ArgumentCompleter for CommandNameCompleter {
    fn complete(&self, cx: &CompletionContext<'_>) -> Vec<CompletionResult> {
        cx.services.get::<CommandNames>().map(|names| names.0.iter().map(CompletionResult::new).collect()).unwrap_or_default()
    }
}

pub fn command_names() -> Rc<dyn ArgumentCompleter> {
    Rc::new(CommandNameCompleter)
}

pub fn commands() -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("Get-Alias", UTILITY, "Microsoft.PowerShell.Commands.GetAliasCommand", || Box::new(GetAlias))
            .param(
                ParamSpec::new("Name", TypeKind::String)
                    .array()
                    .position(0)
                    .by_name()
                    .wildcards()
                    .in_set("Default")
                    .help("The aliases to get (wildcards allowed); all by default."),
            )
            .param(
                ParamSpec::new("Definition", TypeKind::String)
                    .array()
                    .wildcards()
                    .in_set("Definition")
                    .help("Gets the aliases of these commands (wildcards allowed)."),
            )
            .param(ParamSpec::new("Exclude", TypeKind::String).array().wildcards().help("Leaves out the aliases with these names."))
            .param(ParamSpec::new("Scope", TypeKind::String).help("Accepted; the session's aliases are all global."))
            .default_set("Default")
            .outputs(ALIAS_INFO)
            .synopsis("Gets the aliases of the session.")
            .description("Lists aliases sorted by name, as 5.1's table shows them: `Alias  name -> command`.")
            .example("What ls stands for", "Get-Alias -Definition Get-ChildItem", "dir, gci and ls."),
        CommandInfo::cmdlet("Clear-Host", "Microsoft.PowerShell.Core", "Clear-Host", || Box::new(ClearHost))
            .synopsis("Clears the console's window.")
            .description("Empties the interactive console's window and scroll-back; output to a file or a pipe is left alone. Also cls and clear.")
            .example("A clean screen", "Clear-Host", "The prompt starts again at the top."),
    ]
}

pub const ALIASES: &[(&str, &str)] = &[("gal", "Get-Alias"), ("cls", "Clear-Host"), ("clear", "Clear-Host")];

/// The name column of 5.1's command table: an alias shows `name -> command`.
fn name_column(v: &Value) -> String {
    let prop = |name: &str| match v {
        Value::Object(o) => o.borrow().get(name).map(to_string).unwrap_or_default(),
        _ => String::new(),
    };
    if prop("CommandType") == "Alias" {
        prop("DisplayName")
    } else {
        prop("Name")
    }
}

/// The table PowerShellCore.format.ps1xml gives every kind of command at once (AliasInfo,
/// CmdletInfo, FunctionInfo… share one view, so a mixed list is one table): it is keyed here
/// by the base type all of them carry.
pub fn views() -> Vec<TableView> {
    vec![TableView::new(
        COMMAND_INFO,
        vec![
            ViewColumn::property("CommandType", 15),
            ViewColumn { value: ColumnValue::Computed(name_column), ..ViewColumn::property("Name", 50) },
            ViewColumn::property("Version", 10),
            ViewColumn::property("Source", 0),
        ],
    )]
}

/// A command object's type names: its own, then CommandInfo's, as 5.1's pstypenames.
pub fn command_typed(type_name: &str) -> PsObject {
    let mut o = PsObject::typed(type_name);
    o.type_names.insert(1, COMMAND_INFO.to_string());
    o
}

/// An alias as 5.1's AliasInfo.
pub fn alias_object(name: &str, definition: &str) -> Value {
    let mut o = command_typed(ALIAS_INFO);
    o.add_typed("CommandType", COMMAND_TYPES, Value::str("Alias"));
    o.add_typed("Name", "string", Value::str(name));
    o.add_typed("DisplayName", "string", Value::str(format!("{name} -> {definition}")));
    o.add_typed("Definition", "string", Value::str(definition));
    o.add_typed("ReferencedCommand", "string", Value::str(definition));
    o.add_typed("ResolvedCommandName", "string", Value::str(definition));
    o.add_typed("Version", "version", Value::str(""));
    o.add_typed("Source", "string", Value::str(""));
    o.add_typed("ModuleName", "string", Value::str(""));
    Value::object(o)
}

/// The session's aliases, sorted by name (ordinal, case-insensitive).
pub fn aliases_sorted(ctx: &Ctx) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = ctx.interp.aliases.iter().map(|(a, d)| (a.to_string(), d.to_string())).collect();
    all.sort_by_key(|(a, _)| a.to_ascii_lowercase());
    all
}

/// A bound string or string[] parameter as its strings (none when absent).
pub(crate) fn strings(args: &Args, name: &str) -> Vec<String> {
    args.get(name).map(|v| v.enumerate().iter().map(to_string).collect()).unwrap_or_default()
}

fn like_any(text: &str, patterns: &[String]) -> bool {
    patterns.iter().any(|p| ops::like(&Value::str(text), &Value::str(p), false))
}

struct GetAlias;

impl Cmdlet for GetAlias {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let all = aliases_sorted(ctx);
        let exclude = strings(args, "Exclude");
        let kept = |a: &str| !like_any(a, &exclude);
        let definitions = strings(args, "Definition");
        if !definitions.is_empty() {
            let found = all.iter().filter(|(a, d)| like_any(d, &definitions) && kept(a)).map(|(a, d)| alias_object(a, d)).collect();
            return ctx.emit_all(found);
        }
        let names = strings(args, "Name");
        if names.is_empty() {
            return ctx.emit_all(all.iter().filter(|(a, _)| kept(a)).map(|(a, d)| alias_object(a, d)).collect());
        }
        for name in names {
            let matching: Vec<Value> =
                all.iter().filter(|(a, _)| like_any(a, std::slice::from_ref(&name)) && kept(a)).map(|(a, d)| alias_object(a, d)).collect();
            if matching.is_empty() && !name.contains(['*', '?', '[']) {
                let record = ErrorRecord::new(
                    format!("This command cannot find a matching alias because an alias with the name '{name}' does not exist."),
                    "System.Management.Automation.ItemNotFoundException",
                    ErrorCategory::ObjectNotFound,
                    format!("ItemNotFoundException,{}", ctx.command.class_name),
                )
                .with_target(&Value::str(&name));
                ctx.write_error(record)?;
            }
            ctx.emit_all(matching)?;
        }
        Ok(())
    }
}

struct ClearHost;

impl Cmdlet for ClearHost {
    fn process(&mut self, ctx: &mut Ctx, _args: &Args) -> EvalResult<()> {
        ctx.interp.host.clear_screen();
        Ok(())
    }
}

/// Whether Get-Command's filters let aliases through: verbs, nouns and modules describe
/// cmdlets and functions.
pub fn lists_aliases(args: &Args) -> bool {
    !args.has("Verb") && !args.has("Noun") && !args.has("Module")
}

/// The kind name of a command.
pub fn kind_name(kind: CommandType) -> &'static str {
    match kind {
        CommandType::Cmdlet => "Cmdlet",
        CommandType::Function => "Function",
        CommandType::Alias => "Alias",
    }
}
