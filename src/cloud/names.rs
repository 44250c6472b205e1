//! What a subscription can name in a request, without acting as a request: the circuits
//! it owns (or, for a provider subscription, those ordered from its provider) and its
//! VNets. Reading these counts as no read of any circuit, so looking (Tab completion)
//! never advances a provider working under the Auto policy.

use super::world::{SubscriptionId, SubscriptionKind, World};
use super::ServiceKey;

impl World {
    /// Service keys with the circuit's name, in creation order.
    pub fn circuit_names(&self, sub: &SubscriptionId) -> Vec<(ServiceKey, String)> {
        let Some(caller) = self.subscription(sub) else { return Vec::new() };
        let provider = match &caller.kind {
            SubscriptionKind::Provider { provider } => Some(provider.as_str()),
            SubscriptionKind::Customer => None,
        };
        self.circuits.of(sub, provider).into_iter().map(|c| (c.service_key, c.name.clone())).collect()
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
        assert_eq!(w.circuit_names(&customer), vec![(circuit.service_key, "lab".to_string())]);
        assert_eq!(w.circuit_names(&provider), vec![(circuit.service_key, "lab".to_string())]);
        assert!(w.circuit_names(&other).is_empty());
        assert_eq!(serde_json::to_string(&w).expect("encodes"), before);
    }
}
