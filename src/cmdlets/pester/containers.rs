//! What a run discovers: containers, each a test file or a script block, with the data its
//! `param()` block receives (New-PesterContainer `-Data`, Pester 5's parametrized test files).
//! Discovery runs a container's code in a script scope of its own while the test commands
//! collect its tree into a fresh root block.

use std::rc::Rc;

use crate::engine::binder::ArgItem;
use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::error::{parse_error_record, CommandKind, ErrorCategory, ErrorRecord, InvocationInfo};
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::{Ctx, EvalResult, Flow};
use crate::labfs::{Item, LabFs};
use crate::lang::ast::{ScriptBlock, Source, Span};

use super::info;
use super::state::state;
use super::tree::{data_variables, Block, BlockKind};

/// Where a container's code comes from.
#[derive(Clone)]
pub enum Code {
    File(Item),
    Block(Rc<ScriptBlock>),
}

#[derive(Clone)]
pub struct Container {
    pub code: Code,
    pub data: Option<Value>,
}

impl Container {
    /// The name the report and the result files give it: the file's path, or
    /// `<ScriptBlock>FILE:LINE` for a script block, as Pester names one.
    pub fn name(&self) -> String {
        match &self.code {
            Code::File(item) => item.shown(),
            Code::Block(sb) => {
                let (line, _) = sb.source.line_col(sb.span.start);
                format!("<ScriptBlock>{}:{line}", sb.source.path.clone().unwrap_or_default())
            }
        }
    }
}

pub fn command() -> CommandInfo {
    info("New-PesterContainer", || Box::new(NewContainer))
        .param(ParamSpec::new("Path", TypeKind::String).array().in_set("Path").help("Test files (or folders of *.Tests.ps1 files)."))
        .param(ParamSpec::new("ScriptBlock", TypeKind::ScriptBlock).array().in_set("ScriptBlock").help("Script blocks of tests."))
        .param(ParamSpec::new("Data", TypeKind::Object).array().help("Hashtables of parameters for the container's param() block: one container per hashtable."))
        .outputs("Pester.ContainerInfo")
        .synopsis("Describes test code for Invoke-Pester -Container.")
        .description("A file or a script block, with the values its param() block receives. The same file with two -Data hashtables runs twice.")
        .example(
            "A script block container with data",
            "$c = New-PesterContainer -ScriptBlock { param($Expected) Describe 'd' { It 'is <Expected>' { 2 | Should -Be $Expected } } } -Data @{ Expected = 2 }; Invoke-Pester -Container $c -Output None -PassThru | Select-Object -ExpandProperty PassedCount",
            "1.",
        )
}

struct NewContainer;

impl Cmdlet for NewContainer {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let data: Vec<Value> = args.get("Data").map(|v| v.enumerate()).unwrap_or_default();
        let data = if data.is_empty() { vec![Value::Null] } else { data };
        let mut items: Vec<(&str, Value)> = Vec::new();
        for v in args.get("Path").map(|v| v.enumerate()).unwrap_or_default() {
            items.push(("File", v));
        }
        for v in args.get("ScriptBlock").map(|v| v.enumerate()).unwrap_or_default() {
            items.push(("ScriptBlock", v));
        }
        for (kind, item) in items {
            for d in &data {
                let mut o = PsObject::typed("Pester.ContainerInfo");
                o.add_note("Type", Value::str(kind));
                o.add_note("Item", item.clone());
                o.add_note("Data", d.clone());
                ctx.emit(Value::object(o))?;
            }
        }
        Ok(())
    }
}

/// The containers New-PesterContainer objects stand for; a file container's path is
/// searched as -Path is (`expand` turns a path into its test files).
pub fn from_objects(values: &[Value], expand: &mut dyn FnMut(&str) -> EvalResult<Vec<Item>>) -> EvalResult<Vec<Container>> {
    let mut out = Vec::new();
    for v in values {
        let item = super::tree::member(v, "Item").unwrap_or(Value::Null);
        let data = super::tree::member(v, "Data").filter(|d| !d.is_null());
        match item {
            Value::ScriptBlock(sb) => out.push(Container { code: Code::Block(sb), data }),
            other if !other.is_null() => {
                for file in expand(&other.to_display_string())? {
                    out.push(Container { code: Code::File(file), data: data.clone() });
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Discovery of one container: its tree, or the error that stopped it.
pub fn discover(ctx: &mut Ctx, fs: &LabFs, c: &Container) -> EvalResult<Result<Block, Rc<ErrorRecord>>> {
    let body = match &c.code {
        Code::Block(sb) => sb.clone(),
        Code::File(file) => {
            let text = match fs.read_text(file, None) {
                Ok((text, _)) => text,
                Err(e) => return Ok(Err(Rc::new(ErrorRecord::new(e.to_string(), "System.IO.IOException", ErrorCategory::ReadError, "ReadError")))),
            };
            let src = Source::new(Some(file.shown()), text);
            match crate::lang::parse_script(&src) {
                Ok(sb) => sb,
                Err(e) => return Ok(Err(Rc::new(parse_error_record(&e, &src, false)))),
            }
        }
    };
    let pester = state(ctx.interp);
    let outer = std::mem::take(&mut *pester.open.borrow_mut());
    pester.open.borrow_mut().push(Block::new(BlockKind::Root, String::new()));
    let global = ctx.interp.global.clone();
    let scope = ctx.interp.new_scope(&global, true);
    let saved = std::mem::replace(&mut ctx.interp.current, scope.clone());
    if let Code::File(file) = &c.code {
        // Pester runs a test file as a script, so `$MyInvocation.MyCommand.Path` names it.
        ctx.interp.set_local("MyInvocation", script_invocation(&file.shown()));
    }
    let ran = run_with_data(ctx, &body, c);
    ctx.interp.current = saved;
    let mut root = std::mem::replace(&mut *pester.open.borrow_mut(), outer).pop().unwrap_or_else(|| Block::new(BlockKind::Root, String::new()));
    if pester.pester4_scopes.get() {
        root.scope = Some(scope);
    }
    Ok(ran?.map(|()| root))
}

/// Runs a container's code, its data bound to its param() block as named arguments; an
/// error ends it as test code's errors do.
fn run_with_data(ctx: &mut Ctx, body: &Rc<ScriptBlock>, c: &Container) -> EvalResult<Result<(), Rc<ErrorRecord>>> {
    let Some(data) = &c.data else { return super::run::run_code(ctx.interp, body) };
    let items = data_variables(data)
        .into_iter()
        .map(|(name, value)| ArgItem::Named { text: format!("-{name}"), name, value: Some(value), span: Span::default() })
        .collect();
    let invocation = InvocationInfo { command: Some(c.name()), command_kind: CommandKind::ExternalScript, invocation_name: c.name(), position: None };
    ctx.interp.try_depth += 1;
    let r = ctx.interp.invoke_block(body, items, invocation, true, None, &mut |_, _| Ok(()));
    ctx.interp.try_depth -= 1;
    match r {
        Ok(()) | Err(Flow::Return) => Ok(Ok(())),
        Err(Flow::Error(rec)) => Ok(Err(rec)),
        Err(other) => Err(other),
    }
}

/// `$MyInvocation` of a script file run as a command: an ExternalScriptInfo naming the file.
fn script_invocation(path: &str) -> Value {
    let name = path.rsplit(['\\', '/']).next().unwrap_or(path);
    let mut command = PsObject::typed("System.Management.Automation.ExternalScriptInfo");
    command.add_typed("Name", "string", Value::str(name));
    command.add_typed("CommandType", "System.Management.Automation.CommandTypes", Value::str("ExternalScript"));
    command.add_typed("Path", "string", Value::str(path));
    command.add_typed("Definition", "string", Value::str(path));
    let mut o = PsObject::typed("System.Management.Automation.InvocationInfo");
    o.add_typed("MyCommand", "System.Management.Automation.CommandInfo", Value::object(command));
    o.add_typed("InvocationName", "string", Value::str(path));
    o.add_typed("ScriptName", "string", Value::str(""));
    o.add_typed("PSCommandPath", "string", Value::str(""));
    Value::object(o)
}
