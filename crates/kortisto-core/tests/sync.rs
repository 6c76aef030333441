//! Several registers, one real PostgreSQL hub: devices converge, erasures reach every device
//! and stay erased, the hub sees ciphertext only, and a revoked device or a tampered record
//! changes nothing.
use kortisto_core::auth::{Role, Session};
use kortisto_core::consent::{ConsentChannel, ConsentEventKind, ConsentInput};
use kortisto_core::meetings::{MeetingChange, MeetingInput, MeetingKind};
use kortisto_core::people::{ContactInput, ContactKind, PersonInput};
use kortisto_core::sources::{SourceInput, SourceKind};
use kortisto_core::users::NewUser;
use kortisto_core::{Error, FixedClock, Register};
use proptest::prelude::*;

use crate::common::postgres;
use crate::common::{
    all_files, at, contains, decrypted_pages, password, raw_connection, register_with_admin,
    Sandbox,
};

/// One device: its own data folder and keychain, its register, an admin session.
struct Device {
    sandbox: Sandbox,
    register: Register,
    admin: Session,
}

fn source() -> SourceInput {
    SourceInput {
        kind: SourceKind::BusinessCard,
        detail: None,
        obtained_on: None,
    }
}

fn name(surname: &str, first: &str) -> PersonInput {
    PersonInput {
        surname: surname.into(),
        first_name: first.into(),
        other_first_names: None,
    }
}

/// The first device: a register with an admin, set up as the hub's first device.
fn first_device(hub_db: &str, clock: &FixedClock) -> (Device, String) {
    let sandbox = Sandbox::new("sync-a");
    let (mut register, admin) = register_with_admin(&sandbox, clock);
    let url = postgres::admin_url(hub_db);
    register
        .hub_set_up(&admin, &url, "toimisto", clock)
        .unwrap();
    sandbox.track(&format!("{}.hub", register.register_id()));
    (
        Device {
            sandbox,
            register,
            admin,
        },
        url,
    )
}

/// Enrols and joins another device through the first one; it logs in as the same admin.
fn join(first: &mut Device, device_name: &str, clock: &FixedClock) -> Device {
    let code = first
        .register
        .device_enrol(&first.admin, device_name, clock)
        .unwrap();
    let sandbox = Sandbox::new(device_name);
    let (mut register, _) =
        Register::join(&sandbox.data_dir, &sandbox.keychain, &code, clock).unwrap();
    sandbox.track(register.register_id());
    sandbox.track(&format!("{}.hub", register.register_id()));
    let admin = register.login("admin", &password(), clock).unwrap();
    Device {
        sandbox,
        register,
        admin,
    }
}

fn sync(device: &mut Device, clock: &FixedClock) -> kortisto_core::sync::SyncReport {
    device.register.sync(Some(&device.admin), clock).unwrap()
}

/// Adds the sales rep "myyja" (display name "Myyjä") on `device`.
fn add_sales_rep(device: &mut Device, clock: &FixedClock) {
    device
        .register
        .user_add(
            &device.admin,
            &NewUser {
                username: "myyja".into(),
                display_name: "Myyjä".into(),
                role: Role::Sales,
            },
            &password(),
            clock,
        )
        .unwrap();
}

fn digest(device: &Device) -> String {
    device.register.sync_digest().unwrap()
}

#[test]
fn a_person_added_on_one_device_is_found_on_another_and_the_digests_agree() {
    let clock = at("2026-12-01T09:00:00Z");
    let (mut a, _) = first_device("sync_basic", &clock);
    let person = a
        .register
        .person_add(
            &a.admin,
            &name("Qzxlaakso", "Qzxpirkko"),
            &[ContactInput {
                kind: ContactKind::Email,
                value: "pirkko@qzxlaakso.fi".into(),
                label: None,
                social_kind: None,
            }],
            &source(),
            &clock,
        )
        .unwrap();
    let report = sync(&mut a, &clock);
    assert!(report.pushed > 0, "{report:?}");

    let mut b = join(&mut a, "myynti-1", &clock);
    let hits = b.register.search(&b.admin, "qzxlaak", 10, &clock).unwrap();
    assert_eq!(hits.len(), 1, "the joined device finds the person by name");
    assert_eq!(hits[0].record_id, person.person_id);
    let by_mail = b
        .register
        .search(&b.admin, "pirkko@qzxlaakso.fi", 10, &clock)
        .unwrap();
    assert_eq!(by_mail.len(), 1, "and by e-mail");
    assert_eq!(digest(&a), digest(&b));

    // A change on B reaches A.
    b.register
        .person_edit(
            &b.admin,
            &person.person_id,
            &name("Qzxlaakso", "Pirkko-Liisa"),
            None,
            &clock,
        )
        .unwrap();
    assert!(
        b.register.sync_status().unwrap().waiting > 0,
        "the edit waits for the hub"
    );
    sync(&mut b, &clock);
    assert_eq!(b.register.sync_status().unwrap().waiting, 0);
    let pulled = sync(&mut a, &clock);
    assert!(pulled.pulled.applied >= 1, "{pulled:?}");
    let page = a
        .register
        .person_page(&a.admin, &person.person_id, &clock)
        .unwrap();
    assert_eq!(page.person.first_name, "Pirkko-Liisa");
    assert_eq!(digest(&a), digest(&b));
    // A second sync shares only the page view A just made (its read: one row about no one,
    // one about her); a third moves nothing: pushes are idempotent and pulls are cursored.
    let again = sync(&mut a, &clock);
    assert_eq!((again.pushed, again.pulled.received), (2, 0), "{again:?}");
    let third = sync(&mut a, &clock);
    assert_eq!((third.pushed, third.pulled.received), (0, 0), "{third:?}");
}

#[test]
fn different_fields_both_survive_and_the_same_field_is_a_conflict_that_can_be_undone() {
    let clock = at("2026-12-01T09:00:00Z");
    let (mut a, _) = first_device("sync_merge", &clock);
    let person = a
        .register
        .person_add(&a.admin, &name("Virta", "Ville"), &[], &source(), &clock)
        .unwrap();
    sync(&mut a, &clock);
    let mut b = join(&mut a, "myynti-2", &clock);

    // Offline: A changes the surname, B the first name.
    a.register
        .person_edit(
            &a.admin,
            &person.person_id,
            &name("Virtanen", "Ville"),
            None,
            &at("2026-12-01T10:00:00Z"),
        )
        .unwrap();
    b.register
        .person_edit(
            &b.admin,
            &person.person_id,
            &name("Virta", "Valtteri"),
            None,
            &at("2026-12-01T10:05:00Z"),
        )
        .unwrap();
    let eleven = at("2026-12-01T11:00:00Z");
    sync(&mut a, &eleven);
    sync(&mut b, &eleven);
    sync(&mut a, &eleven);
    for device in [&mut a, &mut b] {
        let page = device
            .register
            .person_page(&device.admin, &person.person_id, &clock)
            .unwrap();
        assert_eq!(
            (
                page.person.surname.as_str(),
                page.person.first_name.as_str()
            ),
            ("Virtanen", "Valtteri"),
            "both different-field edits survive"
        );
    }
    assert!(a
        .register
        .sync_conflicts(&a.admin, false)
        .unwrap()
        .is_empty());

    // Offline again: both change the first name; B's change is the later one.
    a.register
        .person_edit(
            &a.admin,
            &person.person_id,
            &name("Virtanen", "Aatu"),
            None,
            &at("2026-12-01T12:00:00Z"),
        )
        .unwrap();
    b.register
        .person_edit(
            &b.admin,
            &person.person_id,
            &name("Virtanen", "Bertta"),
            None,
            &at("2026-12-01T12:01:00Z"),
        )
        .unwrap();
    let later = at("2026-12-01T13:00:00Z");
    sync(&mut a, &later);
    let on_b = sync(&mut b, &later);
    assert_eq!(on_b.pulled.conflicts, 1, "{on_b:?}");
    let on_a = sync(&mut a, &later);
    assert_eq!(on_a.pulled.conflicts, 1, "{on_a:?}");
    for device in [&mut a, &mut b] {
        let page = device
            .register
            .person_page(&device.admin, &person.person_id, &clock)
            .unwrap();
        assert_eq!(page.person.first_name, "Bertta", "the later clock wins");
    }
    assert_eq!(digest(&a), digest(&b));
    let conflicts = a.register.sync_conflicts(&a.admin, true).unwrap();
    assert_eq!(conflicts.len(), 1);
    let conflict = &conflicts[0];
    assert_eq!(
        (conflict.table.as_str(), conflict.field.as_str()),
        ("people", "first_name")
    );
    assert_eq!(conflict.kept_value.as_deref(), Some("Bertta"));
    assert_eq!(conflict.other_value.as_deref(), Some("Aatu"));
    assert_eq!(a.register.sync_status().unwrap().open_conflicts, 1);

    // Undo: the losing value comes back everywhere.
    a.register
        .sync_conflict_restore(&a.admin, &conflict.conflict_id, &at("2026-12-01T14:00:00Z"))
        .unwrap();
    assert_eq!(a.register.sync_status().unwrap().open_conflicts, 0);
    sync(&mut a, &at("2026-12-01T14:00:00Z"));
    sync(&mut b, &at("2026-12-01T14:00:00Z"));
    let page = b
        .register
        .person_page(&b.admin, &person.person_id, &clock)
        .unwrap();
    assert_eq!(page.person.first_name, "Aatu");
    // B shared its earlier page view at that sync (reads travel): A pulls it, then they agree.
    sync(&mut a, &at("2026-12-01T14:00:00Z"));
    assert_eq!(digest(&a), digest(&b));
}

#[test]
fn an_erasure_reaches_every_device_and_a_stale_push_cannot_bring_the_person_back() {
    let clock = at("2026-12-01T09:00:00Z");
    let (mut a, url) = first_device("sync_erasure", &clock);
    let mut b = join(&mut a, "laptop-b", &clock);
    let mut c = join(&mut a, "laptop-c", &clock);
    let person = b
        .register
        .person_add(
            &b.admin,
            &name("Qzxerasurname", "Qzxerafirst"),
            &[ContactInput {
                kind: ContactKind::Email,
                value: "qzxera@qzxdomain.fi".into(),
                label: None,
                social_kind: None,
            }],
            &source(),
            &clock,
        )
        .unwrap();
    sync(&mut b, &clock);
    sync(&mut a, &clock);
    sync(&mut c, &clock);
    assert_eq!(
        c.register
            .search(&c.admin, "qzxera", 10, &clock)
            .unwrap()
            .len(),
        1
    );

    // C goes offline with a wrong clock (six months behind) and edits the person.
    let stale = at("2026-06-01T09:00:00Z");
    c.register
        .person_edit(
            &c.admin,
            &person.person_id,
            &name("Qzxerasurname", "Qzxstale"),
            None,
            &stale,
        )
        .unwrap();

    // A erases the person and syncs.
    a.register
        .erase(
            &a.admin,
            &person.person_id,
            None,
            &at("2026-12-01T10:00:00Z"),
        )
        .unwrap();
    sync(&mut a, &at("2026-12-01T10:00:00Z"));
    assert_eq!(
        postgres::query_count(
            &url,
            "SELECT count(*) FROM kortisto.records WHERE subject IS NOT NULL AND NOT tombstone"
        ),
        0,
        "the hub holds no record of the erased person, only the tombstone"
    );

    // C comes back: its stale edit is refused, and it applies the erasure.
    let back = sync(&mut c, &at("2026-12-01T11:00:00Z"));
    assert!(back.refused >= 1, "{back:?}");
    assert_eq!(back.pulled.erased, 1, "{back:?}");
    sync(&mut b, &at("2026-12-01T11:00:00Z"));
    sync(&mut a, &at("2026-12-01T11:00:00Z"));
    for device in [&mut a, &mut b, &mut c] {
        assert!(
            device
                .register
                .search(&device.admin, "qzxera", 10, &clock)
                .unwrap()
                .is_empty(),
            "the erased person is gone everywhere"
        );
        assert!(matches!(
            device
                .register
                .person_page(&device.admin, &person.person_id, &clock),
            Err(Error::RecordNotFound { .. })
        ));
    }
    assert_eq!(digest(&a), digest(&b));
    assert_eq!(digest(&a), digest(&c));

    // No page of B's or C's database (free pages and WAL included) holds the strings.
    for device in [&b, &c] {
        let id = device.register.register_id().to_string();
        let key = device.sandbox.entry(&id).get_secret().unwrap();
        for (path, bytes) in all_files(device.sandbox.data_dir.path()) {
            let pages = decrypted_pages(&bytes, &key);
            for needle in [
                "Qzxerasurname",
                "Qzxerafirst",
                "Qzxstale",
                "qzxera@qzxdomain.fi",
            ] {
                assert!(
                    !contains(&pages, needle.as_bytes()) && !contains(&bytes, needle.as_bytes()),
                    "{needle} left in {}",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn the_hub_never_sees_plaintext() {
    let clock = at("2026-12-01T09:00:00Z");
    let (mut a, url) = first_device("sync_ciphertext", &clock);
    a.register
        .person_add(
            &a.admin,
            &name("Qzxplainsurname", "Qzxplainfirst"),
            &[ContactInput {
                kind: ContactKind::Email,
                value: "qzxplain@qzxplaindomain.fi".into(),
                label: None,
                social_kind: None,
            }],
            &source(),
            &clock,
        )
        .unwrap();
    sync(&mut a, &clock);
    let dump = postgres::dump(&url);
    assert!(dump.contains("kortisto"), "the dump is of the hub");
    assert!(postgres::query_count(&url, "SELECT count(*) FROM kortisto.records") > 5);
    for needle in [
        "Qzxplain",
        "qzxplain",
        "Admin Ylläpitäjä",
        "qzxplaindomain",
        "person_id",
        "surname",
    ] {
        assert!(!dump.contains(needle), "{needle} is in the hub's dump");
    }
}

#[test]
fn a_deactivated_user_cannot_log_in_elsewhere_and_a_revoked_device_is_shut_out() {
    let clock = at("2026-12-01T09:00:00Z");
    let (mut a, _) = first_device("sync_users", &clock);
    add_sales_rep(&mut a, &clock);
    sync(&mut a, &clock);
    let mut b = join(&mut a, "laptop-users", &clock);
    let rep = b.register.login("myyja", &password(), &clock).unwrap();
    b.register.logout(&rep, &clock).unwrap();

    a.register
        .user_deactivate(&a.admin, "myyja", &clock)
        .unwrap();
    sync(&mut a, &clock);
    sync(&mut b, &clock);
    assert!(matches!(
        b.register.login("myyja", &password(), &clock),
        Err(Error::LoginFailed)
    ));

    // Revoked: B can neither push nor pull, and its register stays as it was.
    a.register
        .device_revoke(&a.admin, "laptop-users", &clock)
        .unwrap();
    let before = digest(&b);
    b.register
        .person_add(&b.admin, &name("Offline", "Olli"), &[], &source(), &clock)
        .unwrap();
    let refused = b.register.sync(Some(&b.admin), &clock).unwrap_err();
    assert!(
        matches!(
            refused,
            Error::HubCredentialsRejected | Error::HubDeviceRevoked
        ),
        "{refused:?}"
    );
    let status = b.register.sync_status().unwrap();
    assert!(status.waiting > 0, "the change waits, nothing is lost");
    assert!(status.offline_since.is_some() && status.last_error.is_some());
    assert_ne!(digest(&b), before);
    assert!(
        a.register
            .search(&a.admin, "offline", 10, &clock)
            .unwrap()
            .is_empty()
            || {
                sync(&mut a, &clock);
                a.register
                    .search(&a.admin, "offline", 10, &clock)
                    .unwrap()
                    .is_empty()
            }
    );
    let devices = a.register.device_list(&a.admin).unwrap();
    assert!(devices
        .iter()
        .any(|d| d.name == "laptop-users" && d.revoked_at.is_some()));
}

#[test]
fn a_tampered_record_is_refused_and_changes_nothing() {
    let clock = at("2026-12-01T09:00:00Z");
    let (mut a, url) = first_device("sync_tamper", &clock);
    let mut b = join(&mut a, "laptop-tamper", &clock);
    a.register
        .person_add(
            &a.admin,
            &name("Peukaloija", "Pekka"),
            &[],
            &source(),
            &clock,
        )
        .unwrap();
    sync(&mut a, &clock);
    postgres::execute(
        &url,
        "UPDATE kortisto.records SET sealed = overlay(sealed placing '\\xff'::bytea from 20 for 1)
         WHERE hub_seq = (SELECT max(hub_seq) FROM kortisto.records)",
    );
    let before = digest(&b);
    let error = b.register.sync(Some(&b.admin), &clock).unwrap_err();
    assert_eq!(error.code(), "sync_record_invalid");
    assert_eq!(digest(&b), before, "nothing of the page was applied");
    // The register stays usable offline.
    b.register
        .person_add(&b.admin, &name("Yhä", "Toimii"), &[], &source(), &clock)
        .unwrap();
}

#[test]
fn joining_with_a_bad_code_or_an_unreachable_hub_leaves_the_folder_empty() {
    let sandbox = Sandbox::new("join-bad");
    let clock = at("2026-12-01T09:00:00Z");
    let error = Register::join(
        &sandbox.data_dir,
        &sandbox.keychain,
        "KORTISTO-nonsense",
        &clock,
    )
    .unwrap_err();
    assert_eq!(error.code(), "enrolment_code_invalid");
    // A well-formed code whose hub does not answer.
    let code = format!(
        "KORTISTO-{}",
        data_encoding::BASE64URL_NOPAD.encode(
            br#"{"v":1,"url":"postgres://127.0.0.1:1/hub?sslmode=disable","role":"r","password":"p","secret":"AAAA"}"#
        )
    );
    let error = Register::join(&sandbox.data_dir, &sandbox.keychain, &code, &clock).unwrap_err();
    assert_eq!(error.code(), "hub_unreachable", "{error:?}");
    assert!(!sandbox.data_dir.database_path().exists());
}

/// One step of the property test.
#[derive(Debug, Clone)]
enum Step {
    /// Device `d` adds a person.
    Add { d: usize, surname: String },
    /// Device `d` renames person number `p` (of those it holds), first or surname.
    Rename {
        d: usize,
        p: usize,
        surname: bool,
        value: String,
    },
    /// Device `d` syncs.
    Sync { d: usize },
}

fn step() -> impl Strategy<Value = Step> {
    let word = "[A-Z][a-z]{2,6}";
    prop_oneof![
        (0..3usize, word).prop_map(|(d, surname)| Step::Add { d, surname }),
        (0..3usize, 0..4usize, any::<bool>(), word).prop_map(|(d, p, surname, value)| {
            Step::Rename {
                d,
                p,
                surname,
                value,
            }
        }),
        (0..3usize).prop_map(|d| Step::Sync { d }),
    ]
}

static CASE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

proptest! {
    #![proptest_config(ProptestConfig { cases: 5, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn three_devices_converge_whatever_the_order_of_offline_edits_and_syncs(steps in proptest::collection::vec(step(), 4..14)) {
        let case = CASE.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let mut minute = 0;
        let mut tick = || {
            minute += 1;
            FixedClock(at("2026-12-01T08:00:00Z").0 + chrono::Duration::minutes(minute))
        };
        let (mut a, _) = first_device(&format!("sync_prop_{case}"), &tick());
        let b = join(&mut a, "prop-b", &tick());
        let c = join(&mut a, "prop-c", &tick());
        let mut devices = [a, b, c];
        for step in steps {
            let clock = tick();
            match step {
                Step::Add { d, surname } => {
                    let device = &mut devices[d];
                    device.register.person_add(&device.admin, &name(&surname, "Etu"), &[], &source(), &clock).unwrap();
                }
                Step::Rename { d, p, surname, value } => {
                    let device = &mut devices[d];
                    let people = device.register.person_list(&device.admin, 0, 100, &clock).unwrap();
                    let mut ids: Vec<String> = people.items.into_iter().map(|person| person.person_id).collect();
                    ids.sort();
                    if let Some(id) = ids.get(p) {
                        let page = device.register.person_page(&device.admin, id, &clock).unwrap();
                        let input = if surname {
                            name(&value, &page.person.first_name)
                        } else {
                            name(&page.person.surname, &value)
                        };
                        device.register.person_edit(&device.admin, id, &input, None, &clock).unwrap();
                    }
                }
                Step::Sync { d } => {
                    sync(&mut devices[d], &clock);
                }
            }
        }
        // Everyone reconnects: two rounds bring every change to every device.
        for _ in 0..2 {
            for device in devices.iter_mut() {
                let clock = tick();
                sync(device, &clock);
            }
        }
        let digests: Vec<String> = devices.iter().map(digest).collect();
        prop_assert_eq!(&digests[0], &digests[1]);
        prop_assert_eq!(&digests[0], &digests[2]);
    }
}

#[test]
fn a_change_made_after_restoring_a_backup_still_reaches_the_other_devices() {
    let clock = at("2026-12-01T09:00:00Z");
    let (mut a, _) = first_device("sync_restore", &clock);
    let mut b = join(&mut a, "laptop-restore", &clock);
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("ennen.kbak");
    a.register
        .backup_create(Some(&a.admin), &file, &clock)
        .unwrap();
    // Pushed after the backup: the hub now holds sequence numbers the backup never saw.
    a.register
        .person_add(
            &a.admin,
            &name("Ennen", "Palautusta"),
            &[],
            &source(),
            &clock,
        )
        .unwrap();
    sync(&mut a, &clock);
    a.register
        .backup_restore(&a.admin, &file, &at("2026-12-01T10:00:00Z"))
        .unwrap();
    let after = at("2026-12-01T10:05:00Z");
    a.register
        .person_add(
            &a.admin,
            &name("Palautuksen", "Jalkeen"),
            &[],
            &source(),
            &after,
        )
        .unwrap();
    let report = sync(&mut a, &after);
    assert_eq!(report.duplicates, 0, "{report:?}");
    sync(&mut b, &after);
    assert_eq!(
        b.register
            .search(&b.admin, "palautuksen", 10, &clock)
            .unwrap()
            .len(),
        1,
        "the change made after the restore is not taken for a retry and dropped"
    );
    // The change made between the backup and the restore is on the hub and on B: the
    // restored A pulls it back and the two agree again.
    assert_eq!(
        a.register
            .search(&a.admin, "palautusta", 10, &clock)
            .unwrap()
            .len(),
        1,
        "the restored device gets back its own change from the hub"
    );
    sync(&mut a, &after);
    // The searches each made above are shared at their next syncs (reads travel).
    sync(&mut b, &after);
    sync(&mut a, &after);
    assert_eq!(digest(&a), digest(&b));
    // Its own records are pulled again only that once.
    assert_eq!(sync(&mut a, &after).pulled.received, 0);
}

#[test]
fn a_push_cut_off_after_the_hub_took_it_is_retried_and_every_change_arrives_once() {
    let clock = at("2026-12-01T09:00:00Z");
    let (mut a, url) = first_device("sync_cut", &clock);
    let mut b = join(&mut a, "laptop-cut", &clock);
    for n in 0..5 {
        a.register
            .person_add(
                &a.admin,
                &name(&format!("Katkos{n}"), "Kalle"),
                &[],
                &source(),
                &clock,
            )
            .unwrap();
    }
    // What the outbox holds before the push: the connection is cut after the hub committed
    // but before this device recorded it, so the same rows are still waiting afterwards.
    let raw = crate::common::raw_connection(&a.sandbox, a.register.register_id());
    raw.execute_batch("CREATE TEMP TABLE kept AS SELECT * FROM sync_outbox")
        .unwrap();
    let waiting: i64 = raw
        .query_row("SELECT count(*) FROM kept WHERE hlc IS NOT NULL", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(waiting >= 5);
    let first = sync(&mut a, &clock);
    assert_eq!(first.pushed as i64, waiting, "{first:?}");
    raw.execute_batch("INSERT INTO sync_outbox SELECT * FROM kept")
        .unwrap();
    drop(raw);
    let retry = sync(&mut a, &clock);
    assert_eq!(
        (retry.pushed, retry.duplicates as i64),
        (0, waiting),
        "{retry:?}"
    );
    assert_eq!(
        postgres::query_count(
            &url,
            "SELECT count(*) - count(DISTINCT record_id) FROM kortisto.records"
        ),
        0,
        "no record is stored twice"
    );
    let pulled = sync(&mut b, &clock);
    assert_eq!(
        pulled.pulled.received as i64, waiting,
        "each change arrives once"
    );
    let people = b.register.person_list(&b.admin, 0, 100, &clock).unwrap();
    assert_eq!(
        people
            .items
            .iter()
            .filter(|p| p.surname.starts_with("Katkos"))
            .count(),
        5
    );
    assert_eq!(digest(&a), digest(&b));
}

#[test]
fn a_trail_cut_short_and_unanchored_on_a_device_is_found_against_the_hubs_copy() {
    let clock = at("2026-12-01T09:00:00Z");
    let (mut a, _) = first_device("sync_audit_copy", &clock);
    for n in 0..3 {
        a.register
            .person_add(
                &a.admin,
                &name(&format!("Lokikopio{n}"), "Anna"),
                &[],
                &source(),
                &clock,
            )
            .unwrap();
    }
    let report = sync(&mut a, &clock);
    assert!(report.audit_copied >= 3, "{report:?}");
    let verified = a.register.audit_verify(&a.admin).unwrap();
    assert!(verified.intact, "{verified:?}");
    assert_eq!(verified.hub_copy.as_deref(), Some("matches"));
    // A second sync copies only what is new: nothing (a verify writes no entry).
    assert_eq!(sync(&mut a, &clock).audit_copied, 0);

    // Someone holding the key cuts the last entries and removes every local trace of the
    // anchor: the trail alone looks intact, the hub's copy does not.
    let entries = a.register.audit_verify(&a.admin).unwrap().entries as i64;
    let raw = raw_connection(&a.sandbox, a.register.register_id());
    raw.execute_batch(
        "DROP TRIGGER audit_events_append_only_delete;
         DELETE FROM audit_events WHERE seq > (SELECT max(seq) - 2 FROM audit_events);
         DELETE FROM settings WHERE key = 'audit_anchored';",
    )
    .unwrap();
    drop(raw);
    let manifest_path = a.sandbox.data_dir.path().join("register.json");
    let mut manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&manifest_path).unwrap()).unwrap();
    manifest.as_object_mut().unwrap().remove("audit_head");
    std::fs::write(&manifest_path, manifest.to_string()).unwrap();

    let verified = a.register.audit_verify(&a.admin).unwrap();
    assert!(!verified.intact, "{verified:?}");
    assert_eq!(verified.problem.as_deref(), Some("truncated"));
    assert_eq!(verified.hub_copy.as_deref(), Some("differs"));
    assert_eq!(verified.first_broken_seq, Some(entries - 1));

    // New entries take the places of the cut ones; a sync cannot replace the hub's copy of
    // those places, and the next check names the first rewritten one.
    a.register
        .person_add(&a.admin, &name("Peittely", "Pekka"), &[], &source(), &clock)
        .unwrap();
    sync(&mut a, &clock);
    let verified = a.register.audit_verify(&a.admin).unwrap();
    assert!(!verified.intact, "{verified:?}");
    assert_eq!(verified.problem.as_deref(), Some("rewritten"));
    assert_eq!(verified.first_broken_seq, Some(entries - 1));
}

#[test]
fn without_the_hub_the_trail_is_checked_locally_and_says_so() {
    let clock = at("2026-12-01T09:00:00Z");
    let (mut a, _) = first_device("sync_audit_offline", &clock);
    sync(&mut a, &clock);
    let register_id = a.register.register_id().to_string();
    let Device {
        sandbox, register, ..
    } = a;
    register.close().unwrap();
    // The hub moved away (nothing listens on port 1).
    raw_connection(&sandbox, &register_id)
        .execute_batch(
            "UPDATE sync_state SET hub_url = 'postgres://127.0.0.1:1/hub?sslmode=disable'",
        )
        .unwrap();
    let mut register = Register::open(&sandbox.data_dir, &sandbox.keychain).unwrap();
    let admin = register.login("admin", &password(), &clock).unwrap();
    let verified = register.audit_verify(&admin).unwrap();
    assert!(verified.intact, "{verified:?}");
    assert_eq!(verified.hub_copy.as_deref(), Some("not_checked"));
    assert_eq!(verified.hub_copy_error.as_deref(), Some("hub_unreachable"));
}

#[test]
fn a_synced_register_refuses_a_key_rotation_and_keeps_syncing() {
    let clock = at("2026-12-01T09:00:00Z");
    let (mut a, _) = first_device("sync_rekey", &clock);
    let mut b = join(&mut a, "myynti-rekey", &clock);
    let error = a.register.key_rotate(&a.admin, &clock).unwrap_err();
    assert!(matches!(error, Error::KeyRotateSynced), "{error:?}");
    a.register
        .person_add(&a.admin, &name("Avainpito", "Aino"), &[], &source(), &clock)
        .unwrap();
    sync(&mut a, &clock);
    sync(&mut b, &clock);
    assert_eq!(
        b.register
            .search(&b.admin, "avainpito", 5, &clock)
            .unwrap()
            .len(),
        1
    );
    assert_eq!(digest(&a), digest(&b));
}

fn consent(device: &mut Device, person_id: &str, kind: ConsentEventKind, clock: &FixedClock) {
    device
        .register
        .consent_record(
            &device.admin,
            &ConsentInput {
                person_id: person_id.into(),
                purpose: "direct-marketing".into(),
                kind,
                channel: ConsentChannel::Email,
                wording_version: "markkinointi-2026".into(),
                evidence: None,
                at: None,
            },
            clock,
        )
        .unwrap();
}

/// Who is on the marketing list, and the consent history's kinds in order.
fn consent_view(device: &mut Device, person_id: &str, clock: &FixedClock) -> (usize, Vec<String>) {
    let listed = device
        .register
        .marketing_list(&device.admin, "direct-marketing", clock)
        .unwrap()
        .iter()
        .filter(|contact| contact.person_id == person_id)
        .count();
    let history = device
        .register
        .consent_history(&device.admin, person_id)
        .unwrap()
        .into_iter()
        .map(|event| format!("{:?}@{}", event.kind, event.at))
        .collect();
    (listed, history)
}

#[test]
fn consent_is_decided_alike_on_every_device_whatever_order_its_events_arrived_in() {
    let early = at("2026-12-01T08:00:00Z");
    let (mut a, _) = first_device("sync_consent", &early);
    let person = a
        .register
        .person_add(
            &a.admin,
            &name("Suostumus", "Sanni"),
            &[],
            &source(),
            &early,
        )
        .unwrap()
        .person_id;
    consent(&mut a, &person, ConsentEventKind::Given, &early);
    sync(&mut a, &early);
    let mut b = join(&mut a, "myynti-consent", &early);

    // Offline, A records the withdrawal at ten, B a renewed consent at nine; B syncs
    // first, so each device receives the other's event after its own.
    let ten = at("2026-12-01T10:00:00Z");
    let nine = at("2026-12-01T09:00:00Z");
    consent(&mut a, &person, ConsentEventKind::Withdrawn, &ten);
    consent(&mut b, &person, ConsentEventKind::Given, &nine);
    sync(&mut b, &nine);
    sync(&mut a, &ten);
    sync(&mut b, &ten);

    let on_a = consent_view(&mut a, &person, &ten);
    let on_b = consent_view(&mut b, &person, &ten);
    assert_eq!(
        on_a, on_b,
        "both devices hold the same history in the same order"
    );
    assert_eq!(
        on_a.0, 0,
        "the withdrawal recorded last is in force: {on_a:?}"
    );
    assert_eq!(on_a.1.len(), 3);
    assert!(on_a.1[2].starts_with("Withdrawn"), "{on_a:?}");

    // B, having seen the withdrawal, records a new consent later on: in force everywhere.
    let later = at("2026-12-01T10:30:00Z");
    consent(&mut b, &person, ConsentEventKind::Given, &later);
    sync(&mut b, &later);
    sync(&mut a, &later);
    let on_a = consent_view(&mut a, &person, &later);
    assert_eq!(on_a, consent_view(&mut b, &person, &later));
    assert_eq!(on_a.0, 1, "{on_a:?}");
}

#[test]
fn a_withdrawal_recorded_with_the_clock_set_back_still_comes_after_the_consent() {
    let clock = at("2026-12-01T10:00:00Z");
    let sandbox = Sandbox::new("consent-clock-back");
    let (register, admin) = register_with_admin(&sandbox, &clock);
    let mut device = Device {
        sandbox,
        register,
        admin,
    };
    let person = device
        .register
        .person_add(
            &device.admin,
            &name("Kellotaakse", "Kalle"),
            &[],
            &source(),
            &clock,
        )
        .unwrap()
        .person_id;
    consent(&mut device, &person, ConsentEventKind::Given, &clock);
    assert_eq!(consent_view(&mut device, &person, &clock).0, 1);
    let set_back = at("2026-12-01T08:00:00Z");
    consent(&mut device, &person, ConsentEventKind::Withdrawn, &set_back);
    let (listed, history) = consent_view(&mut device, &person, &set_back);
    assert_eq!(listed, 0, "{history:?}");
    assert!(history[1].starts_with("Withdrawn"), "{history:?}");
}

#[test]
fn people_erased_offline_on_two_devices_both_stay_opted_out_everywhere() {
    let clock = at("2026-12-01T09:00:00Z");
    let (mut a, _) = first_device("sync_suppression", &clock);
    let mut b = join(&mut a, "myynti-optout", &clock);
    let with_email = |surname: &str, email: &str| {
        (
            name(surname, "Oona"),
            vec![ContactInput {
                kind: ContactKind::Email,
                value: email.into(),
                label: None,
                social_kind: None,
            }],
        )
    };
    let (person, contacts) = with_email("Kieltaja", "kieltaja@qzx.fi");
    let on_a = a
        .register
        .person_add(&a.admin, &person, &contacts, &source(), &clock)
        .unwrap()
        .person_id;
    let (person, contacts) = with_email("Torjuja", "torjuja@qzx.fi");
    let on_b = b
        .register
        .person_add(&b.admin, &person, &contacts, &source(), &clock)
        .unwrap()
        .person_id;
    // Each device erases its own person offline: each writes an opt-out hash.
    a.register.erase(&a.admin, &on_a, None, &clock).unwrap();
    b.register.erase(&b.admin, &on_b, None, &clock).unwrap();
    sync(&mut a, &clock);
    sync(&mut b, &clock);
    sync(&mut a, &clock);
    for device in [&a, &b] {
        for email in ["kieltaja@qzx.fi", "torjuja@qzx.fi"] {
            let card = kortisto_core::people::BusinessCard {
                person: name("Uusi", "Uuno"),
                organisation_id: None,
                new_organisation: None,
                title: None,
                contacts: vec![ContactInput {
                    kind: ContactKind::Email,
                    value: email.into(),
                    label: None,
                    social_kind: None,
                }],
                source: source(),
            };
            let found = device
                .register
                .duplicate_check(&device.admin, &card)
                .unwrap();
            assert!(
                found.iter().any(|candidate| candidate.reason
                    == kortisto_core::people::DuplicateReason::ErasedOptOut),
                "{email} is an erased person's opt-out on every device: {found:?}"
            );
        }
    }
}

#[test]
fn the_conflicts_view_says_whose_record_which_device_when_and_who_and_never_shows_a_password_hash()
{
    let clock = at("2026-12-01T09:00:00Z");
    let (mut a, _) = first_device("sync_conflict_view", &clock);
    let person = a
        .register
        .person_add(&a.admin, &name("Virta", "Ville"), &[], &source(), &clock)
        .unwrap();
    add_sales_rep(&mut a, &clock);
    sync(&mut a, &clock);
    let mut b = join(&mut a, "myynti-2", &clock);

    // Offline, both computers change the surname and reset the same user's password; B's
    // changes are the later ones.
    let ten = at("2026-12-01T10:00:00Z");
    let ten_past = at("2026-12-01T10:10:00Z");
    a.register
        .person_edit(
            &a.admin,
            &person.person_id,
            &name("Virtanen", "Ville"),
            None,
            &ten,
        )
        .unwrap();
    let reset = kortisto_core::auth::Password::new("toinen oikein pitkä salasana");
    a.register
        .user_password_reset(&a.admin, "myyja", &reset, &ten)
        .unwrap();
    b.register
        .person_edit(
            &b.admin,
            &person.person_id,
            &name("Koski", "Ville"),
            None,
            &ten_past,
        )
        .unwrap();
    b.register
        .user_password_reset(&b.admin, "myyja", &reset, &ten_past)
        .unwrap();
    let eleven = at("2026-12-01T11:00:00Z");
    sync(&mut a, &eleven);
    sync(&mut b, &eleven);
    sync(&mut a, &eleven);

    let views = a.register.sync_conflict_view(&a.admin, true).unwrap();
    let surname = views
        .iter()
        .find(|v| (v.table.as_str(), v.field.as_str()) == ("people", "surname"))
        .unwrap_or_else(|| panic!("no surname conflict in {views:?}"));
    assert_eq!(
        surname.person_id.as_deref(),
        Some(person.person_id.as_str())
    );
    assert_eq!(surname.person_name.as_deref(), Some("Ville Koski"));
    assert!(!surname.hidden);
    assert_eq!(surname.kept.value.as_deref(), Some("Koski"));
    assert!(
        !surname.kept.this_device,
        "B's change came from another device"
    );
    assert_eq!(surname.kept.device_name, None);
    assert_eq!(surname.kept.at.as_deref(), Some("2026-12-01T10:10:00.000Z"));
    assert_eq!(
        surname.kept.changed_by_name.as_deref(),
        Some("Admin Ylläpitäjä")
    );
    assert_eq!(surname.other.value.as_deref(), Some("Virtanen"));
    assert!(surname.other.this_device);
    assert_eq!(surname.other.device_name.as_deref(), Some("toimisto"));
    assert_eq!(
        surname.other.at.as_deref(),
        Some("2026-12-01T10:00:00.000Z")
    );
    assert_eq!(
        surname.other.changed_by_name.as_deref(),
        Some("Admin Ylläpitäjä")
    );

    let hash = views
        .iter()
        .find(|v| (v.table.as_str(), v.field.as_str()) == ("users", "password_hash"))
        .unwrap_or_else(|| panic!("no password conflict in {views:?}"));
    assert!(hash.hidden);
    assert_eq!(hash.record_name.as_deref(), Some("Myyjä"));
    assert_eq!(
        (hash.kept.value.as_deref(), hash.other.value.as_deref()),
        (None, None)
    );
    let shown = serde_json::to_string(&views).unwrap();
    assert!(
        !shown.contains("$argon2"),
        "a password hash left the core: {shown}"
    );

    // The view is every role's, like the list it reads; restoring resolves the row.
    a.register
        .sync_conflict_restore(&a.admin, &surname.conflict_id, &at("2026-12-01T12:00:00Z"))
        .unwrap();
    let open = a.register.sync_conflict_view(&a.admin, true).unwrap();
    assert!(open.iter().all(|v| v.conflict_id != surname.conflict_id));
    let all = a.register.sync_conflict_view(&a.admin, false).unwrap();
    let restored = all
        .iter()
        .find(|v| v.conflict_id == surname.conflict_id)
        .unwrap();
    assert_eq!(
        restored.resolved_at.as_deref(),
        Some("2026-12-01T12:00:00.000Z")
    );
}

#[test]
fn an_app_left_open_while_the_hub_is_set_up_elsewhere_still_sends_its_changes() {
    let clock = at("2026-12-01T09:00:00Z");
    let sandbox = Sandbox::new("sync-open-app");
    let (mut app, app_admin) = register_with_admin(&sandbox, &clock);
    // The administrator sets up the hub from the command line while the app stays open.
    let mut cli = Register::open(&sandbox.data_dir, &sandbox.keychain).unwrap();
    let cli_admin = cli.login("admin", &password(), &clock).unwrap();
    cli.hub_set_up(
        &cli_admin,
        &postgres::admin_url("sync_open_app"),
        "toimisto",
        &clock,
    )
    .unwrap();
    sandbox.track(&format!("{}.hub", cli.register_id()));
    app.person_add(&app_admin, &name("Avoinna", "Aapo"), &[], &source(), &clock)
        .unwrap();
    assert!(
        app.sync_status().unwrap().waiting > 0,
        "the open app's change waits for the hub"
    );
    app.sync(Some(&app_admin), &clock).unwrap();
    drop(cli);
    let mut first = Device {
        sandbox,
        register: app,
        admin: app_admin,
    };
    let mut second = join(&mut first, "myynti-open", &clock);
    assert_eq!(
        second
            .register
            .search(&second.admin, "avoinna", 5, &clock)
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_history_row_naming_a_person_on_a_meeting_travels_as_theirs_and_goes_with_their_erasure() {
    let clock = at("2026-12-01T09:00:00Z");
    let (mut a, url) = first_device("sync_history_subject", &clock);
    let mut b = join(&mut a, "laptop-hs", &clock);
    let leaver = a
        .register
        .person_add(
            &a.admin,
            &name("Qzxleaver", "Liisa"),
            &[],
            &source(),
            &clock,
        )
        .unwrap()
        .person_id;
    let stays = a
        .register
        .person_add(&a.admin, &name("Pysyjä", "Pekka"), &[], &source(), &clock)
        .unwrap()
        .person_id;
    let meeting = a
        .register
        .meeting_log(
            &a.admin,
            &MeetingInput {
                kind: MeetingKind::Meeting,
                at: Some("2026-11-30T09:00:00Z".into()),
                subject: "Palaveri".into(),
                participant_ids: vec![leaver.clone(), stays.clone()],
                notes: None,
                organisation_id: None,
            },
            &clock,
        )
        .unwrap();
    a.register
        .meeting_edit(
            &a.admin,
            &meeting.meeting_id,
            &MeetingChange {
                participant_ids: Some(vec![stays.clone()]),
                ..Default::default()
            },
            None,
            &clock,
        )
        .unwrap();

    // The row saying she was taken off the meeting holds her id: it travels as hers, so the
    // hub deletes it with her and a device that erased her never pushes it.
    let raw = raw_connection(&a.sandbox, a.register.register_id());
    let subjects: Vec<Option<String>> = raw
        .prepare(
            "SELECT person_id FROM sync_outbox WHERE tbl = 'change_history'
             AND json_extract(fields, '$.old_value') = ?1",
        )
        .unwrap()
        .query_map([&leaver], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    drop(raw);
    assert_eq!(subjects, [Some(leaver.clone())]);

    sync(&mut a, &clock);
    sync(&mut b, &clock);
    let later = at("2026-12-01T10:00:00Z");
    a.register.erase(&a.admin, &leaver, None, &later).unwrap();
    // The other participant goes too, so every record about a person left on the hub
    // would be about her.
    a.register.erase(&a.admin, &stays, None, &later).unwrap();
    sync(&mut a, &later);
    sync(&mut b, &later);
    assert_eq!(
        postgres::query_count(
            &url,
            "SELECT count(*) FROM kortisto.records WHERE subject IS NOT NULL AND NOT tombstone"
        ),
        0,
        "the hub holds no record about them, the meeting's history row included"
    );
    for device in [&a, &b] {
        let raw = raw_connection(&device.sandbox, device.register.register_id());
        let left: i64 = raw
            .query_row(
                "SELECT count(*) FROM change_history WHERE old_value = ?1 OR new_value = ?1",
                [&leaver],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(left, 0, "no history row names her");
    }
    assert_eq!(digest(&a), digest(&b));
}

#[test]
fn a_meeting_conflict_of_a_restricted_person_is_restored_only_by_an_admin() {
    let clock = at("2026-12-01T09:00:00Z");
    let (mut a, _) = first_device("sync_restricted_conflict", &clock);
    add_sales_rep(&mut a, &clock);
    let person = a
        .register
        .person_add(&a.admin, &name("Rajala", "Riikka"), &[], &source(), &clock)
        .unwrap();
    let sales = a.register.login("myyja", &password(), &clock).unwrap();
    let meeting = a
        .register
        .meeting_log(
            &sales,
            &MeetingInput {
                kind: MeetingKind::Call,
                at: None,
                subject: "Esittely".into(),
                notes: None,
                participant_ids: vec![person.person_id.clone()],
                organisation_id: None,
            },
            &clock,
        )
        .unwrap();
    sync(&mut a, &clock);
    let mut b = join(&mut a, "myynti-2", &clock);

    // Offline, both correct the subject; B's is the later one and wins.
    let subject = |text: &str| MeetingChange {
        subject: Some(text.into()),
        ..Default::default()
    };
    a.register
        .meeting_edit(
            &a.admin,
            &meeting.meeting_id,
            &subject("Esittely ja hinnat"),
            None,
            &at("2026-12-01T10:00:00Z"),
        )
        .unwrap();
    b.register
        .meeting_edit(
            &b.admin,
            &meeting.meeting_id,
            &subject("Esittely, ei jatkoa"),
            None,
            &at("2026-12-01T10:05:00Z"),
        )
        .unwrap();
    let later = at("2026-12-01T11:00:00Z");
    sync(&mut a, &later);
    sync(&mut b, &later);
    sync(&mut a, &later);
    let conflict = a.register.sync_conflicts(&a.admin, true).unwrap();
    assert_eq!(conflict.len(), 1, "{conflict:?}");
    assert_eq!(
        (conflict[0].table.as_str(), conflict[0].field.as_str()),
        ("meetings", "subject")
    );

    a.register
        .restriction_set(
            &a.admin,
            &kortisto_core::restriction::RestrictionInput {
                person_id: person.person_id.clone(),
                reason: "Kiistää tapaamisen kirjauksen".into(),
                from_on: None,
                until_on: None,
            },
            None,
            &later,
        )
        .unwrap();
    let sales = a.register.login("myyja", &password(), &later).unwrap();
    let refused = a
        .register
        .sync_conflict_restore(&sales, &conflict[0].conflict_id, &later);
    assert!(
        matches!(refused, Err(Error::PersonRestricted { ref person_id }) if *person_id == person.person_id),
        "{refused:?}"
    );
    let meetings = a
        .register
        .meeting_list(&a.admin, &Default::default(), &later)
        .unwrap();
    assert_eq!(
        meetings.items[0].subject, "Esittely, ei jatkoa",
        "nothing changed"
    );
    a.register
        .sync_conflict_restore(&a.admin, &conflict[0].conflict_id, &later)
        .unwrap();
    let meetings = a
        .register
        .meeting_list(&a.admin, &Default::default(), &later)
        .unwrap();
    assert_eq!(meetings.items[0].subject, "Esittely ja hinnat");
}

/// `user` ("toimisto" office, "myyja" sales) with the test password, added on `device`.
fn add_staff(device: &mut Device, username: &str, role: Role, clock: &FixedClock) {
    device
        .register
        .user_add(
            &device.admin,
            &NewUser {
                username: username.into(),
                display_name: format!("{username} Käyttäjä"),
                role,
            },
            &password(),
            clock,
        )
        .unwrap();
}

/// Who has seen `person` on `device`, as (username, kind, made on this device).
fn seen_by(
    device: &mut Device,
    person: &str,
    clock: &FixedClock,
) -> Vec<(String, kortisto_core::reads::ReadKind, bool)> {
    device
        .register
        .person_seen_by(&device.admin, person, 100, clock)
        .unwrap()
        .into_iter()
        .map(|read| {
            (
                read.username.unwrap_or_default(),
                read.kind,
                read.this_device,
            )
        })
        .collect()
}

fn team_rows_of(device: &Device, person: &str) -> (i64, i64) {
    let raw = raw_connection(&device.sandbox, device.register.register_id());
    raw.query_row(
        "SELECT count(*), coalesce(sum(json_array_length(read_ids)), 0)
         FROM team_person_reads WHERE person_id = ?1",
        [person],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
    .unwrap()
}

#[test]
fn reads_by_three_users_on_two_devices_are_all_seen_on_a_third_and_go_with_an_erasure() {
    use kortisto_core::reads::ReadKind;
    let clock = at("2026-12-01T08:00:00Z");
    // A register that kept reads before it had a hub (as one from before reads travelled).
    let sandbox = Sandbox::new("reads-a");
    let (register, admin) = register_with_admin(&sandbox, &clock);
    let mut a = Device {
        sandbox,
        register,
        admin,
    };
    add_staff(&mut a, "toimisto", Role::Office, &clock);
    add_staff(&mut a, "myyja", Role::Sales, &clock);
    let seen = a
        .register
        .person_add(&a.admin, &name("Qzxnähty", "Máret"), &[], &source(), &clock)
        .unwrap()
        .person_id;
    let other = a
        .register
        .person_add(&a.admin, &name("Aaltonen", "Aino"), &[], &source(), &clock)
        .unwrap()
        .person_id;
    let office = a
        .register
        .login("toimisto", &password(), &at("2026-12-01T09:00:00Z"))
        .unwrap();
    // Twice the same list page before any sync: one row per person on the hub, two reads in it.
    for minute in ["09:01", "09:02"] {
        let page = a
            .register
            .person_list(&office, 0, 50, &at(&format!("2026-12-01T{minute}:00Z")))
            .unwrap();
        assert_eq!(page.items.len(), 2);
    }
    let url = postgres::admin_url("sync_team_reads");
    a.register
        .hub_set_up(&a.admin, &url, "toimisto-pc", &at("2026-12-01T09:05:00Z"))
        .unwrap();
    a.sandbox
        .track(&format!("{}.hub", a.register.register_id()));
    assert_eq!(team_rows_of(&a, &seen), (1, 2), "one row, both list reads");

    // Device A: the sales rep finds her in a search.
    let sales = a
        .register
        .login("myyja", &password(), &at("2026-12-01T10:00:00Z"))
        .unwrap();
    let hits = a
        .register
        .search(&sales, "qzxnäht", 20, &at("2026-12-01T10:01:00Z"))
        .unwrap();
    assert_eq!(hits.len(), 1);
    sync(&mut a, &at("2026-12-01T10:02:00Z"));

    // Device B: the admin opens her page.
    let mut b = join(&mut a, "laptop-reads", &at("2026-12-01T11:00:00Z"));
    b.register
        .person_page(&b.admin, &seen, &at("2026-12-01T11:01:00Z"))
        .unwrap();
    sync(&mut b, &at("2026-12-01T11:02:00Z"));

    // Device C lists them all, each as made elsewhere, newest first.
    let mut c = join(&mut a, "admin-pc", &at("2026-12-01T12:00:00Z"));
    let expected = vec![
        ("admin".to_string(), ReadKind::Opened, false),
        ("myyja".to_string(), ReadKind::Found, false),
        ("toimisto".to_string(), ReadKind::Listed, false),
        ("toimisto".to_string(), ReadKind::Listed, false),
    ];
    assert_eq!(
        seen_by(&mut c, &seen, &at("2026-12-01T12:01:00Z")),
        expected
    );
    let reads = c
        .register
        .person_seen_by(&c.admin, &seen, 100, &at("2026-12-01T12:01:00Z"))
        .unwrap();
    assert_eq!(reads[0].at, "2026-12-01T11:01:00.000Z");
    assert_eq!(reads[0].display_name.as_deref(), Some("Admin Ylläpitäjä"));
    assert_eq!(reads[2].shown, 2, "the list page showed two people");
    // The other person was on the list pages only.
    let other_reads = seen_by(&mut c, &other, &at("2026-12-01T12:02:00Z"));
    assert_eq!(other_reads.len(), 2);
    assert!(other_reads
        .iter()
        .all(|(who, kind, _)| who == "toimisto" && *kind == ReadKind::Listed));

    // A sees B's view beside its own reads; its own are not counted twice.
    sync(&mut a, &at("2026-12-01T12:03:00Z"));
    let on_a = seen_by(&mut a, &seen, &at("2026-12-01T12:04:00Z"));
    assert_eq!(
        on_a,
        vec![
            ("admin".to_string(), ReadKind::Opened, false),
            ("myyja".to_string(), ReadKind::Found, true),
            ("toimisto".to_string(), ReadKind::Listed, true),
            ("toimisto".to_string(), ReadKind::Listed, true),
        ]
    );
    // The hub holds the person's id nowhere, only sealed records and tags.
    let dump = postgres::dump(&url);
    assert!(
        !dump.contains(&seen),
        "the person's id is in the hub's dump"
    );
    assert!(!dump.contains("person_view") && !dump.contains("team_person_reads"));

    // C erases her; A, offline meanwhile, opens her page once more before it hears of it.
    c.register
        .erase(&c.admin, &seen, None, &at("2026-12-01T13:00:00Z"))
        .unwrap();
    sync(&mut c, &at("2026-12-01T13:01:00Z"));
    a.register
        .person_page(&a.admin, &seen, &at("2026-12-01T13:02:00Z"))
        .unwrap();
    let back = sync(&mut a, &at("2026-12-01T13:03:00Z"));
    assert!(
        back.refused >= 1,
        "her read is refused by the hub: {back:?}"
    );
    assert_eq!(back.pulled.erased, 1, "{back:?}");
    sync(&mut b, &at("2026-12-01T13:04:00Z"));
    sync(&mut c, &at("2026-12-01T13:05:00Z"));
    for device in [&a, &b, &c] {
        assert_eq!(
            team_rows_of(device, &seen),
            (0, 0),
            "no shared read of her is left"
        );
    }
    // B still accounts for its own read of her (its trail, ids only); the others' went.
    assert_eq!(
        seen_by(&mut b, &seen, &at("2026-12-01T13:06:00Z")),
        vec![("admin".to_string(), ReadKind::Opened, true)]
    );
    // The other person's reads still travel and are seen everywhere.
    assert_eq!(
        seen_by(&mut b, &other, &at("2026-12-01T13:07:00Z")).len(),
        2
    );
    // Every device's trail is intact and matches its copy on the hub.
    for device in [&a, &b, &c] {
        let verification = device.register.audit_verify(&device.admin).unwrap();
        assert!(verification.intact, "{verification:?}");
        assert_eq!(verification.hub_copy.as_deref(), Some("matches"));
    }
    assert_eq!(digest(&a), digest(&b));
    assert_eq!(digest(&a), digest(&c));
}

#[test]
fn a_notice_published_after_a_backup_survives_a_restore_and_every_device_keeps_syncing() {
    let clock = at("2026-12-01T09:00:00Z");
    let (mut a, _) = first_device("sync_restore_notice", &clock);
    let mut b = join(&mut a, "laptop-notice", &clock);
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("ennen-selostetta.kbak");
    a.register
        .backup_create(Some(&a.admin), &file, &clock)
        .unwrap();
    // Published after the backup: the restore carries it over, and it travels once more.
    let published = at("2026-12-01T09:30:00Z");
    a.register
        .notice_publish(
            &a.admin,
            kortisto_core::Language::Fi,
            out.path(),
            &published,
        )
        .unwrap();
    sync(&mut a, &published);
    sync(&mut b, &published);
    let after = at("2026-12-01T10:00:00Z");
    a.register.backup_restore(&a.admin, &file, &after).unwrap();
    sync(&mut a, &after);
    // B receives the same published notice again: applying it must not stop B's pull.
    sync(&mut b, &after);
    a.register
        .person_add(
            &a.admin,
            &name("Selosteen", "Jalkeen"),
            &[],
            &source(),
            &after,
        )
        .unwrap();
    sync(&mut a, &after);
    sync(&mut b, &after);
    assert_eq!(
        b.register
            .search(&b.admin, "selosteen", 5, &after)
            .unwrap()
            .len(),
        1,
        "a change made after the restore still reaches the other device"
    );
    for device in [&a, &b] {
        let versions = device
            .register
            .notice_versions(&device.admin, Some(kortisto_core::Language::Fi))
            .unwrap();
        assert_eq!(versions.len(), 1, "the published version is kept, once");
    }
}

#[test]
fn a_synced_register_refuses_to_merge_or_remove_an_organisation_and_changes_nothing() {
    use kortisto_core::organisations::OrganisationInput;
    let clock = at("2026-12-01T09:00:00Z");
    let (mut a, _) = first_device("sync_org_merge", &clock);
    let _b = join(&mut a, "laptop-org", &clock);
    let mut add = |name: &str| {
        a.register
            .organisation_add(
                &a.admin,
                &OrganisationInput {
                    name: name.into(),
                    ..Default::default()
                },
                &clock,
            )
            .unwrap()
            .organisation_id
    };
    let typo = add("Vaahterap");
    let right = add("Vaahtera Oy");
    let error = a
        .register
        .organisation_merge(&a.admin, &typo, &right, &clock)
        .unwrap_err();
    assert!(
        matches!(&error, Error::OrganisationMergeInvalid { rule, .. } if rule == "synced"),
        "{error:?}"
    );
    assert!(error.message(kortisto_core::Language::Fi).contains("hubin"));
    let error = a
        .register
        .organisation_remove(&a.admin, &typo, &clock)
        .unwrap_err();
    assert!(
        matches!(&error, Error::OrganisationMergeInvalid { rule, .. } if rule == "synced"),
        "{error:?}"
    );
    assert_eq!(
        a.register
            .search(&a.admin, "vaahterap", 5, &clock)
            .unwrap()
            .len(),
        1,
        "the organisation is still there"
    );
}
