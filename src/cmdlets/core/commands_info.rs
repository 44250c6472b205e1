//! What the session's commands look like as objects: Get-Command's CmdletInfo,
//! FunctionInfo and AliasInfo with 5.1's `CommandType Name Version Source` table, Get-Alias,
//! Set-Alias and New-Alias (with 5.1's ReadOnly/Constant rules), and Clear-Host; the completer
//! of a parameter that names a command.

use std::rc::Rc;

use crate::engine::command::{Args, ArgumentCompleter, Cmdlet, CommandInfo, CommandType, CompletionContext, CompletionResult, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::error::ErrorCategory;
use crate::engine::ops;
use crate::engine::runtime::{AliasEntry, ScopeRef};
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::views::{ColumnValue, TableView, ViewColumn};
use crate::engine::{Ctx, ErrorRecord, EvalResult};

use super::variables::SCOPED_ITEM_OPTIONS;

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
            .param(ParamSpec::new("Scope", TypeKind::String).help("Only the aliases of this scope: Global, Script, Local or a number."))
            .default_set("Default")
            .outputs(ALIAS_INFO)
            .synopsis("Gets the aliases of the session.")
            .description("Lists aliases sorted by name, as 5.1's table shows them: `Alias  name -> command`.")
            .example("What ls stands for", "Get-Alias -Definition Get-ChildItem", "dir, gci and ls."),
        write_alias("Set-Alias", "Microsoft.PowerShell.Commands.SetAliasCommand", false)
            .synopsis("Creates or changes an alias.")
            .description(
                "Makes Name stand for the command Value, replacing an alias of that name unless it is ReadOnly (then only with -Force) or Constant. Also sal.",
            )
            .example(
                "A short name",
                "Set-Alias -Name peerings -Value Get-AzExpressRouteCircuitPeeringConfig",
                "peerings now runs Get-AzExpressRouteCircuitPeeringConfig.",
            ),
        write_alias("New-Alias", "Microsoft.PowerShell.Commands.NewAliasCommand", true)
            .synopsis("Creates an alias.")
            .description("Like Set-Alias, but an alias of that name that exists is an error unless -Force. Also nal.")
            .example(
                "A fixed alias",
                "New-Alias -Name circuits -Value Get-AzExpressRouteCircuit -Option ReadOnly -Description 'All circuits'",
                "circuits changes only with -Force.",
            ),
        CommandInfo::cmdlet("Clear-Host", "Microsoft.PowerShell.Core", "Clear-Host", || Box::new(ClearHost))
            .synopsis("Clears the console's window.")
            .description("Empties the interactive console's window and scroll-back; output to a file or a pipe is left alone. Also cls and clear.")
            .example("A clean screen", "Clear-Host", "The prompt starts again at the top."),
    ]
}

/// Set-Alias and New-Alias share their parameters (5.1's WriteAliasCommandBase).
fn write_alias(name: &str, class: &str, create_only: bool) -> CommandInfo {
    let factory: fn() -> Box<dyn Cmdlet> =
        if create_only { || Box::new(WriteAlias { create_only: true }) } else { || Box::new(WriteAlias { create_only: false }) };
    CommandInfo::cmdlet(name, UTILITY, class, factory)
        .param(ParamSpec::new("Name", TypeKind::String).mandatory().position(0).by_name().help("The alias."))
        .param(ParamSpec::new("Value", TypeKind::String).mandatory().position(1).by_name().help("The command (or any name) the alias stands for."))
        .param(ParamSpec::new("Description", TypeKind::String).by_name().help("A description of the alias."))
        .param(ParamSpec::enumeration("Option", &SCOPED_ITEM_OPTIONS).by_name().help("None, ReadOnly (changes only with -Force) or Constant (never changes)."))
        .param(ParamSpec::switch("PassThru").help("Writes the alias."))
        .param(
            ParamSpec::new("Scope", TypeKind::String)
                .by_name()
                .help("The scope the alias is made in: Global, Script, Local or a number (the current one by default)."),
        )
        .param(ParamSpec::switch("Force").help("Replaces a ReadOnly alias (and, for New-Alias, one that exists)."))
        .should_process()
        .outputs(ALIAS_INFO)
}

pub const ALIASES: &[(&str, &str)] = &[("gal", "Get-Alias"), ("sal", "Set-Alias"), ("nal", "New-Alias"), ("cls", "Clear-Host"), ("clear", "Clear-Host")];

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
pub fn alias_object(alias: &AliasEntry) -> Value {
    let (name, definition) = (&alias.name, &alias.target);
    let mut o = command_typed(ALIAS_INFO);
    o.add_typed("CommandType", COMMAND_TYPES, Value::str("Alias"));
    o.add_typed("Name", "string", Value::str(name));
    o.add_typed("DisplayName", "string", Value::str(format!("{name} -> {definition}")));
    o.add_typed("Definition", "string", Value::str(definition));
    o.add_typed("ReferencedCommand", "string", Value::str(definition));
    o.add_typed("ResolvedCommandName", "string", Value::str(definition));
    o.add_typed("Description", "string", Value::str(&alias.description));
    let options = SCOPED_ITEM_OPTIONS.name_of(alias.options).unwrap_or("None");
    o.add_typed("Options", SCOPED_ITEM_OPTIONS.full_name, Value::enum_value(SCOPED_ITEM_OPTIONS.full_name, options, alias.options));
    o.add_typed("Version", "version", Value::str(""));
    o.add_typed("Source", "string", Value::str(""));
    o.add_typed("ModuleName", "string", Value::str(""));
    Value::object(o)
}

/// The aliases the running code sees, sorted by name (ordinal, case-insensitive).
pub fn aliases_sorted(ctx: &Ctx) -> Vec<AliasEntry> {
    sorted(ctx.interp.visible_aliases())
}

fn sorted(mut all: Vec<AliasEntry>) -> Vec<AliasEntry> {
    all.sort_by_key(|a| a.name.to_ascii_lowercase());
    all
}

/// The scope `-Scope` names, with the command in an error's id as 5.1's cmdlets give it.
fn alias_scope(ctx: &mut Ctx, args: &Args) -> Option<Result<ScopeRef, ErrorRecord>> {
    let scope = args.string("Scope")?;
    Some(ctx.interp.scope_named(&scope).map_err(|mut record| {
        record.fqid = format!("{},{}", record.fqid, ctx.command.class_name);
        record
    }))
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
        let all = match alias_scope(ctx, args) {
            None => aliases_sorted(ctx),
            Some(Ok(scope)) => sorted(ctx.interp.aliases_in(&scope).entries().cloned().collect()),
            Some(Err(record)) => return Err(ctx.terminate(record)),
        };
        let exclude = strings(args, "Exclude");
        let kept = |a: &str| !like_any(a, &exclude);
        let definitions = strings(args, "Definition");
        if !definitions.is_empty() {
            let found = all.iter().filter(|a| like_any(&a.target, &definitions) && kept(&a.name)).map(alias_object).collect();
            return ctx.emit_all(found);
        }
        let names = strings(args, "Name");
        if names.is_empty() {
            return ctx.emit_all(all.iter().filter(|a| kept(&a.name)).map(alias_object).collect());
        }
        for name in names {
            let matching: Vec<Value> = all.iter().filter(|a| like_any(&a.name, std::slice::from_ref(&name)) && kept(&a.name)).map(alias_object).collect();
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

/// Set-Alias, and New-Alias (`create_only`), as 5.1's SetAliasItem: a Constant alias never
/// changes, a ReadOnly one only with -Force; New-Alias also refuses a name that exists.
struct WriteAlias {
    create_only: bool,
}

impl WriteAlias {
    fn refuse(&self, ctx: &mut Ctx, name: &str, message: String, exception: &str, category: ErrorCategory, id: &str) -> EvalResult<()> {
        let record = ErrorRecord::new(message, exception, category, format!("{id},{}", ctx.command.class_name)).with_target(&Value::str(name));
        ctx.write_error(record)
    }
}

impl Cmdlet for WriteAlias {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let name = args.string("Name").unwrap_or_default();
        let value = args.string("Value").unwrap_or_default();
        let force = args.switch("Force");
        let scope = match alias_scope(ctx, args) {
            None => None,
            Some(Ok(scope)) => Some(scope),
            // Only New-Alias -Force reaches the call whose scope errors it catches; the others
            // (Set-Alias, New-Alias's check for an existing alias) let them end the command.
            Some(Err(record)) if self.create_only && force => return ctx.write_error(record),
            Some(Err(record)) => return Err(ctx.terminate(record)),
        };
        let target = scope.clone().unwrap_or_else(|| ctx.interp.current.clone());
        // New-Alias looks for the name as the code sees it (or in the scope given); the
        // ReadOnly and Constant rules are those of the alias in the scope written to.
        let seen = match &scope {
            Some(s) => ctx.interp.aliases_in(s).entry(&name).is_some(),
            None => ctx.interp.with_alias(&name, |_| ()).is_some(),
        };
        let existing = ctx.interp.aliases_in(&target).entry(&name).cloned();
        if self.create_only && !force && seen {
            let message = format!("The alias is not allowed, because an alias with the name '{name}' already exists.");
            return self.refuse(ctx, &name, message, "System.Management.Automation.SessionStateException", ErrorCategory::ResourceExists, "AliasAlreadyExists");
        }
        let action = if self.create_only { "New Alias" } else { "Set Alias" };
        if !ctx.should_process(&format!("Name: {name} Value: {value}"), action)? {
            return Ok(());
        }
        if existing.is_some_and(|e| e.options & AliasEntry::CONSTANT != 0 || (e.options & AliasEntry::READ_ONLY != 0 && !force)) {
            let message = format!("Alias is not writeable because alias {name} is read-only or constant and cannot be written to.");
            let exception = "System.Management.Automation.SessionStateUnauthorizedAccessException";
            return self.refuse(ctx, &name, message, exception, ErrorCategory::WriteError, "AliasNotWritable");
        }
        let options = match args.get("Option") {
            Some(Value::Enum(e)) => e.value,
            _ => 0,
        };
        let alias = AliasEntry { name, target: value, description: args.string("Description").unwrap_or_default(), options };
        ctx.interp.set_alias_in(&target, alias.clone());
        if args.switch("PassThru") {
            ctx.emit(alias_object(&alias))?;
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
