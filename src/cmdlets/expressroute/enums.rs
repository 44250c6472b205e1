//! The enumerations the module's parameters and objects use, under their .NET names.
//! Numeric values are the SDK's where known (facts §5); DedicatedCircuitState's are
//! not in any source and follow the order the service lists them in.

use crate::engine::types::EnumDef;
use crate::engine::value::Value;

pub static CIRCUIT_SKU: EnumDef =
    EnumDef { full_name: "Microsoft.WindowsAzure.Management.ExpressRoute.Models.CircuitSku", members: &[("Standard", 0), ("Premium", 1)] };

pub static BILLING_TYPE: EnumDef =
    EnumDef { full_name: "Microsoft.WindowsAzure.Management.ExpressRoute.Models.BillingType", members: &[("MeteredData", 0), ("UnlimitedData", 1)] };

pub static PROVIDER_PROVISIONING_STATE: EnumDef = EnumDef {
    full_name: "Microsoft.WindowsAzure.Management.ExpressRoute.Models.ProviderProvisioningState",
    members: &[("NotProvisioned", 0), ("Provisioning", 1), ("Provisioned", 2), ("Deprovisioning", 3)],
};

pub static DEDICATED_CIRCUIT_STATE: EnumDef = EnumDef {
    full_name: "Microsoft.WindowsAzure.Management.ExpressRoute.Models.DedicatedCircuitState",
    members: &[("Enabled", 0), ("Enabling", 1), ("Disabling", 2), ("Disabled", 3)],
};

pub static BGP_PEERING_ACCESS_TYPE: EnumDef = EnumDef {
    full_name: "Microsoft.WindowsAzure.Management.ExpressRoute.Models.BgpPeeringAccessType",
    members: &[("Private", 0), ("Public", 1), ("Microsoft", 2)],
};

pub static BGP_PEERING_STATE: EnumDef =
    EnumDef { full_name: "Microsoft.WindowsAzure.Management.ExpressRoute.Models.BgpPeeringState", members: &[("Disabled", 0), ("Enabled", 1)] };

pub static DEVICE_PATH: EnumDef =
    EnumDef { full_name: "Microsoft.WindowsAzure.Management.ExpressRoute.Models.DevicePath", members: &[("Primary", 0), ("Secondary", 1)] };

pub static UPDATE_CROSS_CONNECTION_OPERATION: EnumDef = EnumDef {
    full_name: "Microsoft.WindowsAzure.Management.ExpressRoute.Models.UpdateCrossConnectionOperation",
    members: &[("NotifyCrossConnectionProvisioned", 0), ("NotifyCrossConnectionNotProvisioned", 1)],
};

pub static BGP_PEER_ADDRESS_TYPE: EnumDef =
    EnumDef { full_name: "Microsoft.WindowsAzure.Management.ExpressRoute.Models.BgpPeerAddressType", members: &[("IPv4", 0), ("IPv6", 1), ("All", 2)] };

/// Only `Provisioned` was ever observed (tests and docs).
pub static DEDICATED_CIRCUIT_LINK_STATE: EnumDef =
    EnumDef { full_name: "Microsoft.WindowsAzure.Management.ExpressRoute.Models.DedicatedCircuitLinkState", members: &[("Provisioned", 0)] };

/// Declared by the cmdlet assembly itself (AP@f262715d BgpPeerings/LegacyMode.cs).
pub static LEGACY_MODE: EnumDef = EnumDef { full_name: "Microsoft.WindowsAzure.Commands.ExpressRoute.LegacyMode", members: &[("False", 0), ("True", 1)] };

/// Declared by the cmdlet assembly itself (AP@15a557a9).
pub static PEER_ADDRESS_TYPE_VALUES: EnumDef =
    EnumDef { full_name: "Microsoft.WindowsAzure.Commands.ExpressRoute.PeerAddressTypeValues", members: &[("IPv4", 0), ("IPv6", 1)] };

/// Every enumeration of the module, resolvable as `[Full.Name]` once it is loaded.
pub const ALL: [&EnumDef; 12] = [
    &CIRCUIT_SKU,
    &BILLING_TYPE,
    &PROVIDER_PROVISIONING_STATE,
    &DEDICATED_CIRCUIT_STATE,
    &BGP_PEERING_ACCESS_TYPE,
    &BGP_PEERING_STATE,
    &DEVICE_PATH,
    &UPDATE_CROSS_CONNECTION_OPERATION,
    &BGP_PEER_ADDRESS_TYPE,
    &DEDICATED_CIRCUIT_LINK_STATE,
    &LEGACY_MODE,
    &PEER_ADDRESS_TYPE_VALUES,
];

/// A member of `def` by its name (the cloud's spelling matches the SDK's).
pub fn value(def: &'static EnumDef, name: &str) -> Value {
    match def.parse(name) {
        Some((n, v)) => Value::enum_value(def.full_name, n, v),
        None => Value::str(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::types::TypeTable;

    #[test]
    fn registered_enums_resolve_by_full_and_short_name() {
        let mut types = TypeTable::default();
        for def in ALL {
            types.add(def);
        }
        let t = types.resolve("Microsoft.WindowsAzure.Management.ExpressRoute.Models.ProviderProvisioningState", false).unwrap();
        assert_eq!(t.full_name(), PROVIDER_PROVISIONING_STATE.full_name);
        assert!(types.resolve("LegacyMode", false).is_some());
        assert!(crate::engine::types::resolve("LegacyMode", false).is_none(), "only a session that loaded the module knows it");
        assert_eq!(value(&BGP_PEERING_ACCESS_TYPE, "microsoft").to_display_string(), "Microsoft");
    }
}
