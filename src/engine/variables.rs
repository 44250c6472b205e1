//! What the variable cmdlets need of scopes: a scope by name or number (`-Scope 1` is the
//! parent), the options of 5.1's variables (ReadOnly, Constant, Private, AllScope) and the
//! errors their misuse gives.

use std::rc::Rc;

use super::error::{ErrorCategory, ErrorRecord, EvalResult, Flow};
use super::runtime::{Interp, ScopeRef, VarOptions, Variable};
use super::value::Value;

/// The automatic variables 5.1 protects: Constant ones never change, ReadOnly ones only with
/// `Set-Variable -Force`.
pub(super) const PROTECTED: &[(&str, VarOptions)] = &[
    ("pid", VarOptions { constant: true, all_scope: true, read_only: false, private: false }),
    ("shellid", VarOptions { constant: true, all_scope: true, read_only: false, private: false }),
    ("error", VarOptions { constant: true, read_only: false, private: false, all_scope: false }),
    ("home", VarOptions { read_only: true, all_scope: true, constant: false, private: false }),
    ("host", VarOptions { read_only: true, all_scope: true, constant: false, private: false }),
    ("psversiontable", VarOptions { read_only: true, all_scope: false, constant: false, private: false }),
];

/// The same error naming the variable as the script wrote it (`$Limit`, not the stored `limit`).
pub(super) fn renamed_not_writable(flow: Flow, written: &str) -> Flow {
    match flow {
        Flow::Error(rec) if rec.fqid == "VariableNotWritable" => not_writable(written),
        other => other,
    }
}

/// SessionStateUnauthorizedAccessException for assigning a ReadOnly or Constant variable.
pub(super) fn not_writable(name: &str) -> Flow {
    Flow::error(
        ErrorRecord::new(
            format!("Cannot overwrite variable {name} because it is read-only or constant."),
            "System.Management.Automation.SessionStateUnauthorizedAccessException",
            ErrorCategory::WriteError,
            "VariableNotWritable",
        )
        .with_target(&Value::str(name)),
    )
}

impl Interp {
    /// A script's `#requires` against this session: PowerShell 5.1, the modules loaded, an
    /// administrator (the lab user is one). 5.1's ScriptRequiresException otherwise, before
    /// anything runs.
    pub(super) fn check_requirements(&self, src: &crate::lang::ast::Source) -> EvalResult<()> {
        let r = crate::lang::requires::requirements(&src.text);
        let script = src.path.as_deref().map(|p| p.rsplit(['/', '\\']).next().unwrap_or(p).to_string()).unwrap_or_default();
        let fail = |message: String, id: &str| {
            let mut rec = ErrorRecord::new(message, "System.Management.Automation.ScriptRequiresException", ErrorCategory::ResourceUnavailable, id)
                .with_target(&Value::str(&script));
            rec.terminates_script = true;
            Flow::error(rec)
        };
        if let Some((major, minor)) = r.version {
            if (major, minor) > (5, 1) {
                return Err(fail(
                    format!("The script '{script}' cannot be run because it contained a \"#requires\" statement for Windows PowerShell {major}.{minor}. The version of Windows PowerShell that is required by the script does not match the currently running version of Windows PowerShell 5.1.14393.206."),
                    "ScriptRequiresUnmatchedPSVersion",
                ));
            }
        }
        let missing: Vec<&str> = r.modules.iter().filter(|m| !self.modules.iter().any(|l| l.name.eq_ignore_ascii_case(m))).map(String::as_str).collect();
        if !missing.is_empty() {
            return Err(fail(
                format!("The script '{script}' cannot be run because the following modules that are specified by the \"#requires\" statements of the script are missing: {}.", missing.join(", ")),
                "ScriptRequiresMissingModules",
            ));
        }
        Ok(())
    }

    /// `-Scope Global|Script|Local|N` (N scopes up from the current one).
    pub fn scope_named(&self, scope: &str) -> Result<ScopeRef, ErrorRecord> {
        let lower = scope.trim().to_ascii_lowercase();
        if let Ok(n) = lower.parse::<usize>() {
            let mut s = self.current.clone();
            for _ in 0..n {
                let parent = s.borrow().parent.clone();
                match parent {
                    Some(p) => s = p,
                    None => {
                        return Err(ErrorRecord::new(
                            format!("The scope number '{n}' exceeds the number of active scopes.\r\nParameter name: Scope\r\nActual value was {n}."),
                            "System.Management.Automation.PSArgumentOutOfRangeException",
                            ErrorCategory::InvalidArgument,
                            "ArgumentOutOfRange",
                        ))
                    }
                }
            }
            return Ok(s);
        }
        if let Some(n) = lower.strip_prefix('-').filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) {
            // SessionState.GetScopeByID: a negative number is out of range, named by its parameter.
            return Err(ErrorRecord::new(
                format!("Cannot process argument because the value of argument \"scopeID\" is out of range. Change argument \"scopeID\" to a value that is within range.\r\nParameter name: scopeID\r\nActual value was -{n}."),
                "System.Management.Automation.PSArgumentOutOfRangeException",
                ErrorCategory::InvalidArgument,
                "ArgumentOutOfRange",
            ));
        }
        match lower.as_str() {
            "global" => Ok(self.global.clone()),
            "local" | "private" => Ok(self.current.clone()),
            "script" => Ok(self.scope_for(Some("script"))),
            _ => Err(ErrorRecord::new(
                format!("The scope \"{scope}\" is not recognized. Specify a valid scope name (Global, Local, Script, or a number) and try again."),
                "System.ArgumentException",
                ErrorCategory::InvalidArgument,
                "Argument",
            )),
        }
    }

    /// Sets a variable in `scope` with `options` as Set-Variable/New-Variable do: a ReadOnly
    /// one changes only with `force`, a Constant one never.
    pub fn set_variable_in(&mut self, scope: &ScopeRef, name: &str, value: Value, options: Option<VarOptions>, force: bool) -> EvalResult<()> {
        let key = name.to_ascii_lowercase();
        let mut sc = scope.borrow_mut();
        if let Some(existing) = sc.vars.get_mut(&key) {
            if existing.options.constant || (existing.options.read_only && !force) {
                return Err(not_writable(name));
            }
            existing.value = value;
            if let Some(o) = options {
                existing.options = o;
            }
            return Ok(());
        }
        sc.spell(name, &key);
        sc.vars.insert(key, Variable { value, constraint: None, options: options.unwrap_or_default() });
        Ok(())
    }

    /// Remove-Variable in `scope`: a Constant variable stays, a ReadOnly one goes only with `force`.
    /// `Ok(false)` when the scope has no such variable.
    pub fn remove_variable_in(&mut self, scope: &ScopeRef, name: &str, force: bool) -> EvalResult<bool> {
        let key = name.to_ascii_lowercase();
        let mut sc = scope.borrow_mut();
        let Some(existing) = sc.vars.get(&key) else { return Ok(false) };
        if existing.options.constant || (existing.options.read_only && !force) {
            return Err(Flow::error(
                ErrorRecord::new(
                    format!("Cannot remove variable {name} because it is constant or read-only. If the variable is read-only, try the operation again specifying the Force option."),
                    "System.Management.Automation.SessionStateUnauthorizedAccessException",
                    ErrorCategory::WriteError,
                    "VariableNotRemovable",
                )
                .with_target(&Value::str(name)),
            ));
        }
        sc.vars.remove(&key);
        Ok(true)
    }

    /// The scope whose variable `name` is, as lookup from the current scope finds it.
    pub fn scope_defining(&self, name: &str) -> Option<ScopeRef> {
        self.with_variable(&name.to_ascii_lowercase(), None, |s, _| s.clone())
    }

    /// The variables of one scope, or (`None`) every variable visible from the current scope,
    /// with their stored (lower-cased) names.
    pub fn variables_of(&self, scope: Option<&ScopeRef>) -> Vec<(String, Value)> {
        match scope {
            Some(s) => {
                let sc = s.borrow();
                sc.vars.iter().map(|(k, v)| (sc.spelling(k).to_string(), v.value.clone())).collect()
            }
            None => self.visible_variables(),
        }
    }
}

impl Interp {
    /// `$list += x` on an array variable that nothing else holds: the elements are added to it
    /// where it is, rather than copied into a new array at every turn of a loop (which made
    /// building a list quadratic). Nothing can tell the difference: no other value holds the
    /// array. `$s += x` on a string appends x's text, in place when nothing else holds the
    /// string ([`Text::push_str`](super::text::Text::push_str)). `false` when this case does not
    /// apply (the array is shared, the variable typed, not in the scope the assignment writes
    /// to, the result would be over the cap), and the assignment takes the general way.
    pub(super) fn append_in_place(&mut self, key: &str, scope: Option<&str>, value: &Value) -> bool {
        if !matches!(scope, None | Some("local" | "script" | "global")) {
            return false;
        }
        let target = self.scope_for(scope);
        let mut sc = target.borrow_mut();
        let Some(var) = sc.vars.get_mut(key) else { return false };
        if var.constraint.is_some() || var.options.read_only || var.options.constant {
            return false;
        }
        if let Value::Str(text) = &mut var.value {
            let tail = super::convert::to_string(value);
            if super::limits::check_string(text.len() + tail.len()).is_err() {
                return false;
            }
            // In place when nothing else holds the text; a copy holding it keeps its own.
            text.push_str(&tail);
            return true;
        }
        let Value::Array(items) = &mut var.value else { return false };
        let Some(items) = Rc::get_mut(items) else { return false };
        let items = items.get_mut();
        let added = value.enumerate();
        if super::limits::check_elements(items.len() + added.len()).is_err() {
            return false;
        }
        items.extend(added);
        // `@(1) + $null` has two elements, as in ops::add.
        if value.is_null() {
            items.push(Value::Null);
        }
        true
    }
}
