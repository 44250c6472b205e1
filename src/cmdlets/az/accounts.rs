//! Az.Accounts: Connect-AzAccount (offline: a sign-in to one of the world's accounts),
//! Get-AzContext, Set-AzContext (Select-AzSubscription), Get-AzSubscription, and AzureRM's
//! Enable-/Disable-AzureRmAlias. The context is the world's selected subscription, which the
//! classic module's Select-AzureSubscription also moves: one lab, one current subscription.

use crate::cloud::{Subscription, SubscriptionKind, World};
use crate::cmdlets::azure::{completers, credential_user, session_call, tenant_of, Fail, Outcome, INVALID_OPERATION, NO_CONTEXT};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::views::{ColumnValue, TableView, ViewColumn};
use crate::engine::Ctx;

use super::{body, default_profile};

pub const PROFILE: &str = "Microsoft.Azure.Commands.Profile.Models.Core.PSAzureProfile";
pub const CONTEXT: &str = "Microsoft.Azure.Commands.Profile.Models.Core.PSAzureContext";
pub const SUBSCRIPTION: &str = "Microsoft.Azure.Commands.Profile.Models.PSAzureSubscription";

/// The sign-in and context aliases Az.Accounts declares.
pub const AZ_ALIASES: &[(&str, &str)] =
    &[("Login-AzAccount", "Connect-AzAccount"), ("Add-AzAccount", "Connect-AzAccount"), ("Select-AzSubscription", "Set-AzContext")];
/// The same in AzureRM.Profile (the 2016–2017 pages sign in with `Login-AzureRmAccount`).
pub const RM_ALIASES: &[(&str, &str)] = &[
    ("Login-AzureRmAccount", "Connect-AzureRmAccount"),
    ("Add-AzureRmAccount", "Connect-AzureRmAccount"),
    ("Select-AzureRmSubscription", "Set-AzureRmContext"),
];

fn subscription_param() -> ParamSpec {
    ParamSpec::new("Subscription", TypeKind::String).alias("SubscriptionName").alias("SubscriptionId").complete_with(completers::subscription_names())
}

pub fn commands(module: &str) -> Vec<CommandInfo> {
    vec![
        CommandInfo::cmdlet("Connect-AzAccount", module, "Microsoft.Azure.Commands.Profile.ConnectAzureRmAccountCommand", body!(connect))
            .param(ParamSpec::new("Environment", TypeKind::String).alias("EnvironmentName").help("Environment containing the Azure account."))
            .param(ParamSpec::new("Credential", TypeKind::Object).help("Specifies a PSCredential object."))
            .param(ParamSpec::new("Tenant", TypeKind::String).alias("Domain").alias("TenantId").help("Optional tenant name or ID"))
            .param(ParamSpec::new("AccountId", TypeKind::String).help("Account Id for access token in AccessToken parameter set."))
            .param(subscription_param().help("Subscription Name or ID"))
            .param(ParamSpec::new("ContextName", TypeKind::String).help("Name of the default Azure context for this login"))
            .param(ParamSpec::switch("ServicePrincipal").help("Indicates that this account authenticates by providing service principal credentials."))
            .param(ParamSpec::switch("Force").help("Overwrite the existing context with the same name, if any."))
            .param(default_profile())
            .outputs(PROFILE)
            .synopsis("Connect to Azure with an authenticated account (offline: one of the lab's accounts).")
            .description("Signs in admin@contoso.com, or the account a -Credential or -AccountId names, without a window, and makes its first subscription (or the one -Subscription names) the context.")
            .example("Sign in", "Connect-AzAccount", "The default account and its subscription, as a table."),
        CommandInfo::cmdlet("Get-AzContext", module, "Microsoft.Azure.Commands.Profile.GetAzureRMContextCommand", body!(get_context))
            .param(ParamSpec::switch("ListAvailable").help("List all available contexts in the current session."))
            .param(default_profile())
            .outputs(CONTEXT)
            .synopsis("Gets the metadata used to authenticate Azure Resource Manager requests.")
            .description("The context is the selected subscription, its account and tenant. -ListAvailable lists one context per subscription of the signed-in account.")
            .example("The current context", "Get-AzContext", "One table row."),
        CommandInfo::cmdlet("Set-AzContext", module, "Microsoft.Azure.Commands.Profile.Context.SetAzureRMContextCommand", body!(set_context))
            .param(subscription_param().position(0).help("Subscription"))
            .param(ParamSpec::new("SubscriptionObject", TypeKind::Object).pipeline().help("A subscription object"))
            .param(ParamSpec::new("Tenant", TypeKind::String).alias("Domain").alias("TenantId").help("Tenant domain name or ID"))
            .param(ParamSpec::switch("Force").help("Overwrite the existing context with the same name without prompting."))
            .param(default_profile())
            .outputs(CONTEXT)
            .synopsis("Sets the tenant, subscription, and environment for cmdlets to use in the current session.")
            .description("Selects a subscription of the world by name or id, or the subscription object piped from Get-AzSubscription. Also reached as Select-AzSubscription.")
            .example("Select by name", "Set-AzContext -Subscription 'Contoso Production'", "The new context, as a table."),
        CommandInfo::cmdlet("Get-AzSubscription", module, "Microsoft.Azure.Commands.Profile.GetAzureRMSubscriptionCommand", body!(get_subscription))
            .param(ParamSpec::new("SubscriptionId", TypeKind::String).by_name().help("Subscription Id"))
            .param(ParamSpec::new("SubscriptionName", TypeKind::String).by_name().help("Subscription Name").complete_with(completers::subscription_names()))
            .param(ParamSpec::new("TenantId", TypeKind::String).by_name().help("Tenant Id"))
            .param(default_profile())
            .outputs(SUBSCRIPTION)
            .synopsis("Get subscriptions that the current account can access.")
            .description("The subscriptions of the signed-in account, or the one named.")
            .example("All subscriptions", "Get-AzSubscription", "Name, Id, TenantId and State of each."),
    ]
}

/// Enable-/Disable-AzureRmAlias (AzureRM.Profile's successor shim): on this machine the
/// AzureRM names are always loaded, so both succeed and change nothing.
pub fn alias_commands(module: &str) -> Vec<CommandInfo> {
    let params = |c: CommandInfo| {
        c.param(
            ParamSpec::new("Module", TypeKind::String)
                .array()
                .help("Indicates which modules to enable aliases for. If none are specified, default is all modules."),
        )
        .param(
            ParamSpec::new("Scope", TypeKind::String)
                .set(&["Local", "Process", "CurrentUser", "LocalMachine"])
                .help("Specifies the scope to enable aliases to."),
        )
        .param(ParamSpec::switch("PassThru").help("If specified, cmdlet will return all aliases enabled"))
    };
    vec![
        params(CommandInfo::cmdlet("Enable-AzureRmAlias", module, "Microsoft.Azure.Commands.Profile.Common.EnableAzureRmAlias", body!(aliases_unchanged)))
            .synopsis("Enables AzureRm prefix aliases for Az modules.")
            .description("The AzureRM names are loaded on this machine already; succeeds and writes nothing.")
            .example(
                "Enable the aliases",
                "Enable-AzureRmAlias",
                "Nothing to do: New-AzureRmExpressRouteCircuit and the other AzureRM names work as they are.",
            ),
        params(CommandInfo::cmdlet("Disable-AzureRmAlias", module, "Microsoft.Azure.Commands.Profile.Common.DisableAzureRmAlias", body!(aliases_unchanged)))
            .synopsis("Disables AzureRm prefix aliases for Az modules.")
            .description("The AzureRM names are cmdlets of the AzureRM modules here, not aliases; succeeds and writes nothing.")
            .example("Disable the aliases", "Disable-AzureRmAlias -Scope Process", "The AzureRM cmdlets stay."),
    ]
}

fn aliases_unchanged(_ctx: &mut Ctx, _args: &Args) -> Outcome {
    Ok(())
}

fn profile_row(s: &Subscription) -> Value {
    let mut o = PsObject::typed(PROFILE);
    o.add_typed("Account", "string", Value::str(&s.account));
    o.add_typed("SubscriptionName", "string", Value::str(&s.name));
    o.add_typed("TenantId", "string", Value::str(tenant_of(&s.account).to_string()));
    o.add_typed("Environment", "string", Value::str("AzureCloud"));
    Value::object(o)
}

fn find_subscription<'a>(w: &'a World, text: &str) -> Option<&'a Subscription> {
    w.find_subscription_by_name(text).or_else(|| w.subscriptions().iter().find(|s| s.id.to_string().eq_ignore_ascii_case(text.trim())))
}

fn connect(ctx: &mut Ctx, args: &Args) -> Outcome {
    let name = credential_user(args).or_else(|| args.string("AccountId")).unwrap_or_else(|| crate::cloud::world::DEFAULT_ADMIN_ACCOUNT.to_string());
    let wanted = args.string("Subscription");
    let row = session_call(ctx, args, |w| {
        let Some(account) = w.accounts().iter().find(|a| a.name.eq_ignore_ascii_case(name.trim())).map(|a| a.name.clone()) else {
            // The sign-in page's answer for an unknown user, as Azure AD gives it.
            return Err(Fail::Exception(
                "Microsoft.Identity.Client.MsalServiceException".into(),
                format!("AADSTS50034: The user account {name} does not exist in the directory."),
            ));
        };
        let chosen = match &wanted {
            Some(text) => match find_subscription(w, text).filter(|s| s.account.eq_ignore_ascii_case(&account)) {
                Some(s) => s.id,
                None => return Err(Fail::argument(format!("The provided account {account} does not have access to subscription ID \"{text}\". Please try logging in with different credentials or a different subscription ID."))),
            },
            None => match w.subscriptions_of(&account).first() {
                Some(s) => s.id,
                None => return Err(Fail::Exception(INVALID_OPERATION.into(), NO_CONTEXT.into())),
            },
        };
        w.select_subscription(&chosen)?;
        Ok(w.selected_subscription().map(profile_row))
    })?;
    if let Some(row) = row {
        ctx.emit(row)?;
    }
    Ok(())
}

/// A `PSAzureContext`: the subscription with its account, environment and tenant.
fn context(s: &Subscription) -> Value {
    let tenant = tenant_of(&s.account).to_string();
    let mut account = PsObject::typed("Microsoft.Azure.Commands.Profile.Models.PSAzureRmAccount");
    account.add_typed("Id", "string", Value::str(&s.account));
    account.add_typed("Type", "string", Value::str(if matches!(s.kind, SubscriptionKind::Customer) { "User" } else { "ServicePrincipal" }));
    let mut tenant_o = PsObject::typed("Microsoft.Azure.Commands.Profile.Models.PSAzureTenant");
    tenant_o.add_typed("Id", "string", Value::str(&tenant));
    let mut o = PsObject::typed(CONTEXT);
    o.add_typed("Name", "string", Value::str(format!("{} ({}) - {} - {}", s.name, s.id, tenant, s.account)));
    o.add_typed("Account", "Microsoft.Azure.Commands.Profile.Models.PSAzureRmAccount", Value::object(account));
    o.add_typed("Environment", "string", Value::str("AzureCloud"));
    o.add_typed("Subscription", SUBSCRIPTION, subscription(s));
    o.add_typed("Tenant", "Microsoft.Azure.Commands.Profile.Models.PSAzureTenant", Value::object(tenant_o));
    Value::object(o)
}

/// A `PSAzureSubscription`: four properties, a table.
fn subscription(s: &Subscription) -> Value {
    let mut o = PsObject::typed(SUBSCRIPTION);
    o.add_typed("Name", "string", Value::str(&s.name));
    o.add_typed("Id", "string", Value::str(s.id.to_string()));
    o.add_typed("TenantId", "string", Value::str(tenant_of(&s.account).to_string()));
    o.add_typed("State", "string", Value::str("Enabled"));
    Value::object(o)
}

fn nested(v: &Value, outer: &str, inner: &str) -> String {
    let Value::Object(o) = v else { return String::new() };
    match o.borrow().get(outer) {
        Some(Value::Object(x)) => x.borrow().get(inner).map(Value::to_display_string).unwrap_or_default(),
        _ => String::new(),
    }
}

fn account_id(v: &Value) -> String {
    nested(v, "Account", "Id")
}

fn subscription_name(v: &Value) -> String {
    nested(v, "Subscription", "Name")
}

fn tenant_id(v: &Value) -> String {
    nested(v, "Tenant", "Id")
}

/// PSAzureContext's table view (Az.Accounts format file): Name, Account, SubscriptionName,
/// Environment, TenantId.
pub fn context_view() -> TableView {
    let computed = |label: &'static str, width: usize, f: fn(&Value) -> String| ViewColumn {
        label,
        value: ColumnValue::Computed(f),
        ..ViewColumn::property(label, width)
    };
    TableView::new(
        CONTEXT,
        vec![
            ViewColumn::property("Name", 40),
            computed("Account", 19, account_id),
            computed("SubscriptionName", 19, subscription_name),
            ViewColumn::property("Environment", 19),
            computed("TenantId", 0, tenant_id),
        ],
    )
}

fn get_context(ctx: &mut Ctx, args: &Args) -> Outcome {
    let list = args.switch("ListAvailable");
    let contexts = session_call(ctx, args, |w| {
        let current = w.selected_subscription().cloned().ok_or_else(|| Fail::Exception(INVALID_OPERATION.into(), NO_CONTEXT.into()))?;
        Ok(if list { w.subscriptions_of(&current.account).into_iter().map(context).collect() } else { vec![context(&current)] })
    })?;
    ctx.emit_all(contexts)?;
    Ok(())
}

fn set_context(ctx: &mut Ctx, args: &Args) -> Outcome {
    let piped = args.get("SubscriptionObject").and_then(|v| match v {
        Value::Object(o) => o.borrow().get("Id").map(Value::to_display_string),
        _ => None,
    });
    let wanted = piped.or_else(|| args.string("Subscription")).unwrap_or_default();
    let chosen = session_call(ctx, args, |w| {
        let Some(id) = find_subscription(w, &wanted).map(|s| s.id) else {
            return Err(Fail::argument("Please provide a valid tenant or a valid subscription."));
        };
        w.select_subscription(&id)?;
        Ok(w.selected_subscription().map(context))
    })?;
    if let Some(c) = chosen {
        ctx.emit(c)?;
    }
    Ok(())
}

fn get_subscription(ctx: &mut Ctx, args: &Args) -> Outcome {
    let by_id = args.string("SubscriptionId");
    let by_name = args.string("SubscriptionName");
    let subs = session_call(ctx, args, |w| {
        let current = w.selected_subscription().cloned().ok_or_else(|| Fail::Exception(INVALID_OPERATION.into(), NO_CONTEXT.into()))?;
        let mine = w.subscriptions_of(&current.account);
        let picked: Vec<Value> = mine
            .into_iter()
            .filter(|s| by_id.as_ref().is_none_or(|id| s.id.to_string().eq_ignore_ascii_case(id.trim())))
            .filter(|s| by_name.as_ref().is_none_or(|n| s.name.eq_ignore_ascii_case(n.trim())))
            .map(subscription)
            .collect();
        if picked.is_empty() {
            if let Some(what) = by_id.as_ref().or(by_name.as_ref()) {
                let kind = if by_id.is_some() { "Id" } else { "name" };
                return Err(Fail::argument(format!("Unable to find subscription with {kind} '{what}'.")));
            }
        }
        Ok(picked)
    })?;
    ctx.emit_all(subs)?;
    Ok(())
}
