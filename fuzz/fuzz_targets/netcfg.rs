//! Any text given to Set-AzureVNetConfig is read as a netcfg document or refused.
#![no_main]

libfuzzer_sys::fuzz_target!(|text: &str| {
    if let Ok(vnets) = ersim::cmdlets::classic::netconfig::parse(text) {
        let _ = ersim::cmdlets::classic::netconfig::write(&vnets);
    }
});
