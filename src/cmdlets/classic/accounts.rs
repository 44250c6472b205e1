//! Add-AzureAccount, Get-AzureAccount, Get-AzureSubscription, Select-AzureSubscription
//! (Azure.Profile). Offline: the lab profile already holds every simulated account, so
//! Add-AzureAccount signs in without a window and any subscription can be selected.

use crate::cloud::{Subscription, World};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::{PsObject, TypeKind, Value};
use crate::engine::views::{TableView, ViewColumn};
use crate::engine::Ctx;

use crate::cmdlets::azure::{completers, credential_user, session_call, tenant_of, Fail, Outcome, SmCmdlet, INVALID_OPERATION, NO_SUBSCRIPTION};

pub const MODULE: &str = "Azure";
pub const ACCOUNT_TYPE: &str = "Microsoft.Azure.Common.Authentication.Models.PSAzureAccount";
pub const SUBSCRIPTION_TYPE: &str = "Microsoft.WindowsAzure.Commands.Profile.Models.PSAzureSubscription";

macro_rules! profile_cmdlet {
    ($name:expr, $class:expr, $body:path) => {
        CommandInfo::cmdlet($name, MODULE, concat!("Microsoft.WindowsAzure.Commands.Profile.", $class), || Box::new(SmCmdlet($body)))
    };
}

pub(super) use profile_cmdlet;

pub fn commands() -> Vec<CommandInfo> {
    vec![
        profile_cmdlet!("Add-AzureAccount", "AddAzureAccount", add_account)
            .param(ParamSpec::new("Environment", TypeKind::String).help("Environment containing the account to log into"))
            .param(ParamSpec::new("Credential", TypeKind::Object).help("Optional credential"))
            .param(ParamSpec::new("Tenant", TypeKind::String).alias("TenantId").help("Optional tenant name or ID"))
            .outputs(ACCOUNT_TYPE)
            .synopsis("Signs in to Azure (offline: the simulated account).")
            .description("Signs in admin@contoso.com, or the account named by -Credential (a user name or an object with a UserName), and writes the account with its subscriptions and tenants.")
            .example("Sign in", "Add-AzureAccount", "The default account and its subscription."),
        profile_cmdlet!("Get-AzureAccount", "GetAzureAccount", get_account)
            .param(ParamSpec::new("Name", TypeKind::String).position(0).by_name().help("Name of account to get information for"))
            .outputs(ACCOUNT_TYPE)
            .synopsis("Gets the accounts of the profile.")
            .description("Every simulated account is in the lab profile.")
            .example("One account", "Get-AzureAccount -Name devtest@contoso.com", "The account and its subscriptions."),
        profile_cmdlet!("Get-AzureSubscription", "GetAzureSubscriptionCommand", get_subscription)
            .param(ParamSpec::new("SubscriptionName", TypeKind::String).position(0).by_name().not_empty().alias("Name").in_set("ByName").help("Name of the subscription").complete_with(completers::subscription_names()))
            .param(ParamSpec::new("SubscriptionId", TypeKind::String).by_name().not_empty().alias("Id").in_set("ById").help("ID of the subscription"))
            .param(ParamSpec::switch("Default").in_set("Default").help("Retrieves the default subscription"))
            .param(ParamSpec::switch("Current").in_set("Current").help("Retrieves the current subscription"))
            .param(ParamSpec::switch("ExtendedDetails").help("Retrieves extended details about subscription such as quota and usage"))
            .default_set("ByName")
            .outputs(SUBSCRIPTION_TYPE)
            .synopsis("Gets subscriptions of the profile.")
            .description("All subscriptions, one by name or id, or the current (selected) one.")
            .example("The current subscription", "Get-AzureSubscription -Current", "Its name, id, account and tenant."),
        profile_cmdlet!("Select-AzureSubscription", "SelectAzureSubscriptionCommand", select_subscription)
            .param(ParamSpec::new("SubscriptionName", TypeKind::String).mandatory().position(0).by_name().not_empty().alias("Name").in_set("ByName").help("Name of subscription to select").complete_with(completers::subscription_names()))
            .param(ParamSpec::new("SubscriptionId", TypeKind::String).mandatory().position(0).by_name().not_empty().alias("Id").in_set("ById").help("Id of subscription to select"))
            .param(ParamSpec::new("Account", TypeKind::String).position(1).by_name().not_empty().help("Name of account to select"))
            .param(ParamSpec::switch("Current").help("Switch to set the chosen subscription as the current one"))
            .param(ParamSpec::switch("Default").help("Switch to set the chosen subscription as the default one"))
            .param(ParamSpec::switch("PassThru").help("Writes the selected subscription."))
            .default_set("ByName")
            .outputs(SUBSCRIPTION_TYPE)
            .synopsis("Selects the subscription the cmdlets act in.")
            .description("Select a provider subscription (for example 'Equinix Provider') to run the provider-side cmdlets. The current and the default subscription are the same in ersim.")
            .example("Act as the provider", "Select-AzureSubscription -SubscriptionName 'Equinix Provider'", "Then New-AzureCrossConnection works."),
        profile_cmdlet!("Set-AzureSubscription", "SetAzureSubscriptionCommand", set_subscription)
            .param(ParamSpec::new("SubscriptionName", TypeKind::String).mandatory().position(0).by_name().not_empty().in_set(BY_NAME).in_set(ADD).help("Name of the subscription.").complete_with(completers::subscription_names()))
            .param(ParamSpec::new("SubscriptionId", TypeKind::String).mandatory().by_name().in_set(BY_ID).in_set(ADD).help("Account subscription ID."))
            .param(ParamSpec::new("Certificate", TypeKind::Object).by_name().help("X509 Certificate."))
            .param(ParamSpec::new("ServiceEndpoint", TypeKind::String).by_name().help("Service endpoint."))
            .param(ParamSpec::new("ResourceManagerEndpoint", TypeKind::String).by_name().help("Cloud service endpoint."))
            .param(ParamSpec::new("CurrentStorageAccountName", TypeKind::String).not_empty().help("Current storage account name."))
            .param(ParamSpec::new("Context", TypeKind::Object).by_name().help("Current storage account connection details."))
            .param(ParamSpec::new("Environment", TypeKind::String).not_empty().help("Environment name."))
            .param(ParamSpec::switch("PassThru").help("Writes the subscription."))
            .default_set(BY_NAME)
            .outputs(SUBSCRIPTION_TYPE)
            .synopsis("Changes a subscription of the profile, or adds one with a management certificate.")
            .description("Sets the subscription's current storage account (any name: the lab has no storage service) or management certificate (an X509Certificate2, as Get-PfxCertificate reads one: its thumbprint becomes the subscription's account). With -SubscriptionName, -SubscriptionId and -Certificate together it adds the subscription to the profile under that name; the id must be one of the lab's subscriptions. Endpoints must be those of AzureCloud, the one environment.")
            .example("A current storage account", "Set-AzureSubscription -SubscriptionName 'Contoso Production' -CurrentStorageAccountName contosostorage -PassThru", "The subscription with its CurrentStorageAccountName.")
            .example(
                "A subscription added from a certificate",
                "Set-Content mgmt.cer -Encoding Byte -Value ([Convert]::FromBase64String('MIGXMIGCoAMCAQICAQEwDQYJKoZIhvcNAQELBQAwFDESMBAGA1UEAxMJTGFiIEFkbWluMB4XDTE2MDEwMTAwMDAwMFoXDTI2MDEwMTAwMDAwMFowFDESMBAGA1UEAxMJTGFiIEFkbWluMB0wDQYJKoZIhvcNAQEBBQADDAAwCQICAMECAwEAATANBgkqhkiG9w0BAQsFAAMBAA=='))\n$id = (Get-AzureSubscription -SubscriptionName 'Contoso Production').SubscriptionId\nSet-AzureSubscription -SubscriptionName Production -SubscriptionId $id -Certificate (Get-PfxCertificate .\\mgmt.cer) -PassThru",
                "The subscription, named Production, whose DefaultAccount is the certificate's thumbprint.",
            ),
    ]
}

/// PSAzureAccount's table view (Microsoft.WindowsAzure.Commands.Profile.format.ps1xml).
pub fn account_view() -> TableView {
    TableView {
        wrap: true,
        ..TableView::new(
            ACCOUNT_TYPE,
            vec![
                ViewColumn::property("Id", 30),
                ViewColumn::property("Type", 10),
                ViewColumn::property("Subscriptions", 0),
                ViewColumn::property("Tenants", 0),
            ],
        )
    }
}

/// `ToPSAzureAccount`: subscriptions joined with `\r\n`, tenants as a list.
fn account_object(w: &World, name: &str) -> Value {
    let subs: Vec<String> = w.subscriptions_of(name).iter().map(|s| s.id.to_string()).collect();
    let mut o = PsObject::typed(ACCOUNT_TYPE);
    o.add_typed("Id", "string", Value::str(name));
    o.add_typed("Type", "Microsoft.Azure.Common.Authentication.Models.AzureAccount+AccountType", Value::str("User"));
    o.add_typed("Subscriptions", "string", Value::str(subs.join("\r\n")));
    o.add_typed("Tenants", "System.Collections.Generic.List[string]", Value::array(vec![Value::str(tenant_of(name).to_string())]));
    Value::object(o)
}

/// PSAzureSubscription, in its view's order; the current subscription is also the default.
pub(super) fn subscription_object(s: &Subscription, selected: bool) -> Value {
    let mut o = PsObject::typed(SUBSCRIPTION_TYPE);
    o.add_typed("SubscriptionId", "string", Value::str(s.id.to_string()));
    o.add_typed("SubscriptionName", "string", Value::str(&s.name));
    o.add_typed("Environment", "string", Value::str("AzureCloud"));
    // A management certificate is the subscription's account once given (SetAzureSubscription.cs).
    o.add_typed("DefaultAccount", "string", Value::str(s.management_certificate.as_deref().unwrap_or(&s.account)));
    o.add_typed("IsDefault", "bool", Value::Bool(selected));
    o.add_typed("IsCurrent", "bool", Value::Bool(selected));
    o.add_typed("TenantId", "string", Value::str(tenant_of(&s.account).to_string()));
    o.add_typed("CurrentStorageAccountName", "string", s.current_storage_account.as_deref().map_or(Value::Null, Value::str));
    Value::object(o)
}

fn add_account(ctx: &mut Ctx, args: &Args) -> Outcome {
    let name = credential_user(args).unwrap_or_else(|| crate::cloud::world::DEFAULT_ADMIN_ACCOUNT.to_string());
    let (default_name, account_value) = session_call(ctx, args, |w| {
        let Some(account) = w.accounts().iter().find(|a| a.name.eq_ignore_ascii_case(name.trim())).map(|a| a.name.clone()) else {
            // The sign-in page's answer for an unknown user, as Azure AD gave it through ADAL.
            return Err(Fail::Exception(
                "Microsoft.IdentityModel.Clients.ActiveDirectory.AdalServiceException".into(),
                format!("AADSTS50034: The user account {name} does not exist in the directory."),
            ));
        };
        let current = current(w)?;
        if !current.account.eq_ignore_ascii_case(&account) {
            // Signing in makes the account's first subscription the default, as the profile did.
            if let Some(first) = w.subscriptions_of(&account).first().map(|s| s.id) {
                w.select_subscription(&first)?;
            }
        }
        let default_name = w.selected_subscription().map(|s| s.name.clone()).unwrap_or_default();
        Ok((default_name, account_object(w, &account)))
    })?;
    // The module formats the Id of the account it built, which only -Credential fills.
    let typed = credential_user(args).unwrap_or_default();
    ctx.write_verbose(&format!("Account \"{typed}\" has been added."))?;
    ctx.write_verbose(&format!("Subscription \"{default_name}\" is selected as the default subscription."))?;
    ctx.write_verbose("To view all the subscriptions, please use Get-AzureSubscription.")?;
    ctx.write_verbose("To switch to a different subscription, please use Select-AzureSubscription.")?;
    ctx.emit(account_value)?;
    Ok(())
}

/// The certificate accounts Set-AzureSubscription -Certificate added: each thumbprint with
/// the subscriptions it is the account of, in the profile's order.
fn certificate_accounts(w: &World) -> Vec<(String, Vec<String>)> {
    let mut found: Vec<(String, Vec<String>)> = Vec::new();
    for s in w.subscriptions() {
        let Some(t) = &s.management_certificate else { continue };
        match found.iter_mut().find(|(known, _)| known == t) {
            Some((_, subs)) => subs.push(s.id.to_string()),
            None => found.push((t.clone(), vec![s.id.to_string()])),
        }
    }
    found
}

/// A certificate's PSAzureAccount: `Type` Certificate and no tenants.
fn certificate_account_object(thumbprint: &str, subscriptions: &[String]) -> Value {
    let mut o = PsObject::typed(ACCOUNT_TYPE);
    o.add_typed("Id", "string", Value::str(thumbprint));
    o.add_typed("Type", "Microsoft.Azure.Common.Authentication.Models.AzureAccount+AccountType", Value::str("Certificate"));
    o.add_typed("Subscriptions", "string", Value::str(subscriptions.join("\r\n")));
    o.add_typed("Tenants", "System.Collections.Generic.List[string]", Value::array(Vec::new()));
    Value::object(o)
}

/// The selected subscription, whose id goes into every management URL.
fn current(w: &World) -> Result<Subscription, Fail> {
    match w.selected_subscription() {
        Some(s) => Ok(s.clone()),
        None => Err(Fail::Exception(INVALID_OPERATION.into(), NO_SUBSCRIPTION.into())),
    }
}

fn get_account(ctx: &mut Ctx, args: &Args) -> Outcome {
    let filter = args.string("Name");
    let wanted = |name: &str| filter.as_ref().is_none_or(|f| name.eq_ignore_ascii_case(f));
    let accounts = session_call(ctx, args, |w| {
        let mut all: Vec<Value> = w.accounts().iter().filter(|a| wanted(&a.name)).map(|a| account_object(w, &a.name)).collect();
        all.extend(certificate_accounts(w).into_iter().filter(|(t, _)| wanted(t)).map(|(t, subs)| certificate_account_object(&t, &subs)));
        Ok(all)
    })?;
    ctx.emit_all(accounts)?;
    Ok(())
}

fn get_subscription(ctx: &mut Ctx, args: &Args) -> Outcome {
    if args.switch("Current") || args.switch("Default") {
        let sub = session_call(ctx, args, |w| current(w))?;
        ctx.emit(subscription_object(&sub, true))?;
        return Ok(());
    }
    let name = args.string("SubscriptionName");
    let id = args.string("SubscriptionId");
    let (subs, selected): (Vec<Subscription>, _) = session_call(ctx, args, |w| {
        let subs = w
            .subscriptions()
            .iter()
            .filter(|s| name.as_ref().is_none_or(|n| s.name.eq_ignore_ascii_case(n)))
            .filter(|s| id.as_ref().is_none_or(|i| s.id.to_string().eq_ignore_ascii_case(i.trim())))
            .cloned()
            .collect();
        Ok((subs, w.selected_subscription().map(|s| s.id)))
    })?;
    if let (Some(i), true) = (&id, subs.is_empty()) {
        return Err(Fail::argument(format!("The subscription id {i} doesn't exist.\r\nParameter name: id")));
    }
    ctx.emit_all(subs.iter().map(|s| subscription_object(s, Some(s.id) == selected)).collect())?;
    Ok(())
}

const BY_NAME: &str = "UpdateSubscriptionByNameParameterSetName";
const BY_ID: &str = "UpdateSubscriptionByIdParameterSetName";
const ADD: &str = "AddSubscriptionParameterSetName";
const SET_SUBSCRIPTION_CLASS: &str = "Microsoft.WindowsAzure.Commands.Profile.SetAzureSubscriptionCommand";
/// The endpoints of AzureCloud, the profile's one environment.
const SERVICE_ENDPOINT: &str = "https://management.core.windows.net/";
const RESOURCE_MANAGER_ENDPOINT: &str = "https://management.azure.com/";

/// The subscription a script names by name (exactly, as the profile matched) or by id.
fn named_subscription(w: &World, name: Option<&String>, id: Option<&String>) -> Result<Subscription, Fail> {
    match (name, id) {
        (Some(name), _) => w
            .subscriptions()
            .iter()
            .find(|s| &s.name == name)
            .cloned()
            .ok_or_else(|| Fail::argument(format!("The subscription name {name} doesn't exist.\r\nParameter name: name"))),
        (None, Some(id)) => {
            let guid = crate::engine::convert::parse_guid(id).ok_or_else(|| {
                Fail::Exception("System.FormatException".into(), "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).".into())
            })?;
            w.subscription(&guid).cloned().ok_or_else(|| Fail::argument(format!("The subscription id {guid} doesn't exist.\r\nParameter name: id")))
        }
        (None, None) => Err(Fail::argument("The subscription name  doesn't exist.\r\nParameter name: name")),
    }
}

/// Set-AzureSubscription (SetAzureSubscription.cs): finds the subscription (the add form, name
/// and id together, by its id: the lab's subscriptions are the world's), checks the endpoints
/// against its environment, then records the certificate and the current storage account.
fn set_subscription(ctx: &mut Ctx, args: &Args) -> Outcome {
    let name = args.string("SubscriptionName");
    let id = args.string("SubscriptionId");
    let adding = name.is_some() && id.is_some();
    let thumbprint = match args.get("Certificate") {
        Some(value) => Some(certificate_thumbprint(value)?),
        None if adding => return Err(missing_certificate().into()),
        None => None,
    };
    let service = args.string("ServiceEndpoint");
    let manager = args.string("ResourceManagerEndpoint");
    let matches =
        |given: &Option<String>, known: &str| given.as_deref().is_none_or(|g| g.trim_end_matches('/').eq_ignore_ascii_case(known.trim_end_matches('/')));
    let known_endpoints = matches(&service, SERVICE_ENDPOINT) && matches(&manager, RESOURCE_MANAGER_ENDPOINT);
    let storage = args.string("CurrentStorageAccountName");
    let (sub, selected) = session_call(ctx, args, |w| {
        let sub = if adding { named_subscription(w, None, id.as_ref())? } else { named_subscription(w, name.as_ref(), id.as_ref())? };
        if !known_endpoints {
            return Err(Fail::argument(
                "ServiceEndpoint and ResourceManagerEndpoint values do not match existing environment. Please use Environment parameter.",
            ));
        }
        if let Some(thumbprint) = &thumbprint {
            w.set_management_certificate(&sub.id, thumbprint, name.as_deref().filter(|_| adding))?;
        }
        if let Some(account) = &storage {
            w.set_current_storage_account(&sub.id, account)?;
        }
        let now = w.subscription(&sub.id).cloned().unwrap_or(sub);
        Ok((now, w.selected_subscription().map(|s| s.id)))
    })?;
    if service.is_some() || manager.is_some() {
        ctx.write_warning(
            "Please use Environment parameter to specify subscription environment. This warning will be converted into an error in the upcoming release.",
        )?;
    }
    if args.switch("PassThru") {
        ctx.emit(subscription_object(&sub, Some(sub.id) == selected))?;
    }
    Ok(())
}

/// `-Certificate` binds an X509Certificate2 only: anything else is 5.1's conversion error.
fn certificate_thumbprint(value: &Value) -> Result<String, Fail> {
    crate::cmdlets::core::files::thumbprint_of(value).ok_or_else(|| {
        let message = format!(
            "Cannot bind parameter 'Certificate'. Cannot convert the \"{}\" value of type \"{}\" to type \"{}\".",
            value.to_display_string(),
            value.type_name(),
            crate::cmdlets::core::files::CERTIFICATE_TYPE
        );
        ErrorRecord::new(
            message,
            "System.Management.Automation.ParameterBindingException",
            ErrorCategory::InvalidArgument,
            format!("CannotConvertArgumentNoMessage,{SET_SUBSCRIPTION_CLASS}"),
        )
        .into()
    })
}

/// The add form's `-Certificate` is mandatory there (and optional in the update forms, which
/// ersim's one parameter cannot say): 5.1's binding error when it is missing.
fn missing_certificate() -> ErrorRecord {
    ErrorRecord::new(
        "Cannot process command because of one or more missing mandatory parameters: Certificate.",
        "System.Management.Automation.ParameterBindingException",
        ErrorCategory::InvalidArgument,
        format!("MissingMandatoryParameter,{SET_SUBSCRIPTION_CLASS}"),
    )
}

/// `SetSubscriptionAsDefault`: names match exactly (`s.Name == name`), ids as GUIDs.
fn select_subscription(ctx: &mut Ctx, args: &Args) -> Outcome {
    let name = args.string("SubscriptionName");
    let id = args.string("SubscriptionId");
    if name.is_none() && id.is_none() {
        return Ok(());
    }
    let selected = session_call(ctx, args, |w| {
        let target = match (&name, &id) {
            (Some(name), _) => w
                .subscriptions()
                .iter()
                .find(|s| &s.name == name)
                .map(|s| s.id)
                .ok_or_else(|| Fail::argument(format!("The subscription name {name} doesn't exist.\r\nParameter name: name")))?,
            (None, Some(id)) => {
                let guid = crate::engine::convert::parse_guid(id)
                    .ok_or_else(|| Fail::argument(format!("The value {id} is an invalid GUID.\r\nParameter name: SubscriptionId")))?;
                w.subscription(&guid).map(|s| s.id).ok_or_else(|| Fail::argument(format!("The subscription id {guid} doesn't exist.\r\nParameter name: id")))?
            }
            (None, None) => unreachable!("returned above"),
        };
        w.select_subscription(&target)?;
        current(w)
    })?;
    if args.switch("Current") || args.switch("Default") {
        ctx.write_warning("Current and Default parameters have been deprecated. Select-AzureSubscription will always update the Default Subscription.")?;
    }
    if args.switch("PassThru") {
        ctx.emit(subscription_object(&selected, true))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_of_one_domain_share_a_stable_tenant() {
        assert_eq!(tenant_of("admin@contoso.com"), tenant_of("devtest@CONTOSO.com"));
        assert_ne!(tenant_of("admin@contoso.com"), tenant_of("expressroute@equinix.example"));
        assert_eq!(tenant_of("admin@contoso.com").get_version_num(), 4);
    }
}
