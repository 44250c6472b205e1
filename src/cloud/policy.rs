//! How the simulated provider and gateways move without anyone calling the provider side.
//!
//! Under `Manual` only the provider's own operations move a circuit (the real service's
//! behaviour: a person at the provider does the work). `Auto` and `Clock` let a script that
//! polls the circuit see the provider finish, deterministically: after N reads of the circuit
//! (moto's "manual, times N" progression) or once a delay has passed on the virtual clock.
//! A transition keeps the terms it started with; changing the policy affects later ones.

use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::circuit::{CircuitRecord, ProviderProvisioningState};
use super::controls::{checked_delay, duration_ms, SimError};
use super::vnet::GatewayState;
use super::world::{ServiceKey, World};

/// What the provider does when a customer orders a circuit or asks for deprovisioning.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProviderPolicy {
    /// Only the provider's operations (cross connections) move a circuit.
    #[default]
    Manual,
    /// The provider starts at once and finishes on the `reads`-th read of the circuit (get or
    /// list by its owner); that read already shows the finished state. 0 finishes at once.
    Auto {
        /// Reads until the provider finishes.
        reads: u32,
    },
    /// The provider starts at once and finishes when `delay` has passed on the virtual clock.
    Clock {
        /// Virtual time until the provider finishes (whole milliseconds).
        #[serde(rename = "delay_ms", with = "duration_ms")]
        delay: Duration,
    },
}

/// A provider transition under way: the circuit moves to `to` when `due` is reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PendingTransition {
    pub(crate) to: ProviderProvisioningState,
    pub(crate) due: Due,
}

impl CircuitRecord {
    /// When the provider's work under way completes by the clock, if it does.
    pub(crate) fn due_at(&self) -> Option<NaiveDateTime> {
        match self.pending.as_ref().map(|p| &p.due) {
            Some(Due::At(at)) => Some(*at),
            _ => None,
        }
    }
}

/// When a pending transition completes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Due {
    /// After this many more reads.
    Reads(u32),
    /// When the virtual clock reaches this time.
    At(NaiveDateTime),
}

impl World {
    /// The provider policy in effect.
    pub fn provider_policy(&self) -> ProviderPolicy {
        self.controls.provider_policy
    }

    /// Sets the provider policy for transitions that start from now on.
    pub fn set_provider_policy(&mut self, policy: ProviderPolicy) -> Result<(), SimError> {
        self.controls.provider_policy = match policy {
            ProviderPolicy::Clock { delay } => ProviderPolicy::Clock { delay: checked_delay(delay, "provider delay")? },
            other => other,
        };
        Ok(())
    }

    /// Virtual time a new VNet gateway stays `Provisioning` (zero: provisioned at once).
    pub fn gateway_delay(&self) -> Duration {
        self.controls.gateway_delay
    }

    /// Sets the gateway delay for gateways created from now on.
    pub fn set_gateway_delay(&mut self, delay: Duration) -> Result<(), SimError> {
        self.controls.gateway_delay = checked_delay(delay, "gateway delay")?;
        Ok(())
    }

    /// A customer ordered the circuit: unless Manual, the provider starts provisioning.
    pub(crate) fn provider_takes_order(&mut self, key: &ServiceKey) {
        if self.controls.provider_policy != ProviderPolicy::Manual {
            self.start_cross_connection(key);
            self.schedule(key, ProviderProvisioningState::Provisioned);
        }
    }

    /// A customer asked for deprovisioning (the circuit is `Deprovisioning` now): unless
    /// Manual, the provider will complete it.
    pub(crate) fn provider_takes_deprovisioning(&mut self, key: &ServiceKey) {
        if self.controls.provider_policy != ProviderPolicy::Manual {
            self.schedule(key, ProviderProvisioningState::NotProvisioned);
        }
    }

    fn schedule(&mut self, key: &ServiceKey, to: ProviderProvisioningState) {
        let due = match self.controls.provider_policy {
            ProviderPolicy::Manual => return,
            ProviderPolicy::Auto { reads: 0 } => None,
            ProviderPolicy::Auto { reads } => Some(Due::Reads(reads)),
            ProviderPolicy::Clock { delay } if delay <= Duration::zero() => None,
            ProviderPolicy::Clock { delay } => Some(Due::At(later(self.now, delay))),
        };
        match due {
            None => self.arrive(key, to),
            Some(due) => {
                if let Some(circuit) = self.circuits.get_mut(key) {
                    circuit.pending = Some(PendingTransition { to, due });
                }
            }
        }
    }

    /// The owner read these circuits: read-counted transitions move one step.
    pub(crate) fn note_reads(&mut self, keys: &[ServiceKey]) {
        for key in keys {
            // Only a circuit with a read-counted transition changes: asking for the others
            // mutably would mark them changed for a store that keeps rows.
            if !self.circuits.get(key).is_some_and(|c| matches!(c.pending, Some(PendingTransition { due: Due::Reads(_), .. }))) {
                continue;
            }
            let Some(pending) = self.circuits.get_mut(key).and_then(|c| c.pending.as_mut()) else {
                continue;
            };
            if let Due::Reads(left) = &mut pending.due {
                *left = left.saturating_sub(1);
                if *left == 0 {
                    self.finish_transition(key);
                }
            }
        }
    }

    /// Completes every clock transition and gateway that is due at the current virtual time,
    /// in due order.
    pub(crate) fn complete_due(&mut self) {
        let now = self.now;
        for (_, key) in self.circuits.due_by(now) {
            self.finish_transition(&key);
        }
        for gateway in self.vnets.with_gateways_due_mut(now).into_iter().filter_map(|v| v.gateway.as_mut()) {
            let ready = gateway.provisioned_at.is_none_or(|at| at <= now);
            if gateway.state == GatewayState::Provisioning && ready {
                gateway.state = GatewayState::Provisioned;
            }
        }
    }

    /// The pending transition of `key` completes.
    fn finish_transition(&mut self, key: &ServiceKey) {
        if let Some(pending) = self.circuits.get_mut(key).and_then(|c| c.pending.take()) {
            self.arrive(key, pending.to);
        }
    }

    /// The provider's work on `key` is done: Provisioned, or NotProvisioned after a
    /// deprovisioning (a finished job leaves no provisioning error behind).
    fn arrive(&mut self, key: &ServiceKey, to: ProviderProvisioningState) {
        if let Some(circuit) = self.circuits.get_mut(key) {
            let before = circuit.port_claim();
            circuit.provider_state = to;
            self.ports.transfer(before, circuit.port_claim());
            if let Some(xc) = circuit.cross_connection.as_mut() {
                xc.provisioning_error = None;
            }
        }
    }
}

/// `now + delay`, saturating at the end of time instead of overflowing.
pub(crate) fn later(now: NaiveDateTime, delay: Duration) -> NaiveDateTime {
    now.checked_add_signed(delay).unwrap_or(NaiveDateTime::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::circuit::tests::{new_circuit, world};
    use crate::cloud::link::tests::linkable;
    use crate::cloud::provider_side::tests::provider;
    use crate::cloud::provider_side::CrossConnectionOperation;
    use crate::cloud::vnet::tests::vnet;
    use crate::cloud::vnet::{GatewaySku, GatewayType};
    use crate::cloud::world::SubscriptionId;
    use ProviderProvisioningState::*;

    fn state(w: &World, key: &ServiceKey) -> ProviderProvisioningState {
        w.circuits[key].provider_state
    }

    fn ordered(policy: ProviderPolicy) -> (World, SubscriptionId, ServiceKey) {
        let (mut w, sub) = world();
        w.set_provider_policy(policy).unwrap();
        let key = w.create_circuit(&sub, new_circuit("c")).unwrap().service_key;
        (w, sub, key)
    }

    #[test]
    fn manual_leaves_the_circuit_to_the_provider() {
        let (mut w, sub, key) = ordered(ProviderPolicy::Manual);
        for _ in 0..5 {
            w.get_circuit(&sub, &key).unwrap();
        }
        w.advance_clock(Duration::days(30));
        assert_eq!(state(&w, &key), NotProvisioned);
        assert_eq!(w.summary().pending_transitions, 0);
    }

    #[test]
    fn auto_provisions_on_the_nth_read() {
        let (mut w, sub, key) = ordered(ProviderPolicy::Auto { reads: 3 });
        assert_eq!(state(&w, &key), Provisioning);
        let eq = provider(&w, "Equinix");
        let xc = w.get_cross_connection(&eq, &key).unwrap();
        assert_eq!((xc.stag, xc.primary_azure_port.as_str()), (1, "EQUI-SIL-01GMR-CIS-1-PRI-A"));
        let seen: Vec<_> = (0..3).map(|_| w.get_circuit(&sub, &key).unwrap().service_provider_provisioning_state).collect();
        assert_eq!(seen, [Provisioning, Provisioning, Provisioned]);
        assert_eq!(w.circuits[&key].pending, None);
    }

    #[test]
    fn auto_counts_list_reads_and_completes_deprovisioning() {
        let (mut w, sub, key) = ordered(ProviderPolicy::Auto { reads: 2 });
        w.list_circuits(&sub).unwrap();
        let listed = w.list_circuits(&sub).unwrap();
        assert_eq!(listed[0].service_provider_provisioning_state, Provisioned);
        let c = w.request_deprovisioning(&sub, &key).unwrap();
        assert_eq!(c.service_provider_provisioning_state, Deprovisioning);
        w.get_circuit(&sub, &key).unwrap();
        assert_eq!(state(&w, &key), Deprovisioning);
        w.get_circuit(&sub, &key).unwrap();
        assert_eq!(state(&w, &key), NotProvisioned);
        w.remove_circuit(&sub, &key).unwrap();
    }

    #[test]
    fn auto_with_zero_reads_finishes_at_once() {
        let (w, _, key) = ordered(ProviderPolicy::Auto { reads: 0 });
        assert_eq!(state(&w, &key), Provisioned);
    }

    #[test]
    fn reads_by_others_do_not_count() {
        let (mut w, _, key) = ordered(ProviderPolicy::Auto { reads: 1 });
        let dev = w.find_subscription_by_name("Contoso Dev-Test").unwrap().id;
        assert!(w.get_circuit(&dev, &key).is_err());
        w.list_circuits(&dev).unwrap();
        assert_eq!(state(&w, &key), Provisioning);
    }

    #[test]
    fn clock_provisions_when_the_delay_has_passed() {
        let delay = Duration::minutes(30);
        let (mut w, sub, key) = ordered(ProviderPolicy::Clock { delay });
        assert_eq!(state(&w, &key), Provisioning);
        w.get_circuit(&sub, &key).unwrap();
        w.advance_clock(Duration::minutes(29));
        assert_eq!(state(&w, &key), Provisioning);
        w.advance_clock(Duration::minutes(1));
        assert_eq!(state(&w, &key), Provisioned);
    }

    #[test]
    fn a_polling_loop_on_the_virtual_clock_ends_the_same_way_every_time() {
        let run = || {
            let (mut w, sub, key) = ordered(ProviderPolicy::Clock { delay: Duration::minutes(5) });
            let mut polls = 0;
            while w.get_circuit(&sub, &key).unwrap().service_provider_provisioning_state != Provisioned {
                w.advance_clock(Duration::seconds(30));
                polls += 1;
            }
            (polls, w.now())
        };
        assert_eq!(run(), (10, crate::cloud::world::tests::t0() + Duration::minutes(5)));
        assert_eq!(run(), run());
    }

    #[test]
    fn a_transition_keeps_the_terms_it_started_with() {
        let (mut w, sub, key) = ordered(ProviderPolicy::Auto { reads: 2 });
        w.set_provider_policy(ProviderPolicy::Manual).unwrap();
        w.get_circuit(&sub, &key).unwrap();
        w.get_circuit(&sub, &key).unwrap();
        assert_eq!(state(&w, &key), Provisioned);
        let second = w.create_circuit(&sub, new_circuit("d")).unwrap();
        assert_eq!(second.service_provider_provisioning_state, NotProvisioned);
    }

    #[test]
    fn the_providers_own_call_replaces_a_pending_transition() {
        let (mut w, sub, key) = ordered(ProviderPolicy::Auto { reads: 5 });
        let eq = provider(&w, "Equinix");
        let op = CrossConnectionOperation::NotifyCrossConnectionNotProvisioned;
        w.set_cross_connection(&eq, &key, op, Some("No port")).unwrap();
        for _ in 0..5 {
            w.get_circuit(&sub, &key).unwrap();
        }
        assert_eq!(state(&w, &key), NotProvisioned);
        let xc = w.get_cross_connection(&eq, &key).unwrap();
        assert_eq!(xc.provisioning_error.as_deref(), Some("No port"));
    }

    #[test]
    fn bad_delays_are_refused_and_delays_keep_whole_milliseconds() {
        let (mut w, _) = world();
        let e = w.set_provider_policy(ProviderPolicy::Clock { delay: Duration::seconds(-5) }).unwrap_err();
        assert_eq!(e.to_string(), "The provider delay cannot be negative.");
        assert_eq!(w.provider_policy(), ProviderPolicy::Manual);
        assert!(w.set_gateway_delay(Duration::seconds(-1)).is_err());
        w.set_gateway_delay(Duration::microseconds(1500)).unwrap();
        assert_eq!(w.gateway_delay(), Duration::milliseconds(1));
    }

    #[test]
    fn a_gateway_delay_keeps_gateways_provisioning_until_due() {
        let (mut w, sub, key) = linkable(0);
        w.set_gateway_delay(Duration::minutes(20)).unwrap();
        w.set_vnet_config(&sub, vec![vnet("Slow", true)]).unwrap();
        let g = w.create_gateway(&sub, "Slow", GatewayType::DynamicRouting, GatewaySku::Default).unwrap();
        assert_eq!(g.state, GatewayState::Provisioning);
        assert!(w.new_circuit_link(&sub, &key, "Slow").is_err());
        w.advance_clock(Duration::minutes(19));
        assert_eq!(w.get_gateway(&sub, "Slow").unwrap().state, GatewayState::Provisioning);
        w.advance_clock(Duration::minutes(1));
        let g = w.get_gateway(&sub, "Slow").unwrap();
        assert_eq!(g.state, GatewayState::Provisioned);
        assert_eq!(g.provisioned_at, Some(g.created_at + Duration::minutes(20)));
        w.new_circuit_link(&sub, &key, "Slow").unwrap();
    }

    #[test]
    fn pending_transitions_and_controls_survive_serde() {
        let (mut w, _, _) = ordered(ProviderPolicy::Clock { delay: Duration::hours(1) });
        w.set_gateway_delay(Duration::seconds(5)).unwrap();
        w.add_fault(crate::cloud::NewFault {
            operation: "Get-*".into(),
            service_key: None,
            count: Some(3),
            probability: Some(0.25),
            effect: crate::cloud::FaultEffect::Delay(Duration::seconds(2)),
        })
        .unwrap();
        let json = serde_json::to_string(&w).unwrap();
        let back: World = serde_json::from_str(&json).unwrap();
        assert_eq!(back, w);
        assert!(json.contains("\"delay_ms\":3600000"), "{json}");
    }

    #[test]
    fn the_clock_saturates_instead_of_overflowing() {
        let (mut w, _, key) = ordered(ProviderPolicy::Clock { delay: Duration::MAX });
        w.advance_clock(Duration::MAX);
        w.advance_clock(Duration::MAX);
        assert_eq!(w.now(), NaiveDateTime::MAX);
        assert_eq!(state(&w, &key), Provisioned);
    }
}
