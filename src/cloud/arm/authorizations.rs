//! The authorizations of an ARM circuit. As peerings, they travel in the circuit PUT: a name
//! the circuit does not have yet is a new authorization (a fresh key, good for one
//! connection), a stored one the PUT leaves out is revoked, and its links go with it ("Revoking
//! an authorization results in all link connections being deleted", linkvnet-arm 2020-10).
//! They are the circuit record's classic authorizations, so the classic cmdlets see them too:
//! the key is the classic authorization id, the name its description, the limit one link.

use uuid::Uuid;

use super::circuits::valid_resource_name;
use super::errors;
use crate::cloud::authorization::{AuthorizationRecord, MAX_AUTHORIZATIONS_PER_CIRCUIT};
use crate::cloud::circuit::CircuitRecord;
use crate::cloud::errors::{self as classic, CloudResult};
use crate::cloud::world::World;

string_enum! {
    /// `authorizationUseStatus` (expressRouteCircuit.json).
    AuthorizationUseStatus { Available, InUse }
}

/// An authorization as the circuit GET answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArmAuthorization {
    pub name: String,
    pub id: String,
    /// The circuit's etag.
    pub etag: String,
    pub authorization_key: Uuid,
    pub use_status: AuthorizationUseStatus,
}

impl CircuitRecord {
    /// An authorization as Resource Manager answers it; a classic one is named by its
    /// description.
    pub(crate) fn arm_authorization(&self, a: &AuthorizationRecord, circuit_id: &str, etag: &str) -> ArmAuthorization {
        let name = arm_name(a).to_string();
        ArmAuthorization {
            id: format!("{circuit_id}/authorizations/{name}"),
            name,
            etag: etag.to_string(),
            authorization_key: a.id,
            use_status: if self.used_links(&a.id) > 0 { AuthorizationUseStatus::InUse } else { AuthorizationUseStatus::Available },
        }
    }
}

fn arm_name(a: &AuthorizationRecord) -> &str {
    a.arm_name.as_deref().unwrap_or(&a.description)
}

/// What a PUT's authorization list does to the circuit's: the list to store, and the ids
/// of the revoked ones.
pub(super) struct AuthorizationPlan {
    pub(super) kept: Vec<AuthorizationRecord>,
    pub(super) revoked: Vec<Uuid>,
}

impl World {
    /// Checks the names a PUT sends against `current` and draws a key for each new one.
    pub(super) fn plan_arm_authorizations(&mut self, current: &[AuthorizationRecord], sent: &[String]) -> CloudResult<AuthorizationPlan> {
        for (i, name) in sent.iter().enumerate() {
            if !valid_resource_name(name) {
                return Err(errors::invalid_resource_name(name));
            }
            if sent[..i].iter().any(|n| n.eq_ignore_ascii_case(name)) {
                return Err(errors::authorization_name_twice(name));
            }
        }
        if sent.len() > MAX_AUTHORIZATIONS_PER_CIRCUIT {
            return Err(classic::too_many_authorizations(MAX_AUTHORIZATIONS_PER_CIRCUIT));
        }
        let mut kept = Vec::new();
        for name in sent {
            match current.iter().find(|a| arm_name(a).eq_ignore_ascii_case(name)) {
                Some(a) => kept.push(a.clone()),
                None => kept.push(AuthorizationRecord {
                    id: self.ids.next_guid(),
                    description: name.clone(),
                    limit: 1,
                    microsoft_ids: Vec::new(),
                    arm_name: Some(name.clone()),
                }),
            }
        }
        let revoked = current.iter().filter(|a| !kept.iter().any(|k| k.id == a.id)).map(|a| a.id).collect();
        Ok(AuthorizationPlan { kept, revoked })
    }
}

/// `(subscription, group, circuit)` of a circuit resource id, case-insensitively.
fn parse_circuit_id(id: &str) -> Option<(Uuid, String, String)> {
    let parts: Vec<&str> = id.trim().trim_start_matches('/').split('/').collect();
    let is = |i: usize, word: &str| parts.get(i).is_some_and(|p| p.eq_ignore_ascii_case(word));
    let shape = parts.len() == 8
        && is(0, "subscriptions")
        && is(2, "resourceGroups")
        && is(4, "providers")
        && is(5, "Microsoft.Network")
        && is(6, "expressRouteCircuits");
    if !shape {
        return None;
    }
    Some((parts[1].parse().ok()?, parts[3].to_string(), parts[7].to_string()))
}

impl World {
    /// The circuit a connection's `-PeerId` names and the authorization its key redeems,
    /// whoever asks (the key is the permission, linkvnet-arm 2020-10): the lookup a connection
    /// from another subscription makes before it links. An authorization already used by a
    /// link is not redeemable again ("valid for only one connection").
    pub fn redeemable_authorization(&self, circuit_id: &str, authorization_key: &str) -> CloudResult<(crate::cloud::world::ServiceKey, Uuid)> {
        let (sub, group, name) = parse_circuit_id(circuit_id).ok_or_else(errors::circuit_id_invalid)?;
        let key = self.arm_circuit_key(&sub, &group, &name).ok_or_else(|| errors::circuit_not_found(&group, &name))?;
        let circuit = self.circuits.get(&key).ok_or_else(|| classic::circuit_not_found(&key))?;
        let auth = authorization_key
            .trim()
            .parse::<Uuid>()
            .ok()
            .and_then(|k| circuit.authorizations.iter().find(|a| a.id == k))
            .ok_or_else(errors::authorization_key_invalid)?;
        if circuit.used_links(&auth.id) >= auth.limit as usize {
            return Err(errors::authorization_key_in_use());
        }
        Ok((key, auth.id))
    }
}

impl CircuitRecord {
    /// Stores a planned authorization list; the links of revoked authorizations go.
    pub(super) fn apply_authorizations(&mut self, plan: AuthorizationPlan) {
        self.authorizations = plan.kept;
        for id in &plan.revoked {
            self.drop_revoked_links(id, |_| false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::arm::ArmCircuitPut;
    use crate::cloud::circuit::tests::world;

    fn put(names: &[&str]) -> ArmCircuitPut {
        ArmCircuitPut {
            resource_group: "rg".into(),
            name: "ckt".into(),
            location: "West US".into(),
            service_provider_name: Some("Equinix".into()),
            peering_location: Some("Silicon Valley".into()),
            bandwidth_in_mbps: Some(200),
            authorizations: Some(names.iter().map(|n| n.to_string()).collect()),
            allow_classic_operations: Some(true),
            ..Default::default()
        }
    }

    #[test]
    fn new_names_get_keys_kept_names_keep_them_and_left_out_ones_are_revoked() {
        let (mut w, sub) = world();
        w.create_or_update_resource_group(&sub, "rg", "West US", &Vec::new()).unwrap();
        let c = w.put_arm_circuit(&sub, put(&["a1"])).unwrap();
        let a1 = c.authorizations[0].clone();
        assert_eq!((a1.name.as_str(), a1.use_status), ("a1", AuthorizationUseStatus::Available));
        assert_eq!(a1.id, format!("{}/authorizations/a1", c.id));
        let c = w.put_arm_circuit(&sub, put(&["A1", "a2"])).unwrap();
        assert_eq!(c.authorizations[0].authorization_key, a1.authorization_key, "matched by name, case-insensitively");
        assert_ne!(c.authorizations[1].authorization_key, a1.authorization_key);
        // The classic face: the same records, one link each, named by their description.
        let classic = w.list_link_authorizations(&sub, &c.service_key).unwrap();
        assert_eq!(classic.iter().map(|a| (a.description.as_str(), a.limit, a.link_authorization_id)).collect::<Vec<_>>()[0], ("a1", 1, a1.authorization_key));
        let c = w.put_arm_circuit(&sub, put(&["a2"])).unwrap();
        assert_eq!(c.authorizations.len(), 1);
        assert_eq!(w.list_link_authorizations(&sub, &c.service_key).unwrap().len(), 1);
    }

    #[test]
    fn a_key_is_looked_up_by_circuit_id_whoever_asks() {
        let (mut w, sub) = world();
        w.create_or_update_resource_group(&sub, "rg", "West US", &Vec::new()).unwrap();
        let c = w.put_arm_circuit(&sub, put(&["a1"])).unwrap();
        let key = c.authorizations[0].authorization_key;
        assert_eq!(w.redeemable_authorization(&c.id.to_uppercase(), &key.to_string()).unwrap(), (c.service_key, key));
        assert_eq!(w.redeemable_authorization(&c.id, "not-a-key").unwrap_err().code, "AuthorizationKeyInvalid");
        assert_eq!(w.redeemable_authorization(&format!("{}/authorizations/a1", c.id), &key.to_string()).unwrap_err().message, "Cannot parse the request.");
        assert_eq!(w.redeemable_authorization(&c.id.replace("/ckt", "/other"), &key.to_string()).unwrap_err().code, "ResourceNotFound");
    }

    #[test]
    fn names_and_the_limit_are_checked_before_anything_changes() {
        let (mut w, sub) = world();
        w.create_or_update_resource_group(&sub, "rg", "West US", &Vec::new()).unwrap();
        w.put_arm_circuit(&sub, put(&["a1"])).unwrap();
        let e = w.put_arm_circuit(&sub, put(&["a1", "A1"])).unwrap_err();
        assert_eq!(e.message, "The authorization name 'A1' appears more than once in the circuit.");
        let e = w.put_arm_circuit(&sub, put(&["bad name"])).unwrap_err();
        assert_eq!(e.code, "InvalidResourceName");
        let eleven: Vec<String> = (0..11).map(|i| format!("a{i}")).collect();
        let names: Vec<&str> = eleven.iter().map(String::as_str).collect();
        let e = w.put_arm_circuit(&sub, put(&names)).unwrap_err();
        assert_eq!(e.message, "The maximum number of authorizations (10) for the specified dedicated circuit has been reached.");
        assert_eq!(w.get_arm_circuit(&sub, "rg", "ckt").unwrap().authorizations.len(), 1);
    }
}
