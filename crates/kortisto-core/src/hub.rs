//! The PostgreSQL sync hub: its versioned schema (`hub/*.sql`), the administrator's `init`,
//! and a device's connection to it (push, pull, enrolment deposits, revocation, device list).
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;
use std::time::Duration;

use postgres::config::{Host, SslMode};
use postgres::error::DbError;
use uuid::Uuid;

use crate::{Error, Result};

/// The hub schema version this build creates and speaks.
pub const HUB_SCHEMA_VERSION: u32 = 2;

/// Version 1: the tables, the device group role and row-level security.
const SCHEMA_V1: &str = include_str!("hub/schema_v1.sql");
/// The functions devices call, re-created by every init.
const FUNCTIONS: &str = include_str!("hub/functions.sql");
/// Upgrades from version `i + 1` to `i + 2`; a new hub is created at version 1 and brought
/// up through every upgrade, so both paths end in the same schema.
const UPGRADES: &[&str] = &[
    // 1 → 2: each device's audit trail copied to the hub.
    include_str!("hub/schema_v2.sql"),
];

/// An unreachable hub fails fast, so the app stays offline-first.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Advisory-lock class of the hub (the register's hash is the second key).
const LOCK_CLASS: i32 = 19272;
/// Most characters in a device's name.
pub(crate) const DEVICE_NAME_MAX: usize = 100;

/// How a device logs in to the hub. The URL never holds a user or a password.
#[derive(Clone)]
pub struct DeviceLogin {
    /// The hub's URL without credentials, e.g. `postgres://hub.example.fi/kortisto`.
    pub url: String,
    /// The device's PostgreSQL role (`kortisto_d_<hex>`).
    pub role: String,
    /// The role's random password.
    pub password: String,
}

impl fmt::Debug for DeviceLogin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DeviceLogin")
            .field("url", &self.url)
            .field("role", &self.role)
            .field("password", &"<hidden>")
            .finish()
    }
}

/// One sealed change as the hub stores it.
#[derive(Clone, Debug, PartialEq)]
pub struct HubRecord {
    /// The record's id (UUIDv7).
    pub record_id: Uuid,
    /// The device that made the change.
    pub device_id: Uuid,
    /// The device's sequence number of the change.
    pub seq: i64,
    /// The hybrid logical clock of the change.
    pub hlc: String,
    /// The id of the person the change concerns, if any (what an erasure finds).
    pub subject: Option<Vec<u8>>,
    /// An erasure tombstone (ids only).
    pub tombstone: bool,
    /// The sealed (encrypted and authenticated) change.
    pub sealed: Vec<u8>,
}

/// What a push did.
#[derive(Debug, Default)]
pub struct PushOutcome {
    /// Records stored now.
    pub stored: usize,
    /// Records the hub already had (a retried push).
    pub duplicates: usize,
    /// Record ids refused because their subject is erased.
    pub refused: Vec<Uuid>,
}

/// A device of the register, as the hub knows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DeviceInfo {
    /// The device's id.
    pub device_id: Uuid,
    /// Its name, unique in the register.
    pub name: String,
    /// Whether it may enrol and revoke devices.
    pub is_admin: bool,
    /// When it was enrolled (UTC, RFC 3339).
    pub enrolled_at: String,
    /// When it was revoked, if it was.
    pub revoked_at: Option<String>,
    /// When it last talked to the hub.
    pub last_seen_at: Option<String>,
}

/// A device's open connection to the hub.
pub struct Hub {
    client: postgres::Client,
    register_id: Uuid,
    device_id: Uuid,
    /// The hub's URL without credentials, handed to the devices this one enrols.
    url: String,
}

impl fmt::Debug for Hub {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Hub")
            .field("register_id", &self.register_id)
            .field("device_id", &self.device_id)
            .finish_non_exhaustive()
    }
}

impl Hub {
    /// Admin URL (a role that may create schemas and roles). Creates the schema (or checks
    /// and upgrades its version; a newer hub schema → [`Error::HubSchemaNewer`]), registers
    /// `register_id`, and enrols this first device as an admin device with a generated role
    /// and a random 32-byte password; returns its login (the admin URL without credentials).
    pub fn init(
        admin_url: &str,
        register_id: Uuid,
        device_id: Uuid,
        device_name: &str,
    ) -> Result<DeviceLogin> {
        let device_name = &device_name_checked(device_name)?;
        let url = url_without_credentials(admin_url)?;
        let config = hub_config(admin_url)?;
        let mut client = open(&config)?;
        let mut tx = client.transaction().map_err(query_error)?;
        tx.execute("SELECT pg_advisory_xact_lock($1, 0)", &[&LOCK_CLASS])
            .map_err(query_error)?;
        let exists: bool = tx
            .query_one("SELECT to_regclass('kortisto.hub_meta') IS NOT NULL", &[])
            .map_err(query_error)?
            .get(0);
        let found = if exists {
            let found: i32 = tx
                .query_one("SELECT schema_version FROM kortisto.hub_meta", &[])
                .map_err(query_error)?
                .get(0);
            let found = u32::try_from(found).unwrap_or(0);
            if found > HUB_SCHEMA_VERSION {
                return Err(Error::HubSchemaNewer {
                    found,
                    supported: HUB_SCHEMA_VERSION,
                });
            }
            // A hub at version 0 (never released) is brought to 1 by re-creating the
            // functions below.
            found.max(1)
        } else {
            tx.batch_execute(SCHEMA_V1).map_err(query_error)?;
            tx.execute(
                "INSERT INTO kortisto.hub_meta (schema_version) VALUES (1)",
                &[],
            )
            .map_err(query_error)?;
            1
        };
        // UPGRADES[i] takes version i + 1 to i + 2.
        for version in found..HUB_SCHEMA_VERSION {
            tx.batch_execute(UPGRADES[version as usize - 1])
                .map_err(query_error)?;
        }
        tx.execute(
            "UPDATE kortisto.hub_meta SET schema_version = $1",
            &[&(HUB_SCHEMA_VERSION as i32)],
        )
        .map_err(query_error)?;
        tx.batch_execute(FUNCTIONS).map_err(query_error)?;
        tx.execute(
            "INSERT INTO kortisto.registers (register_id) VALUES ($1) ON CONFLICT DO NOTHING",
            &[&register_id],
        )
        .map_err(query_error)?;
        let credentials = Credentials::new(device_id)?;
        tx.execute(
            "SELECT kortisto.add_device($1, $2, $3, $4, $5, true)",
            &[
                &register_id,
                &device_id,
                &device_name,
                &credentials.role,
                &credentials.verifier,
            ],
        )
        .map_err(|e| device_error(e, device_name))?;
        tx.commit().map_err(query_error)?;
        Ok(credentials.login(url))
    }

    /// Logs in as a device. `expected_register` is `None` only when joining (the register is
    /// learnt from the hub). Checks the TLS policy, the hub schema version, that the device
    /// is not revoked and that it belongs to the expected register; stamps `last_seen_at`.
    pub fn connect(login: &DeviceLogin, expected_register: Option<Uuid>) -> Result<Hub> {
        let url = url_without_credentials(&login.url)?;
        let mut config = hub_config(&url)?;
        config.user(&login.role);
        config.password(login.password.as_bytes());
        let mut client = open(&config)?;
        let found: Option<i32> = client
            .query_one("SELECT kortisto.schema_version()", &[])
            .map_err(query_error)?
            .get(0);
        let found = found.ok_or(Error::HubNotInitialised)?;
        let found = u32::try_from(found).unwrap_or(0);
        if found > HUB_SCHEMA_VERSION {
            return Err(Error::HubSchemaNewer {
                found,
                supported: HUB_SCHEMA_VERSION,
            });
        }
        if found < HUB_SCHEMA_VERSION {
            return Err(Error::HubSchemaOlder {
                found,
                supported: HUB_SCHEMA_VERSION,
            });
        }
        let row = client
            .query_one(
                "SELECT h_register_id, h_device_id FROM kortisto.hello()",
                &[],
            )
            .map_err(query_error)?;
        let register_id: Uuid = row.get(0);
        let device_id: Uuid = row.get(1);
        if expected_register.is_some_and(|expected| expected != register_id) {
            return Err(Error::HubForeignRegister);
        }
        Ok(Hub {
            client,
            register_id,
            device_id,
            url,
        })
    }

    /// The register this device belongs to.
    pub fn register_id(&self) -> Uuid {
        self.register_id
    }

    /// This device's id on the hub.
    pub fn device_id(&self) -> Uuid {
        self.device_id
    }

    /// Stores this device's records, in one transaction. Idempotent by (device id, seq): a
    /// record already stored counts in `duplicates`. A tombstone with a subject deletes every
    /// stored record of the register with that subject (tombstones excepted) and erases the
    /// subject for ever; a later record carrying an erased subject is refused (`refused`).
    /// Records go in sequence order: a new record with a lower seq than one stored fails.
    pub fn push(&mut self, records: &[HubRecord]) -> Result<PushOutcome> {
        if records.is_empty() {
            return Ok(PushOutcome::default());
        }
        if let Some(foreign) = records.iter().find(|r| r.device_id != self.device_id) {
            return Err(Error::HubFailed {
                detail: format!(
                    "record {} carries another device's id, not this device's",
                    foreign.record_id
                ),
            });
        }
        let record_ids: Vec<Uuid> = records.iter().map(|r| r.record_id).collect();
        let seqs: Vec<i64> = records.iter().map(|r| r.seq).collect();
        let hlcs: Vec<&str> = records.iter().map(|r| r.hlc.as_str()).collect();
        let subjects: Vec<Option<&[u8]>> = records.iter().map(|r| r.subject.as_deref()).collect();
        let tombstones: Vec<bool> = records.iter().map(|r| r.tombstone).collect();
        let sealed: Vec<&[u8]> = records.iter().map(|r| r.sealed.as_slice()).collect();
        let row = self
            .client
            .query_one(
                "SELECT stored, duplicates, refused FROM kortisto.push($1, $2, $3, $4, $5, $6)",
                &[&record_ids, &seqs, &hlcs, &subjects, &tombstones, &sealed],
            )
            .map_err(query_error)?;
        let stored: i32 = row.get(0);
        let duplicates: i32 = row.get(1);
        let refused: Vec<Uuid> = row.get(2);
        Ok(PushOutcome {
            stored: stored.max(0) as usize,
            duplicates: duplicates.max(0) as usize,
            refused,
        })
    }

    /// Records of this register's other devices with seq above `cursors[device]` (a device
    /// not named: 0), in hub order, at most `limit`.
    pub fn pull(&mut self, cursors: &BTreeMap<Uuid, i64>, limit: usize) -> Result<Vec<HubRecord>> {
        let devices: Vec<Uuid> = cursors.keys().copied().collect();
        let after: Vec<i64> = cursors.values().copied().collect();
        let limit = i32::try_from(limit).unwrap_or(i32::MAX);
        let rows = self
            .client
            .query(
                "SELECT o_record_id, o_device_id, o_seq, o_hlc, o_subject, o_tombstone, o_sealed \
                 FROM kortisto.pull($1, $2, $3)",
                &[&devices, &after, &limit],
            )
            .map_err(query_error)?;
        Ok(rows
            .iter()
            .map(|row| HubRecord {
                record_id: row.get(0),
                device_id: row.get(1),
                seq: row.get(2),
                hlc: row.get(3),
                subject: row.get(4),
                tombstone: row.get(5),
                sealed: row.get(6),
            })
            .collect())
    }

    /// Admin device only ([`Error::HubNotAdminDevice`]): creates a device of this register
    /// (a new role with a random password), stores `deposit` (opaque sealed bytes) for it to
    /// take once, and returns its id and login. A name in use → [`Error::HubDeviceNameTaken`].
    pub fn enrol_device(&mut self, name: &str, deposit: &[u8]) -> Result<(Uuid, DeviceLogin)> {
        let name = &device_name_checked(name)?;
        let device_id = Uuid::now_v7();
        let credentials = Credentials::new(device_id)?;
        self.client
            .execute(
                "SELECT kortisto.enrol($1, $2, $3, $4, $5)",
                &[
                    &device_id,
                    &name,
                    &credentials.role,
                    &credentials.verifier,
                    &deposit,
                ],
            )
            .map_err(|e| device_error(e, name))?;
        Ok((device_id, credentials.login(self.url.clone())))
    }

    /// The enrolled device takes its deposit, once; again → [`Error::HubEnrolmentUsed`].
    pub fn take_deposit(&mut self) -> Result<Vec<u8>> {
        let row = self
            .client
            .query_one("SELECT kortisto.take_deposit()", &[])
            .map_err(query_error)?;
        Ok(row.get(0))
    }

    /// Admin device only: marks the device revoked, ends its sessions and drops its role, so
    /// it can neither pull nor push. No such device → [`Error::HubDeviceUnknown`].
    pub fn revoke_device(&mut self, name: &str) -> Result<()> {
        self.client
            .execute("SELECT kortisto.revoke($1)", &[&name])
            .map_err(|e| device_error(e, name))?;
        Ok(())
    }

    /// The devices of this register, first enrolled first.
    pub fn devices(&mut self) -> Result<Vec<DeviceInfo>> {
        let rows = self
            .client
            .query(
                "SELECT o_device_id, o_name, o_is_admin, o_enrolled_at, o_revoked_at, \
                 o_last_seen_at FROM kortisto.list_devices()",
                &[],
            )
            .map_err(query_error)?;
        Ok(rows
            .iter()
            .map(|row| DeviceInfo {
                device_id: row.get(0),
                name: row.get(1),
                is_admin: row.get(2),
                enrolled_at: row.get(3),
                revoked_at: row.get(4),
                last_seen_at: row.get(5),
            })
            .collect())
    }
}

/// One entry of a device's audit trail as the hub keeps its copy.
#[derive(Clone, Debug, PartialEq)]
pub struct AuditCopyEntry {
    /// The entry's sequence number in the device's trail.
    pub seq: i64,
    /// Its chain hash (32 bytes).
    pub hash: Vec<u8>,
    /// The entry, sealed like a record.
    pub sealed: Vec<u8>,
}

impl Hub {
    /// The highest sequence number of this device's audit entries on the hub (0: none).
    pub fn audit_copy_head(&mut self) -> Result<i64> {
        let row = self
            .client
            .query_one("SELECT kortisto.audit_copy_head()", &[])
            .map_err(query_error)?;
        Ok(row.get(0))
    }

    /// Stores this device's audit entries; returns how many were new. An entry the hub
    /// already holds at that sequence number is kept as it was, never replaced.
    pub fn push_audit_copy(&mut self, entries: &[AuditCopyEntry]) -> Result<usize> {
        if entries.is_empty() {
            return Ok(0);
        }
        let seqs: Vec<i64> = entries.iter().map(|e| e.seq).collect();
        let hashes: Vec<&[u8]> = entries.iter().map(|e| e.hash.as_slice()).collect();
        let sealed: Vec<&[u8]> = entries.iter().map(|e| e.sealed.as_slice()).collect();
        let row = self
            .client
            .query_one(
                "SELECT kortisto.push_audit_copy($1, $2, $3)",
                &[&seqs, &hashes, &sealed],
            )
            .map_err(query_error)?;
        let stored: i32 = row.get(0);
        Ok(stored.max(0) as usize)
    }

    /// This device's audit entries on the hub after `after`, in sequence order, at most
    /// `limit`: (sequence number, chain hash).
    pub fn audit_copy(&mut self, after: i64, limit: usize) -> Result<Vec<(i64, Vec<u8>)>> {
        let limit = i32::try_from(limit).unwrap_or(i32::MAX);
        let rows = self
            .client
            .query(
                "SELECT o_seq, o_hash FROM kortisto.audit_copy($1, $2)",
                &[&after, &limit],
            )
            .map_err(query_error)?;
        Ok(rows.iter().map(|row| (row.get(0), row.get(1))).collect())
    }
}

/// A new device's role, password and the password's SCRAM verifier (what the hub stores).
struct Credentials {
    role: String,
    password: String,
    verifier: String,
}

impl Credentials {
    fn new(device_id: Uuid) -> Result<Self> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| Error::HubFailed {
            detail: format!("no OS randomness: {e}"),
        })?;
        let password = data_encoding::HEXLOWER.encode(&bytes);
        let verifier = postgres_protocol::password::scram_sha_256(password.as_bytes());
        Ok(Credentials {
            role: format!("kortisto_d_{}", device_id.simple()),
            password,
            verifier,
        })
    }

    fn login(self, url: String) -> DeviceLogin {
        DeviceLogin {
            url,
            role: self.role,
            password: self.password,
        }
    }
}

/// A device name as every name in the register is checked: trimmed, in NFC, no hidden or
/// control characters, at most [`DEVICE_NAME_MAX`] characters.
fn device_name_checked(name: &str) -> Result<String> {
    crate::validate::name("device_name", name, DEVICE_NAME_MAX)
}

/// Parses a hub URL and applies the TLS policy: TLS (verified against the OS's roots) is
/// required, except with `sslmode=disable` towards a loopback address or a Unix socket.
fn hub_config(url: &str) -> Result<postgres::Config> {
    if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
        return Err(Error::HubUrlInvalid {
            detail: "the hub address must start with postgres://".into(),
        });
    }
    let mut config = postgres::Config::from_str(url).map_err(|e| Error::HubUrlInvalid {
        detail: e.to_string(),
    })?;
    if config.get_hosts().is_empty() {
        return Err(Error::HubUrlInvalid {
            detail: "the hub address names no host".into(),
        });
    }
    let local = config.get_hosts().iter().all(|host| match host {
        Host::Tcp(name) => matches!(name.as_str(), "127.0.0.1" | "::1" | "[::1]" | "localhost"),
        Host::Unix(_) => true,
    }) && config.get_hostaddrs().iter().all(|addr| addr.is_loopback());
    if config.get_ssl_mode() == SslMode::Disable {
        if !local {
            return Err(Error::HubTlsRequired);
        }
    } else {
        config.ssl_mode(SslMode::Require);
    }
    config.connect_timeout(CONNECT_TIMEOUT);
    Ok(config)
}

/// The URL without user, password or their query parameters.
fn url_without_credentials(url: &str) -> Result<String> {
    let invalid = || Error::HubUrlInvalid {
        detail: "the hub address must look like postgres://host:port/database".into(),
    };
    let (scheme, rest) = url.split_once("://").ok_or_else(invalid)?;
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let (path, query) = tail.split_once('?').unwrap_or((tail, ""));
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| {
            let key = pair.split('=').next().unwrap_or("");
            !pair.is_empty() && key != "user" && key != "password"
        })
        .collect();
    let mut clean = format!("{scheme}://{host}{path}");
    if !kept.is_empty() {
        clean.push('?');
        clean.push_str(&kept.join("&"));
    }
    Ok(clean)
}

fn tls() -> Result<tokio_postgres_rustls::MakeRustlsConnect> {
    static CONFIG: OnceLock<std::result::Result<rustls::ClientConfig, String>> = OnceLock::new();
    let config = CONFIG.get_or_init(|| {
        let mut roots = rustls::RootCertStore::empty();
        for cert in rustls_native_certs::load_native_certs().certs {
            // A certificate the OS ships but rustls cannot parse is skipped, as browsers do.
            let _ = roots.add(cert);
        }
        let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
        rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map(|builder| builder.with_root_certificates(roots).with_no_client_auth())
            .map_err(|e| e.to_string())
    });
    match config {
        Ok(config) => Ok(tokio_postgres_rustls::MakeRustlsConnect::new(
            config.clone(),
        )),
        Err(detail) => Err(Error::HubFailed {
            detail: detail.clone(),
        }),
    }
}

fn open(config: &postgres::Config) -> Result<postgres::Client> {
    config.connect(tls()?).map_err(|e| match e.as_db_error() {
        Some(db) => db_error(db, None),
        None => Error::HubUnreachable {
            detail: e.to_string(),
        },
    })
}

/// A failed query: the server's error by its SQLSTATE, a lost connection as unreachable.
fn query_error(e: postgres::Error) -> Error {
    if let Some(db) = e.as_db_error() {
        return db_error(db, None);
    }
    let io = std::error::Error::source(&e).is_some_and(|s| s.is::<std::io::Error>());
    if e.is_closed() || io {
        Error::HubUnreachable {
            detail: e.to_string(),
        }
    } else {
        Error::HubFailed {
            detail: e.to_string(),
        }
    }
}

/// As [`query_error`], naming `name` in the errors about a device.
fn device_error(e: postgres::Error, name: &str) -> Error {
    match e.as_db_error() {
        Some(db) => db_error(db, Some(name)),
        None => query_error(e),
    }
}

fn db_error(db: &DbError, name: Option<&str>) -> Error {
    let name = || name.unwrap_or_default().to_string();
    match db.code().code() {
        "28P01" | "28000" => Error::HubCredentialsRejected,
        // The database, the schema or its functions are missing.
        "3D000" => Error::HubUrlInvalid {
            detail: db.message().to_string(),
        },
        "3F000" | "42883" | "42P01" => Error::HubNotInitialised,
        "KH001" => Error::HubDeviceRevoked,
        "KH002" => Error::HubNotAdminDevice,
        "KH003" => Error::HubDeviceUnknown { name: name() },
        "KH004" => Error::HubDeviceNameTaken { name: name() },
        "KH005" => Error::HubEnrolmentUsed,
        // The server went away (shut down, or this device's session was ended on revocation).
        code if code.starts_with("08") || code.starts_with("57P") => Error::HubUnreachable {
            detail: db.message().to_string(),
        },
        code => Error::HubFailed {
            detail: format!("{code}: {}", db.message()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_leave_the_url() {
        assert_eq!(
            url_without_credentials(
                "postgres://admin:s3cret@db.example.fi:5433/hub?sslmode=require&password=x&user=y"
            )
            .unwrap(),
            "postgres://db.example.fi:5433/hub?sslmode=require"
        );
        assert_eq!(
            url_without_credentials("postgresql://127.0.0.1/hub").unwrap(),
            "postgresql://127.0.0.1/hub"
        );
    }

    #[test]
    fn a_login_does_not_print_its_password() {
        let login = DeviceLogin {
            url: "postgres://h/d".into(),
            role: "r".into(),
            password: "very-secret-password".into(),
        };
        assert!(!format!("{login:?}").contains("very-secret-password"));
    }

    #[test]
    fn tls_is_required_beyond_loopback() {
        assert!(matches!(
            hub_config("postgres://db.example.fi/hub?sslmode=disable"),
            Err(Error::HubTlsRequired)
        ));
        assert!(hub_config("postgres://127.0.0.1:5/hub?sslmode=disable").is_ok());
        let config = hub_config("postgres://db.example.fi/hub").unwrap();
        assert_eq!(config.get_ssl_mode(), SslMode::Require);
    }
}
