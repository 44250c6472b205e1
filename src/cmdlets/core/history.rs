//! Get-History, Invoke-History and Clear-History over the session's history
//! (`engine::history`), which the interactive host fills with each prompt line that ran.
//! Messages and ids are those of 5.1's HistoryStrings and History.cs.

use std::rc::Rc;

use crate::engine::binder::Validator;
use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_num;
use crate::engine::error::{ErrorCategory, Flow};
use crate::engine::history::{select, HistoryEntry, SessionHistory, HISTORY_INFO};
use crate::engine::run::RunAs;
use crate::engine::value::{TypeKind, Value};
use crate::engine::views::{Align, TableView, ViewColumn};
use crate::engine::{Ctx, ErrorRecord, EvalResult};
use crate::lang::ast::Source;

const CORE: &str = "Microsoft.PowerShell.Core";
const ARGUMENT: &str = "System.ArgumentException";

pub fn commands() -> Vec<CommandInfo> {
    let count = |position: usize, what: &str| ParamSpec {
        validators: vec![Validator::Range(Value::Int(0), Value::Int(i32::from(i16::MAX)))],
        ..ParamSpec::new("Count", TypeKind::Int).position(position).help(what)
    };
    vec![
        CommandInfo::cmdlet("Get-History", CORE, "Microsoft.PowerShell.Commands.GetHistoryCommand", || Box::new(GetHistory))
            .param(ParamSpec { validators: vec![Validator::Range(Value::Long(1), Value::Long(i64::MAX))], ..ParamSpec::new("Id", TypeKind::Long).array().position(0).pipeline().help("The ids of the entries to get.") })
            .param(count(1, "How many entries: the newest ones, or those ending at -Id."))
            .outputs(HISTORY_INFO)
            .synopsis("Gets the commands run at the prompt in this session.")
            .description("Lists the session's history oldest first: each line typed at the prompt, with its id, status and times (on the virtual clock). Scripts add nothing.")
            .example("The last three commands", "Get-History -Count 3", "Their ids and command lines."),
        CommandInfo::cmdlet("Invoke-History", CORE, "Microsoft.PowerShell.Commands.InvokeHistoryCommand", || Box::new(InvokeHistory))
            .param(ParamSpec::new("Id", TypeKind::String).position(0).by_name().help("The id of the entry, or the start of its command line; the newest entry by default."))
            .synopsis("Runs a command from the session's history again.")
            .description("Shows the command line, then runs it; the history records the command that ran, not the Invoke-History call.")
            .example("Run the previous command again", "Invoke-History", "Also written r."),
        CommandInfo::cmdlet("Clear-History", CORE, "Microsoft.PowerShell.Commands.ClearHistoryCommand", || Box::new(ClearHistory))
            .param(ParamSpec { validators: vec![Validator::Range(Value::Int(1), Value::Int(i32::MAX))], ..ParamSpec::new("Id", TypeKind::Int).array().position(0).in_set("IDParameter").help("The ids of the entries to delete.") })
            .param(ParamSpec::new("CommandLine", TypeKind::String).array().in_set("CommandLineParameter").help("Deletes the entries whose command line matches (wildcards allowed)."))
            .param(count(1, "How many entries to delete: the oldest, or the newest with -Newest."))
            .param(ParamSpec::switch("Newest").help("Deletes the newest entries instead of the oldest."))
            .default_set("IDParameter")
            .synopsis("Deletes entries from the session's history.")
            .description("Without parameters every entry goes; ids are never reused.")
            .example("Forget everything", "Clear-History", "Get-History then lists nothing."),
    ]
}

pub const ALIASES: &[(&str, &str)] =
    &[("h", "Get-History"), ("history", "Get-History"), ("ghy", "Get-History"), ("r", "Invoke-History"), ("ihy", "Invoke-History"), ("clhy", "Clear-History")];

/// HistoryInfo's table view (PowerShellCore.format.ps1xml): Id, right-aligned in 4, and
/// CommandLine.
pub fn history_view() -> TableView {
    TableView::new(HISTORY_INFO, vec![ViewColumn { align: Align::Right, ..ViewColumn::property("Id", 4) }, ViewColumn::property("CommandLine", 0)])
}

/// The session's history; a session with none (a script run) has an empty one.
fn history(ctx: &Ctx) -> Option<Rc<SessionHistory>> {
    ctx.interp.extension::<Rc<SessionHistory>>().cloned()
}

fn entries(ctx: &Ctx) -> Vec<HistoryEntry> {
    history(ctx).map(|h| h.entries()).unwrap_or_default()
}

/// An error of the running history cmdlet, its id suffixed with the cmdlet's class as 5.1's are.
fn error(ctx: &Ctx, message: String, exception: &str, id: &str, category: ErrorCategory, target: Value) -> ErrorRecord {
    ErrorRecord::new(message, exception, category, format!("{id},{}", ctx.command.class_name)).with_target(&target)
}

fn count_of(args: &Args) -> Option<usize> {
    args.get("Count").and_then(to_num).map(|n| n.as_f64().max(0.0) as usize)
}

fn ids_of(args: &Args) -> Vec<i64> {
    args.get("Id").map(|v| v.enumerate().iter().filter_map(to_num).map(|n| n.as_f64() as i64).collect()).unwrap_or_default()
}

struct GetHistory;

impl Cmdlet for GetHistory {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let all = entries(ctx);
        let ids = ids_of(args);
        let count = count_of(args);
        if ids.is_empty() {
            let newest = select(&all, None, count.unwrap_or(all.len()), true);
            return ctx.emit_all(newest.iter().map(HistoryEntry::to_value).collect());
        }
        match count {
            None => {
                for id in ids {
                    match all.iter().find(|e| e.id == id) {
                        Some(e) => ctx.emit(e.to_value())?,
                        None => ctx.write_error(error(
                            ctx,
                            format!("Cannot locate the history for Id {id}."),
                            ARGUMENT,
                            "GetHistoryNoHistoryForId",
                            ErrorCategory::ObjectNotFound,
                            Value::Long(id),
                        ))?,
                    }
                }
                Ok(())
            }
            Some(_) if ids.len() > 1 => Err(ctx.terminate(error(
                ctx,
                "The count cannot be combined with multiple Ids.".into(),
                ARGUMENT,
                "GetHistoryNoCountWithMultipleIds",
                ErrorCategory::InvalidArgument,
                Value::Int(count.unwrap_or(0) as i32),
            ))),
            Some(n) => ctx.emit_all(select(&all, Some(ids[0]), n, false).iter().map(HistoryEntry::to_value).collect()),
        }
    }
}

struct InvokeHistory;

impl InvokeHistory {
    fn entry(ctx: &mut Ctx, args: &Args) -> Result<HistoryEntry, Flow> {
        let all = entries(ctx);
        let Some(id) = args.string("Id") else {
            let last = all.last().cloned();
            return last.ok_or_else(|| {
                ctx.terminate(error(
                    ctx,
                    "Cannot locate most recent history.".into(),
                    "System.InvalidOperationException",
                    "InvokeHistoryNoLastHistoryEntryFound",
                    ErrorCategory::InvalidOperation,
                    Value::Null,
                ))
            });
        };
        match id.trim().parse::<i64>() {
            Ok(n) if n <= 0 => Err(ctx.terminate(error(
                ctx,
                format!(
                    "The identifier {n} is not a valid value for a History identifier. Specify a positive number, and then try again.\r\nParameter name: Id"
                ),
                "System.ArgumentOutOfRangeException",
                "InvokeHistoryInvalidIdGetHistory",
                ErrorCategory::InvalidArgument,
                Value::Long(n),
            ))),
            Ok(n) => all.iter().find(|e| e.id == n).cloned().ok_or_else(|| {
                ctx.terminate(error(
                    ctx,
                    format!("Cannot locate the history for Id {n}."),
                    ARGUMENT,
                    "InvokeHistoryNoHistoryForId",
                    ErrorCategory::ObjectNotFound,
                    Value::Long(n),
                ))
            }),
            // 5.1 compares with the current culture, case-sensitively.
            Err(_) => all.iter().rev().find(|e| e.command_line.starts_with(&id)).cloned().ok_or_else(|| {
                ctx.terminate(error(
                    ctx,
                    format!("Cannot locate the history for command line {id}."),
                    ARGUMENT,
                    "InvokeHistoryNoHistoryForCommandline",
                    ErrorCategory::ObjectNotFound,
                    Value::str(&id),
                ))
            }),
        }
    }
}

impl Cmdlet for InvokeHistory {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let entry = Self::entry(ctx, args)?;
        let Some(history) = history(ctx) else { return Ok(()) };
        if !history.begin_invoke(entry.id) {
            return Err(ctx.terminate(error(
                ctx,
                "The Invoke-History cmdlet is called repeatedly, in a loop.".into(),
                "System.InvalidOperationException",
                "InvokeHistoryLoopDetected",
                ErrorCategory::InvalidOperation,
                Value::Null,
            )));
        }
        history.replace_current(&entry.command_line);
        let shown = ctx.write_host(&entry.command_line, true);
        let src: Rc<Source> = Source::new(None, entry.command_line.clone());
        let ran = shown.and_then(|()| ctx.interp.run_text(&src, RunAs::Inline(ctx.out)));
        history.end_invoke(entry.id);
        match ran {
            Err(Flow::Error(rec)) if rec.is_parse_error => Err(ctx.terminate((*rec).clone())),
            r => r,
        }
    }
}

struct ClearHistory;

impl Cmdlet for ClearHistory {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let Some(history) = history(ctx) else { return Ok(()) };
        let all = history.entries();
        let newest = args.switch("Newest");
        let count = count_of(args);
        let chosen: Vec<HistoryEntry> = match args.get("CommandLine") {
            Some(patterns) => {
                let mut out = Vec::new();
                for p in patterns.enumerate().iter().map(Value::to_display_string) {
                    let pattern = crate::engine::ops::wildcard_regex(&p, false);
                    let matching: Vec<HistoryEntry> = all.iter().filter(|e| pattern.is_match(&e.command_line)).cloned().collect();
                    out.extend(select(&matching, None, count.unwrap_or(matching.len()), newest));
                }
                out
            }
            None => {
                let ids = ids_of(args);
                if ids.is_empty() {
                    select(&all, None, count.unwrap_or(all.len()), newest)
                } else {
                    ids.iter()
                        .flat_map(|id| select(&all, Some(*id), count.unwrap_or(1), newest).into_iter().filter(|e| count.is_some() || e.id == *id))
                        .collect()
                }
            }
        };
        let ids: Vec<i64> = chosen.iter().map(|e| e.id).collect();
        let cleared = history.remove(&ids);
        ctx.write_verbose(&format!("Note: {cleared} entries were cleared from the session history."))
    }
}
