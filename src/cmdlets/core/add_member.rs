//! Add-Member: note properties (one, or a dictionary of them), script methods, script and alias
//! properties, and type names on an object,
//! with 5.1's four parameter sets, `-Force`, `-PassThru` and its error texts
//! (AddMember.resx, AddMemberCommand).

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::types::EnumDef;
use crate::engine::value::{ScriptMember, TypeKind, Value};
use crate::engine::{Ctx, EvalResult};
use crate::lang::ast::ScriptBlock;
use std::rc::Rc;

/// `System.Management.Automation.PSMemberTypes` (a flags enumeration; the members a script names).
pub static PS_MEMBER_TYPES: EnumDef = EnumDef {
    full_name: "System.Management.Automation.PSMemberTypes",
    members: &[
        ("AliasProperty", 1),
        ("CodeProperty", 2),
        ("Property", 4),
        ("NoteProperty", 8),
        ("ScriptProperty", 16),
        ("Properties", 31),
        ("PropertySet", 32),
        ("Method", 64),
        ("CodeMethod", 128),
        ("ScriptMethod", 256),
        ("Methods", 448),
        ("ParameterizedProperty", 512),
        ("MemberSet", 1024),
        ("Event", 2048),
        ("Dynamic", 4096),
        ("All", 8191),
    ],
};

const MEMBER: &str = "MemberSet";
const TYPE_NAME: &str = "TypeNameSet";
const NOTE: &str = "NotePropertySingleMemberSet";
const NOTES: &str = "NotePropertyMultiMemberSet";

pub fn commands() -> Vec<CommandInfo> {
    let input = ParamSpec::new("InputObject", TypeKind::PSObject).mandatory().pipeline().help("The object to add to.");
    vec![CommandInfo::cmdlet("Add-Member", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Commands.AddMemberCommand", || Box::new(AddMember))
        .param(input)
        .param(ParamSpec::enumeration("MemberType", &PS_MEMBER_TYPES).mandatory().position(0).alias("Type").in_set(MEMBER).help("The kind of member."))
        .param(ParamSpec::new("Name", TypeKind::String).mandatory().position(1).in_set(MEMBER).help("The member's name."))
        .param(ParamSpec::new("Value", TypeKind::Object).position(2).in_set(MEMBER).help("The member's value."))
        .param(ParamSpec::new("SecondValue", TypeKind::Object).position(3).in_set(MEMBER).help("A second value (for the kinds that take one)."))
        .param(ParamSpec::new("NotePropertyName", TypeKind::String).mandatory().position(0).not_empty().in_set(NOTE).help("The note property's name."))
        .param(ParamSpec::new("NotePropertyValue", TypeKind::Object).mandatory().position(1).in_set(NOTE).help("The note property's value."))
        .param(ParamSpec::new("NotePropertyMembers", TypeKind::Hashtable).mandatory().position(0).not_empty().in_set(NOTES).help("Note properties by name and value."))
        .param(
            ParamSpec::new("TypeName", TypeKind::String)
                .in_set(TYPE_NAME)
                .in_set(MEMBER)
                .in_set(NOTE)
                .in_set(NOTES)
                .help("A type name to put first in the object's type names."),
        )
        .param(ParamSpec::switch("Force").in_set(MEMBER).in_set(NOTE).in_set(NOTES).help("Replaces a member of the same name."))
        .param(ParamSpec::switch("PassThru").help("Writes the object."))
        .default_set(TYPE_NAME)
        .outputs("System.Object")
        .synopsis("Adds note, script and alias members or a type name to an object.")
        .description("-NotePropertyName/-NotePropertyValue, -NotePropertyMembers or -MemberType NoteProperty add notes; -MemberType ScriptMethod (-Value a script block), ScriptProperty (-Value the getter, -SecondValue the setter, which gets the value as $args[0]) and AliasProperty (-Value the member it names) add members whose scripts run with $this the object; -TypeName puts a type name first. A member that exists already is refused unless -Force.")
        .example(
            "Tag a circuit",
            "$c = [pscustomobject]@{ Name = 'Lab' }\n$c | Add-Member -NotePropertyName Owner -NotePropertyValue 'network team' -PassThru",
            "The object with its new Owner property.",
        )
        .example(
            "A computed property and a method",
            "$c = [pscustomobject]@{ Name = 'Lab'; Mbps = 1000 }\n$c | Add-Member -MemberType ScriptProperty -Name Gbps -Value { $this.Mbps / 1000 }\n$c | Add-Member -MemberType ScriptMethod -Name Describe -Value { '{0} at {1} Gbps' -f $this.Name, $this.Gbps }\n$c.Describe()",
            "Lab at 1 Gbps",
        )]
}

struct AddMember;

fn error(ctx: &Ctx, id: &str, message: String, target: &Value) -> ErrorRecord {
    let mut record = ErrorRecord::new(message, "System.InvalidOperationException", ErrorCategory::InvalidOperation, format!("{id},{}", ctx.command.class_name))
        .with_target(target);
    record.activity = ctx.command.name.clone();
    record
}

impl AddMember {
    /// `AddMemberToTarget`: false (after a non-terminating error) when the name is taken and
    /// `-Force` was not given.
    fn add_note(&self, ctx: &mut Ctx, target: &Value, name: &str, value: Value, force: bool) -> EvalResult<bool> {
        let Value::Object(o) = target else { return Ok(false) };
        if o.borrow().has(name) && !force {
            let message = format!("Cannot add a member with the name \"{name}\" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command.");
            ctx.write_error(error(ctx, "MemberAlreadyExists", message, target))?;
            return Ok(false);
        }
        let mut o = o.borrow_mut();
        o.props.retain(|p| !p.name.eq_ignore_ascii_case(name));
        o.script_members.retain(|m| !m.name().eq_ignore_ascii_case(name));
        o.add_note(name, value);
        Ok(true)
    }
}

/// A terminating error of AddMember.resx naming the member type.
fn member_error(ctx: &Ctx, id: &str, kind: &str) -> ErrorRecord {
    let message = match id {
        "Value2ShouldNotBeSpecified" => format!("The SecondValue parameter is not necessary for a member of type \"{kind}\", and should not be specified. Do not specify the SecondValue parameter when you add members of this type."),
        "Value1ShouldNotBeNull" => format!("The Value parameter should not be null for a member of type \"{kind}\". Specify a non-null value for the Value parameter when adding members of this type."),
        "Value2ShouldNotBeNull" => format!("The SecondValue parameter should not be null for a member of type \"{kind}\". Specify a non-null value for the SecondValue parameter when adding members of this type."),
        "Value1AndValue2AreNotBothNull" => format!("Both Value and SecondValue parameters should not be null for a member of type \"{kind}\". Specify a non-null value for one of the two parameters."),
        _ => format!("Cannot add a member with type \"{kind}\". Specify a different type for the MemberTypes parameter."),
    };
    error(ctx, id, message, &Value::Null)
}

/// `-Value` (or `-SecondValue`) as a script block, as LanguagePrimitives converts it: a script
/// block, or the cast error naming the value.
fn script_block(ctx: &mut Ctx, v: &Value) -> EvalResult<Rc<ScriptBlock>> {
    match v {
        Value::ScriptBlock(sb) => Ok(sb.clone()),
        other => {
            let message = crate::engine::convert::invalid_cast(other, "System.Management.Automation.ScriptBlock");
            let mut rec = ErrorRecord::new(
                message,
                "System.Management.Automation.PSInvalidCastException",
                ErrorCategory::InvalidArgument,
                format!("ConvertToFinalInvalidCastException,{}", ctx.command.class_name),
            );
            rec.activity = ctx.command.name.clone();
            Err(ctx.terminate(rec))
        }
    }
}

/// The member `-MemberType ScriptMethod|ScriptProperty|AliasProperty` describes, with
/// AddMemberCommand's checks of -Value and -SecondValue in its order.
fn script_member(ctx: &mut Ctx, args: &Args, kind: &str, name: &str) -> EvalResult<ScriptMember> {
    let value = args.get("Value").filter(|v| !v.is_null());
    let second = args.get("SecondValue");
    let name = name.to_string();
    let fail = |ctx: &mut Ctx, id: &str| Err(ctx.terminate(member_error(ctx, id, kind)));
    match kind.to_ascii_lowercase().as_str() {
        "scriptmethod" => {
            if second.is_some() {
                return fail(ctx, "Value2ShouldNotBeSpecified");
            }
            let Some(v) = value else { return fail(ctx, "Value1ShouldNotBeNull") };
            Ok(ScriptMember::Method { name, body: script_block(ctx, v)? })
        }
        "scriptproperty" => {
            let setter = second.filter(|v| !v.is_null());
            if value.is_none() && setter.is_none() {
                return fail(ctx, "Value1AndValue2AreNotBothNull");
            }
            let getter = value.map(|v| script_block(ctx, v)).transpose()?;
            let setter = setter.map(|v| script_block(ctx, v)).transpose()?;
            Ok(ScriptMember::Property { name, getter, setter })
        }
        "aliasproperty" => {
            let Some(v) = value else { return fail(ctx, "Value1ShouldNotBeNull") };
            Ok(ScriptMember::Alias { name, target: to_string(v) })
        }
        _ => {
            let record = ErrorRecord::new(
                format!("ersim does not add {kind} members; NoteProperty, ScriptProperty, ScriptMethod and AliasProperty are supported."),
                "System.NotSupportedException",
                ErrorCategory::NotImplemented,
                format!("ErSim.MemberTypeNotSupported,{}", ctx.command.class_name),
            );
            Err(ctx.terminate(record))
        }
    }
}

impl AddMember {
    fn add_script_member(&self, ctx: &mut Ctx, target: &Value, member: ScriptMember, force: bool) -> EvalResult<bool> {
        let Value::Object(o) = target else { return Ok(false) };
        let name = member.name().to_string();
        if o.borrow().has(&name) && !force {
            let message = format!("Cannot add a member with the name \"{name}\" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command.");
            ctx.write_error(error(ctx, "MemberAlreadyExists", message, target))?;
            return Ok(false);
        }
        let mut o = o.borrow_mut();
        o.props.retain(|p| !p.name.eq_ignore_ascii_case(&name));
        o.script_members.retain(|m| !m.name().eq_ignore_ascii_case(&name));
        o.script_members.push(member);
        Ok(true)
    }
}

impl Cmdlet for AddMember {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let Some(target) = args.get("InputObject").cloned() else { return Ok(()) };
        let type_name = args.string("TypeName");
        if type_name.as_deref().is_some_and(|t| t.trim().is_empty()) {
            let message = "The TypeName parameter should not be null, empty, or contain only white spaces.".to_string();
            return Err(ctx.terminate(error(ctx, "TypeNameShouldNotBeEmpty", message, &Value::str(type_name.unwrap_or_default()))));
        }
        if !matches!(target, Value::Object(_)) {
            // ersim's values carry no instance members of their own; only objects do.
            let record = ErrorRecord::new(
                format!("ersim adds members only to objects ([pscustomobject] and the objects cmdlets write), not to a {}.", target.type_name()),
                "System.NotSupportedException",
                ErrorCategory::NotImplemented,
                format!("ErSim.MembersOnObjectsOnly,{}", ctx.command.class_name),
            );
            return Err(ctx.terminate(record));
        }
        let force = args.switch("Force");
        let added = match args.set.as_deref() {
            Some(NOTE) => {
                let name = args.string("NotePropertyName").unwrap_or_default();
                self.add_note(ctx, &target, &name, args.get("NotePropertyValue").cloned().unwrap_or(Value::Null), force)?
            }
            Some(NOTES) => {
                let members = match args.get("NotePropertyMembers") {
                    Some(Value::Hashtable(h)) => h.borrow().keys().into_iter().zip(h.borrow().values()).collect::<Vec<_>>(),
                    _ => Vec::new(),
                };
                let mut any = false;
                for (key, value) in members {
                    let name = to_string(&key);
                    if name.is_empty() {
                        let message = "The name for a NoteProperty member should not be null or an empty string.".to_string();
                        ctx.write_error(error(ctx, "NotePropertyNameShouldNotBeNull", message, &Value::str(&name)))?;
                        continue;
                    }
                    any |= self.add_note(ctx, &target, &name, value, force)?;
                }
                any
            }
            Some(MEMBER) => {
                let kind = args.string("MemberType").unwrap_or_default();
                let name = args.string("Name").unwrap_or_default();
                if kind.eq_ignore_ascii_case("NoteProperty") {
                    if args.has("SecondValue") {
                        return Err(ctx.terminate(member_error(ctx, "Value2ShouldNotBeSpecified", &kind)));
                    }
                    self.add_note(ctx, &target, &name, args.get("Value").cloned().unwrap_or(Value::Null), force)?
                } else {
                    let member = script_member(ctx, args, &kind, &name)?;
                    self.add_script_member(ctx, &target, member, force)?
                }
            }
            _ => true,
        };
        if !added {
            return Ok(());
        }
        if let (Some(t), Value::Object(o)) = (type_name, &target) {
            // A type the session knows goes in by its full name (`int` is System.Int32).
            let full = ctx.interp.types.resolve(&t, false).map(|ty| ty.full_name()).unwrap_or(t);
            o.borrow_mut().type_names.insert(0, full);
        }
        if args.switch("PassThru") {
            ctx.emit(target)?;
        }
        Ok(())
    }
}
