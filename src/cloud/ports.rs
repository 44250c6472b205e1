//! Which provider ports have room: an index of the bandwidth in use per port,
//! rebuilt from the circuits when needed and updated as circuits take ports,
//! so provisioning costs the same in a world of ten circuits or ten thousand.
//! Never saved: it is derived data.

use std::collections::HashMap;

/// Mbps in use per port (index 0 is port 1), per provider and location.
#[derive(Default)]
pub(crate) struct PortIndex(Option<HashMap<(String, String), Vec<u32>>>);

impl PortIndex {
    /// Forgets the index; the next lookup rebuilds it. Called whenever a port may have
    /// been freed or a circuit's bandwidth changed.
    pub(crate) fn invalidate(&mut self) {
        self.0 = None;
    }

    /// The usage table, built by `build` when there is none.
    pub(crate) fn table(&mut self, build: impl FnOnce() -> Vec<(String, String, u32, u32)>) -> &mut HashMap<(String, String), Vec<u32>> {
        self.0.get_or_insert_with(|| {
            let mut t: HashMap<(String, String), Vec<u32>> = HashMap::new();
            for (provider, location, port, bw) in build() {
                let ports = t.entry((provider, location)).or_default();
                let i = port.saturating_sub(1) as usize;
                if ports.len() <= i {
                    ports.resize(i + 1, 0);
                }
                ports[i] += bw;
            }
            t
        })
    }
}

// Derived data takes no part in comparing, copying or printing a world.
impl PartialEq for PortIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Clone for PortIndex {
    fn clone(&self) -> Self {
        PortIndex(None)
    }
}

impl std::fmt::Debug for PortIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PortIndex")
    }
}
