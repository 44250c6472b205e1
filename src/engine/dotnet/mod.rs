//! The .NET types the engine emulates, one file per family, the registry that resolves
//! the names scripts write for them, and the error texts every emulated member shares.

pub mod collections;
pub mod convert_class;
pub mod datetime;
pub mod enums;
pub mod environment;
pub mod format_string;
pub mod ipaddress;
pub mod language_parser;
pub mod match_info;
pub mod math;
pub mod path;
pub mod reference;
pub mod regex;
pub mod registry;
pub mod script_members;
pub mod secure;
pub mod strings;
pub mod text;
pub mod type_object;
pub mod xml;

use crate::engine::convert::to_string;
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::{TypeRef, Value};

/// 5.1's MethodNotFound (ParserStrings.MethodNotFound), naming the value's full type name.
pub fn not_found(v: &Value, name: &str) -> ErrorRecord {
    ErrorRecord::runtime(
        format!("Method invocation failed because [{}] does not contain a method named '{}'.", v.type_name(), name),
        "MethodNotFound",
        ErrorCategory::InvalidOperation,
    )
}

/// A method exists but takes another number of arguments.
pub fn arg_count(name: &str, n: usize) -> ErrorRecord {
    ErrorRecord::new(
        format!("Cannot find an overload for \"{name}\" and the argument count: \"{n}\"."),
        "System.Management.Automation.MethodException",
        ErrorCategory::NotSpecified,
        "MethodCountCouldNotFindBest",
    )
}

/// The .NET method threw: ExtendedTypeSystem's MethodInvocationException, with the
/// exception's own short type name as the error id, as 5.1 reports it.
pub fn method_error(method: &str, args: &[Value], inner: &str, exception_id: &str) -> ErrorRecord {
    ErrorRecord::new(
        format!("Exception calling \"{method}\" with \"{}\" argument(s): \"{inner}\"", args.len()),
        "System.Management.Automation.MethodInvocationException",
        ErrorCategory::NotSpecified,
        exception_id,
    )
}

/// An argument that does not convert to the parameter's type (ExtendedTypeSystem's
/// MethodArgumentConversionException).
pub fn argument_error(param: &str, value: &Value, method: &str, ty: &TypeRef, inner: &str) -> ErrorRecord {
    ErrorRecord::new(
        format!("Cannot convert argument \"{param}\", with value: \"{}\", for \"{method}\" to type \"{}\": \"{inner}\"", to_string(value), ty.full_name()),
        "System.Management.Automation.MethodException",
        ErrorCategory::NotSpecified,
        "MethodArgumentConversionInvalidCastArgument",
    )
}
