//! Any bytes in a state file are loaded as a consistent world or refused, and never changed.
#![no_main]

use ersim::store::{Location, Store, StoreConfig};

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let dir = std::env::temp_dir().join(format!("ersim-fuzz-state-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("state.json");
    std::fs::write(&path, bytes).expect("write the state file");
    let fresh = || ersim::cloud::World::default_world_seeded(ersim::engine::clock::default_epoch(), 1);
    let store = Store::open(Location::file(&path), StoreConfig::default(), fresh).expect("open the store");
    if let Ok(problem) = store.read(|w| w.check_invariants()) {
        assert_eq!(problem, Ok(()), "a loaded world breaks a rule");
    } else {
        assert_eq!(std::fs::read(&path).expect("read back"), bytes, "a refused state file was changed");
    }
});
