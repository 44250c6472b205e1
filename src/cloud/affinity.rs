//! Affinity groups and the locations a classic subscription may name (List Locations).
//! A subscription's affinity groups are kept on its record, beside its name, so the
//! store needs no table of its own for them (a handful per subscription at most).

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::arm::REGIONS;
use super::errors::{CloudError, CloudResult, ErrorKind};
use super::world::{SubscriptionId, World};

/// One affinity group of a subscription.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AffinityGroup {
    /// Name, unique in the subscription (case-insensitive).
    pub name: String,
    /// Label (the name when none was given, as New-AzureAffinityGroup sends it).
    pub label: String,
    /// Description, possibly empty.
    #[serde(default)]
    pub description: Option<String>,
    /// Location display name, e.g. `West US`.
    pub location: String,
    /// When it was created (virtual time).
    pub created: NaiveDateTime,
}

/// What List Locations offers each location: the compute and storage services the classic
/// portal listed for a region.
pub const LOCATION_SERVICES: &[&str] = &["Compute", "Storage", "PersistentVMRole", "HighMemory"];

/// The display names of the locations the classic service offers (the public regions).
pub fn locations() -> impl Iterator<Item = &'static str> {
    REGIONS.iter().map(|(_, display)| *display)
}

/// The offered location named `name` (case-insensitive, blanks ignored), by its display name.
pub fn find_location(name: &str) -> Option<&'static str> {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    let wanted = squeeze(name);
    locations().find(|l| squeeze(l) == wanted)
}

fn error(status: u16, code: &str, message: String) -> CloudError {
    CloudError { status, code: code.into(), message, kind: ErrorKind::Sync }
}

/// Chosen, in the service's style.
pub(crate) fn affinity_group_not_found() -> CloudError {
    error(404, "ResourceNotFound", "The affinity group does not exist.".into())
}

/// Chosen.
fn affinity_group_exists() -> CloudError {
    error(409, "ConflictError", "An affinity group with the specified name already exists.".into())
}

/// "The name can be up to 100 characters in length" (Create Affinity Group's Label).
pub const MAX_LABEL: usize = 100;

/// "The description can be up to 1024 characters in length" (Create Affinity Group).
pub const MAX_DESCRIPTION: usize = 1024;

/// Chosen: the service's limit, reached through the cmdlet only by a long name sent as the
/// label (the cmdlet's ValidateLength stops a long -Label or -Description first).
fn too_long(what: &str, max: usize) -> CloudError {
    error(400, "BadRequest", format!("The {what} of the affinity group is too long. It can be up to {max} characters in length."))
}

/// Chosen.
fn location_not_offered(location: &str) -> CloudError {
    error(400, "BadRequest", format!("The location constraint '{location}' is not valid."))
}

/// Chosen.
fn affinity_group_in_use(name: &str) -> CloudError {
    error(400, "BadRequest", format!("The affinity group '{name}' is in use by a virtual network and cannot be deleted."))
}

/// Chosen: Set-AzureVNetConfig naming an affinity group the subscription lacks.
pub(crate) fn vnet_affinity_group_unknown(group: &str, vnet: &str) -> CloudError {
    CloudError {
        status: 400,
        code: "BadRequest".into(),
        message: format!("The affinity group '{group}' specified for the virtual network '{vnet}' does not exist."),
        kind: ErrorKind::Operation,
    }
}

impl World {
    /// The caller's affinity groups, in creation order.
    pub fn affinity_groups(&self, caller: &SubscriptionId) -> CloudResult<Vec<AffinityGroup>> {
        Ok(self.caller(caller)?.affinity_groups.clone())
    }

    /// The caller's affinity group named `name`.
    pub fn affinity_group(&self, caller: &SubscriptionId, name: &str) -> CloudResult<AffinityGroup> {
        let sub = self.caller(caller)?;
        sub.affinity_groups.iter().find(|g| g.name.eq_ignore_ascii_case(name.trim())).cloned().ok_or_else(affinity_group_not_found)
    }

    /// Create Affinity Group: a name new to the subscription, in an offered location.
    pub fn create_affinity_group(
        &mut self,
        caller: &SubscriptionId,
        name: &str,
        label: &str,
        description: Option<&str>,
        location: &str,
    ) -> CloudResult<AffinityGroup> {
        if label.chars().count() > MAX_LABEL {
            return Err(too_long("label", MAX_LABEL));
        }
        if description.is_some_and(|d| d.chars().count() > MAX_DESCRIPTION) {
            return Err(too_long("description", MAX_DESCRIPTION));
        }
        let location = find_location(location).ok_or_else(|| location_not_offered(location))?;
        if self.affinity_group(caller, name).is_ok() {
            return Err(affinity_group_exists());
        }
        let group = AffinityGroup {
            name: name.trim().to_string(),
            label: label.to_string(),
            description: description.map(str::to_string),
            location: location.to_string(),
            created: self.now,
        };
        self.caller_mut(caller)?.affinity_groups.push(group.clone());
        Ok(group)
    }

    /// Delete Affinity Group: refused while a VNet of the subscription is in it.
    pub fn remove_affinity_group(&mut self, caller: &SubscriptionId, name: &str) -> CloudResult<()> {
        let group = self.affinity_group(caller, name)?;
        if self.vnets.of(caller).iter().any(|v| v.config.affinity_group.as_deref().is_some_and(|g| g.eq_ignore_ascii_case(&group.name))) {
            return Err(affinity_group_in_use(&group.name));
        }
        self.caller_mut(caller)?.affinity_groups.retain(|g| !g.name.eq_ignore_ascii_case(&group.name));
        Ok(())
    }

    /// Set-AzureSubscription -CurrentStorageAccountName: the lab has no storage service, so
    /// any name is taken as the subscription's current account.
    pub fn set_current_storage_account(&mut self, caller: &SubscriptionId, account: &str) -> CloudResult<()> {
        self.caller_mut(caller)?.current_storage_account = Some(account.to_string());
        Ok(())
    }

    /// Set-AzureSubscription -Certificate: the certificate becomes the subscription's account
    /// in the profile, and the name given (the add form's) its name.
    pub fn set_management_certificate(&mut self, caller: &SubscriptionId, thumbprint: &str, name: Option<&str>) -> CloudResult<()> {
        let sub = self.caller_mut(caller)?;
        sub.management_certificate = Some(thumbprint.to_string());
        if let Some(name) = name {
            sub.name = name.to_string();
        }
        Ok(())
    }

    pub(crate) fn caller_mut(&mut self, id: &SubscriptionId) -> CloudResult<&mut super::world::Subscription> {
        self.caller(id)?;
        Ok(self.subscriptions.iter_mut().find(|s| s.id == *id).expect("checked above"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::vnet::VirtualNetworkConfig;

    fn world() -> (World, SubscriptionId) {
        let w = World::default_world_seeded(chrono::NaiveDate::from_ymd_opt(2016, 10, 3).unwrap().and_hms_opt(9, 0, 0).unwrap(), 1);
        let sub = w.selected_subscription().expect("a default subscription").id;
        (w, sub)
    }

    #[test]
    fn groups_are_made_listed_and_removed_by_name() {
        let (mut w, sub) = world();
        let g = w.create_affinity_group(&sub, "Lab-AG", "Lab-AG", None, "west us").unwrap();
        assert_eq!(g.location, "West US", "the location is the offered display name");
        assert_eq!(w.create_affinity_group(&sub, "lab-ag", "x", None, "West US").unwrap_err().code, "ConflictError");
        assert_eq!(w.create_affinity_group(&sub, "Other", "x", None, "Atlantis").unwrap_err().code, "BadRequest");
        assert_eq!(w.affinity_group(&sub, "LAB-AG").unwrap().name, "Lab-AG");
        w.remove_affinity_group(&sub, "lab-ag").unwrap();
        assert_eq!(w.remove_affinity_group(&sub, "Lab-AG").unwrap_err().to_string(), "ResourceNotFound: The affinity group does not exist.");
        assert!(w.affinity_groups(&sub).unwrap().is_empty());
    }

    #[test]
    fn labels_and_descriptions_keep_to_the_services_lengths() {
        let (mut w, sub) = world();
        let long = |n: usize| "x".repeat(n);
        assert!(w.create_affinity_group(&sub, "A", &long(101), None, "West US").unwrap_err().message.contains("label"));
        assert!(w.create_affinity_group(&sub, "A", "A", Some(&long(1025)), "West US").unwrap_err().message.contains("description"));
        w.create_affinity_group(&sub, "A", &long(100), Some(&long(1024)), "West US").unwrap();
        // Counted in characters, as the service counts a decoded label.
        w.create_affinity_group(&sub, "B", &"é".repeat(100), None, "West US").unwrap();
    }

    #[test]
    fn a_group_in_use_by_a_vnet_stays_and_an_unknown_one_is_refused() {
        let (mut w, sub) = world();
        w.create_affinity_group(&sub, "AG1", "AG1", Some("lab"), "West US").unwrap();
        let vnet = |g: &str| VirtualNetworkConfig {
            name: "V".into(),
            affinity_group: Some(g.into()),
            address_spaces: vec!["10.0.0.0/16".into()],
            ..Default::default()
        };
        let err = w.set_vnet_config(&sub, vec![vnet("AG2")]).unwrap_err();
        assert_eq!(err.to_string(), "BadRequest : The affinity group 'AG2' specified for the virtual network 'V' does not exist.");
        w.set_vnet_config(&sub, vec![vnet("ag1")]).unwrap();
        assert!(w.remove_affinity_group(&sub, "AG1").unwrap_err().message.contains("in use"));
        w.remove_vnet_config(&sub).unwrap();
        w.remove_affinity_group(&sub, "AG1").unwrap();
    }
}
