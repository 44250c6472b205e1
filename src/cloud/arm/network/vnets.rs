//! Virtual networks and their subnets. Subnets are edited on the local object and sent with
//! the whole VNet (Set-AzVirtualNetwork), so one PUT checks them all: prefixes well formed,
//! inside the address space, not overlapping; a subnet a gateway sits in cannot be removed or
//! renumbered, and the VNet cannot be deleted under it.

use serde::{Deserialize, Serialize};

use super::errors;
use super::ids::network_id;
use super::records::{Common, SubnetRecord, VirtualNetworkRecord};
use crate::cloud::arm::errors as arm_errors;
use crate::cloud::arm::{etag_text, normalize_region, Tags};
use crate::cloud::errors::CloudResult;
use crate::cloud::net::Ipv4Prefix;
use crate::cloud::world::{SubscriptionId, World};

pub(crate) const KIND: &str = "virtualNetworks";

/// A subnet as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubnetPut {
    pub name: String,
    pub address_prefixes: Vec<String>,
}

/// The body of a VNet PUT (New-AzVirtualNetwork, Set-AzVirtualNetwork).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VnetPut {
    pub resource_group: String,
    pub name: String,
    pub location: String,
    pub address_prefixes: Vec<String>,
    pub dns_servers: Vec<String>,
    pub subnets: Vec<SubnetPut>,
    pub tags: Tags,
}

/// A subnet as the service answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subnet {
    pub name: String,
    pub id: String,
    pub etag: String,
    pub address_prefixes: Vec<String>,
    /// The ids of the gateway IP configurations in the subnet.
    pub ip_configurations: Vec<String>,
}

/// A virtual network as the service answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VirtualNetwork {
    pub common: Common,
    pub id: String,
    pub etag: String,
    pub address_prefixes: Vec<String>,
    pub dns_servers: Vec<String>,
    pub subnets: Vec<Subnet>,
}

/// Checks a prefix's form; its parsed value.
pub(super) fn prefix(text: &str) -> CloudResult<Ipv4Prefix> {
    Ipv4Prefix::parse(text).filter(Ipv4Prefix::is_network).ok_or_else(|| errors::invalid_prefix(text))
}

fn overlap(a: &Ipv4Prefix, b: &Ipv4Prefix) -> bool {
    a.contains(b) || b.contains(a)
}

/// The address space and subnets of a PUT, checked.
fn check_layout(put: &VnetPut) -> CloudResult<()> {
    if put.address_prefixes.is_empty() {
        return Err(errors::address_space_missing(&put.name));
    }
    let space = put.address_prefixes.iter().map(|p| prefix(p)).collect::<CloudResult<Vec<_>>>()?;
    let mut seen: Vec<(&str, Ipv4Prefix)> = Vec::new();
    for (i, s) in put.subnets.iter().enumerate() {
        if put.subnets[..i].iter().any(|o| o.name.eq_ignore_ascii_case(&s.name)) {
            return Err(errors::duplicate_subnet(&s.name));
        }
        for text in &s.address_prefixes {
            let p = prefix(text)?;
            if !space.iter().any(|a| a.contains(&p)) {
                return Err(errors::subnet_outside(&s.name, text, &put.name));
            }
            if let Some((other, _)) = seen.iter().find(|(_, q)| overlap(q, &p)) {
                return Err(errors::subnets_overlap(&s.name, other));
            }
            seen.push((&s.name, p));
        }
    }
    Ok(())
}

impl World {
    /// The view of a stored VNet, with the gateway configurations in its subnets.
    pub(crate) fn vnet_view(&self, caller: &SubscriptionId, v: &VirtualNetworkRecord) -> VirtualNetwork {
        let id = network_id(caller, &v.common.resource_group, KIND, &v.common.name);
        let set = self.arm_networks.of(caller);
        let subnets = v
            .subnets
            .iter()
            .map(|s| {
                let subnet_id = format!("{id}/subnets/{}", s.name);
                let ip_configurations = set
                    .gateways
                    .iter()
                    .flat_map(|g| g.ip_configurations.iter().map(move |c| (g, c)))
                    .filter(|(_, c)| c.subnet_id.eq_ignore_ascii_case(&subnet_id))
                    .map(|(g, c)| {
                        format!("{}/ipConfigurations/{}", network_id(caller, &g.common.resource_group, super::gateways::KIND, &g.common.name), c.name)
                    })
                    .collect();
                Subnet { name: s.name.clone(), id: subnet_id, etag: etag_text(&v.common.etag), address_prefixes: s.address_prefixes.clone(), ip_configurations }
            })
            .collect();
        VirtualNetwork {
            common: v.common.clone(),
            etag: etag_text(&v.common.etag),
            id,
            address_prefixes: v.address_prefixes.clone(),
            dns_servers: v.dns_servers.clone(),
            subnets,
        }
    }

    /// Whether the group holds a VNet of this name (the cmdlets' existence GET).
    pub fn vnet_exists(&self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<bool> {
        self.network_exists::<VirtualNetworkRecord>(caller, group, name)
    }

    /// PUT of a VNet: creates it or replaces its address space, DNS servers, subnets and tags.
    pub fn put_virtual_network(&mut self, caller: &SubscriptionId, put: VnetPut) -> CloudResult<VirtualNetwork> {
        self.caller(caller)?;
        let group = self.group(caller, &put.resource_group)?.name.clone();
        let region = normalize_region(&put.location).ok_or_else(|| arm_errors::location_not_available(&put.location, "Microsoft.Network/virtualNetworks"))?;
        super::check_name(&put.name)?;
        check_layout(&put)?;
        let existing = self.stored_network::<VirtualNetworkRecord>(caller, &group, &put.name);
        if let Some(old) = &existing {
            self.check_subnets_kept(caller, old, &put)?;
        }
        let etag = self.ids.next_guid();
        let subnets: Vec<SubnetRecord> = put
            .subnets
            .iter()
            .map(|s| {
                let kept = existing.as_ref().and_then(|o| o.subnets.iter().find(|k| k.name.eq_ignore_ascii_case(&s.name)));
                SubnetRecord { name: kept.map_or(s.name.clone(), |k| k.name.clone()), address_prefixes: s.address_prefixes.clone() }
            })
            .collect();
        let common = self.put_common(existing.map(|old| old.common), etag, (group, &put.name), region, &put.tags);
        let record = VirtualNetworkRecord { common, address_prefixes: put.address_prefixes, dns_servers: put.dns_servers, subnets };
        self.store_network(caller, &record);
        Ok(self.vnet_view(caller, &record))
    }

    /// A subnet a gateway uses must stay, with its prefixes.
    fn check_subnets_kept(&self, caller: &SubscriptionId, old: &VirtualNetworkRecord, put: &VnetPut) -> CloudResult<()> {
        let view = self.vnet_view(caller, old);
        for s in view.subnets.iter().filter(|s| !s.ip_configurations.is_empty()) {
            match put.subnets.iter().find(|p| p.name.eq_ignore_ascii_case(&s.name)) {
                None => return Err(errors::subnet_in_use(&s.name, &s.ip_configurations[0])),
                Some(p) if p.address_prefixes != s.address_prefixes => return Err(errors::gateway_subnet_in_use(&s.ip_configurations[0])),
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// GET of one VNet.
    pub fn get_virtual_network(&self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<VirtualNetwork> {
        self.get_network::<VirtualNetworkRecord>(caller, group, name)
    }

    /// The VNets of a group, or of the subscription, in creation order.
    pub fn list_virtual_networks(&self, caller: &SubscriptionId, group: Option<&str>) -> CloudResult<Vec<VirtualNetwork>> {
        self.list_network::<VirtualNetworkRecord>(caller, group)
    }

    /// DELETE of a VNet: refused while a gateway sits in one of its subnets. A VNet that is
    /// not there is already deleted.
    pub fn remove_virtual_network(&mut self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<()> {
        let Some(v) = self.network_to_delete::<VirtualNetworkRecord>(caller, group, name)? else {
            return Ok(());
        };
        if let Some(s) = self.vnet_view(caller, &v).subnets.iter().find(|s| !s.ip_configurations.is_empty()) {
            return Err(errors::subnet_in_use(&s.name, &s.ip_configurations[0]));
        }
        self.forget_network::<VirtualNetworkRecord>(caller, group, name);
        Ok(())
    }
}
