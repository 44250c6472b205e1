//! Billing records on the virtual clock.
//!
//! Docs: a circuit "will be billed from the moment a service key is issued", "Microsoft will
//! continue to bill the circuit until the ExpressRoute circuit resource is deleted", and a
//! bandwidth or premium change is billed "from this point on" — so each change closes the
//! running record and opens a new one with the new terms.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;
use std::sync::Arc;

use chrono::NaiveDateTime;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::circuit::{BillingType, CircuitRecord, CircuitSku};
use super::repo::{RepoError, Rows};
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

/// Every billing record, oldest first: in memory, with the running ones indexed by service
/// key so that closing a circuit's period does not scan the whole history (saved as the plain
/// list it always was; the index is rebuilt on load), or as rows of the store's database.
pub(crate) enum Ledger {
    Memory(MemoryLedger),
    Rows(Arc<dyn Rows>, RefCell<Option<RepoError>>),
}

#[derive(Debug, Clone, Default)]
pub(crate) struct MemoryLedger {
    records: Vec<BillingRecord>,
    /// Positions in `records` of the periods still running, per circuit.
    open: FxHashMap<ServiceKey, Vec<usize>>,
}

impl Ledger {
    /// The billing records kept as rows.
    pub(crate) fn in_rows(rows: Arc<dyn Rows>) -> Ledger {
        Ledger::Rows(rows, RefCell::default())
    }

    /// All records, oldest first.
    pub(crate) fn records(&self) -> Cow<'_, [BillingRecord]> {
        match self {
            Ledger::Memory(m) => Cow::Borrowed(&m.records),
            Ledger::Rows(rows, failure) => Cow::Owned(noted(failure, rows.billing()).unwrap_or_default()),
        }
    }

    fn push(&mut self, record: BillingRecord) {
        match self {
            Ledger::Rows(rows, failure) => {
                noted(failure, rows.add_billing(&record));
            }
            Ledger::Memory(m) => {
                if record.end.is_none() {
                    m.open.entry(record.service_key).or_default().push(m.records.len());
                }
                m.records.push(record);
            }
        }
    }

    fn with(mut self, record: BillingRecord) -> Ledger {
        self.push(record);
        self
    }

    /// Ends every running period of `key` at `now`.
    fn close(&mut self, key: &ServiceKey, now: NaiveDateTime) {
        match self {
            Ledger::Memory(m) => {
                for i in m.open.remove(key).unwrap_or_default() {
                    m.records[i].end = Some(now);
                }
            }
            Ledger::Rows(rows, failure) => {
                noted(failure, rows.close_billing(key, now));
            }
        }
    }

    /// The first storage failure of this transaction, if any.
    pub(crate) fn finish(&self) -> Result<(), RepoError> {
        match self {
            Ledger::Rows(_, failure) => failure.borrow_mut().take().map_or(Ok(()), Err),
            Ledger::Memory(_) => Ok(()),
        }
    }
}

/// `result`'s value, after noting its failure (the first one counts).
fn noted<T>(failure: &RefCell<Option<RepoError>>, result: Result<T, RepoError>) -> Option<T> {
    result.map_err(|e| failure.borrow_mut().get_or_insert(e).clone()).ok()
}

impl Default for Ledger {
    fn default() -> Self {
        Ledger::Memory(MemoryLedger::default())
    }
}

impl Clone for Ledger {
    fn clone(&self) -> Self {
        match self {
            Ledger::Memory(m) => Ledger::Memory(m.clone()),
            Ledger::Rows(..) => self.records().iter().cloned().fold(Ledger::default(), Ledger::with),
        }
    }
}

impl fmt::Debug for Ledger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.records().iter()).finish()
    }
}

// The index follows from the records; the store relies on equal worlds encoding alike.
impl PartialEq for Ledger {
    fn eq(&self, other: &Self) -> bool {
        self.records() == other.records()
    }
}

impl Serialize for Ledger {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.records().serialize(serializer)
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
