//! Network resource ids: `/subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.Network/
//! {type}/{name}`, optionally followed by one child (`/subnets/{name}`), read back without
//! regard to case as ARM reads them.

use crate::cloud::arm::resource_group_id;
use crate::cloud::world::SubscriptionId;

/// The id of a network resource of `kind` (`virtualNetworks`, `publicIPAddresses`…).
pub fn network_id(subscription: &SubscriptionId, group: &str, kind: &str, name: &str) -> String {
    format!("{}/providers/Microsoft.Network/{kind}/{name}", resource_group_id(subscription, group))
}

/// The parts of a network resource id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedId {
    pub subscription: SubscriptionId,
    pub group: String,
    /// The resource type as written (`virtualNetworks`).
    pub kind: String,
    pub name: String,
    /// A child type and name (`subnets`, `GatewaySubnet`).
    pub child: Option<(String, String)>,
}

impl ParsedId {
    /// Whether the id names a resource of `kind` itself (no child).
    pub fn is(&self, kind: &str) -> bool {
        self.kind.eq_ignore_ascii_case(kind) && self.child.is_none()
    }

    /// Whether the id names a child of `kind` under a resource of `parent`.
    pub fn is_child(&self, parent: &str, kind: &str) -> bool {
        self.kind.eq_ignore_ascii_case(parent) && self.child.as_ref().is_some_and(|(k, _)| k.eq_ignore_ascii_case(kind))
    }
}

/// Reads a network resource id; `None` when it is not one.
pub fn parse_id(id: &str) -> Option<ParsedId> {
    let parts: Vec<&str> = id.trim().trim_end_matches('/').split('/').collect();
    let at = |i: usize, word: &str| parts.get(i).is_some_and(|p| p.eq_ignore_ascii_case(word));
    if !(parts.first() == Some(&"") && at(1, "subscriptions") && at(3, "resourceGroups") && at(5, "providers") && at(6, "Microsoft.Network")) {
        return None;
    }
    let subscription = parts.get(2)?.parse().ok()?;
    let text = |i: usize| parts.get(i).filter(|p| !p.is_empty()).map(|p| p.to_string());
    let child = match parts.len() {
        9 => None,
        11 => Some((text(9)?, text(10)?)),
        _ => return None,
    };
    Some(ParsedId { subscription, group: text(4)?, kind: text(7)?, name: text(8)?, child })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_back() {
        let sub = uuid::Uuid::nil();
        let id = network_id(&sub, "RG", "virtualNetworks", "v");
        assert_eq!(id, "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/v");
        let p = parse_id(&format!("{id}/subnets/GatewaySubnet")).unwrap();
        assert_eq!((p.group.as_str(), p.name.as_str()), ("RG", "v"));
        assert!(p.is_child("VIRTUALNETWORKS", "subnets") && !p.is("virtualNetworks"));
        assert!(parse_id(&id.to_lowercase()).unwrap().is("virtualNetworks"));
        for bad in ["", "v", "/subscriptions/x/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/v", &format!("{id}/subnets")] {
            assert!(parse_id(bad).is_none(), "{bad}");
        }
    }
}
