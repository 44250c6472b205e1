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
    pub community_name: &'static str,
    pub community_value: &'static str,
    /// `Global` for all of them, as the help's example and the captures have it.
    pub service_supported_region: &'static str,
    pub community_prefixes: &'static [&'static str],
    /// False for Office 365's communities, which the service grants only to authorized
    /// customers; true for Azure's (the 2023 capture, see `docs/fidelity-cloud.md`).
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

/// One service of the catalogue: its resource name (also its `serviceName`) and its
/// communities (a service with IPv6 routes has a second community of the same value).
struct Service {
    name: &'static str,
    communities: &'static [BgpCommunity],
}

const fn community(name: &'static str, value: &'static str, group: &'static str, prefixes: &'static [&'static str]) -> BgpCommunity {
    let office = matches!(group.as_bytes(), b"O365");
    BgpCommunity {
        community_name: name,
        community_value: value,
        service_supported_region: "Global",
        community_prefixes: prefixes,
        is_authorized_to_use: !office,
        service_group: group,
    }
}

/// A region's service: `AzureCentralIndia` with the community `Azure Central India`.
const fn region(name: &'static str, communities: &'static [BgpCommunity]) -> Service {
    Service { name, communities }
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

/// Exchange's communities as a 2023 capture of Get-AzBgpServiceCommunity prints them.
const EXCHANGE: &[&str] = &[
    "13.107.6.152/31",
    "13.107.18.10/31",
    "13.107.128.0/22",
    "23.103.160.0/20",
    "40.92.0.0/15",
    "40.96.0.0/13",
    "40.104.0.0/15",
    "40.107.0.0/16",
    "52.96.0.0/14",
    "52.100.0.0/14",
    "52.238.78.88/32",
    "104.47.0.0/17",
    "131.253.33.215/32",
    "132.245.0.0/16",
    "150.171.32.0/22",
    "204.79.197.215/32",
    "13.107.128.0/24",
    "13.107.129.0/24",
    "150.171.32.0/24",
    "150.171.34.0/24",
    "150.171.35.0/24",
    "52.96.38.0/24",
];
const EXCHANGE_V6: &[&str] = &[
    "2603:1006::/40",
    "2603:1016::/36",
    "2603:1026::/36",
    "2603:1036::/36",
    "2603:1046::/36",
    "2603:1056::/36",
    "2620:1ec:4::152/128",
    "2620:1ec:4::153/128",
    "2620:1ec:c::10/128",
    "2620:1ec:c::11/128",
    "2620:1ec:d::10/128",
    "2620:1ec:d::11/128",
    "2620:1ec:8f0::/46",
    "2620:1ec:900::/46",
    "2620:1ec:a92::152/128",
    "2620:1ec:a92::153/128",
    "2a01:111:f400::/48",
    "2a01:111:f403::/48",
];
/// The ExpressRoute-routable ranges of Microsoft 365's endpoint list: SharePoint (ID 31),
/// Teams and Skype for Business (IDs 11 and 12), and the common services (IDs 46, 56, 64,
/// after the capture's first five).
const SHAREPOINT: &[&str] = &["13.107.136.0/22", "40.108.128.0/17", "52.104.0.0/14", "104.146.128.0/17", "150.171.40.0/22"];
const SHAREPOINT_V6: &[&str] = &["2603:1061:1300::/40", "2603:1063:6000::/35", "2620:1ec:8f8::/46", "2620:1ec:908::/46", "2a01:111:f402::/48"];
const SKYPE: &[&str] = &["52.112.0.0/14", "52.122.0.0/15"];
const SKYPE_V6: &[&str] = &["2603:1027::/48", "2603:1037::/48", "2603:1047::/48", "2603:1057::/48", "2603:1063::/38", "2620:1ec:6::/48", "2620:1ec:40::/42"];
const OTHER_OFFICE: &[&str] = &[
    "13.107.6.171/32",
    "13.107.6.192/32",
    "13.107.9.192/32",
    "13.107.18.15/32",
    "13.107.140.6/32",
    "52.108.0.0/14",
    "52.244.37.168/32",
    "20.20.32.0/19",
    "20.190.128.0/18",
    "20.231.128.0/19",
    "40.126.0.0/18",
];
/// Azure Storage in Japan East, as the same capture prints it.
const STORAGE_JAPAN_EAST: &[&str] = &[
    "13.73.8.16/28",
    "13.73.8.32/28",
    "20.38.116.0/23",
    "20.60.172.0/23",
    "20.60.248.0/23",
    "20.150.85.0/24",
    "20.150.105.0/24",
    "20.209.22.0/23",
    "20.209.170.0/23",
    "20.209.234.0/23",
    "23.98.57.64/26",
    "40.115.169.32/28",
    "40.115.175.16/28",
    "40.115.175.32/28",
    "40.115.227.80/28",
    "40.115.229.16/28",
    "40.115.229.32/28",
    "40.115.231.64/27",
    "40.115.231.112/28",
    "40.115.231.128/28",
    "52.239.144.0/23",
];

/// The catalogue, regions first, in the docs' table order.
const CATALOGUE: &[Service] = &[
    region("AzureEastUS", &[community("Azure East US", "12076:51004", "Azure", &[])]),
    region("AzureEastUS2", &[community("Azure East US 2", "12076:51005", "Azure", &[])]),
    region("AzureWestUS", &[community("Azure West US", "12076:51006", "Azure", &[])]),
    region("AzureWestUS2", &[community("Azure West US 2", "12076:51026", "Azure", &[])]),
    region("AzureWestCentralUS", &[community("Azure West Central US", "12076:51027", "Azure", &[])]),
    region("AzureNorthCentralUS", &[community("Azure North Central US", "12076:51007", "Azure", &[])]),
    region("AzureSouthCentralUS", &[community("Azure South Central US", "12076:51008", "Azure", &[])]),
    region("AzureCentralUS", &[community("Azure Central US", "12076:51009", "Azure", &[])]),
    region("AzureCanadaCentral", &[community("Azure Canada Central", "12076:51020", "Azure", &[])]),
    region("AzureCanadaEast", &[community("Azure Canada East", "12076:51021", "Azure", &[])]),
    region("AzureBrazilSouth", &[community("Azure Brazil South", "12076:51014", "Azure", &[])]),
    region("AzureNorthEurope", &[community("Azure North Europe", "12076:51003", "Azure", &[])]),
    region("AzureWestEurope", &[community("Azure West Europe", "12076:51002", "Azure", &[])]),
    region("AzureUKSouth", &[community("Azure UK South", "12076:51024", "Azure", &[])]),
    region("AzureUKWest", &[community("Azure UK West", "12076:51025", "Azure", &[])]),
    region("AzureFranceCentral", &[community("Azure France Central", "12076:51030", "Azure", &[])]),
    region("AzureFranceSouth", &[community("Azure France South", "12076:51031", "Azure", &[])]),
    region("AzureEastAsia", &[community("Azure East Asia", "12076:51010", "Azure", &[])]),
    region("AzureSoutheastAsia", &[community("Azure Southeast Asia", "12076:51011", "Azure", &[])]),
    region("AzureJapanEast", &[community("Azure Japan East", "12076:51012", "Azure", &[])]),
    region("AzureJapanWest", &[community("Azure Japan West", "12076:51013", "Azure", &[])]),
    region("AzureAustraliaEast", &[community("Azure Australia East", "12076:51015", "Azure", &[])]),
    region("AzureAustraliaSoutheast", &[community("Azure Australia Southeast", "12076:51016", "Azure", &[])]),
    region("AzureAustraliaCentral", &[community("Azure Australia Central", "12076:51032", "Azure", &[])]),
    region("AzureAustraliaCentral2", &[community("Azure Australia Central 2", "12076:51033", "Azure", &[])]),
    region("AzureSouthIndia", &[community("Azure South India", "12076:51019", "Azure", &[])]),
    region("AzureWestIndia", &[community("Azure West India", "12076:51018", "Azure", &[])]),
    region("AzureCentralIndia", &[community("Azure Central India", "12076:51017", "Azure", CENTRAL_INDIA)]),
    region("AzureKoreaSouth", &[community("Azure Korea South", "12076:51028", "Azure", &[])]),
    region("AzureKoreaCentral", &[community("Azure Korea Central", "12076:51029", "Azure", &[])]),
    region("AzureStorageJapanEast", &[community("Azure Storage Japan East", "12076:52012", "AzureStorage", STORAGE_JAPAN_EAST)]),
    Service {
        name: "Exchange",
        communities: &[community("Exchange", "12076:5010", "O365", EXCHANGE), community("Exchange IPv6", "12076:5010", "O365", EXCHANGE_V6)],
    },
    Service {
        name: "SharePoint",
        communities: &[community("SharePoint", "12076:5020", "O365", SHAREPOINT), community("SharePoint IPv6", "12076:5020", "O365", SHAREPOINT_V6)],
    },
    Service {
        name: "SkypeForBusiness",
        communities: &[community("Skype For Business", "12076:5030", "O365", SKYPE), community("Skype For Business IPv6", "12076:5030", "O365", SKYPE_V6)],
    },
    Service { name: "CRMOnline", communities: &[community("CRM Online", "12076:5040", "CRMOnline", &[])] },
    Service { name: "AzureGlobalServices", communities: &[community("Azure Global Services", "12076:5050", "Azure", &[])] },
    Service { name: "OtherOffice365Services", communities: &[community("Other Office 365 Services", "12076:5100", "O365", OTHER_OFFICE)] },
];

fn all_communities() -> impl Iterator<Item = &'static BgpCommunity> {
    CATALOGUE.iter().flat_map(|s| s.communities.iter())
}

/// The first community of a value (`12076:5010`), if Microsoft tags routes with it.
pub(crate) fn find_community(value: &str) -> Option<&'static BgpCommunity> {
    all_communities().find(|c| c.community_value == value.trim())
}

/// Every prefix Microsoft tags with a value: IPv4 and IPv6 communities alike.
pub(crate) fn prefixes_of(value: &str) -> impl Iterator<Item = &'static str> + '_ {
    all_communities().filter(move |c| c.community_value == value.trim()).flat_map(|c| c.community_prefixes.iter().copied())
}

/// Every prefix Microsoft advertises on Microsoft peering, each community's in turn.
pub(crate) fn all_service_prefixes() -> impl Iterator<Item = &'static str> {
    all_communities().flat_map(|c| c.community_prefixes.iter().copied())
}

impl World {
    /// GET of the subscription's `bgpServiceCommunities`: the same catalogue for everyone,
    /// with the empty subscription and group the service answers in the ids (help example).
    pub fn list_bgp_service_communities(&self, caller: &SubscriptionId) -> CloudResult<Vec<BgpServiceCommunity>> {
        self.caller(caller)?;
        Ok(CATALOGUE
            .iter()
            .map(|s| BgpServiceCommunity {
                name: s.name,
                id: format!("/subscriptions//resourceGroups//providers/Microsoft.Network/bgpServiceCommunities/{}", s.name),
                service_name: s.name,
                communities: s.communities.to_vec(),
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_the_documented_ones_and_unique() {
        assert_eq!(find_community("12076:5010").map(|c| c.community_name), Some("Exchange"));
        assert_eq!(find_community(" 12076:51017").map(|c| c.community_name), Some("Azure Central India"));
        assert!(find_community("12076:9999").is_none() && find_community("65000:100").is_none());
        // A value belongs to one service; its IPv6 community shares it.
        let mut values: Vec<&str> = CATALOGUE.iter().map(|s| s.communities[0].community_value).collect();
        values.sort_unstable();
        values.dedup();
        assert_eq!(values.len(), CATALOGUE.len());
        assert!(CATALOGUE.iter().all(|s| s.communities.iter().all(|c| c.community_value == s.communities[0].community_value)));
        assert!(prefixes_of("12076:5010").any(|p| p == "2a01:111:f403::/48"));
        assert!(!find_community("12076:5020").unwrap().is_authorized_to_use && find_community("12076:52012").unwrap().is_authorized_to_use);
        assert!(all_service_prefixes().any(|p| p == "52.172.128.0/17"));
    }
}
