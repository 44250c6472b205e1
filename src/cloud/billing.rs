//! Billing records on the virtual clock.
//!
//! Docs: a circuit "will be billed from the moment a service key is issued", "Microsoft will
//! continue to bill the circuit until the ExpressRoute circuit resource is deleted", and a
//! bandwidth or premium change is billed "from this point on" — so each change closes the
//! running record and opens a new one with the new terms.

use chrono::NaiveDateTime;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

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

/// Every billing record, oldest first, with the running ones indexed by service key so that
/// closing a circuit's period does not scan the whole history. Saved as the plain list it
/// always was; the index is rebuilt on load.
#[derive(Debug, Clone, Default)]
pub(crate) struct Ledger {
    records: Vec<BillingRecord>,
    /// Positions in `records` of the periods still running, per circuit.
    open: FxHashMap<ServiceKey, Vec<usize>>,
}

impl Ledger {
    /// All records, oldest first.
    pub(crate) fn records(&self) -> &[BillingRecord] {
        &self.records
    }

    fn push(&mut self, record: BillingRecord) {
        if record.end.is_none() {
            self.open.entry(record.service_key).or_default().push(self.records.len());
        }
        self.records.push(record);
    }

    /// Ends every running period of `key` at `now`.
    fn close(&mut self, key: &ServiceKey, now: NaiveDateTime) {
        for i in self.open.remove(key).unwrap_or_default() {
            self.records[i].end = Some(now);
        }
    }
}

// The index follows from the records; the store relies on equal worlds encoding alike.
impl PartialEq for Ledger {
    fn eq(&self, other: &Self) -> bool {
        self.records == other.records
    }
}

impl Serialize for Ledger {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.records.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Ledger {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut ledger = Ledger::default();
        for record in Vec::<BillingRecord>::deserialize(deserializer)? {
            ledger.push(record);
        }
        Ok(ledger)
    }
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
        self.billing.close(key, self.now);
    }
}
