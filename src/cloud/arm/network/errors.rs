//! The network provider's answers for virtual networks, public IPs, gateways and
//! connections. "Recorded" texts are verbatim from captures (sources in
//! `docs/fidelity-cloud.md`); "Chosen" ones were written in the provider's style where no
//! capture exists.

use crate::cloud::errors::{CloudError, ErrorKind};

fn arm(status: u16, code: &str, message: String) -> CloudError {
    CloudError { status, code: code.to_string(), message, kind: ErrorKind::Sync }
}

/// Recorded form (the circuit GET's 404), for every network resource type.
pub(crate) fn not_found(kind: &str, group: &str, name: &str) -> CloudError {
    crate::cloud::arm::errors::resource_not_found(&format!("Microsoft.Network/{kind}"), group, name)
}

/// Chosen, in ARM's wording for a malformed prefix.
pub(crate) fn invalid_prefix(prefix: &str) -> CloudError {
    arm(400, "InvalidAddressPrefixFormat", format!("Address prefix {prefix} does not have a valid format."))
}

/// Chosen: a VNet PUT with no address space.
pub(crate) fn address_space_missing(vnet: &str) -> CloudError {
    arm(400, "InvalidRequestFormat", format!("Virtual network {vnet} must have at least one address prefix in its address space."))
}

/// Chosen (the provider's NetcfgInvalidSubnet wording).
pub(crate) fn subnet_outside(subnet: &str, prefix: &str, vnet: &str) -> CloudError {
    arm(
        400,
        "NetcfgInvalidSubnet",
        format!(
            "Subnet '{subnet}' is not valid in virtual network '{vnet}'. The address prefix {prefix} is not within the address space of the virtual network."
        ),
    )
}

/// Chosen (the provider's NetcfgSubnetRangesOverlap wording).
pub(crate) fn subnets_overlap(a: &str, b: &str) -> CloudError {
    arm(
        400,
        "NetcfgSubnetRangesOverlap",
        format!("Subnet '{a}' is not valid because its IP address range overlaps with that of an existing subnet '{b}' in the virtual network."),
    )
}

/// Chosen: two subnets of one name in the PUT.
pub(crate) fn duplicate_subnet(name: &str) -> CloudError {
    arm(400, "DuplicateResourceName", format!("Resource has two child resources with the same name ({name})."))
}

/// Chosen, in the provider's InUseSubnetCannotBeDeleted wording: a subnet a gateway uses
/// cannot leave its VNet, and the VNet cannot be deleted.
pub(crate) fn subnet_in_use(subnet: &str, user: &str) -> CloudError {
    arm(
        400,
        "InUseSubnetCannotBeDeleted",
        format!("Subnet {subnet} is in use by {user} and cannot be deleted. In order to delete the subnet, delete all the resources within the subnet."),
    )
}

/// Chosen: a gateway's prefix change of its GatewaySubnet.
pub(crate) fn gateway_subnet_in_use(user: &str) -> CloudError {
    arm(400, "InUseSubnetCannotBeUpdated", format!("Subnet GatewaySubnet is in use by {user} and its address prefix cannot be updated."))
}

/// Chosen, in the provider's PublicIPAddressInUse wording.
pub(crate) fn public_ip_in_use(ip: &str, user: &str) -> CloudError {
    arm(400, "PublicIPAddressInUse", format!("Public IP address {ip} can not be deleted since it is still allocated to resource {user}."))
}

/// Recorded (a 2019 capture of a VPN gateway on a Static Basic address).
pub(crate) fn public_ip_must_be_dynamic(ip: &str, gateway: &str) -> CloudError {
    arm(400, "InvalidRequestFormat", format!("Public IP {ip} reference by Virtual Network Gateway {gateway} must have PublicIPAllocationMethod as Dynamic."))
}

/// Chosen: a public IP another gateway already uses.
pub(crate) fn public_ip_taken(ip: &str, user: &str) -> CloudError {
    arm(400, "PublicIpAddressAlreadyInUse", format!("Public IP address {ip} is already in use by {user}."))
}

/// Recorded form of ARM's invalid reference (LinkedInvalidPropertyId capture).
pub(crate) fn invalid_reference(value: &str, path: &str) -> CloudError {
    arm(
        400,
        "LinkedInvalidPropertyId",
        format!("Property id '{value}' at path '{path}' is invalid. Expect fully qualified resource Id that start with '/subscriptions/{{subscriptionId}}' or '/providers/{{resourceProviderNamespace}}/'."),
    )
}

/// Chosen: a reference to a resource that does not exist.
pub(crate) fn reference_not_found(id: &str) -> CloudError {
    arm(400, "InvalidResourceReference", format!("Resource {id} referenced by resource was not found. Please make sure that the referenced resource exists, and that both resources are in the same region."))
}

/// Chosen: the gateway's subnet is not the VNet's GatewaySubnet ("must be named
/// GatewaySubnet", add-gateway 2020).
pub(crate) fn not_gateway_subnet(subnet_id: &str) -> CloudError {
    arm(400, "InvalidGatewaySubnet", format!("Subnet {subnet_id} referenced by the virtual network gateway must be named GatewaySubnet."))
}

/// Chosen: a GatewaySubnet smaller than /27 ("/27 or larger", add-gateway 2020).
pub(crate) fn gateway_subnet_too_small(subnet_id: &str, len: u8) -> CloudError {
    arm(
        400,
        "GatewaySubnetTooSmall",
        format!("The prefix length /{len} of subnet {subnet_id} is too small for an ExpressRoute gateway. The GatewaySubnet must be /27 or larger."),
    )
}

/// Chosen: a second gateway of one type in a VNet (one ExpressRoute and one VPN gateway may
/// coexist, coexist 2019).
pub(crate) fn gateway_exists_in_vnet(kind: &str, vnet: &str, other: &str) -> CloudError {
    arm(400, "VnetGatewayAlreadyExists", format!("Virtual network {vnet} already has a gateway of type {kind}: {other}."))
}

/// Chosen: "Basic SKU gateway is not supported" and "Only route-based VPN gateway is supported"
/// for ExpressRoute and VPN gateways side by side (coexist 2019).
pub(crate) fn coexistence_unsupported(vnet: &str) -> CloudError {
    arm(
        400,
        "GatewayCoexistenceNotSupported",
        format!("ExpressRoute and VPN gateways can coexist in virtual network {vnet} only when neither has the Basic SKU and the VPN gateway is RouteBased."),
    )
}

/// Chosen: a SKU of the other gateway type.
pub(crate) fn sku_not_for_type(sku: &str, kind: &str) -> CloudError {
    arm(400, "InvalidGatewaySku", format!("The gateway SKU {sku} is not valid for a gateway of type {kind}."))
}

/// Chosen: "except to/from UltraPerformance (delete and recreate)" (add-gateway 2020).
pub(crate) fn resize_ultra(from: &str, to: &str) -> CloudError {
    arm(
        400,
        "GatewaySkuResizeNotAllowed",
        format!("Resizing a gateway from {from} to {to} is not supported. Delete the gateway and create it again with the new SKU."),
    )
}

/// Chosen: the gateway's type cannot change.
pub(crate) fn gateway_type_fixed() -> CloudError {
    arm(400, "InvalidRequestFormat", "The type of an existing virtual network gateway cannot be changed.".into())
}

/// Chosen: an operation on a gateway still being built.
pub(crate) fn gateway_busy(gateway: &str) -> CloudError {
    arm(
        429,
        "AnotherOperationInProgress",
        format!("Another operation on this or dependent resource is in progress. To retrieve status of the operation use uri: {gateway}. Please wait for it to finish."),
    )
}

/// Chosen, in the provider's wording for a delete that dependents block.
pub(crate) fn gateway_has_connections(gateway: &str, connection: &str) -> CloudError {
    arm(
        400,
        "InUseVirtualNetworkGatewayCannotBeDeleted",
        format!("Virtual network gateway {gateway} cannot be deleted because it is in use by connection {connection}. Delete the connection first."),
    )
}

/// Chosen: VNet-to-VNet and point-to-site connections are not offered in this lab.
pub(crate) fn connection_type_unsupported(kind: &str) -> CloudError {
    arm(400, "InvalidRequestFormat", format!("A connection of type {kind} needs a second virtual network gateway, which this service does not offer."))
}

/// Chosen: an IPsec connection is made from a VPN gateway.
pub(crate) fn gateway_not_vpn(gateway: &str) -> CloudError {
    arm(
        400,
        "InvalidGatewayType",
        format!("Virtual network gateway {gateway} is not of type Vpn, so it cannot make an IPsec connection to a local network gateway."),
    )
}

/// Chosen, in the provider's InUse… wording: a local network gateway a connection names.
pub(crate) fn local_gateway_in_use(local: &str, connection: &str) -> CloudError {
    arm(400, "InUseLocalNetworkGatewayCannotBeDeleted", format!("Local network gateway {local} is in use by {connection} and cannot be deleted."))
}

/// Chosen: ExpressRoute connections need an ExpressRoute gateway.
pub(crate) fn gateway_not_express_route(gateway: &str) -> CloudError {
    arm(
        400,
        "InvalidGatewayType",
        format!("Virtual network gateway {gateway} is not of type ExpressRoute, so it cannot be connected to an ExpressRoute circuit."),
    )
}

/// Recorded (Azure China support article): the PeerId is not a circuit's id.
pub(crate) fn cannot_parse_request() -> CloudError {
    arm(400, "BadRequest", "Cannot parse the request.".into())
}

/// Chosen, in ARM's linked-authorization wording: another subscription's circuit without a key.
pub(crate) fn linked_authorization_failed(connection: &str, circuit: &str) -> CloudError {
    arm(
        403,
        "LinkedAuthorizationFailed",
        format!("The client has permission to perform action 'Microsoft.Network/connections/write' on scope '{connection}', however it does not have permission to perform action 'Microsoft.Network/expressRouteCircuits/join/action' on the linked scope(s) '{circuit}'."),
    )
}

/// Chosen: a key that is none of the circuit's authorizations.
pub(crate) fn authorization_key_invalid(circuit: &str) -> CloudError {
    arm(400, "InvalidAuthorizationKey", format!("The authorization key provided is not valid for the ExpressRoute circuit {circuit}."))
}

/// Chosen: "An authorization is valid for only one connection" (linkvnet-arm 2020).
pub(crate) fn authorization_key_used(circuit: &str) -> CloudError {
    arm(
        400,
        "AuthorizationAlreadyInUse",
        format!("The authorization key provided is already in use for the ExpressRoute circuit {circuit}. An authorization is valid for only one connection."),
    )
}

/// Chosen: the circuit is not provisioned by its provider, or has no private peering.
pub(crate) fn circuit_not_ready(circuit: &str) -> CloudError {
    arm(
        400,
        "ExpressRouteCircuitNotReady",
        format!("The ExpressRoute circuit {circuit} must be provisioned by its service provider and have Azure private peering configured before a virtual network can be connected."),
    )
}

/// Chosen: a second connection of one gateway to one circuit.
pub(crate) fn already_connected(gateway: &str, circuit: &str) -> CloudError {
    arm(400, "GatewayAlreadyConnectedToCircuit", format!("Virtual network gateway {gateway} is already connected to the ExpressRoute circuit {circuit}."))
}

/// Chosen: the circuit's link limit, counted over classic links and ARM connections.
pub(crate) fn circuit_link_limit(circuit: &str, limit: usize) -> CloudError {
    arm(
        400,
        "ExpressRouteCircuitLinkLimitReached",
        format!("The ExpressRoute circuit {circuit} already has the maximum number of virtual network links ({limit})."),
    )
}

/// Chosen: `RoutingWeight` outside 0…32000 (linkvnet-arm 2020).
pub(crate) fn routing_weight_invalid(weight: i64) -> CloudError {
    arm(400, "InvalidRoutingWeight", format!("Routing weight {weight} is not valid. The routing weight must be between 0 and 32000."))
}

/// Chosen: FastPath "if your virtual network gateway is Ultra Performance or ErGw3AZ" (linkvnet 2020).
pub(crate) fn fast_path_needs_sku(gateway: &str, sku: &str) -> CloudError {
    arm(
        400,
        "ExpressRouteGatewayBypassNotSupported",
        format!("ExpressRoute FastPath (ExpressRouteGatewayBypass) needs an UltraPerformance or ErGw3AZ gateway; virtual network gateway {gateway} is {sku}."),
    )
}

/// Chosen: "A route filter can have only one rule" (routefilter 2019-02).
pub(crate) fn route_filter_one_rule() -> CloudError {
    arm(400, "RouteFilterRuleLimitExceeded", "A route filter can have only one rule.".into())
}

/// Chosen: "the rule must be of type 'Allow'" (routefilter 2019-02).
pub(crate) fn route_filter_rule_must_allow(rule: &str) -> CloudError {
    arm(400, "RouteFilterRuleAccessNotSupported", format!("Route filter rule {rule} must have access Allow."))
}

/// Chosen: a community that is not one of the bgpServiceCommunities (`arm/bgp_communities.rs`).
pub(crate) fn community_invalid(community: &str) -> CloudError {
    arm(
        400,
        "InvalidBgpCommunity",
        format!("The BGP community value {community} is not valid. A route filter takes the service communities of ASN 12076, such as 12076:5010."),
    )
}

/// Chosen: a route filter on a peering other than Microsoft peering ("Route filters ... for
/// Microsoft peering", routefilter 2019-02).
pub(crate) fn route_filter_only_microsoft(peering_type: &str) -> CloudError {
    arm(400, "RouteFilterNotSupportedOnPeering", format!("A route filter can be attached only to MicrosoftPeering, not to {peering_type}."))
}

/// Chosen, in the provider's InUse…CannotBeDeleted form: a filter a peering still uses
/// (routefilter 2019-02: detach it before deleting it).
pub(crate) fn route_filter_in_use(filter_id: &str, peering_id: &str) -> CloudError {
    arm(400, "InUseRouteFilterCannotBeDeleted", format!("Route filter {filter_id} is in use by {peering_id} and cannot be deleted."))
}

/// Chosen: what a connection PUT may not change.
pub(crate) fn connection_fixed(what: &str) -> CloudError {
    arm(400, "InvalidRequestFormat", format!("The {what} of an existing connection cannot be changed."))
}
