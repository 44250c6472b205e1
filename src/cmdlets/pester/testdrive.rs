//! `$TestDrive`: a fresh folder for each test file's run, removed when the file is done.
//! Pester puts it under the temporary folder; ersim puts it on the lab drive
//! (`C:\Temp\<guid>`), never in the start directory, which is a real folder of this
//! machine, so a run leaves nothing behind where ersim was started.

use crate::engine::{Ctx, EvalResult, Value};
use crate::labfs::Item;

/// A test drive's folder, and what `$TestDrive` held before it was entered.
pub struct Drive {
    item: Option<Item>,
    path: String,
    saved: Option<Value>,
}

/// Makes a new folder (not yet entered).
pub fn create(ctx: &mut Ctx) -> Drive {
    let id = ctx.interp.new_guid();
    let path = format!("C:\\Temp\\{id}");
    let now = ctx.interp.clock.now();
    let item = super::lab(ctx).ok().and_then(|fs| fs.resolve(&path).ok().filter(|item| fs.create_dir(item, now).is_ok()));
    Drive { item, path, saved: None }
}

/// Points `$TestDrive` and the `TestDrive:` drive at the folder.
pub fn enter(ctx: &mut Ctx, drive: &mut Drive) {
    let (Some(item), Ok(fs)) = (&drive.item, super::lab(ctx)) else { return };
    drive.saved = ctx.interp.get_var("TestDrive", Some("global"));
    let _ = ctx.interp.set_var("TestDrive", Some("global"), Value::str(&drive.path));
    // `TestDrive:\x` names the same folder, as Pester's PSDrive does.
    fs.map_drive("TestDrive", item.lab.clone());
}

/// Undoes `enter`, keeping the folder.
pub fn leave(ctx: &mut Ctx, drive: &mut Drive) {
    let (Some(_), Ok(fs)) = (&drive.item, super::lab(ctx)) else { return };
    fs.unmap_drive("TestDrive");
    let _ = ctx.interp.set_var("TestDrive", Some("global"), drive.saved.take().unwrap_or(Value::Null));
}

/// Removes the folder.
pub fn remove(ctx: &mut Ctx, drive: Drive) {
    let (Some(item), Ok(fs)) = (drive.item, super::lab(ctx)) else { return };
    let _ = fs.remove(&item, true, ctx.interp.clock.now());
}

/// Runs `f` in `drive` (a new one when `None`), then removes the folder.
pub fn around(ctx: &mut Ctx, drive: Option<Drive>, f: impl FnOnce(&mut Ctx) -> EvalResult<()>) -> EvalResult<()> {
    let mut drive = drive.unwrap_or_else(|| create(ctx));
    enter(ctx, &mut drive);
    let r = f(ctx);
    leave(ctx, &mut drive);
    remove(ctx, drive);
    r
}
