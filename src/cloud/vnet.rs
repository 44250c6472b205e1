//! Classic virtual networks and their gateways, per subscription.
//!
//! The network configuration is set as a whole (Set-AzureVNetConfig); parsing the XML is the
//! caller's business, this module takes plain structs.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::errors::{self, CloudResult};
use super::policy::later;
use super::world::{SubscriptionId, World};

/// The subnet name a gateway needs.
pub const GATEWAY_SUBNET: &str = "GatewaySubnet";

string_enum! {
    /// Classic gateway routing type; ExpressRoute needs DynamicRouting.
    GatewayType { StaticRouting, DynamicRouting }
}

string_enum! {
    /// Classic gateway size (`-GatewaySKU`).
    GatewaySku { Default, Standard, HighPerformance }
}

string_enum! {
    /// Classic gateway state.
    GatewayState { NotProvisioned, Provisioning, Provisioned, Deprovisioning }
}

/// One subnet of a VNet configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubnetConfig {
    /// Subnet name (`GatewaySubnet` for the gateway).
    pub name: String,
    /// Address prefix, e.g. `10.1.1.0/28`.
    pub address_prefix: String,
}

/// A `<DnsServer>` of the configuration's `Dns` section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DnsServer {
    pub name: String,
    /// Its `IPAddress`.
    pub address: String,
}

/// A `<LocalNetworkSite>`: an on-premises network a gateway connects to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalNetworkSite {
    pub name: String,
    pub address_spaces: Vec<String>,
    /// `VPNGatewayAddress`: the on-premises VPN device's public address.
    pub vpn_gateway_address: String,
}

/// One `<LocalNetworkSiteRef>` of a site's `Gateway/ConnectionsToLocalNetwork`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalConnection {
    pub site: LocalNetworkSite,
    /// The `Connection type` (`IPsec`, `Dedicated`).
    pub connection_type: String,
    /// The IPsec shared key; the gateway makes one for each connection, Set-AzureVNetGatewayKey
    /// replaces it. Not part of the configuration document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_key: Option<String>,
    /// Set-AzureVNetGatewayIPsecParameters' values; `None` is the gateway's defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipsec: Option<IpsecParameters>,
}

/// A connection's IPsec parameters (the service's IPsecParameters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IpsecParameters {
    pub encryption_type: String,
    pub pfs_group: String,
    pub sa_data_size_kilobytes: i64,
    pub sa_lifetime_seconds: i64,
}

impl Default for IpsecParameters {
    /// A classic gateway's defaults: encryption required, no PFS, 102400000 KB and an hour.
    fn default() -> IpsecParameters {
        IpsecParameters {
            encryption_type: "RequireEncryption".into(),
            pfs_group: "None".into(),
            sa_data_size_kilobytes: 102_400_000,
            sa_lifetime_seconds: 3600,
        }
    }
}

/// What Set-AzureVNetGatewayIPsecParameters names; what it leaves out stays.
#[derive(Debug, Clone, Default)]
pub struct IpsecUpdate {
    pub encryption_type: Option<String>,
    pub pfs_group: Option<String>,
    pub sa_data_size_kilobytes: Option<i64>,
    pub sa_lifetime_seconds: Option<i64>,
}

/// One `<VirtualNetworkSite>` of the network configuration. The configuration's shared
/// sections (DNS servers, local network sites) are kept on the sites that refer to them,
/// so the subscription's configuration stays one list of VNets in the store.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VirtualNetworkConfig {
    /// VNet name.
    pub name: String,
    /// Azure region, e.g. `West US`; empty for a VNet placed by its affinity group.
    pub location: String,
    /// The affinity group the site names instead of a location (the older, narrow VNets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affinity_group: Option<String>,
    /// Address space prefixes.
    pub address_spaces: Vec<String>,
    /// Subnets.
    pub subnets: Vec<SubnetConfig>,
    /// The DNS servers its `DnsServersRef` names, with their addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dns_servers: Vec<DnsServer>,
    /// Its gateway's connections to local networks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub local_connections: Vec<LocalConnection>,
}

/// A VNet gateway.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gateway {
    /// Routing type.
    pub gateway_type: GatewayType,
    /// Size.
    pub sku: GatewaySku,
    /// State; creation waits for the operation, as New-AzureVNetGateway does, so it is
    /// `Provisioned` when the call returns, unless a gateway delay keeps it `Provisioning`.
    pub state: GatewayState,
    /// Virtual time of creation.
    pub created_at: NaiveDateTime,
    /// Virtual time it is (or was) `Provisioned`; `None` for gateways saved before gateway
    /// delays existed (provisioned at creation).
    #[serde(default)]
    pub provisioned_at: Option<NaiveDateTime>,
}

/// A stored VNet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VirtualNetwork {
    /// Owning subscription.
    pub subscription: SubscriptionId,
    /// The configuration it was created from.
    pub config: VirtualNetworkConfig,
    /// Its gateway, if any.
    pub gateway: Option<Gateway>,
    /// Its gateways of the id-based API (`gateways.rs`), with their connections.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vpn_gateways: Vec<super::gateways::VirtualNetworkGateway>,
}

impl VirtualNetwork {
    /// Whether the configuration has a `GatewaySubnet`.
    pub fn has_gateway_subnet(&self) -> bool {
        self.config.subnets.iter().any(|s| s.name.eq_ignore_ascii_case(GATEWAY_SUBNET))
    }
}

impl World {
    /// The caller's VNets, in configuration order.
    pub fn virtual_networks(&self, caller: &SubscriptionId) -> CloudResult<Vec<VirtualNetwork>> {
        self.caller(caller)?;
        Ok(self.vnets.of(caller).into_iter().cloned().collect())
    }

    /// One of the caller's VNets by name (case-insensitive).
    pub fn virtual_network(&self, caller: &SubscriptionId, name: &str) -> CloudResult<VirtualNetwork> {
        self.caller(caller)?;
        self.vnets.find(caller, name).cloned().ok_or_else(|| errors::vnet_not_found(name))
    }

    /// Set-AzureVNetConfig: replaces the caller's VNets. VNets kept by name keep their
    /// gateway; dropping a VNet that has a gateway is refused (the gateway must go first).
    pub fn set_vnet_config(&mut self, caller: &SubscriptionId, configs: Vec<VirtualNetworkConfig>) -> CloudResult<()> {
        self.caller(caller)?;
        for (i, c) in configs.iter().enumerate() {
            if configs[..i].iter().any(|o| o.name.eq_ignore_ascii_case(&c.name)) {
                return Err(errors::vnet_name_duplicated(&c.name));
            }
        }
        let kept = |v: &VirtualNetwork| configs.iter().any(|c| c.name.eq_ignore_ascii_case(&v.config.name));
        let current = self.vnets.of(caller);
        if let Some(v) = current.iter().find(|v| (v.gateway.is_some() || !v.vpn_gateways.is_empty()) && !kept(v)) {
            return Err(errors::vnet_has_gateway(&v.config.name));
        }
        let before: Vec<VirtualNetwork> = current.into_iter().cloned().collect();
        let mut next = Vec::with_capacity(configs.len());
        for mut config in configs {
            if let Some(group) = &config.affinity_group {
                let found = self.affinity_group(caller, group).map_err(|_| super::affinity::vnet_affinity_group_unknown(group, &config.name))?;
                config.affinity_group = Some(found.name);
            }
            let old = before.iter().find(|v| v.config.name.eq_ignore_ascii_case(&config.name));
            let gateway = old.and_then(|v| v.gateway.clone());
            let vpn_gateways = old.map(|v| v.vpn_gateways.clone()).unwrap_or_default();
            // A connection that stays keeps its key; a new one of a gateway gets its own.
            for c in &mut config.local_connections {
                let kept = old.and_then(|v| v.config.local_connections.iter().find(|o| o.site.name.eq_ignore_ascii_case(&c.site.name)));
                c.shared_key = kept.and_then(|o| o.shared_key.clone());
                c.ipsec = kept.and_then(|o| o.ipsec.clone());
                if c.shared_key.is_none() && gateway.is_some() {
                    c.shared_key = Some(self.ids.next_guid().simple().to_string());
                }
            }
            next.push(VirtualNetwork { subscription: *caller, config, gateway, vpn_gateways });
        }
        self.vnets.replace(caller, next);
        Ok(())
    }

    /// Set-AzureVNetConfig with the document's shared sections, which are kept whole so the
    /// next export has every DNS server and local network site, used or not.
    pub fn set_network_config(
        &mut self,
        caller: &SubscriptionId,
        configs: Vec<VirtualNetworkConfig>,
        dns: Vec<DnsServer>,
        sites: Vec<LocalNetworkSite>,
    ) -> CloudResult<()> {
        self.set_vnet_config(caller, configs)?;
        let sub = self.caller_mut(caller)?;
        sub.dns_servers = dns;
        sub.local_network_sites = sites;
        Ok(())
    }

    /// The configuration's shared sections as the last document defined them.
    pub fn network_sections(&self, caller: &SubscriptionId) -> CloudResult<(Vec<DnsServer>, Vec<LocalNetworkSite>)> {
        let sub = self.caller(caller)?;
        Ok((sub.dns_servers.clone(), sub.local_network_sites.clone()))
    }

    /// Remove-AzureVNetConfig: the configuration emptied, refused as Set-AzureVNetConfig
    /// refuses dropping a VNet that has a gateway.
    pub fn remove_vnet_config(&mut self, caller: &SubscriptionId) -> CloudResult<()> {
        self.set_network_config(caller, Vec::new(), Vec::new(), Vec::new())
    }

    /// Get-AzureVNetGateway: the VNet's gateway, `None` when it has none (the service answered
    /// with a NotProvisioned gateway, not an error).
    pub fn gateway_of(&self, caller: &SubscriptionId, vnet: &str) -> CloudResult<Option<Gateway>> {
        Ok(self.virtual_network(caller, vnet)?.gateway)
    }

    /// Get-AzureVNetConnection: the connections of the VNet's gateway to local networks.
    pub fn gateway_connections(&self, caller: &SubscriptionId, vnet: &str) -> CloudResult<Vec<LocalConnection>> {
        let v = self.virtual_network(caller, vnet)?;
        if v.gateway.is_none() {
            return Err(errors::gateway_not_found(&v.config.name));
        }
        Ok(v.config.local_connections)
    }

    /// Get-AzureVNetGatewayKey.
    pub fn shared_key(&self, caller: &SubscriptionId, vnet: &str, site: &str) -> CloudResult<String> {
        let connections = self.gateway_connections(caller, vnet)?;
        let c = connections.iter().find(|c| c.site.name.eq_ignore_ascii_case(site.trim())).ok_or_else(|| errors::local_site_not_connected(site, vnet))?;
        Ok(c.shared_key.clone().unwrap_or_default())
    }

    /// Get-AzureVNetGatewayIPsecParameters.
    pub fn ipsec_parameters(&self, caller: &SubscriptionId, vnet: &str, site: &str) -> CloudResult<IpsecParameters> {
        let connections = self.gateway_connections(caller, vnet)?;
        let c = connections.iter().find(|c| c.site.name.eq_ignore_ascii_case(site.trim())).ok_or_else(|| errors::local_site_not_connected(site, vnet))?;
        Ok(c.ipsec.clone().unwrap_or_default())
    }

    /// Set-AzureVNetGatewayIPsecParameters: the values must be ones the gateway supports.
    pub fn set_ipsec_parameters(&mut self, caller: &SubscriptionId, vnet: &str, site: &str, update: IpsecUpdate) -> CloudResult<IpsecParameters> {
        let mut p = self.ipsec_parameters(caller, vnet, site)?;
        if let Some(e) = update.encryption_type {
            p.encryption_type = ["RequireEncryption", "NoEncryption"]
                .into_iter()
                .find(|v| v.eq_ignore_ascii_case(&e))
                .ok_or_else(|| errors::ipsec_value_invalid("EncryptionType", &e))?
                .into();
        }
        if let Some(g) = update.pfs_group {
            p.pfs_group = ["None", "PFS1"].into_iter().find(|v| v.eq_ignore_ascii_case(&g)).ok_or_else(|| errors::ipsec_value_invalid("PfsGroup", &g))?.into();
        }
        if let Some(n) = update.sa_data_size_kilobytes {
            p.sa_data_size_kilobytes = n;
        }
        if let Some(n) = update.sa_lifetime_seconds {
            p.sa_lifetime_seconds = n;
        }
        if let Some(v) = self.vnets.find_mut(caller, vnet) {
            if let Some(c) = v.config.local_connections.iter_mut().find(|c| c.site.name.eq_ignore_ascii_case(site.trim())) {
                c.ipsec = Some(p.clone());
            }
        }
        Ok(p)
    }

    /// Set-AzureVNetGatewayKey.
    pub fn set_shared_key(&mut self, caller: &SubscriptionId, vnet: &str, site: &str, key: &str) -> CloudResult<()> {
        self.shared_key(caller, vnet, site)?;
        if let Some(v) = self.vnets.find_mut(caller, vnet) {
            if let Some(c) = v.config.local_connections.iter_mut().find(|c| c.site.name.eq_ignore_ascii_case(site.trim())) {
                c.shared_key = Some(key.to_string());
            }
        }
        Ok(())
    }

    /// New-AzureVNetGateway.
    pub fn create_gateway(&mut self, caller: &SubscriptionId, vnet: &str, gateway_type: GatewayType, sku: GatewaySku) -> CloudResult<Gateway> {
        self.caller(caller)?;
        let now = self.now;
        let ready = later(now, self.controls.gateway_delay);
        let v = self.vnets.find_mut(caller, vnet).ok_or_else(|| errors::vnet_not_found(vnet))?;
        if v.gateway.is_some() {
            return Err(errors::gateway_exists(&v.config.name));
        }
        if !v.has_gateway_subnet() {
            return Err(errors::gateway_subnet_missing(&v.config.name));
        }
        let gateway = Gateway {
            gateway_type,
            sku,
            state: if ready > now { GatewayState::Provisioning } else { GatewayState::Provisioned },
            created_at: now,
            provisioned_at: Some(ready),
        };
        v.gateway = Some(gateway.clone());
        // The new gateway makes a shared key for each local network it connects to.
        let missing = v.config.local_connections.iter().filter(|c| c.shared_key.is_none()).count();
        let mut keys: Vec<String> = (0..missing).map(|_| self.ids.next_guid().simple().to_string()).collect();
        if let Some(v) = self.vnets.find_mut(caller, vnet) {
            for c in v.config.local_connections.iter_mut().filter(|c| c.shared_key.is_none()) {
                c.shared_key = keys.pop();
            }
        }
        Ok(gateway)
    }

    /// Get-AzureVNetGateway.
    pub fn get_gateway(&self, caller: &SubscriptionId, vnet: &str) -> CloudResult<Gateway> {
        self.virtual_network(caller, vnet)?.gateway.ok_or_else(|| errors::gateway_not_found(vnet))
    }

    /// Remove-AzureVNetGateway: refused while a circuit link uses the VNet (ADO wiki).
    pub fn remove_gateway(&mut self, caller: &SubscriptionId, vnet: &str) -> CloudResult<()> {
        self.get_gateway(caller, vnet)?;
        if self.links_of_vnet(caller, vnet) > 0 {
            return Err(errors::gateway_has_link());
        }
        if let Some(v) = self.vnets.find_mut(caller, vnet) {
            v.gateway = None;
        }
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::cloud::circuit::tests::world;
    use crate::cloud::errors::ErrorKind;

    pub(crate) fn vnet(name: &str, with_gateway_subnet: bool) -> VirtualNetworkConfig {
        let mut subnets = vec![SubnetConfig { name: "FrontEnd".into(), address_prefix: "10.1.0.0/24".into() }];
        if with_gateway_subnet {
            subnets.push(SubnetConfig { name: GATEWAY_SUBNET.into(), address_prefix: "10.1.1.0/28".into() });
        }
        VirtualNetworkConfig { name: name.into(), location: "West US".into(), address_spaces: vec!["10.1.0.0/16".into()], subnets, ..Default::default() }
    }

    #[test]
    fn config_is_set_as_a_whole_per_subscription() {
        let (mut w, sub) = world();
        let dev = w.find_subscription_by_name("Contoso Dev-Test").unwrap().id;
        w.set_vnet_config(&sub, vec![vnet("A", true), vnet("B", false)]).unwrap();
        w.set_vnet_config(&dev, vec![vnet("A", true)]).unwrap();
        assert_eq!(w.virtual_networks(&sub).unwrap().len(), 2);
        w.set_vnet_config(&sub, vec![vnet("B", true)]).unwrap();
        let names: Vec<_> = w.virtual_networks(&sub).unwrap().into_iter().map(|v| v.config.name).collect();
        assert_eq!(names, ["B"]);
        assert!(w.virtual_network(&sub, "b").unwrap().has_gateway_subnet());
        assert_eq!(w.virtual_networks(&dev).unwrap().len(), 1);
        let e = w.set_vnet_config(&sub, vec![vnet("X", true), vnet("x", true)]).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Operation);
    }

    #[test]
    fn gateway_lifecycle() {
        let (mut w, sub) = world();
        w.set_vnet_config(&sub, vec![vnet("A", true), vnet("NoGw", false)]).unwrap();
        let e = w.create_gateway(&sub, "Nope", GatewayType::DynamicRouting, GatewaySku::Default).unwrap_err();
        assert_eq!(e.to_string(), "ResourceNotFound: The specified virtual network name 'Nope' is not valid or could not be found.");
        let e = w.create_gateway(&sub, "NoGw", GatewayType::DynamicRouting, GatewaySku::Default).unwrap_err();
        assert_eq!(e.to_string(), "BadRequest : The virtual network 'NoGw' does not have a subnet named GatewaySubnet.");
        let g = w.create_gateway(&sub, "a", GatewayType::DynamicRouting, GatewaySku::HighPerformance).unwrap();
        assert_eq!(g.state, GatewayState::Provisioned);
        assert_eq!(w.get_gateway(&sub, "A").unwrap(), g);
        let e = w.create_gateway(&sub, "A", GatewayType::DynamicRouting, GatewaySku::Default).unwrap_err();
        assert_eq!(e.code, "ConflictError");
        // Config changes keep the gateway of a VNet that stays; dropping it is refused.
        w.set_vnet_config(&sub, vec![vnet("A", true)]).unwrap();
        assert!(w.get_gateway(&sub, "A").is_ok());
        let e = w.set_vnet_config(&sub, vec![]).unwrap_err();
        assert_eq!(e.message, "A gateway associated with the virtual network 'A' prevents this operation. Please delete the gateway and retry.");
        w.remove_gateway(&sub, "A").unwrap();
        assert_eq!(w.get_gateway(&sub, "A").unwrap_err().message, "No gateway exists for the virtual network 'A'.");
        w.set_vnet_config(&sub, vec![]).unwrap();
    }
}
