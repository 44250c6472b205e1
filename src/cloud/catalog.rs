//! The dedicated circuit service provider catalogue: the server's answer of 2015-12-23
//! (SDK session record `CreateFailsIfBandwidthDoesNotExist.json`, entry 1), as static data.
//! It is fixed, so it is not part of the serialized world.

/// Kind of connectivity provider, as the service reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProviderType {
    /// Exchange provider (`IXP`).
    Ixp,
    /// Network service provider (`Telco`).
    Telco,
}

impl ProviderType {
    /// The service's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ProviderType::Ixp => "IXP",
            ProviderType::Telco => "Telco",
        }
    }
}

/// One offered bandwidth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BandwidthOffer {
    /// Mbps.
    pub bandwidth: u32,
    /// Display label, e.g. `1Gbps`.
    pub label: &'static str,
}

/// One catalogue entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceProvider {
    /// Canonical name, e.g. `Equinix`.
    pub name: &'static str,
    /// IXP or Telco.
    pub provider_type: ProviderType,
    /// Peering locations, one comma-separated string exactly as the server sent it.
    pub locations: &'static str,
    /// Offered bandwidths in server order.
    pub bandwidths: &'static [BandwidthOffer],
    /// Always `None` in the snapshot; kept because the server sends it.
    pub encapsulation: &'static str,
}

impl ServiceProvider {
    /// The location as spelled by the catalogue, matched case-insensitively.
    pub fn find_location(&self, location: &str) -> Option<&'static str> {
        self.locations.split(',').find(|l| l.eq_ignore_ascii_case(location.trim()))
    }

    /// Whether this provider offers `bandwidth` Mbps.
    pub fn offers(&self, bandwidth: u32) -> bool {
        self.bandwidths.iter().any(|b| b.bandwidth == bandwidth)
    }
}

const fn offer(bandwidth: u32, label: &'static str) -> BandwidthOffer {
    BandwidthOffer { bandwidth, label }
}

const ALL: &[BandwidthOffer] = &[
    offer(50, "50Mbps"),
    offer(100, "100Mbps"),
    offer(200, "200Mbps"),
    offer(500, "500Mbps"),
    offer(1000, "1Gbps"),
    offer(2000, "2Gbps"),
    offer(5000, "5Gbps"),
    offer(10000, "10Gbps"),
];

/// SingTel Domestic is the one provider without 5Gbps in the snapshot.
const NO_5G: &[BandwidthOffer] = &[
    offer(50, "50Mbps"),
    offer(100, "100Mbps"),
    offer(200, "200Mbps"),
    offer(500, "500Mbps"),
    offer(1000, "1Gbps"),
    offer(2000, "2Gbps"),
    offer(10000, "10Gbps"),
];

const fn provider(name: &'static str, provider_type: ProviderType, locations: &'static str, bandwidths: &'static [BandwidthOffer]) -> ServiceProvider {
    ServiceProvider { name, provider_type, locations, bandwidths, encapsulation: "None" }
}

/// All providers in server order (alphabetical, case-insensitive).
pub static PROVIDERS: &[ServiceProvider] = &[
    provider("Aryaka Networks", ProviderType::Ixp, "Amsterdam,Silicon Valley,Singapore,Washington DC", ALL),
    provider("AT&T", ProviderType::Telco, "Silicon Valley,Washington DC", ALL),
    provider("AT&T Netbond", ProviderType::Telco, "Amsterdam,Dallas,London,Silicon Valley,Singapore,Washington DC", ALL),
    provider("British Telecom", ProviderType::Telco, "Amsterdam,London,Hong Kong,Silicon Valley,Singapore,Tokyo,Washington DC", ALL),
    provider("China Telecom Global", ProviderType::Telco, "Hong Kong", ALL),
    provider("Colt Ethernet", ProviderType::Ixp, "Amsterdam,London", ALL),
    provider("Colt IPVPN", ProviderType::Telco, "Amsterdam,London", ALL),
    provider("Comcast", ProviderType::Ixp, "Silicon Valley,Washington DC", ALL),
    provider("Coresite", ProviderType::Ixp, "Los Angeles", ALL),
    provider("Equinix", ProviderType::Ixp, "Amsterdam,Atlanta,Chicago,Dallas,Hong Kong,London,Los Angeles,Melbourne,New York,Osaka,Sao Paulo,Seattle,Silicon Valley,Singapore,Sydney,Tokyo,Washington DC", ALL),
    provider("EuNetworks", ProviderType::Ixp, "Amsterdam", ALL),
    provider("IIJ", ProviderType::Telco, "Osaka,Tokyo", ALL),
    provider("InterCloud", ProviderType::Ixp, "London,Singapore,Washington DC,Amsterdam", ALL),
    provider("Internet Solutions – Cloud Connect", ProviderType::Telco, "London,Amsterdam", ALL),
    provider("Interxion", ProviderType::Ixp, "Amsterdam", ALL),
    provider("Level 3 Communications - Exchange", ProviderType::Ixp, "Amsterdam,Chicago,Dallas,London,Seattle,Silicon Valley,Washington DC", ALL),
    provider("Level 3 Communications - IPVPN", ProviderType::Telco, "Amsterdam,Chicago,Dallas,London,Seattle,Silicon Valley,Washington DC", ALL),
    provider("Megaport", ProviderType::Ixp, "Melbourne,Sydney", ALL),
    provider("MTN", ProviderType::Telco, "London", ALL),
    provider("NEXTDC", ProviderType::Ixp, "Melbourne,Sydney", ALL),
    provider("NTT Communications", ProviderType::Telco, "Tokyo", ALL),
    provider("Orange", ProviderType::Telco, "Amsterdam,Hong Kong,London,Silicon Valley,Singapore,Washington DC", ALL),
    provider("PCCW Global Limited", ProviderType::Telco, "Hong Kong", ALL),
    provider("SingTel Domestic", ProviderType::Telco, "Singapore", NO_5G),
    provider("SingTel International", ProviderType::Telco, "Singapore", ALL),
    provider("Tata Communications", ProviderType::Telco, "Amsterdam,Chennai,Hong Kong,London,Mumbai,Silicon Valley,Singapore,Washington DC", ALL),
    provider("TeleCity Group", ProviderType::Ixp, "Amsterdam,London", ALL),
    provider("Telstra Corporation", ProviderType::Telco, "Melbourne,Sydney", ALL),
    provider("Verizon", ProviderType::Telco, "Amsterdam,Hong Kong,London,Silicon Valley,Sydney,Washington DC", ALL),
    provider("Vodafone", ProviderType::Telco, "London", ALL),
    provider("Zayo Group", ProviderType::Ixp, "Chicago,Los Angeles,New York,Silicon Valley,Washington DC", ALL),
];

/// Case-insensitive lookup by name (the server accepted `Equinix` and `equinix`).
pub fn find_provider(name: &str) -> Option<&'static ServiceProvider> {
    PROVIDERS.iter().find(|p| p.name.eq_ignore_ascii_case(name.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_matches_the_snapshot() {
        assert_eq!(PROVIDERS.len(), 31);
        let ixps = PROVIDERS.iter().filter(|p| p.provider_type == ProviderType::Ixp).count();
        assert_eq!(ixps, 13);
        let sorted = PROVIDERS.windows(2).all(|w| w[0].name.to_lowercase() <= w[1].name.to_lowercase());
        assert!(sorted, "server order is alphabetical, case-insensitive");
        assert!(PROVIDERS.iter().all(|p| p.encapsulation == "None"));
    }

    #[test]
    fn lookup_is_case_insensitive() {
        assert_eq!(find_provider("equinix").map(|p| p.name), Some("Equinix"));
        assert_eq!(find_provider("at&t").map(|p| p.name), Some("AT&T"));
        assert!(find_provider("provider3211").is_none());
        let dash = find_provider("Internet Solutions \u{2013} Cloud Connect");
        assert!(dash.is_some(), "the name uses an en dash");
    }

    #[test]
    fn equinix_locations_and_bandwidths() {
        let eq = find_provider("Equinix").unwrap();
        assert_eq!(eq.provider_type.as_str(), "IXP");
        assert_eq!(
            eq.locations,
            "Amsterdam,Atlanta,Chicago,Dallas,Hong Kong,London,Los Angeles,Melbourne,New York,Osaka,Sao Paulo,Seattle,Silicon Valley,Singapore,Sydney,Tokyo,Washington DC"
        );
        assert_eq!(eq.find_location("silicon valley"), Some("Silicon Valley"));
        assert_eq!(eq.find_location("location9062"), None);
        assert!(eq.offers(50) && eq.offers(10000) && !eq.offers(999));
        assert_eq!(eq.bandwidths[4].label, "1Gbps");
    }

    #[test]
    fn singtel_domestic_lacks_5gbps() {
        let s = find_provider("SingTel Domestic").unwrap();
        assert!(!s.offers(5000) && s.offers(2000) && s.offers(10000));
        assert!(find_provider("SingTel International").unwrap().offers(5000));
    }
}
