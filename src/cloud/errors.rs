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

/// An error answered by the simulated service.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    CloudError {
        status,
        code: code.to_string(),
        message,
        kind: ErrorKind::Sync,
    }
}

fn operation(status: u16, code: &str, message: String) -> CloudError {
    CloudError {
        status,
        code: code.to_string(),
        message,
        kind: ErrorKind::Operation,
    }
}

const NOT_FOUND: &str = "ResourceNotFound";
const BAD_REQUEST: &str = "BadRequest";
const CONFLICT: &str = "ConflictError";
const FORBIDDEN: &str = "ForbiddenError";

// ---- subscriptions -------------------------------------------------------------------------

/// Chosen: the classic management API's answer for a subscription it does not know.
pub(crate) fn unknown_subscription() -> CloudError {
    sync(
        403,
        FORBIDDEN,
        "The server failed to authenticate the request. Verify that the certificate is valid and is associated with this subscription.".into(),
    )
}

/// Chosen: provider-only operation called from a customer subscription.
pub(crate) fn not_a_provider_subscription(sub: &Uuid) -> CloudError {
    sync(
        403,
        FORBIDDEN,
        format!(
            "The subscription '{sub}' is not registered as a dedicated circuit service provider."
        ),
    )
}

// ---- circuits ------------------------------------------------------------------------------

/// Recorded (GET unknown circuit).
pub(crate) fn circuit_not_found(key: &Uuid) -> CloudError {
    sync(
        404,
        NOT_FOUND,
        format!("The specified dedicated circuit with service key '{key}' was not found."),
    )
}

/// Recorded (DELETE unknown circuit).
pub(crate) fn service_key_not_valid(key: &Uuid) -> CloudError {
    sync(
        400,
        BAD_REQUEST,
        format!("The specified service key '{key}' is not valid or could not be found."),
    )
}

/// Recorded.
pub(crate) fn provider_not_found() -> CloudError {
    sync(404, NOT_FOUND, "The provider could not be found.".into())
}

/// Recorded (no final period; provider as typed).
pub(crate) fn location_not_found(location: &str, provider: &str) -> CloudError {
    sync(
        404,
        NOT_FOUND,
        format!("The specified location {location} does not exist for the provider {provider}"),
    )
}

/// Recorded (no final period; provider as typed).
pub(crate) fn bandwidth_not_found(bandwidth: u32, provider: &str) -> CloudError {
    sync(
        404,
        NOT_FOUND,
        format!("The specified bandwidth {bandwidth} does not exist for the provider {provider}"),
    )
}

/// Recorded.
pub(crate) fn circuit_name_exists(name: &str) -> CloudError {
    sync(
        409,
        CONFLICT,
        format!("The circuit with name '{name}' already exists."),
    )
}

/// Chosen: REST reference says "Spaces are not allowed in the name."
pub(crate) fn circuit_name_invalid(name: &str) -> CloudError {
    sync(
        400,
        BAD_REQUEST,
        format!(
            "The specified circuit name '{name}' is not valid. Spaces are not allowed in the name."
        ),
    )
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
    sync(
        400,
        BAD_REQUEST,
        "Changing the billing type from UnlimitedData to MeteredData is not supported.".into(),
    )
}

/// Recorded (documentation sample of a failed update operation).
pub(crate) fn insufficient_bandwidth() -> CloudError {
    operation(
        400,
        "InvalidOperation",
        "Insufficient bandwidth available to perform this circuit update operation".into(),
    )
}

/// Chosen family of texts for state gating: `The specified dedicated circuit is not in X state.`
pub(crate) fn circuit_not_in_state(state: &str) -> CloudError {
    sync(
        400,
        BAD_REQUEST,
        format!("The specified dedicated circuit is not in {state} state."),
    )
}
