//! Simulation controls kept with each world: how the provider behaves, how long gateways take,
//! injected faults. None of this exists in Azure; it is how a user steers the simulation.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::faults::Fault;
use super::ids::IdGenerator;
use super::policy::ProviderPolicy;

/// Settings of one world that are not Azure state.
///
/// Every field has a serde default so a world saved before a control existed still loads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Controls {
    #[serde(default)]
    pub(crate) provider_policy: ProviderPolicy,
    /// Virtual time a new gateway stays `Provisioning`.
    #[serde(default = "Duration::zero", with = "duration_ms")]
    pub(crate) gateway_delay: Duration,
    /// Injected faults, checked in order.
    #[serde(default)]
    pub(crate) faults: Vec<Fault>,
    #[serde(default = "first_fault_id")]
    pub(crate) next_fault_id: u32,
    /// Fault probability draws. A stream separate from the ids, so adding a fault does not
    /// change the service keys that follow.
    #[serde(default = "IdGenerator::random")]
    pub(crate) dice: IdGenerator,
}

fn first_fault_id() -> u32 {
    1
}

impl Default for Controls {
    fn default() -> Self {
        Controls {
            provider_policy: ProviderPolicy::default(),
            gateway_delay: Duration::zero(),
            faults: Vec::new(),
            next_fault_id: first_fault_id(),
            dice: IdGenerator::random(),
        }
    }
}

impl Controls {
    /// The dice stream for a seed (mixed so it differs from the id stream of the same seed).
    pub(crate) fn seeded_dice(seed: u64) -> IdGenerator {
        IdGenerator::seeded(seed ^ 0xFA17_5EED_D1CE_0001)
    }
}

/// A bad value given to a simulation control.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SimError {
    /// A delay or duration below zero.
    #[error("The {what} cannot be negative.")]
    NegativeDuration {
        /// Which setting, e.g. `gateway delay`.
        what: &'static str,
    },
    /// A probability outside 0..=1.
    #[error("The probability {0} is not between 0 and 1.")]
    ProbabilityOutOfRange(f64),
    /// A fault count of zero.
    #[error("The fault count must be at least 1 (leave it out for a fault that never runs out).")]
    ZeroCount,
    /// A fault without an operation name.
    #[error("A fault needs the name (or wildcard pattern) of the operation it applies to.")]
    EmptyOperation,
    /// A fault error whose HTTP status is not an error status.
    #[error("The status {0} is not an HTTP error status (400 to 599).")]
    StatusNotAnError(u16),
    /// A fault error without a code.
    #[error("A fault error needs a code, e.g. InternalError.")]
    EmptyCode,
    /// No fault has this id.
    #[error("There is no fault with id {0}.")]
    FaultNotFound(u32),
    /// A routing registry name outside the eight known ones.
    #[error("There is no routing registry named '{0}'. Known: ARIN, RIPENCC, APNIC, AFRINIC, LACNIC, RADB, ALTDB, LEVEL3.")]
    UnknownRegistry(String),
    /// A registry record prefix that is not an IPv4 network prefix.
    #[error("'{0}' is not an IPv4 network prefix (a.b.c.d/n with no host bits set).")]
    InvalidPrefix(String),
    /// An unknown ready-made fault name.
    #[error("There is no ready-made fault named '{name}'. Known: {known}.")]
    UnknownPreset {
        /// The name given.
        name: String,
        /// The known names, comma-separated.
        known: String,
    },
}

/// Serde for `chrono::Duration` as whole milliseconds (what the controls keep).
pub(crate) mod duration_ms {
    use chrono::Duration;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(d.num_milliseconds())
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        let ms = i64::deserialize(d)?;
        Duration::try_milliseconds(ms).ok_or_else(|| D::Error::custom(format!("{ms} ms is out of range")))
    }
}

/// `d` cut to whole milliseconds (so it survives a save), refused when negative.
pub(crate) fn checked_delay(d: Duration, what: &'static str) -> Result<Duration, SimError> {
    if d < Duration::zero() {
        return Err(SimError::NegativeDuration { what });
    }
    Ok(Duration::try_milliseconds(d.num_milliseconds()).unwrap_or(d))
}
