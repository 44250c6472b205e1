//! Commands and their metadata. One description per command feeds the binder,
//! `Get-Command`, `Get-Help` and REPL completion, so they cannot disagree.

use std::rc::Rc;

use super::binder::Validator;
use super::ctx::Ctx;
use super::error::EvalResult;
use super::services::Services;
use super::types;
use super::value::{TypeKind, TypeRef, Value};

#[derive(Debug, Clone)]
pub struct ParamSpec {
    pub name: String,
    pub ty: Rc<TypeRef>,
    pub mandatory: bool,
    pub position: Option<usize>,
    pub aliases: Vec<String>,
    pub from_pipeline: bool,
    pub from_pipeline_by_name: bool,
    /// ValueFromRemainingArguments: collects unbound positional arguments.
    pub remaining: bool,
    pub validate_set: Option<Vec<String>>,
    pub not_null_or_empty: bool,
    /// A script parameter's validation attributes, in declaration order.
    pub validators: Vec<Validator>,
    /// `[AllowNull()]`, `[AllowEmptyString()]`, `[AllowEmptyCollection()]`: what a mandatory
    /// script parameter accepts.
    pub allow_null: bool,
    pub allow_empty_string: bool,
    pub allow_empty_collection: bool,
    /// Parameter sets this parameter belongs to; empty means all of them.
    pub sets: Vec<String>,
    pub help: String,
    /// Shown in help (`Default value`); binding of defaults is the command's business.
    pub default_text: Option<String>,
    /// Shown in help (`Accept wildcard characters?`): the command matches the value as a pattern.
    pub wildcards: bool,
    /// Offers values the set and the type do not know (what the world holds).
    pub completer: Option<Rc<dyn ArgumentCompleter>>,
}

/// A parameter's completer, implemented by the module that declares the parameter
/// (5.1's `ArgumentCompleter` attribute).
pub trait ArgumentCompleter {
    fn complete(&self, cx: &CompletionContext<'_>) -> Vec<CompletionResult>;
}

/// One value to offer (5.1's `CompletionResult`): what replaces the word, and what the list
/// shows, which may say more (a service key with its circuit's name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionResult {
    pub text: String,
    pub list_text: String,
}

impl CompletionResult {
    pub fn new(text: impl Into<String>) -> CompletionResult {
        let text = text.into();
        CompletionResult { list_text: text.clone(), text }
    }

    pub fn described(text: impl Into<String>, list_text: impl Into<String>) -> CompletionResult {
        CompletionResult { text: text.into(), list_text: list_text.into() }
    }
}

/// What a completer may look at.
pub struct CompletionContext<'a> {
    pub services: &'a Services,
    /// The arguments typed so far in the same command element, by parameter name (not
    /// abbreviated) with the value as typed, unquoted: `-Location` offers the locations of
    /// the `-ServiceProviderName` already given.
    pub arguments: &'a [(String, String)],
}

impl CompletionContext<'_> {
    pub fn argument(&self, name: &str) -> Option<&str> {
        self.arguments.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

impl std::fmt::Debug for dyn ArgumentCompleter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ArgumentCompleter")
    }
}

impl ParamSpec {
    pub fn new(name: &str, ty: TypeKind) -> ParamSpec {
        ParamSpec {
            name: name.to_string(),
            ty: Rc::new(TypeRef::of(ty)),
            mandatory: false,
            position: None,
            aliases: Vec::new(),
            from_pipeline: false,
            from_pipeline_by_name: false,
            remaining: false,
            validate_set: None,
            not_null_or_empty: false,
            validators: Vec::new(),
            allow_null: false,
            allow_empty_string: false,
            allow_empty_collection: false,
            sets: Vec::new(),
            help: String::new(),
            default_text: None,
            wildcards: false,
            completer: None,
        }
    }

    pub fn switch(name: &str) -> ParamSpec {
        ParamSpec::new(name, TypeKind::Switch)
    }

    pub fn enumeration(name: &str, def: &'static types::EnumDef) -> ParamSpec {
        ParamSpec::new(name, TypeKind::Enum(def))
    }

    pub fn array(mut self) -> Self {
        Rc::make_mut(&mut self.ty).is_array = true;
        self
    }
    pub fn mandatory(mut self) -> Self {
        self.mandatory = true;
        self
    }
    pub fn position(mut self, p: usize) -> Self {
        self.position = Some(p);
        self
    }
    pub fn alias(mut self, a: &str) -> Self {
        self.aliases.push(a.to_string());
        self
    }
    pub fn pipeline(mut self) -> Self {
        self.from_pipeline = true;
        self
    }
    pub fn by_name(mut self) -> Self {
        self.from_pipeline_by_name = true;
        self
    }
    pub fn remaining(mut self) -> Self {
        self.remaining = true;
        self
    }
    pub fn set(mut self, values: &[&str]) -> Self {
        self.validate_set = Some(values.iter().map(|s| s.to_string()).collect());
        self
    }
    pub fn not_empty(mut self) -> Self {
        self.not_null_or_empty = true;
        self
    }
    pub fn in_set(mut self, set: &str) -> Self {
        self.sets.push(set.to_string());
        self
    }
    pub fn help(mut self, h: &str) -> Self {
        self.help = h.to_string();
        self
    }
    pub fn default_text(mut self, d: &str) -> Self {
        self.default_text = Some(d.to_string());
        self
    }
    pub fn wildcards(mut self) -> Self {
        self.wildcards = true;
        self
    }
    pub fn complete_with(mut self, completer: Rc<dyn ArgumentCompleter>) -> Self {
        self.completer = Some(completer);
        self
    }

    /// The values Tab offers: the ValidateSet, else the enumeration's members, else what
    /// the completer finds; a switch takes none.
    pub fn completions(&self, cx: &CompletionContext<'_>) -> Vec<CompletionResult> {
        if self.is_switch() {
            return Vec::new();
        }
        if let Some(set) = &self.validate_set {
            return set.iter().map(CompletionResult::new).collect();
        }
        if let TypeKind::Enum(def) = self.ty.kind {
            return def.members.iter().map(|(n, _)| CompletionResult::new(*n)).collect();
        }
        self.completer.as_ref().map(|c| c.complete(cx)).unwrap_or_default()
    }

    pub fn is_switch(&self) -> bool {
        self.ty.kind == TypeKind::Switch
    }

    pub fn matches_name(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name) || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommandType {
    Cmdlet,
    Function,
    Alias,
}

/// A runnable example in a command's help.
#[derive(Debug, Clone)]
pub struct Example {
    pub title: String,
    pub code: String,
    pub remarks: String,
}

#[derive(Debug, Clone, Default)]
pub struct Help {
    pub synopsis: String,
    pub description: String,
    pub examples: Vec<Example>,
    pub notes: String,
}

pub type CmdletFactory = fn() -> Box<dyn Cmdlet>;

/// Everything known about a command before it runs.
#[derive(Clone)]
pub struct CommandInfo {
    pub name: String,
    pub kind: CommandType,
    pub module: String,
    /// The implementing .NET class, appended to FullyQualifiedErrorIds of binding errors.
    pub class_name: String,
    pub params: Vec<ParamSpec>,
    pub default_set: Option<String>,
    pub help: Help,
    pub output_types: Vec<String>,
    pub factory: Option<CmdletFactory>,
    /// Whether the common parameters (-Verbose, -ErrorAction, ...) apply.
    pub common_params: bool,
    /// Whether positional binding follows declaration order (script functions).
    pub implicit_positions: bool,
    /// `SupportsShouldProcess`: `-WhatIf` and `-Confirm` apply.
    pub supports_should_process: bool,
    /// A script module's function runs in a scope below its module's scope, where the module's
    /// private functions and variables are (`None`: below the caller's, as any function).
    pub module_scope: Option<super::runtime::ScopeRef>,
    /// The script file this command runs (`.\deploy.ps1`), which gets a script scope of its own.
    pub script_file: Option<String>,
    /// `ConfirmImpact` as its `System.Management.Automation.ConfirmImpact` value (Medium, 2, by default).
    pub confirm_impact: i64,
}

impl std::fmt::Debug for CommandInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CommandInfo({})", self.name)
    }
}

impl CommandInfo {
    pub fn cmdlet(name: &str, module: &str, class_name: &str, factory: CmdletFactory) -> CommandInfo {
        CommandInfo {
            name: name.to_string(),
            kind: CommandType::Cmdlet,
            module: module.to_string(),
            class_name: class_name.to_string(),
            params: Vec::new(),
            default_set: None,
            help: Help::default(),
            output_types: Vec::new(),
            factory: Some(factory),
            common_params: true,
            implicit_positions: false,
            supports_should_process: false,
            script_file: None,
            module_scope: None,
            confirm_impact: 2,
        }
    }

    pub fn param(mut self, p: ParamSpec) -> Self {
        self.params.push(p);
        self
    }

    /// Several parameters at once, in order: a family of cmdlets' common surface.
    pub fn params(mut self, ps: impl IntoIterator<Item = ParamSpec>) -> Self {
        self.params.extend(ps);
        self
    }

    pub fn default_set(mut self, s: &str) -> Self {
        self.default_set = Some(s.to_string());
        self
    }

    pub fn synopsis(mut self, s: &str) -> Self {
        self.help.synopsis = s.to_string();
        self
    }

    pub fn description(mut self, s: &str) -> Self {
        self.help.description = s.to_string();
        self
    }

    pub fn example(mut self, title: &str, code: &str, remarks: &str) -> Self {
        self.help.examples.push(Example { title: title.into(), code: code.into(), remarks: remarks.into() });
        self
    }

    /// `SupportsShouldProcess`: the cmdlet takes -WhatIf and -Confirm and asks
    /// [`Ctx::should_process`](super::ctx::Ctx::should_process) before it acts.
    pub fn should_process(mut self) -> Self {
        self.supports_should_process = true;
        self
    }

    pub fn outputs(mut self, t: &str) -> Self {
        self.output_types.push(t.to_string());
        self
    }

    pub fn verb(&self) -> &str {
        self.name.split_once('-').map(|(v, _)| v).unwrap_or("")
    }

    pub fn noun(&self) -> &str {
        self.name.split_once('-').map(|(_, n)| n).unwrap_or(&self.name)
    }

    /// The parameter sets named by any parameter, in declaration order, then the default
    /// set when no parameter names it: as in .NET, that set holds only the parameters of
    /// every set (Az's `SetByResource` beside its by-filter sets).
    pub fn set_names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for p in &self.params {
            for s in &p.sets {
                if !names.iter().any(|n| n.eq_ignore_ascii_case(s)) {
                    names.push(s.clone());
                }
            }
        }
        if let Some(d) = self.default_set.as_ref().filter(|d| !names.is_empty() && !names.iter().any(|n| n.eq_ignore_ascii_case(d))) {
            names.push(d.clone());
        }
        names
    }
}

/// Parameters bound for one invocation (or one pipeline record).
#[derive(Debug, Clone, Default)]
pub struct Args {
    pub values: Vec<(String, Value)>,
    /// The parameter set the binder settled on.
    pub set: Option<String>,
}

impl Args {
    pub fn get(&self, name: &str) -> Option<&Value> {
        // Cmdlets ask for their parameters as declared, which is how the binder names them: the
        // byte comparison first spares the per-byte case folding at every record.
        self.values.iter().find(|(n, _)| n == name || n.eq_ignore_ascii_case(name)).map(|(_, v)| v)
    }

    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    pub fn switch(&self, name: &str) -> bool {
        self.get(name).is_some_and(super::convert::to_bool)
    }

    pub fn string(&self, name: &str) -> Option<String> {
        self.opt(name)
    }

    /// A bound parameter as a Rust value: `None` when it is absent, `$null`, or out of the
    /// type's range. The binder has already converted it to the declared .NET type, so this
    /// only unwraps; every module reads its arguments this one way.
    pub fn opt<T: FromArg>(&self, name: &str) -> Option<T> {
        self.get(name).filter(|v| !v.is_null()).and_then(T::from_arg)
    }

    pub fn set_value(&mut self, name: &str, value: Value) {
        match self.values.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
            Some(slot) => slot.1 = value,
            None => self.values.push((name.to_string(), value)),
        }
    }

    pub fn remove(&mut self, name: &str) {
        self.values.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
    }
}

/// A Rust type a bound argument can be read as (see [`Args::opt`]).
pub trait FromArg: Sized {
    fn from_arg(v: &Value) -> Option<Self>;
}

impl FromArg for String {
    fn from_arg(v: &Value) -> Option<String> {
        Some(v.to_display_string())
    }
}

impl FromArg for u32 {
    fn from_arg(v: &Value) -> Option<u32> {
        match v {
            Value::UInt(u) => Some(*u),
            other => super::convert::to_num(other).map(|n| n.as_f64()).filter(|f| *f >= 0.0 && *f <= f64::from(u32::MAX)).map(|f| f as u32),
        }
    }
}

impl FromArg for i64 {
    fn from_arg(v: &Value) -> Option<i64> {
        super::convert::to_num(v).map(|n| n.as_f64() as i64)
    }
}

impl FromArg for uuid::Uuid {
    fn from_arg(v: &Value) -> Option<uuid::Uuid> {
        match v {
            Value::Guid(g) => Some(*g),
            _ => None,
        }
    }
}

/// A compiled command. `process` runs once per pipeline record (once with no
/// input when the command starts a pipeline).
pub trait Cmdlet {
    fn begin(&mut self, _ctx: &mut Ctx, _args: &Args) -> EvalResult<()> {
        Ok(())
    }
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()>;
    fn end(&mut self, _ctx: &mut Ctx) -> EvalResult<()> {
        Ok(())
    }
}
