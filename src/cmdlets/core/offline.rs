//! The cmdlets that would reach outside the simulation — programs, the network, mail, the
//! desktop, a .NET compiler. They bind as Windows PowerShell 5.1 binds them, so a script's
//! call is not a CommandNotFound, and then fail the way the real cmdlet fails when what it
//! needs is not there (the same exception type, category and error id, so `catch
//! [System.Net.WebException]` and `-ErrorAction` work), with a message that says why: the lab
//! is offline. Decisions and sources: docs/fidelity.md, "Offline cmdlets".

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::error::ErrorCategory;
use crate::engine::types::EnumDef;
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, ErrorRecord, EvalResult};

const UTILITY: &str = "Microsoft.PowerShell.Utility";
const MANAGEMENT: &str = "Microsoft.PowerShell.Management";

pub static WEB_REQUEST_METHOD: EnumDef = EnumDef {
    full_name: "Microsoft.PowerShell.Commands.WebRequestMethod",
    members: &[("Default", 0), ("Get", 1), ("Head", 2), ("Post", 3), ("Put", 4), ("Delete", 5), ("Trace", 6), ("Options", 7), ("Merge", 8), ("Patch", 9)],
};

pub static PROCESS_WINDOW_STYLE: EnumDef =
    EnumDef { full_name: "System.Diagnostics.ProcessWindowStyle", members: &[("Normal", 0), ("Hidden", 1), ("Minimized", 2), ("Maximized", 3)] };

pub static MAIL_PRIORITY: EnumDef = EnumDef { full_name: "System.Net.Mail.MailPriority", members: &[("Normal", 0), ("Low", 1), ("High", 2)] };

pub static OUTPUT_MODE: EnumDef =
    EnumDef { full_name: "Microsoft.PowerShell.Commands.OutputModeOption", members: &[("None", 0), ("Single", 1), ("Multiple", 2)] };

/// The enumerations these cmdlets' parameters take.
pub const ENUMS: [&EnumDef; 4] = [&WEB_REQUEST_METHOD, &PROCESS_WINDOW_STYLE, &MAIL_PRIORITY, &OUTPUT_MODE];

fn text(name: &str) -> ParamSpec {
    ParamSpec::new(name, TypeKind::String)
}

fn object(name: &str) -> ParamSpec {
    ParamSpec::new(name, TypeKind::Object)
}

/// The parameters Invoke-WebRequest and Invoke-RestMethod share in 5.1.
fn web_params(info: CommandInfo) -> CommandInfo {
    info.param(ParamSpec::new("Uri", TypeKind::String).mandatory().position(0).help("The web address."))
        .param(ParamSpec::switch("UseBasicParsing").help("Parses the response without a browser engine."))
        .param(object("WebSession").help("A web session to reuse."))
        .param(text("SessionVariable").alias("SV").help("Creates a web session in this variable."))
        .param(object("Credential").help("The user account for the request."))
        .param(ParamSpec::switch("UseDefaultCredentials").help("Uses the current user's credentials."))
        .param(text("CertificateThumbprint").help("A client certificate, by thumbprint."))
        .param(object("Certificate").help("A client certificate."))
        .param(text("UserAgent").help("The user agent string."))
        .param(ParamSpec::switch("DisableKeepAlive").help("Closes the connection after the request."))
        .param(ParamSpec::new("TimeoutSec", TypeKind::Int).help("How long to wait for an answer."))
        .param(object("Headers").help("The request's headers (a dictionary)."))
        .param(ParamSpec::new("MaximumRedirection", TypeKind::Int).help("How many redirections to follow."))
        .param(ParamSpec::enumeration("Method", &WEB_REQUEST_METHOD).help("The HTTP method."))
        .param(text("Proxy").help("A proxy server."))
        .param(object("ProxyCredential").help("The proxy's user account."))
        .param(ParamSpec::switch("ProxyUseDefaultCredentials").help("Uses the current user's credentials for the proxy."))
        .param(object("Body").help("The request's body."))
        .param(text("ContentType").help("The body's content type."))
        .param(text("TransferEncoding").set(&["chunked", "compress", "deflate", "gzip", "identity"]).help("The transfer encoding."))
        .param(text("InFile").help("Takes the body from a file."))
        .param(text("OutFile").help("Saves the response body to a file."))
        .param(ParamSpec::switch("PassThru").help("Also writes the response with -OutFile."))
}

pub fn commands() -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("Start-Process", MANAGEMENT, "Microsoft.PowerShell.Commands.StartProcessCommand", || Box::new(Offline(Reach::Process, None)))
            .param(text("FilePath").mandatory().position(0).alias("PSPath").help("The program or document to start."))
            .param(text("ArgumentList").array().position(1).alias("Args").help("Its arguments."))
            .param(object("Credential").alias("RunAs").help("The user account to run it as."))
            .param(text("WorkingDirectory").help("Its working folder."))
            .param(ParamSpec::switch("LoadUserProfile").alias("Lup").help("Loads the user's profile."))
            .param(ParamSpec::switch("NoNewWindow").alias("nnw").help("Runs it in this console."))
            .param(ParamSpec::switch("PassThru").help("Writes the process object."))
            .param(text("RedirectStandardError").alias("RSE").help("Sends its errors to a file."))
            .param(text("RedirectStandardInput").alias("RSI").help("Reads its input from a file."))
            .param(text("RedirectStandardOutput").alias("RSO").help("Sends its output to a file."))
            .param(text("Verb").help("The verb to start it with (RunAs, Open, ...)."))
            .param(ParamSpec::enumeration("WindowStyle", &PROCESS_WINDOW_STYLE).help("Its window's state."))
            .param(ParamSpec::switch("Wait").help("Waits for it to end."))
            .param(ParamSpec::switch("UseNewEnvironment").help("Gives it a fresh environment."))
            .synopsis("Refused: the offline lab starts no programs.")
            .description("Binds as in Windows PowerShell 5.1, then fails as Start-Process does when it cannot start the program: ersim runs no program of this machine.")
            .example(
                "A script that starts a tool",
                "try { Start-Process -FilePath 'az.cmd' -ArgumentList 'login' -Wait } catch { \"not started: $($_.FullyQualifiedErrorId)\" }",
                "The catch block runs: InvalidOperationException,Microsoft.PowerShell.Commands.StartProcessCommand.",
            ),
        web_params(CommandInfo::cmdlet("Invoke-WebRequest", UTILITY, "Microsoft.PowerShell.Commands.InvokeWebRequestCommand", || Box::new(Offline(Reach::Web, None))))
            .synopsis("Refused: the offline lab reaches no network.")
            .description("Binds as in Windows PowerShell 5.1, then fails as Invoke-WebRequest does when no connection can be made (a WebException).")
            .example(
                "A health check",
                "try { Invoke-WebRequest -Uri 'https://management.azure.com/' -UseBasicParsing } catch [System.Net.WebException] { 'offline' }",
                "The catch block runs and writes offline.",
            ),
        web_params(CommandInfo::cmdlet("Invoke-RestMethod", UTILITY, "Microsoft.PowerShell.Commands.InvokeRestMethodCommand", || Box::new(Offline(Reach::Web, None))))
            .synopsis("Refused: the offline lab reaches no network.")
            .description("Binds as in Windows PowerShell 5.1, then fails as Invoke-RestMethod does when no connection can be made (a WebException).")
            .example(
                "A REST call",
                "try { Invoke-RestMethod -Uri 'https://management.azure.com/subscriptions?api-version=2016-06-01' -Method Get } catch { $_.CategoryInfo.Reason }",
                "Writes WebException.",
            ),
        CommandInfo::cmdlet("Test-Connection", MANAGEMENT, "Microsoft.PowerShell.Commands.TestConnectionCommand", || Box::new(Ping))
            .param(text("ComputerName").array().mandatory().position(0).by_name().alias("CN").alias("IPAddress").alias("__SERVER").alias("Server").alias("Destination").help("The computers to ping."))
            .param(ParamSpec::new("Count", TypeKind::Int).help("How many echo requests to send."))
            .param(ParamSpec::new("Delay", TypeKind::Int).help("Seconds between requests."))
            .param(ParamSpec::new("BufferSize", TypeKind::Int).alias("Size").alias("Bytes").alias("BS").help("The size of each request."))
            .param(ParamSpec::new("TimeToLive", TypeKind::Int).alias("TTL").help("The request's time to live."))
            .param(text("Source").array().position(1).alias("FCN").alias("SRC").help("The computers to ping from."))
            .param(object("Credential").help("The user account for the remote source."))
            .param(ParamSpec::switch("Quiet").help("Writes only whether any ping answered."))
            .param(ParamSpec::switch("AsJob").help("Runs as a background job."))
            .synopsis("Refused: the offline lab reaches no network (with -Quiet: False).")
            .description("Binds as in Windows PowerShell 5.1. No computer answers: each one is a non-terminating error as for an unreachable host, or False with -Quiet.")
            .example("Is the gateway reachable?", "Test-Connection -ComputerName 10.0.0.1 -Count 1 -Quiet", "False."),
        CommandInfo::cmdlet("Send-MailMessage", UTILITY, "Microsoft.PowerShell.Commands.SendMailMessage", || Box::new(Offline(Reach::Mail, None)))
            .param(text("To").array().mandatory().position(0).help("The recipients."))
            .param(text("Subject").mandatory().position(1).alias("sub").help("The subject."))
            .param(text("Body").position(2).help("The message."))
            .param(text("SmtpServer").position(3).alias("ComputerName").help("The mail server."))
            .param(text("From").mandatory().help("The sender."))
            .param(text("Attachments").array().by_name().alias("PsPath").help("Files to attach."))
            .param(text("Bcc").array().help("Blind copies."))
            .param(text("Cc").array().help("Copies."))
            .param(ParamSpec::switch("BodyAsHtml").alias("BAH").help("The body is HTML."))
            .param(text("Encoding").alias("BE").help("The body's encoding."))
            .param(text("DeliveryNotificationOption").alias("DNO").help("When to send delivery notices."))
            .param(ParamSpec::enumeration("Priority", &MAIL_PRIORITY).help("The priority."))
            .param(object("Credential").help("The user account for the server."))
            .param(ParamSpec::switch("UseSsl").help("Uses SSL."))
            .param(ParamSpec::new("Port", TypeKind::Int).help("The server's port."))
            .synopsis("Refused: the offline lab sends no mail.")
            .description("Binds as in Windows PowerShell 5.1, then fails as Send-MailMessage does when the mail server cannot be reached: a non-terminating SmtpException error.")
            .example(
                "A report by mail",
                "Send-MailMessage -To 'noc@contoso.com' -From 'lab@contoso.com' -Subject 'Circuit ready' -SmtpServer smtp.contoso.com -ErrorAction SilentlyContinue; $Error[0].CategoryInfo.Reason",
                "A non-terminating error, as when the server cannot be reached; writes SmtpException.",
            ),
        CommandInfo::cmdlet("Out-GridView", UTILITY, "Microsoft.PowerShell.Commands.OutGridViewCommand", || Box::new(Offline(Reach::Desktop, None)))
            .param(ParamSpec::new("InputObject", TypeKind::PSObject).pipeline().help("The objects to show."))
            .param(text("Title").help("The window's title."))
            .param(ParamSpec::switch("PassThru").help("Writes the rows the user selects."))
            .param(ParamSpec::switch("Wait").help("Waits until the window closes."))
            .param(ParamSpec::enumeration("OutputMode", &OUTPUT_MODE).help("How many rows the user may select."))
            .synopsis("Refused: the offline lab has no desktop to show a window on.")
            .description("Binds as in Windows PowerShell 5.1, then fails once, before any object, as Out-GridView does where it cannot open its window.")
            .example(
                "A picker",
                "try { Get-AzureDedicatedCircuit | Out-GridView -PassThru } catch { 'no window' }",
                "The catch block runs and writes no window.",
            ),
        CommandInfo::cmdlet("Add-Type", UTILITY, "Microsoft.PowerShell.Commands.AddTypeCommand", || Box::new(Offline(Reach::Compiler, None)))
            .param(text("TypeDefinition").mandatory().position(0).in_set("FromSource").help("C# source of the types."))
            .param(text("Name").mandatory().position(0).in_set("FromMember").help("The type's name."))
            .param(text("MemberDefinition").array().mandatory().position(1).in_set("FromMember").help("Its members, as C#."))
            .param(text("Namespace").alias("NS").in_set("FromMember").help("Its namespace."))
            .param(text("UsingNamespace").array().alias("Using").in_set("FromMember").help("Namespaces its members use."))
            .param(text("Path").array().mandatory().position(0).in_set("FromPath").help("Source or assembly files."))
            .param(text("LiteralPath").array().mandatory().alias("PSPath").in_set("FromLiteralPath").help("Source or assembly files, taken literally."))
            .param(text("AssemblyName").array().mandatory().alias("AN").in_set("FromAssemblyName").help("Assemblies to load."))
            .param(text("Language").help("The source's language."))
            .param(text("ReferencedAssemblies").array().alias("RA").help("Assemblies the source uses."))
            .param(text("OutputAssembly").alias("OA").help("Saves the compiled assembly."))
            .param(text("OutputType").alias("OT").help("The kind of assembly to save."))
            .param(ParamSpec::switch("PassThru").help("Writes the new types."))
            .param(ParamSpec::switch("IgnoreWarnings").help("Ignores compiler warnings."))
            .default_set("FromSource")
            .synopsis("Defines C# enums; other code is refused: ersim has no .NET runtime to compile or load code in.")
            .description("Binds as in Windows PowerShell 5.1. C# source that declares only enums (in namespaces, with [Flags] and an underlying type) defines them, by their full names; anything else fails: ersim emulates the .NET types scripts use and cannot compile C# or load assemblies.")
            .example(
                "An enum, as scripts made them before PowerShell 5",
                "Add-Type -TypeDefinition 'public enum LabState { Off, On = 5 }'\n[int][LabState]::On",
                "5",
            )
            .example(
                "A helper type",
                "try { Add-Type -TypeDefinition 'public static class Lab { public static int Two() { return 2; } }' } catch { 'no compiler' }",
                "The catch block runs and writes no compiler.",
            ),
    ]
}

/// What a cmdlet would have reached.
#[derive(Clone, Copy)]
enum Reach {
    Process,
    Web,
    Mail,
    Desktop,
    Compiler,
}

/// The cmdlet and, for Send-MailMessage, the arguments its EndProcessing sends with.
struct Offline(Reach, Option<Args>);

impl Cmdlet for Offline {
    fn begin(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        // Out-GridView opens its window before the first object arrives.
        match self.0 {
            Reach::Desktop => Err(ctx.terminate(refusal(ctx, self.0, args))),
            _ => Ok(()),
        }
    }

    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        match self.0 {
            Reach::Desktop => Ok(()),
            // The message goes out in EndProcessing, whose failure is a non-terminating error.
            Reach::Mail => {
                self.1 = Some(args.clone());
                Ok(())
            }
            Reach::Compiler if super::add_type::define_enums(ctx, args)? => Ok(()),
            reach => Err(ctx.terminate(refusal(ctx, reach, args))),
        }
    }

    fn end(&mut self, ctx: &mut Ctx) -> EvalResult<()> {
        match (self.0, self.1.take()) {
            (Reach::Mail, Some(args)) => {
                let record = refusal(ctx, Reach::Mail, &args);
                ctx.write_error(record)
            }
            _ => Ok(()),
        }
    }
}

/// Test-Connection: no computer answers. Each one is a non-terminating error, as an
/// unreachable host is in 5.1; with -Quiet the answer is False.
struct Ping;

impl Cmdlet for Ping {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        if args.switch("Quiet") {
            return ctx.emit(Value::Bool(false));
        }
        let computers: Vec<String> = args.get("ComputerName").map(Value::enumerate).unwrap_or_default().iter().map(Value::to_display_string).collect();
        for computer in computers {
            let mut record = ErrorRecord::new(
                format!("Testing connection to computer '{computer}' failed: ersim is an offline lab and reaches no network."),
                "System.Net.NetworkInformation.PingException",
                ErrorCategory::ResourceUnavailable,
                format!("TestConnectionException,{}", ctx.command.class_name),
            )
            .with_target(&Value::str(&computer));
            record.activity = ctx.command.name.clone();
            ctx.write_error(record)?;
        }
        Ok(())
    }
}

/// The error a refused call reports.
fn refusal(ctx: &Ctx, reach: Reach, args: &Args) -> ErrorRecord {
    let name = ctx.command.name.clone();
    let class = ctx.command.class_name.clone();
    let (message, exception, category, id, target) = match reach {
        Reach::Process => (
            // 5.1's StartProcessCommand text, "This command cannot be run due to the error: {0}."
            format!(
                "This command cannot be run due to the error: ersim is an offline lab and starts no programs ('{}' was not started).",
                args.string("FilePath").unwrap_or_default()
            ),
            "System.InvalidOperationException",
            ErrorCategory::InvalidOperation,
            "InvalidOperationException",
            None,
        ),
        Reach::Web => (
            format!("Unable to connect to the remote server: ersim is an offline lab and reaches no network ({}).", args.string("Uri").unwrap_or_default()),
            "System.Net.WebException",
            ErrorCategory::InvalidOperation,
            "WebCmdletWebResponseException",
            Some(("System.Net.HttpWebRequest", "HttpWebRequest")),
        ),
        Reach::Mail => (
            "Failure sending mail: ersim is an offline lab and reaches no mail server.".to_string(),
            "System.Net.Mail.SmtpException",
            ErrorCategory::InvalidOperation,
            "SmtpException",
            Some(("System.Net.Mail.SmtpClient", "SmtpClient")),
        ),
        Reach::Desktop => (
            "Out-GridView cannot open a window: ersim is an offline lab with no desktop.".to_string(),
            "System.NotSupportedException",
            ErrorCategory::NotInstalled,
            "ErSim.NoDesktop",
            None,
        ),
        Reach::Compiler => (
            "Add-Type cannot compile or load .NET code: ersim emulates the .NET types that scripts use and has no .NET runtime.".to_string(),
            "System.NotSupportedException",
            ErrorCategory::NotImplemented,
            "ErSim.NoDotNetRuntime",
            None,
        ),
    };
    let mut record = ErrorRecord::new(message, exception, category, format!("{id},{class}"));
    if let Some((target_name, target_type)) = target {
        record.target_name = target_name.to_string();
        record.target_type = target_type.to_string();
    }
    record.activity = name;
    record
}
