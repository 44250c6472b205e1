//! Typed service errors carrying the service's exact code and message.
//!
//! Every message text lives in this file so that fidelity reviews have one place to look.
//! Texts marked "recorded" are verbatim from SDK session records or documentation; the
//! others were chosen (see `docs/fidelity-cloud.md` for the reasoning and sources).

use std::fmt;

use uuid::Uuid;

/// How the real client surfaced the failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ErrorKind {
    /// The HTTP request itself failed (Hyak `CloudException.Create`: `"Code: Message"`).
    Sync,
    /// The request was accepted (202) but the long-running operation ended `Failed`
    /// (`new CloudException(Code + " : " + Message)`).
    Operation,
}

/// An error answered by the simulated service (serializable so injected faults can be stored).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CloudError {
    /// HTTP status code (for failed operations: the status the operation reported).
    pub status: u16,
    /// Service error code, e.g. `ResourceNotFound`.
    pub code: String,
    /// Service error message, verbatim.
    pub message: String,
    /// Whether the request or its long-running operation failed.
    pub kind: ErrorKind,
}

impl fmt::Display for CloudError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ErrorKind::Sync => write!(f, "{}: {}", self.code, self.message),
            ErrorKind::Operation => write!(f, "{} : {}", self.code, self.message),
        }
    }
}

impl std::error::Error for CloudError {}

/// Result alias for service operations.
pub type CloudResult<T> = Result<T, CloudError>;

fn sync(status: u16, code: &str, message: String) -> CloudError {
    CloudError { status, code: code.to_string(), message, kind: ErrorKind::Sync }
}

fn operation(status: u16, code: &str, message: String) -> CloudError {
    CloudError { status, code: code.to_string(), message, kind: ErrorKind::Operation }
}

const NOT_FOUND: &str = "ResourceNotFound";
const BAD_REQUEST: &str = "BadRequest";
const CONFLICT: &str = "ConflictError";
const FORBIDDEN: &str = "ForbiddenError";

// ---- subscriptions -------------------------------------------------------------------------

/// Chosen: the classic management API's answer for a subscription it does not know.
pub(crate) fn unknown_subscription() -> CloudError {
    sync(403, FORBIDDEN, "The server failed to authenticate the request. Verify that the certificate is valid and is associated with this subscription.".into())
}

/// Chosen: provider-only operation called from a customer subscription.
pub(crate) fn not_a_provider_subscription(sub: &Uuid) -> CloudError {
    sync(403, FORBIDDEN, format!("The subscription '{sub}' is not registered as a dedicated circuit service provider."))
}

/// Chosen: the classic management API's generic server failure, for injected faults.
pub(crate) fn internal_error() -> CloudError {
    sync(500, "InternalError", "The server encountered an internal error. Please retry the request.".into())
}

/// Chosen: the classic management API's answer while the service is overloaded, for injected
/// faults.
pub(crate) fn service_unavailable() -> CloudError {
    sync(503, "ServiceUnavailable", "The server is currently unable to receive requests. Please retry your request.".into())
}

// ---- circuits ------------------------------------------------------------------------------

/// Recorded (GET unknown circuit).
pub(crate) fn circuit_not_found(key: &Uuid) -> CloudError {
    sync(404, NOT_FOUND, format!("The specified dedicated circuit with service key '{key}' was not found."))
}

/// Recorded (DELETE unknown circuit).
pub(crate) fn service_key_not_valid(key: &Uuid) -> CloudError {
    sync(400, BAD_REQUEST, format!("The specified service key '{key}' is not valid or could not be found."))
}

/// Recorded.
pub(crate) fn provider_not_found() -> CloudError {
    sync(404, NOT_FOUND, "The provider could not be found.".into())
}

/// Recorded (no final period; provider as typed).
pub(crate) fn location_not_found(location: &str, provider: &str) -> CloudError {
    sync(404, NOT_FOUND, format!("The specified location {location} does not exist for the provider {provider}"))
}

/// Recorded (no final period; provider as typed).
pub(crate) fn bandwidth_not_found(bandwidth: u32, provider: &str) -> CloudError {
    sync(404, NOT_FOUND, format!("The specified bandwidth {bandwidth} does not exist for the provider {provider}"))
}

/// Recorded.
pub(crate) fn circuit_name_exists(name: &str) -> CloudError {
    sync(409, CONFLICT, format!("The circuit with name '{name}' already exists."))
}

/// Chosen: REST reference says "Spaces are not allowed in the name."
pub(crate) fn circuit_name_invalid(name: &str) -> CloudError {
    sync(400, BAD_REQUEST, format!("The specified circuit name '{name}' is not valid. Spaces are not allowed in the name."))
}

/// ARM-era text of the same backend for deleting a circuit the provider has not deprovisioned.
pub(crate) fn circuit_not_deprovisioned() -> CloudError {
    sync(
        409,
        CONFLICT,
        "The specified dedicated circuit is not in Deprovisioned state. Please initiate the deprovisioning process with your service provider.".into(),
    )
}

/// Chosen.
pub(crate) fn bandwidth_downgrade(requested: u32, current: u32) -> CloudError {
    sync(
        400,
        BAD_REQUEST,
        format!("The specified bandwidth {requested} is less than the current bandwidth {current}. Downgrading the bandwidth of a circuit is not supported."),
    )
}

/// Chosen.
pub(crate) fn billing_type_downgrade() -> CloudError {
    sync(400, BAD_REQUEST, "Changing the billing type from UnlimitedData to MeteredData is not supported.".into())
}

/// Recorded (documentation sample of a failed update operation).
pub(crate) fn insufficient_bandwidth() -> CloudError {
    operation(400, "InvalidOperation", "Insufficient bandwidth available to perform this circuit update operation".into())
}

/// Chosen family of texts for state gating: `The specified dedicated circuit is not in X state.`
pub(crate) fn circuit_not_in_state(state: &str) -> CloudError {
    sync(400, BAD_REQUEST, format!("The specified dedicated circuit is not in {state} state."))
}

/// Chosen: the circuit's Microsoft-side status is not Enabled.
pub(crate) fn circuit_not_enabled() -> CloudError {
    sync(400, BAD_REQUEST, "The specified dedicated circuit is not in Enabled status.".into())
}

/// Chosen, modelled on the recorded "bgp peering is in use" text.
pub(crate) fn circuit_in_use() -> CloudError {
    sync(400, BAD_REQUEST, "The specified dedicated circuit is in use. Please delete the links associated with the specified service key and try again.".into())
}

/// Chosen: the premium add-on cannot be removed while more links exist than Standard allows.
pub(crate) fn too_many_links_for_standard(links: usize, limit: usize) -> CloudError {
    operation(
        400,
        "InvalidOperation",
        format!(
            "The dedicated circuit has {links} links but a Standard circuit allows at most {limit}. Please delete links before disabling the premium add-on."
        ),
    )
}

// ---- BGP peerings --------------------------------------------------------------------------

/// Recorded (the value as sent; also used for public-address and primary = secondary faults).
pub(crate) fn bgp_peer_ip_invalid(subnet: &str) -> CloudError {
    sync(400, BAD_REQUEST, format!("The specified BGP peer IP address '{subnet}' is not valid."))
}

/// Recorded.
pub(crate) fn peering_exists() -> CloudError {
    sync(409, CONFLICT, "BGP peering could not be created as it already exists.".into())
}

/// Recorded.
pub(crate) fn vlan_in_use() -> CloudError {
    sync(409, CONFLICT, "The vlanId specified is already in use.".into())
}

/// Chosen, modelled on the recorded vlanId text.
pub(crate) fn vlan_invalid() -> CloudError {
    sync(400, BAD_REQUEST, "The vlanId specified is not valid.".into())
}

/// Chosen.
pub(crate) fn peer_asn_invalid(asn: u32) -> CloudError {
    sync(400, BAD_REQUEST, format!("The specified peer ASN {asn} is not valid."))
}

/// Chosen.
pub(crate) fn advertised_prefixes_required() -> CloudError {
    sync(400, BAD_REQUEST, "Advertised public prefixes must be specified for Microsoft peering.".into())
}

/// Chosen.
pub(crate) fn advertised_prefix_invalid(prefix: &str) -> CloudError {
    sync(400, BAD_REQUEST, format!("The specified advertised public prefix '{prefix}' is not valid."))
}

/// Chosen, worded like the missing-prefixes text.
pub(crate) fn routing_registry_required() -> CloudError {
    sync(400, BAD_REQUEST, "A routing registry name must be specified for Microsoft peering.".into())
}

/// Chosen.
pub(crate) fn routing_registry_invalid(name: &str) -> CloudError {
    sync(400, BAD_REQUEST, format!("The specified routing registry name '{name}' is not valid."))
}

/// Chosen.
pub(crate) fn peering_not_found() -> CloudError {
    sync(404, NOT_FOUND, "The specified bgp peering does not exist.".into())
}

/// Recorded (ADO support wiki).
pub(crate) fn peering_in_use() -> CloudError {
    sync(400, BAD_REQUEST, "The specified bgp peering is in use. Please delete the links associated with the specified service key and try again.".into())
}

/// Simulation control: support approval asked for a peering that does not need it.
pub(crate) fn no_manual_validation_pending() -> CloudError {
    sync(400, BAD_REQUEST, "The advertised public prefixes of the specified bgp peering are not awaiting manual validation.".into())
}

/// Recorded (troubleshooting doc and SDK session; note the space before the period).
pub(crate) fn no_subinterface(access_type: &str, key: &Uuid) -> CloudError {
    sync(404, NOT_FOUND, format!("Can not find any subinterface for peering type '{access_type}' for circuit '{key}' ."))
}

// ---- virtual networks and gateways ---------------------------------------------------------

/// Chosen, modelled on the recorded service-key text.
pub(crate) fn vnet_not_found(name: &str) -> CloudError {
    sync(404, NOT_FOUND, format!("The specified virtual network name '{name}' is not valid or could not be found."))
}

/// Chosen.
pub(crate) fn vnet_name_duplicated(name: &str) -> CloudError {
    operation(400, BAD_REQUEST, format!("The virtual network name '{name}' is used more than once in the configuration."))
}

/// Chosen, modelled on the recorded gateway text.
pub(crate) fn vnet_has_gateway(name: &str) -> CloudError {
    operation(400, BAD_REQUEST, format!("A gateway associated with the virtual network '{name}' prevents this operation. Please delete the gateway and retry."))
}

/// Chosen.
pub(crate) fn gateway_subnet_missing(name: &str) -> CloudError {
    operation(400, BAD_REQUEST, format!("The virtual network '{name}' does not have a subnet named GatewaySubnet."))
}

/// Chosen.
pub(crate) fn gateway_exists(name: &str) -> CloudError {
    operation(409, CONFLICT, format!("A gateway already exists for the virtual network '{name}'."))
}

/// Chosen.
pub(crate) fn gateway_not_found(name: &str) -> CloudError {
    sync(404, NOT_FOUND, format!("No gateway exists for the virtual network '{name}'."))
}

/// Recorded (ADO support wiki).
pub(crate) fn gateway_has_link() -> CloudError {
    operation(400, BAD_REQUEST, "A dedicated circuit link associated with the gateway prevents this operation. Please delete the link and retry.".into())
}

// ---- links ---------------------------------------------------------------------------------

/// Chosen.
pub(crate) fn private_peering_missing() -> CloudError {
    sync(400, BAD_REQUEST, "Private BGP peering is not configured for the specified dedicated circuit.".into())
}

/// Chosen.
pub(crate) fn gateway_not_ready(name: &str) -> CloudError {
    sync(400, BAD_REQUEST, format!("The virtual network '{name}' does not have a provisioned dynamic routing gateway."))
}

/// Chosen.
pub(crate) fn link_exists(name: &str) -> CloudError {
    sync(409, CONFLICT, format!("A link between the specified dedicated circuit and the virtual network '{name}' already exists."))
}

/// Chosen.
pub(crate) fn link_not_found(name: &str) -> CloudError {
    sync(404, NOT_FOUND, format!("The dedicated circuit link for the virtual network '{name}' was not found."))
}

/// Chosen.
pub(crate) fn circuit_link_limit(limit: usize) -> CloudError {
    sync(400, BAD_REQUEST, format!("The maximum number of links ({limit}) for the specified dedicated circuit has been reached."))
}

/// Chosen.
pub(crate) fn vnet_circuit_limit(name: &str, limit: usize) -> CloudError {
    sync(400, BAD_REQUEST, format!("The virtual network '{name}' is already linked to the maximum number of dedicated circuits ({limit})."))
}

/// Chosen.
pub(crate) fn authorization_exhausted() -> CloudError {
    sync(400, BAD_REQUEST, "The number of links allowed by the authorization for the specified service key has been reached.".into())
}

// ---- authorizations ------------------------------------------------------------------------

/// Chosen.
pub(crate) fn authorization_not_found(id: &Uuid) -> CloudError {
    sync(404, NOT_FOUND, format!("The specified link authorization '{id}' was not found."))
}

/// Chosen.
pub(crate) fn authorization_limit_invalid(limit: i64) -> CloudError {
    sync(400, BAD_REQUEST, format!("The specified limit {limit} is not valid."))
}

/// Chosen.
pub(crate) fn authorization_limit_below_used(limit: i64, used: usize) -> CloudError {
    sync(400, BAD_REQUEST, format!("The specified limit {limit} is less than the number of links already created ({used})."))
}

/// Chosen (the docs: a circuit can be shared with up to 10 subscriptions).
pub(crate) fn too_many_authorizations(limit: usize) -> CloudError {
    sync(400, BAD_REQUEST, format!("The maximum number of authorizations ({limit}) for the specified dedicated circuit has been reached."))
}

/// Chosen: a shared key asked of a local network site the VNet's gateway does not connect to.
pub(crate) fn local_site_not_connected(site: &str, vnet: &str) -> CloudError {
    sync(404, NOT_FOUND, format!("The local network site '{site}' is not connected to the virtual network '{vnet}'."))
}

/// Chosen: an IPsec parameter value the classic gateway does not support.
pub(crate) fn ipsec_value_invalid(name: &str, value: &str) -> CloudError {
    sync(400, BAD_REQUEST, format!("The value '{value}' of {name} is not valid."))
}
