//! The state file's JSON: `{"schema": N, "ersim": "<version>", "world": {...}}`.
//!
//! The schema number changes only when a serde default cannot bridge the gap (a renamed or
//! restructured field); adding a field with `#[serde(default)]` does not need a new schema.
//! Each schema change adds one step to [`MIGRATIONS`], which upgrades a document by one
//! version as plain JSON, so old files keep loading without old Rust types.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::cloud::World;

/// The schema this build writes and the newest it reads.
pub const SCHEMA: u32 = 1;

/// `MIGRATIONS[n]` turns a schema-`n` document into a schema-`n + 1` one.
type Migration = fn(Value) -> Result<Value, String>;
const MIGRATIONS: &[Migration] = &[wrap_bare_world];

/// Why a document is not a usable state (the caller adds which file and what to do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DecodeError {
    /// Not JSON, wrong shape, or a world that breaks its rules.
    Invalid(String),
    /// Written by a newer ersim.
    Newer(u64),
}

#[derive(Serialize)]
struct StateOut<'a> {
    schema: u32,
    ersim: &'static str,
    world: &'a World,
}

#[derive(Deserialize)]
struct StateIn {
    world: World,
}

/// A current-schema document, read in one pass.
#[derive(Deserialize)]
struct CurrentIn {
    schema: Option<u64>,
    world: Option<World>,
}

/// Only the schema field, so the version is known before the world is parsed.
#[derive(Deserialize)]
struct Header {
    schema: Option<Value>,
    now: Option<Value>,
    subscriptions: Option<Value>,
}

/// The document for `world`, pretty-printed (people read and diff state files).
pub(crate) fn encode(world: &World) -> Result<Vec<u8>, serde_json::Error> {
    let mut bytes = serde_json::to_vec_pretty(&StateOut { schema: SCHEMA, ersim: env!("CARGO_PKG_VERSION"), world })?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Parses, migrates and checks a document.
pub(crate) fn decode(bytes: &[u8]) -> Result<World, DecodeError> {
    let invalid = DecodeError::Invalid;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(invalid("the file is empty".into()));
    }
    // A struct also deserializes from a JSON array; only an object is a state file.
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(invalid("it is not a JSON object".into()));
    }
    // The common case in one pass over the bytes (a schema pre-pass cost an eighth of every
    // cmdlet on a large world). Anything else (another schema, a bad field) takes the path
    // below, which finds out what it is and reports it.
    if let Ok(CurrentIn { schema: Some(version), world: Some(world) }) = serde_json::from_slice::<CurrentIn>(bytes) {
        if version == u64::from(SCHEMA) {
            return checked(world);
        }
    }
    let header: Header = serde_json::from_slice(bytes).map_err(|e| invalid(format!("it is not valid JSON ({e})")))?;
    let version = match (&header.schema, &header.now, &header.subscriptions) {
        (Some(v), _, _) => v.as_u64().ok_or_else(|| invalid(format!("its \"schema\" field is {v}, not a whole number")))?,
        // A world saved on its own, before the store wrapped it: schema 0.
        (None, Some(_), Some(_)) => 0,
        (None, _, _) => return Err(invalid("it has no \"schema\" field, so it is not an ersim state file".into())),
    };
    if version > u64::from(SCHEMA) {
        return Err(DecodeError::Newer(version));
    }
    let world = if version == u64::from(SCHEMA) {
        // Straight from the bytes, so a bad field is reported with its line and column.
        serde_json::from_slice::<StateIn>(bytes).map_err(|e| invalid(format!("its world does not read as schema {SCHEMA} ({e})")))?.world
    } else {
        let doc: Value = serde_json::from_slice(bytes).map_err(|e| invalid(format!("it is not valid JSON ({e})")))?;
        let doc = migrate(doc, version, MIGRATIONS).map_err(invalid)?;
        serde_json::from_value::<StateIn>(doc)
            .map_err(|e| invalid(format!("its world does not read as schema {SCHEMA} after upgrading it from schema {version} ({e})")))?
            .world
    };
    checked(world)
}

/// `world` if it keeps its rules.
fn checked(world: World) -> Result<World, DecodeError> {
    world.check_invariants().map_err(|v| DecodeError::Invalid(format!("its world is inconsistent: {v}")))?;
    Ok(world)
}

/// Runs the migrations from `from` to the end of `steps`.
fn migrate(mut doc: Value, from: u64, steps: &[Migration]) -> Result<Value, String> {
    let start = usize::try_from(from).unwrap_or(usize::MAX);
    for (version, step) in steps.iter().enumerate().skip(start) {
        doc = step(doc).map_err(|e| format!("upgrading it from schema {version} to {} failed: {e}", version + 1))?;
    }
    Ok(doc)
}

/// Schema 0 → 1: a bare `World` object becomes the `world` of an envelope.
fn wrap_bare_world(doc: Value) -> Result<Value, String> {
    if !doc.is_object() {
        return Err("the document is not a JSON object".into());
    }
    let mut envelope = Map::new();
    envelope.insert("schema".into(), Value::from(1));
    envelope.insert("world".into(), doc);
    Ok(Value::Object(envelope))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::world::tests::t0;
    use serde_json::json;

    fn sample() -> World {
        World::default_world_seeded(t0(), 4)
    }

    fn invalid(bytes: &[u8]) -> String {
        match decode(bytes) {
            Err(DecodeError::Invalid(d)) => d,
            other => panic!("expected Invalid, got {other:?}"),
        }
    }

    #[test]
    fn round_trip() {
        let w = sample();
        let bytes = encode(&w).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.starts_with("{\n  \"schema\": 1,\n  \"ersim\": \""), "{text}");
        assert_eq!(decode(&bytes).unwrap(), w);
        assert_eq!(encode(&decode(&bytes).unwrap()).unwrap(), bytes);
    }

    #[test]
    fn a_bare_world_is_schema_0_and_is_migrated() {
        // Hand-written v0 fixture: a World serialized on its own, as
        // `serde_json::to_string(&world)` gave before the store existed.
        let w = sample();
        let v0 = serde_json::to_vec(&w).unwrap();
        assert!(!String::from_utf8_lossy(&v0).contains("\"schema\""));
        assert_eq!(decode(&v0).unwrap(), w);
    }

    #[test]
    fn migrations_run_in_order_from_the_file_version() {
        fn step(mut v: Value, mark: &str) -> Result<Value, String> {
            v["trail"] = json!(format!("{}{mark}", v["trail"].as_str().unwrap_or("")));
            Ok(v)
        }
        fn a(v: Value) -> Result<Value, String> {
            step(v, "a")
        }
        fn b(v: Value) -> Result<Value, String> {
            step(v, "b")
        }
        fn fail(_: Value) -> Result<Value, String> {
            Err("field x is missing".into())
        }
        let steps: &[Migration] = &[a, b];
        assert_eq!(migrate(json!({}), 0, steps).unwrap()["trail"], "ab");
        assert_eq!(migrate(json!({}), 1, steps).unwrap()["trail"], "b");
        assert_eq!(migrate(json!({}), 2, steps).unwrap(), json!({}));
        let steps: &[Migration] = &[a, fail];
        assert_eq!(migrate(json!({}), 0, steps).unwrap_err(), "upgrading it from schema 1 to 2 failed: field x is missing");
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let doc = json!({"schema": 2, "world": {}});
        assert_eq!(decode(doc.to_string().as_bytes()), Err(DecodeError::Newer(2)));
    }

    #[test]
    fn bad_documents_say_what_is_wrong() {
        assert_eq!(invalid(b""), "the file is empty");
        assert_eq!(invalid(b" \n"), "the file is empty");
        let d = invalid(b"{\n  \"schema\": 1,\n  \"world\": {\n}");
        assert!(d.contains("line 4 column 1"), "{d}");
        assert!(invalid(b"[1, 2]").starts_with("it is not a JSON object"));
        assert_eq!(invalid(b"{\"hello\": 1}"), "it has no \"schema\" field, so it is not an ersim state file");
        assert_eq!(invalid(b"{\"schema\": \"one\"}"), "its \"schema\" field is \"one\", not a whole number");
        let d = invalid(b"{\"schema\": 1, \"world\": {\"now\": 5}}");
        assert!(d.starts_with("its world does not read as schema 1"), "{d}");
        assert!(d.contains("line 1 column"), "{d}");
    }

    #[test]
    fn a_world_that_breaks_its_rules_is_refused() {
        let mut doc: Value = serde_json::from_slice(&encode(&sample()).unwrap()).unwrap();
        doc["world"]["selected_subscription"] = json!(uuid::Uuid::nil());
        let d = invalid(doc.to_string().as_bytes());
        assert!(d.starts_with("its world is inconsistent: the selected subscription"), "{d}");
    }
}
