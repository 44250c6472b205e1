//! Group-Object: GroupInfo objects of the input that shares a value.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::{Ctx, EvalResult};

use super::objects::{sort_keys, SortKey};

pub fn commands() -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet("Group-Object", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Commands.GroupObjectCommand", || {
        Box::new(GroupObject::default())
    })
    .param(ParamSpec::new("InputObject", TypeKind::Object).pipeline().help("The objects to group."))
    .param(ParamSpec::new("Property", TypeKind::Object).array().position(0).help("The properties to group by."))
    .param(ParamSpec::switch("NoElement").help("Leaves out the group members."))
    .synopsis("Groups objects that have the same value for the given properties.")
    .description("Writes one GroupInfo (Count, Name, Group) per distinct value, in the order values first appear.")
    .example("Count circuits by state", "Get-AzureDedicatedCircuit | Group-Object ServiceProviderProvisioningState", "One row per state.")]
}

#[derive(Default)]
struct GroupObject {
    groups: Vec<(String, Vec<Value>, Vec<Value>)>,
}

impl Cmdlet for GroupObject {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let Some(item) = args.get("InputObject").cloned() else { return Ok(()) };
        let keys = sort_keys(args, false);
        let mut values = Vec::new();
        for k in &keys {
            values.push(match k {
                SortKey::Script(sb, _) => ctx.interp.invoke_block_here(sb, Some(item.clone()))?,
                SortKey::Name(n, _) => ctx.interp.get_member(&item, n),
            });
        }
        if keys.is_empty() {
            values.push(item.clone());
        }
        let name = values.iter().map(to_string).collect::<Vec<_>>().join(", ");
        match self.groups.iter_mut().find(|(n, _, _)| n.eq_ignore_ascii_case(&name)) {
            Some(g) => g.2.push(item),
            None => self.groups.push((name, values, vec![item])),
        }
        Ok(())
    }

    fn end(&mut self, ctx: &mut Ctx) -> EvalResult<()> {
        for (name, values, group) in std::mem::take(&mut self.groups) {
            let mut o = PsObject::typed("Microsoft.PowerShell.Commands.GroupInfo");
            o.add_typed("Values", "System.Collections.ArrayList", Value::array(values));
            o.add_typed("Count", "int", Value::Int(group.len() as i32));
            o.add_typed("Group", "System.Collections.ObjectModel.Collection[psobject]", Value::array(group));
            o.add_typed("Name", "string", Value::str(name));
            ctx.emit(Value::object(o))?;
        }
        Ok(())
    }
}
