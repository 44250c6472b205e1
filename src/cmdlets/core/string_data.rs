//! ConvertFrom-StringData: `name = value` lines to a hashtable, as 5.1's command reads them —
//! blank lines and `#` comments skipped, names and values trimmed, values unescaped as
//! Regex.Unescape does (`\n`, `\t`, `\\`), a line without `=` or a repeated name an error.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::dotnet::regex::unescape;
use crate::engine::error::ErrorCategory;
use crate::engine::value::{Hashtable, TypeKind, Value};
use crate::engine::{Ctx, ErrorRecord, EvalResult};

pub fn commands() -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet("ConvertFrom-StringData", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Commands.ConvertFromStringDataCommand", || Box::new(StringData))
        .param(ParamSpec { allow_empty_string: true, ..ParamSpec::new("StringData", TypeKind::String).mandatory().position(0).pipeline().help("Lines of name=value pairs.") })
        .outputs("System.Collections.Hashtable")
        .synopsis("Converts name=value lines to a hashtable.")
        .description("Each non-empty line that does not start with # is one entry; names and values are trimmed and values unescaped (\\n, \\t, \\\\). A line without = or a name given twice is an error.")
        .example("Settings from a here-string", "ConvertFrom-StringData @'\nProvider = Equinix\nBandwidth = 200\n'@", "A hashtable with Provider and Bandwidth.")]
}

struct StringData;

fn invalid(ctx: &mut Ctx, message: String) -> EvalResult<()> {
    let id = format!("InvalidOperation,{}", ctx.command.class_name);
    Err(ctx.terminate(ErrorRecord::new(message, "System.Management.Automation.PSInvalidOperationException", ErrorCategory::InvalidOperation, id)))
}

impl Cmdlet for StringData {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let data = args.string("StringData").unwrap_or_default();
        let mut table = Hashtable::new(false);
        for line in data.split('\n') {
            let s = line.trim();
            if s.is_empty() || s.starts_with('#') {
                continue;
            }
            let Some(at) = s.find('=').filter(|at| *at > 0) else {
                // 5.1's messages end in a space.
                return invalid(ctx, format!("Data line '{line}' is not in 'name=value' format. "));
            };
            let name = s[..at].trim();
            if table.get(&Value::str(name)).is_some() {
                return invalid(ctx, format!("Data item '{name}' in line '{line}' is already defined. "));
            }
            table.insert(Value::str(name), Value::str(unescape(s[at + 1..].trim())));
        }
        ctx.emit(Value::hashtable(table))
    }
}
