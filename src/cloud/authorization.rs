//! Link authorizations: how a circuit owner lets other subscriptions link their VNets
//! (share-circuit and linkvnet-classic docs).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::circuit::{CircuitRecord, CircuitStatus, ProviderProvisioningState};
use super::errors::{self, CloudResult};
use super::peering::split_list;
use super::world::{ServiceKey, SubscriptionId, World};

/// "The circuit owner can share a circuit with up to 10 Azure subscriptions."
pub const MAX_AUTHORIZATIONS_PER_CIRCUIT: usize = 10;

/// An authorization as the service answers it (`AzureDedicatedCircuitLinkAuthorization`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkAuthorization {
    /// Free text.
    pub description: String,
    /// Links allowed under this authorization.
    pub limit: u32,
    /// Authorization id.
    pub link_authorization_id: Uuid,
    /// Named accounts, comma-separated.
    pub microsoft_ids: String,
    /// Links currently made under this authorization.
    pub used: u32,
}

/// A circuit shared with the caller (`AzureAuthorizedDedicatedCircuit`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorizedCircuit {
    /// Mbps.
    pub bandwidth: u32,
    /// Circuit name.
    pub circuit_name: String,
    /// Peering location.
    pub location: String,
    /// Sum of the limits of the authorizations naming the caller's account.
    pub maximum_allowed_links: u32,
    /// Service key.
    pub service_key: ServiceKey,
    /// Provider name, lower-cased as for circuits.
    pub service_provider_name: String,
    /// Provider-side state.
    pub service_provider_provisioning_state: ProviderProvisioningState,
    /// Microsoft-side status.
    pub status: CircuitStatus,
    /// Links made under those authorizations.
    pub used_links: u32,
}

/// Stored authorization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct AuthorizationRecord {
    pub(crate) id: Uuid,
    pub(crate) description: String,
    pub(crate) limit: u32,
    pub(crate) microsoft_ids: Vec<String>,
    /// The child resource name of an authorization made in Resource Manager (whose key is
    /// `id`); none for one made with the classic cmdlets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) arm_name: Option<String>,
}

impl AuthorizationRecord {
    /// Whether `account` is among the Microsoft ids.
    pub(crate) fn names(&self, account: &str) -> bool {
        self.microsoft_ids.iter().any(|m| m.eq_ignore_ascii_case(account))
    }

    fn add_ids(&mut self, ids: &str) {
        for id in split_list(ids) {
            if !self.names(id) {
                self.microsoft_ids.push(id.to_string());
            }
        }
    }
}

impl CircuitRecord {
    /// The links and Resource Manager connections redeemed with an authorization.
    pub(crate) fn used_links(&self, authorization: &Uuid) -> usize {
        self.links.iter().filter(|l| l.authorization == Some(*authorization)).count()
            + self.arm_connections.iter().filter(|c| c.authorization == Some(*authorization)).count()
    }

    fn authorization_view(&self, a: &AuthorizationRecord) -> LinkAuthorization {
        LinkAuthorization {
            description: a.description.clone(),
            limit: a.limit,
            link_authorization_id: a.id,
            microsoft_ids: a.microsoft_ids.join(","),
            used: self.used_links(&a.id) as u32,
        }
    }

    fn authorization_index(&self, id: &Uuid) -> CloudResult<usize> {
        self.authorizations.iter().position(|a| a.id == *id).ok_or_else(|| errors::authorization_not_found(id))
    }

    /// Deletes links made under `id` whose subscription's account the authorization no longer
    /// names (all of them when it is gone): "Revoking an authorization will result in all links
    /// being deleted from the subscription whose access was revoked."
    pub(crate) fn drop_revoked_links(&mut self, id: &Uuid, still_named: impl Fn(&SubscriptionId) -> bool) {
        self.links.retain(|l| l.authorization != Some(*id) || still_named(&l.subscription));
    }
}

fn check_limit(limit: i64) -> CloudResult<u32> {
    u32::try_from(limit).ok().filter(|l| i32::try_from(*l).is_ok()).ok_or_else(|| errors::authorization_limit_invalid(limit))
}

impl World {
    /// New-AzureDedicatedCircuitLinkAuthorization (owner only).
    pub fn new_link_authorization(
        &mut self,
        caller: &SubscriptionId,
        key: &ServiceKey,
        description: &str,
        limit: i64,
        microsoft_ids: &str,
    ) -> CloudResult<LinkAuthorization> {
        let limit = check_limit(limit)?;
        let circuit = self.classic_circuit(caller, key, errors::circuit_not_found)?;
        if circuit.authorizations.len() >= MAX_AUTHORIZATIONS_PER_CIRCUIT {
            return Err(errors::too_many_authorizations(MAX_AUTHORIZATIONS_PER_CIRCUIT));
        }
        let mut record =
            AuthorizationRecord { id: self.ids.next_guid(), description: description.to_string(), limit, microsoft_ids: Vec::new(), arm_name: None };
        record.add_ids(microsoft_ids);
        let circuit = self.owned_circuit_mut(caller, key, errors::circuit_not_found)?;
        circuit.authorizations.push(record.clone());
        Ok(circuit.authorization_view(&record))
    }

    /// Get-AzureDedicatedCircuitLinkAuthorization -AuthorizationId.
    pub fn get_link_authorization(&self, caller: &SubscriptionId, key: &ServiceKey, id: &Uuid) -> CloudResult<LinkAuthorization> {
        let circuit = self.classic_circuit(caller, key, errors::circuit_not_found)?;
        let i = circuit.authorization_index(id)?;
        Ok(circuit.authorization_view(&circuit.authorizations[i]))
    }

    /// Get-AzureDedicatedCircuitLinkAuthorization: all, in creation order.
    pub fn list_link_authorizations(&self, caller: &SubscriptionId, key: &ServiceKey) -> CloudResult<Vec<LinkAuthorization>> {
        let circuit = self.classic_circuit(caller, key, errors::circuit_not_found)?;
        Ok(circuit.authorizations.iter().map(|a| circuit.authorization_view(a)).collect())
    }

    /// The update half of Set-AzureDedicatedCircuitLinkAuthorization (the cmdlet's fallback to
    /// create is the cmdlet's business). MicrosoftIds are not updatable here, as in the cmdlet.
    pub fn update_link_authorization(
        &mut self,
        caller: &SubscriptionId,
        key: &ServiceKey,
        id: &Uuid,
        description: Option<&str>,
        limit: Option<i64>,
    ) -> CloudResult<LinkAuthorization> {
        let limit = limit.map(check_limit).transpose()?;
        self.classic_circuit(caller, key, errors::circuit_not_found)?;
        let circuit = self.owned_circuit_mut(caller, key, errors::circuit_not_found)?;
        let i = circuit.authorization_index(id)?;
        if let Some(l) = limit {
            let used = circuit.used_links(id);
            if (l as usize) < used {
                return Err(errors::authorization_limit_below_used(i64::from(l), used));
            }
            circuit.authorizations[i].limit = l;
        }
        if let Some(d) = description {
            circuit.authorizations[i].description = d.to_string();
        }
        Ok(circuit.authorization_view(&circuit.authorizations[i]))
    }

    /// Remove-AzureDedicatedCircuitLinkAuthorization: also deletes the links made under it.
    pub fn remove_link_authorization(&mut self, caller: &SubscriptionId, key: &ServiceKey, id: &Uuid) -> CloudResult<()> {
        self.classic_circuit(caller, key, errors::circuit_not_found)?;
        let circuit = self.owned_circuit_mut(caller, key, errors::circuit_not_found)?;
        let i = circuit.authorization_index(id)?;
        circuit.authorizations.remove(i);
        circuit.drop_revoked_links(id, |_| false);
        self.drop_connections_of_authorization(key, id);
        Ok(())
    }

    /// New-AzureDedicatedCircuitLinkAuthorizationMicrosoftIds: adds comma-separated accounts
    /// (already named ones are ignored).
    pub fn add_authorization_microsoft_ids(
        &mut self,
        caller: &SubscriptionId,
        key: &ServiceKey,
        id: &Uuid,
        microsoft_ids: &str,
    ) -> CloudResult<LinkAuthorization> {
        self.classic_circuit(caller, key, errors::circuit_not_found)?;
        let circuit = self.owned_circuit_mut(caller, key, errors::circuit_not_found)?;
        let i = circuit.authorization_index(id)?;
        circuit.authorizations[i].add_ids(microsoft_ids);
        Ok(circuit.authorization_view(&circuit.authorizations[i]))
    }

    /// Remove-AzureDedicatedCircuitLinkAuthorizationMicrosoftIds: removes accounts; links their
    /// subscriptions made under this authorization are deleted (access revoked).
    pub fn remove_authorization_microsoft_ids(
        &mut self,
        caller: &SubscriptionId,
        key: &ServiceKey,
        id: &Uuid,
        microsoft_ids: &str,
    ) -> CloudResult<LinkAuthorization> {
        let owners: Vec<(SubscriptionId, String)> = self.subscriptions.iter().map(|s| (s.id, s.account.clone())).collect();
        self.classic_circuit(caller, key, errors::circuit_not_found)?;
        let circuit = self.owned_circuit_mut(caller, key, errors::circuit_not_found)?;
        let i = circuit.authorization_index(id)?;
        let removed: Vec<&str> = split_list(microsoft_ids).collect();
        let auth = &mut circuit.authorizations[i];
        auth.microsoft_ids.retain(|m| !removed.iter().any(|r| r.eq_ignore_ascii_case(m)));
        let auth = auth.clone();
        circuit.drop_revoked_links(id, |sub| owners.iter().any(|(s, account)| s == sub && auth.names(account)));
        Ok(circuit.authorization_view(&auth))
    }

    fn authorized_view(&self, circuit: &CircuitRecord, account: &str) -> Option<AuthorizedCircuit> {
        let named: Vec<&AuthorizationRecord> = circuit.authorizations.iter().filter(|a| a.names(account)).collect();
        if named.is_empty() || !circuit.classic_visible() {
            return None;
        }
        let view = circuit.view(false);
        Some(AuthorizedCircuit {
            bandwidth: view.bandwidth,
            circuit_name: view.circuit_name,
            location: view.location,
            maximum_allowed_links: named.iter().map(|a| a.limit).sum(),
            service_key: view.service_key,
            service_provider_name: view.service_provider_name,
            service_provider_provisioning_state: view.service_provider_provisioning_state,
            status: view.status,
            used_links: named.iter().map(|a| circuit.used_links(&a.id) as u32).sum(),
        })
    }

    /// Get-AzureAuthorizedDedicatedCircuit: circuits whose authorizations name the caller's
    /// account.
    pub fn list_authorized_circuits(&self, caller: &SubscriptionId) -> CloudResult<Vec<AuthorizedCircuit>> {
        let account = self.caller(caller)?.account.clone();
        Ok(self.circuits.authorized_to(&account).into_iter().filter_map(|c| self.authorized_view(c, &account)).collect())
    }

    /// Get-AzureAuthorizedDedicatedCircuit -ServiceKey.
    pub fn get_authorized_circuit(&self, caller: &SubscriptionId, key: &ServiceKey) -> CloudResult<AuthorizedCircuit> {
        let account = self.caller(caller)?.account.clone();
        self.circuits.get(key).and_then(|c| self.authorized_view(c, &account)).ok_or_else(|| errors::circuit_not_found(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::link::tests::{add_vnets, linkable};

    fn shared() -> (World, SubscriptionId, SubscriptionId, ServiceKey) {
        let (mut w, owner, key) = linkable(0);
        let dev = w.find_subscription_by_name("Contoso Dev-Test").unwrap().id;
        add_vnets(&mut w, &dev, 3);
        (w, owner, dev, key)
    }

    #[test]
    fn documented_sharing_workflow() {
        let (mut w, owner, dev, key) = shared();
        let a = w.new_link_authorization(&owner, &key, "Dev-Test Links", 2, "devtest@contoso.com").unwrap();
        assert_eq!((a.description.as_str(), a.limit, a.microsoft_ids.as_str(), a.used), ("Dev-Test Links", 2, "devtest@contoso.com", 0));
        let ac = w.list_authorized_circuits(&dev).unwrap();
        assert_eq!(ac.len(), 1);
        assert_eq!((ac[0].maximum_allowed_links, ac[0].used_links, ac[0].service_provider_name.as_str()), (2, 0, "equinix"));
        assert_eq!(ac[0].service_provider_provisioning_state, ProviderProvisioningState::Provisioned);
        w.new_circuit_link(&dev, &key, "V0").unwrap();
        w.new_circuit_link(&dev, &key, "V1").unwrap();
        let e = w.new_circuit_link(&dev, &key, "V2").unwrap_err();
        assert_eq!(e.message, "The number of links allowed by the authorization for the specified service key has been reached.");
        assert_eq!(w.get_authorized_circuit(&dev, &key).unwrap().used_links, 2);
        let a = w.get_link_authorization(&owner, &key, &a.link_authorization_id).unwrap();
        assert_eq!(a.used, 2);
        // The owner sees only its own VNets' links; the circuit user sees its own.
        assert!(w.list_circuit_links(&owner, &key).unwrap().is_empty());
        assert_eq!(w.list_circuit_links(&dev, &key).unwrap().len(), 2);

        let e = w.update_link_authorization(&owner, &key, &a.link_authorization_id, None, Some(1)).unwrap_err();
        assert_eq!(e.message, "The specified limit 1 is less than the number of links already created (2).");
        let a = w.update_link_authorization(&owner, &key, &a.link_authorization_id, Some("More"), Some(5)).unwrap();
        assert_eq!((a.description.as_str(), a.limit), ("More", 5));
        w.new_circuit_link(&dev, &key, "V2").unwrap();

        // Revoking deletes the links made under the authorization.
        w.remove_link_authorization(&owner, &key, &a.link_authorization_id).unwrap();
        assert!(w.list_circuit_links(&owner, &key).unwrap().is_empty());
        assert!(w.list_authorized_circuits(&dev).unwrap().is_empty());
        assert_eq!(w.circuits[&key].links.len(), 0);
        let e = w.get_link_authorization(&owner, &key, &a.link_authorization_id).unwrap_err();
        assert_eq!(e.code, "ResourceNotFound");
    }

    #[test]
    fn microsoft_ids_add_and_remove() {
        let (mut w, owner, dev, key) = shared();
        let a = w.new_link_authorization(&owner, &key, "x", 3, " engadmin@contoso.com ,, ").unwrap();
        let id = a.link_authorization_id;
        assert_eq!(a.microsoft_ids, "engadmin@contoso.com");
        assert!(w.new_circuit_link(&dev, &key, "V0").is_err());
        let a = w.add_authorization_microsoft_ids(&owner, &key, &id, "DEVTEST@contoso.com,engadmin@contoso.com").unwrap();
        assert_eq!(a.microsoft_ids, "engadmin@contoso.com,DEVTEST@contoso.com");
        w.new_circuit_link(&dev, &key, "V0").unwrap();
        let a = w.remove_authorization_microsoft_ids(&owner, &key, &id, "devtest@contoso.com").unwrap();
        assert_eq!((a.microsoft_ids.as_str(), a.used), ("engadmin@contoso.com", 0));
        assert!(w.circuits[&key].links.is_empty());
        // No longer named: the circuit is invisible to the former user again.
        assert_eq!(w.list_circuit_links(&dev, &key).unwrap_err().code, "ResourceNotFound");
    }

    #[test]
    fn owner_only_and_limits() {
        let (mut w, owner, dev, key) = shared();
        let e = w.new_link_authorization(&dev, &key, "x", 1, "a@b.c").unwrap_err();
        assert_eq!(e.code, "ResourceNotFound");
        let e = w.new_link_authorization(&owner, &key, "x", -1, "a@b.c").unwrap_err();
        assert_eq!(e.message, "The specified limit -1 is not valid.");
        for i in 0..MAX_AUTHORIZATIONS_PER_CIRCUIT {
            w.new_link_authorization(&owner, &key, &format!("a{i}"), 0, "").unwrap();
        }
        let e = w.new_link_authorization(&owner, &key, "x", 1, "").unwrap_err();
        assert_eq!(e.message, "The maximum number of authorizations (10) for the specified dedicated circuit has been reached.");
        assert_eq!(w.list_link_authorizations(&owner, &key).unwrap().len(), 10);
        assert!(w.get_authorized_circuit(&dev, &key).is_err());
        assert!(w.list_link_authorizations(&dev, &key).is_err());
    }

    #[test]
    fn seeded_authorization_ids_repeat() {
        let ids = || {
            let (mut w, owner, _, key) = shared();
            w.set_seed(11);
            (0..3).map(|_| w.new_link_authorization(&owner, &key, "d", 1, "").unwrap().link_authorization_id).collect::<Vec<_>>()
        };
        assert_eq!(ids(), ids());
    }
}
