//! Microsoft.PowerShell.Security's secure-string cmdlets and Get-Credential, as 5.1's
//! SecureStringCommands and GetCredentialCommand run them. The conversions themselves
//! (AES with `-Key`, the lab's DPAPI stand-in) live with the SecureString type in
//! `engine::dotnet::secure`.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::dotnet::convert_class::bytes_of;
use crate::engine::dotnet::secure::{self, ImportError};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, EvalResult, Flow};

const SECURITY: &str = "Microsoft.PowerShell.Security";

pub fn commands() -> Vec<CommandInfo> {
    let secure_key = || {
        ParamSpec::new("SecureKey", TypeKind::SecureString)
            .position(1)
            .in_set("Secure")
            .help("A SecureString whose text (UTF-16, 16, 24 or 32 bytes) is the AES key.")
    };
    let key = || ParamSpec::new("Key", TypeKind::Byte).array().in_set("Open").help("The AES key: 16, 24 or 32 bytes.");
    vec![
        CommandInfo::cmdlet("ConvertTo-SecureString", SECURITY, "Microsoft.PowerShell.Commands.ConvertToSecureStringCommand", || Box::new(ConvertTo))
            .param(ParamSpec::new("String", TypeKind::String).mandatory().position(0).pipeline().help("An exported secure string, or with -AsPlainText the text itself."))
            .param(secure_key())
            .param(key())
            .param(ParamSpec::switch("AsPlainText").position(1).in_set("PlainText").help("Takes the text as it is (needs -Force)."))
            .param(ParamSpec::switch("Force").position(2).in_set("PlainText").help("Confirms that plain text is meant."))
            .default_set("Secure")
            .outputs("System.Security.SecureString")
            .synopsis("Makes a secure string from plain text or from an exported one.")
            .description("With -AsPlainText -Force the text becomes a SecureString. Otherwise the text is what ConvertFrom-SecureString wrote: with -Key or -SecureKey an AES export (5.1's format), without them one protected for this lab user.")
            .example("From plain text", "$pw = ConvertTo-SecureString 'P@ssw0rd!' -AsPlainText -Force; $pw.Length", "9.")
            .example("From a saved export", "$saved = ConvertTo-SecureString 'x' -AsPlainText -Force | ConvertFrom-SecureString; ConvertTo-SecureString $saved", "A SecureString again."),
        CommandInfo::cmdlet("ConvertFrom-SecureString", SECURITY, "Microsoft.PowerShell.Commands.ConvertFromSecureStringCommand", || Box::new(ConvertFrom))
            .param(ParamSpec::new("SecureString", TypeKind::SecureString).mandatory().position(0).pipeline().help("The secure string to export."))
            .param(secure_key())
            .param(key())
            .default_set("Secure")
            .outputs("System.String")
            .synopsis("Exports a secure string as encrypted text.")
            .description("With -Key or -SecureKey, AES as Windows PowerShell 5.1 writes it (the same key reads it back there). Without a key 5.1 uses DPAPI, which only the same Windows user can undo; ersim writes a blob of that shape that only its lab user reads back.")
            .example("Save a password for later", "ConvertTo-SecureString 'P@ssw0rd!' -AsPlainText -Force | ConvertFrom-SecureString -Key (1..16)", "76492d1116743f0423413b16050a5345… (an AES export)."),
        CommandInfo::cmdlet("Get-Credential", SECURITY, "Microsoft.PowerShell.Commands.GetCredentialCommand", || Box::new(GetCredential))
            .param(ParamSpec::new("Credential", TypeKind::Object).position(0).in_set("CredentialSet").help("A PSCredential (returned as it is) or a user name (its password is asked for)."))
            .param(ParamSpec { not_null_or_empty: true, ..ParamSpec::new("Message", TypeKind::String).in_set("MessageSet").help("The text shown above the prompt.") })
            .param(ParamSpec::new("UserName", TypeKind::String).position(0).in_set("MessageSet").help("The user name; only the password is asked for."))
            .param(ParamSpec { not_null_or_empty: true, ..ParamSpec::new("Title", TypeKind::String).in_set("MessageSet").help("The prompt's caption.") })
            .default_set("CredentialSet")
            .outputs("System.Management.Automation.PSCredential")
            .synopsis("Asks for a user name and password and returns a PSCredential.")
            .description("Prompts at the console as Windows PowerShell 5.1 does with console prompting: the caption, the message, 'User: ' and 'Password for user X: ' (the password shows as *). In a session that cannot prompt it is an error.")
            .example("A credential for a script", "$cred = New-Object System.Management.Automation.PSCredential('ops', (ConvertTo-SecureString 'P@ss' -AsPlainText -Force)); Get-Credential -Credential $cred", "The same credential, no prompt."),
    ]
}

/// The key of `-Key` (bytes) or `-SecureKey` (the UTF-16 bytes of its text), when given.
fn key_of(args: &Args) -> Option<Vec<u8>> {
    if let Some(k) = args.get("Key") {
        return Some(bytes_of(k).unwrap_or_default());
    }
    let text = args.get("SecureKey").and_then(secure::plain_text)?;
    Some(text.encode_utf16().flat_map(u16::to_le_bytes).collect())
}

/// Sixteen bytes from the world's GUID source (5.1 draws a random IV; ersim's worlds repeat).
fn fresh_iv(ctx: &mut Ctx) -> [u8; 16] {
    *ctx.interp.new_guid().as_bytes()
}

fn class(ctx: &Ctx) -> String {
    ctx.command.class_name.clone()
}

struct ConvertTo;

impl Cmdlet for ConvertTo {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let text = args.string("String").unwrap_or_default();
        let result = if let Some(key) = key_of(args) {
            match secure::check_key(&key) {
                Ok(()) => {
                    let iv = fresh_iv(ctx);
                    secure::decrypt_with_key(&text, &key, iv)
                }
                Err(why) => Err(ImportError::Argument(why)),
            }
        } else if !args.switch("AsPlainText") {
            secure::unprotect(&text)
        } else if !args.switch("Force") {
            let why = "The system cannot protect plain text input. To suppress this warning and convert the plain text to a SecureString, reissue the command specifying the Force parameter. For more information, type: get-help ConvertTo-SecureString.";
            let id = format!("ImportSecureString_ForceRequired,{}", class(ctx));
            return ctx.write_error(ErrorRecord::new(why, "System.ArgumentException", ErrorCategory::InvalidArgument, id));
        } else {
            Ok(text.clone())
        };
        match result {
            Ok(plain) => ctx.emit(secure::secure_value(&plain)),
            Err(ImportError::Argument(why)) => {
                let id = format!("ImportSecureString_InvalidArgument,{}", class(ctx));
                ctx.write_error(ErrorRecord::new(why, "System.ArgumentException", ErrorCategory::InvalidArgument, id))
            }
            Err(ImportError::Cryptographic(why)) => {
                let id = format!("ImportSecureString_InvalidArgument_CryptographicError,{}", class(ctx));
                ctx.write_error(ErrorRecord::new(why, "System.Security.Cryptography.CryptographicException", ErrorCategory::InvalidArgument, id))
            }
            // byte.Parse's FormatException is not among the exceptions 5.1 catches here.
            Err(ImportError::Format) => {
                let id = format!("System.FormatException,{}", class(ctx));
                Err(ctx.terminate(ErrorRecord::new("Input string was not in a correct format.", "System.FormatException", ErrorCategory::NotSpecified, id)))
            }
        }
    }
}

struct ConvertFrom;

impl Cmdlet for ConvertFrom {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let text = args.get("SecureString").and_then(secure::plain_text).unwrap_or_default();
        // PSTraceSource.NewArgumentException: thrown, so the command ends ("Argument" is its id).
        let argument = |ctx: &mut Ctx, why: String| {
            let id = format!("Argument,{}", class(ctx));
            Err(ctx.terminate(ErrorRecord::new(why, "System.Management.Automation.PSArgumentException", ErrorCategory::InvalidArgument, id)))
        };
        if text.is_empty() {
            return argument(
                ctx,
                "Cannot process argument because the value of argument \"SecureString\" is not valid. Change the value of the \"SecureString\" argument and run the operation again.".into(),
            );
        }
        let iv = fresh_iv(ctx);
        let out = match key_of(args) {
            Some(key) => match secure::check_key(&key) {
                Ok(()) => secure::encrypt_with_key(&text, &key, iv),
                Err(why) => return argument(ctx, why),
            },
            None => secure::protect(&text, iv),
        };
        ctx.emit(Value::str(out))
    }
}

struct GetCredential;

impl Cmdlet for GetCredential {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let given = args.get("Credential").cloned();
        if let Some(v @ Value::Object(_)) = &given {
            if crate::engine::dotnet::registry::value_is(v, &crate::engine::value::TypeRef::of(TypeKind::PSCredential)) {
                return ctx.emit(v.clone());
            }
        }
        let user = args.string("UserName").or_else(|| given.as_ref().filter(|v| !v.is_null()).map(to_string)).unwrap_or_default();
        let caption = args.string("Title").unwrap_or_else(|| "Windows PowerShell credential request".into());
        let message = args.string("Message").unwrap_or_else(|| "Enter your credentials.".into());
        match prompt_for_credential(ctx, &caption, &message, &user)? {
            Some(cred) => ctx.emit(cred),
            None => Err(Flow::Interrupted),
        }
    }
}

/// Get-Credential's prompt; the NonInteractive error carries the cmdlet's own id.
fn prompt_for_credential(ctx: &mut Ctx, caption: &str, message: &str, user: &str) -> EvalResult<Option<Value>> {
    match ctx.interp.prompt_for_credential(caption, message, user) {
        Err(Flow::Error(rec)) => {
            let mut rec = (*rec).clone();
            rec.fqid = format!("InvalidOperation,{}", class(ctx));
            Err(ctx.terminate(rec))
        }
        other => other,
    }
}
