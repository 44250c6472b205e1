//! Tab completion: command, parameter and variable names, and parameter
//! values — ValidateSet and enum members, and what the simulated world holds
//! (service keys, VNets, subscriptions, providers with their locations and
//! bandwidths). Candidates are computed from a snapshot taken before each
//! prompt, so completing never touches the world.

use std::collections::HashMap;
use std::rc::Rc;

use crate::cloud::{find_provider, SubscriptionKind, PROVIDERS};
use crate::cmdlets::core::utility::proper_case;
use crate::cmdlets::world::WorldHandle;
use crate::engine::binder;
use crate::engine::command::{CommandInfo, ParamSpec};
use crate::engine::value::TypeKind;
use crate::engine::Interp;

/// What the world holds for the selected subscription.
#[derive(Default, Clone)]
pub struct WorldSnapshot {
    pub subscription: Option<String>,
    pub subscriptions: Vec<String>,
    pub service_keys: Vec<String>,
    pub vnets: Vec<String>,
}

impl WorldSnapshot {
    /// Reads the world without counting as a read of any circuit (list_circuits
    /// would advance a provider under the Auto policy).
    pub fn take(world: &WorldHandle) -> WorldSnapshot {
        world
            .read(|w| {
                let selected = w.selected_subscription();
                let provider = selected.and_then(|s| match &s.kind {
                    SubscriptionKind::Provider { provider } => Some(provider.clone()),
                    SubscriptionKind::Customer => None,
                });
                let id = selected.map(|s| s.id);
                let service_keys = w
                    .circuits
                    .values()
                    .filter(|c| Some(&c.subscription) == id.as_ref() || provider.as_ref().is_some_and(|p| p.eq_ignore_ascii_case(&c.provider)))
                    .map(|c| c.service_key.to_string())
                    .collect();
                let vnets = w.vnets.iter().filter(|v| Some(&v.subscription) == id.as_ref()).map(|v| v.config.name.clone()).collect();
                WorldSnapshot {
                    subscription: selected.map(|s| s.name.clone()),
                    subscriptions: w.subscriptions().iter().map(|s| s.name.clone()).collect(),
                    service_keys,
                    vnets,
                }
            })
            .unwrap_or_default()
    }
}

#[derive(Default)]
pub struct Completion {
    pub commands: Vec<String>,
    /// Commands by lower-case name and alias.
    pub infos: HashMap<String, Rc<CommandInfo>>,
    pub variables: Vec<String>,
    pub world: WorldSnapshot,
}

impl Completion {
    pub fn refresh(&mut self, interp: &Interp, world: WorldSnapshot) {
        self.commands.clear();
        self.infos.clear();
        for info in interp.all_commands() {
            self.commands.push(info.name.clone());
            self.infos.insert(info.name.to_ascii_lowercase(), info);
        }
        for (alias, target) in &interp.aliases {
            if let Some(info) = self.infos.get(&target.to_ascii_lowercase()).cloned() {
                self.infos.insert(alias.clone(), info);
            }
        }
        // Names are stored lower-cased; offer the automatic ones in their usual casing.
        self.variables = interp.visible_variables().into_iter().map(|(n, _)| proper_case(&n)).collect();
        self.world = world;
    }

    /// Candidates for the word that ends at `pos`: (start of the word, replacements).
    pub fn candidates(&self, line: &str, pos: usize) -> (usize, Vec<String>) {
        let before = &line[..pos];
        let start = word_start(before);
        let word = &before[start..];
        let lower = word.to_ascii_lowercase();
        let element = current_element(&before[..start]);
        let info = element.first().and_then(|c| self.infos.get(&c.to_ascii_lowercase()));
        if let Some(var) = lower.strip_prefix('$') {
            return (start, self.variables.iter().filter(|v| v.to_ascii_lowercase().starts_with(var)).map(|v| format!("${v}")).collect());
        }
        if let Some(param) = lower.strip_prefix('-') {
            let mut names: Vec<String> = info.map(|i| i.params.iter().map(|p| p.name.clone()).collect()).unwrap_or_default();
            if info.is_some_and(|i| i.common_params) {
                names.extend(binder::common_parameter_names().into_iter().map(String::from));
            }
            return (start, names.into_iter().filter(|p| p.to_ascii_lowercase().starts_with(param)).map(|p| format!("-{p}")).collect());
        }
        if element.is_empty() {
            return (start, self.commands.iter().filter(|c| c.to_ascii_lowercase().starts_with(&lower)).cloned().collect());
        }
        let Some(info) = info else { return (start, Vec::new()) };
        let Some(spec) = element.last().and_then(|t| t.strip_prefix('-')).and_then(|name| info.params.iter().find(|p| p.matches_name(name))) else {
            return (start, Vec::new());
        };
        let prefix = lower.trim_start_matches(['\'', '"']);
        let values = self.values(spec, &element);
        (start, values.into_iter().filter(|v| v.to_ascii_lowercase().starts_with(prefix)).map(|v| quote(&v)).collect())
    }

    /// The values a parameter can take, as far as the metadata and the world tell.
    fn values(&self, spec: &ParamSpec, element: &[String]) -> Vec<String> {
        if spec.is_switch() {
            return Vec::new();
        }
        if let Some(set) = &spec.validate_set {
            return set.clone();
        }
        if let TypeKind::Enum(def) = spec.ty.kind {
            return def.members.iter().map(|(n, _)| n.to_string()).collect();
        }
        let provider = argument(element, "ServiceProviderName").and_then(|p| find_provider(&p));
        match spec.name.to_ascii_lowercase().as_str() {
            "servicekey" => self.world.service_keys.clone(),
            "vnetname" => self.world.vnets.clone(),
            "subscriptionname" => self.world.subscriptions.clone(),
            "serviceprovidername" => PROVIDERS.iter().map(|p| p.name.to_string()).collect(),
            "location" => {
                let mut all: Vec<String> = provider
                    .map(|p| vec![p])
                    .unwrap_or_else(|| PROVIDERS.iter().collect())
                    .iter()
                    .flat_map(|p| p.locations.split(','))
                    .map(String::from)
                    .collect();
                all.sort();
                all.dedup();
                all
            }
            "bandwidth" => {
                let mut all: Vec<u32> = provider
                    .map(|p| vec![p])
                    .unwrap_or_else(|| PROVIDERS.iter().collect())
                    .iter()
                    .flat_map(|p| p.bandwidths.iter().map(|b| b.bandwidth))
                    .collect();
                all.sort();
                all.dedup();
                all.iter().map(u32::to_string).collect()
            }
            _ => Vec::new(),
        }
    }
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
                if !current.is_empty() {
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

/// The value given to `-name` earlier in the element, unquoted.
fn argument(element: &[String], name: &str) -> Option<String> {
    let i = element.iter().position(|t| t.strip_prefix('-').is_some_and(|n| n.eq_ignore_ascii_case(name)))?;
    element.get(i + 1).map(|v| v.trim_matches(['\'', '"']).to_string())
}

/// A value as it must be typed: quoted when it holds spaces or characters PowerShell would parse.
fn quote(value: &str) -> String {
    if value.chars().any(|c| c.is_whitespace() || "&|;,(){}$'\"`#@<>".contains(c)) {
        format!("'{}'", value.replace('\'', "''"))
    } else {
        value.to_string()
    }
}
