//! Get-AzurePublishSettingsFile and Import-AzurePublishSettingsFile. The real Get opened a
//! browser that downloaded a `.publishsettings` file (the account's subscriptions with a
//! management certificate); offline, the "download" is written into the lab's Downloads
//! folder, and Import reads such a file (or the first one of a folder) back through the
//! lab's file system.

use roxmltree::Document;

use crate::cloud::Subscription;
use crate::cmdlets::azure::{session_call, Fail, Outcome, SmCmdlet, INVALID_OPERATION, NO_SUBSCRIPTION};
use crate::engine::command::{Args, CommandInfo, ParamSpec};
use crate::engine::value::{TypeKind, Value};
use crate::engine::Ctx;
use crate::labfs::{Item, LabFs, WriteMode};

use super::accounts::{profile_cmdlet, subscription_object, MODULE, SUBSCRIPTION_TYPE};

/// Where the browser would have saved the download.
const DOWNLOADS: &str = r"C:\Users\admin\Downloads";
const SERVICE_URL: &str = "https://management.core.windows.net";

pub fn commands() -> Vec<CommandInfo> {
    vec![
        profile_cmdlet!("Get-AzurePublishSettingsFile", "GetAzurePublishSettingsFileCommand", get_file)
            .param(ParamSpec::new("Environment", TypeKind::String).position(0).by_name().not_empty().help("The targeted Microsoft Azure environment."))
            .param(ParamSpec::new("Realm", TypeKind::String).position(1).by_name().not_empty().help("Realm of the account."))
            .param(ParamSpec::switch("PassThru").position(2).by_name().help("Returns true in success."))
            .outputs("bool")
            .synopsis("Downloads the publish settings file of the signed-in account (offline: writes it).")
            .description(r"Writes C:\Users\admin\Downloads\<subscriptions>-<date>-credentials.publishsettings with the current account's subscriptions and a lab management certificate, where the browser would have saved it. -Verbose names the file.")
            .example("Download and import", "Get-AzurePublishSettingsFile\nImport-AzurePublishSettingsFile (Get-ChildItem ~\\Downloads\\*.publishsettings).FullName", "The account's subscriptions."),
        profile_cmdlet!("Import-AzurePublishSettingsFile", "ImportAzurePublishSettingsCommand", import_file)
            .param(ParamSpec::new("PublishSettingsFile", TypeKind::String).mandatory().position(0).by_name().help("Path to the publish settings file."))
            .param(ParamSpec::new("Environment", TypeKind::String).not_empty().in_set("CommonSettings").help("Environment name."))
            .outputs(SUBSCRIPTION_TYPE)
            .synopsis("Imports the subscriptions of a publish settings file.")
            .description("A file, or a folder whose first .publishsettings file is imported (with a warning when it has more). Each subscription must be one of the lab's.")
            .example("Import a downloaded file", "Get-AzurePublishSettingsFile\nImport-AzurePublishSettingsFile ~\\Downloads", "The subscriptions it holds."),
    ]
}

fn io_fail(e: impl std::fmt::Display) -> Fail {
    Fail::Exception("System.IO.IOException".into(), e.to_string())
}

fn checked(ctx: &Ctx, path: &str) -> Result<(std::rc::Rc<LabFs>, Item), Fail> {
    crate::cmdlets::core::files::checked_item(ctx, path).map_err(|m| Fail::Exception("System.UnauthorizedAccessException".into(), m))
}

/// The publish settings document: one Subscription element per subscription, each with the
/// account's certificate (lab bytes from the world's generator, base64 as the portal sent).
fn document(subs: &[Subscription], certificate: &[u8]) -> String {
    let cert = crate::engine::dotnet::convert_class::to_base64(certificate);
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<PublishData>\r\n  <PublishProfile\r\n    SchemaVersion=\"2.0\"\r\n    PublishMethod=\"AzureServiceManagementAPI\">\r\n");
    for s in subs {
        x.push_str(&format!(
            "    <Subscription\r\n      ServiceManagementUrl=\"{SERVICE_URL}\"\r\n      Id=\"{}\"\r\n      Name=\"{}\"\r\n      ManagementCertificate=\"{cert}\" />\r\n",
            s.id,
            super::netconfig::escape(&s.name)
        ));
    }
    x.push_str("  </PublishProfile>\r\n</PublishData>\r\n");
    x
}

fn get_file(ctx: &mut Ctx, args: &Args) -> Outcome {
    let (subs, certificate, today) = session_call(ctx, args, |w| {
        let account = w.selected_subscription().map(|s| s.account.clone()).ok_or_else(|| Fail::Exception(INVALID_OPERATION.into(), NO_SUBSCRIPTION.into()))?;
        let subs: Vec<Subscription> = w.subscriptions_of(&account).into_iter().cloned().collect();
        let certificate: Vec<u8> = (0..8).flat_map(|_| w.next_guid().into_bytes()).collect();
        Ok((subs, certificate, w.now()))
    })?;
    let names: Vec<&str> = subs.iter().map(|s| s.name.as_str()).collect();
    let file = format!("{DOWNLOADS}\\{}-{}-credentials.publishsettings", names.join("-"), today.format("%-m-%-d-%Y"));
    let (fs, folder) = checked(ctx, DOWNLOADS)?;
    let now = ctx.interp.clock.now();
    if !fs.exists(&folder) {
        fs.create_dir(&folder, now).map_err(io_fail)?;
    }
    let (fs, item) = checked(ctx, &file)?;
    fs.write_bytes(&item, document(&subs, &certificate).as_bytes(), WriteMode::Create, now).map_err(io_fail)?;
    ctx.write_verbose(&format!("The publish settings file was saved to '{}'.", item.shown()))?;
    if args.switch("PassThru") {
        ctx.emit(Value::Bool(true))?;
    }
    Ok(())
}

/// The file to import: the path itself, or a folder's first `.publishsettings` file.
fn file_to_import(ctx: &mut Ctx, path: &str) -> Result<(std::rc::Rc<LabFs>, Item), Fail> {
    let (fs, item) = checked(ctx, path)?;
    if !fs.is_dir(&item) {
        if !fs.exists(&item) {
            // GuardFileExists throws a bare Exception.
            return Err(Fail::Exception("System.Exception".into(), "Exception of type 'System.Exception' was thrown.".into()));
        }
        return Ok((fs, item));
    }
    let mut files: Vec<Item> = fs
        .list(&item)
        .map_err(io_fail)?
        .into_iter()
        .filter(|e| !e.is_dir && e.item.shown().to_ascii_lowercase().ends_with(".publishsettings"))
        .map(|e| e.item)
        .collect();
    files.sort_by_key(|i| i.shown().to_ascii_lowercase());
    let Some(first) = files.first().cloned() else {
        return Err(Fail::Exception(
            "System.Exception".into(),
            format!("No publish settings files with extension *.publishsettings were found in the directory '{}'.", item.shown()),
        ));
    };
    if files.len() > 1 {
        ctx.write_warning(&format!("Multiple publish settings files were found. The file '{}' was imported.", first.shown()))?;
    }
    Ok((fs, first))
}

fn import_file(ctx: &mut Ctx, args: &Args) -> Outcome {
    let (fs, item) = file_to_import(ctx, &args.string("PublishSettingsFile").unwrap_or_default())?;
    let (text, _) = fs.read_text(&item, None).map_err(io_fail)?;
    let invalid = |why: String| Fail::Exception("System.Xml.XmlException".into(), why);
    let text = text.trim_start_matches('\u{feff}');
    // .NET's reader judges the document (and words its XmlException); roxmltree reads it.
    crate::engine::dotnet::xml::parse::parse(text).map_err(invalid)?;
    let doc = Document::parse(text).map_err(|e| invalid(e.to_string()))?;
    let ids: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("Subscription") && n.ancestors().any(|a| a.has_tag_name("PublishProfile")))
        .filter_map(|n| n.attribute("Id").map(str::to_string))
        .collect();
    if !doc.root_element().has_tag_name("PublishData") || ids.is_empty() {
        return Err(invalid(format!("The file '{}' is not a publish settings file: it has no PublishData/PublishProfile/Subscription.", item.shown())));
    }
    let (subs, selected) = session_call(ctx, args, |w| {
        let mut subs = Vec::new();
        for id in &ids {
            let found = crate::engine::convert::parse_guid(id).and_then(|g| w.subscription(&g).cloned());
            subs.push(found.ok_or_else(|| Fail::argument(format!("The subscription id {id} doesn't exist.\r\nParameter name: id")))?);
        }
        Ok((subs, w.selected_subscription().map(|s| s.id)))
    })?;
    // One object: the list of the file's subscriptions, as WriteObject(subscriptions) wrote it.
    let list = subs.iter().map(|s| subscription_object(s, Some(s.id) == selected)).collect();
    ctx.emit(Value::array(list))?;
    Ok(())
}
