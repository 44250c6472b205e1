//! Who signs in, whichever module signs them in (Add-AzureAccount, Connect-AzAccount): the
//! user a `-Credential` names and the directory tenant of an account.

use uuid::Uuid;

use crate::engine::command::Args;
use crate::engine::value::Value;

/// The directory tenant of an account: one per sign-in domain, stable across runs. The
/// cloud has no tenants, so the id is derived from the domain (FNV-1a, RFC 4122 v4 bits).
pub fn tenant_of(account: &str) -> Uuid {
    let domain = account.rsplit('@').next().unwrap_or(account).to_ascii_lowercase();
    let fnv = |seed: u64| domain.bytes().fold(seed, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&fnv(0xcbf2_9ce4_8422_2325).to_be_bytes());
    bytes[8..].copy_from_slice(&fnv(0x6c62_272e_07bb_0142).to_be_bytes());
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    Uuid::from_bytes(bytes)
}

/// The user name of `-Credential`: a PSCredential's `UserName`, or the text given.
pub fn credential_user(args: &Args) -> Option<String> {
    match args.get("Credential")? {
        Value::Object(o) => o.borrow().get("UserName").map(Value::to_display_string),
        Value::Null => None,
        other => Some(other.to_display_string()),
    }
}
