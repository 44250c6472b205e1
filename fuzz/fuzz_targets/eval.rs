//! Any script runs to its end, an error or the step budget: never a panic or a hang.
#![no_main]

libfuzzer_sys::fuzz_target!(|text: &str| {
    ersim_fuzz::run_script(text);
});
