//! The subject-access extract (R7, Art. 15): everything the register holds on one person,
//! plus what Art. 15(1)–(2) requires them to be told, as a readable PDF and a machine-readable
//! JSON file (schema `kortisto-extract/1`, the [`SubjectAccessExtract`] type), with a manifest
//! holding the SHA-256 of both. Files are written under temporary names and renamed only
//! when all three are complete, so a failure leaves nothing half-written behind.
use std::fs;
use std::path::Path;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::audit::Audited;
use crate::auth::{Action, Session};
use crate::consent::ConsentEvent;
use crate::deals::Deal;
use crate::disclosures::{Disclosure, Transfer};
use crate::history::HistoryEntry;
use crate::meetings::{Meeting, ServiceElement};
use crate::notice::{self, Controller};
use crate::output_file;
use crate::pdf::{self, Block};
use crate::people::{not_found, Contact, Person, Position};
use crate::requests::Request;
use crate::sources::Source;
use crate::{format_finnish, ids, store, Clock, Error, Language, Register, Result};

/// Tables whose rows about a person the extract includes.
pub const EXTRACT_COVERS: &[&str] = &[
    "people",
    "sources",
    "contact_points",
    "positions",
    "deals",
    "deal_people",
    "meetings",
    "meeting_participants",
    "service_elements",
    "consent_events",
    "disclosures",
    "processors",
    "transfers",
    "requests",
    "change_history",
    "legal_holds",
    "sync_conflicts",
    "restrictions",
    "objections",
];

/// Tables that hold no data about a person that the extract must show, and why.
pub const NOT_IN_EXTRACT: &[(&str, &str)] = &[
    ("register_info", "the register's own identity"),
    ("users", "staff accounts, not register data"),
    ("audit_events", "ids only, no personal values"),
    (
        "person_reads",
        "the audit trail's ids of the people each read showed (staff activity, ids only)",
    ),
    (
        "person_reads_by_person",
        "person_reads by person, derived for \"who has seen\"",
    ),
    (
        "person_reads_indexed",
        "how far person_reads_by_person is complete",
    ),
    (
        "team_reads",
        "the reads other devices shared: when, which user, what action (no one's data)",
    ),
    (
        "team_person_reads",
        "ids of the reads other devices shared that showed the person (staff activity, ids only)",
    ),
    ("privacy_trainings", "staff training records"),
    ("internal_audits", "internal audit checks"),
    ("settings", "register settings"),
    (
        "organisations",
        "organisations; their names appear in the positions and deals shown",
    ),
    (
        "consent_purposes",
        "the list of purposes; shown with each consent event",
    ),
    (
        "purposes",
        "the purposes of processing; shown in the extract's information section",
    ),
    (
        "notice_versions",
        "published privacy notices (the register's, not a person's); the one in force is named",
    ),
    (
        "marketing_suppression",
        "salted hashes of erased people's e-mail addresses",
    ),
    (
        "erasure_receipts",
        "id-only ledger of people already erased",
    ),
    (
        "search_index",
        "derived from the people and contact data shown",
    ),
    ("search_index_rows", "maps index rows to records"),
    (
        "retention_rules",
        "the rules; their effect on the person is in the extract's retention section",
    ),
    ("retention_runs", "ids and counts of past runs only"),
    ("sync_state", "this device's hub address and clock"),
    (
        "sync_outbox",
        "changes on their way to the hub: copies of rows the extract shows",
    ),
    ("sync_rows", "ids and clocks of synced rows, no values"),
    (
        "sync_cursor",
        "how far each other device was pulled (ids only)",
    ),
    ("sync_erased", "ids of people erased on any device"),
    (
        "redaction_todos",
        "ids of records that named people already erased",
    ),
];

/// One purpose and its lawful basis.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct PurposeInfo {
    /// The purpose.
    pub purpose: String,
    /// Its lawful basis.
    pub lawful_basis: String,
}

/// What Art. 15(1)–(2) requires the person to be told.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Art15Information {
    /// Purposes and lawful bases.
    pub purposes: Vec<PurposeInfo>,
    /// Categories of personal data.
    pub categories: String,
    /// Recipients: the processors that received this person's data.
    pub recipients: Vec<String>,
    /// Where data is stored and transferred.
    pub storage: String,
    /// How long each kind of data is kept.
    pub retention: Vec<String>,
    /// The person's rights.
    pub rights: Vec<String>,
    /// Where to complain.
    pub complaint: String,
    /// Where the data came from.
    pub sources: Vec<String>,
    /// The consent purposes of the ledger by their names in the extract's language (id →
    /// name), so that no consent or objection is shown by an internal id.
    pub purpose_names: std::collections::BTreeMap<String, String>,
    /// The privacy notice in force when the extract was made: its publication time
    /// (RFC 3339), none when no notice has been published in this language.
    pub notice_published_at: Option<String>,
    /// The same in a sentence.
    pub notice: String,
}

/// The machine-readable extract (schema `kortisto-extract/1`).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SubjectAccessExtract {
    /// Always `kortisto-extract/1`.
    pub schema: String,
    /// When it was made (RFC 3339).
    pub generated_at: String,
    /// Its language.
    pub language: Language,
    /// The controller.
    pub controller: Controller,
    /// The person.
    pub person: Person,
    /// The vCard UID their card had when they were imported from a file (none otherwise).
    pub import_uid: Option<String>,
    /// Contact data with sources.
    pub contacts: Vec<Contact>,
    /// Positions.
    pub positions: Vec<Position>,
    /// Deals they are party to.
    pub deals: Vec<Deal>,
    /// Meetings they took part in (all).
    pub meetings: Vec<Meeting>,
    /// Service elements registered to them.
    pub service_elements: Vec<ServiceElement>,
    /// Consent history.
    pub consent_events: Vec<ConsentEvent>,
    /// Disclosures of their data.
    pub disclosures: Vec<Disclosure>,
    /// Transfers outside the EU/EEA that apply to their data.
    pub transfers: Vec<Transfer>,
    /// Their requests.
    pub requests: Vec<Request>,
    /// Rectification history of their data, with the rows of meetings' and deals' histories
    /// that say they were added or taken off.
    pub history: Vec<HistoryEntry>,
    /// Values of theirs that lost when two devices changed the same field at once.
    pub sync_conflicts: Vec<crate::sync::SyncConflict>,
    /// Legal holds on them: (reason, until).
    pub legal_holds: Vec<(String, String)>,
    /// Restrictions of processing, newest first.
    pub restrictions: Vec<crate::restriction::Restriction>,
    /// Objections.
    pub objections: Vec<crate::restriction::Objection>,
    /// The information Art. 15 requires.
    pub information: Art15Information,
}

/// The files an extract produced.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ExtractFiles {
    /// The PDF.
    pub pdf_path: String,
    /// The JSON.
    pub json_path: String,
    /// The manifest.
    pub manifest_path: String,
    /// SHA-256 of the PDF.
    pub pdf_sha256: String,
    /// SHA-256 of the JSON.
    pub json_sha256: String,
}

fn source_text(source: &Source, language: Language) -> String {
    let kind = source.kind.words(language);
    let date = source
        .obtained_on
        .parse()
        .map(format_finnish)
        .unwrap_or_else(|_| source.obtained_on.clone());
    match &source.detail {
        Some(detail) => format!("{kind} ({detail}), {date}"),
        None => format!("{kind}, {date}"),
    }
}

fn t(language: Language, fi: &str, en: &str) -> String {
    match language {
        Language::Fi => fi.to_string(),
        Language::En => en.to_string(),
    }
}

fn finnish(date: &str) -> String {
    date.get(..10)
        .and_then(|d| d.parse().ok())
        .map(format_finnish)
        .unwrap_or_else(|| date.to_string())
}

/// Collects the extract of one person.
pub(crate) fn collect(
    conn: &rusqlite::Connection,
    person_id: &str,
    language: Language,
    generated_at: String,
) -> Result<SubjectAccessExtract> {
    let person =
        store::people::person(conn, person_id)?.ok_or_else(|| not_found("person", person_id))?;
    let contacts = store::people::contacts_of(conn, Some(person_id), None)?;
    let controller = notice::controller_of(conn)?;
    let complaint = notice::complaint(&controller, language);
    let disclosures = store::disclosures::disclosures_of(conn, person_id)?;
    let recipients_ids: Vec<&str> = disclosures
        .iter()
        .map(|d| d.processor_id.as_str())
        .collect();
    let transfers: Vec<Transfer> = store::disclosures::transfers(conn)?
        .into_iter()
        .filter(|t| recipients_ids.contains(&t.processor_id.as_str()))
        .collect();
    let mut recipients: Vec<String> = Vec::new();
    for processor in store::disclosures::processors(conn)? {
        if recipients_ids.contains(&processor.processor_id.as_str()) {
            recipients.push(format!(
                "{} — {} ({})",
                processor.name, processor.service, processor.processing_location
            ));
        }
    }
    let mut sources = vec![source_text(&person.source, language)];
    for contact in &contacts {
        let text = source_text(&contact.source, language);
        if !sources.contains(&text) {
            sources.push(text);
        }
    }
    let legal_holds = store::erasure::legal_holds_of_person(conn, person_id)?;
    // This person's retention, as the retention rules decide it today: "kept until D
    // because X", never a generic sentence.
    let as_of = generated_at
        .get(..10)
        .and_then(|d| d.parse().ok())
        .ok_or_else(|| Error::Storage(format!("extract time {generated_at}")))?;
    let (statuses, _) = crate::retention::statuses(conn, as_of, Some(person_id))?;
    let mut retention: Vec<String> = statuses.iter().map(|s| s.describe(language)).collect();
    let purposes = store::purposes::purposes(conn)?;
    let purpose_names = store::purposes::consent_purpose_names(conn, language)?;
    let in_force = notice::version_in_force(conn, language)?;
    let notice_sentence = match &in_force {
        Some(version) => t(
            language,
            &format!(
                "Tämä ote noudattaa {} julkaistua tietosuojaselostetta.",
                finnish(&version.published_at)
            ),
            &format!(
                "This extract follows the privacy notice published on {}.",
                finnish(&version.published_at)
            ),
        ),
        None => t(
            language,
            "Tietosuojaselostetta ei ole vielä julkaistu tällä kielellä; ote kertoo käsittelystä sellaisena kuin rekisteri sen nyt tekee.",
            "No privacy notice has been published in this language yet; the extract tells the processing as the register does it now.",
        ),
    };
    for (reason, until) in &legal_holds {
        retention.push(t(
            language,
            &format!("Säilytysvelvoite: {reason}, {} asti.", finnish(until)),
            &format!("Legal hold: {reason}, until {}.", finnish(until)),
        ));
    }
    Ok(SubjectAccessExtract {
        schema: "kortisto-extract/1".into(),
        generated_at,
        language,
        controller,
        import_uid: store::import::uid_of(conn, person_id)?,
        positions: store::people::positions_of(conn, person_id)?,
        deals: store::deals::deals_of_person(conn, person_id)?,
        meetings: store::meetings::meetings_of(conn, Some(person_id), None, 1_000_000)?,
        service_elements: store::meetings::elements_of(conn, Some(person_id), None)?,
        consent_events: store::consent::consent_events(conn, person_id)?,
        requests: store::requests::requests_of(conn, person_id)?,
        history: store::history::history_of_person(conn, person_id)?,
        sync_conflicts: crate::sync::conflicts_of_person(conn, person_id)?,
        restrictions: store::restriction::restrictions_of(conn, person_id)?,
        objections: store::restriction::objections_of(conn, person_id)?,
        information: Art15Information {
            purposes: purposes
                .iter()
                .map(|p| PurposeInfo {
                    purpose: p.name(language).to_string(),
                    lawful_basis: p.bases_text(language),
                })
                .collect(),
            categories: notice::categories(language).join("; "),
            recipients,
            storage: notice::STORAGE.get(language).into(),
            retention,
            rights: notice::RIGHTS
                .iter()
                .map(|r| r.get(language).to_string())
                .collect(),
            complaint,
            sources,
            purpose_names,
            notice_published_at: in_force.map(|v| v.published_at),
            notice: notice_sentence,
        },
        person,
        contacts,
        disclosures,
        transfers,
        legal_holds,
    })
}

/// A consent purpose by its name in the extract's language.
fn purpose_name<'a>(extract: &'a SubjectAccessExtract, purpose: &'a str) -> &'a str {
    extract
        .information
        .purpose_names
        .get(purpose)
        .map(String::as_str)
        .unwrap_or(purpose)
}

/// The readable document of an extract.
pub(crate) fn document(extract: &SubjectAccessExtract) -> Vec<Block> {
    let l = extract.language;
    let p = &extract.person;
    let name = format!("{} {}", p.first_name, p.surname);
    let mut b = vec![
        Block::Title(t(
            l,
            &format!("Tietopyyntö: {name}"),
            &format!("Subject access extract: {name}"),
        )),
        Block::Paragraph(t(
            l,
            &format!(
                "Tämä on kaikki, mitä {} asiakas- ja sidosryhmärekisterissä on sinusta {}.",
                extract.controller.name,
                finnish(&extract.generated_at)
            ),
            &format!(
                "This is everything {}'s customer and stakeholder register holds on you on {}.",
                extract.controller.name,
                finnish(&extract.generated_at)
            ),
        )),
        Block::Space,
        Block::Heading(t(l, "Rekisterinpitäjä", "Controller")),
        Block::Field(
            t(l, "Nimi", "Name"),
            format!(
                "{} ({})",
                extract.controller.name, extract.controller.business_id
            ),
        ),
        Block::Field(
            t(l, "Osoite", "Address"),
            extract.controller.address.clone(),
        ),
        Block::Field(
            t(l, "Yhteys", "Contact"),
            format!(
                "{}, {}",
                extract.controller.contact, extract.controller.responsible
            ),
        ),
        Block::Heading(t(l, "Henkilötiedot", "Personal data")),
        Block::Field(t(l, "Sukunimi", "Surname"), p.surname.clone()),
        Block::Field(t(l, "Etunimi", "First name"), p.first_name.clone()),
        Block::Field(
            t(l, "Muut etunimet", "Other first names"),
            p.other_first_names.clone().unwrap_or_else(|| "—".into()),
        ),
        Block::Field(t(l, "Lähde", "Source"), source_text(&p.source, l)),
    ];
    if let Some(uid) = &extract.import_uid {
        b.push(Block::Field(
            t(
                l,
                "Tuodun yhteystiedon tunniste (vCard UID)",
                "Imported contact's id (vCard UID)",
            ),
            uid.clone(),
        ));
    }
    b.push(Block::Heading(t(l, "Yhteystiedot", "Contact data")));
    if extract.contacts.is_empty() {
        b.push(Block::Paragraph(t(
            l,
            "Ei yhteystietoja.",
            "No contact data.",
        )));
    }
    for c in &extract.contacts {
        b.push(Block::Field(
            c.kind.name().to_string(),
            format!(
                "{}{} — {}: {}",
                c.display,
                if c.retired_at.is_some() {
                    t(l, " (ei enää voimassa)", " (no longer valid)")
                } else {
                    String::new()
                },
                t(l, "lähde", "source"),
                source_text(&c.source, l)
            ),
        ));
    }
    b.push(Block::Heading(t(l, "Tehtävät", "Positions")));
    if extract.positions.is_empty() {
        b.push(Block::Paragraph(t(l, "Ei tehtäviä.", "No positions.")));
    }
    for pos in &extract.positions {
        let dates = format!(
            "{} – {}",
            pos.start_on.as_deref().map(finnish).unwrap_or_default(),
            pos.end_on.as_deref().map(finnish).unwrap_or_default()
        );
        b.push(Block::Field(
            pos.organisation_name.clone(),
            format!("{} ({dates})", pos.title),
        ));
    }
    b.push(Block::Heading(t(
        l,
        "Sopimukset, tarjoukset ja liidit",
        "Contracts, offers and leads",
    )));
    if extract.deals.is_empty() {
        b.push(Block::Paragraph(t(l, "Ei kauppoja.", "No deals.")));
    }
    for d in &extract.deals {
        b.push(Block::Field(
            d.kind.name().to_string(),
            format!(
                "{} — {} ({})",
                d.title,
                d.organisation_name,
                d.status.name()
            ),
        ));
    }
    b.push(Block::Heading(t(
        l,
        "Tapaamiset ja yhteydenotot",
        "Meetings and contacts",
    )));
    if extract.meetings.is_empty() {
        b.push(Block::Paragraph(t(l, "Ei tapaamisia.", "No meetings.")));
    }
    for m in &extract.meetings {
        b.push(Block::Field(
            finnish(&m.at),
            format!("{}: {}", m.kind.name(), m.subject),
        ));
    }
    b.push(Block::Heading(t(l, "Palveluelementit", "Service elements")));
    if extract.service_elements.is_empty() {
        b.push(Block::Paragraph(t(
            l,
            "Ei palveluelementtejä.",
            "No service elements.",
        )));
    }
    for e in &extract.service_elements {
        b.push(Block::Field(
            e.kind.name().to_string(),
            format!("{} {} ({})", e.vendor, e.identifier, e.organisation_name),
        ));
    }
    b.push(Block::Heading(t(l, "Suostumukset", "Consents")));
    if extract.consent_events.is_empty() {
        b.push(Block::Paragraph(t(l, "Ei suostumuksia.", "No consents.")));
    }
    for c in &extract.consent_events {
        let kind = match (c.kind.name(), l) {
            ("given", Language::Fi) => "annettu",
            ("given", Language::En) => "given",
            (_, Language::Fi) => "peruttu",
            (_, Language::En) => "withdrawn",
        };
        b.push(Block::Field(
            finnish(&c.at),
            format!(
                "{}: {kind} ({}, {})",
                purpose_name(extract, &c.purpose),
                c.channel.name(),
                c.wording_version
            ),
        ));
    }
    b.push(Block::Heading(t(
        l,
        "Luovutukset ja siirrot",
        "Disclosures and transfers",
    )));
    if extract.disclosures.is_empty() {
        b.push(Block::Paragraph(t(
            l,
            "Tietojasi ei ole luovutettu.",
            "Your data has not been disclosed.",
        )));
    }
    for d in &extract.disclosures {
        b.push(Block::Field(
            finnish(&d.disclosed_on),
            format!("{}: {} — {}", d.processor_name, d.what, d.why),
        ));
    }
    for tr in &extract.transfers {
        b.push(Block::Field(
            tr.country.clone(),
            format!(
                "{} — {}: {}",
                tr.processor_name,
                tr.legal_basis.name(),
                tr.basis_detail
            ),
        ));
    }
    b.push(Block::Heading(t(l, "Pyynnöt", "Requests")));
    if extract.requests.is_empty() {
        b.push(Block::Paragraph(t(l, "Ei pyyntöjä.", "No requests.")));
    }
    for r in &extract.requests {
        b.push(Block::Field(
            finnish(&r.received_on),
            format!("{} ({})", r.kind.name(), r.status.name()),
        ));
    }
    b.push(Block::Heading(t(
        l,
        "Tietojen muutoshistoria",
        "History of changes",
    )));
    if extract.history.is_empty() {
        b.push(Block::Paragraph(t(
            l,
            "Tietojasi ei ole muutettu.",
            "Your data has not been changed.",
        )));
    }
    for h in &extract.history {
        // A meeting's or a deal's row about them says they were added or taken off, by name;
        // an objection's value is a purpose: by its name, never its id.
        let field = match (h.record_kind.as_str(), h.field.as_str()) {
            ("meeting", "participant") => {
                t(l, "Tapaamisen osallistuja", "Participant of a meeting")
            }
            ("deal", "person") => t(l, "Kaupan henkilö", "Person on a deal"),
            _ => h.field.clone(),
        };
        let value =
            |value: Option<&str>, label: Option<&str>| match (h.field.as_str(), label, value) {
                (_, Some(label), _) => label.to_string(),
                (_, None, None) => "—".to_string(),
                ("objection" | "purpose", None, Some(v)) => purpose_name(extract, v).to_string(),
                (_, None, Some(v)) => v.to_string(),
            };
        b.push(Block::Field(
            finnish(&h.changed_at),
            format!(
                "{field}: {} → {}",
                value(h.old_value.as_deref(), h.old_label.as_deref()),
                value(h.new_value.as_deref(), h.new_label.as_deref())
            ),
        ));
    }
    if !extract.sync_conflicts.is_empty() {
        b.push(Block::Heading(t(
            l,
            "Samanaikaiset muutokset eri laitteilla",
            "Simultaneous changes on different devices",
        )));
        for c in &extract.sync_conflicts {
            b.push(Block::Field(
                finnish(&c.detected_at),
                format!(
                    "{}: {} ({}: {})",
                    c.field,
                    c.kept_value.as_deref().unwrap_or("—"),
                    t(l, "toinen arvo", "other value"),
                    c.other_value.as_deref().unwrap_or("—")
                ),
            ));
        }
    }
    if !extract.restrictions.is_empty() || !extract.objections.is_empty() {
        b.push(Block::Heading(t(
            l,
            "Käsittelyn rajoitukset ja vastustukset",
            "Restrictions of processing and objections",
        )));
    }
    for r in &extract.restrictions {
        let lifted = match &r.lifted_at {
            Some(at) => t(
                l,
                &format!("purettu {}", finnish(at)),
                &format!("lifted {}", finnish(at)),
            ),
            None => t(l, "voimassa", "in force"),
        };
        b.push(Block::Field(
            finnish(&r.from_on),
            format!(
                "{}: {} ({lifted})",
                t(l, "rajoitus", "restriction"),
                r.reason
            ),
        ));
    }
    for o in &extract.objections {
        b.push(Block::Field(
            finnish(&o.objected_on),
            format!(
                "{}: {}{}",
                t(l, "vastustus", "objection"),
                purpose_name(extract, &o.purpose),
                o.reason
                    .as_deref()
                    .map(|r| format!(" — {r}"))
                    .unwrap_or_default()
            ),
        ));
    }
    let info = &extract.information;
    b.push(Block::Heading(t(l, "Tietosuojaseloste", "Privacy notice")));
    b.push(Block::Paragraph(info.notice.clone()));
    b.push(Block::Heading(t(
        l,
        "Käsittelyn tarkoitukset ja oikeusperusteet",
        "Purposes and lawful bases",
    )));
    for purpose in &info.purposes {
        b.push(Block::Field(
            purpose.purpose.clone(),
            purpose.lawful_basis.clone(),
        ));
    }
    b.push(Block::Heading(t(l, "Tietoryhmät", "Categories of data")));
    b.push(Block::Paragraph(info.categories.clone()));
    b.push(Block::Heading(t(
        l,
        "Mistä tiedot on saatu",
        "Where the data came from",
    )));
    for source in &info.sources {
        b.push(Block::Paragraph(format!("• {source}")));
    }
    b.push(Block::Heading(t(
        l,
        "Vastaanottajat ja säilytyspaikka",
        "Recipients and storage",
    )));
    b.push(Block::Paragraph(info.storage.clone()));
    if info.recipients.is_empty() {
        b.push(Block::Paragraph(t(
            l,
            "Tietojasi ei ole luovutettu käsittelijöille.",
            "Your data has not been given to processors.",
        )));
    }
    for recipient in &info.recipients {
        b.push(Block::Paragraph(format!("• {recipient}")));
    }
    b.push(Block::Heading(t(
        l,
        "Säilytysajat",
        "How long data is kept",
    )));
    for rule in &info.retention {
        b.push(Block::Paragraph(format!("• {rule}")));
    }
    b.push(Block::Heading(t(l, "Oikeutesi", "Your rights")));
    for right in &info.rights {
        b.push(Block::Paragraph(format!("• {right}")));
    }
    b.push(Block::Heading(t(l, "Valitusoikeus", "Right to complain")));
    b.push(Block::Paragraph(info.complaint.clone()));
    b
}

fn sha256_hex(bytes: &[u8]) -> String {
    data_encoding::HEXLOWER.encode(&Sha256::digest(bytes))
}

/// Writes the three files through `output_file` (owner-only, never through a symlink, never
/// inside `data_dir`); nothing is left behind on failure.
pub(crate) fn write_files(
    extract: &SubjectAccessExtract,
    data_dir: &Path,
    out_dir: &Path,
) -> Result<ExtractFiles> {
    let not_writable = |e: std::io::Error| Error::OutputNotWritable {
        path: out_dir.display().to_string(),
        detail: e.to_string(),
    };
    if !out_dir.is_dir() {
        return Err(not_writable(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "not a folder",
        )));
    }
    output_file::check_outside(data_dir, out_dir)?;
    let json = serde_json::to_vec_pretty(extract).map_err(|e| Error::Storage(e.to_string()))?;
    let title = t(extract.language, "Tietopyyntö", "Subject access extract");
    let pdf_bytes = pdf::render(
        &document(extract),
        &title,
        &format!("Kortisto — {}", extract.controller.name),
    );
    let stem = format!(
        "kortisto-extract-{}-{}-{}",
        extract.person.person_id,
        &extract.generated_at[..10],
        extract.language.code()
    );
    let pdf_path = out_dir.join(format!("{stem}.pdf"));
    let json_path = out_dir.join(format!("{stem}.json"));
    let manifest_path = out_dir.join(format!("{stem}.manifest.json"));
    let files = ExtractFiles {
        pdf_path: pdf_path.display().to_string(),
        json_path: json_path.display().to_string(),
        manifest_path: manifest_path.display().to_string(),
        pdf_sha256: sha256_hex(&pdf_bytes),
        json_sha256: sha256_hex(&json),
    };
    let manifest = serde_json::to_vec_pretty(&serde_json::json!({
        "schema": "kortisto-extract-manifest/1",
        "generated_at": extract.generated_at,
        "files": [
            { "name": pdf_path.file_name().map(|n| n.to_string_lossy().to_string()), "sha256": files.pdf_sha256 },
            { "name": json_path.file_name().map(|n| n.to_string_lossy().to_string()), "sha256": files.json_sha256 },
        ]
    }))
    .map_err(|e| Error::Storage(e.to_string()))?;
    output_file::write_all_or_nothing(
        data_dir,
        out_dir,
        &[
            (pdf_path, pdf_bytes),
            (json_path, json),
            (manifest_path, manifest),
        ],
    )?;
    Ok(files)
}

impl Register {
    /// The extract as data, without writing files (admin; audited).
    pub fn extract_data(
        &mut self,
        session: &Session,
        person_id: &str,
        language: Language,
        clock: &dyn Clock,
    ) -> Result<SubjectAccessExtract> {
        self.write(Some(session), Action::Extract, clock, |tx| {
            let extract = collect(tx, person_id, language, ids::timestamp(clock))?;
            let audited = Audited::record("person", person_id).seen();
            Ok((extract, audited))
        })
    }

    /// Writes the PDF, the JSON and the manifest into `out_dir` (admin). Audited, and linked
    /// to the access request when one is given (the request is closed as done).
    pub fn extract(
        &mut self,
        session: &Session,
        person_id: &str,
        language: Language,
        out_dir: &Path,
        request_id: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<ExtractFiles> {
        self.authorize(session, Action::Extract)?;
        let data_dir = self.data_dir().path().to_path_buf();
        // Files written before a failed commit are removed: no extract without its entry.
        let mut written: Option<ExtractFiles> = None;
        let result = self.write(Some(session), Action::Extract, clock, |tx| {
            if let Some(request) = request_id {
                store::requests::request(tx, request)?
                    .ok_or_else(|| not_found("request", request))?;
            }
            let extract = collect(tx, person_id, language, ids::timestamp(clock))?;
            let files = written.insert(write_files(&extract, &data_dir, out_dir)?);
            if let Some(request) = request_id {
                store::requests::close(
                    tx,
                    request,
                    crate::requests::RequestStatus::Done,
                    &clock.now().date_naive().to_string(),
                    &format!("extract {}", files.json_sha256),
                )?;
            }
            Ok((files.clone(), Audited::record("person", person_id).seen()))
        });
        if let (Err(_), Some(files)) = (&result, &written) {
            for path in [&files.pdf_path, &files.json_path, &files.manifest_path] {
                let _ = fs::remove_file(path);
            }
        }
        result
    }
}
