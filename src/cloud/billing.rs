//! Billing records on the virtual clock.
//!
//! Docs: a circuit "will be billed from the moment a service key is issued", "Microsoft will
//! continue to bill the circuit until the ExpressRoute circuit resource is deleted", and a
//! bandwidth or premium change is billed "from this point on" — so each change closes the
//! running record and opens a new one with the new terms.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::circuit::{BillingType, CircuitRecord, CircuitSku};
use super::world::{ServiceKey, SubscriptionId, World};

/// One billed period of one circuit under fixed terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillingRecord {
    /// The circuit.
    pub service_key: ServiceKey,
    /// The paying (owning) subscription.
    pub subscription: SubscriptionId,
    /// Circuit name at the time.
    pub circuit_name: String,
    /// Mbps billed.
    pub bandwidth: u32,
    /// Sku billed.
    pub sku: CircuitSku,
    /// Metering plan billed.
    pub billing_type: BillingType,
    /// Virtual time the period started.
    pub start: NaiveDateTime,
    /// Virtual time the period ended; `None` while running.
    pub end: Option<NaiveDateTime>,
}

impl World {
    pub(crate) fn open_billing(&mut self, circuit: &CircuitRecord) {
        self.billing.push(BillingRecord {
            service_key: circuit.service_key,
            subscription: circuit.subscription,
            circuit_name: circuit.name.clone(),
            bandwidth: circuit.bandwidth,
            sku: circuit.sku,
            billing_type: circuit.billing_type,
            start: self.now,
            end: None,
        });
    }

    pub(crate) fn close_billing(&mut self, key: &ServiceKey) {
        let now = self.now;
        for r in self.billing.iter_mut().filter(|r| r.service_key == *key && r.end.is_none()) {
            r.end = Some(now);
        }
    }
}
