//! What a subscription can name in a request, without acting as a request: the circuits
//! it owns (or, for a provider subscription, those ordered from its provider), those
//! authorized to its account, and its VNets. Reading these counts as no read of any circuit, so looking (Tab completion)
//! never advances a provider working under the Auto policy.

use super::circuit::CircuitRecord;
use super::world::{SubscriptionId, SubscriptionKind, World};
use super::{CircuitStatus, ProviderProvisioningState, ServiceKey};

/// A circuit a subscription can name, with what tells it apart in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedCircuit {
    pub service_key: ServiceKey,
    pub name: String,
    pub status: CircuitStatus,
    pub provider_state: ProviderProvisioningState,
}

impl NamedCircuit {
    fn of(c: &CircuitRecord) -> NamedCircuit {
        NamedCircuit { service_key: c.service_key, name: c.name.clone(), status: c.status, provider_state: c.provider_state }
    }
}

impl World {
    /// The circuits the subscription owns (or, a provider's, those ordered from it) in
    /// creation order, then those whose authorizations name its account (a consuming
    /// subscription links its VNets to those by service key).
    pub fn circuit_names(&self, sub: &SubscriptionId) -> Vec<NamedCircuit> {
        let Some(caller) = self.subscription(sub) else { return Vec::new() };
        let provider = match &caller.kind {
            SubscriptionKind::Provider { provider } => Some(provider.as_str()),
            SubscriptionKind::Customer => None,
        };
        let mut named: Vec<NamedCircuit> = self.circuits.of(sub, provider).into_iter().map(NamedCircuit::of).collect();
        for c in self.circuits.authorized_to(&caller.account) {
            if c.classic_visible() && !named.iter().any(|n| n.service_key == c.service_key) {
                named.push(NamedCircuit::of(c));
            }
        }
        named
    }

    /// Names of the subscription's classic VNets.
    pub fn vnet_names(&self, sub: &SubscriptionId) -> Vec<String> {
        self.vnets.of(sub).into_iter().map(|v| v.config.name.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::{BillingType, CircuitSku, NewCircuit};

    #[test]
    fn a_provider_names_the_circuits_ordered_from_it_and_looking_counts_no_read() {
        let mut w = World::default_world_seeded(crate::cloud::world::tests::t0(), 7);
        let customer = w.selected_subscription().map(|s| s.id).unwrap_or_default();
        let new = NewCircuit {
            name: "lab".into(),
            bandwidth: 200,
            location: "Silicon Valley".into(),
            service_provider_name: "Equinix".into(),
            sku: CircuitSku::Standard,
            billing_type: BillingType::MeteredData,
        };
        let circuit = w.create_circuit(&customer, new).expect("created");
        let provider = w.find_subscription_by_name("Equinix Provider").map(|s| s.id).expect("the provider subscription");
        let other = w.find_subscription_by_name("Contoso Dev-Test").map(|s| s.id).expect("a second customer");
        let before = serde_json::to_string(&w).expect("encodes");
        let keys = |w: &World, s| w.circuit_names(s).into_iter().map(|c| (c.service_key, c.name)).collect::<Vec<_>>();
        assert_eq!(keys(&w, &customer), vec![(circuit.service_key, "lab".to_string())]);
        assert_eq!(keys(&w, &provider), vec![(circuit.service_key, "lab".to_string())]);
        assert!(w.circuit_names(&other).is_empty());
        assert_eq!(serde_json::to_string(&w).expect("encodes"), before);
    }
}
