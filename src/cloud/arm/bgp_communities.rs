//! The BGP communities Microsoft tags its Microsoft-peering routes with (GET
//! `providers/Microsoft.Network/bgpServiceCommunities`, Get-AzBgpServiceCommunity): one
//! per Azure region and one per service. Names and values are the tables of the Azure docs
//! page "ExpressRoute routing requirements" (MicrosoftDocs/azure-docs
//! `articles/expressroute/expressroute-routing.md` @027780ff, "BGP community values"); the
//! object layout is the help's example (Az 16.2 Get-AzBgpServiceCommunity). Route filters
//! take these values, and they decide which of Microsoft's prefixes a Microsoft peering
//! receives. The prefix lists are only those a source gave: see `docs/fidelity-cloud.md`.

use crate::cloud::errors::CloudResult;
use crate::cloud::world::{SubscriptionId, World};

/// One community of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BgpCommunity {
    /// The resource's name (`AzureCentralIndia`), also its `serviceName`.
    pub service: &'static str,
    pub community_name: &'static str,
    pub community_value: &'static str,
    /// `Global` for all of them, as the help's example has it.
    pub service_supported_region: &'static str,
    pub community_prefixes: &'static [&'static str],
    pub is_authorized_to_use: bool,
    pub service_group: &'static str,
}

/// A `bgpServiceCommunity` resource as the service answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BgpServiceCommunity {
    pub name: &'static str,
    pub id: String,
    pub service_name: &'static str,
    pub communities: Vec<BgpCommunity>,
}

const fn community(
    service: &'static str,
    community_name: &'static str,
    value: &'static str,
    group: &'static str,
    prefixes: &'static [&'static str],
) -> BgpCommunity {
    BgpCommunity {
        service,
        community_name,
        community_value: value,
        service_supported_region: "Global",
        community_prefixes: prefixes,
        is_authorized_to_use: true,
        service_group: group,
    }
}

/// Azure Central India's prefixes, as the help's example lists them.
const CENTRAL_INDIA: &[&str] = &[
    "13.71.0.0/18",
    "20.190.146.0/25",
    "40.79.214.0/24",
    "40.81.224.0/19",
    "40.87.224.0/22",
    "40.112.39.0/25",
    "40.112.39.128/26",
    "40.126.18.0/25",
    "52.136.24.0/24",
    "52.140.64.0/18",
    "52.159.64.0/19",
    "52.172.128.0/17",
    "52.239.135.64/26",
    "52.239.202.0/24",
    "52.245.96.0/22",
    "52.253.168.0/22",
    "104.47.210.0/23",
    "104.211.64.0/20",
    "104.211.81.0/24",
    "104.211.82.0/23",
    "104.211.84.0/22",
    "104.211.88.0/21",
    "104.211.96.0/19",
];

/// Exchange Online's, SharePoint Online's and Skype for Business Online's IPv4 ranges of
/// Microsoft's published Office 365 endpoint list (recalled, not a stored copy), and
/// `www.office.com`'s range for the other Office 365 services.
const EXCHANGE: &[&str] =
    &["13.107.6.152/31", "13.107.18.10/31", "13.107.128.0/22", "23.103.160.0/20", "40.96.0.0/13", "40.104.0.0/15", "52.96.0.0/14", "132.245.0.0/16"];
const SHAREPOINT: &[&str] = &["13.107.136.0/22", "40.108.128.0/17", "52.104.0.0/14", "104.146.128.0/17"];
const SKYPE: &[&str] = &["13.107.64.0/18", "52.112.0.0/14", "52.122.0.0/15"];
const OTHER_OFFICE: &[&str] = &["52.108.0.0/14"];

/// The catalogue, regions first, in the docs' table order.
const CATALOGUE: &[BgpCommunity] = &[
    community("AzureEastUS", "Azure East US", "12076:51004", "Azure", &[]),
    community("AzureEastUS2", "Azure East US 2", "12076:51005", "Azure", &[]),
    community("AzureWestUS", "Azure West US", "12076:51006", "Azure", &[]),
    community("AzureWestUS2", "Azure West US 2", "12076:51026", "Azure", &[]),
    community("AzureWestCentralUS", "Azure West Central US", "12076:51027", "Azure", &[]),
    community("AzureNorthCentralUS", "Azure North Central US", "12076:51007", "Azure", &[]),
    community("AzureSouthCentralUS", "Azure South Central US", "12076:51008", "Azure", &[]),
    community("AzureCentralUS", "Azure Central US", "12076:51009", "Azure", &[]),
    community("AzureCanadaCentral", "Azure Canada Central", "12076:51020", "Azure", &[]),
    community("AzureCanadaEast", "Azure Canada East", "12076:51021", "Azure", &[]),
    community("AzureBrazilSouth", "Azure Brazil South", "12076:51014", "Azure", &[]),
    community("AzureNorthEurope", "Azure North Europe", "12076:51003", "Azure", &[]),
    community("AzureWestEurope", "Azure West Europe", "12076:51002", "Azure", &[]),
    community("AzureUKSouth", "Azure UK South", "12076:51024", "Azure", &[]),
    community("AzureUKWest", "Azure UK West", "12076:51025", "Azure", &[]),
    community("AzureFranceCentral", "Azure France Central", "12076:51030", "Azure", &[]),
    community("AzureFranceSouth", "Azure France South", "12076:51031", "Azure", &[]),
    community("AzureEastAsia", "Azure East Asia", "12076:51010", "Azure", &[]),
    community("AzureSoutheastAsia", "Azure Southeast Asia", "12076:51011", "Azure", &[]),
    community("AzureJapanEast", "Azure Japan East", "12076:51012", "Azure", &[]),
    community("AzureJapanWest", "Azure Japan West", "12076:51013", "Azure", &[]),
    community("AzureAustraliaEast", "Azure Australia East", "12076:51015", "Azure", &[]),
    community("AzureAustraliaSoutheast", "Azure Australia Southeast", "12076:51016", "Azure", &[]),
    community("AzureAustraliaCentral", "Azure Australia Central", "12076:51032", "Azure", &[]),
    community("AzureAustraliaCentral2", "Azure Australia Central 2", "12076:51033", "Azure", &[]),
    community("AzureSouthIndia", "Azure South India", "12076:51019", "Azure", &[]),
    community("AzureWestIndia", "Azure West India", "12076:51018", "Azure", &[]),
    community("AzureCentralIndia", "Azure Central India", "12076:51017", "Azure", CENTRAL_INDIA),
    community("AzureKoreaSouth", "Azure Korea South", "12076:51028", "Azure", &[]),
    community("AzureKoreaCentral", "Azure Korea Central", "12076:51029", "Azure", &[]),
    community("ExchangeOnline", "Exchange Online", "12076:5010", "O365", EXCHANGE),
    community("SharePointOnline", "SharePoint Online", "12076:5020", "O365", SHAREPOINT),
    community("SkypeForBusinessOnline", "Skype For Business Online", "12076:5030", "O365", SKYPE),
    community("Dynamics365", "Dynamics 365", "12076:5040", "CRMOnline", &[]),
    community("AzureGlobalServices", "Azure Global Services", "12076:5050", "Azure", &[]),
    community("OtherOffice365Services", "Other Office 365 Online services", "12076:5100", "O365", OTHER_OFFICE),
];

/// The community of a value (`12076:5010`), if Microsoft tags routes with it.
pub(crate) fn find_community(value: &str) -> Option<&'static BgpCommunity> {
    CATALOGUE.iter().find(|c| c.community_value == value.trim())
}

/// Every prefix Microsoft advertises on Microsoft peering, each community's in turn.
pub(crate) fn all_service_prefixes() -> impl Iterator<Item = &'static str> {
    CATALOGUE.iter().flat_map(|c| c.community_prefixes.iter().copied())
}

impl World {
    /// GET of the subscription's `bgpServiceCommunities`: the same catalogue for everyone,
    /// with the empty subscription and group the service answers in the ids (help example).
    pub fn list_bgp_service_communities(&self, caller: &SubscriptionId) -> CloudResult<Vec<BgpServiceCommunity>> {
        self.caller(caller)?;
        Ok(CATALOGUE
            .iter()
            .map(|c| BgpServiceCommunity {
                name: c.service,
                id: format!("/subscriptions//resourceGroups//providers/Microsoft.Network/bgpServiceCommunities/{}", c.service),
                service_name: c.service,
                communities: vec![c.clone()],
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_the_documented_ones_and_unique() {
        assert_eq!(find_community("12076:5010").map(|c| c.community_name), Some("Exchange Online"));
        assert_eq!(find_community(" 12076:51017").map(|c| c.service), Some("AzureCentralIndia"));
        assert!(find_community("12076:9999").is_none() && find_community("65000:100").is_none());
        let mut values: Vec<&str> = CATALOGUE.iter().map(|c| c.community_value).collect();
        values.sort_unstable();
        values.dedup();
        assert_eq!(values.len(), CATALOGUE.len());
        assert!(all_service_prefixes().any(|p| p == "52.172.128.0/17"));
    }
}
