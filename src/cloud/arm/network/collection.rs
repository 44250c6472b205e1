//! The part every network resource kind shares: each is a list in the subscription's
//! [`NetworkSet`], its records filed under group and name (matched without regard to case).
//! GET, LIST, the existence check and the find/replace/forget steps of PUT and DELETE are
//! the same over every list, so they are written once here over [`NetworkResource`]; what a
//! kind adds (its checks, its view, its delete rule) stays in its own file.

use uuid::Uuid;

use super::errors;
use super::records::{Common, ConnectionRecord, GatewayRecord, LocalGatewayRecord, NetworkSet, PublicIpRecord, VirtualNetworkRecord};
use super::route_filters::RouteFilterRecord;
use super::{Connection, Gateway, LocalGateway, PublicIp, RouteFilter, VirtualNetwork};
use crate::cloud::arm::resource::merge_tags;
use crate::cloud::arm::Tags;
use crate::cloud::errors::CloudResult;
use crate::cloud::world::{SubscriptionId, World};

/// A stored network resource: where its kind's list is in the set and how the service
/// answers it.
pub(crate) trait NetworkResource: Clone {
    /// The resource type in ids and in the not-found message (`publicIPAddresses`).
    const KIND: &'static str;
    /// What the service answers for one record.
    type View;
    fn common(&self) -> &Common;
    fn all(set: &NetworkSet) -> &[Self];
    fn all_mut(set: &mut NetworkSet) -> &mut Vec<Self>;
    fn view(world: &World, caller: &SubscriptionId, record: &Self) -> Self::View;
}

impl World {
    /// Whether the group holds a resource of this kind and name (the cmdlets' existence
    /// GET): a group that is not there holds nothing, but an unknown caller is an error.
    pub(super) fn network_exists<R: NetworkResource>(&self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<bool> {
        self.caller(caller)?;
        Ok(self.group(caller, group).is_ok() && R::all(&self.arm_networks.of(caller)).iter().any(|r| r.common().is(group, name)))
    }

    /// The stored record of this name, as PUT compares against it (its checks already made).
    pub(super) fn stored_network<R: NetworkResource>(&self, caller: &SubscriptionId, group: &str, name: &str) -> Option<R> {
        R::all(&self.arm_networks.of(caller)).iter().find(|r| r.common().is(group, name)).cloned()
    }

    /// GET of one resource: the caller, then the group, then the resource must be there.
    pub(super) fn get_network<R: NetworkResource>(&self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<R::View> {
        self.caller(caller)?;
        self.group(caller, group)?;
        let set = self.arm_networks.of(caller);
        let r = R::all(&set).iter().find(|r| r.common().is(group, name)).ok_or_else(|| errors::not_found(R::KIND, group, name))?;
        Ok(R::view(self, caller, r))
    }

    /// The resources of a kind in a group, or in the whole subscription, in creation order.
    pub(super) fn list_network<R: NetworkResource>(&self, caller: &SubscriptionId, group: Option<&str>) -> CloudResult<Vec<R::View>> {
        self.caller(caller)?;
        if let Some(g) = group {
            self.group(caller, g)?;
        }
        let set = self.arm_networks.of(caller);
        Ok(R::all(&set).iter().filter(|r| r.common().in_group(group)).map(|r| R::view(self, caller, r)).collect())
    }

    /// DELETE's first step: the caller and group checked, then the record to delete; none
    /// when it is not there, which ARM answers as already deleted.
    pub(super) fn network_to_delete<R: NetworkResource>(&self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<Option<R>> {
        self.caller(caller)?;
        self.group(caller, group)?;
        Ok(self.stored_network(caller, group, name))
    }

    /// The part of a PUT's record every kind shares: an existing resource keeps its group,
    /// name, region and guid and takes the tags sent and `etag`; a new one is filed under
    /// `group` and draws its guid. The caller draws `etag` first, where its kind's order of
    /// draws puts it (the world's ids are one seeded stream).
    pub(super) fn put_common(&mut self, existing: Option<Common>, etag: Uuid, (group, name): (String, &str), region: &str, tags: &Tags) -> Common {
        match existing {
            Some(old) => Common { tags: merge_tags(tags), etag, ..old },
            None => Common {
                resource_group: group,
                name: name.to_string(),
                location: region.to_string(),
                tags: merge_tags(tags),
                resource_guid: self.ids.next_guid(),
                etag,
            },
        }
    }

    /// The shared part of a new resource that has no earlier record to keep: its guid drawn,
    /// then its etag (the order every kind draws them in).
    pub(super) fn new_common(&mut self, group: String, name: &str, region: &str, tags: &Tags) -> Common {
        Common {
            resource_group: group,
            name: name.to_string(),
            location: region.to_string(),
            tags: merge_tags(tags),
            resource_guid: self.ids.next_guid(),
            etag: self.ids.next_guid(),
        }
    }

    /// PUT's last step: the record replaces the one of its name, or is added at the end.
    pub(super) fn store_network<R: NetworkResource>(&mut self, caller: &SubscriptionId, record: &R) {
        let list = R::all_mut(self.arm_networks.of_mut(caller));
        let key = record.common();
        match list.iter_mut().find(|r| r.common().is(&key.resource_group, &key.name)) {
            Some(slot) => *slot = record.clone(),
            None => list.push(record.clone()),
        }
    }

    /// DELETE's last step, once the kind's delete rule has passed.
    pub(super) fn forget_network<R: NetworkResource>(&mut self, caller: &SubscriptionId, group: &str, name: &str) {
        R::all_mut(self.arm_networks.of_mut(caller)).retain(|r| !r.common().is(group, name));
    }

    /// The names of a kind's resources in a group (what deleting the group goes through).
    pub(super) fn network_names_in<R: NetworkResource>(&self, caller: &SubscriptionId, group: &str) -> Vec<String> {
        R::all(&self.arm_networks.of(caller)).iter().filter(|r| r.common().in_group(Some(group))).map(|r| r.common().name.clone()).collect()
    }
}

/// Files a record type under its list in the set, its kind and its view: the kinds
/// differ in nothing else here, so one line each says it.
macro_rules! network_resource {
    ($record:ty, $list:ident, $kind:path, $view:ty, $view_fn:ident) => {
        impl NetworkResource for $record {
            const KIND: &'static str = $kind;
            type View = $view;
            fn common(&self) -> &Common {
                &self.common
            }
            fn all(set: &NetworkSet) -> &[Self] {
                &set.$list
            }
            fn all_mut(set: &mut NetworkSet) -> &mut Vec<Self> {
                &mut set.$list
            }
            fn view(world: &World, caller: &SubscriptionId, record: &Self) -> $view {
                world.$view_fn(caller, record)
            }
        }
    };
}

network_resource!(VirtualNetworkRecord, virtual_networks, super::vnets::KIND, VirtualNetwork, vnet_view);
network_resource!(PublicIpRecord, public_ips, super::public_ips::KIND, PublicIp, public_ip_view);
network_resource!(GatewayRecord, gateways, super::gateways::KIND, Gateway, gateway_view);
network_resource!(ConnectionRecord, connections, super::connections::KIND, Connection, connection_view);
network_resource!(LocalGatewayRecord, local_gateways, super::local_gateways::KIND, LocalGateway, local_gateway_view);
network_resource!(RouteFilterRecord, route_filters, super::route_filters::KIND, RouteFilter, route_filter_view);
