//! The sync hub against a real PostgreSQL (tests/common/postgres.rs): init, device logins,
//! push and pull, erasure tombstones, revocation, row-level security and the error codes.
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use kortisto_core::hub::{AuditCopyEntry, DeviceLogin, Hub, HubRecord, HUB_SCHEMA_VERSION};
use kortisto_core::Error;
use uuid::Uuid;

use crate::common::postgres as pg;

/// A database of its own for each test.
fn database(test: &str) -> String {
    pg::admin_url(&format!("hub_{test}_{}", Uuid::now_v7().simple()))
}

/// A hub with one register: the admin device's login and a connection.
fn new_hub(url: &str) -> (Uuid, DeviceLogin, Hub) {
    let register = Uuid::now_v7();
    let login = Hub::init(url, register, Uuid::now_v7(), "admin-pc").unwrap();
    let hub = Hub::connect(&login, Some(register)).unwrap();
    (register, login, hub)
}

fn record(device: Uuid, seq: i64, subject: Option<&[u8]>, sealed: &[u8]) -> HubRecord {
    HubRecord {
        record_id: Uuid::now_v7(),
        device_id: device,
        seq,
        hlc: format!("{:020}-{seq}", seq * 1000),
        subject: subject.map(<[u8]>::to_vec),
        tombstone: false,
        sealed: sealed.to_vec(),
    }
}

fn random_bytes(n: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; n];
    getrandom::fill(&mut bytes).unwrap();
    bytes
}

fn everything(hub: &mut Hub) -> Vec<HubRecord> {
    hub.pull(&BTreeMap::new(), 10_000).unwrap()
}

#[test]
fn two_devices_push_and_pull_each_others_records() {
    let url = database("roundtrip");
    let (register, _login, mut admin) = new_hub(&url);
    let (laptop_id, laptop_login) = admin.enrol_device("laptop", b"deposit").unwrap();
    assert!(!laptop_login.url.contains('@'), "{}", laptop_login.url);
    let mut laptop = Hub::connect(&laptop_login, None).unwrap();
    assert_eq!(laptop.register_id(), register);
    assert_eq!(laptop.device_id(), laptop_id);

    let mine = vec![
        record(admin.device_id(), 1, Some(b"person-1"), &random_bytes(40)),
        record(admin.device_id(), 2, None, &random_bytes(40)),
    ];
    let outcome = admin.push(&mine).unwrap();
    assert_eq!((outcome.stored, outcome.duplicates), (2, 0));
    assert!(outcome.refused.is_empty());
    let theirs = vec![record(laptop_id, 1, None, b"from the laptop")];
    assert_eq!(laptop.push(&theirs).unwrap().stored, 1);

    // Each device sees the other's records, in push order, and never its own.
    assert_eq!(everything(&mut laptop), mine);
    assert_eq!(everything(&mut admin), theirs);

    let devices = admin.devices().unwrap();
    let names: Vec<_> = devices
        .iter()
        .map(|d| (d.name.as_str(), d.is_admin))
        .collect();
    assert_eq!(names, [("admin-pc", true), ("laptop", false)]);
    assert!(devices
        .iter()
        .all(|d| d.last_seen_at.is_some() && d.revoked_at.is_none()));
}

#[test]
fn a_retried_push_stores_nothing_twice() {
    let url = database("idempotent");
    let (_, _, mut admin) = new_hub(&url);
    let (_, login) = admin.enrol_device("laptop", b"d").unwrap();
    let mut laptop = Hub::connect(&login, None).unwrap();
    let batch: Vec<_> = (1..=5)
        .map(|seq| record(admin.device_id(), seq, None, &random_bytes(16)))
        .collect();
    assert_eq!(admin.push(&batch).unwrap().stored, 5);
    let again = admin.push(&batch).unwrap();
    assert_eq!((again.stored, again.duplicates), (0, 5));
    // A retry of a half-stored batch stores only the rest.
    let mut longer = batch.clone();
    longer.push(record(admin.device_id(), 6, None, b"six"));
    let third = admin.push(&longer).unwrap();
    assert_eq!((third.stored, third.duplicates), (1, 5));
    let pulled = everything(&mut laptop);
    assert_eq!(pulled.len(), 6);
    assert_eq!(pulled[..5], batch[..]);
    assert_eq!(
        pg::query_count(&url, "SELECT count(*) FROM kortisto.records"),
        6
    );
}

#[test]
fn pull_follows_a_cursor_per_device() {
    let url = database("cursors");
    let (_, _, mut admin) = new_hub(&url);
    let (a_id, a_login) = admin.enrol_device("a", b"d").unwrap();
    let (b_id, b_login) = admin.enrol_device("b", b"d").unwrap();
    let mut a = Hub::connect(&a_login, None).unwrap();
    let mut b = Hub::connect(&b_login, None).unwrap();
    let a_records: Vec<_> = (1..=3).map(|s| record(a_id, s, None, b"a")).collect();
    let b_records: Vec<_> = (1..=3).map(|s| record(b_id, s, None, b"b")).collect();
    a.push(&a_records).unwrap();
    b.push(&b_records).unwrap();

    let cursors = BTreeMap::from([(a_id, 2), (b_id, 1)]);
    let pulled = admin.pull(&cursors, 100).unwrap();
    let got: Vec<_> = pulled.iter().map(|r| (r.device_id, r.seq)).collect();
    assert_eq!(got, [(a_id, 3), (b_id, 2), (b_id, 3)]);
    // The limit cuts in hub order.
    let first_two = admin.pull(&BTreeMap::new(), 2).unwrap();
    assert_eq!(first_two, a_records[..2]);
    // Up to date: nothing more.
    let done = BTreeMap::from([(a_id, 3), (b_id, 3)]);
    assert!(admin.pull(&done, 100).unwrap().is_empty());
    // A record pushed out of sequence order (4 after 5) is refused, so no cursor can skip it.
    a.push(&[record(a_id, 5, None, b"five")]).unwrap();
    let late = record(a_id, 4, None, b"late");
    let error = a.push(&[late]).unwrap_err();
    assert!(matches!(error, Error::HubFailed { .. }), "{error:?}");
}

/// A pull starts reading where the cursors stand: the records after them come in hub order
/// whatever mix of devices, unnamed devices and erased records lies around them, and a page
/// far into a register reads about a page of rows, not every row before it (counted in
/// PostgreSQL's per-transaction statistics; a first sync pulls millions of records in pages).
#[test]
fn pull_reads_from_where_the_cursors_stand() {
    let url = database("pull_start");
    let (_, _, mut admin) = new_hub(&url);
    let (a_id, a_login) = admin.enrol_device("a", b"d").unwrap();
    let (b_id, b_login) = admin.enrol_device("b", b"d").unwrap();
    let (c_id, c_login) = admin.enrol_device("c", b"d").unwrap();
    let mut a = Hub::connect(&a_login, None).unwrap();
    let mut b = Hub::connect(&b_login, None).unwrap();
    let mut c = Hub::connect(&c_login, None).unwrap();
    let seqs = |records: &[HubRecord]| -> Vec<(Uuid, i64)> {
        records.iter().map(|r| (r.device_id, r.seq)).collect()
    };
    a.push(
        &(1..=3)
            .map(|s| record(a_id, s, None, b"a"))
            .collect::<Vec<_>>(),
    )
    .unwrap();
    b.push(&[record(b_id, 1, None, b"b"), record(b_id, 2, None, b"b")])
        .unwrap();
    a.push(&[record(a_id, 4, None, b"a"), record(a_id, 5, None, b"a")])
        .unwrap();
    b.push(&[record(b_id, 3, Some(b"person-9"), b"b")]).unwrap();
    let mut tombstone = record(c_id, 1, Some(b"person-9"), b"tomb");
    tombstone.tombstone = true;
    c.push(&[tombstone]).unwrap();

    // b's third record went with the erasure; a device not named starts at its beginning.
    let after = BTreeMap::from([(a_id, 3), (b_id, 2)]);
    assert_eq!(
        seqs(&admin.pull(&after, 100).unwrap()),
        [(a_id, 4), (a_id, 5), (c_id, 1)]
    );
    let after = BTreeMap::from([(a_id, 5)]);
    assert_eq!(
        seqs(&admin.pull(&after, 100).unwrap()),
        [(b_id, 1), (b_id, 2), (c_id, 1)]
    );
    // A device lagging behind the others: its records come, the others' are not repeated.
    let after = BTreeMap::from([(a_id, 1), (b_id, 2), (c_id, 1)]);
    assert_eq!(
        seqs(&admin.pull(&after, 100).unwrap()),
        [(a_id, 2), (a_id, 3), (a_id, 4), (a_id, 5)]
    );
    // Cursors past the end, and of devices the register does not have: nothing, no error.
    let after = BTreeMap::from([(a_id, 99), (b_id, 3), (c_id, 1), (Uuid::now_v7(), 5)]);
    assert!(admin.pull(&after, 100).unwrap().is_empty());
    assert_eq!(everything(&mut c).len(), 7);

    // 20,000 records later, a page of 100 near the end reads about a page of rows.
    for start in (6..20_006).step_by(2_000) {
        let batch: Vec<_> = (start..start + 2_000)
            .map(|s| record(a_id, s, None, b"bulk"))
            .collect();
        a.push(&batch).unwrap();
    }
    pg::execute(&url, "ANALYZE kortisto.records");
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let mut tx = client.transaction().unwrap();
    tx.batch_execute(&format!("SET LOCAL SESSION AUTHORIZATION {}", b_login.role))
        .unwrap();
    // c's tombstone lies early in the hub: named, so reading need not start there.
    let devices = vec![a_id, c_id];
    let cursors = vec![19_900i64, 1];
    let pulled: i64 = tx
        .query_one(
            "SELECT count(*) FROM kortisto.pull($1, $2, 100)",
            &[&devices, &cursors],
        )
        .unwrap()
        .get(0);
    assert_eq!(pulled, 100, "a's 19,901..20,000 (b's own are never pulled)");
    let read: i64 = tx
        .query_one(
            "SELECT (coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0))::bigint \
             FROM pg_stat_xact_user_tables WHERE relid = 'kortisto.records'::regclass",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(
        read <= 500,
        "a pull of 100 read {read} rows of kortisto.records"
    );
}

#[test]
fn a_tombstone_erases_the_subject_for_good() {
    let url = database("tombstone");
    let (_, _, mut admin) = new_hub(&url);
    let (laptop_id, login) = admin.enrol_device("laptop", b"d").unwrap();
    let mut laptop = Hub::connect(&login, None).unwrap();
    let me = admin.device_id();
    admin
        .push(&[
            record(me, 1, Some(b"person-1"), b"one"),
            record(me, 2, Some(b"person-2"), b"two"),
        ])
        .unwrap();
    laptop
        .push(&[record(laptop_id, 1, Some(b"person-1"), b"laptop one")])
        .unwrap();

    let mut tombstone = record(me, 3, Some(b"person-1"), b"tomb");
    tombstone.tombstone = true;
    assert_eq!(admin.push(&[tombstone.clone()]).unwrap().stored, 1);
    let left = pg::query_count(
        &url,
        "SELECT count(*) FROM kortisto.records WHERE subject = 'person-1'::bytea AND NOT tombstone",
    );
    assert_eq!(left, 0);
    let laptop_sees = everything(&mut laptop);
    assert_eq!(laptop_sees.len(), 2, "person-2 and the tombstone");
    assert!(laptop_sees.contains(&tombstone));

    // A laptop offline for months pushes an old change of the erased person: refused.
    let stale = record(laptop_id, 2, Some(b"person-1"), b"stale");
    let fresh = record(laptop_id, 3, Some(b"person-3"), b"fresh");
    let outcome = laptop.push(&[stale.clone(), fresh]).unwrap();
    assert_eq!(outcome.refused, [stale.record_id]);
    assert_eq!(outcome.stored, 1);
    assert!(!everything(&mut admin)
        .iter()
        .any(|r| r.record_id == stale.record_id));
    assert_eq!(
        pg::query_count(&url, "SELECT count(*) FROM kortisto.erased_subjects"),
        1
    );
}

#[test]
fn a_wrong_password_is_rejected() {
    let url = database("password");
    let (register, login, _) = new_hub(&url);
    let wrong = DeviceLogin {
        password: "not-the-password".into(),
        ..login.clone()
    };
    let error = Hub::connect(&wrong, Some(register)).unwrap_err();
    assert!(matches!(error, Error::HubCredentialsRejected), "{error:?}");
    assert!(!format!("{error:?}").contains(&login.password));
}

#[test]
fn a_revoked_device_can_neither_pull_nor_push() {
    let url = database("revoke");
    let (register, _, mut admin) = new_hub(&url);
    let (laptop_id, login) = admin.enrol_device("laptop", b"d").unwrap();
    let mut laptop = Hub::connect(&login, Some(register)).unwrap();
    laptop.push(&[record(laptop_id, 1, None, b"x")]).unwrap();

    admin.revoke_device("laptop").unwrap();
    assert!(laptop.pull(&BTreeMap::new(), 10).is_err());
    assert!(laptop.push(&[record(laptop_id, 2, None, b"y")]).is_err());
    let error = Hub::connect(&login, Some(register)).unwrap_err();
    assert!(
        matches!(
            error,
            Error::HubCredentialsRejected | Error::HubDeviceRevoked
        ),
        "{error:?}"
    );
    let info = admin.devices().unwrap();
    assert!(info
        .iter()
        .any(|d| d.name == "laptop" && d.revoked_at.is_some()));
    assert!(matches!(
        admin.revoke_device("laptop"),
        Err(Error::HubDeviceUnknown { name }) if name == "laptop"
    ));
    assert_eq!(
        pg::query_count(
            &url,
            &format!(
                "SELECT count(*) FROM pg_roles WHERE rolname = '{}'",
                login.role
            )
        ),
        0
    );
}

#[test]
fn a_device_sees_only_its_own_register() {
    let url = database("rls");
    let (x_register, x_login, mut x) = new_hub(&url);
    let y_register = Uuid::now_v7();
    let y_login = Hub::init(&url, y_register, Uuid::now_v7(), "other-office").unwrap();
    let mut y = Hub::connect(&y_login, Some(y_register)).unwrap();
    x.push(&[record(x.device_id(), 1, None, b"x")]).unwrap();
    y.push(&[
        record(y.device_id(), 1, None, b"y1"),
        record(y.device_id(), 2, None, b"y2"),
    ])
    .unwrap();
    let (_, x_laptop) = x.enrol_device("laptop", b"d").unwrap();
    let mut x_laptop = Hub::connect(&x_laptop, Some(x_register)).unwrap();
    assert_eq!(everything(&mut x_laptop).len(), 1);

    // X's login is refused as a login of register Y.
    assert!(matches!(
        Hub::connect(&x_login, Some(y_register)),
        Err(Error::HubForeignRegister)
    ));

    // A direct SELECT as X's device role: no table privilege at all...
    let device_url = |login: &DeviceLogin| {
        format!(
            "postgres://{}:{}@127.0.0.1:{}/{}?sslmode=disable",
            login.role,
            login.password,
            pg::port(),
            url.rsplit('/').next().unwrap().split('?').next().unwrap()
        )
    };
    let mut direct = postgres::Client::connect(&device_url(&x_login), postgres::NoTls).unwrap();
    let denied = direct
        .query("SELECT * FROM kortisto.records", &[])
        .unwrap_err();
    assert_eq!(denied.code().unwrap().code(), "42501", "{denied}");
    // ...and even with SELECT granted by mistake, row-level security shows X's rows only.
    pg::execute(
        &url,
        "GRANT SELECT ON kortisto.records, kortisto.devices TO kortisto_device",
    );
    let rows = direct
        .query("SELECT register_id FROM kortisto.records", &[])
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert!(rows.iter().all(|row| row.get::<_, Uuid>(0) == x_register));
    let devices = direct
        .query("SELECT register_id FROM kortisto.devices", &[])
        .unwrap();
    assert_eq!(devices.len(), 2);
    assert!(devices
        .iter()
        .all(|row| row.get::<_, Uuid>(0) == x_register));
    // Nor can it write around the functions.
    assert!(direct.execute("DELETE FROM kortisto.records", &[]).is_err());
    assert_eq!(
        pg::query_count(&url, "SELECT count(*) FROM kortisto.records"),
        3
    );
}

#[test]
fn a_hub_schema_of_another_version_is_refused() {
    let url = database("version");
    let (register, login, _) = new_hub(&url);
    pg::execute(&url, "UPDATE kortisto.hub_meta SET schema_version = 99");
    assert!(matches!(
        Hub::connect(&login, Some(register)),
        Err(Error::HubSchemaNewer {
            found: 99,
            supported: HUB_SCHEMA_VERSION
        })
    ));
    assert!(matches!(
        Hub::init(&url, register, Uuid::now_v7(), "second-admin"),
        Err(Error::HubSchemaNewer { found: 99, .. })
    ));
    // A hub as version 1 left it: no audit copies yet.
    pg::execute(
        &url,
        "DROP FUNCTION kortisto.audit_copy_head(), kortisto.push_audit_copy(bigint[], bytea[], bytea[]),
                       kortisto.audit_copy(bigint, integer);
         DROP TABLE kortisto.audit_copies;
         UPDATE kortisto.hub_meta SET schema_version = 1",
    );
    assert!(matches!(
        Hub::connect(&login, Some(register)),
        Err(Error::HubSchemaOlder { found: 1, .. })
    ));
    // The administrator runs init again: the hub is upgraded and the old login works.
    Hub::init(&url, register, Uuid::now_v7(), "second-admin").unwrap();
    let mut hub = Hub::connect(&login, Some(register)).unwrap();
    assert_eq!(hub.audit_copy_head().unwrap(), 0);
    assert_eq!(
        pg::query_count(&url, "SELECT schema_version::bigint FROM kortisto.hub_meta"),
        i64::from(HUB_SCHEMA_VERSION)
    );
}

#[test]
fn a_device_adds_to_its_audit_copy_but_never_changes_it_and_sees_no_other_copy() {
    let url = database("audit_copy");
    let (register, login, _) = new_hub(&url);
    let mut hub = Hub::connect(&login, Some(register)).unwrap();
    let entry = |seq: i64, byte: u8| AuditCopyEntry {
        seq,
        hash: vec![byte; 32],
        sealed: vec![byte; 40],
    };
    assert_eq!(hub.push_audit_copy(&[entry(1, 1), entry(2, 2)]).unwrap(), 2);
    // The same places again, with other content: kept as first copied.
    assert_eq!(hub.push_audit_copy(&[entry(2, 9), entry(3, 3)]).unwrap(), 1);
    assert_eq!(hub.audit_copy_head().unwrap(), 3);
    assert_eq!(
        hub.audit_copy(0, 10).unwrap(),
        vec![(1, vec![1; 32]), (2, vec![2; 32]), (3, vec![3; 32])]
    );
    assert_eq!(hub.audit_copy(1, 1).unwrap(), vec![(2, vec![2; 32])]);

    // Another device of the same register has a copy of its own.
    let (_, other) = hub.enrol_device("toinen", b"d").unwrap();
    let mut other = Hub::connect(&other, Some(register)).unwrap();
    assert_eq!(other.audit_copy_head().unwrap(), 0);
    assert!(other.audit_copy(0, 10).unwrap().is_empty());

    // No device may touch the table itself.
    let database = url.rsplit('/').next().unwrap().split('?').next().unwrap();
    let mut direct = postgres::Client::connect(
        &format!(
            "postgres://{}:{}@127.0.0.1:{}/{database}?sslmode=disable",
            login.role,
            login.password,
            pg::port()
        ),
        postgres::NoTls,
    )
    .unwrap();
    assert!(direct
        .execute("DELETE FROM kortisto.audit_copies", &[])
        .is_err());
    assert!(direct
        .execute("UPDATE kortisto.audit_copies SET hash = ''", &[])
        .is_err());
    assert_eq!(
        pg::query_count(&url, "SELECT count(*) FROM kortisto.audit_copies"),
        3
    );
}

#[test]
fn a_database_without_a_hub_is_not_initialised() {
    let url = database("empty");
    let login = DeviceLogin {
        url: url.replace(&format!("{}@", pg::ADMIN), ""),
        role: pg::ADMIN.into(),
        password: String::new(),
    };
    assert!(matches!(
        Hub::connect(&login, None),
        Err(Error::HubNotInitialised)
    ));
}

#[test]
fn no_tls_is_refused_beyond_this_computer_without_connecting() {
    let login = DeviceLogin {
        url: "postgres://hub.invalid:5432/kortisto?sslmode=disable".into(),
        role: "kortisto_d_x".into(),
        password: "p".into(),
    };
    let started = Instant::now();
    assert!(matches!(
        Hub::connect(&login, None),
        Err(Error::HubTlsRequired)
    ));
    assert!(started.elapsed() < Duration::from_millis(500));
    assert!(matches!(
        Hub::init(
            "postgres://admin@10.1.2.3/k?sslmode=disable",
            Uuid::nil(),
            Uuid::nil(),
            "a"
        ),
        Err(Error::HubTlsRequired)
    ));
    assert!(matches!(
        Hub::init("mysql://admin@10.1.2.3/k", Uuid::nil(), Uuid::nil(), "a"),
        Err(Error::HubUrlInvalid { .. })
    ));
}

#[test]
fn an_unreachable_hub_fails_fast() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let login = DeviceLogin {
        url: format!("postgres://127.0.0.1:{port}/kortisto?sslmode=disable"),
        role: "kortisto_d_x".into(),
        password: "secret-password".into(),
    };
    let started = Instant::now();
    let error = Hub::connect(&login, None).unwrap_err();
    assert!(matches!(error, Error::HubUnreachable { .. }), "{error:?}");
    assert!(started.elapsed() < Duration::from_secs(6));
    assert!(!error.to_string().contains("secret-password"));
}

#[test]
fn the_hub_stores_no_text_but_clocks_and_names() {
    let url = database("dump");
    let (_, _, mut admin) = new_hub(&url);
    let sealed = random_bytes(64);
    admin
        .push(&[record(admin.device_id(), 1, Some(b"subject"), &sealed)])
        .unwrap();
    let text_columns = pg::query_count(
        &url,
        "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'kortisto' \
         AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'xml') \
         AND (table_name, column_name) NOT IN \
             (('records', 'hlc'), ('devices', 'name'), ('devices', 'role_name'))",
    );
    assert_eq!(text_columns, 0);
    let dump = pg::dump(&url);
    let hex: String = sealed.iter().map(|b| format!("{b:02x}")).collect();
    assert!(
        dump.contains(&hex),
        "the sealed bytes are in the dump as bytea"
    );
    assert!(dump.contains("CREATE TABLE kortisto.records"));
}

#[test]
fn only_an_admin_device_enrols_and_a_deposit_is_taken_once() {
    let url = database("enrol");
    let (_, _, mut admin) = new_hub(&url);
    let (_, login) = admin
        .enrol_device("laptop", b"sealed register key")
        .unwrap();
    assert!(matches!(
        admin.enrol_device("laptop", b"again"),
        Err(Error::HubDeviceNameTaken { name }) if name == "laptop"
    ));
    let mut laptop = Hub::connect(&login, None).unwrap();
    assert_eq!(laptop.take_deposit().unwrap(), b"sealed register key");
    assert!(matches!(
        laptop.take_deposit(),
        Err(Error::HubEnrolmentUsed)
    ));
    assert!(matches!(
        laptop.enrol_device("rogue", b"d"),
        Err(Error::HubNotAdminDevice)
    ));
    assert!(matches!(
        laptop.revoke_device("admin-pc"),
        Err(Error::HubNotAdminDevice)
    ));
    assert_eq!(admin.devices().unwrap().len(), 2);
}

#[test]
fn a_puller_misses_nothing_while_devices_push_at_once() {
    let url = database("concurrent");
    let (register, _, mut admin) = new_hub(&url);
    let logins: Vec<_> = (0..4)
        .map(|i| admin.enrol_device(&format!("rep-{i}"), b"d").unwrap())
        .collect();
    let pushers: Vec<_> = logins
        .into_iter()
        .map(|(id, login)| {
            std::thread::spawn(move || {
                let mut hub = Hub::connect(&login, Some(register)).unwrap();
                for batch in 0..20 {
                    let records: Vec<_> = (1..=5)
                        .map(|i| record(id, batch * 5 + i, None, b"change"))
                        .collect();
                    assert_eq!(hub.push(&records).unwrap().stored, 5);
                }
            })
        })
        .collect();
    // Pull in small pages with per-device cursors while the pushes run.
    let mut cursors = BTreeMap::new();
    let mut seen = std::collections::HashSet::new();
    let mut pull_once = |admin: &mut Hub| {
        for record in admin.pull(&cursors, 7).unwrap() {
            let cursor = cursors.entry(record.device_id).or_insert(0);
            assert_eq!(
                record.seq,
                *cursor + 1,
                "a device's changes arrive in order"
            );
            *cursor = record.seq;
            assert!(seen.insert(record.record_id), "pulled twice");
        }
    };
    while pushers.iter().any(|p| !p.is_finished()) {
        pull_once(&mut admin);
    }
    for pusher in pushers {
        pusher.join().unwrap();
    }
    for _ in 0..100 {
        pull_once(&mut admin);
    }
    assert_eq!(seen.len(), 4 * 100);
}
