//! `$TestDrive`: a fresh folder for each test file's run, removed when the file is done.
//! Pester puts it under the temporary folder; ersim puts it on the lab drive
//! (`C:\Temp\<guid>`), never in the start directory, which is a real folder of this
//! machine, so a run leaves nothing behind where ersim was started.

use crate::engine::{Ctx, EvalResult, Value};

/// Runs `f` with `$TestDrive` naming a new folder, then removes the folder.
pub fn around(ctx: &mut Ctx, f: impl FnOnce(&mut Ctx) -> EvalResult<()>) -> EvalResult<()> {
    let Ok(fs) = super::lab(ctx) else { return f(ctx) };
    let id = match ctx.interp.guid_source.as_mut() {
        Some(next) => next(),
        None => uuid::Uuid::new_v4(),
    };
    let path = format!("C:\\Temp\\{id}");
    let now = ctx.interp.clock.now();
    let item = fs.resolve(&path).ok().filter(|item| fs.create_dir(item, now).is_ok());
    let saved = ctx.interp.get_var("TestDrive", Some("global"));
    if let Some(item) = &item {
        let _ = ctx.interp.set_var("TestDrive", Some("global"), Value::str(&path));
        // `TestDrive:\x` names the same folder, as Pester's PSDrive does.
        fs.map_drive("TestDrive", item.lab.clone());
    }
    let r = f(ctx);
    if let Some(item) = item {
        fs.unmap_drive("TestDrive");
        let _ = fs.remove(&item, true, ctx.interp.clock.now());
        let _ = ctx.interp.set_var("TestDrive", Some("global"), saved.unwrap_or(Value::Null));
    }
    r
}
