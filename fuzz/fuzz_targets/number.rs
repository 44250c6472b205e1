//! Number parsing: the string-to-number conversion and numeric literals in scripts.
#![no_main]

use ersim::engine::convert::{parse_number, to_string};

libfuzzer_sys::fuzz_target!(|text: &str| {
    if let Some(v) = parse_number(text) {
        let _ = to_string(&v);
    }
    if !text.contains(['\n', '#', ';', '|', '{', '(', '$', '"', '\'', '`', '&', '@']) {
        ersim_fuzz::run_script(&format!("{text}; [int]'{text}'; [double]'{text}'; '{text}' -as [long]; -{text}"));
    }
});
