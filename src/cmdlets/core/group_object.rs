//! Group-Object: GroupInfo objects of the input that shares a value.

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::error::ErrorCategory;
use crate::engine::value::{Hashtable, PsObject, TypeKind, Value};
use crate::engine::{Ctx, ErrorRecord, EvalResult, Flow};

use super::objects::{sort_keys, SortKey};

pub fn commands() -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet("Group-Object", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Commands.GroupObjectCommand", || {
        Box::new(GroupObject::default())
    })
    .param(ParamSpec::new("InputObject", TypeKind::Object).pipeline().help("The objects to group."))
    .param(ParamSpec::new("Property", TypeKind::Object).array().position(0).help("The properties to group by."))
    .param(ParamSpec::switch("NoElement").help("Leaves out the group members."))
    .param(ParamSpec::switch("AsHashTable").help("Writes one hashtable whose keys are the grouped values and values the members."))
    .param(ParamSpec::switch("AsString").help("With -AsHashTable, makes the keys the groups' names (text)."))
    .synopsis("Groups objects that have the same value for the given properties.")
    .description("Writes one GroupInfo (Count, Name, Group) per distinct value, in the order values first appear.")
    .example("Count circuits by state", "Get-AzureDedicatedCircuit | Group-Object ServiceProviderProvisioningState", "One row per state.")]
}

const GROUP_INFO: &str = "Microsoft.PowerShell.Commands.GroupInfo";
/// `-NoElement`'s GroupInfo subclass: counts its members without keeping them.
const GROUP_INFO_NO_ELEMENT: &str = "Microsoft.PowerShell.Commands.GroupInfoNoElement";

#[derive(Default)]
struct GroupObject {
    args: Args,
    groups: Vec<Group>,
}

struct Group {
    name: String,
    values: Vec<Value>,
    members: Vec<Value>,
    count: usize,
}

fn argument_error(ctx: &mut Ctx, message: &str, target: Value) -> Flow {
    let rec = ErrorRecord::new(
        message,
        "System.ArgumentException",
        ErrorCategory::InvalidArgument,
        "ArgumentException,Microsoft.PowerShell.Commands.GroupObjectCommand",
    )
    .with_target(&target);
    ctx.terminate(rec)
}

impl Cmdlet for GroupObject {
    fn begin(&mut self, _ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        self.args = args.clone();
        Ok(())
    }

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
        // GroupInfoNoElement counts its members without keeping them.
        let keep = !args.switch("NoElement");
        match self.groups.iter_mut().find(|g| g.name.eq_ignore_ascii_case(&name)) {
            Some(g) => {
                g.count += 1;
                if keep {
                    g.members.push(item);
                }
            }
            None => self.groups.push(Group { name, values, members: if keep { vec![item] } else { Vec::new() }, count: 1 }),
        }
        Ok(())
    }

    fn end(&mut self, ctx: &mut Ctx) -> EvalResult<()> {
        let groups = std::mem::take(&mut self.groups);
        // 5.1 checks its switches only when there is a group to write.
        if groups.is_empty() {
            return Ok(());
        }
        let as_string = self.args.switch("AsString");
        if self.args.switch("AsHashTable") {
            let mut table = Hashtable::new(false);
            for g in groups {
                let key = if as_string {
                    Value::str(&g.name)
                } else if g.values.len() == 1 {
                    g.values[0].clone()
                } else {
                    let property = self.args.get("Property").cloned().unwrap_or(Value::Null);
                    return Err(argument_error(
                        ctx,
                        "The command cannot be run because using the AsHashTable parameter with more than one property requires adding the AsString parameter.",
                        property,
                    ));
                };
                table.insert(key, Value::array(g.members));
            }
            return ctx.emit(Value::hashtable(table));
        }
        if as_string {
            return Err(argument_error(
                ctx,
                "The command cannot be run because the AsString parameter requires that you specify the AsHashtable parameter.",
                Value::Bool(true),
            ));
        }
        let no_element = self.args.switch("NoElement");
        for g in groups {
            let mut o = PsObject::typed(if no_element { GROUP_INFO_NO_ELEMENT } else { GROUP_INFO });
            if no_element {
                o.type_names.insert(1, GROUP_INFO.to_string());
            }
            o.add_typed("Values", "System.Collections.ArrayList", Value::array(g.values));
            o.add_typed("Count", "int", Value::Int(g.count as i32));
            o.add_typed("Group", "System.Collections.ObjectModel.Collection[psobject]", Value::array(g.members));
            o.add_typed("Name", "string", Value::str(g.name));
            ctx.emit(Value::object(o))?;
        }
        Ok(())
    }
}
