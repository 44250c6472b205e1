//! Completers over the simulated world, which the Azure modules attach to their
//! parameters: Tab offers what a real subscription would hold. They look at the world
//! through a read that counts as no request (see `cloud::names`).

use std::rc::Rc;

use crate::cloud::{find_provider, ServiceProvider, World, PROVIDERS, ROUTING_REGISTRIES};
use crate::cmdlets::world::WorldHandle;
use crate::engine::command::{ArgumentCompleter, CompletionContext, CompletionResult};

/// The selected subscription's view of the world, or nothing when there is no world.
fn look<R: Default>(cx: &CompletionContext<'_>, f: impl FnOnce(&World) -> R) -> R {
    cx.services.get::<WorldHandle>().and_then(|world| world.read(f).ok()).unwrap_or_default()
}

/// The providers a `-ServiceProviderName` typed earlier narrows to; all of them otherwise.
fn chosen_providers(cx: &CompletionContext<'_>) -> Vec<&'static ServiceProvider> {
    match cx.argument("ServiceProviderName").and_then(find_provider) {
        Some(p) => vec![p],
        None => PROVIDERS.iter().collect(),
    }
}

/// Service keys of the circuits the selected subscription may name (its own, and those
/// authorized to its account), listed with the circuit's name and its two states.
struct ServiceKeys;

impl ArgumentCompleter for ServiceKeys {
    fn complete(&self, cx: &CompletionContext<'_>) -> Vec<CompletionResult> {
        look(cx, |w| {
            let Some(sub) = w.selected_subscription().map(|s| s.id) else { return Vec::new() };
            w.circuit_names(&sub)
                .into_iter()
                .map(|c| CompletionResult::described(c.service_key.to_string(), format!("{} ({}, {}, {})", c.service_key, c.name, c.status, c.provider_state)))
                .collect()
        })
    }
}

/// The selected subscription's classic VNets.
struct VNetNames;

impl ArgumentCompleter for VNetNames {
    fn complete(&self, cx: &CompletionContext<'_>) -> Vec<CompletionResult> {
        look(cx, |w| {
            let Some(sub) = w.selected_subscription().map(|s| s.id) else { return Vec::new() };
            w.vnet_names(&sub).into_iter().map(CompletionResult::new).collect()
        })
    }
}

/// Every subscription of the lab's accounts.
struct SubscriptionNames;

impl ArgumentCompleter for SubscriptionNames {
    fn complete(&self, cx: &CompletionContext<'_>) -> Vec<CompletionResult> {
        look(cx, |w| w.subscriptions().iter().map(|s| CompletionResult::new(&s.name)).collect())
    }
}

/// The connectivity providers of the catalogue.
struct Providers;

impl ArgumentCompleter for Providers {
    fn complete(&self, _cx: &CompletionContext<'_>) -> Vec<CompletionResult> {
        PROVIDERS.iter().map(|p| CompletionResult::new(p.name)).collect()
    }
}

/// Peering locations of the chosen provider (of every provider before one is chosen).
struct Locations;

impl ArgumentCompleter for Locations {
    fn complete(&self, cx: &CompletionContext<'_>) -> Vec<CompletionResult> {
        let mut all: Vec<&str> = chosen_providers(cx).iter().flat_map(|p| p.locations.split(',')).collect();
        all.sort();
        all.dedup();
        all.into_iter().map(CompletionResult::new).collect()
    }
}

/// Bandwidths the chosen provider offers, in Mbps, smallest first.
struct Bandwidths;

impl ArgumentCompleter for Bandwidths {
    fn complete(&self, cx: &CompletionContext<'_>) -> Vec<CompletionResult> {
        let mut all: Vec<u32> = chosen_providers(cx).iter().flat_map(|p| p.bandwidths.iter().map(|b| b.bandwidth)).collect();
        all.sort();
        all.dedup();
        all.into_iter().map(|b| CompletionResult::new(b.to_string())).collect()
    }
}

/// The routing registries prefix validation knows. The module's parameter is a plain
/// string (no ValidateSet), so the names are offered without changing what binds.
struct RoutingRegistries;

impl ArgumentCompleter for RoutingRegistries {
    fn complete(&self, _cx: &CompletionContext<'_>) -> Vec<CompletionResult> {
        ROUTING_REGISTRIES.iter().map(|r| CompletionResult::new(*r)).collect()
    }
}

pub fn service_keys() -> Rc<dyn ArgumentCompleter> {
    Rc::new(ServiceKeys)
}
pub fn vnet_names() -> Rc<dyn ArgumentCompleter> {
    Rc::new(VNetNames)
}
pub fn subscription_names() -> Rc<dyn ArgumentCompleter> {
    Rc::new(SubscriptionNames)
}
pub fn providers() -> Rc<dyn ArgumentCompleter> {
    Rc::new(Providers)
}
pub fn locations() -> Rc<dyn ArgumentCompleter> {
    Rc::new(Locations)
}
pub fn bandwidths() -> Rc<dyn ArgumentCompleter> {
    Rc::new(Bandwidths)
}
pub fn routing_registries() -> Rc<dyn ArgumentCompleter> {
    Rc::new(RoutingRegistries)
}
