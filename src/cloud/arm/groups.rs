//! Resource groups: created, read, listed and removed with ARM's rules. A group holds the
//! ARM circuits filed under its name; removing it removes them, under the circuits' own
//! delete rules.

use serde::{Deserialize, Serialize};

use super::errors;
use super::resource::{merge_tags, normalize_region, resource_group_id, ProvisioningState, Tags};
use crate::cloud::errors::CloudResult;
use crate::cloud::world::{SubscriptionId, World};

/// A stored resource group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceGroupRecord {
    /// The owning subscription.
    pub subscription: SubscriptionId,
    /// The name as created (lookups ignore case).
    pub name: String,
    /// ARM region name (`westus`).
    pub location: String,
    /// Tags.
    #[serde(default)]
    pub tags: Tags,
}

/// A resource group as the service answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceGroup {
    /// Name as created.
    pub name: String,
    /// ARM region name.
    pub location: String,
    /// Always `Succeeded` once the call returns.
    pub provisioning_state: ProvisioningState,
    /// Tags.
    pub tags: Tags,
    /// `/subscriptions/…/resourceGroups/<name>`.
    pub id: String,
}

impl ResourceGroupRecord {
    fn view(&self) -> ResourceGroup {
        ResourceGroup {
            name: self.name.clone(),
            location: self.location.clone(),
            provisioning_state: ProvisioningState::Succeeded,
            tags: self.tags.clone(),
            id: resource_group_id(&self.subscription, &self.name),
        }
    }

    fn is(&self, subscription: &SubscriptionId, name: &str) -> bool {
        self.subscription == *subscription && self.name.eq_ignore_ascii_case(name)
    }
}

/// ARM's group-name rule: 1 to 90 of letters, digits, `_`, `(`, `)`, `-`, `.`, not ending in `.`.
fn valid_group_name(name: &str) -> bool {
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, '_' | '(' | ')' | '-' | '.');
    (1..=90).contains(&name.chars().count()) && name.chars().all(allowed) && !name.ends_with('.')
}

impl World {
    /// Whether the caller has a group of this name (New-AzResourceGroup asks before updating).
    pub fn resource_group_exists(&self, caller: &SubscriptionId, name: &str) -> CloudResult<bool> {
        self.caller(caller)?;
        Ok(self.resource_groups.iter().any(|g| g.is(caller, name)))
    }

    /// PUT of a resource group: creates it, or replaces the tags of the existing one. A group
    /// cannot move to another region.
    pub fn create_or_update_resource_group(&mut self, caller: &SubscriptionId, name: &str, location: &str, tags: &Tags) -> CloudResult<ResourceGroup> {
        self.caller(caller)?;
        if !valid_group_name(name) {
            return Err(errors::invalid_resource_group_name(name));
        }
        let region = normalize_region(location).ok_or_else(|| errors::location_not_available(location, "Microsoft.Resources/resourceGroups"))?;
        let tags = merge_tags(tags);
        if let Some(group) = self.resource_groups.iter_mut().find(|g| g.is(caller, name)) {
            if group.location != region {
                return Err(errors::group_location_fixed(location, &group.location));
            }
            group.tags = tags;
            return Ok(group.view());
        }
        let record = ResourceGroupRecord { subscription: *caller, name: name.to_string(), location: region.to_string(), tags };
        let view = record.view();
        self.resource_groups.push(record);
        Ok(view)
    }

    /// GET of one group.
    pub fn get_resource_group(&self, caller: &SubscriptionId, name: &str) -> CloudResult<ResourceGroup> {
        self.caller(caller)?;
        self.group(caller, name).map(ResourceGroupRecord::view)
    }

    /// The caller's groups in creation order.
    pub fn list_resource_groups(&self, caller: &SubscriptionId) -> CloudResult<Vec<ResourceGroup>> {
        self.caller(caller)?;
        Ok(self.resource_groups.iter().filter(|g| g.subscription == *caller).map(ResourceGroupRecord::view).collect())
    }

    /// DELETE of a group and every ARM circuit in it. Each circuit's delete rules hold; if
    /// one refuses, nothing is removed and its refusal is the answer.
    pub fn remove_resource_group(&mut self, caller: &SubscriptionId, name: &str) -> CloudResult<()> {
        self.caller(caller)?;
        let stored = self.group(caller, name)?.name.clone();
        let keys = self.arm_circuit_keys(caller, Some(&stored));
        for key in &keys {
            self.check_arm_delete(key)?;
        }
        self.remove_group_networks(caller, &stored)?;
        for key in &keys {
            self.drop_circuit(key);
        }
        self.resource_groups.retain(|g| !g.is(caller, &stored));
        Ok(())
    }

    /// The caller's group of this name, or ARM's not-found answer.
    pub(crate) fn group(&self, caller: &SubscriptionId, name: &str) -> CloudResult<&ResourceGroupRecord> {
        self.resource_groups.iter().find(|g| g.is(caller, name)).ok_or_else(|| errors::resource_group_not_found(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::circuit::tests::world;

    #[test]
    fn create_get_list_remove() {
        let (mut w, sub) = world();
        let g = w.create_or_update_resource_group(&sub, "ExpressRouteResourceGroup", "West US", &vec![]).unwrap();
        assert_eq!(g.location, "westus");
        assert_eq!(g.provisioning_state, ProvisioningState::Succeeded);
        assert_eq!(g.id, format!("/subscriptions/{sub}/resourceGroups/ExpressRouteResourceGroup"));
        assert!(w.resource_group_exists(&sub, "expressrouteresourcegroup").unwrap());
        assert_eq!(w.get_resource_group(&sub, "EXPRESSROUTERESOURCEGROUP").unwrap().name, "ExpressRouteResourceGroup");
        w.create_or_update_resource_group(&sub, "Second", "eastus", &vec![]).unwrap();
        let names: Vec<String> = w.list_resource_groups(&sub).unwrap().into_iter().map(|g| g.name).collect();
        assert_eq!(names, ["ExpressRouteResourceGroup", "Second"]);
        w.remove_resource_group(&sub, "second").unwrap();
        assert_eq!(w.list_resource_groups(&sub).unwrap().len(), 1);
        let e = w.get_resource_group(&sub, "Second").unwrap_err();
        assert_eq!((e.status, e.code.as_str(), e.message.as_str()), (404, "ResourceGroupNotFound", "Resource group 'Second' could not be found."));
        assert_eq!(w.remove_resource_group(&sub, "Second").unwrap_err().code, "ResourceGroupNotFound");
    }

    #[test]
    fn an_update_replaces_tags_but_keeps_the_region() {
        let (mut w, sub) = world();
        w.create_or_update_resource_group(&sub, "rg", "West US", &vec![("a".into(), "1".into())]).unwrap();
        let g = w.create_or_update_resource_group(&sub, "RG", "westus", &vec![("b".into(), "2".into())]).unwrap();
        assert_eq!((g.name.as_str(), g.tags), ("rg", vec![("b".to_string(), "2".to_string())]));
        let e = w.create_or_update_resource_group(&sub, "rg", "East US", &vec![]).unwrap_err();
        assert_eq!(e.code, "InvalidResourceGroupLocation");
        assert_eq!(e.message, "Invalid resource group location 'East US'. The Resource group already exists in location 'westus'.");
    }

    #[test]
    fn names_and_regions_are_checked() {
        let (mut w, sub) = world();
        for bad in ["", "ends.", "has space", "semi;colon", &"x".repeat(91)] {
            assert_eq!(w.create_or_update_resource_group(&sub, bad, "westus", &vec![]).unwrap_err().code, "InvalidResourceGroupName", "{bad}");
        }
        w.create_or_update_resource_group(&sub, "ok_(1)-a.b", "westus", &vec![]).unwrap();
        let e = w.create_or_update_resource_group(&sub, "rg", "West EU", &vec![]).unwrap_err();
        assert_eq!((e.status, e.code.as_str()), (400, "LocationNotAvailableForResourceType"));
        assert!(e.message.starts_with("The provided location 'West EU' is not available for resource type 'Microsoft.Resources/resourceGroups'."));
    }

    #[test]
    fn groups_belong_to_their_subscription() {
        let (mut w, sub) = world();
        let dev = w.find_subscription_by_name("Contoso Dev-Test").unwrap().id;
        w.create_or_update_resource_group(&sub, "rg", "westus", &vec![]).unwrap();
        assert!(!w.resource_group_exists(&dev, "rg").unwrap());
        assert!(w.list_resource_groups(&dev).unwrap().is_empty());
        assert_eq!(w.get_resource_group(&uuid::Uuid::nil(), "rg").unwrap_err().code, "ForbiddenError");
    }
}
