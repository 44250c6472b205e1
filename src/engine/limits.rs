//! Caps on what one script may build in memory. 5.1 has none of its own: it runs until .NET
//! throws OutOfMemoryException, then reports that exception. Here the same error is raised
//! before the allocation that would pass a cap, so a script (or a typo such as `1..1e9`)
//! ends its statement instead of taking the machine's memory. Values: docs/reliability.md.

use super::error::{ErrorCategory, ErrorRecord};
use super::value::Value;

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

/// The largest file ersim reads as input (a state file, a script, a netcfg, an import):
/// 256 MiB, well above the 93 MB state file of a 100,000-circuit world (docs/reliability.md).
/// Without it `/dev/zero` or a runaway log named as input took gigabytes before failing.
pub const MAX_INPUT_FILE_BYTES: u64 = crate::labfs::MAX_READ_BYTES;

/// Why an input file is refused.
#[derive(Debug)]
pub enum InputFileError {
    /// Nothing is at the path.
    Missing,
    /// A directory, device, FIFO or socket: not a file to read whole (`/dev/zero` never ends).
    NotRegular,
    /// Larger than [`MAX_INPUT_FILE_BYTES`]; the size found.
    TooLarge(u64),
    /// The operating system refused it (permissions, I/O).
    Unreadable(std::io::Error),
}

impl std::fmt::Display for InputFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputFileError::Missing => write!(f, "it does not exist"),
            InputFileError::NotRegular => write!(f, "it is not a regular file"),
            InputFileError::TooLarge(size) => write!(f, "it is {size} bytes, larger than the {MAX_INPUT_FILE_BYTES} bytes ersim reads"),
            InputFileError::Unreadable(e) => write!(f, "{e}"),
        }
    }
}

/// Checks, without reading it, that `path` is a regular file of at most
/// [`MAX_INPUT_FILE_BYTES`] (links are followed).
pub fn check_input_file(path: &std::path::Path) -> Result<(), InputFileError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => InputFileError::Missing,
        _ => InputFileError::Unreadable(e),
    })?;
    if !meta.is_file() {
        return Err(InputFileError::NotRegular);
    }
    if meta.len() > MAX_INPUT_FILE_BYTES {
        return Err(InputFileError::TooLarge(meta.len()));
    }
    Ok(())
}

/// Reads the input file at `path` whole, after [`check_input_file`]; a file that grows
/// past the cap while being read is refused too.
pub fn read_input_file(path: &std::path::Path) -> Result<Vec<u8>, InputFileError> {
    use std::io::Read;
    check_input_file(path)?;
    let file = std::fs::File::open(path).map_err(InputFileError::Unreadable)?;
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(InputFileError::Unreadable)?;
    if bytes.len() as u64 > MAX_INPUT_FILE_BYTES {
        return Err(InputFileError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}
