//! Set-ErSimCustomerRoute: the prefixes the customer's routers announce over a peering, which
//! the route table and route summary diagnostics show.

use crate::cloud::BgpPeeringAccessType;
use crate::cmdlets::azure::completers;
use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::value::{TypeKind, Value};
use crate::engine::{Ctx, EvalResult};

use super::{as_caller, info};

pub fn commands() -> Vec<CommandInfo> {
    vec![info("Set-ErSimCustomerRoute", || Box::new(SetRoutes))
        .param(ParamSpec::new("ServiceKey", TypeKind::Guid).mandatory().by_name().help("The circuit.").complete_with(completers::service_keys()))
        .param(ParamSpec::new("AccessType", TypeKind::String).set(&["Private", "Public"]).help("The peering (default Private); Microsoft peering announces its advertised public prefixes."))
        .param(ParamSpec::new("Prefix", TypeKind::String).array().mandatory().position(0).help("The announced prefixes; an empty list withdraws them all."))
        .synopsis("Sets the routes the customer's edge routers announce over a peering.")
        .description("Get-AzureDedicatedCircuitPeeringRouteTableInfo lists them (next hop the customer's address of the path) and the route summary counts them, while the BGP session is up.")
        .example(
            "The troubleshooting page's routes",
            "New-AzureBGPPeering -AccessType Private -ServiceKey $key -PrimaryPeerSubnet 10.0.0.0/30 -SecondaryPeerSubnet 10.0.0.4/30 -PeerAsn 1234 -VlanId 100 | Out-Null\nSet-ErSimCustomerRoute -ServiceKey $key -Prefix 10.1.0.0/16, 10.2.0.0/16",
            "Once the private peering exists, its route table shows both networks as announced by the customer.",
        )]
}

struct SetRoutes;

impl Cmdlet for SetRoutes {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let Some(Value::Guid(key)) = args.get("ServiceKey").cloned() else { return Ok(()) };
        let access_type = args.string("AccessType").and_then(|a| BgpPeeringAccessType::parse(&a)).unwrap_or(BgpPeeringAccessType::Private);
        let prefixes: Vec<String> = args.get("Prefix").map(|v| v.enumerate()).unwrap_or_default().iter().map(to_string).collect();
        as_caller(ctx, |world, caller| world.set_customer_routes(caller, &key, access_type, &prefixes))
    }
}
