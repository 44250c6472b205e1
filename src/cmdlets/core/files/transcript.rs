//! Start-Transcript and Stop-Transcript: everything the console shows, also written to a file
//! of the lab, between 5.1's header (the session's facts, its start time) and footer.

use std::rc::Rc;

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Clock, Ctx, EvalResult};
use crate::labfs::{Encoding, FsError, WriteMode};

use super::{fs_record, lab, no_clobber, now, WRITE_IDS};

const RULE: &str = "**********************";

pub fn commands() -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("Start-Transcript", "Microsoft.PowerShell.Host", "Microsoft.PowerShell.Commands.StartTranscriptCommand", || Box::new(StartTranscript))
            .param(ParamSpec::new("Path", TypeKind::String).position(0).alias("OutputDirectory").help("The transcript file (by default one in My Documents named after the machine and the time)."))
            .param(ParamSpec::switch("Append").help("Adds to the file instead of replacing it."))
            .param(ParamSpec::switch("NoClobber").alias("NoOverwrite").help("Refuses to replace a file that exists."))
            .param(ParamSpec::switch("Force").help("Accepted."))
            .outputs("System.String")
            .synopsis("Records everything the console shows in a file.")
            .description("Writes 5.1's header (start time, user, machine, versions), then every line of output, warnings and errors, until Stop-Transcript writes the footer. The file is UTF-8 with a BOM.")
            .example("Log a run", "Start-Transcript -Path run-log.txt | Out-Null; 'working'; Stop-Transcript | Out-Null", "run-log.txt holds the header, working and the footer."),
        CommandInfo::cmdlet("Stop-Transcript", "Microsoft.PowerShell.Host", "Microsoft.PowerShell.Commands.StopTranscriptCommand", || Box::new(StopTranscript))
            .outputs("System.String")
            .synopsis("Stops the transcript Start-Transcript began.")
            .description("Writes the footer and closes the file.")
            .example("Stop", "Start-Transcript -Path t.txt | Out-Null; Stop-Transcript", "Transcript stopped, output file is C:\\Users\\admin\\t.txt"),
    ]
}

/// `yyyyMMddHHmmss`, as the transcript's times are written.
fn stamp(ctx: &Ctx) -> String {
    now(ctx).format("%Y%m%d%H%M%S").to_string()
}

fn header(ctx: &Ctx) -> Vec<String> {
    let lines = [
        RULE.to_string(),
        "Windows PowerShell transcript start".into(),
        format!("Start time: {}", stamp(ctx)),
        "Username: ERSIM-LAB\\admin".into(),
        "RunAs User: ERSIM-LAB\\admin".into(),
        "Machine: ERSIM-LAB (Microsoft Windows NT 10.0.14393.0)".into(),
        "Host Application: C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe".into(),
        "Process ID: 4242".into(),
        "PSVersion: 5.1.14393.206".into(),
        "PSEdition: Desktop".into(),
        "PSCompatibleVersions: 1.0, 2.0, 3.0, 4.0, 5.0, 5.1.14393.206".into(),
        "BuildVersion: 10.0.14393.206".into(),
        "CLRVersion: 4.0.30319.42000".into(),
        "WSManStackVersion: 3.0".into(),
        "PSRemotingProtocolVersion: 2.3".into(),
        "SerializationVersion: 1.1.0.1".into(),
        RULE.to_string(),
    ];
    lines.to_vec()
}

/// The transcript file of this session, while one runs.
struct Running(std::cell::RefCell<Option<String>>);

fn running(ctx: &mut Ctx) -> Rc<Running> {
    if let Some(r) = ctx.interp.extension::<Rc<Running>>() {
        return r.clone();
    }
    let r = Rc::new(Running(std::cell::RefCell::new(None)));
    ctx.interp.add_extension(r.clone());
    r
}

struct StartTranscript;

impl Cmdlet for StartTranscript {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let fs = lab(ctx)?;
        let path = args.string("Path").unwrap_or_else(|| format!("~\\Documents\\PowerShell_transcript.ERSIM-LAB.{}.txt", stamp(ctx)));
        let item = fs.resolve(&path).map_err(|e| ctx.terminate(fs_record(ctx, &e, &WRITE_IDS)))?;
        let shown = item.shown();
        let started = format!("Transcript started, output file is {shown}");
        // The started line reaches the file as the console shows it.
        let text: String = header(ctx).iter().map(|l| format!("{l}\r\n")).collect();
        let mode = super::write_mode(args);
        match fs.write_text(&item, &text, Encoding::Utf8, mode, now(ctx)) {
            Ok(()) => {}
            Err(FsError::AlreadyExists(p)) => return Err(ctx.terminate(no_clobber(ctx, &p))),
            Err(e) => return Err(ctx.terminate(fs_record(ctx, &e, &WRITE_IDS))),
        }
        let (sink_fs, sink_item, clock): (_, _, Rc<dyn Clock>) = (fs.clone(), item, ctx.interp.clock.clone());
        // Each line the console shows is added as it is shown; a failing write loses only it.
        let sink = Box::new(move |line: &str| {
            let _ = sink_fs.write_text(&sink_item, &format!("{line}\r\n"), Encoding::Utf8, WriteMode::Append, clock.now());
        });
        let _ = ctx.interp.host.stop_transcript();
        ctx.interp.host.start_transcript(sink);
        *running(ctx).0.borrow_mut() = Some(shown);
        ctx.emit(Value::str(started))
    }
}

struct StopTranscript;

impl Cmdlet for StopTranscript {
    fn process(&mut self, ctx: &mut Ctx, _args: &Args) -> EvalResult<()> {
        let state = running(ctx);
        let file = state.0.borrow_mut().take();
        let (Some(mut sink), Some(file)) = (ctx.interp.host.stop_transcript(), file) else {
            return Err(ctx.terminate(ErrorRecord::new(
                "An error occurred stopping transcription: The host is not currently transcribing.",
                "System.Management.Automation.PSInvalidOperationException",
                ErrorCategory::InvalidOperation,
                "InvalidOperation,Microsoft.PowerShell.Commands.StopTranscriptCommand",
            )));
        };
        for line in [RULE.to_string(), "Windows PowerShell transcript end".into(), format!("End time: {}", stamp(ctx)), RULE.to_string()] {
            sink(&line);
        }
        ctx.emit(Value::str(format!("Transcript stopped, output file is {file}")))
    }
}
