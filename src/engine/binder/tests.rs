//! Binder cases, one line each: a command line against small synthetic
//! commands, and the binding it gets rendered as text (`Name=a Count=5
//! set=ByName`) or the binding error as 5.1 words it (`error: <message>
//! [<FullyQualifiedErrorId>]`). Parameters appear in the order they were bound:
//! named arguments first, then positional ones. Pipeline input (`<expr> | Cmd`) is bound record
//! by record after the arguments, each record's result after a ` | `.

use std::cell::RefCell;
use std::rc::Rc;

use crate::engine::command::{Args, CmdletFactory, CommandInfo, ParamSpec};
use crate::engine::ctx::CommonParams;
use crate::engine::error::{CommandKind, ErrorRecord, Flow, InvocationInfo};
use crate::engine::host::Host;
use crate::engine::runtime::Interp;
use crate::engine::value::{TypeKind, Value};
use crate::lang::ast::{ExprKind, PipelineElement, Source, StatementKind};

use super::{bind, bind_pipeline, function_info, Bound};

/// A non-interactive host that keeps the errors written to it.
struct ErrorSink(Rc<RefCell<Vec<String>>>);

impl Host for ErrorSink {
    fn output(&mut self, _: Value) {}
    fn end_output(&mut self) {}
    fn write_host(&mut self, _: &str, _: bool) {}
    fn write_verbose(&mut self, _: &str) {}
    fn write_warning(&mut self, _: &str) {}
    fn write_debug(&mut self, _: &str) {}
    fn write_error(&mut self, record: &ErrorRecord) {
        self.0.borrow_mut().push(error_text(record));
    }
    fn read_line(&mut self, _: &str) -> Option<String> {
        None
    }
    fn is_interactive(&self) -> bool {
        false
    }
}

/// The binder never runs the command, so its factory is never called.
const NO_FACTORY: CmdletFactory = || unreachable!("the binder does not run commands");

fn cmdlet(name: &str) -> CommandInfo {
    CommandInfo::cmdlet(name, "Tests", &format!("{}Command", name.replace('-', "")), NO_FACTORY)
}

/// The commands the cases call.
fn command(name: &str) -> CommandInfo {
    match name {
        "Test-Thing" => cmdlet(name)
            .param(ParamSpec::new("Name", TypeKind::String).position(0).mandatory().alias("Title"))
            .param(ParamSpec::new("Count", TypeKind::Int).position(1))
            .param(ParamSpec::switch("Flag"))
            .param(ParamSpec::switch("NoWait"))
            .param(ParamSpec::new("Color", TypeKind::String).set(&["Red", "Green", "Blue"]))
            .param(ParamSpec::new("Tags", TypeKind::String).array()),
        "Test-Sets" => cmdlet(name)
            .param(ParamSpec::new("Name", TypeKind::String).position(0).mandatory().in_set("ByName"))
            .param(ParamSpec::new("Id", TypeKind::Int).mandatory().in_set("ById"))
            .param(ParamSpec::new("Path", TypeKind::String).in_set("ByPath").in_set("ById"))
            .param(ParamSpec::switch("Force"))
            .default_set("ByName"),
        "Test-Rest" => {
            cmdlet(name).param(ParamSpec::new("First", TypeKind::String).position(0)).param(ParamSpec::new("Rest", TypeKind::Object).array().remaining())
        }
        "Test-Pipe" => cmdlet(name)
            .param(ParamSpec::new("Number", TypeKind::Int).mandatory().pipeline().by_name())
            .param(ParamSpec::new("Name", TypeKind::String).by_name().alias("DisplayName")),
        "Test-NoInput" => cmdlet(name).param(ParamSpec::new("Name", TypeKind::String).position(0)),
        "Test-Simple" => function("function Test-Simple { param([int]$Count, $Name) }"),
        "Test-Advanced" => function("function Test-Advanced { [CmdletBinding()] param([int]$Count, [string]$Name) }"),
        "Test-Positioned" => function("function Test-Positioned { param([Parameter(Position = 0)]$First, $Second) }"),
        "Test-NoPositions" => function("function Test-NoPositions { [CmdletBinding(PositionalBinding = $false)] param($First) }"),
        "Test-Remaining" => function("function Test-Remaining { param([Parameter(Position = 1)]$A, [Parameter(ValueFromRemainingArguments)]$Rest) }"),
        "Test-ShouldProcess" => function("function Test-ShouldProcess { [CmdletBinding(SupportsShouldProcess)] param($Name) }"),
        "Test-FnPipe" => function(
            "function Test-FnPipe { param([Parameter(ValueFromPipeline)][ValidateRange(1, 5)][int]$N, [Parameter(ValueFromPipelineByPropertyName)]$Length) }",
        ),
        "Test-SetPositions" => function("function Test-SetPositions { [CmdletBinding(DefaultParameterSetName = 'B')] param([Parameter(ParameterSetName = 'A', Position = 0)]$A, [Parameter(ParameterSetName = 'B', Position = 0)]$B, [Parameter(ValueFromRemainingArguments)]$Rest) }"),
        "Test-Validated" => function(
            "function Test-Validated { param([ValidateRange(1, 3)][int]$N, [ValidateCount(1, 2)][string[]]$List, [Parameter(Mandatory)][AllowNull()]$Maybe) }",
        ),
        other => panic!("no test command {other}"),
    }
}

fn function(text: &str) -> CommandInfo {
    let sb = crate::lang::parse_script(&Source::new(None, text)).expect("the function parses");
    match &sb.end.as_deref().unwrap_or_default()[0].kind {
        StatementKind::Function { name, body, is_filter } => function_info(name, body, *is_filter, &crate::engine::types::TypeTable::default()),
        _ => unreachable!("a function definition"),
    }
}

/// Binds `line` as the command it names would be bound, rendered as text.
fn bind_line(line: &str) -> String {
    let errors = Rc::new(RefCell::new(Vec::new()));
    let mut interp = Interp::new(Box::new(ErrorSink(errors.clone())));
    let src = Source::new(None, line);
    let sb = crate::lang::parse_script(&src).expect("the case parses");
    let StatementKind::Pipeline(pipeline) = &sb.end.as_deref().unwrap_or_default()[0].kind else { panic!("a pipeline: {line}") };
    let (input, command_element) = match pipeline.elements.as_slice() {
        [PipelineElement::Command(c)] => (None, c),
        [PipelineElement::Expr(e), PipelineElement::Command(c)] => (Some(e), c),
        _ => panic!("one command, with or without input: {line}"),
    };
    let ExprKind::Bare(name) = &command_element.name.kind else { panic!("a command name: {line}") };
    let name = name.clone();
    let info = command(&name);
    let invocation = InvocationInfo { command: Some(name.clone()), command_kind: CommandKind::Cmdlet, invocation_name: name, position: None };
    let items = interp.evaluate_args(&command_element.args).expect("the arguments evaluate");
    let bound = match bind(&mut interp, &info, items, input.is_some(), &invocation, 1) {
        Ok(b) => b,
        Err(Flow::Error(rec)) => return error_text(&rec),
        Err(other) => panic!("binding ended with {other:?}"),
    };
    let mut text = bound_text(&bound);
    if let Some(e) = input {
        let records = interp.eval_expr(e).expect("the input evaluates").enumerate();
        for record in records {
            let one = match bind_pipeline(&mut interp, &info, &bound.args, &record, &bound.deferred, &invocation) {
                Ok(Some(args)) => args_text(&args),
                Ok(None) => errors.borrow_mut().drain(..).collect::<Vec<_>>().join(" "),
                Err(other) => panic!("pipeline binding ended with {other:?}"),
            };
            text.push_str(" | ");
            text.push_str(&one);
        }
    }
    text
}

fn error_text(rec: &ErrorRecord) -> String {
    format!("error: {} [{}]", rec.message, rec.fqid)
}

fn value_text(v: &Value) -> String {
    match v {
        Value::Null => "$null".into(),
        Value::Array(items) => format!("@({})", items.borrow().iter().map(value_text).collect::<Vec<_>>().join(",")),
        other => other.to_display_string(),
    }
}

fn args_text(args: &Args) -> String {
    let mut parts: Vec<String> = args.values.iter().map(|(n, v)| format!("{n}={}", value_text(v))).collect();
    if let Some(set) = &args.set {
        parts.push(format!("set={set}"));
    }
    if parts.is_empty() {
        parts.push("(nothing)".into());
    }
    parts.join(" ")
}

fn bound_text(bound: &Bound) -> String {
    let mut text = args_text(&bound.args);
    let CommonParams { verbose, debug, error_action, warning_action, error_variable, out_variable, what_if, confirm } = &bound.common;
    let common = [
        ("Verbose", verbose.map(|b| Value::Bool(b).to_display_string())),
        ("Debug", debug.map(|b| Value::Bool(b).to_display_string())),
        ("ErrorAction", error_action.clone()),
        ("WarningAction", warning_action.clone()),
        ("ErrorVariable", error_variable.clone()),
        ("OutVariable", out_variable.clone()),
        ("WhatIf", what_if.map(|b| Value::Bool(b).to_display_string())),
        ("Confirm", confirm.map(|b| Value::Bool(b).to_display_string())),
    ];
    for (name, value) in common {
        if let Some(v) = value {
            text.push_str(&format!(" -{name}={v}"));
        }
    }
    if !bound.remaining.is_empty() {
        text.push_str(&format!(" args={}", value_text(&Value::array(bound.remaining.clone()))));
    }
    if !bound.deferred.is_empty() {
        text.push_str(&format!(" deferred={}", bound.deferred.join(",")));
    }
    text
}

/// Asserts that `line` binds as `expect` says. The cases keep to one line each
/// (hence `rustfmt::skip`), input and expected binding side by side.
#[track_caller]
fn check(line: &str, expect: &str) {
    assert_eq!(bind_line(line), expect, "binding `{line}`");
}

#[test]
#[rustfmt::skip]
fn named_and_positional_arguments() {
    check("Test-Thing -Name a 5 -Flag", "Name=a Flag=True Count=5");
    check("Test-Thing a 5", "Name=a Count=5");
    check("Test-Thing 5 -Name a", "Name=a Count=5");
    check("Test-Thing -Title a", "Name=a");
    check("Test-Thing -name:a -COUNT 0x10", "Name=a Count=16");
}

#[test]
#[rustfmt::skip]
fn parameter_names_by_prefix() {
    check("Test-Thing -Na a -Cou 2", "Name=a Count=2");
    check("Test-Thing -Ti a", "Name=a");
    check("Test-Thing -N a", "error: Parameter cannot be processed because the parameter name 'N' is ambiguous. Possible matches include: -Name -NoWait. [AmbiguousParameter,TestThingCommand]");
    // A declared parameter beats the common ones it shares a prefix with.
    check("Test-Thing a -Fl", "Flag=True Name=a");
    check("Test-Thing a -ErrorA Stop -vb", "Name=a -Verbose=True -ErrorAction=Stop");
}

#[test]
#[rustfmt::skip]
fn unknown_duplicate_and_surplus_arguments() {
    check("Test-Thing -Bogus 1", "error: A parameter cannot be found that matches parameter name 'Bogus'. [NamedParameterNotFound,TestThingCommand]");
    check("Test-Thing -Name a -Title b", "error: Cannot bind parameter because parameter 'Name' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\". [ParameterAlreadyBound,TestThingCommand]");
    check("Test-Thing a 5 extra", "error: A positional parameter cannot be found that accepts argument 'extra'. [PositionalParameterNotFound,TestThingCommand]");
    check("Test-Thing -Name", "error: Missing an argument for parameter 'Name'. Specify a parameter of type 'System.String' and try again. [MissingArgument,TestThingCommand]");
}

#[test]
#[rustfmt::skip]
fn mandatory_parameters_without_a_prompt() {
    check("Test-Thing -Count 1", "error: Cannot process command because of one or more missing mandatory parameters: Name. [MissingMandatoryParameter,TestThingCommand]");
    check("Test-Thing -Name ''", "error: Cannot bind argument to parameter 'Name' because it is an empty string. [ParameterArgumentValidationErrorEmptyStringNotAllowed,TestThingCommand]");
    check("Test-Thing -Name $null", "error: Cannot bind argument to parameter 'Name' because it is null. [ParameterArgumentValidationErrorNullNotAllowed,TestThingCommand]");
}

#[test]
#[rustfmt::skip]
fn switches() {
    check("Test-Thing a -Flag:$false", "Flag=False Name=a");
    check("Test-Thing a -Flag:$true -NoWait", "Flag=True NoWait=True Name=a");
    // A switch takes no argument: the next word binds by position.
    check("Test-Thing -Flag a", "Flag=True Name=a");
}

#[test]
#[rustfmt::skip]
fn conversion_and_validation() {
    check("Test-Thing a -Count abc", "error: Cannot bind parameter 'Count'. Cannot convert value \"abc\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\" [CannotConvertArgumentNoMessage,TestThingCommand]");
    check("Test-Thing a -Color green", "Color=green Name=a");
    check("Test-Thing a -Color Pink", "error: Cannot validate argument on parameter 'Color'. The argument \"Pink\" does not belong to the set \"Red,Green,Blue\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again. [ParameterArgumentValidationError,TestThingCommand]");
    check("Test-Thing a -ea Bogus", "error: Cannot bind parameter 'ErrorAction'. Cannot convert value \"Bogus\" to type \"System.Management.Automation.ActionPreference\". Error: \"Unable to match the identifier name Bogus to a valid enumerator name. Specify one of the following enumerator names and try again:\r\nSilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend\" [CannotConvertArgumentNoMessage,TestThingCommand]");
    check("Test-Thing -Name b,c", "error: Cannot bind parameter 'Name'. Cannot convert value to type System.String. [CannotConvertArgument,TestThingCommand]");
}

#[test]
#[rustfmt::skip]
fn arrays_and_remaining_arguments() {
    check("Test-Thing a -Tags x,y,z", "Tags=@(x,y,z) Name=a");
    check("Test-Thing a -Tags x", "Tags=@(x) Name=a");
    check("Test-Rest a b c", "First=a Rest=@(b,c)");
    check("Test-Rest a", "First=a");
}

#[test]
#[rustfmt::skip]
fn parameter_sets() {
    check("Test-Sets a", "Name=a set=ByName");
    check("Test-Sets -Id 3", "Id=3 set=ById");
    check("Test-Sets -Id 3 -Path p -Force", "Id=3 Path=p Force=True set=ById");
    check("Test-Sets -Name a -Id 3", "error: Parameter set cannot be resolved using the specified named parameters. [AmbiguousParameterSet,TestSetsCommand]");
    check("Test-Sets -Force", "error: Cannot process command because of one or more missing mandatory parameters: Name. [MissingMandatoryParameter,TestSetsCommand]");
}

#[test]
#[rustfmt::skip]
fn functions() {
    check("Test-Simple -Bogus 1 x", "Count=1 Name=x args=@(-Bogus)");
    check("Test-Simple 3 n extra", "Count=3 Name=n args=@(extra)");
    check("Test-Simple -Count abc", "error: Cannot process argument transformation on parameter 'Count'. Cannot convert value \"abc\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\" [ParameterArgumentTransformationError,Test-Simple]");
    check("Test-Advanced -Name a,b", "error: Cannot process argument transformation on parameter 'Name'. Cannot convert value to type System.String. [ParameterArgumentTransformationError,Test-Advanced]");
    check("Test-Advanced 1 n extra", "error: A positional parameter cannot be found that accepts argument 'extra'. [PositionalParameterNotFound,Test-Advanced]");
    // $args keeps the order of the command line.
    check("Test-Simple 1 -x 2 -y 3 4", "Count=1 Name=2 args=@(-x,-y,3,4)");
}

#[test]
#[rustfmt::skip]
fn function_positions_and_remaining_arguments() {
    check("Test-Positioned 1 2", "error: A positional parameter cannot be found that accepts argument '2'. [PositionalParameterNotFound,Test-Positioned]");
    check("Test-Positioned 1 -Second 2", "Second=2 First=1");
    check("Test-NoPositions 1", "error: A positional parameter cannot be found that accepts argument '1'. [PositionalParameterNotFound,Test-NoPositions]");
    check("Test-Remaining a b -A c -q d", "A=c Rest=@(a,b,-q,d)");
    check("Test-Remaining -q a", "A=a Rest=@(-q)");
}

#[test]
#[rustfmt::skip]
fn function_pipeline_input() {
    check("2, 'abc' | Test-FnPipe", "(nothing) | N=2 | Length=3");
    check("9 | Test-FnPipe", "(nothing) | error: Cannot validate argument on parameter 'N'. The 9 argument is greater than the maximum allowed range of 5. Supply an argument that is less than or equal to 5 and then try the command again. [ParameterArgumentValidationError,Test-FnPipe]");
}

#[test]
#[rustfmt::skip]
fn positions_within_parameter_sets() {
    check("Test-SetPositions x y", "B=x Rest=@(y) set=B");
    check("Test-SetPositions -A a x y", "A=a Rest=@(x,y) set=A");
    check("Test-SetPositions -A a -B b", "error: Parameter set cannot be resolved using the specified named parameters. [AmbiguousParameterSet,Test-SetPositions]");
}

#[test]
#[rustfmt::skip]
fn should_process_parameters() {
    check("Test-ShouldProcess a -WhatIf", "Name=a -WhatIf=True");
    check("Test-ShouldProcess a -cf:$false -wi", "Name=a -WhatIf=True -Confirm=False");
    check("Test-Advanced -WhatIf", "error: A parameter cannot be found that matches parameter name 'WhatIf'. [NamedParameterNotFound,Test-Advanced]");
}

#[test]
#[rustfmt::skip]
fn function_validation_attributes() {
    check("Test-Validated -N 2 -Maybe $null", "N=2 Maybe=$null");
    check("Test-Validated -N 4 -Maybe 1", "error: Cannot validate argument on parameter 'N'. The 4 argument is greater than the maximum allowed range of 3. Supply an argument that is less than or equal to 3 and then try the command again. [ParameterArgumentValidationError,Test-Validated]");
    check("Test-Validated -List a,b,c -Maybe 1", "error: Cannot validate argument on parameter 'List'. The number of provided arguments, (3), exceeds the maximum number of allowed arguments (2). Provide fewer than 2 arguments, and then try the command again. [ParameterArgumentValidationError,Test-Validated]");
}

#[test]
#[rustfmt::skip]
fn pipeline_input() {
    check("5 | Test-Pipe", "(nothing) deferred=Number | Number=5");
    check("'7', 8 | Test-Pipe", "(nothing) deferred=Number | Number=7 | Number=8");
    check("[pscustomobject]@{ Number = 3; DisplayName = 'x' } | Test-Pipe", "(nothing) deferred=Number | Number=3 Name=x");
    check("[pscustomobject]@{ Name = 'x' } | Test-Pipe", "(nothing) deferred=Number | error: Cannot process command because of one or more missing mandatory parameters: Number. [MissingMandatoryParameter,TestPipeCommand]");
    check("'abc' | Test-Pipe", "(nothing) deferred=Number | error: The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input. [InputObjectNotBound,TestPipeCommand]");
    check("1 | Test-NoInput", "(nothing) | error: The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input. [InputObjectNotBound,TestNoInputCommand]");
    check("5 | Test-Pipe -Number 1", "Number=1 | error: The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input. [InputObjectNotBound,TestPipeCommand]");
}
