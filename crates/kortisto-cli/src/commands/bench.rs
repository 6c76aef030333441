//! `kortisto bench`: builds a demo register in a temporary folder (encrypted, its key in the
//! real keychain under a service name of its own) and an unencrypted twin of it
//! (`kortisto_core::bench::PlainTwin`), then times the everyday operations on both in the
//! same run: search, the person page, logging a meeting, saving a business card with its
//! duplicate check, opening the register, and importing a vCard file of a tenth as many
//! people (dry run and commit). Both are deleted afterwards, key included.
//! With `--sync --hub-url URL` it measures team sync through a hub instead (`bench/sync.rs`);
//! with `--compare BASELINE` it prints each figure beside a baseline report (`bench/compare.rs`).
mod compare;
mod sync;

use std::path::Path;
use std::time::{Duration, Instant};

use kortisto_core::auth::{Password, Session};
use kortisto_core::bench::PlainTwin;
use kortisto_core::demo::DemoOptions;
use kortisto_core::import::{ImportFile, ImportOptions};
use kortisto_core::meetings::{MeetingInput, MeetingKind};
use kortisto_core::people::{BusinessCard, ContactInput, ContactKind, PersonInput};
use kortisto_core::sources::{SourceInput, SourceKind};
use kortisto_core::{DataDir, Error, Keychain, Language, Register, Result, SystemClock};
use serde::Serialize;

use super::demo::progress_printer;
use crate::context::Context;
use crate::output::pick;

/// Measure search, the person page, meeting logging, business-card entry and opening on a
/// demo register, encrypted and unencrypted side by side (run it on a release build).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// People in the demo register (organisations: one per five, meetings: ten per person).
    #[arg(long, default_value_t = 100_000)]
    pub people: u32,
    /// Seed of the demo data.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Measure team sync instead: the first sync of the demo register to a new device, an
    /// incremental sync, and the hub under load (needs --hub-url; a scratch database).
    #[arg(long, requires = "hub_url")]
    pub sync: bool,
    /// With --sync: the hub's administrator address (a role that may create schemas and
    /// roles), e.g. postgres://kortisto_admin@127.0.0.1:5432/bench?sslmode=disable.
    #[arg(long, env = "KORTISTO_BENCH_HUB_URL")]
    pub hub_url: Option<String>,
    /// With --sync: person edits made on one device and synced to the other.
    #[arg(long, default_value_t = 100)]
    pub changes: u32,
    /// With --sync: simulated devices pushing and pulling at once.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=90))]
    pub devices: u32,
    /// With --sync: how long the simulated devices push and pull, in seconds.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=3600))]
    pub load_seconds: u32,
    /// Compare the figures with a baseline report (written earlier by `bench --json`): each
    /// figure beside its baseline, flagged (✗) when more than 30 % worse.
    #[arg(long, value_name = "BASELINE.json", value_parser = compare::parse_report, conflicts_with = "sync")]
    pub compare: Option<serde_json::Value>,
    /// With --compare: compare this saved report instead of running the benchmark again.
    #[arg(long, value_name = "REPORT.json", requires = "compare", value_parser = compare::parse_report)]
    pub report: Option<serde_json::Value>,
}

/// The comparison of a report with its baseline, as `--compare --json` prints it.
#[derive(Debug, Serialize)]
struct Compared {
    /// The report of this run (absent with --report, which compares a saved one).
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<serde_json::Value>,
    /// Figures more than 30 % worse than their baseline.
    flagged: usize,
    figures: Vec<compare::Comparison>,
}

impl Compared {
    fn new(baseline: &serde_json::Value, current: &serde_json::Value) -> Self {
        let figures = compare::compare(baseline, current);
        Self {
            report: None,
            flagged: figures.iter().filter(|c| c.flagged).count(),
            figures,
        }
    }
}

/// One line of the result table.
#[derive(Debug, Serialize)]
struct Row {
    operation: &'static str,
    encrypted_ms: f64,
    plain_ms: f64,
    ratio: f64,
    /// Absolute target in milliseconds, when the issue sets one.
    target_ms: Option<f64>,
    /// Largest encrypted/plain ratio accepted.
    target_ratio: f64,
    met: bool,
}

#[derive(Debug, Serialize)]
struct Report {
    people: u64,
    organisations: u64,
    meetings: u64,
    build_seconds: f64,
    encrypted_bytes: u64,
    plain_bytes: u64,
    operations: Vec<Row>,
    /// People due for deletion today in the demo register (the run erased them).
    retention_due: u64,
    /// The encrypted backup's size.
    backup_bytes: u64,
    /// The whole `backup create`, snapshot included.
    backup_seconds: f64,
    /// The encryption step's throughput (target ≥ 200 MB/s).
    backup_encrypt_mb_per_s: f64,
    backup_met: bool,
    /// vCards in the file the import rows timed (10,000 for a register of 100,000).
    import_cards: u64,
}

const TARGET_RATIO: f64 = 1.5;
const PASSWORD: &str = "bench register, deleted afterwards";

/// Removes the bench register's key from the keychain however the run ends.
struct KeyGuard {
    keychain: Keychain,
    register_id: String,
}

impl Drop for KeyGuard {
    fn drop(&mut self) {
        let _ = self.keychain.delete(&self.register_id);
    }
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// The `p`-quantile (nearest rank) of the samples, in milliseconds; 0 without samples.
fn quantile(samples: &[Duration], p: f64) -> f64 {
    if samples.is_empty() {
        return 0.0;
    }
    let mut sorted: Vec<Duration> = samples.to_vec();
    sorted.sort();
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    ms(sorted[rank - 1])
}

/// A temporary folder for a benchmark's registers, removed when dropped.
fn temp_folder(prefix: &str) -> Result<tempfile::TempDir> {
    tempfile::Builder::new()
        .prefix(prefix)
        .tempdir()
        .map_err(|e| Error::DataDirNotWritable {
            path: std::env::temp_dir(),
            detail: e.to_string(),
        })
}

fn time<T>(samples: &mut Vec<Duration>, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let started = Instant::now();
    let value = f()?;
    samples.push(started.elapsed());
    Ok(value)
}

fn file_size(path: &Path) -> u64 {
    let wal = {
        let mut name = path.as_os_str().to_owned();
        name.push("-wal");
        std::fs::metadata(name).map(|m| m.len()).unwrap_or(0)
    };
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) + wal
}

/// The typical queries: surname prefixes, accent-free names, first name + surname prefix,
/// organisation names, e-mail prefixes and phone numbers in national form (whole and
/// half-typed), taken from the data so that they find something.
fn queries(register: &mut Register, session: &Session, people: u64) -> Result<Vec<String>> {
    let mut queries: Vec<String> = [
        "virt",
        "mäki",
        "hämä",
        "kors",
        "lehto",
        "nie",
        "hamalainen",
        "jarvinen",
        "pollanen",
        "aberg",
        "ohman",
        "kaariainen",
        "matti virt",
        "päivi hei",
    ]
    .iter()
    .map(|q| q.to_string())
    .collect();
    let organisations = register.organisation_list(session, 0, 1000)?.items;
    for organisation in organisations.iter().step_by(97).take(6) {
        let name: String = organisation.name.chars().take(8).collect();
        queries.push(name.trim().to_lowercase());
    }
    queries.push("helsingin kaupunki".into());
    let step = (people / 12).max(1);
    for i in 0..12 {
        let id = register
            .person_list(session, i * step, 1, &SystemClock)?
            .items;
        let Some(person) = id.first() else { continue };
        let page = register.person_page(session, &person.person_id, &SystemClock)?;
        for contact in &page.contacts {
            match contact.kind {
                ContactKind::Email if queries.len().is_multiple_of(2) => {
                    let local = contact.value.split('@').next().unwrap_or("");
                    queries.push(local.chars().take(9).collect());
                }
                ContactKind::Email => queries.push(contact.value.clone()),
                ContactKind::Mobile | ContactKind::Phone => {
                    queries.push(contact.display.clone());
                    queries.push(contact.display.chars().take(7).collect());
                }
                _ => {}
            }
        }
    }
    Ok(queries)
}

/// Ids of `count` people spread over the alphabet.
fn sample_people(
    register: &mut Register,
    session: &Session,
    people: u64,
    count: u64,
) -> Result<Vec<String>> {
    let step = (people / count).max(1);
    let mut ids = Vec::new();
    for i in 0..count.min(people) {
        if let Some(p) = register
            .person_list(session, i * step, 1, &SystemClock)?
            .items
            .first()
        {
            ids.push(p.person_id.clone());
        }
    }
    Ok(ids)
}

fn card(i: usize, organisation_id: &str) -> BusinessCard {
    BusinessCard {
        person: PersonInput {
            surname: "Käyntikortti".into(),
            first_name: format!("Testi{i}"),
            other_first_names: None,
        },
        organisation_id: Some(organisation_id.to_string()),
        new_organisation: None,
        title: Some("asiantuntija".into()),
        contacts: vec![
            ContactInput {
                kind: ContactKind::Email,
                value: format!("testi.{i}@kayntikortti.example.fi"),
                label: None,
                social_kind: None,
            },
            ContactInput {
                kind: ContactKind::Mobile,
                // 042 is a mobile prefix the demo data never uses, so no card is a duplicate.
                value: format!("042 9{:06}", i),
                label: None,
                social_kind: None,
            },
        ],
        source: SourceInput {
            kind: SourceKind::BusinessCard,
            detail: None,
            obtained_on: None,
        },
    }
}

/// Samples of every operation on one register (encrypted or plain).
#[derive(Default)]
struct Samples {
    search: Vec<Duration>,
    page: Vec<Duration>,
    list_page: Vec<Duration>,
    meeting: Vec<Duration>,
    card: Vec<Duration>,
}

/// Times every operation on both registers, alternating sample by sample, so that a
/// noisy moment of the machine (a slow fsync, another process) hits both alike.
fn measure(
    registers: [&mut Register; 2],
    session: &Session,
    queries: &[String],
    people: &[String],
    organisation_id: &str,
    register_people: u64,
) -> Result<[Samples; 2]> {
    let clock = SystemClock;
    let mut samples = [Samples::default(), Samples::default()];
    let [encrypted, plain] = registers;
    let mut both = |f: &mut dyn FnMut(&mut Register, &mut Samples) -> Result<()>| {
        f(encrypted, &mut samples[0])?;
        f(plain, &mut samples[1])
    };
    for _ in 0..5 {
        for query in queries {
            both(&mut |r, s| {
                time(&mut s.search, || r.search(session, query, 20, &clock)).map(drop)
            })?;
        }
    }
    for id in people {
        both(&mut |r, s| time(&mut s.page, || r.person_page(session, id, &clock)).map(drop))?;
    }
    // A 50-row page of the people list, spread over the alphabet: one audit entry and 50
    // kept ids per page.
    let last_page = register_people.saturating_sub(50).max(1);
    for i in 0..200u64 {
        let offset = (i * 7919) % last_page;
        both(&mut |r, s| {
            time(&mut s.list_page, || {
                r.person_list(session, offset, 50, &clock)
            })
            .map(drop)
        })?;
    }
    for (i, id) in people.iter().take(100).enumerate() {
        let input = MeetingInput {
            kind: MeetingKind::Call,
            at: None,
            subject: format!("Bench-soitto {i}"),
            participant_ids: vec![id.clone()],
            notes: Some("Mittaus.".into()),
            organisation_id: Some(organisation_id.to_string()),
        };
        both(&mut |r, s| {
            time(&mut s.meeting, || r.meeting_log(session, &input, &clock)).map(drop)
        })?;
    }
    for i in 0..100 {
        let card = card(i, organisation_id);
        both(&mut |r, s| {
            time(&mut s.card, || {
                let duplicates = r.duplicate_check(session, &card)?;
                if !duplicates.is_empty() {
                    return Err(Error::DuplicateSuspected {
                        person_ids: duplicates.into_iter().map(|d| d.person_id).collect(),
                    });
                }
                r.business_card_save(session, &card, false, &clock)
            })
            .map(drop)
        })?;
    }
    Ok(samples)
}

/// A vCard 3.0 file of `cards` new people, each with an organisation (one of 500), a title,
/// an e-mail, a mobile number and a UID, as a phone's export has them.
fn import_file(cards: u64) -> Result<ImportFile> {
    let mut text = String::new();
    for i in 0..cards {
        text.push_str(&format!(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:bench-{i}\r\nN:Tuotu{i};Aino;;;\r\nFN:Aino Tuotu{i}\r\nORG:Tuontiyritys {} Oy\r\nTITLE:Ostaja\r\nEMAIL;TYPE=work:aino.tuotu{i}@bench.example\r\nTEL;TYPE=CELL:+358 50 {:07}\r\nEND:VCARD\r\n",
            i % 500,
            1_000_000 + i
        ));
    }
    ImportFile::parse("bench.vcf", text.as_bytes(), None)
}

fn row(operation: &'static str, encrypted_ms: f64, plain_ms: f64, target_ms: Option<f64>) -> Row {
    let ratio = if plain_ms > 0.0 {
        encrypted_ms / plain_ms
    } else {
        1.0
    };
    Row {
        operation,
        encrypted_ms,
        plain_ms,
        ratio,
        target_ms,
        target_ratio: TARGET_RATIO,
        met: target_ms.is_none_or(|t| encrypted_ms <= t) && ratio <= TARGET_RATIO,
    }
}

fn table(language: Language, report: &Report) -> String {
    let mut lines = vec![
        match language {
            Language::Fi => format!(
                "Demorekisteri: {} henkilöä, {} organisaatiota, {} tapaamista; rakennettu {:.0} s; salattu {:.0} Mt, salaamaton {:.0} Mt",
                report.people, report.organisations, report.meetings, report.build_seconds,
                report.encrypted_bytes as f64 / 1e6, report.plain_bytes as f64 / 1e6
            ),
            Language::En => format!(
                "Demo register: {} people, {} organisations, {} meetings; built in {:.0} s; encrypted {:.0} MB, plain {:.0} MB",
                report.people, report.organisations, report.meetings, report.build_seconds,
                report.encrypted_bytes as f64 / 1e6, report.plain_bytes as f64 / 1e6
            ),
        },
        String::new(),
        format!(
            "{:<22} {:>12} {:>12} {:>7}  {}",
            pick(language, "toiminto", "operation"),
            pick(language, "salattu ms", "encrypted ms"),
            pick(language, "salaamaton ms", "plain ms"),
            pick(language, "suhde", "ratio"),
            pick(language, "tavoite", "target")
        ),
    ];
    for r in &report.operations {
        let target = match r.target_ms {
            Some(t) => format!("≤ {t} ms, ≤ {}×", r.target_ratio),
            None => format!("≤ {}×", r.target_ratio),
        };
        let mark = if r.met { "✓" } else { "✗" };
        lines.push(format!(
            "{:<22} {:>12.2} {:>12.2} {:>6.2}×  {target} {mark}",
            r.operation, r.encrypted_ms, r.plain_ms, r.ratio
        ));
    }
    lines.push(String::new());
    lines.push(format!(
        "{}: {} {}, {:.1} s; {} {:.0} MB/s ({} ≥ 200 MB/s {})",
        pick(language, "varmuuskopio", "backup"),
        crate::output::size(language, report.backup_bytes),
        pick(language, "yhteensä", "in all"),
        report.backup_seconds,
        pick(language, "salaus", "encryption"),
        report.backup_encrypt_mb_per_s,
        pick(language, "tavoite", "target"),
        if report.backup_met { "✓" } else { "✗" }
    ));
    lines.push(format!(
        "{}: {}",
        pick(language, "säilytysajo poisti", "the retention run erased"),
        report.retention_due
    ));
    lines.push(format!(
        "{}: {}",
        pick(
            language,
            "tuonnin vCard-tiedostossa kortteja",
            "vCards in the imported file"
        ),
        report.import_cards
    ));
    lines.join("\n")
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    if let (Some(baseline), Some(report)) = (&args.compare, &args.report) {
        let compared = Compared::new(baseline, report);
        ctx.out
            .print(&compared, |l| compare::table(l, &compared.figures));
        return Ok(());
    }
    if args.sync {
        let options = sync::Options {
            people: args.people,
            seed: args.seed,
            hub_url: args.hub_url.unwrap_or_default(),
            changes: args.changes,
            devices: args.devices,
            load_seconds: args.load_seconds,
        };
        return sync::run(ctx, &options);
    }
    let language = ctx.language();
    let clock = SystemClock;
    let temp = temp_folder("kortisto-bench-")?;
    let data_dir = DataDir::at(temp.path().join("register"));
    let twin_dir = temp.path().join("plain-twin");
    let keychain = Keychain::with_service(format!("fi.kortisto.bench-{}", std::process::id()));

    let started = Instant::now();
    eprintln!(
        "{}",
        pick(
            language,
            "Rakennetaan demorekisteri väliaikaiskansioon…",
            "Building the demo register in a temporary folder…"
        )
    );
    let created = Register::create(&data_dir, &keychain, &clock)?;
    let _key = KeyGuard {
        keychain: keychain.clone(),
        register_id: created.register.register_id().to_string(),
    };
    let mut register = created.register;
    let session =
        register.create_first_admin("bench", "Bench", &Password::new(PASSWORD), &clock)?;
    let options = DemoOptions {
        people: args.people,
        organisations: None,
        meetings: None,
        seed: args.seed,
        until: None,
    };
    let summary =
        register.demo_fill(&session, &options, &clock, &mut progress_printer(language))?;
    eprintln!(
        "{}",
        pick(
            language,
            "Kopioidaan salaamattomaksi vertailukopioksi…",
            "Exporting the unencrypted twin…"
        )
    );
    PlainTwin::export(&register, &twin_dir)?;
    let build_seconds = started.elapsed().as_secs_f64();
    let mut twin = PlainTwin::open(&twin_dir)?;

    eprintln!("{}", pick(language, "Mitataan…", "Measuring…"));
    let queries = queries(&mut register, &session, summary.people)?;
    let people = sample_people(&mut register, &session, summary.people, 200)?;
    let organisation_id = register
        .organisation_list(&session, 0, 1)?
        .items
        .first()
        .map(|o| o.organisation_id.clone())
        .ok_or_else(|| Error::Storage("the demo register has no organisations".into()))?;

    let [encrypted, plain] = measure(
        [&mut register, twin.register()],
        &session,
        &queries,
        &people,
        &organisation_id,
        summary.people,
    )?;
    let (mut open_encrypted, mut open_plain) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let opened = time(&mut open_encrypted, || Register::open(&data_dir, &keychain))?;
        drop(opened);
        let opened = time(&mut open_plain, || PlainTwin::open(&twin_dir))?;
        drop(opened);
    }

    let both = |e: &[Duration], p: &[Duration], q: f64| (quantile(e, q), quantile(p, q));
    let mut rows = Vec::new();
    let (e, p) = both(&encrypted.search, &plain.search, 0.5);
    rows.push(row("search p50", e, p, None));
    let (e, p) = both(&encrypted.search, &plain.search, 0.95);
    rows.push(row("search p95", e, p, Some(10.0)));
    let (e, p) = both(&encrypted.page, &plain.page, 0.5);
    rows.push(row("person page p50", e, p, None));
    let (e, p) = both(&encrypted.page, &plain.page, 0.95);
    rows.push(row("person page p95", e, p, Some(5.0)));
    let (e, p) = both(&encrypted.list_page, &plain.list_page, 0.5);
    rows.push(row("people list page of 50 p50", e, p, None));
    let (e, p) = both(&encrypted.list_page, &plain.list_page, 0.95);
    rows.push(row("people list page of 50 p95", e, p, None));
    let (e, p) = both(&encrypted.meeting, &plain.meeting, 0.5);
    rows.push(row("meeting log p50", e, p, None));
    let (e, p) = both(&encrypted.meeting, &plain.meeting, 0.95);
    rows.push(row("meeting log p95", e, p, Some(20.0)));
    let (e, p) = both(&encrypted.card, &plain.card, 0.5);
    rows.push(row("business card p50", e, p, None));
    let (e, p) = both(&encrypted.card, &plain.card, 0.95);
    rows.push(row("business card p95", e, p, None));
    let (e, p) = both(&open_encrypted, &open_plain, 0.5);
    rows.push(row("open register p50", e, p, None));

    // Retention over the whole register: the preview (three times), then one real run on
    // each, last, because it erases people.
    eprintln!(
        "{}",
        pick(
            language,
            "Mitataan säilytystä ja varmuuskopiota…",
            "Measuring retention and backup…"
        )
    );
    let today = kortisto_core::Clock::now(&clock).date_naive();
    let (mut preview_encrypted, mut preview_plain) = (Vec::new(), Vec::new());
    let mut due = 0;
    for _ in 0..3 {
        due = time(&mut preview_encrypted, || {
            register.retention_preview(&session, today, language)
        })?
        .due
        .len();
        time(&mut preview_plain, || {
            twin.register().retention_preview(&session, today, language)
        })?;
    }
    rows.push(row(
        "retention preview p50",
        quantile(&preview_encrypted, 0.5),
        quantile(&preview_plain, 0.5),
        Some(2000.0),
    ));

    // Import of a vCard file of new people (a tenth of the register, at most 10,000): its
    // dry run, then the import in committed batches, on each register.
    let import_cards = (summary.people / 10).clamp(10, 10_000);
    eprintln!(
        "{}",
        pick(
            language,
            "Mitataan vCard-tuontia…",
            "Measuring the vCard import…"
        )
    );
    let file = import_file(import_cards)?;
    let import_options = ImportOptions {
        source: SourceInput {
            kind: SourceKind::EmailOrSocialMedia,
            detail: None,
            obtained_on: None,
        },
        add_likely_duplicates: false,
        add_suppressed: false,
    };
    let (mut plan_encrypted, mut plan_plain) = (Vec::new(), Vec::new());
    time(&mut plan_encrypted, || {
        register.import_plan(&session, &file, &clock)
    })?;
    time(&mut plan_plain, || {
        twin.register().import_plan(&session, &file, &clock)
    })?;
    rows.push(row(
        "import dry run",
        quantile(&plan_encrypted, 0.5),
        quantile(&plan_plain, 0.5),
        Some(10_000.0),
    ));
    let (mut import_encrypted, mut import_plain) = (Vec::new(), Vec::new());
    time(&mut import_encrypted, || {
        register.import_commit(&session, &file, &import_options, &clock, &mut |_, _| true)
    })?;
    time(&mut import_plain, || {
        twin.register()
            .import_commit(&session, &file, &import_options, &clock, &mut |_, _| true)
    })?;
    rows.push(row(
        "import commit",
        quantile(&import_encrypted, 0.5),
        quantile(&import_plain, 0.5),
        Some(10_000.0),
    ));

    // The backup of the encrypted register (the twin has no key to back up with).
    let backup_file = temp.path().join("bench.kbak");
    let backup_started = Instant::now();
    let backup = register.backup_create(Some(&session), &backup_file, &clock)?;
    let backup_seconds = backup_started.elapsed().as_secs_f64();
    let encrypt_mb_per_s = backup.snapshot_bytes as f64 / 1e6 / backup.encrypt_seconds.max(1e-9);
    let _ = std::fs::remove_file(&backup_file);

    let (mut run_encrypted, mut run_plain) = (Vec::new(), Vec::new());
    time(&mut run_encrypted, || {
        register.retention_run(Some(&session), "manual", true, &clock, &mut |_, _| true)
    })?;
    time(&mut run_plain, || {
        twin.register()
            .retention_run(Some(&session), "manual", true, &clock, &mut |_, _| true)
    })?;
    rows.push(row(
        "retention run",
        quantile(&run_encrypted, 0.5),
        quantile(&run_plain, 0.5),
        None,
    ));

    // Sizes after closing, when the write-ahead logs are folded in.
    twin.close()?;
    register.close()?;
    let report = Report {
        people: summary.people,
        organisations: summary.organisations,
        meetings: summary.meetings,
        build_seconds,
        encrypted_bytes: file_size(&data_dir.database_path()),
        plain_bytes: file_size(&PlainTwin::database_path(&twin_dir)),
        operations: rows,
        retention_due: due as u64,
        backup_bytes: backup.bytes,
        backup_seconds,
        backup_encrypt_mb_per_s: encrypt_mb_per_s,
        backup_met: encrypt_mb_per_s >= 200.0,
        import_cards,
    };
    match &args.compare {
        Some(baseline) => {
            let current =
                serde_json::to_value(&report).map_err(|e| Error::Storage(e.to_string()))?;
            let compared = Compared {
                report: Some(current.clone()),
                ..Compared::new(baseline, &current)
            };
            ctx.out.print(&compared, |l| {
                format!(
                    "{}\n\n{}",
                    table(l, &report),
                    compare::table(l, &compared.figures)
                )
            });
        }
        None => ctx.out.print(&report, |l| table(l, &report)),
    }
    Ok(())
}
