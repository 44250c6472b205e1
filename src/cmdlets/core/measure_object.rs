//! Measure-Object: the count of the input and statistics of its numbers, or (the TextMeasure
//! set) the lines, words and characters of its text.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::{to_num, to_string};
use crate::engine::error::ErrorCategory;
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::{Ctx, ErrorRecord, EvalResult};

const GENERIC: &str = "GenericMeasure";
const TEXT: &str = "TextMeasure";

pub fn commands() -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet("Measure-Object", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Commands.MeasureObjectCommand", || {
        Box::new(MeasureObject::default())
    })
    .param(ParamSpec::new("InputObject", TypeKind::Object).pipeline().help("The objects to measure."))
    .param(ParamSpec::new("Property", TypeKind::String).array().position(0).help("The numeric property to measure."))
    .param(ParamSpec::switch("Sum").in_set(GENERIC).help("Adds the values."))
    .param(ParamSpec::switch("Average").in_set(GENERIC).help("Averages the values."))
    .param(ParamSpec::switch("Maximum").in_set(GENERIC).help("Finds the largest value."))
    .param(ParamSpec::switch("Minimum").in_set(GENERIC).help("Finds the smallest value."))
    .param(ParamSpec::switch("Line").in_set(TEXT).help("Counts the lines of the text."))
    .param(ParamSpec::switch("Word").in_set(TEXT).help("Counts the words (runs of characters between white space)."))
    .param(ParamSpec::switch("Character").in_set(TEXT).help("Counts the characters."))
    .param(ParamSpec::switch("IgnoreWhiteSpace").in_set(TEXT).help("Leaves white space out of the character count."))
    .default_set(GENERIC)
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
    text: TextCounts,
}

/// The TextMeasure set's counts (5.1's TextCountUtilities).
#[derive(Default)]
struct TextCounts {
    lines: i32,
    words: i32,
    characters: i32,
}

impl TextCounts {
    /// Adds one text: lines are the `\n`s, plus one for a last line without one; words are runs
    /// of non-white-space characters; characters are UTF-16 units, as .NET's Length counts them.
    fn add(&mut self, text: &str, ignore_white_space: bool) {
        self.lines += text.matches('\n').count() as i32 + i32::from(!text.is_empty() && !text.ends_with('\n'));
        self.words += text.split(char::is_whitespace).filter(|w| !w.is_empty()).count() as i32;
        self.characters += text.chars().filter(|c| !(ignore_white_space && c.is_whitespace())).map(char::len_utf16).sum::<usize>() as i32;
    }
}

fn is_text_measure(args: &Args) -> bool {
    ["Line", "Word", "Character", "IgnoreWhiteSpace"].iter().any(|s| args.has(s))
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
        if is_text_measure(args) {
            let text = if value.is_null() { String::new() } else { to_string(&value) };
            self.text.add(&text, args.switch("IgnoreWhiteSpace"));
            return Ok(());
        }
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
        if is_text_measure(&self.args) {
            // Only the counts asked for have a value; the others stay $null.
            let count = |name: &str, n: i32| if self.args.switch(name) { Value::Int(n) } else { Value::Null };
            let mut o = PsObject::typed("Microsoft.PowerShell.Commands.TextMeasureInfo");
            o.add_typed("Lines", "System.Nullable[int]", count("Line", self.text.lines));
            o.add_typed("Words", "System.Nullable[int]", count("Word", self.text.words));
            o.add_typed("Characters", "System.Nullable[int]", count("Character", self.text.characters));
            o.add_typed("Property", "string", self.property.clone().map(Value::str).unwrap_or(Value::Null));
            return ctx.emit(Value::object(o));
        }
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
