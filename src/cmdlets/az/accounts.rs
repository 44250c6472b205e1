//! Az.Accounts: Connect-AzAccount (offline: a sign-in to one of the world's accounts),
//! Get-AzContext, Set-AzContext (Select-AzSubscription), Get-AzSubscription, and AzureRM's
//! Enable-/Disable-AzureRmAlias. The context is the world's selected subscription, which the
//! classic module's Select-AzureSubscription also moves: one lab, one current subscription.

use crate::cloud::{Subscription, SubscriptionKind, World};
use crate::cmdlets::azure::{completers, credential_user, no_context, session_call, tenant_of, Fail, Outcome, INVALID_OPERATION, NO_CONTEXT};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::value::{Hashtable, PsObject, TypeKind, Value};
use crate::engine::views::{ColumnValue, TableView, ViewColumn};
use crate::engine::Ctx;

use super::{body, default_profile};

pub const PROFILE: &str = "Microsoft.Azure.Commands.Profile.Models.Core.PSAzureProfile";
pub const CONTEXT: &str = "Microsoft.Azure.Commands.Profile.Models.Core.PSAzureContext";
pub const SUBSCRIPTION: &str = "Microsoft.Azure.Commands.Profile.Models.PSAzureSubscription";
pub const ACCOUNT: &str = "Microsoft.Azure.Commands.Profile.Models.PSAzureRmAccount";
pub const TENANT: &str = "Microsoft.Azure.Commands.Profile.Models.PSAzureTenant";

/// The sign-in, sign-out and context aliases Az.Accounts declares.
pub const AZ_ALIASES: &[(&str, &str)] = &[
    ("Login-AzAccount", "Connect-AzAccount"),
    ("Add-AzAccount", "Connect-AzAccount"),
    ("Select-AzSubscription", "Set-AzContext"),
    ("Logout-AzAccount", "Disconnect-AzAccount"),
    ("Remove-AzAccount", "Disconnect-AzAccount"),
];
/// The same in AzureRM.Profile (the 2016–2017 pages sign in with `Login-AzureRmAccount`).
pub const RM_ALIASES: &[(&str, &str)] = &[
    ("Login-AzureRmAccount", "Connect-AzureRmAccount"),
    ("Add-AzureRmAccount", "Connect-AzureRmAccount"),
    ("Select-AzureRmSubscription", "Set-AzureRmContext"),
    ("Logout-AzureRmAccount", "Disconnect-AzureRmAccount"),
    ("Remove-AzureRmAccount", "Disconnect-AzureRmAccount"),
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
        disconnect_command(module),
        tenant_command(module),
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
fn context(w: &World, s: &Subscription) -> Value {
    let tenant = tenant_of(&s.account).to_string();
    let mut tenant_o = PsObject::typed(TENANT);
    tenant_o.add_typed("Id", "string", Value::str(&tenant));
    let mut o = PsObject::typed(CONTEXT);
    o.add_typed("Name", "string", Value::str(context_name(s)));
    o.add_typed("Account", ACCOUNT, signed_in_account(w, s));
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
        // Signed out there is no context to write, and Get-AzContext says nothing.
        let Some(current) = w.selected_subscription().cloned() else { return Ok(Vec::new()) };
        Ok(if list { w.subscriptions_of(&current.account).into_iter().map(|s| context(w, s)).collect() } else { vec![context(w, &current)] })
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
    let command = ctx.command.name.clone();
    let chosen = session_call(ctx, args, |w| {
        if w.selected_subscription().is_none() {
            return Err(no_context(&command));
        }
        let Some(id) = find_subscription(w, &wanted).map(|s| s.id) else {
            return Err(Fail::argument("Please provide a valid tenant or a valid subscription."));
        };
        w.select_subscription(&id)?;
        Ok(w.selected_subscription().map(|s| context(w, s)))
    })?;
    if let Some(c) = chosen {
        ctx.emit(c)?;
    }
    Ok(())
}

fn get_subscription(ctx: &mut Ctx, args: &Args) -> Outcome {
    let by_id = args.string("SubscriptionId");
    let by_name = args.string("SubscriptionName");
    let command = ctx.command.name.clone();
    let subs = session_call(ctx, args, |w| {
        let current = w.selected_subscription().cloned().ok_or_else(|| no_context(&command))?;
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

/// A context's name as Az.Accounts forms it: `Subscription (id) - tenant - account`.
fn context_name(s: &Subscription) -> String {
    format!("{} ({}) - {} - {}", s.name, s.id, tenant_of(&s.account), s.account)
}

/// The signed-in account of a context, as Connect-AzAccount leaves it: its tenant, and the
/// `Subscriptions` and `Tenants` extended properties listing what it may use.
fn signed_in_account(w: &World, s: &Subscription) -> Value {
    let tenant = tenant_of(&s.account).to_string();
    let ids: Vec<String> = w.subscriptions_of(&s.account).iter().map(|s| s.id.to_string()).collect();
    let kind = if matches!(s.kind, SubscriptionKind::Customer) { "User" } else { "ServicePrincipal" };
    rm_account(&s.account, kind, std::slice::from_ref(&tenant), &[("Subscriptions", ids.join(",")), ("Tenants", tenant.clone())])
}

/// A `PSAzureRmAccount`: `AccessToken` is there but its list view leaves it out.
fn rm_account(id: &str, kind: &str, tenants: &[String], extended: &[(&str, String)]) -> Value {
    let mut properties = Hashtable::new(false);
    for (k, v) in extended {
        properties.insert(Value::str(k), Value::str(v));
    }
    let mut o = PsObject::typed(ACCOUNT);
    o.add_typed("Id", "string", Value::str(id));
    o.add_typed("Type", "string", Value::str(kind));
    o.add_typed("Tenants", "string[]", Value::array(tenants.iter().map(Value::str).collect()));
    o.add_typed("AccessToken", "string", Value::Null);
    o.add_typed("Credential", "string", Value::Null);
    o.add_typed("TenantMap", "System.Collections.Generic.IDictionary[string,string]", Value::hashtable(Hashtable::new(false)));
    o.add_typed("CertificateThumbprint", "string", Value::Null);
    o.add_typed("ExtendedProperties", "System.Collections.Generic.IDictionary[string,string]", Value::hashtable(properties));
    Value::object(o)
}

/// `$_.ExtendedProperties.GetEnumerator() | Where-Object { $_.Key -ne "ServicePrincipalSecret" }`
/// as a list item shows it: one pair bare, several in braces, none nothing.
fn extended_properties(v: &Value) -> String {
    let Value::Object(o) = v else { return String::new() };
    let Some(Value::Hashtable(h)) = o.borrow().get("ExtendedProperties").cloned() else { return String::new() };
    let pairs: Vec<String> = h
        .borrow()
        .iter()
        .map(|(k, v)| (k.to_display_string(), v.to_display_string()))
        .filter(|(k, _)| k != "ServicePrincipalSecret")
        .map(|(k, v)| format!("[{k}, {v}]"))
        .collect();
    match pairs.len() {
        0 => String::new(),
        1 => pairs[0].clone(),
        _ => format!("{{{}}}", pairs.join(", ")),
    }
}

/// PSAzureRmAccount's list view (Accounts.format.ps1xml).
pub fn account_view() -> TableView {
    let prop = |name| ViewColumn::property(name, 0);
    TableView {
        list: true,
        ..TableView::new(
            ACCOUNT,
            vec![
                prop("Id"),
                prop("Type"),
                prop("Tenants"),
                prop("Credential"),
                prop("TenantMap"),
                prop("CertificateThumbprint"),
                ViewColumn { value: ColumnValue::Computed(extended_properties), ..prop("ExtendedProperties") },
            ],
        )
    }
}

/// Disconnect-AzAccount: the account a parameter set names, or the current context's.
pub fn disconnect_command(module: &str) -> CommandInfo {
    CommandInfo::cmdlet("Disconnect-AzAccount", module, "Microsoft.Azure.Commands.Profile.DisconnectAzureRmAccountCommand", body!(disconnect))
        .default_set("ContextName")
        .param(ParamSpec::new("ContextName", TypeKind::String).in_set("ContextName").not_empty().help("Name of the context to log out of"))
        .param(ParamSpec::new("Username", TypeKind::String).in_set("UserId").mandatory().position(0).alias("Id").alias("UserId").not_empty().help("User name of the form user@contoso.org"))
        .param(ParamSpec::new("ApplicationId", TypeKind::String).in_set("ServicePrincipal").mandatory().alias("SPN").alias("ServicePrincipal").not_empty().help("ServicePrincipal id (globally unique id)"))
        .param(ParamSpec::new("TenantId", TypeKind::String).in_set("ServicePrincipal").mandatory().not_empty().help("Tenant id (globally unique id)"))
        .param(super::models::model_param("InputObject", ACCOUNT).in_set("AccountObject").mandatory().position(0).pipeline().help("Account"))
        .param(super::models::model_param("AzureContext", CONTEXT).in_set("ContextObject").mandatory().position(0).pipeline().help("Context"))
        .param(scope_param())
        .param(default_profile())
        .should_process()
        .outputs(ACCOUNT)
        .synopsis("Disconnects a connected Azure account and removes all credentials and contexts associated with that account.")
        .description("Signs the lab's session out when the account is the current context's: afterwards the Az cmdlets answer 'Run Connect-AzAccount to login.' until Connect-AzAccount (or a subscription selection) signs in again. Writes the account it logged out.")
        .example("Log out of the current account", "Disconnect-AzAccount", "The account, as a list; Get-AzContext then writes nothing.")
        .example("Log out the account of a context", "Get-AzContext | Disconnect-AzAccount", "The piped context's account.")
}

/// Get-AzTenant: the tenant of the signed-in account.
pub fn tenant_command(module: &str) -> CommandInfo {
    CommandInfo::cmdlet("Get-AzTenant", module, "Microsoft.Azure.Commands.Profile.GetAzureRMTenantCommand", body!(get_tenant))
        .param(ParamSpec::new("TenantId", TypeKind::String).position(0).alias("Domain").alias("Tenant").help("Tenant Id or a domain of the tenant"))
        .param(default_profile())
        .outputs(TENANT)
        .synopsis("Gets tenants that are authorized for the current user.")
        .description("The lab's accounts each belong to the tenant of their domain; -TenantId keeps it when it names the tenant's id or domain, and writes nothing otherwise.")
        .example("The tenant", "Get-AzTenant", "Id, Name, Category and Domains.")
}

fn scope_param() -> ParamSpec {
    ParamSpec::new("Scope", TypeKind::String).set(&["Process", "CurrentUser"]).help(
        "Determines the scope of context changes, for example, whether changes apply only to the current process, or to all sessions started by this user.",
    )
}

fn member_text(v: Option<&Value>, name: &str) -> Option<String> {
    match v? {
        Value::Object(o) => o.borrow().get(name).map(Value::to_display_string),
        _ => None,
    }
}

fn disconnect(ctx: &mut Ctx, args: &Args) -> Outcome {
    let command = ctx.command.name.clone();
    let named_context = args.string("ContextName");
    let current = session_call(ctx, args, |w| Ok(w.selected_subscription().map(|s| (context_name(s), signed_in_account(w, s)))))?;
    let Some((current_name, current_account)) = current else {
        let prefix = if command.contains("AzureRm") { "AzureRm" } else { "Az" };
        ctx.write_verbose(&format!("No accounts were found to disconnect from. Ending call to Disconnect-{prefix}Account."))?;
        ctx.emit(Value::Null)?;
        return Ok(());
    };
    let account = if let Some(user) = args.string("Username") {
        rm_account(&user, "User", &[], &[])
    } else if let Some(app) = args.string("ApplicationId") {
        let tenant = args.string("TenantId").unwrap_or_default();
        rm_account(&app, "ServicePrincipal", std::slice::from_ref(&tenant), &[("Tenants", tenant.clone())])
    } else if let Some(given) = args.get("InputObject") {
        given.clone()
    } else if let Some(given) = args.get("AzureContext") {
        match given {
            Value::Object(o) => o.borrow().get("Account").cloned().unwrap_or(Value::Null),
            _ => Value::Null,
        }
    } else {
        match named_context {
            // The profile's contexts are a dictionary: a name it does not hold is its KeyNotFoundException.
            Some(name) if !name.eq_ignore_ascii_case(&current_name) => {
                return Err(Fail::Exception(
                    "System.Collections.Generic.KeyNotFoundException".into(),
                    "The given key was not present in the dictionary.".into(),
                ))
            }
            _ => current_account,
        }
    };
    let Some(id) = member_text(Some(&account), "Id").filter(|id| !id.trim().is_empty()) else {
        return Err(Fail::argument("Provide a valid account or context"));
    };
    if !ctx.should_process(&format!("Log out principal '{id}'"), "log out").map_err(Fail::Flow)? {
        return Ok(());
    }
    session_call(ctx, args, |w| {
        if w.selected_subscription().is_some_and(|s| s.account.eq_ignore_ascii_case(id.trim())) {
            w.sign_out();
        }
        Ok(())
    })?;
    ctx.emit(account)?;
    Ok(())
}

/// A `PSAzureTenant`: the lab names a tenant after its domain (`contoso.com` → `Contoso`).
fn tenant(account: &str) -> Value {
    let domain = account.rsplit('@').next().unwrap_or(account).to_ascii_lowercase();
    let label = domain.split('.').next().unwrap_or(&domain);
    let name: String = label.chars().take(1).flat_map(char::to_uppercase).chain(label.chars().skip(1)).collect();
    let id = tenant_of(account).to_string();
    let mut o = PsObject::typed(TENANT);
    o.add_typed("Id", "string", Value::str(&id));
    o.add_typed("TenantId", "string", Value::str(&id));
    o.add_typed("Name", "string", Value::str(name));
    o.add_typed("TenantCategory", "string", Value::str("Home"));
    o.add_typed("Domains", "string[]", Value::array(vec![Value::str(&domain)]));
    o.add_typed("DefaultDomain", "string", Value::str(&domain));
    Value::object(o)
}

fn get_tenant(ctx: &mut Ctx, args: &Args) -> Outcome {
    let wanted = args.string("TenantId");
    let command = ctx.command.name.clone();
    let tenants = session_call(ctx, args, |w| {
        let current = w.selected_subscription().ok_or_else(|| no_context(&command))?;
        let t = tenant(&current.account);
        let matches =
            |v: &Value, name: &str| member_text(Some(v), name).is_some_and(|x| wanted.as_deref().is_some_and(|want| x.eq_ignore_ascii_case(want.trim())));
        Ok(if wanted.is_none() || matches(&t, "Id") || matches(&t, "DefaultDomain") { vec![t] } else { Vec::new() })
    })?;
    ctx.emit_all(tenants)?;
    Ok(())
}

fn domains(v: &Value) -> String {
    let Value::Object(o) = v else { return String::new() };
    match o.borrow().get("Domains") {
        Some(Value::Array(items)) => format!("{{{}}}", items.borrow().iter().map(Value::to_display_string).collect::<Vec<_>>().join(", ")),
        _ => String::new(),
    }
}

/// PSAzureTenant's table view (Accounts.generated.format.ps1xml): four columns without
/// widths, so the console sizes them to the first objects.
pub fn tenant_view() -> TableView {
    TableView::new(
        TENANT,
        vec![
            ViewColumn::property("Id", 0),
            ViewColumn::property("Name", 0),
            ViewColumn { label: "Category", ..ViewColumn::property("TenantCategory", 0) },
            ViewColumn { label: "Domains", value: ColumnValue::Computed(domains), ..ViewColumn::property("Domains", 0) },
        ],
    )
}
