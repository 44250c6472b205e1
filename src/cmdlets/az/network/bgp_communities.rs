//! Get-AzBgpServiceCommunity: the BGP communities of Microsoft's services and regions that
//! route filters take (`cloud::arm::bgp_communities`), as `PSBgpServiceCommunity` objects
//! holding `PSBgpCommunity` lists, with their list views (Network.format.ps1xml @03711f49).

use crate::cloud::arm::{BgpCommunity, BgpServiceCommunity};
use crate::cmdlets::az::{body, default_profile};
use crate::cmdlets::azure::{network_call, Outcome};
use crate::engine::command::{Args, CommandInfo};
use crate::engine::value::{PsObject, Value};
use crate::engine::views::{ColumnValue, TableView, ViewColumn};
use crate::engine::Ctx;

use super::route_filters::list_of;
use super::{json, CLASS};

pub const SERVICE_COMMUNITY: &str = "Microsoft.Azure.Commands.Network.Models.PSBgpServiceCommunity";
const COMMUNITY: &str = "Microsoft.Azure.Commands.Network.Models.PSBgpCommunity";
const COMMUNITIES: &str = "System.Collections.Generic.List[Microsoft.Azure.Commands.Network.Models.PSBgpCommunity]";

pub fn commands(module: &str) -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet("Get-AzBgpServiceCommunity", module, &format!("{CLASS}GetAzureBgpServiceCommunityCommand"), body!(get_communities))
        .param(default_profile())
        .outputs(SERVICE_COMMUNITY)
        .synopsis("Gets the BGP community values of Microsoft's services and regions.")
        .description("Every service and Azure region Microsoft advertises over Microsoft peering, with its BGP community value and prefixes: the values a route filter rule lists.")
        .example(
            "The communities of Exchange",
            "Get-AzBgpServiceCommunity | Where-Object Name -eq 'Exchange' | Select-Object -ExpandProperty BgpCommunities | Select-Object CommunityName, CommunityValue",
            "Exchange 12076:5010, Exchange IPv6 12076:5010",
        )]
}

fn community(c: &BgpCommunity) -> Value {
    let mut o = PsObject::typed(COMMUNITY);
    o.add_typed("ServiceSupportedRegion", "string", Value::str(c.service_supported_region));
    o.add_typed("CommunityName", "string", Value::str(c.community_name));
    o.add_typed("CommunityValue", "string", Value::str(c.community_value));
    o.add_typed(
        "CommunityPrefixes",
        "System.Collections.Generic.List[string]",
        list_of("string", c.community_prefixes.iter().map(|p| Value::str(*p)).collect()),
    );
    o.add_typed("IsAuthorizedToUse", "bool", Value::Bool(c.is_authorized_to_use));
    o.add_typed("ServiceGroup", "string", Value::str(c.service_group));
    Value::object(o)
}

fn service_community(s: &BgpServiceCommunity) -> Value {
    let mut o = PsObject::typed(SERVICE_COMMUNITY);
    o.add_typed("Name", "string", Value::str(s.name));
    o.add_typed("Id", "string", Value::str(&s.id));
    o.add_typed("Type", "string", Value::str("Microsoft.Network/bgpServiceCommunities"));
    o.add_typed("ServiceName", "string", Value::str(s.service_name));
    o.add_typed("BgpCommunities", COMMUNITIES, list_of(COMMUNITY, s.communities.iter().map(community).collect()));
    Value::object(o)
}

fn get_communities(ctx: &mut Ctx, _args: &Args) -> Outcome {
    let all = network_call(ctx, |w, sub| Ok(w.list_bgp_service_communities(sub)?))?;
    ctx.emit_all(all.iter().map(service_community).collect())?;
    Ok(())
}

/// The two list views; `BgpCommunities` and `CommunityPrefixes` print as their JSON text.
pub fn views() -> Vec<TableView> {
    let prop = |name: &'static str| ViewColumn::property(name, 0);
    let computed = |label: &'static str, f: fn(&Value) -> String| ViewColumn { label, value: ColumnValue::Computed(f), ..ViewColumn::property(label, 0) };
    let service = vec![prop("Name"), prop("Id"), prop("Type"), computed("BgpCommunities", |v| json::member(v, "BgpCommunities"))];
    let community = vec![
        prop("ServiceSupportedRegion"),
        prop("CommunityName"),
        prop("CommunityValue"),
        computed("CommunityPrefixes", |v| json::member(v, "CommunityPrefixes")),
        prop("IsAuthorizedToUse"),
        prop("ServiceGroup"),
    ];
    vec![TableView { list: true, ..TableView::new(SERVICE_COMMUNITY, service) }, TableView { list: true, ..TableView::new(COMMUNITY, community) }]
}
