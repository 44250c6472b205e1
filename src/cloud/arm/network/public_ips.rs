//! Public IP addresses. A Static address is assigned when it is created; a Dynamic one when a
//! gateway starts using it, and it is given back when the gateway is deleted. An address a
//! gateway uses cannot be deleted.

use std::net::Ipv4Addr;

use super::errors;
use super::ids::network_id;
use super::records::{AllocationMethod, PublicIpRecord, PublicIpSku};
use crate::cloud::arm::errors as arm_errors;
use crate::cloud::arm::{etag_text, normalize_region, Tags};
use crate::cloud::errors::CloudResult;
use crate::cloud::world::{SubscriptionId, World};

pub(crate) const KIND: &str = "publicIPAddresses";

/// The body of a public IP PUT.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PublicIpPut {
    pub resource_group: String,
    pub name: String,
    pub location: String,
    /// As typed (`Dynamic`, `Static`).
    pub allocation: String,
    /// As typed; none is Basic.
    pub sku: Option<String>,
    /// `IPv4` (default) or `IPv6`.
    pub version: Option<String>,
    /// Minutes; none is 4.
    pub idle_timeout_minutes: Option<u32>,
    pub domain_name_label: Option<String>,
    pub tags: Tags,
}

/// A public IP as the service answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicIp {
    pub record: PublicIpRecord,
    pub id: String,
    pub etag: String,
    /// The gateway IP configuration using it.
    pub ip_configuration: Option<String>,
}

/// Chosen: "Standard sku public IP addresses require allocation method to be set to static."
fn standard_needs_static(name: &str) -> crate::cloud::errors::CloudError {
    crate::cloud::errors::CloudError {
        status: 400,
        code: "StandardSkuPublicIPAddressesMustBeStatic".into(),
        message: format!("Standard sku publicIp /{name} must have AllocationMethod set to Static."),
        kind: crate::cloud::errors::ErrorKind::Sync,
    }
}

impl World {
    /// A public address from the world's id stream (in 20.0.0.0/8, where Azure's are).
    pub(crate) fn draw_public_address(&mut self) -> String {
        let b = *self.ids.next_guid().as_bytes();
        Ipv4Addr::new(20, b[0], b[1], b[2].max(1)).to_string()
    }

    pub(crate) fn public_ip_view(&self, caller: &SubscriptionId, r: &PublicIpRecord) -> PublicIp {
        let id = network_id(caller, &r.common.resource_group, KIND, &r.common.name);
        let ip_configuration = self.gateway_using_ip(caller, &id);
        PublicIp { record: r.clone(), etag: etag_text(&r.common.etag), id, ip_configuration }
    }

    /// Whether the group holds a public IP of this name.
    pub fn public_ip_exists(&self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<bool> {
        self.network_exists::<PublicIpRecord>(caller, group, name)
    }

    /// PUT of a public IP: creates it, or changes its allocation, timeout, label and tags.
    pub fn put_public_ip(&mut self, caller: &SubscriptionId, put: PublicIpPut) -> CloudResult<PublicIp> {
        self.caller(caller)?;
        let group = self.group(caller, &put.resource_group)?.name.clone();
        let region = normalize_region(&put.location).ok_or_else(|| arm_errors::location_not_available(&put.location, "Microsoft.Network/publicIPAddresses"))?;
        super::check_name(&put.name)?;
        let allocation = AllocationMethod::parse(&put.allocation).ok_or_else(|| super::invalid_value("publicIPAllocationMethod", &put.allocation))?;
        let sku_text = put.sku.clone().unwrap_or_else(|| "Basic".into());
        let sku = PublicIpSku::parse(&sku_text).ok_or_else(|| super::invalid_value("sku.name", &sku_text))?;
        if sku != PublicIpSku::Basic && allocation == AllocationMethod::Dynamic {
            return Err(standard_needs_static(&put.name));
        }
        let version = match put.version.as_deref().map(str::trim) {
            None | Some("") => "IPv4".to_string(),
            Some(v) if v.eq_ignore_ascii_case("IPv4") => "IPv4".into(),
            Some(v) if v.eq_ignore_ascii_case("IPv6") => "IPv6".into(),
            Some(v) => return Err(super::invalid_value("publicIPAddressVersion", v)),
        };
        let existing = self.stored_network::<PublicIpRecord>(caller, &group, &put.name);
        let etag = self.ids.next_guid();
        let in_use = existing.as_ref().is_some_and(|e| self.public_ip_view(caller, e).ip_configuration.is_some());
        let address = match (&existing, allocation) {
            (Some(e), _) if in_use || (e.allocation == allocation && e.address.is_some()) => e.address.clone(),
            (_, AllocationMethod::Static) => Some(self.draw_public_address()),
            (_, AllocationMethod::Dynamic) => None,
        };
        let common = self.put_common(existing.map(|e| e.common), etag, (group, &put.name), region, &put.tags);
        let record = PublicIpRecord {
            common,
            allocation,
            sku,
            version,
            idle_timeout_minutes: put.idle_timeout_minutes.unwrap_or(4),
            domain_name_label: put.domain_name_label.filter(|l| !l.is_empty()),
            address,
        };
        self.store_network(caller, &record);
        Ok(self.public_ip_view(caller, &record))
    }

    /// GET of one public IP.
    pub fn get_public_ip(&self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<PublicIp> {
        self.get_network::<PublicIpRecord>(caller, group, name)
    }

    /// The public IPs of a group, or of the subscription.
    pub fn list_public_ips(&self, caller: &SubscriptionId, group: Option<&str>) -> CloudResult<Vec<PublicIp>> {
        self.list_network::<PublicIpRecord>(caller, group)
    }

    /// DELETE of a public IP: refused while a gateway uses it.
    pub fn remove_public_ip(&mut self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<()> {
        let Some(p) = self.network_to_delete::<PublicIpRecord>(caller, group, name)? else {
            return Ok(());
        };
        let view = self.public_ip_view(caller, &p);
        if let Some(user) = view.ip_configuration {
            return Err(errors::public_ip_in_use(&view.id, &user));
        }
        self.forget_network::<PublicIpRecord>(caller, group, name);
        Ok(())
    }
}
