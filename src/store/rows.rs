//! The world's rows in SQLite: the [`Rows`] repository the cloud asks for circuits and
//! billing records, and the head rows (clock, ids, subscriptions…), one per field.
//!
//! A circuit is one row of `circuits` (its own fields as JSON, plus the columns the queries
//! need) and one row per peering, link and authorization; `grants` lists the accounts each
//! authorization names. The JSON is the state file's own encoding of each record, so a field
//! added with `#[serde(default)]` bridges old rows as it bridges old files.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use chrono::{DateTime, NaiveDateTime};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{Map, Value};

use crate::cloud::arm::network::NetworkSet;
use crate::cloud::billing::BillingRecord;
use crate::cloud::circuit::CircuitRecord;
use crate::cloud::repo::{CircuitQuery, RepoError, RepoResult, Rows};
use crate::cloud::vnets::first_gateway_due;
use crate::cloud::{ServiceKey, SubscriptionId, VirtualNetwork};

/// The database schema (`PRAGMA user_version`); the JSON document keeps its own.
pub(crate) const DB_SCHEMA: i64 = 2;

/// Schema 1 → 2: the Resource Manager network sets got their table. Idempotent, so two
/// processes that open a schema-1 database together both succeed.
pub(crate) const UPGRADE_FROM_1: &str = "
BEGIN IMMEDIATE;
CREATE TABLE IF NOT EXISTS arm_networks (subscription TEXT NOT NULL UNIQUE, body TEXT NOT NULL);
PRAGMA user_version = 2;
COMMIT;
";

pub(crate) const CREATE: &str = "
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE circuits (
    seq INTEGER PRIMARY KEY,
    service_key TEXT NOT NULL UNIQUE,
    subscription TEXT NOT NULL,
    name_lower TEXT NOT NULL,
    provider_lower TEXT NOT NULL,
    location TEXT NOT NULL,
    port INTEGER,
    bandwidth INTEGER NOT NULL,
    due_ms INTEGER,
    body TEXT NOT NULL
);
CREATE INDEX circuits_by_owner ON circuits (subscription, seq);
CREATE INDEX circuits_by_name ON circuits (subscription, name_lower);
CREATE INDEX circuits_by_provider ON circuits (provider_lower, seq);
CREATE INDEX circuits_on_ports ON circuits (provider_lower, location) WHERE port IS NOT NULL;
CREATE INDEX circuits_due ON circuits (due_ms) WHERE due_ms IS NOT NULL;
CREATE TABLE peerings (service_key TEXT NOT NULL, position INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (service_key, position)) WITHOUT ROWID;
CREATE TABLE links (service_key TEXT NOT NULL, position INTEGER NOT NULL, subscription TEXT NOT NULL, vnet_lower TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (service_key, position)) WITHOUT ROWID;
CREATE INDEX links_by_vnet ON links (subscription, vnet_lower);
CREATE TABLE authorizations (service_key TEXT NOT NULL, position INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (service_key, position)) WITHOUT ROWID;
CREATE TABLE grants (account_lower TEXT NOT NULL, service_key TEXT NOT NULL, PRIMARY KEY (account_lower, service_key)) WITHOUT ROWID;
CREATE INDEX grants_by_circuit ON grants (service_key);
CREATE TABLE vnets (subscription TEXT NOT NULL UNIQUE, gateway_due_ms INTEGER, body TEXT NOT NULL);
CREATE INDEX vnets_gateway_due ON vnets (gateway_due_ms) WHERE gateway_due_ms IS NOT NULL;
CREATE TABLE billing (id INTEGER PRIMARY KEY, service_key TEXT NOT NULL, running INTEGER NOT NULL, body TEXT NOT NULL);
CREATE INDEX billing_running ON billing (service_key) WHERE running = 1;
CREATE TABLE arm_networks (subscription TEXT NOT NULL UNIQUE, body TEXT NOT NULL);
";

/// The parts of a circuit that are rows of their own.
const CHILDREN: [&str; 3] = ["peerings", "links", "authorizations"];

/// One connection, inside one transaction at a time (the store begins and ends it).
pub(crate) struct SqliteRows {
    conn: Mutex<Connection>,
    /// The encoded form of each circuit as this transaction read it, so that writing back a
    /// circuit that did not change costs nothing.
    as_read: Mutex<HashMap<ServiceKey, String>>,
    /// Opened read-only because the folder cannot be written: every write fails.
    read_only: bool,
}

fn failed(e: impl std::fmt::Display) -> RepoError {
    RepoError(e.to_string())
}

fn ms(t: NaiveDateTime) -> i64 {
    t.and_utc().timestamp_millis()
}

fn from_ms(v: i64) -> RepoResult<NaiveDateTime> {
    DateTime::from_timestamp_millis(v).map(|t| t.naive_utc()).ok_or_else(|| RepoError(format!("a due time of {v} ms is out of range")))
}

fn key_of(text: &str) -> RepoResult<uuid::Uuid> {
    text.parse().map_err(|_| RepoError(format!("'{text}' is not an id")))
}

/// A circuit's own fields and its children, each as the JSON text stored.
struct Encoded {
    body: String,
    children: [Vec<String>; 3],
}

impl Encoded {
    fn of(record: &CircuitRecord) -> RepoResult<Encoded> {
        let Value::Object(mut fields) = serde_json::to_value(record).map_err(failed)? else {
            return Err(RepoError("a circuit does not encode as an object".into()));
        };
        let mut children: [Vec<String>; 3] = Default::default();
        for (slot, name) in children.iter_mut().zip(CHILDREN) {
            if let Some(Value::Array(items)) = fields.remove(name) {
                *slot = items.iter().map(Value::to_string).collect();
            }
        }
        Ok(Encoded { body: Value::Object(fields).to_string(), children })
    }

    /// One text to compare encodings by.
    fn fingerprint(&self) -> String {
        let mut s = self.body.clone();
        for list in &self.children {
            for item in list {
                s.push('\u{1}');
                s.push_str(item);
            }
            s.push('\u{2}');
        }
        s
    }

    fn decode(&self) -> RepoResult<CircuitRecord> {
        let mut fields: Map<String, Value> = serde_json::from_str(&self.body).map_err(failed)?;
        for (list, name) in self.children.iter().zip(CHILDREN) {
            let items = list.iter().map(|t| serde_json::from_str(t)).collect::<Result<Vec<Value>, _>>().map_err(failed)?;
            fields.insert(name.to_string(), Value::Array(items));
        }
        serde_json::from_value(Value::Object(fields)).map_err(failed)
    }
}

impl SqliteRows {
    pub(crate) fn new(conn: Connection) -> SqliteRows {
        SqliteRows { conn: Mutex::new(conn), as_read: Mutex::default(), read_only: false }
    }

    /// Rows over a connection that was opened read-only.
    pub(crate) fn read_only(conn: Connection) -> SqliteRows {
        SqliteRows { read_only: true, ..SqliteRows::new(conn) }
    }

    pub(crate) fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub(crate) fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Forgets what the last transaction read.
    pub(crate) fn forget_reads(&self) {
        self.as_read.lock().unwrap_or_else(PoisonError::into_inner).clear();
    }

    fn write_children(conn: &Connection, key: &str, record: &CircuitRecord, encoded: &Encoded) -> rusqlite::Result<()> {
        for table in ["peerings", "links", "authorizations"] {
            conn.prepare_cached(&format!("DELETE FROM {table} WHERE service_key = ?1"))?.execute([key])?;
        }
        conn.prepare_cached("DELETE FROM grants WHERE service_key = ?1")?.execute([key])?;
        for (i, body) in encoded.children[0].iter().enumerate() {
            conn.prepare_cached("INSERT INTO peerings (service_key, position, body) VALUES (?1, ?2, ?3)")?.execute(params![key, i as i64, body])?;
        }
        for (i, (link, body)) in record.links.iter().zip(&encoded.children[1]).enumerate() {
            conn.prepare_cached("INSERT INTO links (service_key, position, subscription, vnet_lower, body) VALUES (?1, ?2, ?3, ?4, ?5)")?.execute(params![
                key,
                i as i64,
                link.subscription.to_string(),
                link.vnet_name.trim().to_ascii_lowercase(),
                body
            ])?;
        }
        for (i, body) in encoded.children[2].iter().enumerate() {
            conn.prepare_cached("INSERT INTO authorizations (service_key, position, body) VALUES (?1, ?2, ?3)")?.execute(params![key, i as i64, body])?;
        }
        for account in record.authorizations.iter().flat_map(|a| &a.microsoft_ids) {
            conn.prepare_cached("INSERT OR IGNORE INTO grants (account_lower, service_key) VALUES (?1, ?2)")?
                .execute(params![account.to_ascii_lowercase(), key])?;
        }
        Ok(())
    }

    fn keys(&self, sql: &str, args: impl rusqlite::Params) -> RepoResult<Vec<uuid::Uuid>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(sql).map_err(failed)?;
        let texts = stmt.query_map(args, |r| r.get::<_, String>(0)).map_err(failed)?.collect::<Result<Vec<_>, _>>().map_err(failed)?;
        texts.iter().map(|t| key_of(t)).collect()
    }

    /// Appends billing records (a whole world moving into rows).
    pub(crate) fn add_billing_all(&self, records: &[BillingRecord]) -> RepoResult<()> {
        records.iter().try_for_each(|r| self.add_billing(r))
    }
}

impl Rows for SqliteRows {
    fn circuit(&self, key: &ServiceKey) -> RepoResult<Option<CircuitRecord>> {
        let conn = self.conn();
        let k = key.to_string();
        let body: Option<String> = conn
            .prepare_cached("SELECT body FROM circuits WHERE service_key = ?1")
            .map_err(failed)?
            .query_row([&k], |r| r.get(0))
            .optional()
            .map_err(failed)?;
        let Some(body) = body else { return Ok(None) };
        let mut children: [Vec<String>; 3] = Default::default();
        for (slot, table) in children.iter_mut().zip(CHILDREN) {
            let mut stmt = conn.prepare_cached(&format!("SELECT body FROM {table} WHERE service_key = ?1 ORDER BY position")).map_err(failed)?;
            *slot = stmt.query_map([&k], |r| r.get(0)).map_err(failed)?.collect::<Result<_, _>>().map_err(failed)?;
        }
        let encoded = Encoded { body, children };
        let record = encoded.decode().map_err(|e| RepoError(format!("circuit {key} does not decode ({})", e.0)))?;
        self.as_read.lock().unwrap_or_else(PoisonError::into_inner).insert(*key, encoded.fingerprint());
        Ok(Some(record))
    }

    fn put_circuit(&self, key: &ServiceKey, record: &CircuitRecord) -> RepoResult<()> {
        let encoded = Encoded::of(record)?;
        let fingerprint = encoded.fingerprint();
        let conn = self.conn();
        let mut as_read = self.as_read.lock().unwrap_or_else(PoisonError::into_inner);
        if as_read.get(key) == Some(&fingerprint) {
            return Ok(());
        }
        let k = key.to_string();
        let port = record.port_claim().map(|(.., port, _)| port);
        conn.prepare_cached(
            "INSERT INTO circuits (service_key, subscription, name_lower, provider_lower, location, port, bandwidth, due_ms, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (service_key) DO UPDATE SET subscription = excluded.subscription, name_lower = excluded.name_lower,
               provider_lower = excluded.provider_lower, location = excluded.location, port = excluded.port,
               bandwidth = excluded.bandwidth, due_ms = excluded.due_ms, body = excluded.body",
        )
        .and_then(|mut s| {
            s.execute(params![
                k,
                record.subscription.to_string(),
                record.name.to_ascii_lowercase(),
                record.provider.to_ascii_lowercase(),
                record.location,
                port,
                record.bandwidth,
                record.due_at().map(ms),
                encoded.body
            ])
        })
        .and_then(|_| Self::write_children(&conn, &k, record, &encoded))
        .map_err(failed)?;
        as_read.insert(*key, fingerprint);
        Ok(())
    }

    fn delete_circuit(&self, key: &ServiceKey) -> RepoResult<()> {
        let conn = self.conn();
        let k = key.to_string();
        for table in ["circuits", "peerings", "links", "authorizations", "grants"] {
            conn.prepare_cached(&format!("DELETE FROM {table} WHERE service_key = ?1")).and_then(|mut s| s.execute([&k])).map_err(failed)?;
        }
        self.as_read.lock().unwrap_or_else(PoisonError::into_inner).remove(key);
        Ok(())
    }

    fn circuit_keys(&self, query: CircuitQuery<'_>) -> RepoResult<Vec<ServiceKey>> {
        match query {
            CircuitQuery::All => self.keys("SELECT service_key FROM circuits ORDER BY seq", []),
            CircuitQuery::OwnedBy(sub, None) => self.keys("SELECT service_key FROM circuits WHERE subscription = ?1 ORDER BY seq", [sub.to_string()]),
            CircuitQuery::OwnedBy(sub, Some(provider)) => self.keys(
                "SELECT service_key FROM circuits WHERE subscription = ?1 OR provider_lower = ?2 ORDER BY seq",
                [sub.to_string(), provider.to_ascii_lowercase()],
            ),
            CircuitQuery::FromProvider(provider) => {
                self.keys("SELECT service_key FROM circuits WHERE provider_lower = ?1 ORDER BY seq", [provider.to_ascii_lowercase()])
            }
            CircuitQuery::LinkedTo(sub, vnet) => self.keys(
                "SELECT c.service_key FROM circuits c WHERE c.service_key IN
                   (SELECT service_key FROM links WHERE subscription = ?1 AND vnet_lower = ?2) ORDER BY c.seq",
                [sub.to_string(), vnet.trim().to_ascii_lowercase()],
            ),
            CircuitQuery::AuthorizedTo(account) => self.keys(
                "SELECT c.service_key FROM circuits c WHERE c.service_key IN
                   (SELECT service_key FROM grants WHERE account_lower = ?1) ORDER BY c.seq",
                [account.to_ascii_lowercase()],
            ),
        }
    }

    fn circuit_named(&self, subscription: &SubscriptionId, name: &str) -> RepoResult<Option<ServiceKey>> {
        let keys = self.keys(
            "SELECT service_key FROM circuits WHERE subscription = ?1 AND name_lower = ?2 LIMIT 1",
            [subscription.to_string(), name.to_ascii_lowercase()],
        )?;
        Ok(keys.into_iter().next())
    }

    fn due_by(&self, now: NaiveDateTime) -> RepoResult<Vec<(NaiveDateTime, ServiceKey)>> {
        let conn = self.conn();
        let mut stmt =
            conn.prepare_cached("SELECT due_ms, service_key FROM circuits WHERE due_ms IS NOT NULL AND due_ms <= ?1 ORDER BY due_ms, seq").map_err(failed)?;
        let rows =
            stmt.query_map([ms(now)], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))).map_err(failed)?.collect::<Result<Vec<_>, _>>().map_err(failed)?;
        rows.iter().map(|(at, k)| Ok((from_ms(*at)?, key_of(k)?))).collect()
    }

    fn port_use(&self, provider: &str, location: &str) -> RepoResult<Vec<(u32, u32)>> {
        let conn = self.conn();
        let mut stmt =
            conn.prepare_cached("SELECT port, bandwidth FROM circuits WHERE provider_lower = ?1 AND location = ?2 AND port IS NOT NULL").map_err(failed)?;
        let rows = stmt.query_map([provider.to_ascii_lowercase(), location.to_string()], |r| Ok((r.get(0)?, r.get(1)?))).map_err(failed)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(failed)
    }

    fn vnets_of(&self, subscription: &SubscriptionId) -> RepoResult<Vec<VirtualNetwork>> {
        let conn = self.conn();
        let body: Option<String> = conn
            .prepare_cached("SELECT body FROM vnets WHERE subscription = ?1")
            .and_then(|mut s| s.query_row([subscription.to_string()], |r| r.get(0)).optional())
            .map_err(failed)?;
        body.map_or(Ok(Vec::new()), |b| {
            serde_json::from_str(&b).map_err(|e| RepoError(format!("the VNets of subscription {subscription} do not decode ({e})")))
        })
    }

    fn put_vnets(&self, subscription: &SubscriptionId, vnets: &[VirtualNetwork], moved_last: bool) -> RepoResult<()> {
        let conn = self.conn();
        let sub = subscription.to_string();
        if vnets.is_empty() || moved_last {
            conn.prepare_cached("DELETE FROM vnets WHERE subscription = ?1").and_then(|mut s| s.execute([&sub])).map_err(failed)?;
        }
        if vnets.is_empty() {
            return Ok(());
        }
        let body = serde_json::to_string(vnets).map_err(failed)?;
        let due = first_gateway_due(vnets).map(ms);
        conn.prepare_cached(
            "INSERT INTO vnets (subscription, gateway_due_ms, body) VALUES (?1, ?2, ?3)
             ON CONFLICT (subscription) DO UPDATE SET gateway_due_ms = excluded.gateway_due_ms, body = excluded.body",
        )
        .and_then(|mut s| s.execute(params![sub, due, body]))
        .map_err(failed)?;
        Ok(())
    }

    fn vnet_subscriptions(&self) -> RepoResult<Vec<SubscriptionId>> {
        self.keys("SELECT subscription FROM vnets ORDER BY rowid", [])
    }

    fn arm_networks_of(&self, subscription: &SubscriptionId) -> RepoResult<Option<NetworkSet>> {
        let conn = self.conn();
        let body: Option<String> = conn
            .prepare_cached("SELECT body FROM arm_networks WHERE subscription = ?1")
            .and_then(|mut s| s.query_row([subscription.to_string()], |r| r.get(0)).optional())
            .map_err(failed)?;
        body.map(|b| serde_json::from_str(&b).map_err(|e| RepoError(format!("the network resources of subscription {subscription} do not decode ({e})"))))
            .transpose()
    }

    fn put_arm_networks(&self, subscription: &SubscriptionId, set: &NetworkSet) -> RepoResult<()> {
        let conn = self.conn();
        let sub = subscription.to_string();
        if set.is_empty() {
            conn.prepare_cached("DELETE FROM arm_networks WHERE subscription = ?1").and_then(|mut s| s.execute([&sub])).map_err(failed)?;
            return Ok(());
        }
        let body = serde_json::to_string(set).map_err(failed)?;
        conn.prepare_cached("INSERT INTO arm_networks (subscription, body) VALUES (?1, ?2) ON CONFLICT (subscription) DO UPDATE SET body = excluded.body")
            .and_then(|mut s| s.execute(params![sub, body]))
            .map_err(failed)?;
        Ok(())
    }

    fn arm_network_subscriptions(&self) -> RepoResult<Vec<SubscriptionId>> {
        self.keys("SELECT subscription FROM arm_networks ORDER BY rowid", [])
    }

    fn gateways_due_by(&self, now: NaiveDateTime) -> RepoResult<Vec<SubscriptionId>> {
        self.keys("SELECT subscription FROM vnets WHERE gateway_due_ms IS NOT NULL AND gateway_due_ms <= ?1 ORDER BY rowid", [ms(now)])
    }

    fn add_billing(&self, record: &BillingRecord) -> RepoResult<()> {
        let body = serde_json::to_string(record).map_err(failed)?;
        let conn = self.conn();
        conn.prepare_cached("INSERT INTO billing (service_key, running, body) VALUES (?1, ?2, ?3)")
            .and_then(|mut s| s.execute(params![record.service_key.to_string(), record.end.is_none(), body]))
            .map_err(failed)?;
        Ok(())
    }

    fn close_billing(&self, key: &ServiceKey, now: NaiveDateTime) -> RepoResult<()> {
        let conn = self.conn();
        let running: Vec<(i64, String)> = conn
            .prepare_cached("SELECT id, body FROM billing WHERE service_key = ?1 AND running = 1")
            .and_then(|mut s| s.query_map([key.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .map_err(failed)?;
        for (id, body) in running {
            let mut record: BillingRecord = serde_json::from_str(&body).map_err(failed)?;
            record.end = Some(now);
            let body = serde_json::to_string(&record).map_err(failed)?;
            conn.prepare_cached("UPDATE billing SET running = 0, body = ?2 WHERE id = ?1").and_then(|mut s| s.execute(params![id, body])).map_err(failed)?;
        }
        Ok(())
    }

    fn billing(&self) -> RepoResult<Vec<BillingRecord>> {
        let conn = self.conn();
        let bodies: Vec<String> =
            conn.prepare_cached("SELECT body FROM billing ORDER BY id").and_then(|mut s| s.query_map([], |r| r.get(0))?.collect()).map_err(failed)?;
        bodies.iter().map(|b| serde_json::from_str(b).map_err(failed)).collect()
    }
}
