//! Sharing a circuit: link authorizations, their Microsoft ids, and the circuits shared with
//! the caller (Get-AzureAuthorizedDedicatedCircuit).

use crate::cmdlets::azure::{call, confirm, guid, verbose, Outcome};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::value::{TypeKind, Value};
use crate::engine::Ctx;

use super::{er_cmdlet, force, models, pass_thru, service_key};

const KEY_HELP: &str = "Service Key representing the Dedicated Circuit";

fn authorization_id(help: &str) -> ParamSpec {
    ParamSpec::new("AuthorizationId", TypeKind::Guid).by_name().help(help)
}

fn microsoft_ids(help: &str) -> ParamSpec {
    ParamSpec::new("MicrosoftIds", TypeKind::String).by_name().help(help)
}

pub fn commands() -> Vec<CommandInfo> {
    vec![
        er_cmdlet!("New-AzureDedicatedCircuitLinkAuthorization", "NewAzureDedicatedCircuitLinkAuthorizationCommand", new_authorization)
            .param(service_key(KEY_HELP).mandatory())
            .param(ParamSpec::new("Description", TypeKind::String).mandatory().not_empty().by_name().help("Description"))
            .param(ParamSpec::new("Limit", TypeKind::Int).mandatory().not_empty().by_name().help("Maximum number of links that can be created"))
            .param(microsoft_ids("Microsoft Ids to be added").mandatory())
            .outputs(models::AUTHORIZATION)
            .synopsis("Authorizes other accounts to link VNets to a circuit.")
            .description("The accounts named in -MicrosoftIds (comma-separated) may create up to -Limit links from their own subscriptions.")
            .example(
                "Share with Dev-Test",
                "New-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -Description 'Dev-Test Links' -Limit 2 -MicrosoftIds 'devtest@contoso.com'",
                "Writes the authorization.",
            ),
        er_cmdlet!("Get-AzureDedicatedCircuitLinkAuthorization", "GetAzureDedicatedCircuitLinkAuthorizationCommand", get_authorization)
            .param(service_key(KEY_HELP).mandatory())
            .param(authorization_id("Authorization Id"))
            .outputs(models::AUTHORIZATION)
            .synopsis("Gets the link authorizations of a circuit.")
            .description("Without -AuthorizationId, lists them all.")
            .example("All authorizations", "Get-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key", "One list entry each."),
        er_cmdlet!("Set-AzureDedicatedCircuitLinkAuthorization", "SetAzureDedicatedCircuitLinkAuthorizationAuthorizationCommand", set_authorization)
            .param(service_key(KEY_HELP).mandatory())
            .param(authorization_id("Authorization Id").mandatory())
            .param(ParamSpec::new("Description", TypeKind::String).by_name().help("Description"))
            .param(ParamSpec::new("Limit", TypeKind::Int).by_name().help("Maximum number of links that can be created"))
            .param(microsoft_ids("Microsoft Ids to be added"))
            .outputs(models::AUTHORIZATION)
            .synopsis("Updates or creates a dedicated circuit link authorization.")
            .description("Updates the description and limit (an omitted -Limit sends 0); when the update fails, creates a new authorization from the values given, as the module does.")
            .example("Raise the limit", "$id = (New-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -Description 'Dev-Test Links' -Limit 2 -MicrosoftIds 'devtest@contoso.com').LinkAuthorizationId\nSet-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -AuthorizationId $id -Limit 5", "Writes the authorization."),
        er_cmdlet!("Remove-AzureDedicatedCircuitLinkAuthorization", "RemoveAzureDedicatedCircuitLinkAuthorizationCommand", remove_authorization)
            .param(service_key(KEY_HELP).mandatory())
            .param(authorization_id("Authorization Id").mandatory())
            .param(force("Do not confirm"))
            .param(pass_thru("Writes True when the removal succeeds; without it the cmdlet writes nothing."))
            .outputs("System.Boolean")
            .synopsis("Revokes a link authorization.")
            .description("Every link created under it is deleted.")
            .example("Revoke", "$id = (New-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -Description 'Dev-Test Links' -Limit 2 -MicrosoftIds 'devtest@contoso.com').LinkAuthorizationId\nRemove-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -AuthorizationId $id -Force", "Nothing is written."),
        er_cmdlet!("New-AzureDedicatedCircuitLinkAuthorizationMicrosoftIds", "NewAzureDedicatedCircuitLinkAuthorizationMicrosoftIdsCommand", add_ids)
            .param(service_key(KEY_HELP).mandatory())
            .param(authorization_id("Authorization Id").mandatory())
            .param(microsoft_ids("Microsoft Ids to be removed").mandatory())
            .synopsis("Adds accounts to a link authorization.")
            .description("Writes True when the service accepted the change.")
            .example("Add an account", "$id = (New-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -Description 'Dev-Test Links' -Limit 2 -MicrosoftIds 'devtest@contoso.com').LinkAuthorizationId\nNew-AzureDedicatedCircuitLinkAuthorizationMicrosoftIds -ServiceKey $key -AuthorizationId $id -MicrosoftIds 'ops@contoso.com'", "True."),
        er_cmdlet!("Remove-AzureDedicatedCircuitLinkAuthorizationMicrosoftIds", "RemoveAzureDedicatedCircuitLinkAuthorizationMicrosoftIdsCommand", remove_ids)
            .param(service_key(KEY_HELP).mandatory())
            .param(authorization_id("Authorization Id").mandatory())
            .param(microsoft_ids("Microsoft Ids to be removed").mandatory())
            .synopsis("Removes accounts from a link authorization.")
            .description("Links their subscriptions made under it are deleted. Writes True when the service accepted the change.")
            .example("Remove an account", "$id = (New-AzureDedicatedCircuitLinkAuthorization -ServiceKey $key -Description 'Dev-Test Links' -Limit 2 -MicrosoftIds 'devtest@contoso.com').LinkAuthorizationId\nRemove-AzureDedicatedCircuitLinkAuthorizationMicrosoftIds -ServiceKey $key -AuthorizationId $id -MicrosoftIds 'devtest@contoso.com'", "True."),
        er_cmdlet!("Get-AzureAuthorizedDedicatedCircuit", "GetAzureAuthorizedDedicatedCircuitCommand", get_authorized)
            .param(service_key(KEY_HELP).position(0))
            .outputs(models::AUTHORIZED_CIRCUIT)
            .synopsis("Gets the circuits shared with the current subscription's account.")
            .description("Lists circuits whose authorizations name this account, with the links allowed and used.")
            .example("Shared circuits", "Get-AzureAuthorizedDedicatedCircuit", "One list entry per circuit."),
    ]
}

fn new_authorization(ctx: &mut Ctx, args: &Args) -> Outcome {
    let key = guid(args, "ServiceKey").unwrap_or_default();
    let description = args.string("Description").unwrap_or_default();
    let ids = args.string("MicrosoftIds").unwrap_or_default();
    let limit = args.opt::<i64>("Limit").unwrap_or(0);
    let a = call(ctx, args, |w, sub| Ok(w.new_link_authorization(sub, &key, &description, limit, &ids)?))?;
    ctx.emit(models::authorization(&a))?;
    Ok(())
}

fn get_authorization(ctx: &mut Ctx, args: &Args) -> Outcome {
    let key = guid(args, "ServiceKey").unwrap_or_default();
    match guid(args, "AuthorizationId") {
        Some(id) => {
            let a = call(ctx, args, |w, sub| Ok(w.get_link_authorization(sub, &key, &id)?))?;
            ctx.emit(models::authorization(&a))?;
        }
        None => {
            let all = call(ctx, args, |w, sub| Ok(w.list_link_authorizations(sub, &key)?))?;
            ctx.emit_all(all.iter().map(models::authorization).collect())?;
        }
    }
    Ok(())
}

/// `try { Get; Update(Description, Limit) } catch { New(Description, Limit, MicrosoftIds) }`;
/// `Limit` is an `int` defaulting to 0, and MicrosoftIds are ignored by the update.
fn set_authorization(ctx: &mut Ctx, args: &Args) -> Outcome {
    let key = guid(args, "ServiceKey").unwrap_or_default();
    let id = guid(args, "AuthorizationId").unwrap_or_default();
    let description = args.string("Description");
    let limit = args.opt::<i64>("Limit").unwrap_or(0);
    let ids = args.string("MicrosoftIds").unwrap_or_default();
    let a = call(ctx, args, |w, sub| {
        let updated = w.get_link_authorization(sub, &key, &id).and_then(|_| w.update_link_authorization(sub, &key, &id, description.as_deref(), Some(limit)));
        match updated {
            Ok(a) => Ok(a),
            Err(_) => Ok(w.new_link_authorization(sub, &key, description.as_deref().unwrap_or_default(), limit, &ids)?),
        }
    })?;
    ctx.emit(models::authorization(&a))?;
    Ok(())
}

fn remove_authorization(ctx: &mut Ctx, args: &Args) -> Outcome {
    let key = guid(args, "ServiceKey").unwrap_or_default();
    let id = guid(args, "AuthorizationId").unwrap_or_default();
    let query = format!("Are you sure you want to remove the Dedicated Circuit Link Authorization with service key '{key}' and authorization Id '{id}'?");
    if !confirm(ctx, args, &query, "Removing Dedicated Circuit Link Authorization", &format!("{key} {id}"))? {
        return Ok(());
    }
    call(ctx, args, |w, sub| Ok(w.remove_link_authorization(sub, &key, &id)?))?;
    verbose(ctx, &format!("Successfully removed Dedicated Circuit Link Authorization with service key '{key}' and authorization Id '{id}'."))?;
    if args.switch("PassThru") {
        ctx.emit(Value::Bool(true))?;
    }
    Ok(())
}

fn add_ids(ctx: &mut Ctx, args: &Args) -> Outcome {
    let key = guid(args, "ServiceKey").unwrap_or_default();
    let id = guid(args, "AuthorizationId").unwrap_or_default();
    let ids = args.string("MicrosoftIds").unwrap_or_default();
    call(ctx, args, |w, sub| Ok(w.add_authorization_microsoft_ids(sub, &key, &id, &ids)?))?;
    ctx.emit(Value::Bool(true))?;
    Ok(())
}

fn remove_ids(ctx: &mut Ctx, args: &Args) -> Outcome {
    let key = guid(args, "ServiceKey").unwrap_or_default();
    let id = guid(args, "AuthorizationId").unwrap_or_default();
    let ids = args.string("MicrosoftIds").unwrap_or_default();
    call(ctx, args, |w, sub| Ok(w.remove_authorization_microsoft_ids(sub, &key, &id, &ids)?))?;
    ctx.emit(Value::Bool(true))?;
    Ok(())
}

fn get_authorized(ctx: &mut Ctx, args: &Args) -> Outcome {
    match guid(args, "ServiceKey") {
        Some(key) => {
            let c = call(ctx, args, |w, sub| Ok(w.get_authorized_circuit(sub, &key)?))?;
            ctx.emit(models::authorized_circuit(&c))?;
        }
        None => {
            let all = call(ctx, args, |w, sub| Ok(w.list_authorized_circuits(sub)?))?;
            ctx.emit_all(all.iter().map(models::authorized_circuit).collect())?;
        }
    }
    Ok(())
}
