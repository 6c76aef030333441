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
pub mod extract;
pub mod hub;
pub mod init;
pub mod legal_hold;
pub mod marketing;
pub mod meeting;
pub mod objection;
pub mod org;
pub mod person;
pub mod position;
pub mod processor;
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

/// A record's history, one change a line (`27.11.2026 14.30  Admin  subject: old → new`),
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
                "{}\t{}\t{}: {} → {}",
                local_time(&h.changed_at),
                h.changed_by_name,
                h.field,
                h.old_value.as_deref().unwrap_or("–"),
                h.new_value.as_deref().unwrap_or("–")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}
