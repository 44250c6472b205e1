//! The mapping and the access rule on real folders.

use super::*;

struct Lab {
    fs: LabFs,
    start: PathBuf,
    drive: PathBuf,
    base: PathBuf,
}

fn lab(name: &str) -> Lab {
    let base = std::env::temp_dir().join(format!("ersim-labfs-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let (start, drive, allowed) = (base.join("start"), base.join("drive"), base.join("allowed"));
    std::fs::create_dir_all(start.join("Logs")).unwrap();
    std::fs::create_dir_all(&allowed).unwrap();
    std::fs::write(base.join("outside.txt"), "secret").unwrap();
    std::os::unix::fs::symlink(base.join("outside.txt"), start.join("link.txt")).unwrap();
    std::os::unix::fs::symlink(&base, start.join("up")).unwrap();
    let fs = LabFs::new(Config { start: start.clone(), drive: DriveRoot::Dir(drive.clone()), allow: vec![allowed] });
    let base = base.canonicalize().unwrap();
    Lab { fs, start: start.canonicalize().unwrap(), drive: base.join("drive"), base }
}

#[test]
fn windows_paths_map_onto_the_start_directory_and_the_lab_drive() {
    let l = lab("map");
    assert_eq!(l.fs.resolve("logs\\a.log").unwrap().host, l.start.join("Logs/a.log"), "case-insensitive");
    assert_eq!(l.fs.resolve("C:\\Users\\ADMIN").unwrap().host, l.start);
    assert_eq!(l.fs.resolve("C:\\Windows\\x").unwrap().host, l.drive.join("C/Windows/x"));
    assert_eq!(l.fs.resolve("d:/data").unwrap().host, l.drive.join("D/data"));
    assert_eq!(l.fs.resolve("~\\AppData\\Local\\Temp\\t").unwrap().host, l.drive.join("C/Users/admin/AppData/Local/Temp/t"));
    let inside = l.start.join("Logs").display().to_string();
    assert_eq!(l.fs.resolve(&inside).unwrap().shown(), "C:\\Users\\admin\\Logs", "a machine path inside is shown as the lab's");
    let allowed = l.base.join("allowed/in.csv").display().to_string();
    assert_eq!(l.fs.resolve(&allowed).unwrap().shown(), allowed);
    std::fs::remove_dir_all(&l.base).unwrap();
}

#[test]
fn every_way_out_is_denied() {
    let l = lab("deny");
    let outside = l.base.join("outside.txt").display().to_string();
    for text in [outside.as_str(), "/etc/passwd", "link.txt", "up\\outside.txt", "/dev/zero", "\\\\server\\share\\x"] {
        assert!(matches!(l.fs.resolve(text), Err(FsError::Denied(_))), "{text}");
    }
    assert!(l.fs.resolve("..\\..\\..\\..").is_ok(), "`..` stops at C:\\, which is the lab drive's");
    std::fs::remove_dir_all(&l.base).unwrap();
}

#[test]
fn text_is_written_with_the_encodings_bom_and_appended_without_it() {
    let l = lab("write");
    let now = chrono::NaiveDate::from_ymd_opt(2016, 10, 3).unwrap().and_hms_opt(9, 0, 0).unwrap();
    let item = l.fs.resolve("C:\\out.txt").unwrap();
    l.fs.write_text(&item, "a\r\n", Encoding::Unicode, WriteMode::Create, now).unwrap();
    l.fs.write_text(&item, "b\r\n", Encoding::Unicode, WriteMode::Append, now).unwrap();
    assert_eq!(std::fs::read(&item.host).unwrap(), [0xff, 0xfe, b'a', 0, b'\r', 0, b'\n', 0, b'b', 0, b'\r', 0, b'\n', 0]);
    assert_eq!(l.fs.entry(&item).unwrap().modified, now, "the write time is the caller's clock");
    assert_eq!(l.fs.existing_encoding(&item), Some(Encoding::Unicode));
    assert!(matches!(l.fs.write_text(&item, "c", Encoding::Ansi, WriteMode::CreateNew, now), Err(FsError::AlreadyExists(_))));
    let deep = l.fs.resolve("C:\\missing\\x.txt").unwrap();
    assert!(matches!(l.fs.write_text(&deep, "x", Encoding::Ansi, WriteMode::Create, now), Err(FsError::NoParent(_))));
    std::fs::write(l.start.join("utf8.txt"), "é").unwrap();
    let utf8 = l.fs.resolve("utf8.txt").unwrap();
    assert_eq!(l.fs.read_text(&utf8, None).unwrap(), ("Ã©".to_string(), true));
    assert_eq!(l.fs.read_text(&utf8, None).unwrap(), ("Ã©".to_string(), false), "warned once");
    std::fs::remove_dir_all(&l.base).unwrap();
}

#[test]
fn a_temporary_drive_is_removed_with_the_session() {
    let fs = LabFs::new(Config { start: std::env::temp_dir(), drive: DriveRoot::Temporary, allow: Vec::new() });
    let root = fs.drive_root().to_path_buf();
    let now = chrono::NaiveDateTime::default();
    fs.write_text(&fs.resolve("D:\\x.txt").unwrap(), "x", Encoding::Ascii, WriteMode::Create, now).unwrap();
    assert!(root.join("D/x.txt").is_file());
    drop(fs);
    assert!(!root.exists());
}
