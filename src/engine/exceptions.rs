//! The .NET exception types 5.1's errors carry, with their base types, so that
//! `catch [System.Management.Automation.SessionStateException]` takes an
//! ItemNotFoundException and `$_.Exception -is [System.Exception]` holds.

/// What LanguagePrimitives throws for a value that does not convert.
pub const PS_INVALID_CAST: &str = "System.Management.Automation.PSInvalidCastException";

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
