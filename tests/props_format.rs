//! Formatting any value returns: Out-Default's formatter at any width, table cells, and the
//! formatting cmdlets (Format-Table, Format-List, Out-String, ConvertTo-Json, expansion)
//! on generated scalars, arrays, hashtables and objects, however odd their contents.

mod common;

use ersim::engine::value::{Hashtable, PsObject};
use ersim::engine::Value;
use ersim::format::cell::{cell_text, display_width};
use ersim::format::out_default::Formatter;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof!["[a-zA-Z ]{0,12}", "\\PC{0,20}", Just("\r\n\t\u{0}\u{1b}[31m".to_string()), Just("漢字😀\u{301}".repeat(30)), Just(String::new())]
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(Value::Int),
        any::<i64>().prop_map(Value::Long),
        any::<u64>().prop_map(Value::ULong),
        prop_oneof![any::<f64>(), Just(f64::NAN), Just(f64::INFINITY), Just(-0.0)].prop_map(Value::Double),
        any::<char>().prop_map(Value::Char),
        text().prop_map(Value::str),
        any::<u128>().prop_map(|g| Value::Guid(uuid::Uuid::from_u128(g))),
        (-62_135_596_800i64..253_402_300_799).prop_map(|s| Value::DateTime(chrono::DateTime::from_timestamp(s, 0).unwrap_or_default().naive_utc())),
        any::<i64>().prop_map(Value::TimeSpan),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::array),
            (any::<bool>(), prop::collection::vec((text(), inner.clone()), 0..5)).prop_map(|(ordered, pairs)| {
                let mut h = Hashtable::new(ordered);
                for (k, v) in pairs {
                    h.insert(Value::str(k), v);
                }
                Value::hashtable(h)
            }),
            prop::collection::vec((text(), inner), 0..8).prop_map(|props| {
                let mut o = PsObject::custom();
                for (k, v) in props {
                    o.add_note(&k, v);
                }
                Value::object(o)
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn the_formatter_lays_out_any_values_at_any_width(values in prop::collection::vec(value(), 0..6), width in 0usize..300) {
        let mut f = Formatter::new(width, ersim::engine::views::ViewTable::default());
        for (i, v) in values.iter().enumerate() {
            f.push(v, i as i64 * 100);
        }
        f.end_group();
        let _ = f.take_lines();
    }

    #[test]
    fn cells_fit_any_value(v in value(), limit in 0usize..10) {
        let cell = cell_text(&v, limit);
        prop_assert!(display_width(&cell) <= cell.chars().count() * 2);
    }

    #[test]
    fn the_formatting_cmdlets_return_on_any_value(v in value(), width in 1u32..400) {
        let (mut s, _, _) = common::session();
        s.interp.set_var("v", None, v).expect("set $v");
        s.interp.step_budget.set(Some(100_000));
        let script = format!(
            "$v | Format-Table | Out-String -Width {width}; $v | Format-List | Out-String; $v | Format-Table -AutoSize; \
             $v | ConvertTo-Json -Depth 4; $v | ConvertTo-Json -Compress; \"$v\"; $v | Select-Object * | Out-String; $v | Get-Member | Out-Null; $v"
        );
        common::run_in(&mut s, &script);
    }
}
