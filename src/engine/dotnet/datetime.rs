//! The `[datetime]` members the engine's older arms lack: month and year arithmetic,
//! `DayOfWeek` as its enumeration, `Kind`, and the statics `DaysInMonth`, `IsLeapYear` and
//! `ParseExact`. "Now" is always the world's virtual clock, read by the caller.

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime};

use super::{arg_count, method_error};
use crate::engine::convert::{to_num, to_string};
use crate::engine::error::ErrorRecord;
use crate::engine::types::EnumDef;
use crate::engine::value::Value;

pub static DAY_OF_WEEK: EnumDef = EnumDef {
    full_name: "System.DayOfWeek",
    members: &[("Sunday", 0), ("Monday", 1), ("Tuesday", 2), ("Wednesday", 3), ("Thursday", 4), ("Friday", 5), ("Saturday", 6)],
};

pub static DATE_TIME_KIND: EnumDef = EnumDef { full_name: "System.DateTimeKind", members: &[("Unspecified", 0), ("Utc", 1), ("Local", 2)] };

const OUT_OF_RANGE: &str = "The added or subtracted value results in an un-representable DateTime.\r\nParameter name: months";

/// A property; None for one this file does not answer.
pub fn property(d: &NaiveDateTime, lower: &str) -> Option<Value> {
    Some(match lower {
        "dayofweek" => {
            let n = d.weekday().num_days_from_sunday() as i64;
            Value::enum_value(DAY_OF_WEEK.full_name, DAY_OF_WEEK.name_of(n).unwrap_or("Sunday"), n)
        }
        // The virtual clock's times are local times, as Get-Date's are.
        "kind" => Value::enum_value(DATE_TIME_KIND.full_name, "Local", 2),
        _ => return None,
    })
}

/// `AddMonths`, `AddYears`, `CompareTo`, `IsDaylightSavingTime`; None for other names.
pub fn method(d: &NaiveDateTime, lower: &str, name: &str, args: &[Value]) -> Option<Result<Value, ErrorRecord>> {
    let n = || args.first().and_then(to_num).map(|n| n.as_f64() as i64);
    let add_months = |months: i64| -> Result<Value, ErrorRecord> {
        let moved =
            if months >= 0 { d.checked_add_months(Months::new(months as u32)) } else { d.checked_sub_months(Months::new(months.unsigned_abs() as u32)) };
        moved
            .filter(|m| m.year() <= 9999 && m.year() >= 1)
            .map(Value::DateTime)
            .ok_or_else(|| method_error(name, args, OUT_OF_RANGE, "ArgumentOutOfRangeException"))
    };
    Some(match (lower, args.len()) {
        ("addmonths", 1) => match n() {
            Some(m) if m.abs() <= 120_000 => add_months(m),
            _ => Err(method_error(name, args, "Months value must be between +/-120000.\r\nParameter name: months", "ArgumentOutOfRangeException")),
        },
        ("addyears", 1) => match n() {
            Some(y) if y.abs() <= 10_000 => add_months(y * 12),
            _ => Err(method_error(name, args, "Years value must be between +/-10000.\r\nParameter name: years", "ArgumentOutOfRangeException")),
        },
        ("compareto", 1) => match &args[0] {
            Value::DateTime(o) => Ok(Value::Int(d.cmp(o) as i32)),
            _ => Err(method_error(name, args, "Object must be of type DateTime.", "ArgumentException")),
        },
        ("isdaylightsavingtime", 0) => Ok(Value::Bool(false)),
        ("addmonths" | "addyears" | "compareto", n) => Err(arg_count(name, n)),
        _ => return None,
    })
}

/// `[datetime]::DaysInMonth`, `IsLeapYear`, `ParseExact(text, format, provider)`.
pub fn call_static(lower: &str, name: &str, args: &[Value]) -> Option<Result<Value, ErrorRecord>> {
    let int = |i: usize| args.get(i).and_then(to_num).map(|n| n.as_f64() as i32);
    Some(match (lower, args.len()) {
        ("isleapyear", 1) => match int(0) {
            Some(y @ 1..=9999) => Ok(Value::Bool(NaiveDate::from_ymd_opt(y, 2, 29).is_some())),
            _ => Err(method_error(name, args, "Year must be between 1 and 9999.\r\nParameter name: year", "ArgumentOutOfRangeException")),
        },
        ("daysinmonth", 2) => match (int(0), int(1)) {
            (Some(y @ 1..=9999), Some(m @ 1..=12)) => {
                let next = if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1) } else { NaiveDate::from_ymd_opt(y, m as u32 + 1, 1) };
                let first = NaiveDate::from_ymd_opt(y, m as u32, 1);
                Ok(Value::Int(match (first, next) {
                    (Some(f), Some(n)) => (n - f).num_days() as i32,
                    _ => 31,
                }))
            }
            _ => Err(method_error(name, args, "Month must be between one and twelve.\r\nParameter name: month", "ArgumentOutOfRangeException")),
        },
        ("parseexact", 3 | 4) => {
            let text = to_string(&args[0]);
            let formats: Vec<String> = args[1].enumerate().iter().map(to_string).collect();
            let parsed = formats.iter().find_map(|f| parse_exact(&text, f));
            parsed.map(Value::DateTime).ok_or_else(|| method_error(name, args, "String was not recognized as a valid DateTime.", "FormatException"))
        }
        ("isleapyear" | "daysinmonth" | "parseexact", n) => Err(arg_count(name, n)),
        _ => return None,
    })
}

/// Reads `text` by a .NET custom date pattern (date-only patterns give midnight).
fn parse_exact(text: &str, format: &str) -> Option<NaiveDateTime> {
    let pattern = super::format_string::chrono_pattern(format);
    NaiveDateTime::parse_from_str(text, &pattern).ok().or_else(|| NaiveDate::parse_from_str(text, &pattern).ok().and_then(|d| d.and_hms_opt(0, 0, 0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_clamp_to_the_month_end_as_dotnet_does() {
        let d = NaiveDate::from_ymd_opt(2016, 1, 31).and_then(|d| d.and_hms_opt(0, 0, 0)).unwrap();
        let Some(Ok(Value::DateTime(m))) = method(&d, "addmonths", "AddMonths", &[Value::Int(1)]) else { panic!("a date") };
        assert_eq!(m.date(), NaiveDate::from_ymd_opt(2016, 2, 29).unwrap());
        assert!(matches!(call_static("daysinmonth", "DaysInMonth", &[Value::Int(2015), Value::Int(2)]), Some(Ok(Value::Int(28)))));
    }

    #[test]
    fn parse_exact_reads_dotnet_patterns() {
        let d = parse_exact("03/10/2016 14:05", "dd/MM/yyyy HH:mm").unwrap();
        assert_eq!((d.day(), d.month()), (3, 10));
        assert!(parse_exact("2016-10-03", "yyyy-MM-dd").is_some());
        assert!(parse_exact("junk", "yyyy-MM-dd").is_none());
    }
}
