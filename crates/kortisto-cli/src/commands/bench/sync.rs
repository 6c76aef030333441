//! `kortisto bench --sync --hub-url URL`: team sync through a PostgreSQL hub, measured on
//! the demo register (issue #11, "Speed"):
//!
//! 1. the administrator's `hub_set_up` (capture, stamp, seal and push of the whole register),
//!    then the **first sync to a new device**: `Register::join` with a fresh enrolment code
//!    into an empty folder — key deposit, new database, full pull and merge (target ≤ 60 s);
//! 2. an **incremental sync**: 100 person edits on the first device, its sync (the push),
//!    then the new device's sync (the pull) (target ≤ 1 s each);
//! 3. the **hub under load**: N simulated devices of another register on the same hub, each
//!    on its own thread and connection, pushing batches of sealed-size records and pulling
//!    what the others pushed, all at once for a set time: changes per second and p50/p95 of
//!    the push and pull calls. They talk to the hub through the same `Hub` client as the app
//!    but seal nothing (the hub only ever sees opaque bytes; sealing is in figure 1 and 2).
//!
//! Both registers and their keys are removed afterwards; what the hub received stays in the
//! hub database, so point `--hub-url` at a scratch database (`.ci/bench-sync.sh` starts and
//! removes a throwaway PostgreSQL of its own).
use std::collections::BTreeMap;
use std::sync::mpsc;
use std::sync::Barrier;
use std::time::{Duration, Instant};

use kortisto_core::auth::Password;
use kortisto_core::demo::DemoOptions;
use kortisto_core::hub::{DeviceLogin, Hub, HubRecord};
use kortisto_core::people::PersonInput;
use kortisto_core::{DataDir, Error, Keychain, Language, Register, Result, SystemClock};
use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use uuid::Uuid;

use super::super::demo::progress_printer;
use super::{quantile, temp_folder, KeyGuard, PASSWORD};
use crate::context::Context;
use crate::output::pick;

/// Targets of issue #11.
const FIRST_SYNC_TARGET_S: f64 = 60.0;
const INCREMENTAL_TARGET_S: f64 = 1.0;
/// Records per push of a simulated device: a busy rep's changes between two syncs.
const LOAD_BATCH: usize = 10;
/// Sealed bytes per simulated record (about the mean of the demo register's records).
const LOAD_SEALED_BYTES: usize = 400;
/// Most records per pull of a simulated device (the app's page size).
const LOAD_PULL_LIMIT: usize = 2_000;

/// What `--sync` measures, from the bench's arguments.
pub struct Options {
    pub people: u32,
    pub seed: u64,
    pub hub_url: String,
    pub changes: u32,
    pub devices: u32,
    pub load_seconds: u32,
}

/// The machine while the benchmark ran.
#[derive(Debug, Serialize)]
struct Machine {
    cores: usize,
    /// `/proc/loadavg`'s 1-minute figure before the first measured step and after the last
    /// (None where there is no such file).
    load_before: Option<f64>,
    load_after: Option<f64>,
}

#[derive(Debug, Serialize)]
struct SetUp {
    seconds: f64,
    /// Records pushed (every synced row of the register).
    pushed: u64,
}

#[derive(Debug, Serialize)]
struct FirstSync {
    /// Join with the enrolment code: deposit, new database, full pull and merge.
    seconds: f64,
    received: u64,
    applied: u64,
    skipped: u64,
    records_per_s: f64,
    target_s: f64,
    met: bool,
}

#[derive(Debug, Serialize)]
struct Incremental {
    /// Person edits made on the first device.
    changes: u32,
    /// Records they made (an edit is the row and its history entry).
    pushed: u64,
    push_seconds: f64,
    received: u64,
    pull_seconds: f64,
    target_s: f64,
    met: bool,
}

#[derive(Debug, Default, Serialize)]
struct Load {
    devices: u32,
    seconds: f64,
    batch: usize,
    sealed_bytes: usize,
    pushes: u64,
    pulls: u64,
    /// Records stored by the hub during the timed window.
    pushed: u64,
    /// Records handed out by pulls during the timed window.
    pulled: u64,
    pushed_per_s: f64,
    pulled_per_s: f64,
    push_p50_ms: f64,
    push_p95_ms: f64,
    pull_p50_ms: f64,
    pull_p95_ms: f64,
    /// After the window every device pulled to the end and got each other device's records
    /// exactly once and in order.
    complete: bool,
}

#[derive(Debug, Serialize)]
struct Report {
    people: u64,
    organisations: u64,
    meetings: u64,
    build_seconds: f64,
    machine: Machine,
    hub_set_up: SetUp,
    first_sync: FirstSync,
    incremental: Incremental,
    load: Load,
    /// The two devices hold the same content after the incremental sync (digests equal).
    converged: bool,
}

fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// Runs `f`, printing on stderr every 10 s that `label` is still going.
fn ticking<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let (done, wait) = mpsc::channel::<()>();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            while let Err(mpsc::RecvTimeoutError::Timeout) =
                wait.recv_timeout(Duration::from_secs(10))
            {
                eprintln!("[{:>6.1} s] {label}…", started.elapsed().as_secs_f64());
            }
        });
        let value = f();
        drop(done);
        value
    })
}

fn say(language: Language, fi: &str, en: &str) {
    eprintln!("{}", pick(language, fi, en));
}

/// Removes a device's register key and hub password from its keychain however the run ends.
fn guards(keychain: &Keychain, register_id: &str) -> [KeyGuard; 2] {
    [
        KeyGuard {
            keychain: keychain.clone(),
            register_id: register_id.to_string(),
        },
        KeyGuard {
            keychain: keychain.clone(),
            register_id: format!("{register_id}.hub"),
        },
    ]
}

pub fn run(ctx: &Context, options: &Options) -> Result<()> {
    let language = ctx.language();
    let clock = SystemClock;
    let temp = temp_folder("kortisto-bench-sync-")?;
    let first_dir = DataDir::at(temp.path().join("first-device"));
    let new_dir = DataDir::at(temp.path().join("new-device"));
    // Two devices of one register in one process: each needs a keychain of its own, as two
    // computers have.
    let first_keychain =
        Keychain::with_service(format!("fi.kortisto.bench-sync-{}-a", std::process::id()));
    let new_keychain =
        Keychain::with_service(format!("fi.kortisto.bench-sync-{}-b", std::process::id()));

    let started = Instant::now();
    say(
        language,
        "Rakennetaan demorekisteri väliaikaiskansioon…",
        "Building the demo register in a temporary folder…",
    );
    let created = Register::create(&first_dir, &first_keychain, &clock)?;
    let _first_keys = guards(&first_keychain, created.register.register_id());
    let mut first = created.register;
    let session = first.create_first_admin("bench", "Bench", &Password::new(PASSWORD), &clock)?;
    let demo = DemoOptions {
        people: options.people,
        organisations: None,
        meetings: None,
        seed: options.seed,
        until: None,
    };
    let summary = first.demo_fill(&session, &demo, &clock, &mut progress_printer(language))?;
    let build_seconds = started.elapsed().as_secs_f64();
    let load_before = load_average();

    say(
        language,
        "Liitetään rekisteri hubiin ja lähetetään kaikki (ylläpitäjän kone)…",
        "Setting up the hub and pushing everything (the administrator's device)…",
    );
    let step = Instant::now();
    let set_up = ticking("hub set-up", || {
        first.hub_set_up(&session, &options.hub_url, "bench-first", &clock)
    })?;
    let hub_set_up = SetUp {
        seconds: step.elapsed().as_secs_f64(),
        pushed: set_up.pushed,
    };

    say(
        language,
        "Uusi laite liittyy ja hakee kaiken…",
        "A new device joins and pulls everything…",
    );
    let code = first.device_enrol(&session, "bench-new", &clock)?;
    let step = Instant::now();
    let (mut new, joined) = ticking("first sync", || {
        Register::join(&new_dir, &new_keychain, &code, &clock)
    })?;
    let seconds = step.elapsed().as_secs_f64();
    let _new_keys = guards(&new_keychain, new.register_id());
    let first_sync = FirstSync {
        seconds,
        received: joined.pulled.received,
        applied: joined.pulled.applied,
        skipped: joined.pulled.skipped,
        records_per_s: joined.pulled.received as f64 / seconds.max(1e-9),
        target_s: FIRST_SYNC_TARGET_S,
        met: seconds <= FIRST_SYNC_TARGET_S,
    };

    say(
        language,
        "Muutoksia ensimmäisellä laitteella, lähetys ja haku…",
        "Changes on the first device, push and pull…",
    );
    // Surname edits of people spread over the alphabet (the demo's other first names are
    // kept as the list does not show them: an edit may clear them, one more changed field).
    let step_size = (summary.people / u64::from(options.changes.max(1))).max(1);
    let mut edited = 0u32;
    for i in 0..u64::from(options.changes).min(summary.people) {
        let Some(person) = first
            .person_list(&session, i * step_size, 1, &SystemClock)?
            .items
            .pop()
        else {
            continue;
        };
        let input = PersonInput {
            surname: format!("{}-Mittari", person.surname),
            first_name: person.first_name.clone(),
            other_first_names: None,
        };
        first.person_edit(&session, &person.person_id, &input, None, &clock)?;
        edited += 1;
    }
    let step = Instant::now();
    let pushed = first.sync(Some(&session), &clock)?;
    let push_seconds = step.elapsed().as_secs_f64();
    let step = Instant::now();
    let pulled = new.sync(None, &clock)?;
    let pull_seconds = step.elapsed().as_secs_f64();
    let incremental = Incremental {
        changes: edited,
        pushed: pushed.pushed,
        push_seconds,
        received: pulled.pulled.received,
        pull_seconds,
        target_s: INCREMENTAL_TARGET_S,
        met: push_seconds <= INCREMENTAL_TARGET_S && pull_seconds <= INCREMENTAL_TARGET_S,
    };
    let converged = first.sync_digest()? == new.sync_digest()?;

    say(
        language,
        &format!(
            "Hubin kuormitus: {} laitetta yhtä aikaa {} s…",
            options.devices, options.load_seconds
        ),
        &format!(
            "Hub load: {} devices at once for {} s…",
            options.devices, options.load_seconds
        ),
    );
    let load = hub_load(&options.hub_url, options.devices, options.load_seconds)?;
    let load_after = load_average();

    new.close()?;
    first.logout(&session, &clock)?;
    first.close()?;
    let report = Report {
        people: summary.people,
        organisations: summary.organisations,
        meetings: summary.meetings,
        build_seconds,
        machine: Machine {
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            load_before,
            load_after,
        },
        hub_set_up,
        first_sync,
        incremental,
        load,
        converged,
    };
    ctx.out.print(&report, |l| table(l, &report));
    if converged {
        Ok(())
    } else {
        Err(Error::Storage(
            "the two devices hold different content after syncing".into(),
        ))
    }
}

fn mark(met: bool) -> &'static str {
    if met {
        "✓"
    } else {
        "✗"
    }
}

fn table(language: Language, r: &Report) -> String {
    let load = |l: Option<f64>| l.map_or("-".to_string(), |l| format!("{l:.2}"));
    let mut lines = vec![
        match language {
            Language::Fi => format!(
                "Demorekisteri: {} henkilöä, {} organisaatiota, {} tapaamista; rakennettu {:.0} s",
                r.people, r.organisations, r.meetings, r.build_seconds
            ),
            Language::En => format!(
                "Demo register: {} people, {} organisations, {} meetings; built in {:.0} s",
                r.people, r.organisations, r.meetings, r.build_seconds
            ),
        },
        match language {
            Language::Fi => format!(
                "Kone: {} ydintä, kuormitus {} ennen, {} jälkeen",
                r.machine.cores,
                load(r.machine.load_before),
                load(r.machine.load_after)
            ),
            Language::En => format!(
                "Machine: {} cores, load average {} before, {} after",
                r.machine.cores,
                load(r.machine.load_before),
                load(r.machine.load_after)
            ),
        },
        String::new(),
        format!(
            "{:<46} {:>18}  {}",
            pick(language, "vaihe", "step"),
            pick(language, "tulos", "figure"),
            pick(language, "tavoite", "target")
        ),
    ];
    let mut line = |step: String, figure: String, target: String| {
        lines.push(format!("{step:<46} {figure:>18}  {target}"));
    };
    line(
        pick(
            language,
            &format!("hubin käyttöönotto, lähetetty {}", r.hub_set_up.pushed),
            &format!("hub set-up, {} records pushed", r.hub_set_up.pushed),
        ),
        format!("{:.1} s", r.hub_set_up.seconds),
        "-".into(),
    );
    let f = &r.first_sync;
    line(
        pick(
            language,
            &format!(
                "ensimmäinen synkronointi uudelle laitteelle, {}",
                f.received
            ),
            &format!("first sync to a new device, {} records", f.received),
        ),
        format!("{:.1} s", f.seconds),
        format!("≤ {} s {}", f.target_s, mark(f.met)),
    );
    line(
        pick(language, "  tietueita sekunnissa", "  records per second"),
        format!("{:.0}", f.records_per_s),
        "-".into(),
    );
    let i = &r.incremental;
    line(
        pick(
            language,
            &format!("{} muutosta: lähetys ({} tietuetta)", i.changes, i.pushed),
            &format!("{} changes: push ({} records)", i.changes, i.pushed),
        ),
        format!("{:.3} s", i.push_seconds),
        format!("≤ {} s {}", i.target_s, mark(i.push_seconds <= i.target_s)),
    );
    line(
        pick(
            language,
            &format!("{} muutosta: haku toisella laitteella", i.changes),
            &format!("{} changes: pull on the other device", i.changes),
        ),
        format!("{:.3} s", i.pull_seconds),
        format!("≤ {} s {}", i.target_s, mark(i.pull_seconds <= i.target_s)),
    );
    let l = &r.load;
    let load_step = |fi: &str, en: &str| {
        pick(
            language,
            &format!("kuorma, {} laitetta: {fi}", l.devices),
            &format!("load, {} devices: {en}", l.devices),
        )
    };
    line(
        load_step("lähetettyjä/s", "changes pushed/s"),
        format!("{:.0}", l.pushed_per_s),
        "-".into(),
    );
    line(
        load_step("haettuja/s", "changes pulled/s"),
        format!("{:.0}", l.pulled_per_s),
        "-".into(),
    );
    line(
        load_step("lähetys p50 / p95", "push p50 / p95"),
        format!("{:.1} / {:.1} ms", l.push_p50_ms, l.push_p95_ms),
        "-".into(),
    );
    line(
        load_step("haku p50 / p95", "pull p50 / p95"),
        format!("{:.1} / {:.1} ms", l.pull_p50_ms, l.pull_p95_ms),
        "-".into(),
    );
    lines.push(String::new());
    lines.push(match language {
        Language::Fi => format!(
            "Kuorma: {} s, {} tietuetta ({} t) lähetystä kohden; {} lähetystä, {} hakua; jokainen laite sai kaiken kerran: {}",
            l.seconds, l.batch, l.sealed_bytes, l.pushes, l.pulls, if l.complete { "kyllä" } else { "EI" }
        ),
        Language::En => format!(
            "Load: {:.0} s, {} records ({} B) per push; {} pushes, {} pulls; every device got everything once: {}",
            l.seconds, l.batch, l.sealed_bytes, l.pushes, l.pulls, if l.complete { "yes" } else { "NO" }
        ),
    });
    lines.push(match language {
        Language::Fi => format!(
            "Laitteiden sisältö sama synkronoinnin jälkeen: {}",
            if r.converged { "kyllä" } else { "EI" }
        ),
        Language::En => format!(
            "Both devices hold the same content after syncing: {}",
            if r.converged { "yes" } else { "NO" }
        ),
    });
    lines.join("\n")
}

// ---------------------------------------------------------------------------------------
// The hub under load
// ---------------------------------------------------------------------------------------

/// What one simulated device did.
struct DeviceRun {
    device: Uuid,
    push: Vec<Duration>,
    pull: Vec<Duration>,
    pushed: u64,
    pulled: u64,
    /// Its highest sequence number pushed.
    last_seq: i64,
    /// What it has seen of each other device: the next sequence number it expects, and
    /// whether every record came in order and once.
    seen: BTreeMap<Uuid, i64>,
    in_order: bool,
}

impl DeviceRun {
    fn take(&mut self, page: &[HubRecord]) {
        for record in page {
            let next = self.seen.entry(record.device_id).or_insert(1);
            self.in_order &= record.seq == *next;
            *next = record.seq + 1;
        }
    }

    fn cursors(&self) -> BTreeMap<Uuid, i64> {
        self.seen.iter().map(|(d, next)| (*d, next - 1)).collect()
    }
}

fn simulated_device(
    login: &DeviceLogin,
    register: Uuid,
    index: u64,
    barrier: &Barrier,
    window: Duration,
) -> Result<DeviceRun> {
    let hub = Hub::connect(login, Some(register));
    // Everyone starts together, also when a connection failed (the others would wait).
    barrier.wait();
    let mut hub = hub?;
    let device = hub.device_id();
    // The bytes' content does not matter to the hub, which stores them as they come.
    let mut rng = ChaCha8Rng::seed_from_u64(index);
    let mut bytes = |n: usize| {
        let mut out = vec![0; n];
        rng.fill_bytes(&mut out);
        out
    };
    let mut run = DeviceRun {
        device,
        in_order: true,
        push: Vec::new(),
        pull: Vec::new(),
        pushed: 0,
        pulled: 0,
        last_seq: 0,
        seen: BTreeMap::new(),
    };
    let deadline = Instant::now() + window;
    while Instant::now() < deadline {
        let now = kortisto_core::Clock::now(&SystemClock).timestamp_millis();
        let records: Vec<HubRecord> = (0..LOAD_BATCH)
            .map(|_| {
                run.last_seq += 1;
                HubRecord {
                    record_id: Uuid::now_v7(),
                    device_id: device,
                    seq: run.last_seq,
                    hlc: format!("{now:012x}-{:06x}-{device}", run.last_seq),
                    subject: Some(bytes(32)),
                    tombstone: false,
                    sealed: bytes(LOAD_SEALED_BYTES),
                }
            })
            .collect();
        let started = Instant::now();
        let outcome = hub.push(&records)?;
        run.push.push(started.elapsed());
        run.pushed += outcome.stored as u64;

        let started = Instant::now();
        let page = hub.pull(&run.cursors(), LOAD_PULL_LIMIT)?;
        run.pull.push(started.elapsed());
        run.pulled += page.len() as u64;
        run.take(&page);
    }
    Ok(run)
}

/// After the window (untimed): a device pulls to the end.
fn drain(login: &DeviceLogin, register: Uuid, run: &mut DeviceRun) -> Result<()> {
    let mut hub = Hub::connect(login, Some(register))?;
    loop {
        let page = hub.pull(&run.cursors(), LOAD_PULL_LIMIT)?;
        if page.is_empty() {
            return Ok(());
        }
        run.take(&page);
    }
}

fn hub_load(admin_url: &str, devices: u32, seconds: u32) -> Result<Load> {
    let register = Uuid::now_v7();
    let admin = Hub::init(admin_url, register, Uuid::now_v7(), "bench-load-admin")?;
    let mut hub = Hub::connect(&admin, Some(register))?;
    let logins = (0..devices)
        .map(|i| {
            hub.enrol_device(&format!("bench-load-{i}"), b"no deposit")
                .map(|(_, login)| login)
        })
        .collect::<Result<Vec<_>>>()?;
    drop(hub);
    let window = Duration::from_secs(seconds.into());
    let barrier = Barrier::new(logins.len());
    let started = Instant::now();
    let mut runs = ticking("hub load", || {
        std::thread::scope(|scope| {
            let threads: Vec<_> = logins
                .iter()
                .enumerate()
                .map(|(i, login)| {
                    let barrier = &barrier;
                    scope
                        .spawn(move || simulated_device(login, register, i as u64, barrier, window))
                })
                .collect();
            threads
                .into_iter()
                .map(|t| t.join().expect("a simulated device panicked"))
                .collect::<Result<Vec<_>>>()
        })
    })?;
    let elapsed = started.elapsed().as_secs_f64();
    let push: Vec<Duration> = runs.iter().flat_map(|r| r.push.clone()).collect();
    let pull: Vec<Duration> = runs.iter().flat_map(|r| r.pull.clone()).collect();
    let pushed: u64 = runs.iter().map(|r| r.pushed).sum();
    let pulled: u64 = runs.iter().map(|r| r.pulled).sum();
    // Untimed: every device pulls to the end and must then hold every other device's
    // records, each once and in order (the skipped-row pitfall of a hub under load).
    let pushed_through: BTreeMap<Uuid, i64> = runs.iter().map(|r| (r.device, r.last_seq)).collect();
    let mut complete = true;
    for (run, login) in runs.iter_mut().zip(&logins) {
        drain(login, register, run)?;
        let expected: BTreeMap<Uuid, i64> = pushed_through
            .iter()
            .filter(|(device, last)| **device != run.device && **last > 0)
            .map(|(device, last)| (*device, last + 1))
            .collect();
        complete &= run.in_order && run.seen == expected;
    }
    Ok(Load {
        devices,
        seconds: elapsed,
        batch: LOAD_BATCH,
        sealed_bytes: LOAD_SEALED_BYTES,
        pushes: push.len() as u64,
        pulls: pull.len() as u64,
        pushed,
        pulled,
        pushed_per_s: pushed as f64 / elapsed.max(1e-9),
        pulled_per_s: pulled as f64 / elapsed.max(1e-9),
        push_p50_ms: quantile(&push, 0.5),
        push_p95_ms: quantile(&push, 0.95),
        pull_p50_ms: quantile(&pull, 0.5),
        pull_p95_ms: quantile(&pull, 0.95),
        complete,
    })
}
