//! The diagnostics of an ARM circuit's peerings (Get-AzExpressRouteCircuitStat, …ARPTable,
//! …RouteTable, …RouteTableSummary): the same counters, ARP rows and BGP tables as the classic
//! diagnostics (`cloud/diagnostics.rs`), addressed by group, circuit name and peering type.

use super::cross_connections::DiagnosticTable;
use super::errors;
use super::peerings::arm_peering_type;
use crate::cloud::circuit::CircuitRecord;
use crate::cloud::diagnostics::{DevicePath, PeeringStats};
use crate::cloud::errors::{self as classic, CloudResult};
use crate::cloud::peering::BgpPeeringAccessType;
use crate::cloud::world::{SubscriptionId, World};

impl World {
    /// The ARM circuit a diagnostics request names.
    fn diagnosed_circuit(&self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<&CircuitRecord> {
        self.caller(caller)?;
        self.group(caller, group)?;
        let key = self.arm_circuit_key(caller, group, name).ok_or_else(|| errors::circuit_not_found(group, name))?;
        self.circuits.get(&key).ok_or_else(|| classic::circuit_not_found(&key))
    }

    /// The circuit and its peering of that type, or the recorded 400 for a peering it lacks.
    fn diagnosed_peering(&self, caller: &SubscriptionId, group: &str, name: &str, access: BgpPeeringAccessType) -> CloudResult<&CircuitRecord> {
        let circuit = self.diagnosed_circuit(caller, group, name)?;
        match circuit.peering(access) {
            Some(_) => Ok(circuit),
            None => Err(errors::bgp_peering_not_found(arm_peering_type(access), &circuit.service_key)),
        }
    }

    /// GET …/peerings/{p}/stats, or without a peering …/stats: the circuit's counters, the
    /// sum of its peerings' (zero without any).
    pub fn arm_circuit_stats(&self, caller: &SubscriptionId, group: &str, name: &str, peering: Option<BgpPeeringAccessType>) -> CloudResult<PeeringStats> {
        if let Some(access) = peering {
            let circuit = self.diagnosed_peering(caller, group, name, access)?;
            return self.stats_of(circuit, access);
        }
        let circuit = self.diagnosed_circuit(caller, group, name)?;
        let mut total = PeeringStats::default();
        for p in &circuit.peerings {
            let s = self.stats_of(circuit, p.access_type)?;
            total.primary_bytes_in += s.primary_bytes_in;
            total.primary_bytes_out += s.primary_bytes_out;
            total.secondary_bytes_in += s.secondary_bytes_in;
            total.secondary_bytes_out += s.secondary_bytes_out;
        }
        Ok(total)
    }

    /// POST …/peerings/{p}/arpTables/{path} (or routeTables, routeTablesSummary): the
    /// circuit's table of that kind, as the cross connection's (`DiagnosticTable`).
    pub(crate) fn arm_table<T: DiagnosticTable>(
        &self,
        caller: &SubscriptionId,
        group: &str,
        name: &str,
        access: BgpPeeringAccessType,
        path: DevicePath,
    ) -> CloudResult<Vec<T>> {
        let circuit = self.diagnosed_peering(caller, group, name, access)?;
        Ok(T::rows(self, circuit, access, path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::arm::network::tests::peered_circuit;
    use crate::cloud::circuit::tests::world;
    use chrono::Duration;

    /// The circuit `ckt` in `rg`, peered privately and closed to classic operations.
    fn peered() -> (World, SubscriptionId, crate::cloud::world::ServiceKey) {
        let (mut w, sub) = world();
        let key = peered_circuit(&mut w, &sub, "rg", "ckt", None).service_key;
        (w, sub, key)
    }

    #[test]
    fn arm_diagnostics_are_the_classic_ones_by_group_and_name() {
        let (mut w, sub, key) = peered();
        w.advance_clock(Duration::hours(1));
        let private = BgpPeeringAccessType::Private;
        let stats = w.arm_circuit_stats(&sub, "rg", "ckt", Some(private)).unwrap();
        assert!(stats.primary_bytes_in > 0);
        assert_eq!(w.arm_circuit_stats(&sub, "rg", "ckt", None).unwrap(), stats, "one peering: the circuit's total is its own");
        let arp: Vec<crate::cloud::diagnostics::ArpEntry> = w.arm_table(&sub, "rg", "ckt", private, DevicePath::Secondary).unwrap();
        assert_eq!(arp.iter().map(|r| r.ip_address.as_str()).collect::<Vec<_>>(), ["172.16.0.5", "172.16.0.6"]);
        let summary: Vec<crate::cloud::diagnostics::RouteSummaryEntry> = w.arm_table(&sub, "rg", "ckt", private, DevicePath::Primary).unwrap();
        assert_eq!(summary[0].asn, 65020);
        // The classic diagnostics do not see a circuit that allows no classic operations.
        assert_eq!(w.peering_stats(&sub, &key, private).unwrap_err().code, "ResourceNotFound");
    }

    #[test]
    fn a_missing_peering_or_circuit_is_an_error() {
        let (w, sub, key) = peered();
        let e = w.arm_table::<crate::cloud::diagnostics::RouteEntry>(&sub, "rg", "ckt", BgpPeeringAccessType::Public, DevicePath::Primary).unwrap_err();
        assert_eq!((e.status, e.message), (400, format!("The BGP Peering AzurePublicPeering with Service Key {key} is not found.")));
        assert_eq!(w.arm_circuit_stats(&sub, "rg", "nope", None).unwrap_err().code, "ResourceNotFound");
        assert_eq!(w.arm_circuit_stats(&sub, "nogroup", "ckt", None).unwrap_err().code, "ResourceGroupNotFound");
    }
}
