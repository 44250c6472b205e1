//! What every Resource Manager resource has: an id made of its subscription, group, provider
//! namespace and name; a region named as ARM names it; tags; an etag; a provisioning state.

use uuid::Uuid;

use crate::cloud::world::SubscriptionId;

string_enum! {
    /// `ProvisioningState` of every ARM network resource (network.json).
    ProvisioningState { Succeeded, Updating, Deleting, Failed }
}

string_enum! {
    /// `sku.tier` of an ARM circuit (expressRouteCircuit.json).
    ArmSkuTier { Standard, Premium, Basic, Local }
}

/// Tags in the order they were given; keys are case-insensitive, as ARM's are.
pub type Tags = Vec<(String, String)>;

/// The public regions a subscription may create resources in, by their ARM names, with the
/// display name each normalises from (`West US` → `westus`).
pub const REGIONS: &[(&str, &str)] = &[
    ("eastus", "East US"),
    ("eastus2", "East US 2"),
    ("southcentralus", "South Central US"),
    ("westus2", "West US 2"),
    ("westus3", "West US 3"),
    ("australiaeast", "Australia East"),
    ("southeastasia", "Southeast Asia"),
    ("northeurope", "North Europe"),
    ("swedencentral", "Sweden Central"),
    ("uksouth", "UK South"),
    ("westeurope", "West Europe"),
    ("centralus", "Central US"),
    ("southafricanorth", "South Africa North"),
    ("centralindia", "Central India"),
    ("eastasia", "East Asia"),
    ("japaneast", "Japan East"),
    ("koreacentral", "Korea Central"),
    ("canadacentral", "Canada Central"),
    ("francecentral", "France Central"),
    ("germanywestcentral", "Germany West Central"),
    ("norwayeast", "Norway East"),
    ("switzerlandnorth", "Switzerland North"),
    ("uaenorth", "UAE North"),
    ("brazilsouth", "Brazil South"),
    ("northcentralus", "North Central US"),
    ("westus", "West US"),
    ("westcentralus", "West Central US"),
    ("australiasoutheast", "Australia Southeast"),
    ("japanwest", "Japan West"),
    ("koreasouth", "Korea South"),
    ("southindia", "South India"),
    ("canadaeast", "Canada East"),
    ("ukwest", "UK West"),
];

/// ARM's name for a region given by its display name or its name: lower case without
/// spaces (`Brazil South` → `brazilsouth`, as the recorded PUT answers show); `None` when
/// no public region has that name.
pub fn normalize_region(location: &str) -> Option<&'static str> {
    let squeezed: String = location.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    REGIONS.iter().map(|(name, _)| *name).find(|name| *name == squeezed)
}

/// `/subscriptions/{sub}/resourceGroups/{group}`.
pub fn resource_group_id(subscription: &SubscriptionId, group: &str) -> String {
    format!("/subscriptions/{subscription}/resourceGroups/{group}")
}

/// `/subscriptions/{sub}/resourceGroups/{group}/providers/Microsoft.Network/expressRouteCircuits/{name}`.
pub fn circuit_id(subscription: &SubscriptionId, group: &str, name: &str) -> String {
    format!("{}/providers/Microsoft.Network/expressRouteCircuits/{name}", resource_group_id(subscription, group))
}

/// A weak etag as the network provider prints it: `W/"<guid>"`.
pub fn etag_text(etag: &Uuid) -> String {
    format!("W/\"{etag}\"")
}

/// Sets `key` to `value`, replacing a key that differs only in case.
pub(crate) fn merge_tags(tags: &[(String, String)]) -> Tags {
    let mut out: Tags = Vec::new();
    for (k, v) in tags {
        match out.iter_mut().find(|(known, _)| known.eq_ignore_ascii_case(k)) {
            Some(slot) => slot.1 = v.clone(),
            None => out.push((k.clone(), v.clone())),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_normalise_as_arm_does() {
        assert_eq!(normalize_region("West US"), Some("westus"));
        assert_eq!(normalize_region("brazil south"), Some("brazilsouth"));
        assert_eq!(normalize_region("EastUS2"), Some("eastus2"));
        assert_eq!(normalize_region("West EU"), None);
        assert_eq!(normalize_region(""), None);
    }

    #[test]
    fn ids_and_etags_have_the_service_forms() {
        let sub = Uuid::nil();
        assert_eq!(resource_group_id(&sub, "RG"), "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/RG");
        assert_eq!(
            circuit_id(&sub, "RG", "ckt"),
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/RG/providers/Microsoft.Network/expressRouteCircuits/ckt"
        );
        assert_eq!(etag_text(&sub), "W/\"00000000-0000-0000-0000-000000000000\"");
    }

    #[test]
    fn tag_keys_are_case_insensitive() {
        let tags = merge_tags(&[("Env".into(), "a".into()), ("env".into(), "b".into()), ("Owner".into(), "c".into())]);
        assert_eq!(tags, vec![("Env".to_string(), "b".to_string()), ("Owner".to_string(), "c".to_string())]);
    }
}
