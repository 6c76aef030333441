//! One file per `kortisto` subcommand; each file's `Args` doc comments are its help text.
pub mod audit;
pub mod backup;
pub mod bench;
pub mod consent;
pub mod contact;
pub mod controller;
pub mod deal;
pub mod demo;
pub mod device;
pub mod disclose;
pub mod element;
pub mod erase;
pub mod export;
pub mod extract;
pub mod hub;
pub mod import;
pub mod init;
pub mod legal_hold;
pub mod marketing;
pub mod meeting;
pub mod notice;
pub mod objection;
pub mod org;
pub mod person;
pub mod position;
pub mod processor;
pub mod purpose;
pub mod recover;
pub mod redaction;
pub mod rekey;
pub mod repair;
pub mod request;
pub mod restore;
pub mod restriction;
pub mod retention;
pub mod search;
pub mod status;
pub mod sync;
pub mod training;
pub mod user;

use kortisto_core::organisations::ListPage;
use kortisto_core::{format_finnish, Result};
use serde::Serialize;
use serde_json::Value;

/// A record as JSON with its id also under `id` (the short name scripts rely on), copied
/// from the record's own id field (`person_id`, `organisation_id`, …).
pub fn with_id<T: Serialize>(record: &T, id_field: &str) -> Value {
    let mut value = serde_json::to_value(record).expect("records serialise");
    if let Value::Object(map) = &mut value {
        if let Some(id) = map.get(id_field).cloned() {
            map.insert("id".into(), id);
        }
    }
    value
}

/// A list of records as a JSON array, each with its `id` (see [`with_id`]).
pub fn all_with_id<T: Serialize>(records: &[T], id_field: &str) -> Value {
    Value::Array(records.iter().map(|r| with_id(r, id_field)).collect())
}

/// An ISO date (`2026-11-27`) in Finnish form (`27.11.2026`); other text as it is.
pub fn finnish_date(iso: &str) -> String {
    iso.parse()
        .map(format_finnish)
        .unwrap_or_else(|_| iso.to_string())
}

/// An optional ISO date in Finnish form, or empty.
pub fn finnish_date_opt(iso: Option<&str>) -> String {
    iso.map(finnish_date).unwrap_or_default()
}

/// A date range `1.2.2026–31.12.2026` (either end may be open).
pub fn date_range(start: Option<&str>, end: Option<&str>) -> String {
    match (start, end) {
        (None, None) => String::new(),
        (start, end) => format!("{}–{}", finnish_date_opt(start), finnish_date_opt(end)),
    }
}

/// An RFC 3339 instant in local time, Finnish form: `27.11.2026 14.30`.
pub fn local_time(rfc3339: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(rfc3339) {
        Ok(at) => {
            let local = at.with_timezone(&chrono::Local);
            format!(
                "{} {}",
                format_finnish(local.date_naive()),
                local.format("%H.%M")
            )
        }
        Err(_) => rfc3339.to_string(),
    }
}

/// `--offset` and `--limit` of a list command; without `--limit` the whole list is read, a
/// page of 1000 at a time, so 100,000 people come out without one huge query.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Skip this many.
    #[arg(long, default_value_t = 0)]
    pub offset: u64,
    /// At most this many (default: all).
    #[arg(long)]
    pub limit: Option<u64>,
}

/// The core's largest page.
const PAGE: u64 = 1000;

impl ListArgs {
    /// Reads the requested part of a list through `page(offset, limit)`.
    pub fn collect<T>(
        &self,
        mut page: impl FnMut(u64, u64) -> Result<ListPage<T>>,
    ) -> Result<Vec<T>> {
        let mut items = Vec::new();
        let mut offset = self.offset;
        loop {
            let wanted = match self.limit {
                Some(limit) => (limit - items.len() as u64).min(PAGE),
                None => PAGE,
            };
            if wanted == 0 {
                return Ok(items);
            }
            let got = page(offset, wanted)?.items;
            let short = (got.len() as u64) < wanted;
            offset += got.len() as u64;
            items.extend(got);
            if short {
                return Ok(items);
            }
        }
    }
}

/// A record's history, one change a line (`27.11.2026 14.30  Admin  Aihe: old → new`),
/// or a sentence when there is none.
pub fn history_lines(
    history: &[kortisto_core::history::HistoryEntry],
    l: kortisto_core::Language,
) -> String {
    if history.is_empty() {
        return crate::output::pick(l, "Ei muutoksia.", "No changes.");
    }
    history
        .iter()
        .map(|h| {
            format!(
                "{}\t{}\t{}",
                local_time(&h.changed_at),
                h.changed_by_name,
                history_change(h, l)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One change as `Field: old → new` in the language's words: the field named as the app
/// names it (never its internal name), a person or an organisation by name, a day and an
/// instant in Finnish form, a kind or a status by its word.
pub fn history_change(
    h: &kortisto_core::history::HistoryEntry,
    l: kortisto_core::Language,
) -> String {
    let value = |value: Option<&str>, label: Option<&str>| match (value, label) {
        (None, _) => "–".to_string(),
        (Some(_), Some(label)) => label.to_string(),
        (Some(value), None) => history_value(&h.record_kind, &h.field, value, l),
    };
    format!(
        "{}: {} → {}",
        history_field(&h.record_kind, &h.field, l),
        value(h.old_value.as_deref(), h.old_label.as_deref()),
        value(h.new_value.as_deref(), h.new_label.as_deref())
    )
}

/// A history field's name in the language (as the app's history table names it).
pub fn history_field(record_kind: &str, field: &str, l: kortisto_core::Language) -> String {
    let (fi, en) = match field {
        "surname" => ("Sukunimi", "Surname"),
        "first_name" => ("Etunimi", "First name"),
        "other_first_names" => ("Muut etunimet", "Other first names"),
        "name" if record_kind == "processor" => ("Käsittelijä", "Processor"),
        "name" => ("Organisaation nimi", "Organisation name"),
        "kind" => ("Laji", "Kind"),
        "parent_id" => ("Emo-organisaatio", "Parent organisation"),
        "business_id" => ("Y-tunnus", "Business ID"),
        "customer_since" => ("Asiakkuus alkanut", "Customer since"),
        "customer_until" => ("Asiakkuus päättynyt", "Customer until"),
        "position" => ("Tehtävä", "Position"),
        "contact.address" => ("Osoite", "Address"),
        "contact.phone" => ("Puhelin", "Phone"),
        "contact.mobile" => ("Matkapuhelin", "Mobile"),
        "contact.email" => ("Sähköposti", "E-mail"),
        "contact.social" => ("Some", "Social media"),
        "position.title" => ("Tehtävänimike", "Title"),
        "position.organisation" => ("Tehtävän organisaatio", "Organisation of the position"),
        "position.job_description" => ("Tehtävänkuvaus", "Job description"),
        "position.start_on" => ("Tehtävä alkoi", "Position started"),
        "position.end_on" => ("Tehtävä päättyi", "Position ended"),
        f if f.starts_with("contact.") && f.ends_with(".retired") => (
            "Yhteystieto ei enää voimassa",
            "Contact data no longer valid",
        ),
        "restriction" => ("Käsittelyn rajoitus", "Restriction of processing"),
        "objection" => ("Vastustus", "Objection"),
        "at" => ("Tapaamisen aika", "Time of the meeting"),
        "subject" => ("Aihe", "Subject"),
        "notes" => ("Muistiinpanot", "Notes"),
        "participant" => ("Osallistuja", "Participant"),
        "deleted" if record_kind == "meeting" => ("Tapaaminen poistettu", "Meeting deleted"),
        "deleted" => ("Poistettu", "Deleted"),
        "status" => ("Tila", "Status"),
        "title" => ("Otsikko", "Title"),
        "organisation_id" => ("Organisaatio", "Organisation"),
        "start_on" => ("Alkoi", "Started"),
        "end_on" => ("Päättyi", "Ended"),
        "person" => ("Henkilö", "Person"),
        "prospect" => ("Prospekti", "Prospect"),
        "merged_from" => ("Yhdistetty organisaatiosta", "Merged from organisation"),
        "service" => ("Palvelu", "Service"),
        "purpose" => ("Käsittelyn tarkoitus", "Purpose of processing"),
        "agreement_reference" => ("Käsittelysopimuksen tunniste", "Agreement reference"),
        "agreement_date" => ("Sopimuksen päivä", "Agreement date"),
        "processing_location" => ("Missä tietoja käsitellään", "Where data is processed"),
        "ended_on" => ("Päättyi", "Ended"),
        "processor_id" => ("Käsittelijä", "Processor"),
        "country" => ("Maa", "Country"),
        "legal_basis" => ("Siirtoperuste", "Legal basis"),
        "basis_detail" => ("Tarkennus", "Detail"),
        "dpf_certified" => ("DPF-sertifioitu", "DPF certified"),
        "since_on" => ("Alkaen", "Since"),
        other => (other, other),
    };
    crate::output::pick(l, fi, en)
}

/// A history value that is not an id: an instant or a day in Finnish form, a kind, a status,
/// a purpose or a yes/no by its word; free text as it is.
fn history_value(
    record_kind: &str,
    field: &str,
    value: &str,
    l: kortisto_core::Language,
) -> String {
    let word = |fi: &str, en: &str| crate::output::pick(l, fi, en);
    match (record_kind, field, value) {
        ("meeting", "at" | "deleted", _) => local_time(value),
        (_, "prospect" | "dpf_certified", "true") => word("kyllä", "yes"),
        (_, "prospect" | "dpf_certified", "false") => word("ei", "no"),
        ("transfer", "processor_id", _) => word("(käsittelijä poistettu)", "(processor removed)"),
        ("meeting" | "deal", "participant" | "person", _) => word(
            "(henkilö poistettu rekisteristä)",
            "(person removed from the register)",
        ),
        (_, "organisation_id" | "parent_id", _) => word(
            "(organisaatio poistettu rekisteristä)",
            "(organisation removed from the register)",
        ),
        _ => slug_word(record_kind, field, value, l).unwrap_or_else(|| finnish_date(value)),
    }
}

/// The word for a kind, a status, a purpose or a contact kind the register stores as a slug
/// (`web-meeting`, `won`, `direct-marketing`, `phone`), so text output never shows the slug;
/// None for any other value.
pub fn slug_word(
    record_kind: &str,
    field: &str,
    value: &str,
    l: kortisto_core::Language,
) -> Option<String> {
    let (fi, en) = match (record_kind, field, value) {
        (_, "objection" | "purpose", "direct-marketing") => {
            ("suoramarkkinointi", "direct marketing")
        }
        ("meeting", "kind", "meeting") => ("tapaaminen", "meeting"),
        ("meeting", "kind", "call") => ("puhelu", "call"),
        ("meeting", "kind", "email") => ("sähköposti", "e-mail"),
        ("meeting", "kind", "visit") => ("käynti", "visit"),
        ("meeting", "kind", "web-meeting") => ("verkkotapaaminen", "web meeting"),
        ("deal", "status", "open") => ("avoin", "open"),
        ("deal", "status", "active") => ("voimassa", "active"),
        ("deal", "status", "won") => ("voitettu", "won"),
        ("deal", "status", "lost") => ("hävitty", "lost"),
        ("deal", "status", "ended") => ("päättynyt", "ended"),
        ("deal", "status", "cancelled") => ("peruttu", "cancelled"),
        ("deal", "kind", "delivery-contract") => ("toimitussopimus", "delivery contract"),
        ("deal", "kind", "service-contract") => ("palvelusopimus", "service contract"),
        ("deal", "kind", "offer") => ("tarjous", "offer"),
        ("deal", "kind", "rfq") => ("tarjouspyyntö", "request for quotation"),
        ("deal", "kind", "lead") => ("liidi", "lead"),
        ("deal", "kind", "info-request") => ("tietopyyntö", "information request"),
        ("organisation", "kind", "company") => ("yritys", "company"),
        ("organisation", "kind", "unit") => ("yksikkö", "unit"),
        ("organisation", "kind", "public-body") => ("julkisyhteisö", "public body"),
        ("organisation", "kind", "association") => ("yhdistys", "association"),
        ("organisation", "kind", "sole-trader") => ("toiminimi", "sole trader"),
        ("contact", "kind", "address") => ("osoite", "address"),
        ("contact", "kind", "phone") => ("puhelin", "phone"),
        ("contact", "kind", "mobile") => ("matkapuhelin", "mobile"),
        ("contact", "kind", "email") => ("sähköposti", "e-mail"),
        ("contact", "kind", "social") => ("some", "social media"),
        ("transfer", "legal_basis", "adequacy-decision") => (
            "tietosuojan riittävyyttä koskeva päätös",
            "adequacy decision",
        ),
        ("transfer", "legal_basis", "standard-contractual-clauses") => (
            "vakiolausekkeet (SCC)",
            "standard contractual clauses (SCC)",
        ),
        ("transfer", "legal_basis", "binding-corporate-rules") => (
            "yritystä koskevat sitovat säännöt (BCR)",
            "binding corporate rules (BCR)",
        ),
        ("transfer", "legal_basis", "derogation") => ("poikkeus (49 art.)", "derogation (Art. 49)"),
        ("transfer", "legal_basis", "privacy-shield") => (
            "EU–US Privacy Shield (ei kelpaa)",
            "EU–US Privacy Shield (invalid)",
        ),
        ("legal_hold", "record_kind", "person") => ("henkilö", "person"),
        ("legal_hold", "record_kind", "organisation") => ("organisaatio", "organisation"),
        ("legal_hold", "record_kind", "deal") => ("kauppa", "deal"),
        _ => return None,
    };
    Some(crate::output::pick(l, fi, en))
}

/// [`slug_word`], or the value itself when it has no word.
pub fn word_for(record_kind: &str, field: &str, value: &str, l: kortisto_core::Language) -> String {
    slug_word(record_kind, field, value, l).unwrap_or_else(|| value.to_string())
}
