//! Which provider ports have room: an index of the bandwidth in use per port, built from
//! the circuits on first use and then kept up to date as circuits take, change and free
//! ports, so provisioning and upgrades cost the same in a world of ten circuits or ten
//! thousand. Never saved: it is derived data.

use std::collections::HashMap;

/// One circuit's hold on a port: provider, location, port number, Mbps.
pub(crate) type PortClaim = (String, String, u32, u32);

/// Mbps in use per port (index 0 is port 1), per provider and location; a (provider,
/// location) pair is counted from the circuits the first time an operation needs it.
#[derive(Default)]
pub(crate) struct PortIndex(HashMap<(String, String), Vec<u32>>);

impl PortIndex {
    /// Records that a circuit's hold on a port changed from `from` to `to` (either may be
    /// none). A pair not counted yet needs nothing: it will be counted from the circuits as
    /// they are then. A freed port stays in the table at zero, which first fit treats as the
    /// free port it is.
    pub(crate) fn transfer(&mut self, from: Option<PortClaim>, to: Option<PortClaim>) {
        if let Some((provider, location, port, bw)) = from {
            if let Some(used) = self.0.get_mut(&(provider, location)).and_then(|ports| ports.get_mut(port.saturating_sub(1) as usize)) {
                *used = used.saturating_sub(bw);
            }
        }
        if let Some((provider, location, port, bw)) = to {
            if let Some(ports) = self.0.get_mut(&(provider, location)) {
                add(ports, port, bw);
            }
        }
    }

    /// The use of `provider`'s ports at `location`, counted from `holds` ((port, Mbps) of
    /// each circuit on them) the first time.
    pub(crate) fn usage(&mut self, provider: &str, location: &str, holds: impl FnOnce() -> Vec<(u32, u32)>) -> &mut Vec<u32> {
        self.0.entry((provider.to_string(), location.to_string())).or_insert_with(|| {
            let mut ports = Vec::new();
            for (port, bw) in holds() {
                add(&mut ports, port, bw);
            }
            ports
        })
    }
}

fn add(ports: &mut Vec<u32>, port: u32, bw: u32) {
    let i = port.saturating_sub(1) as usize;
    if ports.len() <= i {
        ports.resize(i + 1, 0);
    }
    ports[i] += bw;
}

// Derived data takes no part in comparing, copying or printing a world.
impl PartialEq for PortIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Clone for PortIndex {
    fn clone(&self) -> Self {
        PortIndex::default()
    }
}

impl std::fmt::Debug for PortIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PortIndex")
    }
}
