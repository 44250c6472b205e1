//! Why a cmdlet body stopped, and the one place a service error becomes an ErrorRecord.

use crate::cloud::{CloudError, ErrorKind};
use crate::engine::error::{ErrorCategory, Flow};
use crate::engine::value::{PsObject, Value};
use crate::engine::ErrorRecord;

/// Exception type of service failures (Hyak's, which the Service Management SDK throws).
pub const CLOUD_EXCEPTION: &str = "Hyak.Common.CloudException";
pub const ARGUMENT_EXCEPTION: &str = "System.ArgumentException";
pub const INVALID_OPERATION: &str = "System.InvalidOperationException";

/// Why a cmdlet body stopped.
pub enum Fail {
    /// The service answered an error.
    Cloud(CloudError),
    /// Resource Manager answered an error: the network SDK's `NetworkCloudException` with the
    /// request's operation id, or, without one, the Resources SDK's bare `CloudException`.
    Arm(CloudError, Option<uuid::Uuid>),
    /// Any other .NET exception: its full type name and message.
    Exception(String, String),
    /// Engine control flow (a downstream `-ErrorAction Stop`, Ctrl-C): not the cmdlet's to catch.
    Flow(Flow),
    /// The state file could not be read or saved: reported as the store described it.
    State(Box<ErrorRecord>),
}

impl From<ErrorRecord> for Fail {
    fn from(e: ErrorRecord) -> Fail {
        Fail::State(Box::new(e))
    }
}

impl From<CloudError> for Fail {
    fn from(e: CloudError) -> Fail {
        Fail::Cloud(e)
    }
}

impl From<Flow> for Fail {
    fn from(f: Flow) -> Fail {
        Fail::Flow(f)
    }
}

impl Fail {
    pub fn argument(message: impl Into<String>) -> Fail {
        Fail::Exception(ARGUMENT_EXCEPTION.into(), message.into())
    }
}

pub type Outcome = Result<(), Fail>;

/// A service error as the SDK raised it: Hyak's `CloudException`, whose message is the
/// one the service answered. A failed request (`CloudException.Create`) also carries the
/// parsed `Error` (code and message) and the `Response` with its HTTP status, which scripts
/// branch on; a failed long-running operation is a bare `new CloudException(message)`.
pub fn cloud_record(e: &CloudError, category: ErrorCategory, fqid: impl Into<String>) -> ErrorRecord {
    let mut record = ErrorRecord::new(e.to_string(), CLOUD_EXCEPTION, category, fqid);
    record.exception_properties = match e.kind {
        ErrorKind::Sync => {
            let mut error = PsObject::typed("Hyak.Common.CloudError");
            error.add_typed("Code", "string", Value::str(&e.code));
            error.add_typed("Message", "string", Value::str(&e.message));
            error.add_typed("OriginalMessage", "string", Value::str(original_body(e)));
            let mut response = PsObject::typed("Hyak.Common.CloudHttpResponseErrorInfo");
            response.add_typed("StatusCode", "System.Net.HttpStatusCode", http_status(e.status));
            response.add_typed("ReasonPhrase", "string", Value::str(reason_phrase(e.status)));
            vec![
                ("Error", "Hyak.Common.CloudError", Value::object(error)),
                ("Request", "Hyak.Common.CloudHttpRequestErrorInfo", Value::Null),
                ("Response", "Hyak.Common.CloudHttpResponseErrorInfo", Value::object(response)),
            ]
        }
        ErrorKind::Operation => vec![
            ("Error", "Hyak.Common.CloudError", Value::Null),
            ("Request", "Hyak.Common.CloudHttpRequestErrorInfo", Value::Null),
            ("Response", "Hyak.Common.CloudHttpResponseErrorInfo", Value::Null),
        ],
    };
    record
}

/// `Microsoft.Azure.Commands.Network.Common.NetworkCloudException`: the service's message, then
/// one line each for the status, reason phrase, error code and message, and the operation id
/// (facts §4.5, the current NetworkCloudException layout).
pub const NETWORK_CLOUD_EXCEPTION: &str = "Microsoft.Azure.Commands.Network.Common.NetworkCloudException";
/// The Resources SDK's exception, whose message is the service's alone.
pub const REST_CLOUD_EXCEPTION: &str = "Microsoft.Rest.Azure.CloudException";

/// A Resource Manager error as the cmdlet's SDK raised it.
pub fn arm_record(e: &CloudError, operation_id: Option<uuid::Uuid>, category: ErrorCategory, fqid: impl Into<String>) -> ErrorRecord {
    match operation_id {
        Some(id) => {
            let message = format!(
                "{m}\nStatusCode: {s}\nReasonPhrase: {r}\nErrorCode: {c}\nErrorMessage: {m}\nOperationID : {id}",
                m = e.message,
                s = e.status,
                r = reason_phrase(e.status),
                c = e.code
            );
            ErrorRecord::new(message, NETWORK_CLOUD_EXCEPTION, category, fqid)
        }
        None => ErrorRecord::new(e.message.clone(), REST_CLOUD_EXCEPTION, category, fqid),
    }
}

/// The Service Management error body the code and message were parsed from.
fn original_body(e: &CloudError) -> String {
    format!(
        "<Error xmlns=\"http://schemas.microsoft.com/windowsazure\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"><Code>{}</Code><Message>{}</Message></Error>",
        xml_escape(&e.code),
        xml_escape(&e.message)
    )
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// `System.Net.HttpStatusCode`: the member for the statuses the service answers, the bare
/// number for one the enumeration does not name (as .NET prints it).
fn http_status(status: u16) -> Value {
    match status_name(status) {
        Some(name) => Value::enum_value("System.Net.HttpStatusCode", name, i64::from(status)),
        None => Value::Int(i32::from(status)),
    }
}

fn status_name(status: u16) -> Option<&'static str> {
    Some(match status {
        200 => "OK",
        202 => "Accepted",
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        409 => "Conflict",
        412 => "PreconditionFailed",
        500 => "InternalServerError",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        _ => return None,
    })
}

/// The HTTP reason phrase .NET's HttpResponseMessage reports for a status.
fn reason_phrase(status: u16) -> &'static str {
    match status {
        200 => "OK",
        202 => "Accepted",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        412 => "Precondition Failed",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}
