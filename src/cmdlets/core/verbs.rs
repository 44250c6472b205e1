//! Get-Verb: the approved verbs of Windows PowerShell 5.1, by group in 5.1's order (the
//! `Verbs*` classes, each in its declaration order; 5.1's VerbInfo has Verb and Group only).

use crate::engine::command::{Args, Cmdlet, CommandInfo, ParamSpec};
use crate::engine::convert::to_string;
use crate::engine::ops::wildcard_regex;
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::{Ctx, EvalResult};

/// 5.1's verbs (System.Management.Automation's VerbsCommon … VerbsSecurity; PowerShell 6
/// later added Build and Deploy to Lifecycle).
const GROUPS: [(&str, &[&str]); 7] = [
    (
        "Common",
        &[
            "Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock", "Move", "New", "Open", "Optimize", "Push",
            "Pop", "Redo", "Remove", "Rename", "Reset", "Resize", "Search", "Select", "Set", "Show", "Skip", "Split", "Step", "Switch", "Undo", "Unlock",
            "Watch",
        ],
    ),
    ("Communications", &["Connect", "Disconnect", "Read", "Receive", "Send", "Write"]),
    (
        "Data",
        &[
            "Backup",
            "Checkpoint",
            "Compare",
            "Compress",
            "Convert",
            "ConvertFrom",
            "ConvertTo",
            "Dismount",
            "Edit",
            "Expand",
            "Export",
            "Group",
            "Import",
            "Initialize",
            "Limit",
            "Merge",
            "Mount",
            "Out",
            "Publish",
            "Restore",
            "Save",
            "Sync",
            "Unpublish",
            "Update",
        ],
    ),
    ("Diagnostic", &["Debug", "Measure", "Ping", "Repair", "Resolve", "Test", "Trace"]),
    (
        "Lifecycle",
        &[
            "Approve",
            "Assert",
            "Complete",
            "Confirm",
            "Deny",
            "Disable",
            "Enable",
            "Install",
            "Invoke",
            "Register",
            "Request",
            "Restart",
            "Resume",
            "Start",
            "Stop",
            "Submit",
            "Suspend",
            "Uninstall",
            "Unregister",
            "Wait",
        ],
    ),
    ("Other", &["Use"]),
    ("Security", &["Block", "Grant", "Protect", "Revoke", "Unblock", "Unprotect"]),
];

pub fn commands() -> Vec<CommandInfo> {
    vec![CommandInfo::cmdlet("Get-Verb", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Commands.GetVerbCommand", || Box::new(GetVerb))
        .param(ParamSpec::new("Verb", TypeKind::String).array().position(0).pipeline().by_name().wildcards().help("The verbs to list; wildcards are allowed."))
        .param(
            ParamSpec::new("Group", TypeKind::String)
                .array()
                .position(1)
                .pipeline()
                .by_name()
                .set(&GROUPS.map(|(g, _)| g))
                .help("Only the verbs of these groups."),
        )
        .outputs("System.Management.Automation.VerbInfo")
        .synopsis("Gets the approved verbs for command names.")
        .description("Lists the 98 verbs Windows PowerShell 5.1 approves, with their group.")
        .example("Verbs for changing things", "Get-Verb -Group Lifecycle", "Approve, Assert, Complete ... Wait.")]
}

struct GetVerb;

impl Cmdlet for GetVerb {
    fn process(&mut self, ctx: &mut Ctx, args: &Args) -> EvalResult<()> {
        let strings = |name: &str| args.get(name).map(|v| v.enumerate().iter().map(to_string).collect::<Vec<_>>());
        let patterns: Option<Vec<regex::Regex>> = strings("Verb").map(|v| v.iter().map(|p| wildcard_regex(p, false)).collect());
        let groups = strings("Group");
        let mut out = Vec::new();
        for (group, verbs) in GROUPS {
            if groups.as_ref().is_some_and(|g| !g.iter().any(|x| x.eq_ignore_ascii_case(group))) {
                continue;
            }
            for verb in verbs.iter().filter(|v| patterns.as_ref().is_none_or(|p| p.iter().any(|r| r.is_match(v)))) {
                let mut o = PsObject::typed("System.Management.Automation.VerbInfo");
                o.add_typed("Verb", "string", Value::str(*verb));
                o.add_typed("Group", "string", Value::str(group));
                out.push(Value::object(o));
            }
        }
        ctx.emit_all(out)
    }
}
