//! A one-look summary of a world, for `Get-ErSimState`.

use chrono::{Duration, NaiveDateTime};

use super::circuit::ProviderProvisioningState;
use super::policy::ProviderPolicy;
use super::world::{Subscription, World};

/// Counts and settings of a world.
#[derive(Debug, Clone, PartialEq)]
pub struct WorldSummary {
    /// Virtual time.
    pub clock: NaiveDateTime,
    /// Id seed in effect, if any.
    pub seed: Option<u64>,
    /// Name of the selected subscription.
    pub selected_subscription: Option<String>,
    /// Every subscription with its circuit count.
    pub subscriptions: Vec<SubscriptionSummary>,
    /// Circuits per provider state, every state listed (zeros included), in service order.
    pub circuits_by_state: Vec<(ProviderProvisioningState, usize)>,
    /// Circuits whose provider is still working under the Auto or Clock policy.
    pub pending_transitions: usize,
    /// BGP peerings of all circuits.
    pub peerings: usize,
    /// VNet links of all circuits.
    pub links: usize,
    /// Link authorizations of all circuits.
    pub authorizations: usize,
    /// Classic VNets.
    pub vnets: usize,
    /// VNet gateways.
    pub gateways: usize,
    /// Routing registry records.
    pub registry_entries: usize,
    /// Provider policy.
    pub provider_policy: ProviderPolicy,
    /// Gateway creation delay.
    pub gateway_delay: Duration,
    /// Injected faults still active.
    pub faults: usize,
    /// Billing totals.
    pub billing: BillingTotals,
}

/// One subscription in the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct SubscriptionSummary {
    /// The subscription.
    pub subscription: Subscription,
    /// Circuits it owns.
    pub circuits: usize,
}

/// Billing over all circuits up to the virtual now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BillingTotals {
    /// Billing periods recorded.
    pub records: usize,
    /// Periods still running (circuits billed now).
    pub running: usize,
    /// Circuit time billed so far (running periods counted up to now).
    pub billed_time: Duration,
    /// Bandwidth × time billed so far, in Mbps·hours (rounded down).
    pub mbps_hours: i64,
}

impl World {
    /// Counts and settings of this world.
    pub fn summary(&self) -> WorldSummary {
        let circuits = || self.circuits.values().into_iter();
        WorldSummary {
            clock: self.now,
            seed: self.seed(),
            selected_subscription: self.selected_subscription().map(|s| s.name.clone()),
            subscriptions: self
                .subscriptions
                .iter()
                .map(|s| SubscriptionSummary { subscription: s.clone(), circuits: circuits().filter(|c| c.subscription == s.id).count() })
                .collect(),
            circuits_by_state: ProviderProvisioningState::ALL.iter().map(|st| (*st, circuits().filter(|c| c.provider_state == *st).count())).collect(),
            pending_transitions: circuits().filter(|c| c.pending.is_some()).count(),
            peerings: circuits().map(|c| c.peerings.len()).sum(),
            links: circuits().map(|c| c.links.len()).sum(),
            authorizations: circuits().map(|c| c.authorizations.len()).sum(),
            vnets: self.vnets.all().len(),
            gateways: self.vnets.all().iter().filter(|v| v.gateway.is_some()).count(),
            registry_entries: self.registry_entries().len(),
            provider_policy: self.provider_policy(),
            gateway_delay: self.gateway_delay(),
            faults: self.faults().len(),
            billing: self.billing_totals(),
        }
    }

    fn billing_totals(&self) -> BillingTotals {
        let mut billed_time = Duration::zero();
        let mut mbps_seconds: i128 = 0;
        let records = self.billing.records();
        for r in records.iter() {
            let span = r.end.unwrap_or(self.now) - r.start;
            billed_time = billed_time.checked_add(&span).unwrap_or(billed_time);
            mbps_seconds += i128::from(r.bandwidth) * i128::from(span.num_seconds());
        }
        BillingTotals {
            records: records.len(),
            running: records.iter().filter(|r| r.end.is_none()).count(),
            billed_time,
            mbps_hours: i64::try_from(mbps_seconds / 3600).unwrap_or(i64::MAX),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::circuit::tests::{new_circuit, world};
    use crate::cloud::provider_side::tests::provisioned_circuit;

    #[test]
    fn summary_counts_circuits_by_state_and_billing() {
        let (mut w, sub) = world();
        provisioned_circuit(&mut w, &sub, "a");
        w.create_circuit(&sub, new_circuit("b")).unwrap();
        w.advance_clock(Duration::hours(2));
        let s = w.summary();
        assert_eq!(s.selected_subscription.as_deref(), Some("Contoso Production"));
        let mine = s.subscriptions.iter().find(|x| x.subscription.id == sub).unwrap();
        assert_eq!(mine.circuits, 2);
        assert_eq!(
            s.circuits_by_state,
            [
                (ProviderProvisioningState::NotProvisioned, 1),
                (ProviderProvisioningState::Provisioning, 0),
                (ProviderProvisioningState::Provisioned, 1),
                (ProviderProvisioningState::Deprovisioning, 0),
            ]
        );
        assert_eq!(s.provider_policy, ProviderPolicy::Manual);
        assert_eq!((s.faults, s.peerings, s.links, s.pending_transitions), (0, 0, 0, 0));
        assert_eq!(s.billing.records, 2);
        assert_eq!(s.billing.running, 2);
        assert_eq!(s.billing.billed_time, Duration::hours(4));
        assert_eq!(s.billing.mbps_hours, 2 * 200 * 2);
        assert_eq!(s.seed, Some(1));
    }
}
