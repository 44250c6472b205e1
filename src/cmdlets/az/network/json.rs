//! The `…Text` properties of the Network models: a member as the shared Newtonsoft writer
//! (`az/json_text.rs`) prints it, computed from the live object so local edits show.

use crate::engine::value::Value;

/// The JSON text of `v`'s member `name` (`null` when it has none).
pub fn member(v: &Value, name: &str) -> String {
    super::super::json_text::json_text(super::models::member(v, name).as_ref())
}

/// The JSON text of one value.
pub fn write(v: &Value) -> String {
    super::super::json_text::json_text(Some(v))
}
