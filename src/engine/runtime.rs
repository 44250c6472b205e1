//! The interpreter's state: scopes and variables, commands, preferences and
//! the `$Error` list.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::lang::ast::{ScriptBlock, Source, Span};

use super::clock::{default_epoch, Clock, VirtualClock};
use super::command::CommandInfo;
use super::convert::version_object;
use super::error::{CommandKind, ErrorCategory, ErrorRecord, EvalResult, Flow, InvocationInfo};
use super::host::Host;
use super::module::LoadedModule;
use super::redirect::Redirects;
use super::resolution::ResolutionCache;
pub use super::resolution::{AliasEntry, Aliases, CommandTable};
use super::services::Services;
use super::types::TypeTable;
use super::types::{self, ACTION_PREFERENCE};
use super::value::{Hashtable, TypeRef, Value};
use super::views::ViewTable;

/// A variable and its optional type constraint (`[int]$x = 1`).
#[derive(Debug, Clone)]
pub struct Variable {
    pub value: Value,
    pub constraint: Option<Rc<TypeRef>>,
    pub options: VarOptions,
}

/// `-Option` of Set-Variable and New-Variable.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VarOptions {
    pub read_only: bool,
    pub constant: bool,
    /// Seen only in the scope that defines it, not in the scopes it starts.
    pub private: bool,
    /// One variable for every scope below: assigning it anywhere changes it.
    pub all_scope: bool,
}

#[derive(Default)]
pub struct Scope {
    pub vars: FxHashMap<String, Variable>,
    /// Looked up in every scope up the chain at each call, so hashed with rustc-hash.
    pub functions: CommandTable<Rc<CommandInfo>>,
    pub function_bodies: CommandTable<Rc<ScriptBlock>>,
    /// How a variable of this scope was spelled when it was made, where that is not its
    /// lower-cased key: Get-Variable shows `MyCircuit`, as 5.1 does.
    pub spellings: FxHashMap<String, String>,
    /// Aliases Set-Alias or New-Alias made in this scope (the global scope's are
    /// [`Interp::aliases`]); they end with the scope, as 5.1's do.
    pub aliases: Aliases,
    pub parent: Option<Rc<RefCell<Scope>>>,
    /// The scope a script file or the top level runs in (`$script:`).
    pub is_script: bool,
    /// `Set-StrictMode -Version` set in this scope (0 for `-Off`); `None` inherits.
    pub strict_version: Option<u8>,
}

pub type ScopeRef = Rc<RefCell<Scope>>;

impl Scope {
    /// Records how the variable `key` was spelled when it was made (`name`).
    pub fn spell(&mut self, name: &str, key: &str) {
        if name == key {
            // Most variables are made in lower case (parameters, `$_`, loop counters): skip
            // hashing the key when no spelling was ever kept.
            if !self.spellings.is_empty() {
                self.spellings.remove(key);
            }
        } else {
            self.spellings.insert(key.to_string(), name.to_string());
        }
    }

    /// The variable `key` as it was spelled when it was made.
    pub fn spelling<'a>(&'a self, key: &'a str) -> &'a str {
        self.spellings.get(key).map(String::as_str).unwrap_or(key)
    }
}

/// The sink a running statement writes its output objects to.
pub type Emit<'a> = dyn FnMut(&mut Interp, Value) -> EvalResult<()> + 'a;

pub struct Interp {
    pub host: Box<dyn Host>,
    /// Looked up (with the aliases) at every command call, so hashed with rustc-hash.
    pub commands: CommandTable<Rc<CommandInfo>>,
    pub aliases: Aliases,
    pub global: ScopeRef,
    pub current: ScopeRef,
    /// `$?`
    pub last_success: bool,
    /// How many times `$?` was made false: a pipeline of commands that made it false no
    /// time while it ran sets it true again, as 5.1's pipeline does when none of its
    /// commands failed.
    pub failures: u64,
    /// `$Error`, newest first.
    pub errors: Rc<RefCell<Vec<Value>>>,
    /// How many `try` blocks are active: errors then travel to the catch.
    pub try_depth: usize,
    pub call_depth: usize,
    next_pipeline: u64,
    /// Services of the layers above (the simulated cloud, the store), by type.
    pub services: Services,
    pub interrupt: Arc<AtomicBool>,
    /// Statements, loop turns and pipeline items left before the run stops as if
    /// interrupted; `None` (the default) is 5.1's behaviour: no limit. For fuzzing and tests,
    /// where `while ($true) {}` must end.
    pub step_budget: Cell<Option<u64>>,
    /// The script or function whose statements are running, for Write-Error's display.
    pub invocation_stack: Vec<InvocationInfo>,
    /// The script file running (for `$PSScriptRoot` and error positions).
    pub script_path: Option<String>,
    /// The source of the top-level input, for position messages.
    pub top_source: Option<Rc<Source>>,
    /// The width formatted output fits (the console buffer's width - 1, as in 5.1).
    pub output_width: usize,
    /// The source of the script or block whose statements are running.
    pub current_source: Option<Rc<Source>>,
    pub clock: Rc<dyn Clock>,
    /// -OutVariable names already filled by the running pipeline.
    pub out_variables_started: std::collections::HashSet<String>,
    /// The redirections (`2> $null`, `3>&1`, ...) of the commands running, innermost last.
    pub redirects: Vec<Redirects>,
    /// The files redirections of running statements write to (`> out.txt`).
    pub redirect_files: Vec<super::redirect::RedirectFile>,
    /// The `-ErrorVariable` of each running function, in the scope it was called from: every
    /// error recorded while it runs is added.
    pub error_variables: Vec<(String, ScopeRef)>,
    /// Where `[guid]::NewGuid()` gets its values; random unless a seed is set above.
    pub guid_source: Option<Box<dyn FnMut() -> uuid::Uuid>>,
    /// `$env:` variables: a simulated environment, never the real one.
    pub env: HashMap<String, (String, String)>,
    /// The enumerations the session's modules brought.
    pub types: TypeTable,
    /// The table views of the session's modules, shared with the console's Out-Default.
    pub views: ViewTable,
    /// The modules loaded, in order.
    pub modules: Vec<LoadedModule>,
    /// The namespaces of `using namespace` statements run, tried in turn for a type name
    /// that does not resolve by itself.
    pub using_namespaces: Vec<String>,
    /// The blocks `.GetNewClosure()` made, each with the scope of the variables it captured.
    pub closures: Vec<(Rc<ScriptBlock>, ScopeRef)>,
    /// The value a class method's `return` gave, taken by the method call that ran it.
    pub method_result: Option<Value>,
    /// Whether `Set-StrictMode` has turned strict mode on in any scope yet: until then the
    /// checks at every variable read need not walk the scopes.
    pub(super) strict_mode_used: bool,
    /// What the `$MyInvocation` of calls from the same place to the same function share.
    pub(super) invocation_parts: super::script_cmdlet::InvocationParts,
    /// What each call site's command name resolved to.
    pub(super) resolution: ResolutionCache,
}

pub const MAX_CALL_DEPTH: usize = 100;

/// A value a typed variable cannot take: 5.1's ArgumentTransformationMetadataException around
/// the PSInvalidCastException of the conversion.
fn argument_transformation_error(message: String) -> ErrorRecord {
    let mut rec =
        ErrorRecord::new(message, "System.Management.Automation.ArgumentTransformationMetadataException", ErrorCategory::MetadataError, "RuntimeException");
    rec.inner_exception = Some(super::exceptions::PS_INVALID_CAST.into());
    rec
}

impl Interp {
    pub fn new(host: Box<dyn Host>) -> Interp {
        let global = Rc::new(RefCell::new(Scope { is_script: true, ..Default::default() }));
        let mut interp = Interp {
            host,
            commands: CommandTable::default(),
            aliases: Aliases::default(),
            current: global.clone(),
            global,
            last_success: true,
            failures: 0,
            errors: Rc::new(RefCell::new(Vec::new())),
            try_depth: 0,
            call_depth: 0,
            method_result: None,
            next_pipeline: 1,
            services: Services::default(),
            interrupt: Arc::new(AtomicBool::new(false)),
            step_budget: Cell::new(None),
            invocation_stack: Vec::new(),
            script_path: None,
            top_source: None,
            current_source: None,
            output_width: 119,
            clock: Rc::new(VirtualClock::new(default_epoch())),
            guid_source: None,
            redirects: Vec::new(),
            redirect_files: Vec::new(),
            error_variables: Vec::new(),
            out_variables_started: std::collections::HashSet::new(),
            env: HashMap::new(),
            types: TypeTable::default(),
            views: ViewTable::default(),
            modules: Vec::new(),
            using_namespaces: Vec::new(),
            closures: Vec::new(),
            strict_mode_used: false,
            invocation_parts: Default::default(),
            resolution: Default::default(),
        };
        for (k, v) in [
            ("COMPUTERNAME", "ERSIM-LAB"),
            ("USERNAME", "admin"),
            ("USERPROFILE", "C:\\Users\\admin"),
            ("TEMP", "C:\\Users\\admin\\AppData\\Local\\Temp"),
            ("PSModulePath", "C:\\Program Files\\WindowsPowerShell\\Modules"),
            ("OS", "Windows_NT"),
            ("Path", "C:\\Windows\\system32;C:\\Windows;C:\\Windows\\System32\\Wbem;C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\"),
        ] {
            interp.env.insert(k.to_ascii_lowercase(), (k.to_string(), v.to_string()));
        }
        interp.init_variables();
        interp
    }

    fn init_variables(&mut self) {
        let pref = |name: &str| Value::enum_value(ACTION_PREFERENCE.full_name, name, ACTION_PREFERENCE.parse(name).map(|(_, v)| v).unwrap_or(0));
        let pref_type = Rc::new(TypeRef::of(super::value::TypeKind::Enum(&ACTION_PREFERENCE)));
        for (name, value) in [
            ("ErrorActionPreference", "Continue"),
            ("WarningPreference", "Continue"),
            ("VerbosePreference", "SilentlyContinue"),
            ("DebugPreference", "SilentlyContinue"),
            ("InformationPreference", "SilentlyContinue"),
            ("ProgressPreference", "Continue"),
        ] {
            self.define_global(name, pref(value), Some(pref_type.clone()));
        }
        let confirm_type = Rc::new(TypeRef::of(super::value::TypeKind::Enum(&types::CONFIRM_IMPACT)));
        self.define_global("ConfirmPreference", Value::enum_value(types::CONFIRM_IMPACT.full_name, "High", 3), Some(confirm_type));
        self.define_global("WhatIfPreference", Value::Bool(false), None);
        self.define_global("Error", Value::Array(self.errors.clone()), None);
        self.define_global("FormatEnumerationLimit", Value::Int(4), None);
        self.define_global("OFS", Value::Null, None);
        self.define_global("LASTEXITCODE", Value::Null, None);
        self.define_global("MaximumHistoryCount", Value::Int(4096), None);
        // The binder reads it for every cmdlet and advanced function (binder/defaults.rs).
        self.define_global("PSDefaultParameterValues", Value::hashtable(Hashtable::new(false)), None);
        self.define_global("PSEdition", Value::str("Desktop"), None);
        self.define_global("HOME", Value::str("C:\\Users\\admin"), None);
        self.define_global("PWD", Value::str("C:\\Users\\admin"), None);
        self.define_global("PID", Value::Int(4242), None);
        self.define_global("ShellId", Value::str("Microsoft.PowerShell"), None);
        // The lab's culture is en-US (Get-Culture, number and date formats).
        self.define_global("PSCulture", Value::str("en-US"), None);
        self.define_global("PSUICulture", Value::str("en-US"), None);
        let mut ver = Hashtable::new(false);
        ver.insert(Value::str("PSVersion"), version_object(5, 1, 14393, 206));
        ver.insert(Value::str("PSEdition"), Value::str("Desktop"));
        let compatible = [(1, 0, -1, -1), (2, 0, -1, -1), (3, 0, -1, -1), (4, 0, -1, -1), (5, 0, -1, -1), (5, 1, 14393, 206)];
        let compatible: Vec<Value> = compatible.iter().map(|&(a, b, c, d)| version_object(a, b, c, d)).collect();
        ver.insert(Value::str("PSCompatibleVersions"), Value::array(compatible));
        for (k, (a, b, c, d)) in [
            ("BuildVersion", (10, 0, 14393, 206)),
            ("CLRVersion", (4, 0, 30319, 42000)),
            ("WSManStackVersion", (3, 0, -1, -1)),
            ("PSRemotingProtocolVersion", (2, 3, -1, -1)),
            ("SerializationVersion", (1, 1, 0, 1)),
        ] {
            ver.insert(Value::str(k), version_object(a, b, c, d));
        }
        self.define_global("PSVersionTable", Value::hashtable(ver), None);
        self.define_host(120);
    }

    /// `$Host` for a console `width` columns wide (the session knows its window's width).
    pub fn define_host(&mut self, width: usize) {
        let host = super::host_object::host_value(width, uuid::Uuid::nil(), version_object(5, 1, 14393, 206));
        self.define_global("Host", host, None);
    }

    fn define_global(&mut self, name: &str, value: Value, constraint: Option<Rc<TypeRef>>) {
        let key = name.to_ascii_lowercase();
        let options = super::variables::PROTECTED.iter().find(|(n, _)| *n == key).map(|(_, o)| *o).unwrap_or_default();
        self.global.borrow_mut().vars.insert(key, Variable { value, constraint, options });
    }

    pub fn new_pipeline_id(&mut self) -> u64 {
        self.next_pipeline += 1;
        self.next_pipeline
    }

    // ---------------------------------------------------------------- extensions

    pub fn add_extension<T: Any>(&mut self, ext: T) {
        self.services.add(ext);
    }

    pub fn extension<T: Any>(&self) -> Option<&T> {
        self.services.get::<T>()
    }

    // ---------------------------------------------------------------- variables

    pub fn new_scope(&self, parent: &ScopeRef, is_script: bool) -> ScopeRef {
        Rc::new(RefCell::new(Scope { parent: Some(parent.clone()), is_script, ..Default::default() }))
    }

    pub(super) fn scope_for(&self, scope: Option<&str>) -> ScopeRef {
        match scope {
            Some("global") => self.global.clone(),
            Some("script") => {
                let mut s = self.current.clone();
                loop {
                    if s.borrow().is_script {
                        return s;
                    }
                    let parent = s.borrow().parent.clone();
                    match parent {
                        Some(p) => s = p,
                        None => return s,
                    }
                }
            }
            _ => self.current.clone(),
        }
    }

    /// Runs `f` on the variable `key` (lower-cased) as scoping finds it.
    pub(super) fn with_variable<R>(&self, key: &str, scope: Option<&str>, f: impl FnOnce(&ScopeRef, &Variable) -> R) -> Option<R> {
        let start = self.scope_for(scope);
        if matches!(scope, Some("local") | Some("private")) {
            let found = start.borrow().vars.get(key).map(|v| f(&start, v));
            return found;
        }
        let mut s = start.clone();
        loop {
            let next = {
                let sc = s.borrow();
                // A Private variable is seen only from the scope that defines it.
                if let Some(v) = sc.vars.get(key).filter(|v| !v.options.private || Rc::ptr_eq(&s, &start)) {
                    return Some(f(&s, v));
                }
                sc.parent.clone()
            };
            s = next?;
        }
    }

    pub fn get_var(&self, name: &str, scope: Option<&str>) -> Option<Value> {
        self.get_var_key(&name.to_ascii_lowercase(), scope)
    }

    /// `get_var` with the lower-cased name the parser already computed.
    pub fn get_var_key(&self, key: &str, scope: Option<&str>) -> Option<Value> {
        match key {
            "true" => return Some(Value::Bool(true)),
            "false" => return Some(Value::Bool(false)),
            "null" => return Some(Value::Null),
            "?" => return Some(Value::Bool(self.last_success)),
            "psitem" => return self.with_variable("_", scope, |_, v| v.value.clone()),
            // Lexical, as in 5.1: the file whose text is running (a function keeps the file it
            // was defined in), else the -File script.
            "pscommandpath" => return Some(self.running_script().map(Value::from).unwrap_or(Value::str(""))),
            "psscriptroot" => return Some(Value::str(self.running_script().as_deref().map(super::script_file::folder_of).unwrap_or_default())),
            _ => {}
        }
        self.with_variable(key, scope, |_, v| v.value.clone())
    }

    /// Assigns a variable, converting to its type constraint when it has one.
    pub fn set_var(&mut self, name: &str, scope: Option<&str>, value: Value) -> EvalResult<()> {
        self.set_var_spelled(name, &name.to_ascii_lowercase(), scope, value)
    }

    /// `set_var` with the lower-cased name.
    pub fn set_var_key(&mut self, key: &str, scope: Option<&str>, value: Value) -> EvalResult<()> {
        self.set_var_spelled(key, key, scope, value)
    }

    /// `set_var_key` that keeps `name`'s spelling when it makes the variable.
    pub fn set_var_spelled(&mut self, name: &str, key: &str, scope: Option<&str>, value: Value) -> EvalResult<()> {
        if matches!(key, "true" | "false" | "null" | "?") {
            if key == "null" {
                return Ok(());
            }
            return Err(super::variables::not_writable(key));
        }
        let mut target = self.scope_for(scope);
        // The common case first, with one lookup: the variable is already in the target scope
        // and holds no class constraint (whose conversion may run the class's code).
        {
            let mut sc = target.borrow_mut();
            if let Some(existing) = sc.vars.get_mut(key).filter(|v| v.constraint.as_ref().is_none_or(|t| t.class.is_none())) {
                if existing.options.read_only || existing.options.constant {
                    return Err(super::variables::not_writable(key));
                }
                existing.value = match &existing.constraint {
                    Some(t) => super::convert::convert(&value, t).map_err(|m| Flow::error(argument_transformation_error(m)))?,
                    None => value,
                };
                return Ok(());
            }
        }
        // An AllScope variable of an outer scope is the one assigned, not a new local one.
        if scope.is_none() && !target.borrow().vars.contains_key(key) {
            if let Some(outer) = self.with_variable(key, None, |s, v| v.options.all_scope.then(|| s.clone())).flatten() {
                target = outer;
            }
        }
        // A class constraint converts through the interpreter (its constructors may run), so
        // the value is converted before the scope is borrowed.
        let class_constraint = target.borrow().vars.get(key).and_then(|v| v.constraint.clone()).filter(|t| t.class.is_some());
        let value = match class_constraint {
            Some(t) => self.convert_to(&value, &t, crate::lang::ast::Span::default())?,
            None => value,
        };
        let mut sc = target.borrow_mut();
        // Assignment without a scope writes to the current scope, but keeps a
        // constraint declared there.
        match sc.vars.get_mut(key) {
            Some(existing) if existing.options.read_only || existing.options.constant => return Err(super::variables::not_writable(key)),
            Some(existing) => {
                existing.value = match &existing.constraint {
                    Some(t) => super::convert::convert(&value, t).map_err(|m| Flow::error(argument_transformation_error(m)))?,
                    None => value,
                };
            }
            None => {
                let options = VarOptions { private: scope == Some("private"), ..Default::default() };
                sc.vars.insert(key.to_string(), Variable { value, constraint: None, options });
                sc.spell(name, key);
            }
        }
        Ok(())
    }

    /// Declares a variable with a type constraint (`[int]$x = ...`).
    pub fn set_typed_var(&mut self, name: &str, scope: Option<&str>, value: Value, ty: Rc<TypeRef>) -> EvalResult<()> {
        let converted = if ty.class.is_some() {
            self.convert_to(&value, &ty, crate::lang::ast::Span::default())?
        } else {
            super::convert::convert(&value, &ty).map_err(|m| Flow::error(argument_transformation_error(m)))?
        };
        let target = self.scope_for(scope);
        let key = name.to_ascii_lowercase();
        let mut sc = target.borrow_mut();
        sc.spell(name, &key);
        sc.vars.insert(key, Variable { value: converted, constraint: Some(ty), options: Default::default() });
        Ok(())
    }

    pub fn set_local(&mut self, name: &str, value: Value) {
        self.current.borrow_mut().vars.insert(name.to_ascii_lowercase(), Variable { value, constraint: None, options: Default::default() });
    }

    pub fn remove_var(&mut self, name: &str) -> bool {
        let key = name.to_ascii_lowercase();
        match self.with_variable(&key, None, |scope, _| scope.clone()) {
            Some(scope) => scope.borrow_mut().vars.remove(&key).is_some(),
            None => false,
        }
    }

    /// Variables visible from the current scope, innermost definition winning.
    pub fn visible_variables(&self) -> Vec<(String, Value)> {
        let mut seen = HashMap::new();
        let mut scope = Some(self.current.clone());
        while let Some(s) = scope {
            let sc = s.borrow();
            for (k, v) in sc.vars.iter() {
                seen.entry(k.clone()).or_insert_with(|| (sc.spelling(k).to_string(), v.value.clone()));
            }
            drop(sc);
            scope = s.borrow().parent.clone();
        }
        let mut out: Vec<(String, (String, Value))> = seen.into_iter().collect();
        for (name, value) in [("true", Value::Bool(true)), ("false", Value::Bool(false)), ("null", Value::Null)] {
            out.push((name.into(), (name.into(), value)));
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out.into_iter().map(|(_, spelled)| spelled).collect()
    }

    /// A preference variable's value as its member name (`Continue`, `Stop`, ...).
    pub fn preference(&self, name: &str) -> String {
        self.get_var(name, None).map(|v| v.to_display_string()).unwrap_or_else(|| "Continue".into())
    }

    // ---------------------------------------------------------------- errors

    /// Makes `$?` false and counts it (see `failures`).
    pub fn fail(&mut self) {
        self.last_success = false;
        self.failures += 1;
    }

    /// Records an error in `$Error` and sets `$?`.
    pub fn record_error(&mut self, record: &Rc<ErrorRecord>) {
        self.fail();
        let mut errs = self.errors.borrow_mut();
        errs.insert(0, Value::Error(record.clone()));
        errs.truncate(256);
        for (name, scope) in &self.error_variables {
            let key = name.to_ascii_lowercase();
            let mut scope = scope.borrow_mut();
            let mut items = scope.vars.get(&key).map(|v| v.value.enumerate()).unwrap_or_default();
            items.push(Value::Error(record.clone()));
            scope.vars.insert(key, Variable { value: Value::array(items), constraint: None, options: Default::default() });
        }
    }

    /// Reports an error that ended a statement: shown unless the preference hides it.
    pub fn report_error(&mut self, record: Rc<ErrorRecord>) {
        self.record_error(&record);
        if self.preference_shows_errors() {
            self.host.write_error(&record);
        }
    }

    /// `$Error` is an ArrayList, newest first: `Clear()`, `RemoveAt(i)`, `Remove(x)`, `Insert(i, x)`
    /// and `Add(x)` change the one list every error is recorded in. `None` for any other value.
    pub fn error_list_method(&mut self, target: &Value, method: &str, args: &[Value], span: Span) -> EvalResult<Option<Value>> {
        let Value::Array(list) = target else { return Ok(None) };
        if !Rc::ptr_eq(list, &self.errors) {
            return Ok(None);
        }
        let index = |i: usize| args.get(i).and_then(super::convert::to_num).map(|n| n.as_f64() as i64);
        let mut errs = self.errors.borrow_mut();
        let len = errs.len() as i64;
        let out_of_range = |name: &str| {
            ErrorRecord::new(
                format!("Exception calling \"{name}\" with \"{}\" argument(s): \"Index was out of range. Must be non-negative and less than the size of the collection.\r\nParameter name: index\"", args.len()),
                "System.Management.Automation.MethodInvocationException",
                ErrorCategory::NotSpecified,
                "ArgumentOutOfRangeException",
            )
        };
        let r = match (method, args) {
            ("clear", []) => {
                errs.clear();
                Value::Null
            }
            ("removeat", [_]) => match index(0) {
                Some(i) if (0..len).contains(&i) => {
                    errs.remove(i as usize);
                    Value::Null
                }
                _ => {
                    drop(errs);
                    return Err(self.located(out_of_range("RemoveAt"), span));
                }
            },
            ("remove", [x]) => {
                if let Some(i) = errs.iter().position(|e| e.same_reference(x)) {
                    errs.remove(i);
                }
                Value::Null
            }
            ("insert", [_, x]) => match index(0) {
                Some(i) if (0..=len).contains(&i) => {
                    errs.insert(i as usize, x.clone());
                    Value::Null
                }
                _ => {
                    drop(errs);
                    return Err(self.located(out_of_range("Insert"), span));
                }
            },
            ("add", [x]) => {
                errs.push(x.clone());
                Value::Int(len as i32)
            }
            _ => return Ok(None),
        };
        Ok(Some(r))
    }

    /// Whether `$ErrorActionPreference` lets an error that ended a statement be shown.
    pub fn preference_shows_errors(&self) -> bool {
        let pref = self.preference("ErrorActionPreference");
        !pref.eq_ignore_ascii_case("SilentlyContinue") && !pref.eq_ignore_ascii_case("Ignore")
    }

    /// Called at every statement, loop turn and pipeline item: Ctrl-C, or the step budget
    /// running out, stops the run.
    pub fn check_interrupt(&self) -> EvalResult<()> {
        if self.interrupt.load(Ordering::Relaxed) {
            return Err(Flow::Interrupted);
        }
        if let Some(left) = self.step_budget.get() {
            if left == 0 {
                return Err(Flow::Interrupted);
            }
            self.step_budget.set(Some(left - 1));
        }
        Ok(())
    }

    /// The source a span belongs to: the innermost running script.
    pub fn source_of(&self, _span: Span) -> Option<Rc<Source>> {
        self.current_source.clone().or_else(|| self.top_source.clone())
    }

    /// The invocation info of the innermost running script or function.
    pub fn current_invocation(&self) -> Option<&InvocationInfo> {
        self.invocation_stack.last()
    }

    pub fn script_invocation(&self) -> InvocationInfo {
        self.invocation_stack.last().cloned().unwrap_or(InvocationInfo {
            command: None,
            command_kind: CommandKind::None,
            invocation_name: String::new(),
            position: None,
        })
    }
}
