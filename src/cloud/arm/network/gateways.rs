//! Virtual network gateways. A gateway sits in its VNet's `GatewaySubnet` (/27 or larger for
//! ExpressRoute), one of each type per VNet (an ExpressRoute and a VPN gateway may coexist),
//! on a public IP that is Dynamic unless its SKU is Standard. Building one takes virtual time:
//! the gateway is `Updating` until it is ready, and nothing may change it meanwhile. A resize
//! stays within its type and never goes to or from UltraPerformance.

use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::errors;
use super::ids::{network_id, parse_id};
use super::records::{AllocationMethod, Common, GatewayIpConfigRecord, GatewayKind, GatewayRecord, GatewaySku, PublicIpSku, VpnType};
use crate::cloud::arm::errors as arm_errors;
use crate::cloud::arm::resource::merge_tags;
use crate::cloud::arm::{etag_text, normalize_region, ProvisioningState, Tags};
use crate::cloud::errors::CloudResult;
use crate::cloud::net::Ipv4Prefix;
use crate::cloud::world::{SubscriptionId, World};

pub(crate) const KIND: &str = "virtualNetworkGateways";

/// "The gateway can take 45 minutes or more to create" (add-gateway 2020).
pub const GATEWAY_BUILD_MINUTES: i64 = 45;

/// One IP configuration as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GatewayIpConfigPut {
    pub name: String,
    pub subnet_id: Option<String>,
    pub public_ip_id: Option<String>,
    pub private_ip: Option<String>,
}

/// The body of a gateway PUT (New-, Set-, Resize-AzVirtualNetworkGateway).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GatewayPut {
    pub resource_group: String,
    pub name: String,
    pub location: String,
    /// As typed; none is Vpn, as the cmdlet sends.
    pub kind: Option<String>,
    /// As typed; none is the type's smallest (Standard, Basic).
    pub sku: Option<String>,
    pub vpn_type: Option<String>,
    pub enable_bgp: bool,
    /// `bgpSettings.asn` (-Asn); none keeps the current one (65515 when new).
    pub asn: Option<u32>,
    pub ip_configurations: Vec<GatewayIpConfigPut>,
    pub tags: Tags,
}

/// "VPN Gateway defaults to ASN 65515 if not specified" (coexist 2019).
pub const DEFAULT_VPN_ASN: u32 = 65515;

/// A gateway IP configuration as the service answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatewayIpConfig {
    pub name: String,
    pub id: String,
    pub subnet_id: String,
    pub public_ip_id: Option<String>,
    pub private_ip: Option<String>,
}

/// A gateway as the service answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gateway {
    pub record: GatewayRecord,
    pub id: String,
    pub etag: String,
    pub provisioning_state: ProvisioningState,
    pub ip_configurations: Vec<GatewayIpConfig>,
    /// A VPN gateway's BGP settings: its ASN and peering address (the GatewaySubnet's last
    /// host); none for an ExpressRoute gateway.
    pub bgp: Option<(u32, String)>,
}

/// The subnet an IP configuration names: its id's VNet must be the caller's, in the
/// gateway's region, and the subnet its GatewaySubnet.
struct Placement {
    vnet: (String, String),
    subnet_id: String,
    public_ip: Option<(String, String, String)>,
}

impl World {
    pub(crate) fn gateway_view(&self, caller: &SubscriptionId, g: &GatewayRecord) -> Gateway {
        let id = network_id(caller, &g.common.resource_group, KIND, &g.common.name);
        let ip_configurations = g
            .ip_configurations
            .iter()
            .map(|c| GatewayIpConfig {
                name: c.name.clone(),
                id: format!("{id}/ipConfigurations/{}", c.name),
                subnet_id: c.subnet_id.clone(),
                public_ip_id: c.public_ip_id.clone(),
                private_ip: c.private_ip.clone(),
            })
            .collect();
        let provisioning_state = if self.now < g.ready_at { ProvisioningState::Updating } else { ProvisioningState::Succeeded };
        let bgp = (g.kind == GatewayKind::Vpn).then(|| {
            let set = self.arm_networks.of(caller);
            let subnet = set
                .virtual_networks
                .iter()
                .find(|v| v.common.is(&g.vnet.0, &g.vnet.1))
                .and_then(|v| v.subnets.iter().find(|s| s.name.eq_ignore_ascii_case("GatewaySubnet")));
            let prefix = subnet.and_then(|s| s.address_prefixes.first()).and_then(|p| Ipv4Prefix::parse(p));
            let address = prefix.map_or(String::new(), |p| p.host((1u32 << (32 - u32::from(p.len()).min(31))) - 2).to_string());
            (g.asn.unwrap_or(DEFAULT_VPN_ASN), address)
        });
        Gateway { record: g.clone(), etag: etag_text(&g.common.etag), id, provisioning_state, ip_configurations, bgp }
    }

    /// The id of the gateway IP configuration that uses the public IP `ip_id`, if any.
    pub(crate) fn gateway_using_ip(&self, caller: &SubscriptionId, ip_id: &str) -> Option<String> {
        let set = self.arm_networks.of(caller);
        set.gateways.iter().find_map(|g| {
            let c = g.ip_configurations.iter().find(|c| c.public_ip_id.as_deref().is_some_and(|p| p.eq_ignore_ascii_case(ip_id)))?;
            Some(format!("{}/ipConfigurations/{}", network_id(caller, &g.common.resource_group, KIND, &g.common.name), c.name))
        })
    }

    /// Whether the group holds a gateway of this name.
    pub fn gateway_exists(&self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<bool> {
        self.network_exists::<GatewayRecord>(caller, group, name)
    }

    fn place(&self, caller: &SubscriptionId, region: &str, kind: GatewayKind, gateway_id: &str, c: &GatewayIpConfigPut) -> CloudResult<Placement> {
        let subnet_id = c.subnet_id.clone().unwrap_or_default();
        let path = "properties.ipConfigurations.properties.subnet.id";
        let parsed = parse_id(&subnet_id).filter(|p| p.is_child(super::vnets::KIND, "subnets")).ok_or_else(|| errors::invalid_reference(&subnet_id, path))?;
        let set = self.arm_networks.of(caller);
        let vnet = set
            .virtual_networks
            .iter()
            .find(|v| parsed.subscription == *caller && v.common.is(&parsed.group, &parsed.name) && v.common.location == region)
            .ok_or_else(|| errors::reference_not_found(&subnet_id))?;
        let (_, subnet_name) = parsed.child.clone().unwrap_or_default();
        let subnet = vnet.subnets.iter().find(|s| s.name.eq_ignore_ascii_case(&subnet_name)).ok_or_else(|| errors::reference_not_found(&subnet_id))?;
        if !subnet.name.eq_ignore_ascii_case("GatewaySubnet") {
            return Err(errors::not_gateway_subnet(&subnet_id));
        }
        let widest = subnet.address_prefixes.iter().filter_map(|p| Ipv4Prefix::parse(p)).map(|p| p.len()).min().unwrap_or(32);
        if kind == GatewayKind::ExpressRoute && widest > 27 {
            return Err(errors::gateway_subnet_too_small(&subnet_id, widest));
        }
        let public_ip = match c.public_ip_id.as_deref().filter(|p| !p.is_empty()) {
            None => None,
            Some(ip_id) => {
                let path = "properties.ipConfigurations.properties.publicIPAddress.id";
                let parsed = parse_id(ip_id).filter(|p| p.is(super::public_ips::KIND)).ok_or_else(|| errors::invalid_reference(ip_id, path))?;
                let ip = set
                    .public_ips
                    .iter()
                    .find(|p| parsed.subscription == *caller && p.common.is(&parsed.group, &parsed.name) && p.common.location == region)
                    .ok_or_else(|| errors::reference_not_found(ip_id))?;
                if ip.allocation == AllocationMethod::Static && ip.sku == PublicIpSku::Basic {
                    return Err(errors::public_ip_must_be_dynamic(ip_id, gateway_id));
                }
                if let Some(user) =
                    self.gateway_using_ip(caller, ip_id).filter(|u| !u.to_ascii_lowercase().starts_with(&format!("{}/", gateway_id.to_ascii_lowercase())))
                {
                    return Err(errors::public_ip_taken(ip_id, &user));
                }
                Some((
                    ip.common.resource_group.clone(),
                    ip.common.name.clone(),
                    network_id(caller, &ip.common.resource_group, super::public_ips::KIND, &ip.common.name),
                ))
            }
        };
        Ok(Placement {
            vnet: (vnet.common.resource_group.clone(), vnet.common.name.clone()),
            subnet_id: format!("{}/subnets/{}", network_id(caller, &vnet.common.resource_group, super::vnets::KIND, &vnet.common.name), subnet.name),
            public_ip,
        })
    }

    /// PUT of a gateway: creates it (it is `Updating` for [`GATEWAY_BUILD_MINUTES`]; with
    /// `wait` the call returns once it is ready, as the cmdlet does without -AsJob) or
    /// changes its SKU, BGP setting and tags.
    pub fn put_virtual_network_gateway(&mut self, caller: &SubscriptionId, put: GatewayPut, wait: bool) -> CloudResult<Gateway> {
        self.caller(caller)?;
        let group = self.group(caller, &put.resource_group)?.name.clone();
        let region =
            normalize_region(&put.location).ok_or_else(|| arm_errors::location_not_available(&put.location, "Microsoft.Network/virtualNetworkGateways"))?;
        super::check_name(&put.name)?;
        let kind_text = put.kind.clone().filter(|k| !k.is_empty()).unwrap_or_else(|| "Vpn".into());
        let kind = GatewayKind::parse(&kind_text).ok_or_else(|| super::invalid_value("gatewayType", &kind_text))?;
        let existing = self.stored_network::<GatewayRecord>(caller, &group, &put.name);
        let default_sku = if kind == GatewayKind::ExpressRoute { "Standard" } else { "Basic" };
        let sku_text =
            put.sku.clone().filter(|s| !s.is_empty()).unwrap_or_else(|| existing.as_ref().map_or(default_sku.to_string(), |e| e.sku.as_str().to_string()));
        let sku = GatewaySku::parse(&sku_text).ok_or_else(|| super::invalid_value("sku.name", &sku_text))?;
        let fits = match kind {
            GatewayKind::ExpressRoute => sku.is_express_route(),
            GatewayKind::Vpn => sku.is_vpn(),
            GatewayKind::LocalGateway => false,
        };
        if !fits {
            return Err(errors::sku_not_for_type(sku.as_str(), kind.as_str()));
        }
        let gateway_id = network_id(caller, &group, KIND, &put.name);
        if let Some(old) = existing {
            return self.update_gateway(caller, old, put, kind, sku);
        }
        if put.ip_configurations.is_empty() {
            return Err(super::invalid_value("ipConfigurations", "[]"));
        }
        let placements = put.ip_configurations.iter().map(|c| self.place(caller, region, kind, &gateway_id, c)).collect::<CloudResult<Vec<_>>>()?;
        let vnet = placements[0].vnet.clone();
        let set = self.arm_networks.of(caller);
        let same_vnet = |g: &&GatewayRecord| g.kind == kind && g.vnet.0.eq_ignore_ascii_case(&vnet.0) && g.vnet.1.eq_ignore_ascii_case(&vnet.1);
        if let Some(other) = set.gateways.iter().find(same_vnet) {
            return Err(errors::gateway_exists_in_vnet(kind.as_str(), &vnet.1, &network_id(caller, &other.common.resource_group, KIND, &other.common.name)));
        }
        let vpn_type = VpnType::parse(put.vpn_type.as_deref().unwrap_or("RouteBased")).unwrap_or(VpnType::RouteBased);
        // Coexistence (coexist 2019): no Basic SKU on either side, and the VPN gateway route-based.
        let beside = |g: &&GatewayRecord| g.kind != kind && g.vnet.0.eq_ignore_ascii_case(&vnet.0) && g.vnet.1.eq_ignore_ascii_case(&vnet.1);
        if let Some(other) = set.gateways.iter().find(beside) {
            let policy_based = if kind == GatewayKind::Vpn { vpn_type == VpnType::PolicyBased } else { other.vpn_type == VpnType::PolicyBased };
            if sku == GatewaySku::Basic || other.sku == GatewaySku::Basic || policy_based {
                return Err(errors::coexistence_unsupported(&vnet.1));
            }
        }
        let mut ip_configurations = Vec::new();
        for (c, p) in put.ip_configurations.iter().zip(&placements) {
            if let Some((g, n, _)) = &p.public_ip {
                let needs_address = self.arm_networks.of(caller).public_ips.iter().any(|ip| ip.common.is(g, n) && ip.address.is_none());
                if needs_address {
                    let address = self.draw_public_address();
                    if let Some(ip) = self.arm_networks.of_mut(caller).public_ips.iter_mut().find(|ip| ip.common.is(g, n)) {
                        ip.address = Some(address);
                    }
                }
            }
            ip_configurations.push(GatewayIpConfigRecord {
                name: c.name.clone(),
                subnet_id: p.subnet_id.clone(),
                public_ip_id: p.public_ip.as_ref().map(|(_, _, id)| id.clone()),
                private_ip: c.private_ip.clone().filter(|a| !a.is_empty()),
            });
        }
        let common = self.new_common(group, &put.name, region, &put.tags);
        let ready_at: NaiveDateTime = self.now + Duration::minutes(GATEWAY_BUILD_MINUTES);
        let record = GatewayRecord { common, kind, sku, vpn_type, enable_bgp: put.enable_bgp, ip_configurations, vnet, ready_at, asn: put.asn };
        self.store_network(caller, &record);
        if wait {
            self.advance_clock(ready_at - self.now);
        }
        Ok(self.gateway_view(caller, &record))
    }

    /// The PUT of an existing gateway: a resize within its type (never to or from
    /// UltraPerformance), BGP and tags; refused while it is still being built.
    fn update_gateway(&mut self, caller: &SubscriptionId, old: GatewayRecord, put: GatewayPut, kind: GatewayKind, sku: GatewaySku) -> CloudResult<Gateway> {
        let id = network_id(caller, &old.common.resource_group, KIND, &old.common.name);
        if self.now < old.ready_at {
            return Err(errors::gateway_busy(&id));
        }
        if kind != old.kind {
            return Err(errors::gateway_type_fixed());
        }
        let ultra = |s: GatewaySku| s == GatewaySku::UltraPerformance;
        if sku != old.sku && (ultra(sku) || ultra(old.sku)) {
            return Err(errors::resize_ultra(old.sku.as_str(), sku.as_str()));
        }
        let etag = self.ids.next_guid();
        let asn = put.asn.or(old.asn);
        let record = GatewayRecord { common: Common { tags: merge_tags(&put.tags), etag, ..old.common }, sku, enable_bgp: put.enable_bgp, asn, ..old };
        self.store_network(caller, &record);
        Ok(self.gateway_view(caller, &record))
    }

    /// GET of one gateway.
    pub fn get_virtual_network_gateway(&self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<Gateway> {
        self.get_network::<GatewayRecord>(caller, group, name)
    }

    /// Waits for a gateway's build (the long-running PUT an `-AsJob` cmdlet left running):
    /// the world's clock moves to its end, then the gateway as it then is.
    pub fn await_virtual_network_gateway(&mut self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<Gateway> {
        if let Some(g) = self.stored_network::<GatewayRecord>(caller, group, name) {
            if self.now < g.ready_at {
                self.advance_clock(g.ready_at - self.now);
            }
        }
        self.get_virtual_network_gateway(caller, group, name)
    }

    /// The gateways of a group, or of the subscription (for a wildcard group name).
    pub fn list_virtual_network_gateways(&self, caller: &SubscriptionId, group: Option<&str>) -> CloudResult<Vec<Gateway>> {
        self.list_network::<GatewayRecord>(caller, group)
    }

    /// DELETE of a gateway: refused while a connection uses it or while it is being built;
    /// its Dynamic public addresses are given back.
    pub fn remove_virtual_network_gateway(&mut self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<()> {
        let Some(g) = self.network_to_delete::<GatewayRecord>(caller, group, name)? else {
            return Ok(());
        };
        let id = network_id(caller, &g.common.resource_group, KIND, &g.common.name);
        if self.now < g.ready_at {
            return Err(errors::gateway_busy(&id));
        }
        let set = self.arm_networks.of(caller);
        if let Some(c) = set.connections.iter().find(|c| c.gateway1_id.eq_ignore_ascii_case(&id)) {
            return Err(errors::gateway_has_connections(&id, &network_id(caller, &c.common.resource_group, super::connections::KIND, &c.common.name)));
        }
        let released: Vec<String> = g.ip_configurations.iter().filter_map(|c| c.public_ip_id.clone()).collect();
        let set = self.arm_networks.of_mut(caller);
        set.gateways.retain(|x| !x.common.is(group, name));
        for ip in set.public_ips.iter_mut().filter(|ip| ip.allocation == AllocationMethod::Dynamic) {
            let ip_id = network_id(caller, &ip.common.resource_group, super::public_ips::KIND, &ip.common.name);
            if released.iter().any(|r| r.eq_ignore_ascii_case(&ip_id)) {
                ip.address = None;
            }
        }
        Ok(())
    }
}
