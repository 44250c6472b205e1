//! Which provider ports have room: an index of the bandwidth in use per port, built from
//! the circuits on first use and then kept up to date as circuits take, change and free
//! ports, so provisioning and upgrades cost the same in a world of ten circuits or ten
//! thousand. Never saved: it is derived data.

use std::collections::HashMap;

/// One circuit's hold on a port: provider, location, port number, Mbps.
pub(crate) type PortClaim = (String, String, u32, u32);

/// Mbps in use per port (index 0 is port 1), per provider and location.
#[derive(Default)]
pub(crate) struct PortIndex(Option<HashMap<(String, String), Vec<u32>>>);

impl PortIndex {
    /// Records that a circuit's hold on a port changed from `from` to `to` (either may be
    /// none). An index not built yet needs nothing: it will be built from the circuits as
    /// they are then. A freed port stays in the table at zero, which first fit treats as
    /// the free port it is.
    pub(crate) fn transfer(&mut self, from: Option<PortClaim>, to: Option<PortClaim>) {
        let Some(table) = self.0.as_mut() else { return };
        if let Some((provider, location, port, bw)) = from {
            if let Some(used) = table.get_mut(&(provider, location)).and_then(|ports| ports.get_mut(port.saturating_sub(1) as usize)) {
                *used = used.saturating_sub(bw);
            }
        }
        if let Some((provider, location, port, bw)) = to {
            let ports = table.entry((provider, location)).or_default();
            let i = port.saturating_sub(1) as usize;
            if ports.len() <= i {
                ports.resize(i + 1, 0);
            }
            ports[i] += bw;
        }
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
