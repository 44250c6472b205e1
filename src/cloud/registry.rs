//! The simulated routing registries (RIRs / IRRs) that Microsoft peering validates its
//! advertised public prefixes against.
//!
//! Workflows doc: the prefixes state must be *configured* for the BGP session to come up;
//! *validation needed* when "the advertised prefixes didn't match the AS number in any of the
//! routing registries"; *manual validation* needs a support ticket with proof of ownership.

use serde::{Deserialize, Serialize};

use super::controls::SimError;
use super::net::Ipv4Prefix;
use super::peering::AdvertisedPublicPrefixesState;
use super::world::World;

/// The registries `-RoutingRegistryName` accepts.
pub const ROUTING_REGISTRIES: &[&str] = &["ARIN", "RIPENCC", "APNIC", "AFRINIC", "LACNIC", "RADB", "ALTDB", "LEVEL3"];

/// The canonical (upper-case) registry name, matched case-insensitively.
pub fn find_registry(name: &str) -> Option<&'static str> {
    ROUTING_REGISTRIES.iter().copied().find(|r| r.eq_ignore_ascii_case(name.trim()))
}

/// One route record: `prefix` is registered to `asn` in `registry`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryEntry {
    /// Canonical registry name, e.g. `ARIN`.
    pub registry: String,
    /// Prefix in canonical form, e.g. `123.0.0.0/24`.
    pub prefix: String,
    /// Origin AS number.
    pub asn: u32,
}

/// All registries' records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct RoutingRegistry {
    entries: Vec<RegistryEntry>,
}

/// Whether one advertised prefix checks out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PrefixVerdict {
    Registered,
    Contradicted,
    Unknown,
}

impl RoutingRegistry {
    /// The most specific record of `registry` covering `prefix`.
    fn covering(&self, registry: Option<&str>, prefix: &Ipv4Prefix) -> Option<(Ipv4Prefix, u32)> {
        self.entries
            .iter()
            .filter(|e| registry.is_none_or(|r| r.eq_ignore_ascii_case(&e.registry)))
            .filter_map(|e| Ipv4Prefix::parse(&e.prefix).map(|p| (p, e.asn)))
            .filter(|(p, _)| p.contains(prefix))
            .max_by_key(|(p, _)| p.len())
    }

    fn verdict(&self, registry: &str, asn: u32, prefix: &Ipv4Prefix) -> PrefixVerdict {
        match self.covering(Some(registry), prefix) {
            Some((_, a)) if a == asn => PrefixVerdict::Registered,
            Some(_) => PrefixVerdict::Contradicted,
            None if self.covering(None, prefix).is_some() => PrefixVerdict::Contradicted,
            None => PrefixVerdict::Unknown,
        }
    }

    /// The state of a Microsoft peering's prefixes: any contradiction ⇒ ValidationNeeded;
    /// else any prefix no registry knows (and support has not approved) ⇒ ManualValidation;
    /// else Configured.
    pub(crate) fn evaluate(&self, registry: &str, asn: u32, prefixes: &[Ipv4Prefix], approved: &[String]) -> AdvertisedPublicPrefixesState {
        let mut state = AdvertisedPublicPrefixesState::Configured;
        for p in prefixes {
            if approved.contains(&p.to_string()) {
                continue;
            }
            match self.verdict(registry, asn, p) {
                PrefixVerdict::Registered => {}
                PrefixVerdict::Contradicted => return AdvertisedPublicPrefixesState::ValidationNeeded,
                PrefixVerdict::Unknown => state = AdvertisedPublicPrefixesState::ManualValidation,
            }
        }
        state
    }
}

impl World {
    /// Simulation control: the records of every registry.
    pub fn registry_entries(&self) -> &[RegistryEntry] {
        &self.registry.entries
    }

    /// Simulation control: registers `prefix` to `asn` in `registry` (replacing a record for the
    /// same prefix there) and re-validates every Microsoft peering.
    pub fn add_registry_entry(&mut self, registry: &str, prefix: &str, asn: u32) -> Result<RegistryEntry, SimError> {
        let registry = find_registry(registry).ok_or_else(|| SimError::UnknownRegistry(registry.to_string()))?;
        let parsed = Ipv4Prefix::parse(prefix).filter(Ipv4Prefix::is_network).ok_or_else(|| SimError::InvalidPrefix(prefix.to_string()))?;
        let entry = RegistryEntry { registry: registry.to_string(), prefix: parsed.to_string(), asn };
        self.registry.entries.retain(|e| !(e.registry == entry.registry && e.prefix == entry.prefix));
        self.registry.entries.push(entry.clone());
        self.revalidate_microsoft_peerings();
        Ok(entry)
    }

    /// Simulation control: removes the record for `prefix` from `registry`; answers whether one
    /// existed. Re-validates every Microsoft peering.
    pub fn remove_registry_entry(&mut self, registry: &str, prefix: &str) -> Result<bool, SimError> {
        let registry = find_registry(registry).ok_or_else(|| SimError::UnknownRegistry(registry.to_string()))?;
        let canonical = Ipv4Prefix::parse(prefix).map(|p| p.to_string()).ok_or_else(|| SimError::InvalidPrefix(prefix.to_string()))?;
        let before = self.registry.entries.len();
        self.registry.entries.retain(|e| !(e.registry == registry && e.prefix == canonical));
        let removed = self.registry.entries.len() != before;
        self.revalidate_microsoft_peerings();
        Ok(removed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use AdvertisedPublicPrefixesState::*;

    fn p(s: &str) -> Ipv4Prefix {
        Ipv4Prefix::parse(s).unwrap()
    }

    fn registry(entries: &[(&str, &str, u32)]) -> RoutingRegistry {
        RoutingRegistry { entries: entries.iter().map(|(r, p, a)| RegistryEntry { registry: r.to_string(), prefix: p.to_string(), asn: *a }).collect() }
    }

    #[test]
    fn registry_names() {
        assert_eq!(find_registry("arin"), Some("ARIN"));
        assert_eq!(find_registry("RipeNcc"), Some("RIPENCC"));
        assert_eq!(find_registry("IANA"), None);
        assert_eq!(ROUTING_REGISTRIES.len(), 8);
    }

    #[test]
    fn evaluation() {
        let r = registry(&[("ARIN", "123.0.0.0/24", 2245), ("RADB", "124.0.0.0/24", 7)]);
        let pre = [p("123.0.0.0/30")];
        assert_eq!(r.evaluate("ARIN", 2245, &pre, &[]), Configured);
        assert_eq!(r.evaluate("ARIN", 1234, &pre, &[]), ValidationNeeded);
        // Known elsewhere but not in the named registry: no match in the named one.
        assert_eq!(r.evaluate("RADB", 2245, &pre, &[]), ValidationNeeded);
        assert_eq!(r.evaluate("ARIN", 2245, &[p("125.0.0.0/30")], &[]), ManualValidation);
        assert_eq!(r.evaluate("ARIN", 2245, &[p("125.0.0.0/30")], &["125.0.0.0/30".into()]), Configured);
        let mixed = [p("123.0.0.0/30"), p("125.0.0.0/30"), p("124.0.0.0/30")];
        assert_eq!(r.evaluate("ARIN", 2245, &mixed, &[]), ValidationNeeded);
    }

    #[test]
    fn most_specific_record_wins() {
        let r = registry(&[("ARIN", "123.0.0.0/8", 1), ("ARIN", "123.0.0.0/24", 2)]);
        assert_eq!(r.evaluate("ARIN", 2, &[p("123.0.0.0/30")], &[]), Configured);
        assert_eq!(r.evaluate("ARIN", 1, &[p("123.1.0.0/30")], &[]), Configured);
    }

    #[test]
    fn entries_are_validated_and_replaced() {
        let mut w = World::new(crate::cloud::world::tests::t0());
        let e = w.add_registry_entry("arin", "123.0.0.0/24", 5).unwrap();
        assert_eq!((e.registry.as_str(), e.prefix.as_str()), ("ARIN", "123.0.0.0/24"));
        w.add_registry_entry("ARIN", "123.0.0.0/24", 6).unwrap();
        assert_eq!(w.registry_entries().len(), 1);
        assert_eq!(w.registry_entries()[0].asn, 6);
        assert_eq!(w.add_registry_entry("IANA", "1.0.0.0/8", 1).unwrap_err(), SimError::UnknownRegistry("IANA".into()));
        assert!(w.add_registry_entry("ARIN", "1.0.0.1/8", 1).is_err());
        assert!(w.remove_registry_entry("ARIN", "123.0.0.0/24").unwrap());
        assert!(!w.remove_registry_entry("ARIN", "123.0.0.0/24").unwrap());
    }
}
