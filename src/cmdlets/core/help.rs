//! Get-Help: a command's help in Windows PowerShell 5.1's layout (generated
//! from the metadata the binder uses), the about_ topics, and a topic list
//! for wildcard names; Update-Help's answer that the help is built in.

pub mod reference;
mod render;
mod syntax;
mod topics;
mod update;

use std::rc::Rc;

use crate::engine::command::{Args, ArgumentCompleter, Cmdlet, CommandInfo, CommandType, CompletionContext, CompletionResult, ParamSpec};
use crate::engine::error::ErrorCategory;
use crate::engine::ops;
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::views::{TableView, ViewColumn};
use crate::engine::{Ctx, ErrorRecord, EvalResult};

pub use render::View;

const CORE: &str = "Microsoft.PowerShell.Core";
const FQID_SUFFIX: &str = ",Microsoft.PowerShell.Commands.GetHelpCommand";

pub fn commands() -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet("Get-Help", CORE, "Microsoft.PowerShell.Commands.GetHelpCommand", || Box::new(GetHelp))
        .param(ParamSpec::new("Name", TypeKind::String).position(0).by_name().wildcards().complete_with(Rc::new(HelpNames)).help("The command or about_ topic to show. With wildcards, lists the matching topics."))
        .param(ParamSpec::switch("Full").in_set("AllUsersView").help("Adds every parameter's attributes, the input and output types and the examples."))
        .param(ParamSpec::switch("Detailed").mandatory().in_set("DetailedView").help("Adds the parameter descriptions and the examples."))
        .param(ParamSpec::switch("Examples").mandatory().in_set("Examples").help("Shows only the name, the synopsis and the examples."))
        .param(ParamSpec::new("Parameter", TypeKind::String).mandatory().in_set("Parameters").wildcards().help("Shows only the named parameters, with their attributes."))
        .default_set("AllUsersView")
        .outputs("System.String")
        .synopsis("Displays help about ersim's commands and concepts.")
        .description(
            "Shows a command's help in the layout of Windows PowerShell 5.1: the basic view, or -Detailed, -Full, -Examples or one -Parameter. The syntax is generated from the parameters the command really has.\n\nNames that begin with about_ are conceptual topics; Get-Help about_* lists them. Without a name, Get-Help shows about_ersim.",
        )
        .example("The examples of a cmdlet", "Get-Help New-AzureDedicatedCircuit -Examples", "Shows the examples, each runnable as it is.")
        .example("One parameter", "Get-Help New-AzureBGPPeering -Parameter AccessType", "Shows the parameter's description and its attribute table.")
        .example("The concepts", "Get-Help about_*", "Lists the about_ topics."),
        update::command()]
}

/// What Get-Help can show: the session's commands, then the about_ topics (5.1 completes
/// `Get-Help ` with both).
struct HelpNames;

impl ArgumentCompleter for HelpNames {
    fn complete(&self, cx: &CompletionContext<'_>) -> Vec<CompletionResult> {
        let mut names = super::commands_info::CommandNameCompleter.complete(cx);
        names.extend(topics::TOPICS.iter().map(|t| CompletionResult::new(t.name)));
        names
    }
}

struct GetHelp;

impl Cmdlet for GetHelp {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let name = args.string("Name").unwrap_or_else(|| "about_ersim".into());
        if name.contains(['*', '?']) {
            let mut found = matches(ctx, &name);
            return match found.len() {
                0 => Ok(()),
                1 => show(ctx, args, &found.remove(0)),
                _ => ctx.emit_all(found.iter().map(|t| t.listing()).collect()),
            };
        }
        if let Some(t) = topics::find(&name) {
            return show(ctx, args, &Target::About(t));
        }
        match ctx.interp.resolve_command(&name) {
            Some(info) => show(ctx, args, &Target::Command(info)),
            None => ctx.write_error(not_found(&name)),
        }
    }
}

enum Target {
    Command(std::rc::Rc<CommandInfo>),
    About(&'static topics::Topic),
}

impl Target {
    fn listing(&self) -> Value {
        let (name, category, module, synopsis) = match self {
            Target::Command(c) => {
                (c.name.clone(), if c.kind == CommandType::Function { "Function" } else { "Cmdlet" }, c.module.clone(), c.help.synopsis.clone())
            }
            Target::About(t) => (t.name.to_string(), "HelpFile", String::new(), t.synopsis()),
        };
        let mut o = PsObject::typed("HelpInfoShort");
        o.add_typed("Name", "string", Value::str(&name));
        o.add_typed("Category", "string", Value::str(category));
        o.add_typed("ModuleName", "string", Value::str(&module));
        o.add_typed("Synopsis", "string", Value::str(&synopsis));
        Value::object(o)
    }
}

/// Commands and topics whose names match the pattern, commands first.
fn matches(ctx: &mut Ctx, pattern: &str) -> Vec<Target> {
    let like = |n: &str| ops::like(&Value::str(n), &Value::str(pattern), false);
    let mut found: Vec<Target> = ctx.interp.all_commands().into_iter().filter(|c| like(&c.name)).map(Target::Command).collect();
    found.extend(topics::TOPICS.iter().filter(|t| like(t.name)).map(Target::About));
    found
}

fn show(ctx: &mut Ctx, args: &Args, target: &Target) -> EvalResult<()> {
    let info = match target {
        Target::About(t) => return ctx.emit(Value::str(t.text)),
        Target::Command(info) => info,
    };
    let width = ctx.interp.output_width;
    let lines = if let Some(pattern) = args.string("Parameter") {
        let like = |n: &str| ops::like(&Value::str(n), &Value::str(&pattern), false);
        let params: Vec<&ParamSpec> = info.params.iter().filter(|p| like(&p.name)).collect();
        if params.is_empty() {
            let rec = ErrorRecord::new(
                format!("No parameter matches criteria {pattern}."),
                "System.Management.Automation.PSArgumentException",
                ErrorCategory::InvalidArgument,
                format!("NoParmsFound{FQID_SUFFIX}"),
            );
            return ctx.write_error(rec);
        }
        render::parameter_help(info, &params, width)
    } else if info.kind == CommandType::Function && info.help.synopsis.is_empty() {
        render::reduced_help(info, width)
    } else {
        let view = if args.switch("Examples") {
            View::Examples
        } else if args.switch("Full") {
            View::Full
        } else if args.switch("Detailed") {
            View::Detailed
        } else {
            View::Default
        };
        let all = ctx.interp.all_commands();
        let related = syntax::related(info, all.iter().map(|c| c.as_ref()));
        render::command_help(info, &related, view, width)
    };
    ctx.emit(Value::str(lines.join("\n")))
}

/// 5.1's HelpNotFound error, its `https:/` typo included.
fn not_found(name: &str) -> ErrorRecord {
    let message = format!(
        "Get-Help could not find {name} in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https:/go.microsoft.com/fwlink/?LinkID=107116."
    );
    ErrorRecord::new(message, "System.Management.Automation.HelpNotFoundException", ErrorCategory::ResourceUnavailable, format!("HelpNotFound{FQID_SUFFIX}"))
}

/// The `help` view of HelpInfoShort (Help.format.ps1xml).
pub fn help_view() -> TableView {
    TableView::new(
        "HelpInfoShort",
        vec![
            ViewColumn::property("Name", 33),
            ViewColumn::property("Category", 9),
            ViewColumn { label: "Module", ..ViewColumn::property("ModuleName", 25) },
            ViewColumn::property("Synopsis", 0),
        ],
    )
}
