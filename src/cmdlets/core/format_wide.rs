//! Format-Wide: one value of each object, several objects to a row (5.1's
//! FormatWideCommand, WideViewGenerator and WideOutputContext).

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::{to_num, to_string};
use crate::engine::error::ErrorCategory;
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, ErrorRecord, EvalResult};
use crate::format::cell::{cell_text, display_name, ENUMERATION_LIMIT};
use crate::format::out_default::as_object;
use crate::format::wide::{autosize_per_row, WideRows};

use super::formatting::{columns_for, formatted};
use super::gather::{gather, Finish};

const CLASS: &str = "Microsoft.PowerShell.Commands.FormatWideCommand";

pub fn commands() -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet("Format-Wide", "Microsoft.PowerShell.Utility", CLASS, || Box::new(FormatWide { inner: gather(Wide) }))
        .param(ParamSpec::new("InputObject", TypeKind::Object).pipeline().help("The objects to format."))
        .param(
            ParamSpec::new("Property", TypeKind::Object)
                .position(0)
                .wildcards()
                .help("The one property to show (a name, a wildcard or a calculated property); by default each object's name."),
        )
        .param(ParamSpec::switch("AutoSize").help("Puts as many items on a row as the widest item allows."))
        .param(ParamSpec::new("Column", TypeKind::Int).help("The number of items on a row (1 or more)."))
        .param(ParamSpec::switch("Force").help("Formats strings and other scalars as objects too."))
        .synopsis("Formats objects as a wide table that shows one property of each.")
        .description(
            "Writes one value of each object, two to a row unless -Column or -AutoSize says how many. Without -Property an \
             object shows its Name, Id or Key (or a property ending in Key, Name or Id), else its first property.",
        )
        .example("Names in three columns", "Get-AzureDedicatedCircuit | Format-Wide CircuitName -Column 3", "The circuits' names, three to a row.")]
}

/// Checks the arguments before any input arrives, as 5.1 does in BeginProcessing.
struct FormatWide {
    inner: Box<dyn Cmdlet>,
}

impl Cmdlet for FormatWide {
    fn begin(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        if let Some(n) = args.get("Column").and_then(to_num).map(|n| n.as_f64() as i64) {
            if n < 1 {
                let rec = ErrorRecord::new(
                    format!("Cannot validate argument on parameter 'Column'. The {n} argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again."),
                    "System.Management.Automation.ParameterBindingValidationException",
                    ErrorCategory::InvalidData,
                    format!("ParameterArgumentValidationError,{CLASS}"),
                );
                return Err(ctx.terminate(rec));
            }
            if args.switch("AutoSize") {
                let rec = ErrorRecord::new(
                    "Cmdlet parameters AutoSize and Column are mutually exclusive.",
                    "System.IO.InvalidDataException",
                    ErrorCategory::InvalidArgument,
                    format!("FormatCannotSpecifyAutosizeAndColumns,{CLASS}"),
                );
                return Err(ctx.terminate(rec));
            }
        }
        self.inner.begin(ctx, args)
    }

    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        self.inner.process(ctx, args)
    }

    fn end(&mut self, ctx: &mut Ctx) -> EvalResult<()> {
        self.inner.end(ctx)
    }
}

struct Wide;

/// What one input becomes: an item of the rows, or a scalar's own line (out of band).
enum Entry {
    Item(String),
    Raw(String),
}

/// An object's item: the -Property value, else its display name, else its first property.
fn item_text(ctx: &mut Ctx, property: Option<&Value>, obj: &Value) -> EvalResult<String> {
    let value = match property {
        Some(p) => columns_for(ctx, std::slice::from_ref(p), obj)?.into_iter().next().map(|(_, v)| v),
        None => match obj {
            Value::Object(o) => {
                let o = o.borrow();
                display_name(&o).or_else(|| o.props.first().map(|p| &p.value)).cloned()
            }
            _ => None,
        },
    };
    Ok(value.map(|v| cell_text(&v, ENUMERATION_LIMIT)).unwrap_or_default())
}

impl Finish for Wide {
    fn finish(&mut self, ctx: &mut Ctx, args: &Args, gathered: Vec<Value>) -> EvalResult<()> {
        let force = args.switch("Force");
        let property = args.get("Property").cloned();
        let mut entries = Vec::new();
        for item in gathered.iter().flat_map(Value::enumerate) {
            if item.is_scalar() && !force {
                entries.push(Entry::Raw(to_string(&item)));
            } else {
                entries.push(Entry::Item(item_text(ctx, property.as_ref(), &as_object(&item))?));
            }
        }
        let width = ctx.interp.output_width;
        let per_row = if args.switch("AutoSize") {
            let items: Vec<String> = entries
                .iter()
                .filter_map(|e| match e {
                    Entry::Item(t) => Some(t.clone()),
                    Entry::Raw(_) => None,
                })
                .collect();
            autosize_per_row(&items, width)
        } else {
            args.get("Column").and_then(to_num).map(|n| n.as_f64() as usize).unwrap_or(2)
        };
        let mut rows = WideRows::new(per_row, width);
        let mut lines = Vec::new();
        let mut started = false;
        for entry in entries {
            match entry {
                Entry::Raw(line) => lines.push(line),
                Entry::Item(text) => {
                    if !started {
                        // FormatStart and GroupStart.
                        lines.push(String::new());
                        lines.push(String::new());
                        started = true;
                    }
                    lines.extend(rows.push(text));
                }
            }
        }
        if started {
            // GroupEnd writes the row begun, then GroupEnd and FormatEnd their blank lines.
            lines.extend(rows.flush());
            lines.push(String::new());
            lines.push(String::new());
        }
        ctx.emit(formatted(lines))
    }
}
