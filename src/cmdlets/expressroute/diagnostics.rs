//! Get-AzureDedicatedCircuitStats and the three peering tables (ARP, route table, route
//! summary). The table cmdlets wrote one string built from the XML the service pointed to:
//! `"\r\n<Title>:\r\n\r\n" + header + "\r\n" + rows + "\r\n"`, every cell `{0,20}`.
//! The host prints `\r\n` as a line end, so the layout survives on any terminal.

use crate::cloud::{BgpPeeringAccessType, DevicePath, PeeringStats};
use crate::cmdlets::azure::{call, guid, Outcome};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::value::{TypeKind, Value};
use crate::engine::Ctx;

use super::enums::{BGP_PEERING_ACCESS_TYPE, DEVICE_PATH};
use super::{er_cmdlet, models, service_key};

const KEY_HELP: &str = "Service Key representing the Dedicated Circuit";

fn table_cmdlet(info: CommandInfo) -> CommandInfo {
    info.param(service_key(KEY_HELP).mandatory())
        .param(
            ParamSpec::enumeration("AccessType", &BGP_PEERING_ACCESS_TYPE).mandatory().by_name().help("Bgp Peering Access Type: Microsoft, Public or Private"),
        )
        .param(ParamSpec::enumeration("Path", &DEVICE_PATH).mandatory().by_name().help("Device Path: Primary or Secondary"))
        .outputs("System.String")
}

pub fn commands() -> Vec<CommandInfo> {
    vec![
        er_cmdlet!("Get-AzureDedicatedCircuitStats", "GetAzureDedicatedCircuitPeeringStatsCommand", get_stats)
            .param(service_key(KEY_HELP).mandatory())
            .param(ParamSpec::new("AccessType", TypeKind::String).by_name().help("Bgp Peering Access Type: Microsoft, Public or Private"))
            .outputs(models::STATS)
            .synopsis("Gets the traffic counters of a circuit.")
            .description("With -AccessType, the counters of that peering; without, the sum over the peerings that exist. An -AccessType that names no peering type writes nothing.")
            .example("Private peering", "New-AzureBGPPeering -ServiceKey $key -PrimaryPeerSubnet '10.0.0.0/30' -SecondaryPeerSubnet '10.0.0.4/30' -PeerAsn 1234 -VlanId 100 | Out-Null\nGet-AzureDedicatedCircuitStats -ServiceKey $key -AccessType Private", "Bytes in and out on both paths."),
        table_cmdlet(er_cmdlet!("Get-AzureDedicatedCircuitPeeringArpInfo", "GetAzureDedicatedCircuitPeeringArpInfoCommand", get_arp))
            .synopsis("Gets the ARP table of a peering on one device.")
            .description("Writes the table as one string, as the module did.")
            .example("Primary device", "Get-AzureDedicatedCircuitPeeringArpInfo -ServiceKey $key -AccessType Private -Path Primary", "The ARP Info: table."),
        table_cmdlet(er_cmdlet!("Get-AzureDedicatedCircuitPeeringRouteTableInfo", "GetAzureDedicatedCircuitPeeringRouteTableInfoCommand", get_routes))
            .synopsis("Gets the BGP route table of a peering on one device.")
            .description("Writes the table as one string, as the module did.")
            .example("Primary device", "Get-AzureDedicatedCircuitPeeringRouteTableInfo -ServiceKey $key -AccessType Private -Path Primary", "The Route Table Info: table."),
        table_cmdlet(er_cmdlet!("Get-AzureDedicatedCircuitPeeringRouteTableSummary", "GetAzureDedicatedCircuitPeeringRouteTableSummaryCommand", get_summary))
            .synopsis("Gets the BGP neighbor summary of a peering on one device.")
            .description("Writes the table as one string, as the module did.")
            .example("Primary device", "Get-AzureDedicatedCircuitPeeringRouteTableSummary -ServiceKey $key -AccessType Private -Path Primary", "The Route Table Summary: table."),
    ]
}

/// No `-AccessType`: the sum over the three peerings, skipping those that fail. An
/// unparseable one (`Enum.TryParse` false): nothing at all.
fn get_stats(ctx: &mut Ctx, args: &Args) -> Outcome {
    let key = guid(args, "ServiceKey").unwrap_or_default();
    let stats = match args.string("AccessType") {
        Some(text) => match BGP_PEERING_ACCESS_TYPE.parse(&text).and_then(|(name, _)| BgpPeeringAccessType::parse(name)) {
            Some(access) => call(ctx, args, |w, sub| Ok(w.peering_stats(sub, &key, access)?))?,
            None => return Ok(()),
        },
        None => call(ctx, args, |w, sub| {
            Ok(BgpPeeringAccessType::ALL.iter().filter_map(|a| w.peering_stats(sub, &key, *a).ok()).fold(PeeringStats::default(), |s, p| PeeringStats {
                primary_bytes_in: s.primary_bytes_in + p.primary_bytes_in,
                primary_bytes_out: s.primary_bytes_out + p.primary_bytes_out,
                secondary_bytes_in: s.secondary_bytes_in + p.secondary_bytes_in,
                secondary_bytes_out: s.secondary_bytes_out + p.secondary_bytes_out,
            }))
        })?,
    };
    ctx.emit(models::stats(&stats))?;
    Ok(())
}

fn peering_and_path(args: &Args) -> (BgpPeeringAccessType, DevicePath) {
    let access = args.string("AccessType").and_then(|a| BgpPeeringAccessType::parse(&a)).unwrap_or(BgpPeeringAccessType::Private);
    let path = args.string("Path").and_then(|p| DevicePath::parse(&p)).unwrap_or(DevicePath::Primary);
    (access, path)
}

/// The module's string: header = the first row's element names, each row its values.
fn layout(title: &str, columns: &[&str], rows: &[Vec<String>]) -> String {
    let cell = |s: &str| format!("{s:>20}");
    let mut out = format!("\r\n{title}:\r\n\r\n");
    if !rows.is_empty() {
        out.extend(columns.iter().map(|c| cell(c)));
    }
    out.push_str("\r\n");
    for row in rows {
        out.extend(row.iter().map(|v| cell(v)));
        out.push_str("\r\n");
    }
    out.push_str("\r\n");
    out
}

fn get_arp(ctx: &mut Ctx, args: &Args) -> Outcome {
    let key = guid(args, "ServiceKey").unwrap_or_default();
    let (access, path) = peering_and_path(args);
    let rows = call(ctx, args, |w, sub| Ok(w.arp_table(sub, &key, access, path)?))?;
    let rows: Vec<Vec<String>> = rows.into_iter().map(|r| vec![r.age.to_string(), r.interface, r.ip_address, r.mac_address]).collect();
    ctx.emit(Value::str(layout("ARP Info", &["Age", "Interface", "IpAddress", "MacAddress"], &rows)))?;
    Ok(())
}

fn get_routes(ctx: &mut Ctx, args: &Args) -> Outcome {
    let key = guid(args, "ServiceKey").unwrap_or_default();
    let (access, path) = peering_and_path(args);
    let rows = call(ctx, args, |w, sub| Ok(w.route_table(sub, &key, access, path)?))?;
    let rows: Vec<Vec<String>> = rows.into_iter().map(|r| vec![r.network, r.next_hop, r.loc_prf, r.weight.to_string(), r.path]).collect();
    ctx.emit(Value::str(layout("Route Table Info", &["Network", "NextHop", "LocPrf", "Weight", "Path"], &rows)))?;
    Ok(())
}

fn get_summary(ctx: &mut Ctx, args: &Args) -> Outcome {
    let key = guid(args, "ServiceKey").unwrap_or_default();
    let (access, path) = peering_and_path(args);
    let rows = call(ctx, args, |w, sub| Ok(w.route_table_summary(sub, &key, access, path)?))?;
    let rows: Vec<Vec<String>> = rows.into_iter().map(|r| vec![r.neighbor, r.version.to_string(), r.asn.to_string(), r.up_down, r.state_pfx_rcd]).collect();
    ctx.emit(Value::str(layout("Route Table Summary", &["Neighbor", "V", "AS", "UpDown", "StatePfxRcd"], &rows)))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_right_aligns_every_cell_in_twenty_columns() {
        let s = layout("ARP Info", &["Age", "Interface"], &[vec!["0".into(), "Microsoft".into()]]);
        assert_eq!(s, format!("\r\nARP Info:\r\n\r\n{:>20}{:>20}\r\n{:>20}{:>20}\r\n\r\n", "Age", "Interface", "0", "Microsoft"));
        assert_eq!(layout("ARP Info", &["Age"], &[]), "\r\nARP Info:\r\n\r\n\r\n\r\n");
    }
}
