//! Consistency checks of a whole world, for worlds that come from outside the service (a state
//! file edited by hand, an import). The operations keep these true; a world that breaks one
//! would make later operations answer nonsense, so it is refused before it is used.

use std::collections::HashSet;

use super::catalog;
use super::circuit::ProviderProvisioningState;
use super::policy::PendingTransition;
use super::world::World;

/// The first broken rule found in a world.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InvariantViolation(pub String);

fn check(ok: bool, what: impl FnOnce() -> String) -> Result<(), InvariantViolation> {
    if ok {
        Ok(())
    } else {
        Err(InvariantViolation(what()))
    }
}

impl World {
    /// Checks the rules the operations keep: ids unique, references resolve, states agree.
    pub fn check_invariants(&self) -> Result<(), InvariantViolation> {
        let mut ids = HashSet::new();
        for s in &self.subscriptions {
            check(ids.insert(s.id), || format!("subscription id {} appears twice", s.id))?;
            check(self.accounts.iter().any(|a| a.name.eq_ignore_ascii_case(&s.account)), || {
                format!("subscription '{}' belongs to unknown account '{}'", s.name, s.account)
            })?;
        }
        if let Some(sel) = &self.selected_subscription {
            check(ids.contains(sel), || format!("the selected subscription {sel} does not exist"))?;
        }
        // Links are checked against this set: looking each one up in the VNet list would
        // make loading a large world quadratic.
        let mut vnets = HashSet::new();
        for v in self.vnets.all() {
            check(ids.contains(&v.subscription), || format!("VNet '{}' belongs to unknown subscription {}", v.config.name, v.subscription))?;
            vnets.insert((v.subscription, v.config.name.trim().to_lowercase()));
        }
        for (key, c) in self.circuits.iter() {
            let name = &c.name;
            check(key == c.service_key, || format!("circuit '{name}' is filed under key {key} but has key {}", c.service_key))?;
            check(ids.contains(&c.subscription), || format!("circuit '{name}' belongs to unknown subscription {}", c.subscription))?;
            let provider = catalog::find_provider(&c.provider);
            check(provider.is_some(), || format!("circuit '{name}' has unknown provider '{}'", c.provider))?;
            check(provider.is_some_and(|p| p.offers(c.bandwidth)), || {
                format!("circuit '{name}' has a bandwidth its provider does not offer: {}", c.bandwidth)
            })?;
            if let Some(p) = &c.pending {
                check(pending_agrees(p, c.provider_state), || {
                    format!("circuit '{name}' is {} but has a provider transition to {} pending", c.provider_state, p.to)
                })?;
            }
            for l in &c.links {
                check(vnets.contains(&(l.subscription, l.vnet_name.trim().to_lowercase())), || {
                    format!("circuit '{name}' links unknown VNet '{}'", l.vnet_name)
                })?;
                if let Some(a) = l.authorization {
                    check(c.authorizations.iter().any(|x| x.id == a), || format!("circuit '{name}' has a link under unknown authorization {a}"))?;
                }
            }
        }
        for r in self.billing.records().iter().filter(|r| r.end.is_none()) {
            check(self.circuits.contains_key(&r.service_key), || format!("billing runs for unknown circuit {}", r.service_key))?;
        }
        let mut fault_ids = HashSet::new();
        for f in &self.controls.faults {
            check(fault_ids.insert(f.id), || format!("fault id {} appears twice", f.id))?;
            check(f.id < self.controls.next_fault_id, || format!("fault id {} is not below the next fault id", f.id))?;
            check(f.probability_ppm <= 1_000_000, || format!("fault {} has a probability above 1", f.id))?;
        }
        Ok(())
    }
}

/// A transition to Provisioned runs from Provisioning, one to NotProvisioned from
/// Deprovisioning.
fn pending_agrees(p: &PendingTransition, state: ProviderProvisioningState) -> bool {
    use ProviderProvisioningState::*;
    matches!((p.to, state), (Provisioned, Provisioning) | (NotProvisioned, Deprovisioning))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::circuit::tests::{new_circuit, world};
    use uuid::Uuid;

    #[test]
    fn a_world_built_by_operations_is_consistent() {
        let (mut w, sub) = world();
        w.create_circuit(&sub, new_circuit("c")).unwrap();
        assert_eq!(w.check_invariants(), Ok(()));
    }

    #[test]
    fn broken_references_are_named() {
        let (mut w, sub) = world();
        let key = w.create_circuit(&sub, new_circuit("c")).unwrap().service_key;
        let mut bad = w.clone();
        bad.selected_subscription = Some(Uuid::nil());
        assert_eq!(bad.check_invariants().unwrap_err().to_string(), "the selected subscription 00000000-0000-0000-0000-000000000000 does not exist");
        let mut bad = w.clone();
        bad.circuits.get_mut(&key).unwrap().provider = "Nobody".into();
        assert_eq!(bad.check_invariants().unwrap_err().0, "circuit 'c' has unknown provider 'Nobody'");
        let mut bad = w.clone();
        let dup = bad.subscriptions[0].clone();
        bad.subscriptions.push(dup);
        assert!(bad.check_invariants().unwrap_err().0.contains("appears twice"));
        let mut bad = w;
        bad.circuits.get_mut(&key).unwrap().pending =
            Some(PendingTransition { to: ProviderProvisioningState::Provisioned, due: crate::cloud::policy::Due::Reads(1) });
        assert!(bad.check_invariants().unwrap_err().0.contains("is NotProvisioned but"));
    }
}
