//! Any text inside a double-quoted string and a here-string expands, or is a parse error.
#![no_main]

libfuzzer_sys::fuzz_target!(|text: &str| {
    ersim_fuzz::run_script(&format!("\"{text}\""));
    ersim_fuzz::run_script(&format!("@\"\n{text}\n\"@"));
});
