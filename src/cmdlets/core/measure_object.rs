//! Measure-Object: the count of the input and statistics of its numbers.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::{to_num, to_string};
use crate::engine::error::ErrorCategory;
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::{Ctx, ErrorRecord, EvalResult};

pub fn commands() -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet("Measure-Object", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Commands.MeasureObjectCommand", || {
        Box::new(MeasureObject::default())
    })
    .param(ParamSpec::new("InputObject", TypeKind::Object).pipeline().help("The objects to measure."))
    .param(ParamSpec::new("Property", TypeKind::String).array().position(0).help("The numeric property to measure."))
    .param(ParamSpec::switch("Sum").help("Adds the values."))
    .param(ParamSpec::switch("Average").help("Averages the values."))
    .param(ParamSpec::switch("Maximum").help("Finds the largest value."))
    .param(ParamSpec::switch("Minimum").help("Finds the smallest value."))
    .synopsis("Counts objects and computes sums, averages, minimums and maximums.")
    .description("Writes a GenericMeasureInfo with the count and the statistics asked for.")
    .example("Count circuits", "(Get-AzureDedicatedCircuit | Measure-Object).Count", "The number of circuits.")]
}

#[derive(Default)]
struct MeasureObject {
    args: Args,
    count: usize,
    values: Vec<f64>,
    property: Option<String>,
}

impl Cmdlet for MeasureObject {
    fn begin(&mut self, _ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        self.args = args.clone();
        Ok(())
    }

    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let Some(item) = args.get("InputObject").cloned() else { return Ok(()) };
        self.count += 1;
        self.property = args.string("Property");
        let value = match &self.property {
            Some(p) => ctx.interp.get_member(&item, p),
            None => item.clone(),
        };
        let wants_numbers = ["Sum", "Average", "Maximum", "Minimum"].iter().any(|s| args.switch(s));
        if wants_numbers {
            match to_num(&value) {
                Some(n) if !value.is_null() => self.values.push(n.as_f64()),
                _ => {
                    let rec = ErrorRecord::new(
                        format!("Input object \"{}\" is not numeric.", to_string(&value)),
                        "System.Management.Automation.PSInvalidOperationException",
                        ErrorCategory::InvalidType,
                        "NonNumericInputObject,Microsoft.PowerShell.Commands.MeasureObjectCommand",
                    )
                    .with_target(&value);
                    ctx.write_error(rec)?;
                }
            }
        }
        Ok(())
    }

    fn end(&mut self, ctx: &mut Ctx) -> EvalResult<()> {
        let n = self.values.len();
        let sum: f64 = self.values.iter().sum();
        let stat = |on: bool, v: f64| if on && n > 0 { Value::Double(v) } else { Value::Null };
        let flags = ["Sum", "Average", "Maximum", "Minimum"].map(|s| self.args.switch(s));
        let mut o = PsObject::typed("Microsoft.PowerShell.Commands.GenericMeasureInfo");
        o.add_typed("Count", "int", Value::Int(self.count as i32));
        o.add_typed("Average", "System.Nullable[double]", stat(flags[1], if n > 0 { sum / n as f64 } else { 0.0 }));
        o.add_typed("Sum", "System.Nullable[double]", stat(flags[0], sum));
        o.add_typed("Maximum", "System.Nullable[double]", stat(flags[2], self.values.iter().cloned().fold(f64::MIN, f64::max)));
        o.add_typed("Minimum", "System.Nullable[double]", stat(flags[3], self.values.iter().cloned().fold(f64::MAX, f64::min)));
        o.add_typed("Property", "string", self.property.clone().map(Value::str).unwrap_or(Value::Null));
        ctx.emit(Value::object(o))
    }
}
