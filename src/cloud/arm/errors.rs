//! The Resource Manager's error texts. "Recorded" texts are verbatim from session records or
//! captures (sources in `docs/fidelity-cloud.md`); "Chosen" ones were written in the
//! service's style where no capture exists.

use crate::cloud::errors::{CloudError, ErrorKind};

fn arm(status: u16, code: &str, message: String) -> CloudError {
    CloudError { status, code: code.to_string(), message, kind: ErrorKind::Sync }
}

/// Recorded (ARM's answer for a group that does not exist, widely captured).
pub(crate) fn resource_group_not_found(group: &str) -> CloudError {
    arm(404, "ResourceGroupNotFound", format!("Resource group '{group}' could not be found."))
}

/// Chosen, in ARM's wording for a PUT that would move an existing group.
pub(crate) fn group_location_fixed(asked: &str, existing: &str) -> CloudError {
    arm(400, "InvalidResourceGroupLocation", format!("Invalid resource group location '{asked}'. The Resource group already exists in location '{existing}'."))
}

/// Recorded (TestExpressRouteCircuitCRUD session record: the GET of a missing circuit).
pub(crate) fn circuit_not_found(group: &str, name: &str) -> CloudError {
    resource_not_found("Microsoft.Network/expressRouteCircuits", group, name)
}

/// The same 404 for a resource of any type (`Microsoft.Network/virtualNetworks`).
pub(crate) fn resource_not_found(resource_type: &str, group: &str, name: &str) -> CloudError {
    arm(404, "ResourceNotFound", format!("The Resource '{resource_type}/{name}' under resource group '{group}' was not found."))
}

/// Chosen: a GET by an id that is not `/subscriptions/…/resourceGroups/…/providers/…/…/…`.
pub(crate) fn invalid_resource_id(id: &str) -> CloudError {
    arm(400, "InvalidResourceId", format!("The resource id '{id}' is not valid. A resource id has the form '/subscriptions/{{subscriptionId}}/resourceGroups/{{resourceGroupName}}/providers/{{resourceProviderNamespace}}/{{resourceType}}/{{resourceName}}'."))
}

/// ARM's 404 for a resource of a group, as recorded for circuits, for a cross connection.
pub(crate) fn cross_connection_not_found(group: &str, name: &str) -> CloudError {
    resource_not_found("Microsoft.Network/expressRouteCrossConnections", group, name)
}

/// Chosen: a provider may set NotProvisioned, Provisioning or Provisioned; Deprovisioning is
/// the customer's request, and anything else no state at all.
pub(crate) fn provider_state_not_settable(value: &str) -> CloudError {
    arm(
        400,
        "InvalidServiceProviderProvisioningState",
        format!("The value '{value}' is not a ServiceProviderProvisioningState the connectivity provider can set. Allowed values: NotProvisioned, Provisioning, Provisioned."),
    )
}

/// Chosen, in ARM's wording for a location a resource type is not offered in.
pub(crate) fn location_not_available(location: &str, resource_type: &str) -> CloudError {
    let list: Vec<&str> = super::REGIONS.iter().map(|(_, display)| *display).collect();
    arm(
        400,
        "LocationNotAvailableForResourceType",
        format!(
            "The provided location '{location}' is not available for resource type '{resource_type}'. List of available regions for the resource type is '{}'.",
            list.join(",")
        ),
    )
}

/// Chosen, in ARM's wording for a group name outside its character rules.
pub(crate) fn invalid_resource_group_name(group: &str) -> CloudError {
    arm(
        400,
        "InvalidResourceGroupName",
        format!("Resource group name '{group}' is invalid. It can include alphanumeric, underscore, parentheses, hyphen, period (except at end), and can be up to 90 characters."),
    )
}

/// Chosen, in the network provider's wording for a resource name outside its rules.
pub(crate) fn invalid_resource_name(name: &str) -> CloudError {
    arm(
        400,
        "InvalidResourceName",
        format!(
            "Resource name {name} is invalid. The name can be up to 80 characters long. It must begin with a word character, and it must end with a word character or with '_'. The name may contain word characters or '.', '-', '_'."
        ),
    )
}

/// Chosen: a circuit name the subscription already uses in another resource group or as a
/// classic circuit (the dedicated-circuit backend keys names per subscription).
pub(crate) fn circuit_name_taken(name: &str) -> CloudError {
    arm(409, "ConflictError", format!("The circuit with name '{name}' already exists in this subscription."))
}

/// Chosen: a SKU tier outside `Standard`, `Premium`, `Basic`, `Local`, or a family outside
/// `MeteredData`, `UnlimitedData` (the cmdlet's ValidateSet stops these first).
pub(crate) fn invalid_sku(tier: &str, family: &str) -> CloudError {
    arm(400, "InvalidRequestFormat", format!("The SKU with tier '{tier}' and family '{family}' is not valid for an ExpressRoute circuit."))
}

/// Chosen: "A Local circuit is always UnlimitedData" (circuit-arm 2024-09).
pub(crate) fn local_needs_unlimited() -> CloudError {
    arm(400, "InvalidRequestFormat", "A circuit with SKU tier Local must use the UnlimitedData family.".into())
}

/// Chosen: the circuit PUT needs its service provider properties.
pub(crate) fn provider_properties_missing() -> CloudError {
    arm(400, "InvalidRequestFormat", "The ExpressRoute circuit must specify either serviceProviderProperties or expressRoutePort.".into())
}

/// Chosen: delete with authorizations left (circuit-arm docs since 2025-01 require their removal).
pub(crate) fn circuit_has_authorizations() -> CloudError {
    arm(
        400,
        "CircuitHasAuthorizations",
        "The circuit cannot be deleted while it has authorizations. Delete the authorizations of the circuit and try again.".into(),
    )
}

/// Chosen: delete with a route filter attached (circuit-arm docs 2024-09: "route filters …
/// must be unlinked").
pub(crate) fn circuit_has_route_filter() -> CloudError {
    arm(
        400,
        "CircuitHasRouteFilter",
        "The circuit cannot be deleted while a route filter is attached to its Microsoft peering. Detach the route filter and try again.".into(),
    )
}

/// Chosen: a change of the provider or peering location of an existing circuit.
pub(crate) fn provider_change_not_allowed() -> CloudError {
    arm(400, "InvalidRequestFormat", "The service provider and peering location of an existing circuit cannot be changed.".into())
}

/// Chosen: a peering type outside the three (the cmdlets' ValidateSet stops these first).
pub(crate) fn invalid_peering_type(peering_type: &str) -> CloudError {
    arm(
        400,
        "InvalidRequestFormat",
        format!("The peering type '{peering_type}' is not valid. Valid peering types are AzurePrivatePeering, AzurePublicPeering and MicrosoftPeering."),
    )
}

/// Chosen: the service names a circuit's peerings by their type.
pub(crate) fn peering_name_mismatch(name: &str, peering_type: &str) -> CloudError {
    arm(400, "InvalidRequestFormat", format!("The peering name '{name}' is not valid. The name of a peering of type {peering_type} must be '{peering_type}'."))
}

/// Chosen: two peerings of one type in one circuit PUT.
pub(crate) fn peering_type_twice(peering_type: &str) -> CloudError {
    arm(400, "InvalidRequestFormat", format!("A circuit can have only one peering of type {peering_type}."))
}

/// Chosen: two authorizations of one name in one circuit PUT.
pub(crate) fn authorization_name_twice(name: &str) -> CloudError {
    arm(400, "InvalidRequestFormat", format!("The authorization name '{name}' appears more than once in the circuit."))
}

/// Chosen, in the dedicated-circuit backend's wording: a classic BGP peering, circuit update or
/// delete on a circuit Resource Manager manages (expressroute-move 2016-04 lists them as not
/// allowed when allowClassicOperations is true).
pub(crate) fn classic_operation_not_allowed() -> CloudError {
    CloudError {
        status: 400,
        code: "BadRequest".into(),
        message: "The specified dedicated circuit is managed in the Resource Manager deployment model. This operation is not allowed in the classic deployment model.".into(),
        kind: ErrorKind::Sync,
    }
}

/// Chosen: a move whose service key names no circuit of the subscription.
pub(crate) fn service_key_not_found(key: &str) -> CloudError {
    arm(404, "NotFound", format!("The dedicated circuit with service key '{key}' was not found in this subscription."))
}

/// Chosen: a move of a circuit Resource Manager already has under another group or name.
pub(crate) fn circuit_already_in_arm(key: &uuid::Uuid, group: &str, name: &str) -> CloudError {
    arm(
        409,
        "ConflictError",
        format!("The dedicated circuit with service key '{key}' has already been moved to the Resource Manager deployment model as '{name}' in resource group '{group}'."),
    )
}

/// Recorded message and status (DOCS troubleshooting 2024-11: the route table and stats of a
/// peering that does not exist print only the message and `StatusCode: 400`); the code is chosen.
pub(crate) fn bgp_peering_not_found(peering_type: &str, key: &uuid::Uuid) -> CloudError {
    arm(400, "BadRequest", format!("The BGP Peering {peering_type} with Service Key {key} is not found."))
}

/// Recorded (ARM's answer for a malformed id in a reference, facts §4.1 user capture).
pub(crate) fn linked_invalid_property_id(value: &str, path: &str) -> CloudError {
    arm(
        400,
        "LinkedInvalidPropertyId",
        format!("Property id '{value}' at path '{path}' is invalid. Expect fully qualified resource Id that start with '/subscriptions/{{subscriptionId}}' or '/providers/{{resourceProviderNamespace}}/'."),
    )
}

/// Chosen: a Global Reach peer that is no circuit's private peering.
pub(crate) fn peer_peering_not_found(id: &str) -> CloudError {
    arm(400, "InvalidRequestFormat", format!("The peer circuit peering '{id}' was not found. Global Reach connects the private peerings of two circuits."))
}

/// Chosen: a circuit connected to itself.
pub(crate) fn connection_to_itself(name: &str) -> CloudError {
    arm(400, "InvalidRequestFormat", format!("The circuit connection '{name}' cannot connect a circuit to itself."))
}

/// Chosen: Global Reach needs a /29 for its two links.
pub(crate) fn connection_prefix_invalid(prefix: &str, name: &str) -> CloudError {
    arm(400, "InvalidRequestFormat", format!("The address prefix '{prefix}' of circuit connection '{name}' is not valid. Specify a /29 IPv4 subnet."))
}

/// Chosen: a peer in another subscription without one of its authorization keys.
pub(crate) fn connection_not_authorized(name: &str) -> CloudError {
    arm(
        400,
        "AuthorizationKeyInvalid",
        format!("The circuit connection '{name}' needs a valid authorization key of the peer circuit, which is in another subscription."),
    )
}

/// Chosen: two connections of one name.
pub(crate) fn connection_name_twice(name: &str) -> CloudError {
    arm(400, "InvalidRequestFormat", format!("The circuit connection name '{name}' appears more than once in the peering."))
}

/// Chosen: connections on a peering other than private.
pub(crate) fn connections_only_on_private(peering_type: &str) -> CloudError {
    arm(400, "InvalidRequestFormat", format!("Circuit connections can be made only on AzurePrivatePeering, not on {peering_type}."))
}

/// Chosen: the private peering other circuits are connected to cannot go.
pub(crate) fn peering_has_peered_connections() -> CloudError {
    arm(400, "InvalidRequestFormat", "The private peering cannot be deleted while other circuits are connected to it through Global Reach.".into())
}

/// Chosen: delete with Global Reach left (circuit-arm docs since 2025-01 require its removal).
pub(crate) fn circuit_has_global_reach() -> CloudError {
    arm(
        400,
        "CircuitHasGlobalReach",
        "The circuit cannot be deleted while it has Global Reach connections. Delete the circuit connections and try again.".into(),
    )
}

/// Recorded (AzureRM-era capture, facts §4.1: a connection whose `-PeerId` is the
/// authorization's id rather than the circuit's).
pub(crate) fn circuit_id_invalid() -> CloudError {
    arm(400, "InvalidRequestFormat", "Cannot parse the request.".into())
}

/// Chosen: a key that is none of the circuit's authorizations.
pub(crate) fn authorization_key_invalid() -> CloudError {
    arm(400, "AuthorizationKeyInvalid", "The authorization key is not valid for the specified ExpressRoute circuit.".into())
}

/// Chosen: a key already redeemed ("An authorization is valid for only one connection").
pub(crate) fn authorization_key_in_use() -> CloudError {
    arm(400, "AuthorizationKeyInUse", "The authorization key has already been used for a connection to the specified ExpressRoute circuit.".into())
}

/// Chosen: prefix information for a prefix the peering does not advertise.
pub(crate) fn prefix_info_not_advertised(prefix: &str) -> CloudError {
    arm(
        400,
        "InvalidRequestFormat",
        format!("The prefix '{prefix}' in advertisedPublicPrefixInfo is not one of the advertised public prefixes of the peering."),
    )
}
