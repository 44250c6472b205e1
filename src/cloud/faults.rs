//! Injected faults: rules that make chosen operations fail or take virtual time.
//!
//! Modelled on LocalStack's chaos rules (operation, probability, error code and status; first
//! matching rule wins) with a count as in Cosmos/Datastore emulator knobs, and draws from a
//! seeded stream so a seeded world fails the same way every run. The caller names the
//! operation (the cmdlet layer passes cmdlet names); the service only matches names.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::controls::{checked_delay, duration_ms, Controls, SimError};
use super::errors::{self, CloudError, CloudResult};
use super::world::{ServiceKey, World};

/// One million: probabilities are kept in parts per million so they survive a save exactly.
const PPM: u32 = 1_000_000;

/// What a fault does when it fires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FaultEffect {
    /// The operation fails with this error (synchronous or failed long-running operation, as
    /// its `kind` says); nothing changes.
    Fail(CloudError),
    /// The operation takes this long on the virtual clock, then runs normally.
    Delay(#[serde(with = "duration_ms")] Duration),
}

/// A fault to add.
#[derive(Debug, Clone, PartialEq)]
pub struct NewFault {
    /// Operation name or wildcard pattern (`*`, `?`), case-insensitive, e.g.
    /// `Set-AzureDedicatedCircuitProperties` or `*-AzureBGPPeering`.
    pub operation: String,
    /// Only calls about this circuit (`None`: any call).
    pub service_key: Option<ServiceKey>,
    /// Fires this many times, then is removed (`None`: never runs out).
    pub count: Option<u32>,
    /// Chance of firing per matching call, 0..=1 (`None`: always).
    pub probability: Option<f64>,
    /// What happens.
    pub effect: FaultEffect,
}

/// An injected fault as stored and listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fault {
    /// Id for removal, unique in the world.
    pub id: u32,
    /// Operation name or wildcard pattern.
    pub operation: String,
    /// Only calls about this circuit.
    pub service_key: Option<ServiceKey>,
    /// Firings left (`None`: unlimited).
    pub remaining: Option<u32>,
    /// Chance of firing in parts per million.
    pub probability_ppm: u32,
    /// What happens.
    pub effect: FaultEffect,
    /// Times it has fired.
    pub fired: u32,
}

impl Fault {
    /// Chance of firing per matching call.
    pub fn probability(&self) -> f64 {
        f64::from(self.probability_ppm) / f64::from(PPM)
    }

    fn applies_to(&self, operation: &str, service_key: Option<&ServiceKey>) -> bool {
        let key_matches = match &self.service_key {
            None => true,
            Some(k) => service_key == Some(k),
        };
        key_matches && wildcard_match(&self.operation, operation)
    }
}

/// A ready-made fault for a documented failure.
#[derive(Debug, Clone, Copy)]
pub struct FaultPreset {
    /// Name to ask for it by.
    pub name: &'static str,
    /// The operation it normally targets.
    pub operation: &'static str,
    /// What it simulates.
    pub description: &'static str,
    error: fn() -> CloudError,
}

impl FaultPreset {
    /// The error it answers.
    pub fn error(&self) -> CloudError {
        (self.error)()
    }
}

/// The ready-made faults.
pub const FAULT_PRESETS: &[FaultPreset] = &[
    FaultPreset {
        name: "InsufficientBandwidth",
        operation: "Set-AzureDedicatedCircuitProperties",
        description: "A bandwidth upgrade fails because the provider's port has no room.",
        error: errors::insufficient_bandwidth,
    },
    FaultPreset { name: "InternalError", operation: "*", description: "The service fails with a generic internal error.", error: errors::internal_error },
    FaultPreset {
        name: "ServiceUnavailable",
        operation: "*",
        description: "The service is overloaded and refuses the request.",
        error: errors::service_unavailable,
    },
];

/// A ready-made fault by name (case-insensitive).
pub fn find_fault_preset(name: &str) -> Result<&'static FaultPreset, SimError> {
    FAULT_PRESETS
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(name.trim()))
        .ok_or_else(|| SimError::UnknownPreset { name: name.to_string(), known: FAULT_PRESETS.iter().map(|p| p.name).collect::<Vec<_>>().join(", ") })
}

impl World {
    /// Adds a fault after the existing ones; returns its id.
    pub fn add_fault(&mut self, new: NewFault) -> Result<u32, SimError> {
        let operation = new.operation.trim().to_string();
        if operation.is_empty() {
            return Err(SimError::EmptyOperation);
        }
        if new.count == Some(0) {
            return Err(SimError::ZeroCount);
        }
        let probability_ppm = match new.probability {
            None => PPM,
            Some(p) if (0.0..=1.0).contains(&p) => (p * f64::from(PPM)).round() as u32,
            Some(p) => return Err(SimError::ProbabilityOutOfRange(p)),
        };
        let effect = match new.effect {
            FaultEffect::Fail(e) if !(400..=599).contains(&e.status) => return Err(SimError::StatusNotAnError(e.status)),
            FaultEffect::Fail(e) if e.code.trim().is_empty() => return Err(SimError::EmptyCode),
            FaultEffect::Delay(d) => FaultEffect::Delay(checked_delay(d, "fault delay")?),
            fail => fail,
        };
        let controls = &mut self.controls;
        let id = controls.next_fault_id;
        controls.next_fault_id = id.saturating_add(1);
        controls.faults.push(Fault { id, operation, service_key: new.service_key, remaining: new.count, probability_ppm, effect, fired: 0 });
        Ok(id)
    }

    /// The faults, in the order they are checked.
    pub fn faults(&self) -> &[Fault] {
        &self.controls.faults
    }

    /// Removes one fault.
    pub fn remove_fault(&mut self, id: u32) -> Result<Fault, SimError> {
        let faults = &mut self.controls.faults;
        let i = faults.iter().position(|f| f.id == id).ok_or(SimError::FaultNotFound(id))?;
        Ok(faults.remove(i))
    }

    /// Removes every fault; returns how many there were.
    pub fn clear_faults(&mut self) -> usize {
        std::mem::take(&mut self.controls.faults).len()
    }

    /// Called before `operation` runs (about circuit `service_key`, if any): the first
    /// matching fault that fires is consumed and applied. A failure is returned as the
    /// operation's error; a delay moves the virtual clock (completing what falls due) and the
    /// operation then goes ahead.
    pub fn apply_faults(&mut self, operation: &str, service_key: Option<&ServiceKey>) -> CloudResult<()> {
        let Some(i) = self.firing_fault(operation, service_key) else {
            return Ok(());
        };
        let fault = &mut self.controls.faults[i];
        fault.fired = fault.fired.saturating_add(1);
        fault.remaining = fault.remaining.map(|n| n.saturating_sub(1));
        let effect = fault.effect.clone();
        if fault.remaining == Some(0) {
            self.controls.faults.remove(i);
        }
        match effect {
            FaultEffect::Fail(error) => Err(error),
            FaultEffect::Delay(d) => {
                self.advance_clock(d);
                Ok(())
            }
        }
    }

    /// Index of the first fault that matches and wins its draw. Only faults with a
    /// probability strictly between 0 and 1 draw, so certain faults leave the stream alone.
    fn firing_fault(&mut self, operation: &str, service_key: Option<&ServiceKey>) -> Option<usize> {
        let Controls { faults, dice, .. } = &mut self.controls;
        faults.iter().position(|f| {
            if !f.applies_to(operation, service_key) {
                return false;
            }
            match f.probability_ppm {
                0 => false,
                PPM => true,
                ppm => dice.next_u64() % u64::from(PPM) < u64::from(ppm),
            }
        })
    }
}

/// Case-insensitive match of `text` against a pattern with `*` (any run) and `?` (one char).
fn wildcard_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.to_lowercase().chars().collect();
    let t: Vec<char> = text.trim().to_lowercase().chars().collect();
    // Greedy matching with backtracking to the last `*`: linear in practice, never recursive.
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::circuit::tests::{new_circuit, world};
    use crate::cloud::errors::ErrorKind;
    use crate::cloud::world::tests::t0;

    fn fail(code: &str) -> FaultEffect {
        FaultEffect::Fail(CloudError { status: 500, code: code.into(), message: "boom".into(), kind: ErrorKind::Sync })
    }

    fn fault(operation: &str, effect: FaultEffect) -> NewFault {
        NewFault { operation: operation.into(), service_key: None, count: None, probability: None, effect }
    }

    #[test]
    fn wildcards_match_case_insensitively() {
        assert!(wildcard_match("*", "Get-AzureDedicatedCircuit"));
        assert!(wildcard_match("get-azure*", "Get-AzureDedicatedCircuit"));
        assert!(wildcard_match("*-AzureBGPPeering", "New-AzureBgpPeering"));
        assert!(wildcard_match("?et-*Circuit", "Get-AzureDedicatedCircuit"));
        assert!(wildcard_match("a*b*c", "aXbYbZc"));
        assert!(!wildcard_match("a*b*c", "aXbYbZ"));
        assert!(!wildcard_match("Get-AzureDedicatedCircuit", "Get-AzureDedicatedCircuitLink"));
        assert!(!wildcard_match("", "x"));
    }

    #[test]
    fn a_counted_fault_fires_then_is_consumed() {
        let (mut w, _) = world();
        let id = w.add_fault(NewFault { count: Some(2), ..fault("New-AzureDedicatedCircuit", fail("InternalError")) }).unwrap();
        assert_eq!(id, 1);
        assert!(w.apply_faults("Get-AzureDedicatedCircuit", None).is_ok());
        let e = w.apply_faults("new-azurededicatedcircuit", None).unwrap_err();
        assert_eq!(e.to_string(), "InternalError: boom");
        assert_eq!((w.faults()[0].fired, w.faults()[0].remaining), (1, Some(1)));
        assert!(w.apply_faults("New-AzureDedicatedCircuit", None).is_err());
        assert!(w.faults().is_empty());
        assert!(w.apply_faults("New-AzureDedicatedCircuit", None).is_ok());
    }

    #[test]
    fn first_matching_fault_wins_and_service_keys_filter() {
        let (mut w, sub) = world();
        let key = w.create_circuit(&sub, new_circuit("c")).unwrap().service_key;
        w.add_fault(NewFault { service_key: Some(key), ..fault("*", fail("First")) }).unwrap();
        w.add_fault(fault("*", fail("Second"))).unwrap();
        assert_eq!(w.apply_faults("Get-X", Some(&key)).unwrap_err().code, "First");
        assert_eq!(w.apply_faults("Get-X", None).unwrap_err().code, "Second");
        let other = uuid::Uuid::nil();
        assert_eq!(w.apply_faults("Get-X", Some(&other)).unwrap_err().code, "Second");
    }

    #[test]
    fn a_delay_fault_moves_the_virtual_clock() {
        let (mut w, _) = world();
        w.add_fault(fault("Get-*", FaultEffect::Delay(Duration::seconds(90)))).unwrap();
        w.apply_faults("Get-AzureDedicatedCircuit", None).unwrap();
        assert_eq!(w.now(), t0() + Duration::seconds(90));
    }

    #[test]
    fn probability_draws_repeat_under_a_seed() {
        let draws = |seed: u64| {
            let mut w = World::default_world_seeded(t0(), seed);
            w.add_fault(NewFault { probability: Some(0.5), ..fault("*", fail("Flaky")) }).unwrap();
            (0..64).map(|_| w.apply_faults("Get-X", None).is_err()).collect::<Vec<_>>()
        };
        let a = draws(11);
        assert_eq!(a, draws(11));
        assert_ne!(a, draws(12));
        let hits = a.iter().filter(|h| **h).count();
        assert!((16..=48).contains(&hits), "about half fire, got {hits}");
    }

    #[test]
    fn certain_and_impossible_faults_do_not_draw() {
        let mut w = World::default_world_seeded(t0(), 3);
        let before = w.controls.dice.clone();
        w.add_fault(NewFault { probability: Some(0.0), ..fault("*", fail("Never")) }).unwrap();
        w.add_fault(fault("*", fail("Always"))).unwrap();
        assert_eq!(w.apply_faults("X", None).unwrap_err().code, "Always");
        assert_eq!(w.controls.dice, before);
    }

    #[test]
    fn adding_a_fault_does_not_shift_later_service_keys() {
        let key = |with_fault: bool| {
            let (mut w, sub) = world();
            if with_fault {
                w.add_fault(NewFault { probability: Some(0.5), ..fault("Nothing", fail("X")) }).unwrap();
                w.apply_faults("Nothing", None).ok();
            }
            w.create_circuit(&sub, new_circuit("c")).unwrap().service_key
        };
        assert_eq!(key(true), key(false));
    }

    #[test]
    fn bad_faults_are_refused_with_a_reason() {
        let (mut w, _) = world();
        let err = |w: &mut World, f| w.add_fault(f).unwrap_err().to_string();
        assert_eq!(err(&mut w, fault(" ", fail("X"))), "A fault needs the name (or wildcard pattern) of the operation it applies to.");
        assert_eq!(err(&mut w, NewFault { probability: Some(1.5), ..fault("*", fail("X")) }), "The probability 1.5 is not between 0 and 1.");
        assert!(err(&mut w, NewFault { count: Some(0), ..fault("*", fail("X")) }).contains("at least 1"));
        let mut ok_status = fail("X");
        if let FaultEffect::Fail(e) = &mut ok_status {
            e.status = 200;
        }
        assert!(err(&mut w, fault("*", ok_status)).contains("200"));
        assert!(err(&mut w, fault("*", fail(""))).contains("needs a code"));
        assert_eq!(err(&mut w, fault("*", FaultEffect::Delay(Duration::seconds(-1)))), "The fault delay cannot be negative.");
        assert!(w.faults().is_empty());
    }

    #[test]
    fn faults_are_listed_removed_and_cleared() {
        let (mut w, _) = world();
        let a = w.add_fault(fault("A", fail("X"))).unwrap();
        let b = w.add_fault(fault("B", fail("X"))).unwrap();
        assert_eq!(w.faults().iter().map(|f| f.id).collect::<Vec<_>>(), [a, b]);
        assert_eq!(w.remove_fault(a).unwrap().operation, "A");
        assert_eq!(w.remove_fault(a), Err(SimError::FaultNotFound(a)));
        let c = w.add_fault(fault("C", fail("X"))).unwrap();
        assert!(c > b, "ids are never reused");
        assert_eq!(w.clear_faults(), 2);
        assert!(w.faults().is_empty());
    }

    #[test]
    fn presets_answer_documented_errors() {
        let p = find_fault_preset("insufficientbandwidth").unwrap();
        assert_eq!(p.operation, "Set-AzureDedicatedCircuitProperties");
        assert_eq!(p.error().to_string(), "InvalidOperation : Insufficient bandwidth available to perform this circuit update operation");
        let e = find_fault_preset("Nope").unwrap_err().to_string();
        assert!(e.contains("'Nope'") && e.contains("InternalError, ServiceUnavailable"));
        let (mut w, _) = world();
        w.add_fault(NewFault { operation: p.operation.into(), service_key: None, count: Some(1), probability: None, effect: FaultEffect::Fail(p.error()) })
            .unwrap();
        let e = w.apply_faults("Set-AzureDedicatedCircuitProperties", None).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Operation);
    }
}
