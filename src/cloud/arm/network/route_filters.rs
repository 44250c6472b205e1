//! Route filters for Microsoft peering: "A route filter can have only one rule, and the rule
//! must be of type 'Allow'. This rule can have a list of BGP community values" (routefilter
//! 2019-02). Attaching one to a circuit's Microsoft peering is the circuit PUT's business
//! (`route_filter_links.rs`); a filter in use is not deleted.

use serde::{Deserialize, Serialize};

use super::errors;
use super::ids::network_id;
use super::records::Common;
use crate::cloud::arm::bgp_communities::find_community;
use crate::cloud::arm::errors as arm_errors;
use crate::cloud::arm::{etag_text, normalize_region, Tags};
use crate::cloud::errors::CloudResult;
use crate::cloud::world::{SubscriptionId, World};

pub(crate) const KIND: &str = "routeFilters";

/// A stored rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteFilterRuleRecord {
    pub name: String,
    /// `Allow` (the only access the service takes).
    pub access: String,
    pub communities: Vec<String>,
}

/// A stored route filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteFilterRecord {
    #[serde(flatten)]
    pub common: Common,
    #[serde(default)]
    pub rules: Vec<RouteFilterRuleRecord>,
    /// The ids of the Microsoft peerings the filter is attached to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub peerings: Vec<String>,
}

/// A rule as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RouteFilterRulePut {
    pub name: String,
    pub access: String,
    pub rule_type: String,
    pub communities: Vec<String>,
}

/// The body of a route filter PUT (New-, Set-AzRouteFilter).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RouteFilterPut {
    pub resource_group: String,
    pub name: String,
    pub location: String,
    pub rules: Vec<RouteFilterRulePut>,
    pub tags: Tags,
}

/// A route filter as the service answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteFilter {
    pub record: RouteFilterRecord,
    pub id: String,
    pub etag: String,
}

fn check_rules(rules: &[RouteFilterRulePut]) -> CloudResult<()> {
    if rules.len() > 1 {
        return Err(errors::route_filter_one_rule());
    }
    for r in rules {
        if !r.access.eq_ignore_ascii_case("Allow") {
            return Err(errors::route_filter_rule_must_allow(&r.name));
        }
        if !r.rule_type.eq_ignore_ascii_case("Community") {
            return Err(super::invalid_value("routeFilterRuleType", &r.rule_type));
        }
        if let Some(bad) = r.communities.iter().find(|c| find_community(c).is_none()) {
            return Err(errors::community_invalid(bad));
        }
    }
    Ok(())
}

impl World {
    pub(super) fn route_filter_view(&self, caller: &SubscriptionId, r: &RouteFilterRecord) -> RouteFilter {
        RouteFilter { record: r.clone(), id: network_id(caller, &r.common.resource_group, KIND, &r.common.name), etag: etag_text(&r.common.etag) }
    }

    /// Whether the group holds a route filter of this name.
    pub fn route_filter_exists(&self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<bool> {
        self.network_exists::<RouteFilterRecord>(caller, group, name)
    }

    /// PUT of a route filter: creates it or replaces its rules and tags.
    pub fn put_route_filter(&mut self, caller: &SubscriptionId, put: RouteFilterPut) -> CloudResult<RouteFilter> {
        self.caller(caller)?;
        let group = self.group(caller, &put.resource_group)?.name.clone();
        let region = normalize_region(&put.location).ok_or_else(|| arm_errors::location_not_available(&put.location, "Microsoft.Network/routeFilters"))?;
        super::check_name(&put.name)?;
        check_rules(&put.rules)?;
        let rules =
            put.rules.iter().map(|r| RouteFilterRuleRecord { name: r.name.clone(), access: "Allow".into(), communities: r.communities.clone() }).collect();
        let existing = self.stored_network::<RouteFilterRecord>(caller, &group, &put.name);
        let etag = self.ids.next_guid();
        let (old_common, peerings) = existing.map_or((None, Vec::new()), |old| (Some(old.common), old.peerings));
        let common = self.put_common(old_common, etag, (group, &put.name), region, &put.tags);
        let record = RouteFilterRecord { common, rules, peerings };
        self.store_network(caller, &record);
        Ok(self.route_filter_view(caller, &record))
    }

    /// GET of one route filter.
    pub fn get_route_filter(&self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<RouteFilter> {
        self.get_network::<RouteFilterRecord>(caller, group, name)
    }

    /// The route filters of a group, or of the subscription.
    pub fn list_route_filters(&self, caller: &SubscriptionId, group: Option<&str>) -> CloudResult<Vec<RouteFilter>> {
        self.list_network::<RouteFilterRecord>(caller, group)
    }

    /// DELETE of a route filter (one that is not there is already deleted); refused while a
    /// peering uses it.
    pub fn remove_route_filter(&mut self, caller: &SubscriptionId, group: &str, name: &str) -> CloudResult<()> {
        if let Some(record) = self.network_to_delete::<RouteFilterRecord>(caller, group, name)? {
            if let Some(peering) = record.peerings.first() {
                return Err(errors::route_filter_in_use(&network_id(caller, &record.common.resource_group, KIND, &record.common.name), peering));
            }
            self.forget_network::<RouteFilterRecord>(caller, group, name);
        }
        Ok(())
    }
}
