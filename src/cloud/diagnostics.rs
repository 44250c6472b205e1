//! Diagnostics data of a peering: traffic counters, ARP tables and BGP route tables, as rows
//! of data (the cmdlet layer builds the strings the real cmdlets printed).
//!
//! Everything is a pure function of the world: counters grow with the virtual clock at a
//! per-circuit utilisation derived from the service key, so a seeded world repeats them.

use serde::{Deserialize, Serialize};

use super::circuit::{CircuitRecord, ProviderProvisioningState};
use super::errors::{self, CloudResult};
use super::net::Ipv4Prefix;
use super::peering::{BgpPeeringAccessType, BgpPeeringState, PeeringRecord, AZURE_ASN, VNET_GATEWAY_ASN};
use super::vnet::GATEWAY_SUBNET;
use super::world::{ServiceKey, SubscriptionId, World};

string_enum! {
    /// `DevicePath` (Primary = 0, Secondary = 1): which MSEE of the pair.
    DevicePath { Primary, Secondary }
}

/// Bytes counters of one peering (`AzureDedicatedCircuitStats`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeeringStats {
    /// Bytes received on the primary path.
    pub primary_bytes_in: u64,
    /// Bytes sent on the primary path.
    pub primary_bytes_out: u64,
    /// Bytes received on the secondary path.
    pub secondary_bytes_in: u64,
    /// Bytes sent on the secondary path.
    pub secondary_bytes_out: u64,
}

/// One ARP table row (`Age Interface IpAddress MacAddress`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArpEntry {
    /// Minutes since the entry was refreshed.
    pub age: u32,
    /// `On-Prem` or `Microsoft`.
    pub interface: String,
    /// Interface address: .1 of the /30 on premises (odd), .2 at Microsoft (even).
    pub ip_address: String,
    /// `xxxx.xxxx.xxxx`.
    pub mac_address: String,
}

/// One BGP neighbor summary row (`Neighbor V AS UpDown StatePfxRcd`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteSummaryEntry {
    /// Neighbor address (the customer's interface).
    pub neighbor: String,
    /// BGP version, 4.
    pub version: u32,
    /// Neighbor AS.
    pub asn: u32,
    /// Session age in router notation (`00:12:34`, `3d04h`, `8w4d`), or `never`.
    pub up_down: String,
    /// Prefixes received, or the session state (`Idle`) when it is down.
    pub state_pfx_rcd: String,
}

/// One BGP route row (`Network NextHop LocPrf Weight Path`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteEntry {
    /// Prefix.
    pub network: String,
    /// Next hop (the customer's interface; Microsoft's for the prefixes it advertises).
    pub next_hop: String,
    /// Local preference; empty as in the doc sample.
    pub loc_prf: String,
    /// Weight.
    pub weight: u32,
    /// AS path.
    pub path: String,
}

/// FNV-1a: stable across runs and Rust versions, unlike `DefaultHasher`.
fn fnv(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in *part {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn mac(seed: u64) -> String {
    let hex = format!("{:012x}", seed & 0xffff_ffff_ffff);
    format!("{}.{}.{}", &hex[0..4], &hex[4..8], &hex[8..12])
}

/// Cisco-style `show bgp summary` Up/Down column.
fn up_down(seconds: i64) -> String {
    let (m, h, d) = (seconds / 60, seconds / 3600, seconds / 86_400);
    if d >= 7 {
        format!("{}w{}d", d / 7, d % 7)
    } else if d >= 1 {
        format!("{}d{:02}h", d, h % 24)
    } else {
        format!("{:02}:{:02}:{:02}", h, m % 60, seconds % 60)
    }
}

impl CircuitRecord {
    pub(crate) fn peering(&self, access_type: BgpPeeringAccessType) -> Option<&PeeringRecord> {
        self.peerings.iter().find(|p| p.access_type == access_type)
    }

    /// The BGP session is up: provider provisioned and the peering enabled.
    fn session_up(&self, peering: &PeeringRecord) -> bool {
        self.provider_state == ProviderProvisioningState::Provisioned && peering.state() == BgpPeeringState::Enabled
    }
}

impl PeeringRecord {
    fn path_subnet(&self, path: DevicePath) -> Option<Ipv4Prefix> {
        Ipv4Prefix::parse(match path {
            DevicePath::Primary => &self.primary_peer_subnet,
            DevicePath::Secondary => &self.secondary_peer_subnet,
        })
    }

    /// What the customer's routers announce on this peering.
    fn announced_routes(&self) -> Vec<String> {
        match self.access_type {
            BgpPeeringAccessType::Microsoft => self.advertised_prefixes().iter().map(|p| p.to_string()).collect(),
            _ => self.customer_routes.clone(),
        }
    }
}

impl World {
    fn peering_age_seconds(&self, peering: &PeeringRecord) -> i64 {
        (self.now - peering.created_at).num_seconds().max(0)
    }

    /// Get-AzureDedicatedCircuitStats for one peering. A missing peering answers the recorded
    /// `ResourceNotFound` "Can not find any subinterface ..." text.
    pub fn peering_stats(&self, caller: &SubscriptionId, key: &ServiceKey, access_type: BgpPeeringAccessType) -> CloudResult<PeeringStats> {
        let circuit = self.classic_circuit(caller, key, errors::circuit_not_found)?;
        self.stats_of(circuit, access_type)
    }

    /// A peering's counters, whichever model asks.
    pub(crate) fn stats_of(&self, circuit: &CircuitRecord, access_type: BgpPeeringAccessType) -> CloudResult<PeeringStats> {
        let key = &circuit.service_key;
        let peering = circuit.peering(access_type).ok_or_else(|| errors::no_subinterface(access_type.as_str(), key))?;
        if !circuit.session_up(peering) {
            return Ok(PeeringStats::default());
        }
        let seconds = self.peering_age_seconds(peering) as u64;
        let bytes_per_second = u64::from(circuit.bandwidth) * 1_000_000 / 8;
        let counter = |field: &[u8]| {
            // 2–9 % utilisation, fixed per circuit, peering and counter.
            let percent = 2 + fnv(&[key.as_bytes(), access_type.as_str().as_bytes(), field]) % 8;
            bytes_per_second.saturating_mul(percent).saturating_mul(seconds) / 100
        };
        Ok(PeeringStats {
            primary_bytes_in: counter(b"pi"),
            primary_bytes_out: counter(b"po"),
            secondary_bytes_in: counter(b"si"),
            secondary_bytes_out: counter(b"so"),
        })
    }

    /// Get-AzureDedicatedCircuitPeeringArpInfo rows. No peering ⇒ no rows (the doc's empty
    /// "ARP Info:"). The on-premises row appears only while the provider side is provisioned
    /// ("Only one entry appears ... when the connectivity-provider side has problems").
    pub fn arp_table(&self, caller: &SubscriptionId, key: &ServiceKey, access_type: BgpPeeringAccessType, path: DevicePath) -> CloudResult<Vec<ArpEntry>> {
        let circuit = self.classic_circuit(caller, key, errors::circuit_not_found)?;
        Ok(self.arp_rows_of(circuit, access_type, path))
    }

    /// A peering path's ARP rows, whichever model asks.
    pub(crate) fn arp_rows_of(&self, circuit: &CircuitRecord, access_type: BgpPeeringAccessType, path: DevicePath) -> Vec<ArpEntry> {
        let key = &circuit.service_key;
        let Some(peering) = circuit.peering(access_type) else {
            return Vec::new();
        };
        let Some(subnet) = peering.path_subnet(path) else {
            return Vec::new();
        };
        let path_tag = path.as_str().as_bytes();
        let mut rows = Vec::new();
        if circuit.provider_state == ProviderProvisioningState::Provisioned {
            rows.push(ArpEntry {
                age: (self.peering_age_seconds(peering) / 60 % 240) as u32,
                interface: "On-Prem".into(),
                ip_address: subnet.host(1).to_string(),
                mac_address: mac(fnv(&[key.as_bytes(), path_tag, b"on-prem"])),
            });
        }
        // The same Microsoft MAC on every peering of a path (ARP troubleshooting doc).
        rows.push(ArpEntry {
            age: 0,
            interface: "Microsoft".into(),
            ip_address: subnet.host(2).to_string(),
            mac_address: mac(fnv(&[key.as_bytes(), path_tag, b"msee"])),
        });
        rows
    }

    /// Get-AzureDedicatedCircuitPeeringRouteTableSummary rows (one neighbor per path).
    pub fn route_table_summary(
        &self,
        caller: &SubscriptionId,
        key: &ServiceKey,
        access_type: BgpPeeringAccessType,
        path: DevicePath,
    ) -> CloudResult<Vec<RouteSummaryEntry>> {
        let circuit = self.classic_circuit(caller, key, errors::circuit_not_found)?;
        Ok(self.summary_rows_of(circuit, access_type, path))
    }

    /// A peering path's BGP neighbor summary, whichever model asks.
    pub(crate) fn summary_rows_of(&self, circuit: &CircuitRecord, access_type: BgpPeeringAccessType, path: DevicePath) -> Vec<RouteSummaryEntry> {
        let Some(peering) = circuit.peering(access_type) else {
            return Vec::new();
        };
        let Some(subnet) = peering.path_subnet(path) else {
            return Vec::new();
        };
        let up = circuit.session_up(peering);
        vec![RouteSummaryEntry {
            neighbor: subnet.host(1).to_string(),
            version: 4,
            asn: peering.peer_asn,
            up_down: if up { up_down(self.peering_age_seconds(peering)) } else { "never".into() },
            state_pfx_rcd: if up { peering.announced_routes().len().to_string() } else { "Idle".into() },
        }]
    }

    /// Get-AzureDedicatedCircuitPeeringRouteTableInfo rows while the session is up, sorted by
    /// network: the routes received from the customer (next hop its `.1`, path its ASNs) and,
    /// on private peering, the address spaces of the linked VNets, learned from their gateways
    /// (next hop the gateway instance: `.4` of the GatewaySubnet on the primary path, `.5` on
    /// the secondary, the first addresses Azure does not reserve; path 65515, the gateways'
    /// ASN the routing page tells customers to avoid).
    pub fn route_table(&self, caller: &SubscriptionId, key: &ServiceKey, access_type: BgpPeeringAccessType, path: DevicePath) -> CloudResult<Vec<RouteEntry>> {
        let circuit = self.classic_circuit(caller, key, errors::circuit_not_found)?;
        Ok(self.route_rows_of(circuit, access_type, path))
    }

    /// A peering path's routes, whichever model asks.
    pub(crate) fn route_rows_of(&self, circuit: &CircuitRecord, access_type: BgpPeeringAccessType, path: DevicePath) -> Vec<RouteEntry> {
        let Some(peering) = circuit.peering(access_type) else {
            return Vec::new();
        };
        let (Some(subnet), true) = (peering.path_subnet(path), circuit.session_up(peering)) else {
            return Vec::new();
        };
        let as_path = match peering.customer_asn {
            0 => peering.peer_asn.to_string(),
            c if c == peering.peer_asn => c.to_string(),
            c => format!("{} {}", peering.peer_asn, c),
        };
        let route = |network: String, next_hop: String, path: String| RouteEntry { network, next_hop, loc_prf: String::new(), weight: 0, path };
        let mut rows: Vec<RouteEntry> =
            peering.announced_routes().into_iter().map(|network| route(network, subnet.host(1).to_string(), as_path.clone())).collect();
        if access_type == BgpPeeringAccessType::Microsoft {
            // What Microsoft advertises, as sent from its side of the path (chosen: next hop
            // the MSEE's address, path its ASN); a route filter decides it (arm/network). This
            // is the IPv4 table: the IPv6 communities' prefixes belong to the IPv6 session.
            for prefix in self.microsoft_advertised_prefixes(peering).into_iter().filter(|p| !p.contains(':')) {
                rows.push(route(prefix.to_string(), subnet.host(2).to_string(), AZURE_ASN.to_string()));
            }
        }
        if access_type == BgpPeeringAccessType::Private {
            let instance = match path {
                DevicePath::Primary => 4,
                DevicePath::Secondary => 5,
            };
            for link in &circuit.links {
                let Some(vnet) = self.vnets.find(&link.subscription, &link.vnet_name) else { continue };
                let config = &vnet.config;
                let gateway_subnet =
                    config.subnets.iter().find(|s| s.name.eq_ignore_ascii_case(GATEWAY_SUBNET)).and_then(|s| Ipv4Prefix::parse(&s.address_prefix));
                let Some(gateway_subnet) = gateway_subnet else { continue };
                for space in &config.address_spaces {
                    rows.push(route(space.clone(), gateway_subnet.host(instance).to_string(), VNET_GATEWAY_ASN.to_string()));
                }
            }
            // Resource Manager VNets connected through their gateways announce theirs alike.
            for (spaces, gateway_subnet) in self.arm_connected_vnets(circuit) {
                let Some(gateway_subnet) = Ipv4Prefix::parse(&gateway_subnet) else { continue };
                for space in spaces {
                    rows.push(route(space, gateway_subnet.host(instance).to_string(), VNET_GATEWAY_ASN.to_string()));
                }
            }
        }
        rows.sort_by_key(|r| Ipv4Prefix::parse(&r.network).map(|p| (u32::from(p.host(0)), p.len())));
        rows
    }

    /// Simulation control: the prefixes the customer's routers announce on a Private or Public
    /// peering (Microsoft peering announces its advertised public prefixes).
    pub fn set_customer_routes(&mut self, caller: &SubscriptionId, key: &ServiceKey, access_type: BgpPeeringAccessType, routes: &[String]) -> CloudResult<()> {
        let mut parsed = Vec::new();
        for r in routes {
            let p = Ipv4Prefix::parse(r).filter(Ipv4Prefix::is_network).ok_or_else(|| errors::advertised_prefix_invalid(r))?;
            parsed.push(p.to_string());
        }
        let circuit = self.owned_circuit_mut(caller, key, errors::circuit_not_found)?;
        let peering = circuit.peerings.iter_mut().find(|p| p.access_type == access_type).ok_or_else(errors::peering_not_found)?;
        peering.customer_routes = parsed;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::link::tests::linkable;
    use crate::cloud::peering::NewBgpPeering;
    use chrono::Duration;
    use BgpPeeringAccessType::*;

    #[test]
    fn stats_grow_with_the_clock_and_repeat() {
        let (mut w, sub, key) = linkable(0);
        assert_eq!(w.peering_stats(&sub, &key, Private).unwrap(), PeeringStats::default());
        w.advance_clock(Duration::hours(1));
        let a = w.peering_stats(&sub, &key, Private).unwrap();
        assert!(a.primary_bytes_in > 0 && a.secondary_bytes_out > 0);
        // 200 Mbps for an hour at 2–9 %.
        let full = 200 * 1_000_000 / 8 * 3600;
        assert!(a.primary_bytes_in >= full * 2 / 100 && a.primary_bytes_in <= full * 9 / 100);
        w.advance_clock(Duration::hours(1));
        let b = w.peering_stats(&sub, &key, Private).unwrap();
        assert_eq!(b.primary_bytes_in, a.primary_bytes_in * 2);
        let (mut w2, sub2, key2) = linkable(0);
        w2.advance_clock(Duration::hours(2));
        assert_eq!(key, key2, "seeded worlds repeat keys");
        assert_eq!(w2.peering_stats(&sub2, &key2, Private).unwrap(), b);
    }

    #[test]
    fn stats_on_a_missing_peering_use_the_recorded_text() {
        let (w, sub, key) = linkable(0);
        let e = w.peering_stats(&sub, &key, Public).unwrap_err();
        assert_eq!(e.to_string(), format!("ResourceNotFound: Can not find any subinterface for peering type 'Public' for circuit '{key}' ."));
    }

    #[test]
    fn arp_rows() {
        let (mut w, sub, key) = linkable(0);
        w.advance_clock(Duration::minutes(113));
        let rows = w.arp_table(&sub, &key, Private, DevicePath::Primary).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].age, rows[0].interface.as_str(), rows[0].ip_address.as_str()), (113, "On-Prem", "10.0.0.1"));
        assert_eq!((rows[1].age, rows[1].interface.as_str(), rows[1].ip_address.as_str()), (0, "Microsoft", "10.0.0.2"));
        assert_eq!(rows[1].mac_address.len(), 14);
        assert_eq!(rows[1].mac_address.matches('.').count(), 2);
        let sec = w.arp_table(&sub, &key, Private, DevicePath::Secondary).unwrap();
        assert_eq!(sec[0].ip_address, "10.0.0.5");
        // Same Microsoft MAC on another peering of the same path.
        let public = NewBgpPeering {
            peer_asn: 1234,
            primary_peer_subnet: "131.107.0.0/30".into(),
            secondary_peer_subnet: "131.107.0.4/30".into(),
            vlan_id: 200,
            ..Default::default()
        };
        w.new_bgp_peering(&sub, &key, Public, public).unwrap();
        let pubrows = w.arp_table(&sub, &key, Public, DevicePath::Primary).unwrap();
        assert_eq!(pubrows[1].mac_address, rows[1].mac_address);
        assert!(w.arp_table(&sub, &key, Microsoft, DevicePath::Primary).unwrap().is_empty());
        // Provider side down: only the Microsoft row.
        w.circuits[&key].provider_state = ProviderProvisioningState::Deprovisioning;
        let rows = w.arp_table(&sub, &key, Private, DevicePath::Primary).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].interface, "Microsoft");
    }

    #[test]
    fn route_tables() {
        let (mut w, sub, key) = linkable(1);
        let routes = vec!["10.1.0.0/16".to_string(), "10.2.0.0/16".to_string()];
        w.set_customer_routes(&sub, &key, Private, &routes).unwrap();
        assert!(w.set_customer_routes(&sub, &key, Private, &["x".into()]).is_err());
        assert!(w.set_customer_routes(&sub, &key, Public, &routes).is_err());
        w.advance_clock(Duration::days(60));
        let s = w.route_table_summary(&sub, &key, Private, DevicePath::Primary).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!((s[0].neighbor.as_str(), s[0].version, s[0].asn), ("10.0.0.1", 4, 1234));
        assert_eq!((s[0].up_down.as_str(), s[0].state_pfx_rcd.as_str()), ("8w4d", "2"));
        let t = w.route_table(&sub, &key, Private, DevicePath::Primary).unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!((t[0].network.as_str(), t[0].next_hop.as_str(), t[0].weight, t[0].path.as_str()), ("10.1.0.0/16", "10.0.0.1", 0, "1234"));
        assert!(w.route_table(&sub, &key, Public, DevicePath::Primary).unwrap().is_empty());
        // A linked VNet's address space, learned from its gateway, sorted among the customer's.
        w.new_circuit_link(&sub, &key, "V0").unwrap();
        let t = w.route_table(&sub, &key, Private, DevicePath::Secondary).unwrap();
        let rows: Vec<(&str, &str, &str)> = t.iter().map(|r| (r.network.as_str(), r.next_hop.as_str(), r.path.as_str())).collect();
        assert_eq!(rows, [("10.1.0.0/16", "10.0.0.5", "1234"), ("10.1.0.0/16", "10.1.1.5", "65515"), ("10.2.0.0/16", "10.0.0.5", "1234")]);
        assert!(w.route_table_summary(&sub, &key, Public, DevicePath::Primary).unwrap().is_empty());
    }

    #[test]
    fn up_down_notation() {
        assert_eq!(up_down(3723), "01:02:03");
        assert_eq!(up_down(86_400 * 3 + 3600 * 4), "3d04h");
        assert_eq!(up_down(86_400 * 60), "8w4d");
    }
}
