//! `System.Management.Automation.ErrorCategory`: what kind of failure an error record is,
//! as CategoryInfo shows it. An enum, so a misspelt category cannot compile.

macro_rules! categories {
    ($($name:ident),* $(,)?) => {
        /// The categories in .NET's order (their numeric values).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ErrorCategory {
            $($name),*
        }

        impl ErrorCategory {
            pub const ALL: &'static [ErrorCategory] = &[$(ErrorCategory::$name),*];

            pub fn name(self) -> &'static str {
                match self {
                    $(ErrorCategory::$name => stringify!($name)),*
                }
            }
        }
    };
}

categories!(
    NotSpecified,
    OpenError,
    CloseError,
    DeviceError,
    DeadlockDetected,
    InvalidArgument,
    InvalidData,
    InvalidOperation,
    InvalidResult,
    InvalidType,
    MetadataError,
    NotImplemented,
    NotInstalled,
    ObjectNotFound,
    OperationStopped,
    OperationTimeout,
    SyntaxError,
    ParserError,
    PermissionDenied,
    ResourceBusy,
    ResourceExists,
    ResourceUnavailable,
    ReadError,
    WriteError,
    FromStdErr,
    SecurityError,
    ProtocolError,
    ConnectionError,
    AuthenticationError,
    LimitsExceeded,
    QuotaExceeded,
    NotEnabled,
);

impl ErrorCategory {
    /// The category named `text`, case-insensitively (as `-Category` converts it).
    pub fn parse(text: &str) -> Option<ErrorCategory> {
        ErrorCategory::ALL.iter().copied().find(|c| c.name().eq_ignore_ascii_case(text.trim()))
    }
}

impl std::fmt::Display for ErrorCategory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_follow_dotnet_order() {
        assert_eq!(ErrorCategory::ALL.len(), 32);
        assert_eq!(ErrorCategory::CloseError as usize, 2);
        assert_eq!(ErrorCategory::NotEnabled as usize, 31);
        for c in ErrorCategory::ALL {
            assert_eq!(ErrorCategory::parse(&c.name().to_ascii_lowercase()), Some(*c));
        }
        assert_eq!(ErrorCategory::parse("Bogus"), None);
    }
}
