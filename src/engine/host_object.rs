//! `$Host` (Get-Host): 5.1's InternalHost with its UI (InternalHostUserInterface) and RawUI,
//! as the console host of an elevated Windows PowerShell 5.1 window shows them, and the UI's
//! methods scripts call: Write, WriteLine, WriteErrorLine, WriteWarningLine,
//! WriteVerboseLine, WriteDebugLine, ReadLine, ReadLineAsSecureString, PromptForChoice and
//! PromptForCredential. The ChoiceDescription, Size and Coordinates types they take are here.

use super::convert::to_string;
use super::dotnet::{method_error, secure};
use super::error::ErrorRecord;
use super::prompts::Choice;
use super::runtime::Interp;
use super::types::EnumDef;
use super::value::{PsObject, TypeKind, TypeRef, Value};
use super::{EvalResult, Flow};
use crate::lang::ast::Span;

pub const HOST: &str = "System.Management.Automation.Internal.Host.InternalHost";
pub const HOST_UI: &str = "System.Management.Automation.Internal.Host.InternalHostUserInterface";
pub const RAW_UI: &str = "System.Management.Automation.Internal.Host.InternalHostRawUserInterface";
pub const CHOICE_DESCRIPTION: &str = "System.Management.Automation.Host.ChoiceDescription";
pub const SIZE: &str = "System.Management.Automation.Host.Size";
pub const COORDINATES: &str = "System.Management.Automation.Host.Coordinates";

pub static CONSOLE_COLOR: EnumDef = EnumDef {
    full_name: "System.ConsoleColor",
    members: &[
        ("Black", 0),
        ("DarkBlue", 1),
        ("DarkGreen", 2),
        ("DarkCyan", 3),
        ("DarkRed", 4),
        ("DarkMagenta", 5),
        ("DarkYellow", 6),
        ("Gray", 7),
        ("DarkGray", 8),
        ("Blue", 9),
        ("Green", 10),
        ("Cyan", 11),
        ("Red", 12),
        ("Magenta", 13),
        ("Yellow", 14),
        ("White", 15),
    ],
};

fn color(name: &str) -> Value {
    match CONSOLE_COLOR.parse(name) {
        Some((n, v)) => Value::enum_value(CONSOLE_COLOR.full_name, n, v),
        None => Value::Null,
    }
}

/// A Size (`Width,Height` as its ToString shows it).
pub fn size(width: i64, height: i64) -> Value {
    let mut o = PsObject::typed(SIZE);
    o.add_typed("Width", "int", Value::Int(width as i32));
    o.add_typed("Height", "int", Value::Int(height as i32));
    Value::object(o)
}

/// Coordinates (`X,Y`).
pub fn coordinates(x: i64, y: i64) -> Value {
    let mut o = PsObject::typed(COORDINATES);
    o.add_typed("X", "int", Value::Int(x as i32));
    o.add_typed("Y", "int", Value::Int(y as i32));
    Value::object(o)
}

/// A ChoiceDescription: Label, HelpMessage.
pub fn choice_description(label: &str, help: &str) -> Value {
    let mut o = PsObject::typed(CHOICE_DESCRIPTION);
    o.add_typed("Label", "string", Value::str(label));
    o.add_typed("HelpMessage", "string", Value::str(help));
    Value::object(o)
}

/// Size's and Coordinates' ToString (`W,H`, `X,Y`); None for other objects.
pub fn object_text(o: &PsObject) -> Option<String> {
    let pair = |a: &str, b: &str| format!("{},{}", o.get(a).map(to_string).unwrap_or_default(), o.get(b).map(to_string).unwrap_or_default());
    match o.type_names.first().map(String::as_str) {
        Some(SIZE) => Some(pair("Width", "Height")),
        Some(COORDINATES) => Some(pair("X", "Y")),
        _ => None,
    }
}

/// The window of a console `width` columns wide: RawUI as 5.1's blue console window has it
/// (DarkYellow on DarkMagenta, a 3000-line buffer, the elevated window's title).
fn raw_ui(width: usize) -> Value {
    let w = width as i64;
    let mut o = PsObject::typed(RAW_UI);
    o.add_typed("ForegroundColor", "System.ConsoleColor", color("DarkYellow"));
    o.add_typed("BackgroundColor", "System.ConsoleColor", color("DarkMagenta"));
    o.add_typed("CursorPosition", "System.Management.Automation.Host.Coordinates", coordinates(0, 0));
    o.add_typed("WindowPosition", "System.Management.Automation.Host.Coordinates", coordinates(0, 0));
    o.add_typed("CursorSize", "int", Value::Int(25));
    o.add_typed("BufferSize", "System.Management.Automation.Host.Size", size(w, 3000));
    o.add_typed("WindowSize", "System.Management.Automation.Host.Size", size(w, 50));
    o.add_typed("MaxWindowSize", "System.Management.Automation.Host.Size", size(w, 50));
    o.add_typed("MaxPhysicalWindowSize", "System.Management.Automation.Host.Size", size(w.max(240), 63));
    o.add_typed("KeyAvailable", "bool", Value::Bool(false));
    o.add_typed("WindowTitle", "string", Value::str("Administrator: Windows PowerShell"));
    Value::object(o)
}

/// Makes `$Host`'s RawUI describe a window `columns` wide and `rows` high, as the console's
/// does when its window is resized: the buffer is as wide as the window.
pub fn follow_window(host: &Value, columns: usize, rows: usize) {
    let Value::Object(host) = host else { return };
    let Some(Value::Object(ui)) = host.borrow().get("UI").cloned() else { return };
    let Some(Value::Object(raw)) = ui.borrow().get("RawUI").cloned() else { return };
    let (w, h) = (columns as i64, rows as i64);
    let mut raw = raw.borrow_mut();
    raw.set("BufferSize", size(w, 3000));
    raw.set("WindowSize", size(w, h));
    raw.set("MaxWindowSize", size(w, h));
}

/// `$Host` for a console `width` columns wide.
pub fn host_value(width: usize, instance: uuid::Uuid, version: Value) -> Value {
    let mut ui = PsObject::typed(HOST_UI);
    ui.add_typed("RawUI", "System.Management.Automation.Host.PSHostRawUserInterface", raw_ui(width));
    let mut host = PsObject::typed(HOST);
    host.add_typed("Name", "string", Value::str("ConsoleHost"));
    host.add_typed("Version", "version", version);
    host.add_typed("InstanceId", "guid", Value::Guid(instance));
    host.add_typed("UI", "System.Management.Automation.Host.PSHostUserInterface", Value::object(ui));
    host.add_typed("CurrentCulture", "cultureinfo", Value::str("en-US"));
    host.add_typed("CurrentUICulture", "cultureinfo", Value::str("en-US"));
    host.add_typed("PrivateData", "psobject", Value::str("Microsoft.PowerShell.ConsoleHost+ConsoleColorProxy"));
    host.add_typed("DebuggerEnabled", "bool", Value::Bool(true));
    host.add_typed("IsRunspacePushed", "bool", Value::Bool(false));
    host.add_typed("Runspace", "runspace", Value::str("System.Management.Automation.Runspaces.LocalRunspace"));
    Value::object(host)
}

/// `[ChoiceDescription]::new(label[, help])`, `[Size]::new(w, h)`, `[Coordinates]::new(x, y)`.
pub fn construct(ty: &TypeRef, args: &[Value]) -> Option<Result<Value, ErrorRecord>> {
    if ty.is_array {
        return None;
    }
    let int = |v: &Value| super::convert::to_num(v).map(|n| n.as_f64() as i64).unwrap_or(0);
    let name = ty.full_name();
    let short = name.rsplit('.').next().unwrap_or_default().to_string();
    Some(match (ty.kind, args) {
        (TypeKind::ChoiceDescription, [label]) => Ok(choice_description(&to_string(label), "")),
        (TypeKind::ChoiceDescription, [label, help]) => Ok(choice_description(&to_string(label), &to_string(help))),
        (TypeKind::HostSize, [w, h]) => Ok(size(int(w), int(h))),
        (TypeKind::HostSize, []) => Ok(size(0, 0)),
        (TypeKind::HostCoordinates, [x, y]) => Ok(coordinates(int(x), int(y))),
        (TypeKind::HostCoordinates, []) => Ok(coordinates(0, 0)),
        (TypeKind::ChoiceDescription | TypeKind::HostSize | TypeKind::HostCoordinates, _) => Err(super::dotnet::arg_count(&short, args.len())),
        _ => return None,
    })
}

/// A cast or argument conversion to one of these types: a string is a ChoiceDescription's
/// label (PowerShell converts by the one-string constructor).
pub fn convert_to(v: &Value, kind: TypeKind) -> Option<Value> {
    match (kind, v) {
        (TypeKind::ChoiceDescription, Value::Str(s)) => Some(choice_description(s, "")),
        _ => None,
    }
}

fn type_of(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) => o.borrow().type_names.first().cloned(),
        _ => None,
    }
}

impl Interp {
    /// `$Host.UI`'s methods (and RawUI's two plain ones); `None` when `target` is neither.
    pub(super) fn host_ui_method(&mut self, target: &Value, name: &str, args: &[Value], span: Span) -> EvalResult<Option<Value>> {
        let Some(kind) = type_of(target) else { return Ok(None) };
        let lower = name.to_ascii_lowercase();
        if kind == RAW_UI {
            return Ok(match lower.as_str() {
                "flushinputbuffer" => Some(Value::Null),
                "lengthinbuffercells" => Some(Value::Int(args.first().map(to_string).unwrap_or_default().chars().count() as i32)),
                _ => None,
            });
        }
        if kind != HOST_UI {
            return Ok(None);
        }
        let text = |i: usize| args.get(i).map(to_string).unwrap_or_default();
        // The (foreground, background, text) overloads write the text; colours show only on
        // a terminal, as Write-Host's do.
        let last = || args.last().map(to_string).unwrap_or_default();
        let fail = |interp: &mut Interp, inner: &ErrorRecord| {
            let short = inner.exception_type.rsplit('.').next().unwrap_or_default().to_string();
            Err(interp.located(method_error(name, args, &inner.message, &short), span))
        };
        let v = match (lower.as_str(), args.len()) {
            ("write", 1 | 3) => {
                self.host.write_host(&last(), false);
                Value::Null
            }
            ("writeline", 0) => {
                self.host.write_host("", true);
                Value::Null
            }
            ("writeline", 1 | 3) => {
                self.host.write_host(&last(), true);
                Value::Null
            }
            ("writeerrorline", 1) => {
                self.host.write_error_line(&text(0));
                Value::Null
            }
            ("writewarningline", 1) => {
                self.host.write_warning(&text(0));
                Value::Null
            }
            ("writeverboseline", 1) => {
                self.host.write_verbose(&text(0));
                Value::Null
            }
            ("writedebugline", 1) => {
                self.host.write_debug(&text(0));
                Value::Null
            }
            ("readline" | "readlineassecurestring", 0) => {
                if !self.host.is_interactive() {
                    return fail(self, &super::ctx::non_interactive());
                }
                let secret = lower == "readlineassecurestring";
                let line = if secret { self.host.read_secret("") } else { self.host.read_line("") };
                match line {
                    Some(l) if secret => secure::secure_value(&l),
                    Some(l) => Value::str(l),
                    None => {
                        self.check_interrupt()?;
                        Value::Null
                    }
                }
            }
            ("promptforchoice", 4) => {
                let choices: Vec<Choice> = args[2]
                    .enumerate()
                    .iter()
                    .map(|c| match c {
                        Value::Object(o) => {
                            let o = o.borrow();
                            Choice::new(&o.get("Label").map(to_string).unwrap_or_default(), &o.get("HelpMessage").map(to_string).unwrap_or_default())
                        }
                        other => Choice::new(&to_string(other), ""),
                    })
                    .collect();
                let default = super::convert::to_num(&args[3]).map(|n| n.as_f64() as i64).unwrap_or(-1);
                // HandleThrowOnReadAndPrompt comes before the arguments are checked.
                if !self.host.is_interactive() {
                    return fail(self, &super::ctx::non_interactive());
                }
                if choices.is_empty() {
                    let inner = ErrorRecord::runtime(
                        "\"choices\" should have at least one element.",
                        "PSArgumentException",
                        super::error::ErrorCategory::InvalidArgument,
                    );
                    return fail(self, &ErrorRecord { exception_type: "System.Management.Automation.PSArgumentException".into(), ..inner });
                }
                if default < -1 || default >= choices.len() as i64 {
                    let inner = ErrorRecord::runtime(
                        "\"defaultChoice\" must be a valid index into \"choice\" or -1 for no default choice.",
                        "PSArgumentOutOfRangeException",
                        super::error::ErrorCategory::InvalidArgument,
                    );
                    return fail(self, &ErrorRecord { exception_type: "System.Management.Automation.PSArgumentOutOfRangeException".into(), ..inner });
                }
                let default = usize::try_from(default).ok();
                match self.prompt_for_choice(&text(0), &text(1), &choices, default) {
                    Ok(i) => Value::Int(i as i32),
                    Err(Flow::Error(inner)) => return fail(self, &inner),
                    Err(other) => return Err(other),
                }
            }
            ("promptforcredential", 4 | 6) => match self.prompt_for_credential(&text(0), &text(1), &text(2)) {
                Ok(cred) => cred.unwrap_or(Value::Null),
                Err(Flow::Error(inner)) => return fail(self, &inner),
                Err(other) => return Err(other),
            },
            _ => return Ok(None),
        };
        Ok(Some(v))
    }
}
