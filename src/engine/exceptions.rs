//! The .NET exception types 5.1's errors carry, with their base types, so that
//! `catch [System.Management.Automation.SessionStateException]` takes an
//! ItemNotFoundException and `$_.Exception -is [System.Exception]` holds.

/// What LanguagePrimitives throws for a value that does not convert.
pub const PS_INVALID_CAST: &str = "System.Management.Automation.PSInvalidCastException";

use super::value::{Hashtable, PsObject, Value};

/// Each type and its base type (full names).
const BASES: &[(&str, &str)] = &[
    ("System.SystemException", "System.Exception"),
    ("System.Management.Automation.RuntimeException", "System.SystemException"),
    ("System.Management.Automation.SessionStateException", "System.Management.Automation.RuntimeException"),
    ("System.Management.Automation.ItemNotFoundException", "System.Management.Automation.SessionStateException"),
    ("System.Management.Automation.DriveNotFoundException", "System.Management.Automation.SessionStateException"),
    ("System.Management.Automation.SessionStateUnauthorizedAccessException", "System.Management.Automation.SessionStateException"),
    ("System.Management.Automation.ParameterBindingException", "System.Management.Automation.RuntimeException"),
    ("System.Management.Automation.ParameterBindingValidationException", "System.Management.Automation.ParameterBindingException"),
    ("System.Management.Automation.ParameterBindingArgumentTransformationException", "System.Management.Automation.ParameterBindingException"),
    ("System.Management.Automation.MethodException", "System.Management.Automation.RuntimeException"),
    ("System.Management.Automation.MethodInvocationException", "System.Management.Automation.MethodException"),
    ("System.Management.Automation.CommandNotFoundException", "System.Management.Automation.RuntimeException"),
    ("System.Management.Automation.ExtendedTypeSystemException", "System.Management.Automation.RuntimeException"),
    ("System.Management.Automation.PropertyNotFoundException", "System.Management.Automation.ExtendedTypeSystemException"),
    ("System.Management.Automation.SetValueException", "System.Management.Automation.ExtendedTypeSystemException"),
    ("System.Management.Automation.SetValueInvocationException", "System.Management.Automation.SetValueException"),
    ("System.Management.Automation.ParseException", "System.Management.Automation.RuntimeException"),
    ("System.Management.Automation.ActionPreferenceStopException", "System.Management.Automation.RuntimeException"),
    ("System.Management.Automation.PipelineStoppedException", "System.Management.Automation.RuntimeException"),
    ("System.Management.Automation.MetadataException", "System.Management.Automation.RuntimeException"),
    ("System.Management.Automation.ValidationMetadataException", "System.Management.Automation.MetadataException"),
    ("System.Management.Automation.ArgumentTransformationMetadataException", "System.Management.Automation.MetadataException"),
    ("System.Management.Automation.ParentContainsErrorRecordException", "System.SystemException"),
    ("System.Management.Automation.PSInvalidCastException", "System.InvalidCastException"),
    ("System.Management.Automation.PSArgumentException", "System.ArgumentException"),
    ("System.Management.Automation.PSArgumentNullException", "System.ArgumentNullException"),
    ("System.Management.Automation.PSArgumentOutOfRangeException", "System.ArgumentOutOfRangeException"),
    ("System.Management.Automation.PSInvalidOperationException", "System.InvalidOperationException"),
    ("System.Management.Automation.PSNotSupportedException", "System.NotSupportedException"),
    ("Microsoft.PowerShell.Commands.WriteErrorException", "System.SystemException"),
    ("System.InvalidCastException", "System.SystemException"),
    ("System.ArgumentException", "System.SystemException"),
    ("System.ArgumentNullException", "System.ArgumentException"),
    ("System.ArgumentOutOfRangeException", "System.ArgumentException"),
    ("System.InvalidOperationException", "System.SystemException"),
    ("System.NotSupportedException", "System.SystemException"),
    ("System.FormatException", "System.SystemException"),
    ("System.NullReferenceException", "System.SystemException"),
    ("System.ArithmeticException", "System.SystemException"),
    ("System.DivideByZeroException", "System.ArithmeticException"),
    ("System.OverflowException", "System.ArithmeticException"),
    ("System.IndexOutOfRangeException", "System.SystemException"),
    ("System.Collections.Generic.KeyNotFoundException", "System.SystemException"),
    ("System.IO.IOException", "System.SystemException"),
    ("System.IO.FileNotFoundException", "System.IO.IOException"),
    ("System.IO.DirectoryNotFoundException", "System.IO.IOException"),
    ("System.UnauthorizedAccessException", "System.SystemException"),
    ("System.TimeoutException", "System.SystemException"),
    ("System.Net.WebException", "System.InvalidOperationException"),
];

/// The type and its bases, most derived first, ending in System.Object. An exception type
/// the table does not know (a module's own) derives from System.Exception.
pub fn type_names(exception_type: &str) -> Vec<String> {
    let mut out = vec![exception_type.to_string()];
    let mut current = exception_type;
    while let Some((_, base)) = BASES.iter().find(|(t, _)| t.eq_ignore_ascii_case(current)) {
        out.push(base.to_string());
        current = base;
    }
    if !current.eq_ignore_ascii_case("System.Exception") {
        out.push("System.Exception".to_string());
    }
    out.push("System.Object".to_string());
    out
}

/// Whether `written` (as in `catch [written]`) names `exception_type` or one of its bases:
/// a full name, with `System.` optional, or the bare type name.
pub fn derives_from(exception_type: &str, written: &str) -> bool {
    let w = written.to_ascii_lowercase();
    let w = w.strip_prefix("system.").unwrap_or(&w).to_string();
    type_names(exception_type).iter().filter(|n| *n != "System.Object").any(|n| {
        let n = n.to_ascii_lowercase();
        n == w || n.strip_prefix("system.") == Some(w.as_str()) || n.rsplit('.').next() == Some(w.as_str())
    })
}

/// The full name of an exception type a script may construct (`[InvalidOperationException]::new()`),
/// with `System.` optional.
pub fn known_type(written: &str) -> Option<&'static str> {
    let w = written.trim().to_ascii_lowercase();
    let bare = w.strip_prefix("system.").unwrap_or(&w);
    BASES.iter().map(|(t, _)| *t).chain(["System.Exception"]).find(|t| {
        let t = t.to_ascii_lowercase();
        t == w || t.strip_prefix("system.") == Some(bare)
    })
}

/// The base of an exception type the table knows.
pub fn base_of(exception_type: &str) -> Option<&'static str> {
    BASES.iter().find(|(t, _)| t.eq_ignore_ascii_case(exception_type)).map(|(_, b)| *b)
}

/// Whether an object is an exception (its type names reach System.Exception).
pub fn is_exception(v: &Value) -> bool {
    matches!(v, Value::Object(o) if o.borrow().type_names.iter().any(|n| n == "System.Exception"))
}

/// An exception object as `$_.Exception` shows it: the type's own properties, then those
/// every exception has.
pub fn exception_value(exception_type: &str, message: &str, own: &[(&'static str, &'static str, Value)]) -> Value {
    let mut o = PsObject::typed(exception_type);
    o.type_names = type_names(exception_type);
    for (name, ty, value) in own {
        o.add_typed(name, ty, value.clone());
    }
    o.add_typed("Message", "string", Value::str(message));
    o.add_typed("Data", "System.Collections.IDictionary", Value::hashtable(Hashtable::new(false)));
    o.add_typed("InnerException", "System.Exception", Value::Null);
    o.add_typed("TargetSite", "System.Reflection.MethodBase", Value::Null);
    o.add_typed("StackTrace", "string", Value::Null);
    o.add_typed("HelpLink", "string", Value::Null);
    o.add_typed("Source", "string", Value::Null);
    o.add_typed("HResult", "int", Value::Int(-2146233087));
    Value::object(o)
}

/// The messages .NET's parameterless constructors give; System.Exception's names the type and
/// serves the types that do not set their own.
const DEFAULT_MESSAGES: &[(&str, &str)] = &[
    ("System.SystemException", "System error."),
    ("System.ArgumentException", "Value does not fall within the expected range."),
    ("System.ArgumentNullException", "Value cannot be null."),
    ("System.ArgumentOutOfRangeException", "Specified argument was out of the range of valid values."),
    ("System.InvalidOperationException", "Operation is not valid due to the current state of the object."),
    ("System.InvalidCastException", "Specified cast is not valid."),
    ("System.NotSupportedException", "Specified method is not supported."),
    ("System.FormatException", "One of the identified items was in an invalid format."),
];

/// `[T]::new()`, `[T]::new(message)` of an exception type.
pub fn construct(exception_type: &str, args: &[Value]) -> Value {
    let message = match args.first() {
        Some(m) => super::convert::to_string(m),
        None => match DEFAULT_MESSAGES.iter().find(|(t, _)| *t == exception_type) {
            Some((_, m)) => m.to_string(),
            None => format!("Exception of type '{exception_type}' was thrown."),
        },
    };
    exception_value(exception_type, &message, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hierarchy_reaches_system_exception() {
        let names = type_names("System.Management.Automation.ItemNotFoundException");
        assert_eq!(names[1], "System.Management.Automation.SessionStateException");
        assert!(names.iter().any(|n| n == "System.Exception"));
        assert!(derives_from("System.Management.Automation.ItemNotFoundException", "System.Management.Automation.RuntimeException"));
        assert!(derives_from("System.Management.Automation.MethodInvocationException", "MethodException"));
        assert!(derives_from("System.Management.Automation.PSInvalidCastException", "System.InvalidCastException"));
        assert!(!derives_from("System.Management.Automation.CommandNotFoundException", "System.Management.Automation.ParameterBindingException"));
        assert_eq!(type_names("Microsoft.Module.OwnException"), ["Microsoft.Module.OwnException", "System.Exception", "System.Object"]);
    }
}
