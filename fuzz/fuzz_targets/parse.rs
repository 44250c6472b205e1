//! Any text parses to a script block or a parse error.
#![no_main]

libfuzzer_sys::fuzz_target!(|text: &str| ersim_fuzz::parse(text));
