//! The output cmdlets: Write-*, Out-Null, Out-String, Out-Host.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::error::{CommandKind, ErrorCategory};
use crate::engine::limits;
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, ErrorRecord, EvalResult};
use crate::format::Formatter;

use super::gather::{gather, Finish};

const UTILITY: &str = "Microsoft.PowerShell.Utility";
const CORE: &str = "Microsoft.PowerShell.Core";

pub fn commands() -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("Write-Host", UTILITY, "Microsoft.PowerShell.Commands.WriteHostCommand", || Box::new(WriteHost))
            .param(ParamSpec::new("Object", TypeKind::Object).position(0).pipeline().remaining().help("Objects to display in the host."))
            .param(ParamSpec::switch("NoNewline").help("Writes no line break after the text."))
            .param(ParamSpec::new("Separator", TypeKind::Object).help("The string placed between objects."))
            .param(ParamSpec::new("ForegroundColor", TypeKind::String).set(COLORS).help("The text colour."))
            .param(ParamSpec::new("BackgroundColor", TypeKind::String).set(COLORS).help("The background colour."))
            .synopsis("Writes text to the host, outside the pipeline.")
            .description("Converts each object with ToString and writes it to the console. Nothing is written to the pipeline.")
            .example("Write a message", "Write-Host 'Circuit created' -ForegroundColor Green", "Prints the message; the colour shows only on a terminal."),
        CommandInfo::cmdlet("Write-Output", UTILITY, "Microsoft.PowerShell.Commands.WriteOutputCommand", || Box::new(WriteOutput))
            .param(ParamSpec::new("InputObject", TypeKind::Object).array().position(0).pipeline().remaining().help("The objects to send down the pipeline."))
            .param(ParamSpec::switch("NoEnumerate").help("Writes a collection as one object."))
            .synopsis("Sends objects to the next command in the pipeline.")
            .description("Writes each object to the success stream. Collections are enumerated unless -NoEnumerate is given.")
            .example("Output values", "Write-Output 'one' 'two'", "Writes two strings."),
        stream_cmdlet(
            "Write-Verbose",
            "Microsoft.PowerShell.Commands.WriteVerboseCommand",
            || Box::new(WriteStream(Stream::Verbose)),
            "Writes a message to the verbose stream.",
            "Shown as VERBOSE: text when -Verbose is given or $VerbosePreference is Continue.",
        ),
        stream_cmdlet(
            "Write-Warning",
            "Microsoft.PowerShell.Commands.WriteWarningCommand",
            || Box::new(WriteStream(Stream::Warning)),
            "Writes a warning message.",
            "Shown as WARNING: text unless $WarningPreference or -WarningAction silences it.",
        ),
        stream_cmdlet(
            "Write-Debug",
            "Microsoft.PowerShell.Commands.WriteDebugCommand",
            || Box::new(WriteStream(Stream::Debug)),
            "Writes a debug message.",
            "Shown as DEBUG: text when -Debug is given or $DebugPreference is Continue.",
        ),
        CommandInfo::cmdlet("Write-Error", UTILITY, "Microsoft.PowerShell.Commands.WriteErrorCommand", || Box::new(WriteError))
            .param(
                ParamSpec::new("Message", TypeKind::String)
                    .mandatory()
                    .position(0)
                    .pipeline()
                    .alias("Msg")
                    .in_set("NoException")
                    .help("The text of the error."),
            )
            .param(
                ParamSpec::new("Exception", TypeKind::Object)
                    .mandatory()
                    .in_set("WithException")
                    .help("The exception the error carries; its message is the error's."),
            )
            .param(ParamSpec::new("Category", TypeKind::String).help("The error category."))
            .param(ParamSpec::new("ErrorId", TypeKind::String).help("The error identifier."))
            .param(ParamSpec::new("TargetObject", TypeKind::Object).help("The object the error concerns."))
            .synopsis("Writes a non-terminating error.")
            .description("Writes an error record to the error stream; the script goes on unless -ErrorAction Stop or $ErrorActionPreference says otherwise.")
            .example(
                "Report a failure",
                "Write-Error 'The circuit is not provisioned' -ErrorAction SilentlyContinue",
                "Records the error in $Error without showing it.",
            ),
        CommandInfo::cmdlet("Out-Null", CORE, "Microsoft.PowerShell.Commands.OutNullCommand", || Box::new(OutNull))
            .param(ParamSpec::new("InputObject", TypeKind::Object).pipeline().help("The objects to discard."))
            .synopsis("Discards its input.")
            .description("Deletes output instead of sending it down the pipeline.")
            .example("Discard output", "New-Object PSObject | Out-Null", "Nothing is printed."),
        CommandInfo::cmdlet("Out-String", UTILITY, "Microsoft.PowerShell.Commands.OutStringCommand", || gather(OutString))
            .param(ParamSpec::new("InputObject", TypeKind::Object).pipeline().help("The objects to render as text."))
            .param(ParamSpec::switch("Stream").help("Writes one string per line."))
            .param(ParamSpec::new("Width", TypeKind::Int).help("The line width."))
            .synopsis("Converts objects into the text the console would show.")
            .description("Formats input the way Out-Default does and returns it as a string (or one string per line with -Stream).")
            .example("Capture formatted text", "$text = Get-Date | Out-String", "Stores the formatted date."),
        CommandInfo::cmdlet("Out-Host", CORE, "Microsoft.PowerShell.Commands.OutHostCommand", || Box::new(OutHost::default()))
            .param(ParamSpec::new("InputObject", TypeKind::Object).pipeline().help("The objects to display."))
            .synopsis("Sends output to the console.")
            .description("Formats input and writes it to the console at once.")
            .example("Show output", "'hello' | Out-Host", "Prints hello."),
    ]
}

const COLORS: &[&str] = &[
    "Black",
    "DarkBlue",
    "DarkGreen",
    "DarkCyan",
    "DarkRed",
    "DarkMagenta",
    "DarkYellow",
    "Gray",
    "DarkGray",
    "Blue",
    "Green",
    "Cyan",
    "Red",
    "Magenta",
    "Yellow",
    "White",
];

fn stream_cmdlet(name: &str, class: &str, f: crate::engine::command::CmdletFactory, synopsis: &str, description: &str) -> CommandInfo {
    CommandInfo::cmdlet(name, UTILITY, class, f)
        .param(ParamSpec::new("Message", TypeKind::String).mandatory().position(0).pipeline().alias("Msg").help("The message to write."))
        .synopsis(synopsis)
        .description(description)
        .example("Write a message", &format!("{name} 'Checking the circuit state'"), "Writes the message to its stream.")
}

struct WriteHost;

impl Cmdlet for WriteHost {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let sep = args.get("Separator").map(|v| v.to_display_string()).unwrap_or_else(|| " ".into());
        let text = match args.get("Object") {
            None => String::new(),
            Some(v) => flatten(v).iter().map(|x| x.to_display_string()).collect::<Vec<_>>().join(&sep),
        };
        ctx.write_host(&text, !args.switch("NoNewline"))
    }
}

fn flatten(v: &Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a.borrow().iter().flat_map(flatten).collect(),
        other => vec![other.clone()],
    }
}

struct WriteOutput;

impl Cmdlet for WriteOutput {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let Some(v) = args.get("InputObject").cloned() else { return Ok(()) };
        if args.switch("NoEnumerate") {
            return ctx.emit(v);
        }
        // Remaining arguments arrive as one array of the values given.
        for item in v.enumerate() {
            match item {
                Value::Array(_) => ctx.emit_all(item.enumerate())?,
                other => ctx.emit(other)?,
            }
        }
        Ok(())
    }
}

#[derive(Clone, Copy)]
enum Stream {
    Verbose,
    Warning,
    Debug,
}

struct WriteStream(Stream);

impl Cmdlet for WriteStream {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let msg = args.string("Message").unwrap_or_default();
        match self.0 {
            Stream::Verbose => ctx.write_verbose(&msg),
            Stream::Warning => ctx.write_warning(&msg),
            Stream::Debug => ctx.write_debug(&msg),
        }
    }
}

struct WriteError;

impl Cmdlet for WriteError {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let category = args.string("Category").and_then(|c| ErrorCategory::parse(&c)).unwrap_or(ErrorCategory::NotSpecified);
        let mut rec = match args.get("Exception").filter(|e| !e.is_null()) {
            // The exception is kept as it is: `$_.Exception` is the object given. Its id is
            // the exception's type name, as WriteErrorCommand gives it.
            Some(ex) => {
                let mut rec = ErrorRecord::of_exception(ex, category, None);
                rec.fqid = args.string("ErrorId").unwrap_or_else(|| rec.exception_type.clone());
                rec
            }
            None => {
                let msg = args.string("Message").unwrap_or_default();
                let id = args.string("ErrorId").unwrap_or_else(|| "Microsoft.PowerShell.Commands.WriteErrorException".into());
                ErrorRecord::new(msg, "Microsoft.PowerShell.Commands.WriteErrorException", category, id)
            }
        };
        if let Some(t) = args.get("TargetObject") {
            rec = rec.with_target(t);
        }
        rec.activity = "Write-Error".into();
        // The error belongs to the script or function that called Write-Error.
        let caller = ctx.interp.script_invocation();
        // The id names the calling function or script file; the command line adds nothing.
        match (caller.command_kind, caller.command.as_deref()) {
            (CommandKind::ExternalScript, Some(path)) => {
                // A lab path (`C:\\x\\a.ps1`) or, outside the lab's drives, this machine's.
                let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
                rec.fqid = format!("{},{}", rec.fqid, file);
            }
            (CommandKind::Function, Some(name)) => rec.fqid = format!("{},{}", rec.fqid, name),
            _ => {}
        }
        rec.invocation = Some(caller);
        ctx.write_error(rec)
    }
}

struct OutNull;

impl Cmdlet for OutNull {
    fn process(&mut self, _ctx: &mut Ctx, _args: &Args) -> EvalResult<()> {
        Ok(())
    }
}

struct OutString;

impl Finish for OutString {
    fn finish(&mut self, ctx: &mut Ctx, args: &Args, items: Vec<Value>) -> EvalResult<()> {
        let width = args.get("Width").and_then(crate::engine::convert::to_num).map(|n| n.as_f64() as usize);
        // 5.1 lays Out-String out at the console buffer's width - 1, like Out-Default.
        let mut f = Formatter::new(width.unwrap_or(ctx.interp.output_width), ctx.interp.views.clone());
        for v in &items {
            f.push(v, 0);
        }
        f.end_group();
        let lines = f.take_lines();
        if args.switch("Stream") {
            return ctx.emit_all(lines.into_iter().map(Value::str).collect());
        }
        if lines.is_empty() {
            return Ok(());
        }
        // Every line ends with Windows' line break.
        let mut text = limits::join(lines, "\r\n").map_err(|r| ctx.terminate(r))?;
        text.push_str("\r\n");
        ctx.emit(Value::str(text))
    }
}

/// Out-Host formats with a formatter of its own (5.1 runs a separate Out-Default per
/// Out-Host), so its shape neither depends on nor changes the script's output so far.
#[derive(Default)]
struct OutHost {
    formatter: Option<Formatter>,
}

impl OutHost {
    fn write(&mut self, ctx: &mut Ctx) {
        if let Some(f) = &mut self.formatter {
            for line in f.take_lines() {
                ctx.interp.host.write_host(&line, true);
            }
        }
    }
}

impl Cmdlet for OutHost {
    fn begin(&mut self, ctx: &mut Ctx, _args: &Args) -> EvalResult<()> {
        self.formatter = Some(Formatter::new(ctx.interp.output_width, ctx.interp.views.clone()));
        Ok(())
    }

    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        if let (Some(v), Some(f)) = (args.get("InputObject"), &mut self.formatter) {
            f.push(v, ctx.interp.clock.now().and_utc().timestamp_millis());
        }
        self.write(ctx);
        Ok(())
    }

    fn end(&mut self, ctx: &mut Ctx) -> EvalResult<()> {
        if let Some(f) = &mut self.formatter {
            f.end_group();
        }
        self.write(ctx);
        Ok(())
    }
}
