//! `$PSDefaultParameterValues`, as 5.1's CmdletParameterBinderController reads it for a cmdlet
//! or an advanced function: after the named and positional arguments, a key
//! `CommandName:ParameterName` (either part a wildcard pattern, the command part also one of
//! the command's aliases, the parameter part a name or an alias) gives a value to a parameter
//! the command line left unbound, in a parameter set still possible. A script block value is
//! run and its output bound; `Disabled = $true` turns the table off; a key of another shape is
//! removed with a warning; a default that does not bind is a warning, never an error.

use std::rc::Rc;

use crate::lang::ast::Span;

use super::{convert_arg, set_common, Target};
use crate::engine::command::{Args, CommandInfo};
use crate::engine::convert::{to_bool, to_string};
use crate::engine::ctx::CommonParams;
use crate::engine::dotnet::collections::dotnet_equals;
use crate::engine::error::{EvalResult, Flow, InvocationInfo};
use crate::engine::ops::wildcard_regex;
use crate::engine::redirect::Stream;
use crate::engine::runtime::Interp;
use crate::engine::value::{PsObject, TypeKind, TypeRef, Value};

const HELP_LINK: &str = "For information about the correct format, see about_Parameters_Default_Values at https://go.microsoft.com/fwlink/?LinkId=228266.";

/// What the binder has bound so far, for the defaults to leave alone and for a script-block
/// default to read.
pub(super) struct BindingState<'s> {
    pub named: &'s [(String, Span)],
    pub positional: &'s [String],
}

fn has_wildcard(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

fn matches(pattern: &str, name: &str) -> bool {
    wildcard_regex(pattern, false).is_match(name)
}

/// 5.1's `CheckKeyIsValid`: a command name, `:`, a parameter name; either may be quoted.
fn split_key(key: &str) -> Option<(String, String)> {
    fn token(s: &str, command: bool) -> Option<(String, &str)> {
        let mut chars = s.char_indices();
        if let Some((_, q @ ('\'' | '"' | '‘' | '’' | '“' | '”'))) = chars.clone().next() {
            let single = matches!(q, '\'' | '‘' | '’');
            let body = &s[q.len_utf8()..];
            let end = body.find(|c: char| if single { matches!(c, '\'' | '‘' | '’') } else { matches!(c, '"' | '“' | '”') })?;
            let name = body[..end].trim();
            let close = body[end..].chars().next().map_or(1, char::len_utf8);
            return (!name.is_empty()).then(|| (name.to_string(), &body[end + close..]));
        }
        let end = if command { s.find(':')? } else { s.len() };
        chars.next()?;
        let name = s[..end].trim();
        (!name.is_empty()).then(|| (name.to_string(), &s[end..]))
    }
    let (command, rest) = token(key, true)?;
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let (parameter, rest) = token(rest, false)?;
    rest.is_empty().then_some((command, parameter))
}

/// The parameters a default may name: the declared ones and the common ones, by name and alias.
fn bindable<'a>(info: &'a CommandInfo) -> Vec<(String, Target<'a>)> {
    let mut out = Vec::new();
    for p in &info.params {
        out.push((p.name.clone(), Target::Declared(p)));
    }
    for c in super::commons(info) {
        out.push((c.name.to_string(), Target::Common(c)));
    }
    for p in &info.params {
        out.extend(p.aliases.iter().map(|a| (a.clone(), Target::Declared(p))));
    }
    for c in super::commons(info) {
        out.push((c.alias.to_string(), Target::Common(c)));
    }
    out
}

struct Found<'a> {
    pairs: Vec<(Target<'a>, Value)>,
    /// Parameters given different values by different keys: dropped.
    conflicting: Vec<String>,
    warnings: Vec<String>,
}

impl<'a> Found<'a> {
    fn add(&mut self, target: Target<'a>, value: Value, key_param: &str) {
        match self.pairs.iter().find(|(t, _)| t.name().eq_ignore_ascii_case(target.name())) {
            None => self.pairs.push((target, value)),
            Some((_, old)) if !dotnet_equals(old, &value) => {
                self.conflicting.push(target.name().to_string());
                self.warnings.push(format!("Multiple different default values are defined in $PSDefaultParameterValues for the parameter matching the following name or alias: {key_param}. These defaults have been ignored."));
            }
            Some(_) => {}
        }
    }
}

/// The defaults that apply to this command, in the table's order; None when the table is off.
fn find<'a>(interp: &Interp, info: &'a CommandInfo, table: &[(Value, Value)]) -> Option<(Found<'a>, Vec<Value>)> {
    let names = bindable(info);
    let aliases: Vec<String> = interp.visible_aliases().into_iter().filter(|a| a.target.eq_ignore_ascii_case(&info.name)).map(|a| a.name).collect();
    let command_matches = |pattern: &str| {
        let any_alias = aliases.iter().any(|a| matches(pattern, a));
        any_alias || if has_wildcard(pattern) { matches(pattern, &info.name) } else { pattern.eq_ignore_ascii_case(&info.name) }
    };
    let mut found = Found { pairs: Vec::new(), conflicting: Vec::new(), warnings: Vec::new() };
    let mut bad = Vec::new();
    let mut wildcard = Vec::new();
    for (key, value) in table {
        let Value::Str(text) = key else { continue };
        let trimmed = text.trim();
        let Some((command, parameter)) = split_key(trimmed) else {
            if trimmed.eq_ignore_ascii_case("Disabled") {
                if to_bool(value) {
                    return None;
                }
            } else {
                bad.push(key.clone());
            }
            continue;
        };
        if has_wildcard(trimmed) {
            wildcard.push((command, parameter, value.clone()));
            continue;
        }
        if command_matches(&command) {
            if let Some((_, t)) = names.iter().find(|(n, _)| n.eq_ignore_ascii_case(&parameter)) {
                found.add(*t, value.clone(), &parameter);
            }
        }
    }
    for (command, parameter, value) in wildcard {
        if !command_matches(&command) {
            continue;
        }
        if !has_wildcard(&parameter) {
            if let Some((_, t)) = names.iter().find(|(n, _)| n.eq_ignore_ascii_case(&parameter)) {
                found.add(*t, value, &parameter);
            }
            continue;
        }
        // As 5.1 counts them: a parameter matched by its name and by an alias counts twice.
        let hits: Vec<&Target> = names.iter().filter(|(n, _)| matches(&parameter, n)).map(|(_, t)| t).collect();
        match hits.as_slice() {
            [one] => found.add(**one, value, &parameter),
            [] => {}
            _ => found.warnings.push(format!(
                "The following name or alias defined in $PSDefaultParameterValues for this cmdlet resolves to multiple parameters: {parameter}. The default has been ignored."
            )),
        }
    }
    Some((found, bad))
}

/// The binding state a script-block default receives as `$args[0]`.
fn state_object(args: &Args, state: &BindingState, bound_defaults: &[String]) -> Value {
    let set =
        |names: Vec<String>| Value::list(TypeRef::generic(TypeKind::HashSet, vec![TypeRef::of(TypeKind::String)]), names.into_iter().map(Value::str).collect());
    let mut bound: Vec<String> = args.values.iter().map(|(n, _)| n.clone()).collect();
    bound.extend(state.named.iter().map(|(n, _)| n.clone()).filter(|n| !args.has(n)));
    let mut o = PsObject::typed("System.Management.Automation.PSObject");
    o.type_names = vec!["System.Management.Automation.PSCustomObject".into(), "System.Object".into()];
    o.add_note("BoundParameters", set(bound));
    o.add_note("BoundPositionalParameters", set(state.positional.to_vec()));
    o.add_note("BoundDefaultParameters", set(bound_defaults.to_vec()));
    Value::object(o)
}

impl Interp {
    fn binding_warning(&mut self, common: &CommonParams, text: &str) {
        let action = common.warning_action.clone().unwrap_or_else(|| self.preference("WarningPreference"));
        if !action.eq_ignore_ascii_case("SilentlyContinue") && !action.eq_ignore_ascii_case("Ignore") {
            // A warning merged into the output (`3>&1`) has no pipeline to go to while binding.
            let _ = self.write_informational(Stream::Warning, text, true);
        }
    }
}

/// Binds the defaults `$PSDefaultParameterValues` holds for this command; `args` keeps the
/// parameter set candidates the command line allows. Returns the names bound.
pub(super) fn apply(
    interp: &mut Interp,
    info: &CommandInfo,
    invocation: &InvocationInfo,
    args: &mut Args,
    common: &mut CommonParams,
    state: &BindingState,
) -> EvalResult<Vec<String>> {
    if !info.common_params {
        return Ok(Vec::new());
    }
    let Some(Value::Hashtable(table)) = interp.get_var("PSDefaultParameterValues", None) else { return Ok(Vec::new()) };
    let entries: Vec<(Value, Value)> = table.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    if entries.is_empty() {
        return Ok(Vec::new());
    }
    let Some((found, bad)) = find(interp, info, &entries) else { return Ok(Vec::new()) };
    if !bad.is_empty() {
        let keys: Vec<String> = bad.iter().map(to_string).collect();
        for k in &bad {
            table.borrow_mut().remove(k);
        }
        let text = if keys.len() > 1 {
            format!("The keys '{}' do not have valid formats. {HELP_LINK}", keys.join(", "))
        } else {
            format!("The key '{}' does not have a valid format. {HELP_LINK}", keys[0])
        };
        interp.binding_warning(common, &text);
    }
    for w in &found.warnings {
        interp.binding_warning(common, w);
    }
    let is_bound = |name: &str| args.has(name) || state.named.iter().any(|(n, _)| n.eq_ignore_ascii_case(name));
    // Only parameters of a set the command line still allows, and whose sets agree.
    let candidates: Vec<String> = info
        .set_names()
        .into_iter()
        .filter(|s| args.values.iter().all(|(n, _)| info.params.iter().find(|p| p.name.eq_ignore_ascii_case(n)).is_none_or(|p| super::in_set(p, Some(s)))))
        .collect();
    let mut possible: Option<Vec<String>> = None;
    let mut qualified = Vec::new();
    for (target, value) in found.pairs.into_iter().filter(|(t, _)| !found.conflicting.iter().any(|c| c.eq_ignore_ascii_case(t.name()))) {
        let allowed = match target {
            Target::Declared(p) if !p.sets.is_empty() => Some(candidates.iter().filter(|s| super::in_set(p, Some(s))).cloned().collect::<Vec<_>>()),
            _ => None,
        };
        if allowed.as_ref().is_some_and(Vec::is_empty) || is_bound(target.name()) {
            continue;
        }
        if let Some(allowed) = allowed {
            let narrowed: Vec<String> = match possible.take() {
                None => allowed,
                Some(prev) => prev.into_iter().filter(|s| allowed.iter().any(|t| t.eq_ignore_ascii_case(s))).collect(),
            };
            // Defaults of sets that exclude each other: 5.1 binds none of them.
            if narrowed.is_empty() {
                return Ok(Vec::new());
            }
            possible = Some(narrowed);
        }
        qualified.push((target, value));
    }
    let mut bound_defaults: Vec<String> = Vec::new();
    for (target, value) in qualified {
        let value = match &value {
            Value::ScriptBlock(sb) => {
                let arg = state_object(args, state, &bound_defaults);
                let mut results = Vec::new();
                interp.call_block(&Rc::clone(sb), vec![arg], None, &mut |_, v| {
                    results.push(v);
                    Ok(())
                })?;
                match results.len() {
                    0 => continue,
                    1 => results.pop().unwrap_or(Value::Null),
                    _ => Value::array(results),
                }
            }
            v => v.clone(),
        };
        let name = target.name().to_string();
        let result = match target {
            Target::Declared(p) => convert_arg(interp, info, invocation, p, value.clone(), Span::default()).map(|v| args.set_value(&p.name, v)),
            Target::Common(c) => set_common(common, c, &value, info, invocation, Span::default()),
        };
        match result {
            Ok(()) => bound_defaults.push(name),
            Err(Flow::Error(rec)) => {
                let shown = if value.is_null() { "null".to_string() } else { value.to_display_string() };
                interp.binding_warning(common, &format!("The binding of default value '{shown}' to parameter '{name}' failed: {}", rec.message));
            }
            Err(other) => return Err(other),
        }
    }
    Ok(bound_defaults)
}

#[cfg(test)]
mod tests {
    use super::split_key;

    #[test]
    fn keys_split_as_5_1_checks_them() {
        assert_eq!(split_key("Get-Foo:Name"), Some(("Get-Foo".into(), "Name".into())));
        assert_eq!(split_key("Get-Foo : Name"), Some(("Get-Foo".into(), "Name".into())));
        assert_eq!(split_key("'Get:Foo':Name"), Some(("Get:Foo".into(), "Name".into())));
        assert_eq!(split_key("*:Verbose"), Some(("*".into(), "Verbose".into())));
        assert_eq!(split_key("Get-Foo"), None);
        assert_eq!(split_key(":Name"), None);
        assert_eq!(split_key("Get-Foo:"), None);
        assert_eq!(split_key("'Get-Foo'x:Name"), None);
    }
}
