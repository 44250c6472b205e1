//! The state as an SQLite database: opening (with the integrity check), creating, migrating
//! a JSON state file, and one cmdlet's transaction.
//!
//! - `journal_mode=WAL` so readers never wait for a writer; `synchronous=FULL` because in
//!   WAL mode `NORMAL` may lose the last commits on a power cut, and a cmdlet's change has
//!   been on disk when it returns since the state file existed.
//! - `busy_timeout` is the store's lock timeout: SQLite's own locks replace the `.lock`
//!   file. Writers begin with `BEGIN IMMEDIATE`, so two writers never deadlock upgrading a
//!   read lock.
//! - `PRAGMA quick_check` once when a process opens a database of up to 2 MiB (larger ones:
//!   see [`open`]); a database that fails it, or a file that is not one, is reported and
//!   never written.

use std::fs::{self, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};
use serde_json::{Map, Value};

use crate::cloud::World;

use super::durable::{parent_dir, sync_dir, PRIVATE_FILE_MODE};
use super::error::StoreError;
use super::format::{self, DecodeError, SCHEMA};
use super::lock::{acquire, lock_path, LockKind};
use super::rows::{SqliteRows, CREATE, DB_SCHEMA, UPGRADE_FROM_1};

const SQLITE_HEADER: &[u8] = b"SQLite format 3\0";

/// The largest database checked whole on open (about 2,000 circuits, under 1.5 ms).
const FULL_CHECK_UP_TO: u64 = 2 << 20;

/// What the file at the state path holds.
enum Found {
    Missing,
    Database,
    /// Anything else: a JSON state file to migrate (or a corrupt one).
    Other,
}

fn inspect(path: &Path) -> Result<Found, StoreError> {
    let read_err = |source| StoreError::Read { path: path.to_path_buf(), source };
    match fs::metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Found::Missing),
        Err(e) => return Err(read_err(e)),
        Ok(m) if !m.is_file() => return Err(StoreError::Corrupt { path: path.to_path_buf(), detail: "it is not a regular file".into() }),
        Ok(_) => {}
    }
    let mut head = [0u8; 16];
    let mut file = fs::File::open(path).map_err(read_err)?;
    let n = read_up_to(&mut file, &mut head).map_err(read_err)?;
    Ok(if n == head.len() && head == SQLITE_HEADER { Found::Database } else { Found::Other })
}

fn read_up_to(file: &mut fs::File, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

pub(crate) fn sql_error(path: &Path, e: rusqlite::Error, timeout: Duration) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::LockTimeout { lock: path.to_path_buf(), waited: timeout },
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::Corrupt { path: path.to_path_buf(), detail: e.to_string() },
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path: path.to_path_buf() },
        _ => StoreError::Database { path: path.to_path_buf(), detail: e.to_string() },
    }
}

/// Opens the database at `path`, creating it with `fresh` or migrating a JSON state file
/// first when that is what the path holds.
///
/// `legacy` is where earlier versions kept the JSON state by default: when `path` is
/// missing and `legacy` holds a state file, that world moves into the new database (and the
/// JSON file stays where it is, untouched).
pub(crate) fn open(path: &Path, legacy: Option<&Path>, timeout: Duration, fresh: &dyn Fn() -> World) -> Result<Arc<SqliteRows>, StoreError> {
    if !matches!(inspect(path)?, Found::Database) {
        // Creating and migrating happen under the `.lock` file, so that two processes
        // starting together build one database, and an ersim of the JSON era writing the
        // file meanwhile is excluded; the first one in does the work.
        let _lock = acquire(&lock_path(path), LockKind::Exclusive, timeout)?;
        match inspect(path)? {
            Found::Database => {}
            Found::Missing => match legacy.filter(|l| l.is_file()) {
                Some(json) => create_from(path, &decode_json(json)?, timeout)?,
                None => create_from(path, &fresh(), timeout)?,
            },
            Found::Other => migrate_json(path, timeout)?,
        }
    }
    let (conn, read_only) = match connect(path, timeout) {
        Ok(conn) => (conn, false),
        Err(StoreError::ReadOnly { .. }) => (connect_read_only(path, timeout)?, true),
        Err(e) => return Err(e),
    };
    // quick_check reads every page: 7 ms for the 10 MB of 10,000 circuits, more than a whole
    // cmdlet may cost. Larger files get the checks below (header, schema, the head rows
    // decode) and SQLite's own check of each page a transaction reads, which reports
    // corruption as an error that rolls the transaction back.
    let small = fs::metadata(path).map(|m| m.len() <= FULL_CHECK_UP_TO).unwrap_or(true);
    if small {
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).map_err(|e| sql_error(path, e, timeout))?;
        if check != "ok" {
            return Err(StoreError::Corrupt { path: path.to_path_buf(), detail: format!("the database fails its integrity check ({check})") });
        }
    }
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| sql_error(path, e, timeout))?;
    if version > DB_SCHEMA {
        return Err(StoreError::NewerSchema { path: path.to_path_buf(), found: version as u64, supported: DB_SCHEMA as u32 });
    }
    if version == 1 && read_only {
        return Err(StoreError::ReadOnly { path: path.to_path_buf() });
    }
    if version == 1 {
        conn.execute_batch(UPGRADE_FROM_1).map_err(|e| sql_error(path, e, timeout))?;
    } else if version != DB_SCHEMA {
        return Err(StoreError::Corrupt { path: path.to_path_buf(), detail: format!("the database has no ersim tables (schema {version})") });
    }
    Ok(Arc::new(if read_only { SqliteRows::read_only(conn) } else { SqliteRows::new(conn) }))
}

fn connect(path: &Path, timeout: Duration) -> Result<Connection, StoreError> {
    let conn =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX).map_err(|e| sql_error(path, e, timeout))?;
    conn.busy_timeout(timeout).map_err(|e| sql_error(path, e, timeout))?;
    conn.pragma_update(None, "journal_mode", "WAL").map_err(|e| sql_error(path, e, timeout))?;
    conn.pragma_update(None, "synchronous", "FULL").map_err(|e| sql_error(path, e, timeout))?;
    Ok(conn)
}

/// The database in a folder this process cannot write, where WAL mode cannot create its
/// `-shm` index: opened read-only, so the reading cmdlets work and every write fails with
/// [`StoreError::ReadOnly`]. With no `-wal` beside it no writer has it open, and nobody
/// without write access to the folder can start one, so it is opened `immutable` (SQLite
/// then needs no `-shm`); with a `-wal` present, a plain read-only open reads through it.
fn connect_read_only(path: &Path, timeout: Duration) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
    let conn = if wal_path(path, "-wal").exists() {
        Connection::open_with_flags(path, flags & !OpenFlags::SQLITE_OPEN_URI)
    } else {
        Connection::open_with_flags(immutable_uri(path), flags)
    }
    .map_err(|e| sql_error(path, e, timeout))?;
    conn.busy_timeout(timeout).map_err(|e| sql_error(path, e, timeout))?;
    Ok(conn)
}

/// `file:PATH?immutable=1`, with the characters a URI path cannot hold escaped.
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for b in path.to_string_lossy().bytes() {
        match b {
            b'?' | b'#' | b'%' | 0x80.. => uri.push_str(&format!("%{b:02X}")),
            _ => uri.push(b as char),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// A new database holding `world`, built beside `path` and renamed over it, so a crash
/// leaves the old file or the new one.
fn create_from(path: &Path, world: &World, timeout: Duration) -> Result<(), StoreError> {
    let temp = parent_dir(path).join(format!(".{}.new.{}", path.file_name().unwrap_or_default().to_string_lossy(), std::process::id()));
    let write = |action: &'static str| move |source: io::Error| StoreError::Write { path: path.to_path_buf(), action, source };
    let _ = fs::remove_file(&temp);
    private_file(&temp).map_err(write("creating the database"))?;
    let built = (|| {
        let conn = Connection::open(&temp).map_err(|e| sql_error(&temp, e, timeout))?;
        // The journal of a file being built is a plain rollback journal: the rename below,
        // not WAL, is what makes it appear whole.
        conn.execute_batch(CREATE).map_err(|e| sql_error(&temp, e, timeout))?;
        conn.pragma_update(None, "user_version", DB_SCHEMA).map_err(|e| sql_error(&temp, e, timeout))?;
        let rows = SqliteRows::new(conn);
        rows.conn().execute_batch("BEGIN").map_err(|e| sql_error(&temp, e, timeout))?;
        insert_world(&rows, world).map_err(|e| StoreError::Database { path: temp.clone(), detail: e })?;
        rows.conn().execute_batch("COMMIT").map_err(|e| sql_error(&temp, e, timeout))?;
        Ok::<(), StoreError>(())
    })();
    if let Err(e) = built {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    fs::File::open(&temp).and_then(|f| f.sync_all()).map_err(write("syncing the database"))?;
    for stale in [wal_path(path, "-wal"), wal_path(path, "-shm")] {
        let _ = fs::remove_file(stale);
    }
    fs::rename(&temp, path).map_err(write("moving the database into place"))?;
    sync_dir(&parent_dir(path)).map_err(write("syncing its directory"))
}

fn wal_path(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

fn private_file(path: &Path) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, PRIVATE_FILE_MODE);
    options.open(path).map(drop)
}

/// Moves a JSON state file into a database at the same path, keeping the JSON as
/// `PATH.json.bak` (a hard link to the very file, or a copy).
fn migrate_json(path: &Path, timeout: Duration) -> Result<(), StoreError> {
    let world = decode_json(path)?;
    let backup = wal_path(path, ".json.bak");
    if !backup.exists() {
        fs::hard_link(path, &backup).or_else(|_| fs::copy(path, &backup).map(drop)).map_err(|source| StoreError::Write {
            path: backup.clone(),
            action: "keeping the JSON state as a backup",
            source,
        })?;
    }
    create_from(path, &world, timeout)
}

/// The world in the JSON state file at `path` (migrated from older schemas, checked).
fn decode_json(path: &Path) -> Result<World, StoreError> {
    let bytes = fs::read(path).map_err(|source| StoreError::Read { path: path.to_path_buf(), source })?;
    format::decode(&bytes).map_err(|e| match e {
        DecodeError::Invalid(detail) => StoreError::Corrupt { path: path.to_path_buf(), detail },
        DecodeError::Newer(found) => StoreError::NewerSchema { path: path.to_path_buf(), found, supported: SCHEMA },
    })
}

/// Writes every part of `world` into the empty tables of `rows`.
fn insert_world(rows: &SqliteRows, world: &World) -> Result<(), String> {
    use crate::cloud::repo::Rows;
    save_head(rows, &world.head(), None)?;
    let (circuits, vnets, billing) = world.rows_of();
    for c in circuits {
        rows.put_circuit(&c.service_key, c).map_err(|e| e.0)?;
    }
    // One row per subscription's configuration, in the order the configurations were set.
    let mut subs: Vec<crate::cloud::SubscriptionId> = Vec::new();
    for v in &vnets {
        if !subs.contains(&v.subscription) {
            subs.push(v.subscription);
        }
    }
    for s in subs {
        let of_s: Vec<_> = vnets.iter().filter(|v| v.subscription == s).map(|v| (*v).clone()).collect();
        rows.put_vnets(&s, &of_s, true).map_err(|e| e.0)?;
    }
    for set in world.network_rows_of() {
        rows.put_arm_networks(&set.subscription, set).map_err(|e| e.0)?;
    }
    rows.add_billing_all(&billing).map_err(|e| e.0)
}

/// The head's fields as (name, JSON text), one meta row each.
fn head_rows(head: &crate::cloud::head::Head) -> Result<Vec<(String, String)>, String> {
    match serde_json::to_value(head).map_err(|e| e.to_string())? {
        Value::Object(fields) => Ok(fields.into_iter().map(|(k, v)| (k, v.to_string())).collect()),
        _ => Err("the world's head does not encode as an object".into()),
    }
}

/// Writes the head rows that differ from `before` (all of them without it).
pub(crate) fn save_head(rows: &SqliteRows, head: &crate::cloud::head::Head, before: Option<&[(String, String)]>) -> Result<(), String> {
    let conn = rows.conn();
    for (name, value) in head_rows(head)? {
        if before.is_some_and(|b| b.iter().any(|(n, v)| *n == name && *v == value)) {
            continue;
        }
        conn.prepare_cached("INSERT INTO meta (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET value = excluded.value")
            .and_then(|mut s| s.execute([&name, &value]))
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The head rows as stored, and the head they make.
pub(crate) fn load_head(rows: &SqliteRows) -> Result<(Vec<(String, String)>, crate::cloud::head::Head), String> {
    let conn = rows.conn();
    let stored: Vec<(String, String)> = conn
        .prepare_cached("SELECT name, value FROM meta")
        .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
        .map_err(|e| e.to_string())?;
    let mut fields = Map::new();
    for (name, value) in &stored {
        fields.insert(name.clone(), serde_json::from_str(value).map_err(|e| format!("the '{name}' row does not decode ({e})"))?);
    }
    let head = serde_json::from_value(Value::Object(fields)).map_err(|e| format!("the world's rows do not decode ({e})"))?;
    Ok((stored, head))
}

/// Replaces everything in the database at `path` by `world`: in one transaction when the
/// database opens, else (corrupt, not a database) by a new file renamed over it.
pub(crate) fn replace(path: &Path, rows: Option<&SqliteRows>, world: &World, timeout: Duration) -> Result<(), StoreError> {
    let Some(rows) = rows else {
        return create_from(path, world, timeout);
    };
    let sql = |e| sql_error(path, e, timeout);
    rows.conn().execute_batch("BEGIN IMMEDIATE").map_err(sql)?;
    let done = (|| {
        rows.conn()
            .execute_batch("DELETE FROM meta; DELETE FROM circuits; DELETE FROM peerings; DELETE FROM links; DELETE FROM authorizations; DELETE FROM grants; DELETE FROM billing; DELETE FROM vnets; DELETE FROM arm_networks;")
            .map_err(|e| e.to_string())?;
        rows.forget_reads();
        insert_world(rows, world)
    })();
    match done {
        Ok(()) => rows.conn().execute_batch("COMMIT").map_err(sql),
        Err(detail) => {
            let _ = rows.conn().execute_batch("ROLLBACK");
            Err(StoreError::Database { path: path.to_path_buf(), detail })
        }
    }
}
