//! Tab completion: command, parameter and variable names, the members of a variable's
//! value, and parameter values, named or positional. A value comes from the parameter's
//! own declaration (its ValidateSet, its enumeration, or the completer its module
//! attached), the same metadata that binding and help read; the host knows nothing of
//! what the values mean.

use std::collections::HashMap;
use std::rc::Rc;

use crate::cmdlets::core::utility::{members_of, parameter_names, proper_case};
use crate::cmdlets::core::CommandNames;
use crate::engine::command::{CommandInfo, CompletionContext, CompletionResult, ParamSpec};
use crate::engine::services::Services;
use crate::engine::Interp;

#[derive(Default)]
pub struct Completion {
    pub commands: Vec<String>,
    /// Commands by lower-case name and alias.
    pub infos: HashMap<String, Rc<CommandInfo>>,
    pub variables: Vec<String>,
    /// The members of each variable's value (by lower-case variable name), as 5.1 completes
    /// them: a property by its name, a method with its opening parenthesis.
    pub members: HashMap<String, Vec<String>>,
    /// Variable names as they were first typed at this prompt, by lower-case name: the
    /// session keys its variables by lower-case name, and 5.1 offers a variable in the case
    /// it was created with.
    typed_names: HashMap<String, String>,
    /// The session's services, for the completers (they reach the world through them), with
    /// the session's command names added.
    pub services: Services,
}

impl Completion {
    pub fn refresh(&mut self, interp: &Interp) {
        self.commands.clear();
        self.infos.clear();
        for info in interp.all_commands() {
            self.commands.push(info.name.clone());
            self.infos.insert(info.name.to_ascii_lowercase(), info);
        }
        for (alias, target) in interp.aliases.iter() {
            if let Some(info) = self.infos.get(&target.to_ascii_lowercase()).cloned() {
                self.infos.insert(alias.to_ascii_lowercase(), info);
            }
        }
        self.variables.clear();
        self.members.clear();
        for (name, value) in interp.visible_variables() {
            if !value.is_null() {
                let members = members_of(&value, interp).into_iter().map(|m| if m.kind == "Method" { format!("{}(", m.name) } else { m.name });
                self.members.insert(name.clone(), members.collect());
            }
            // The automatic ones in their usual casing, the user's as they were typed.
            self.variables.push(self.typed_names.get(&name).cloned().unwrap_or_else(|| proper_case(&name)));
        }
        self.services = interp.services.clone();
        self.services.add(CommandNames(self.commands.clone()));
    }

    /// Notes the case of each `$name` in an accepted line, the first spelling kept.
    pub fn remember_names(&mut self, line: &str) {
        let mut rest = line;
        while let Some(at) = rest.find('$') {
            rest = &rest[at + 1..];
            let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).unwrap_or(rest.len());
            let name = rest[..end].rsplit(':').next().unwrap_or_default();
            if !name.is_empty() {
                self.typed_names.entry(name.to_ascii_lowercase()).or_insert_with(|| name.to_string());
            }
            rest = &rest[end..];
        }
    }

    /// The members of `$var.` matching what follows the dot: (start of the member, members).
    fn member_candidates(&self, start: usize, var: &str) -> Option<(usize, Vec<CompletionResult>)> {
        let dot = var.rfind('.')?;
        let (name, typed) = (&var[..dot], var[dot + 1..].to_ascii_lowercase());
        let members = self.members.get(&name.to_ascii_lowercase())?;
        let matching = members.iter().filter(|m| m.to_ascii_lowercase().starts_with(&typed)).map(CompletionResult::new).collect();
        Some((start + 1 + dot + 1, matching))
    }

    /// Candidates for the word that ends at `pos`: (start of the word, candidates).
    pub fn candidates(&self, line: &str, pos: usize) -> (usize, Vec<CompletionResult>) {
        let before = &line[..pos];
        let start = word_start(before);
        let word = &before[start..];
        let lower = word.to_ascii_lowercase();
        let element = current_element(&before[..start]);
        let info = element.first().and_then(|c| self.infos.get(&c.to_ascii_lowercase()));
        let starting = |names: Vec<String>, prefix: &str, sigil: &str| -> Vec<CompletionResult> {
            names.into_iter().filter(|n| n.to_ascii_lowercase().starts_with(prefix)).map(|n| CompletionResult::new(format!("{sigil}{n}"))).collect()
        };
        if let Some(var) = word.strip_prefix('$') {
            if let Some(members) = self.member_candidates(start, var) {
                return members;
            }
            return (start, starting(self.variables.clone(), &var.to_ascii_lowercase(), "$"));
        }
        if let Some(param) = lower.strip_prefix('-') {
            return (start, starting(info.map(|i| parameter_names(i)).unwrap_or_default(), param, "-"));
        }
        if element.is_empty() {
            return (start, starting(self.commands.clone(), &lower, ""));
        }
        let Some(info) = info else { return (start, Vec::new()) };
        let named = element.last().and_then(|t| t.strip_prefix('-')).and_then(|name| parameter(info, name)).filter(|p| !p.is_switch());
        let Some(spec) = named.or_else(|| positional(info, &element)) else {
            return (start, Vec::new());
        };
        let prefix = lower.trim_start_matches(['\'', '"']);
        let arguments = typed_arguments(info, &element);
        let cx = CompletionContext { services: &self.services, arguments: &arguments };
        let values = spec.completions(&cx).into_iter().filter(|v| v.text.to_ascii_lowercase().starts_with(prefix));
        (start, values.map(|v| CompletionResult { text: quote(&v.text), list_text: v.list_text }).collect())
    }
}

/// The parameter a typed name stands for: its name or alias, or a prefix only it has.
fn parameter<'a>(info: &'a CommandInfo, typed: &str) -> Option<&'a ParamSpec> {
    if let Some(p) = info.params.iter().find(|p| p.matches_name(typed)) {
        return Some(p);
    }
    let lower = typed.to_ascii_lowercase();
    let mut prefixed = info.params.iter().filter(|p| p.name.to_ascii_lowercase().starts_with(&lower));
    match (prefixed.next(), prefixed.next()) {
        (Some(p), None) => Some(p),
        _ => None,
    }
}

/// The parameter the next positional argument binds to: the unbound positional
/// parameters in order of position, counting the positional arguments already typed.
fn positional<'a>(info: &'a CommandInfo, element: &[String]) -> Option<&'a ParamSpec> {
    let mut named = Vec::new();
    let mut count = 0;
    let mut tokens = element.iter().skip(1);
    while let Some(token) = tokens.next() {
        match token.strip_prefix('-').and_then(|name| parameter(info, name)) {
            Some(p) => {
                named.push(p.name.as_str());
                if !p.is_switch() {
                    tokens.next();
                }
            }
            None => count += 1,
        }
    }
    let mut free: Vec<&ParamSpec> = info.params.iter().filter(|p| p.position.is_some() && !named.contains(&p.name.as_str())).collect();
    free.sort_by_key(|p| p.position);
    free.dedup_by_key(|p| p.position);
    free.into_iter().nth(count)
}

/// The `-Name value` pairs of the element so far, by the parameter's declared name.
fn typed_arguments(info: &CommandInfo, element: &[String]) -> Vec<(String, String)> {
    element
        .windows(2)
        .filter_map(|pair| {
            let spec = parameter(info, pair[0].strip_prefix('-')?)?;
            (!pair[1].starts_with('-')).then(|| (spec.name.clone(), pair[1].trim_matches(['\'', '"']).to_string()))
        })
        .collect()
}

/// Where the word being completed begins.
fn word_start(before: &str) -> usize {
    let mut quote = None;
    let mut start = 0;
    for (i, c) in before.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => {
                quote = Some(c);
                if i == start {
                    continue;
                }
            }
            None if c.is_whitespace() || matches!(c, '(' | '{' | '|' | ';' | ',') => start = i + c.len_utf8(),
            None => {}
        }
    }
    start
}

/// The tokens of the pipeline element before the word: the command name, then its arguments.
fn current_element(before: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut quote = None;
    for c in before.chars() {
        match quote {
            Some(q) if c == q => {
                quote = None;
                current.push(c);
            }
            Some(_) => current.push(c),
            None if c == '\'' || c == '"' => {
                quote = Some(c);
                current.push(c);
            }
            None if matches!(c, '|' | ';' | '(' | '{') => {
                tokens.clear();
                current.clear();
            }
            None if c.is_whitespace() => {
                // `$x = Get-...`: the command starts after the assignment.
                if is_assignment(&tokens, &current) {
                    tokens.clear();
                    current.clear();
                } else if !current.is_empty() {
                    tokens.push(std::mem::take(&mut current));
                }
            }
            None => current.push(c),
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens
}

/// Whether `token` is the operator of an assignment to the variable before it.
fn is_assignment(before: &[String], token: &str) -> bool {
    let operator = ["=", "+=", "-=", "*=", "/=", "%="].contains(&token);
    operator && matches!(before, [target] if target.starts_with('$'))
}

/// A value as it must be typed: quoted when it holds spaces or characters PowerShell would parse.
fn quote(value: &str) -> String {
    if value.chars().any(|c| c.is_whitespace() || "&|;,(){}$'\"`#@<>".contains(c)) {
        format!("'{}'", value.replace('\'', "''"))
    } else {
        value.to_string()
    }
}
