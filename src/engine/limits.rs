//! Caps on what one script may build in memory. 5.1 has none of its own: it runs until .NET
//! throws OutOfMemoryException, then reports that exception. Here the same error is raised
//! before the allocation that would pass a cap, so a script (or a typo such as `1..1e9`)
//! ends its statement instead of taking the machine's memory. Values: docs/reliability.md.

use super::error::ErrorRecord;
use super::value::Value;
use crate::engine::error::ErrorCategory;

/// The longest string a script may build: 2^27 bytes of UTF-8 (128 MiB; as many characters
/// of ASCII text).
pub const MAX_STRING_BYTES: usize = 1 << 27;

/// The most elements one range, array or buffer of pipeline objects may hold: 2^24 (16 Mi).
pub const MAX_ELEMENTS: usize = 1 << 24;

/// What 5.1 shows when memory runs out during a statement.
pub fn out_of_memory() -> ErrorRecord {
    ErrorRecord::new(
        "Exception of type 'System.OutOfMemoryException' was thrown.",
        "System.OutOfMemoryException",
        ErrorCategory::OperationStopped,
        "System.OutOfMemoryException",
    )
}

pub fn check_string(len: usize) -> Result<(), ErrorRecord> {
    if len > MAX_STRING_BYTES {
        return Err(out_of_memory());
    }
    Ok(())
}

pub fn check_elements(count: usize) -> Result<(), ErrorRecord> {
    if count > MAX_ELEMENTS {
        return Err(out_of_memory());
    }
    Ok(())
}

/// Adds `v` to a buffer of pipeline objects (collected output, Sort-Object's input, ...).
pub fn buffer(items: &mut Vec<Value>, v: Value) -> Result<(), ErrorRecord> {
    check_elements(items.len() + 1)?;
    items.push(v);
    Ok(())
}

/// `items` joined with `sep`, refused once the text passes [`MAX_STRING_BYTES`].
pub fn join(items: impl IntoIterator<Item = String>, sep: &str) -> Result<String, ErrorRecord> {
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(&item);
        check_string(out.len())?;
    }
    Ok(out)
}
