//! Export of people: a selection or a search result as vCard 4.0, CSV or JSON, and one
//! person's portability export (GDPR Art. 20: JSON + vCard); every exported person is a read.
//!
//! vCard is written here (RFC 6350): UTF-8, CRLF line ends, lines folded at 75 octets without
//! splitting a character, `\`, `,`, `;` and line breaks escaped in values. CSV goes through
//! the one spreadsheet-safe writer (`spreadsheet::csv`). A restricted person (Art. 18) is left
//! out of a selection's export; their own portability export is their right and is written.
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::audit::Audited;
use crate::auth::{Action, Session};
use crate::consent::{ConsentEvent, ExportedFile};
use crate::output_file::{self, Existing};
use crate::people::{not_found, Contact, ContactKind, Person, Position};
use crate::{spreadsheet, store, Clock, Error, Language, Register, Result};

/// The file format of an export of people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum PeopleExportFormat {
    /// vCard 4.0 (`.vcf`): address books, phones, mail programs.
    Vcard,
    /// CSV for a spreadsheet (`;`, UTF-8 with BOM, formula-safe cells).
    Csv,
    /// JSON (schema `kortisto-people/1`).
    Json,
}

named!(PeopleExportFormat, |_| Error::FieldInvalid { field: "format".into(), rule: "export_format".into() }, {
    Vcard => "vcard",
    Csv => "csv",
    Json => "json",
});

/// Which people to export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum PeopleSelection {
    /// These people (a selection on a list).
    People {
        /// Their ids, in the order to export.
        person_ids: Vec<String>,
    },
    /// Those a search finds (people only, at most [`EXPORT_MAX`]).
    Search {
        /// What was typed.
        query: String,
    },
}

/// The most people one export holds.
pub const EXPORT_MAX: usize = 10_000;

/// One exported person: who they are, how to reach them, where they work.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ExportedPerson {
    /// The person.
    pub person: Person,
    /// Contact data in use (data marked no longer valid is left out).
    pub contacts: Vec<Contact>,
    /// Positions, current and ended.
    pub positions: Vec<Position>,
}

/// The JSON of an export of people (schema `kortisto-people/1`).
#[derive(Debug, Clone, Serialize)]
struct PeopleFile<'a> {
    schema: &'static str,
    generated_at: String,
    people: &'a [ExportedPerson],
}

/// A person's portability export (GDPR Art. 20, schema `kortisto-portability/1`): the data
/// they gave or that was recorded of them as a contact, in a machine-readable form.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct PortabilityExport {
    /// `kortisto-portability/1`.
    pub schema: String,
    /// When it was made (RFC 3339).
    pub generated_at: String,
    /// Who they are, how to reach them, where they work.
    pub person: ExportedPerson,
    /// Their consents and withdrawals, in the order recorded.
    pub consent_events: Vec<ConsentEvent>,
}

/// What a portability export wrote.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct PortabilityFiles {
    /// The JSON file.
    pub json_path: String,
    /// The vCard file.
    pub vcard_path: String,
}

// ---------------------------------------------------------------------------------------
// vCard 4.0
// ---------------------------------------------------------------------------------------

/// A property value with `\`, `,`, `;` and line breaks escaped (RFC 6350 §3.4).
pub fn vcard_escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// One content line folded at 75 octets (continuation lines start with a space, which
/// counts), never inside a character, ended by CRLF.
pub fn vcard_fold(line: &str) -> String {
    const MAX: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / MAX * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
    out
}

/// `20261127T100000Z` from an RFC 3339 instant (vCard's timestamp form).
fn vcard_timestamp(rfc3339: &str) -> Option<String> {
    let at = chrono::DateTime::parse_from_rfc3339(rfc3339).ok()?;
    Some(
        at.with_timezone(&chrono::Utc)
            .format("%Y%m%dT%H%M%SZ")
            .to_string(),
    )
}

/// One person as a vCard 4.0.
pub fn vcard(exported: &ExportedPerson) -> String {
    let p = &exported.person;
    let mut lines: Vec<String> = vec!["BEGIN:VCARD".into(), "VERSION:4.0".into()];
    lines.push(format!("UID:urn:uuid:{}", p.person_id));
    let full = match &p.other_first_names {
        Some(other) if !other.is_empty() => format!("{} {} {}", p.first_name, other, p.surname),
        _ => format!("{} {}", p.first_name, p.surname),
    };
    lines.push(format!("FN:{}", vcard_escape(&full)));
    lines.push(format!(
        "N:{};{};{};;",
        vcard_escape(&p.surname),
        vcard_escape(&p.first_name),
        vcard_escape(p.other_first_names.as_deref().unwrap_or(""))
    ));
    for position in exported.positions.iter().filter(|pos| pos.end_on.is_none()) {
        lines.push(format!("ORG:{}", vcard_escape(&position.organisation_name)));
        if !position.title.is_empty() {
            lines.push(format!("TITLE:{}", vcard_escape(&position.title)));
        }
    }
    // E-mails, phones, mobiles, addresses, social profiles: each kind in the order kept.
    let rank = |kind: ContactKind| match kind {
        ContactKind::Email => 0,
        ContactKind::Phone => 1,
        ContactKind::Mobile => 2,
        ContactKind::Address => 3,
        ContactKind::Social => 4,
    };
    let mut contacts: Vec<&Contact> = exported.contacts.iter().collect();
    contacts.sort_by_key(|c| rank(c.kind));
    for contact in contacts {
        let label = contact
            .label
            .as_deref()
            .filter(|l| !l.is_empty())
            .map(|l| format!(";LABEL=\"{}\"", l.replace(['"', '\r', '\n'], "")))
            .unwrap_or_default();
        let line = match contact.kind {
            ContactKind::Email => format!("EMAIL{label}:{}", vcard_escape(&contact.value)),
            ContactKind::Phone => format!(
                "TEL;VALUE=uri;TYPE=voice{label}:tel:{}",
                contact.value.replace(' ', "")
            ),
            ContactKind::Mobile => format!(
                "TEL;VALUE=uri;TYPE=cell{label}:tel:{}",
                contact.value.replace(' ', "")
            ),
            // One line of text: the street part of a structured address.
            ContactKind::Address => format!("ADR{label}:;;{};;;;", vcard_escape(&contact.value)),
            ContactKind::Social => {
                let service = contact
                    .social_kind
                    .as_deref()
                    .map(|s| format!(";TYPE={}", vcard_escape(&s.to_lowercase())))
                    .unwrap_or_default();
                format!("X-SOCIALPROFILE{service}:{}", vcard_escape(&contact.value))
            }
        };
        lines.push(line);
    }
    if let Some(rev) = vcard_timestamp(&p.updated_at) {
        lines.push(format!("REV:{rev}"));
    }
    lines.push("END:VCARD".into());
    lines.iter().map(|line| vcard_fold(line)).collect()
}

// ---------------------------------------------------------------------------------------
// CSV and JSON
// ---------------------------------------------------------------------------------------

/// People as CSV (the one writer, `spreadsheet::csv`), headed in `language`: names, the
/// current organisations and titles, e-mails, phones, mobiles and addresses (several in one
/// cell, separated by `, `; addresses by ` / `).
pub fn people_csv(people: &[ExportedPerson], language: Language) -> Vec<u8> {
    let header: &[&str] = match language {
        Language::Fi => &[
            "Sukunimi",
            "Etunimi",
            "Muut etunimet",
            "Organisaatio",
            "Tehtävä",
            "Sähköposti",
            "Puhelin",
            "Matkapuhelin",
            "Osoite",
        ],
        Language::En => &[
            "Surname",
            "First name",
            "Other first names",
            "Organisation",
            "Title",
            "E-mail",
            "Phone",
            "Mobile",
            "Address",
        ],
    };
    spreadsheet::csv(
        header,
        people.iter().map(|e| {
            let current: Vec<&Position> =
                e.positions.iter().filter(|p| p.end_on.is_none()).collect();
            let of = |kind: ContactKind, separator: &str| {
                e.contacts
                    .iter()
                    .filter(|c| c.kind == kind)
                    .map(|c| c.value.as_str())
                    .collect::<Vec<_>>()
                    .join(separator)
            };
            [
                e.person.surname.clone(),
                e.person.first_name.clone(),
                e.person.other_first_names.clone().unwrap_or_default(),
                current
                    .iter()
                    .map(|p| p.organisation_name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                current
                    .iter()
                    .map(|p| p.title.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                of(ContactKind::Email, ", "),
                of(ContactKind::Phone, ", "),
                of(ContactKind::Mobile, ", "),
                of(ContactKind::Address, " / "),
            ]
        }),
    )
}

fn json_bytes<T: Serialize>(value: &T) -> Result<Vec<u8>> {
    serde_json::to_vec_pretty(value).map_err(|e| Error::Storage(e.to_string()))
}

/// One person's data to export, or None when they are not in the register.
fn exported_person(conn: &rusqlite::Connection, person_id: &str) -> Result<Option<ExportedPerson>> {
    let Some(person) = store::people::person(conn, person_id)? else {
        return Ok(None);
    };
    let contacts = store::people::contacts_of(conn, Some(person_id), None)?
        .into_iter()
        .filter(|c| c.retired_at.is_none())
        .collect();
    Ok(Some(ExportedPerson {
        person,
        contacts,
        positions: store::people::positions_of(conn, person_id)?,
    }))
}

impl Register {
    /// Writes the selected people to `out` as vCard, CSV or JSON (admin, office; audited as
    /// `export`, every person in the file a read of them). People under a restriction of
    /// processing are left out; a person not in the register is `record_not_found` and
    /// nothing is written. The file is owner-only and written whole or not at all, never
    /// inside the data folder (see `output_file`).
    pub fn export_people(
        &mut self,
        session: &Session,
        selection: &PeopleSelection,
        format: PeopleExportFormat,
        language: Language,
        out: &Path,
        clock: &dyn Clock,
    ) -> Result<ExportedFile> {
        self.authorize(session, Action::Export)?;
        output_file::check_outside(self.data_dir().path(), output_file::folder_of(out))?;
        if let PeopleSelection::People { person_ids } = selection {
            if person_ids.is_empty() || person_ids.len() > EXPORT_MAX {
                return Err(Error::FieldInvalid {
                    field: "person_ids".into(),
                    rule: "export_count".into(),
                });
            }
        }
        let generated_at = crate::ids::timestamp(clock);
        let people = self.write(Some(session), Action::Export, clock, |tx| {
            let ids: Vec<String> = match selection {
                PeopleSelection::People { person_ids } => person_ids.clone(),
                PeopleSelection::Search { query: typed } => {
                    let query =
                        crate::search::fts_query(typed).ok_or_else(|| Error::FieldInvalid {
                            field: "query".into(),
                            rule: "export_query".into(),
                        })?;
                    store::search::search(tx, &query, typed, EXPORT_MAX as u32)?
                        .into_iter()
                        .filter(|hit| hit.record_kind == "person")
                        .map(|hit| hit.record_id)
                        .collect()
                }
            };
            let mut people = Vec::with_capacity(ids.len());
            let mut seen = std::collections::HashSet::new();
            for id in &ids {
                if !seen.insert(id.as_str()) {
                    continue;
                }
                let person = exported_person(tx, id)?.ok_or_else(|| not_found("person", id))?;
                if store::restriction::in_force(tx, id)?.is_some() {
                    continue;
                }
                people.push(person);
            }
            let audited = Audited::people(people.iter().map(|p| p.person.person_id.as_str()));
            Ok((people, audited))
        })?;
        let bytes = match format {
            PeopleExportFormat::Vcard => people.iter().map(vcard).collect::<String>().into_bytes(),
            PeopleExportFormat::Csv => people_csv(&people, language),
            PeopleExportFormat::Json => json_bytes(&PeopleFile {
                schema: "kortisto-people/1",
                generated_at,
                people: &people,
            })?,
        };
        output_file::write(self.data_dir().path(), out, &bytes, Existing::Replace)?;
        Ok(ExportedFile {
            path: out.display().to_string(),
            count: people.len() as u64,
        })
    }

    /// Reads one person's portability export (admin), audited as `portability_export`: a
    /// read of them.
    fn portability_read(
        &mut self,
        session: &Session,
        person_id: &str,
        clock: &dyn Clock,
    ) -> Result<PortabilityExport> {
        let generated_at = crate::ids::timestamp(clock);
        self.write(Some(session), Action::PortabilityExport, clock, |tx| {
            let person =
                exported_person(tx, person_id)?.ok_or_else(|| not_found("person", person_id))?;
            let export = PortabilityExport {
                schema: "kortisto-portability/1".into(),
                generated_at: generated_at.clone(),
                consent_events: store::consent::consent_events(tx, person_id)?,
                person,
            };
            Ok((export, Audited::record("person", person_id).seen()))
        })
    }

    /// A person's portability export (GDPR Art. 20; admin, as the access extract) as one
    /// file in `format` (JSON: the `kortisto-portability/1` schema; vCard; CSV: one row).
    pub fn portability_file(
        &mut self,
        session: &Session,
        person_id: &str,
        format: PeopleExportFormat,
        language: Language,
        out: &Path,
        clock: &dyn Clock,
    ) -> Result<ExportedFile> {
        self.authorize(session, Action::PortabilityExport)?;
        output_file::check_outside(self.data_dir().path(), output_file::folder_of(out))?;
        let export = self.portability_read(session, person_id, clock)?;
        let bytes = match format {
            PeopleExportFormat::Json => json_bytes(&export)?,
            PeopleExportFormat::Vcard => vcard(&export.person).into_bytes(),
            PeopleExportFormat::Csv => people_csv(std::slice::from_ref(&export.person), language),
        };
        output_file::write(self.data_dir().path(), out, &bytes, Existing::Replace)?;
        Ok(ExportedFile {
            path: out.display().to_string(),
            count: 1,
        })
    }

    /// A person's portability export (GDPR Art. 20; admin) as the person page writes it: a
    /// JSON file and a vCard in `out_dir`, named by the day and the person's id, from one
    /// audited read. Both or neither: the JSON is removed when the vCard cannot be written.
    pub fn portability_export(
        &mut self,
        session: &Session,
        person_id: &str,
        out_dir: &Path,
        clock: &dyn Clock,
    ) -> Result<PortabilityFiles> {
        self.authorize(session, Action::PortabilityExport)?;
        output_file::check_outside(self.data_dir().path(), out_dir)?;
        let export = self.portability_read(session, person_id, clock)?;
        let day = export.generated_at.get(..10).unwrap_or("").to_string();
        let stem = format!("kortisto-siirto-{day}-{person_id}");
        let json_path: PathBuf = out_dir.join(format!("{stem}.json"));
        let vcard_path: PathBuf = out_dir.join(format!("{stem}.vcf"));
        let data_dir = self.data_dir().path().to_path_buf();
        output_file::write(
            &data_dir,
            &json_path,
            &json_bytes(&export)?,
            Existing::Replace,
        )?;
        if let Err(error) = output_file::write(
            &data_dir,
            &vcard_path,
            vcard(&export.person).as_bytes(),
            Existing::Replace,
        ) {
            let _ = std::fs::remove_file(&json_path);
            return Err(error);
        }
        Ok(PortabilityFiles {
            json_path: json_path.display().to_string(),
            vcard_path: vcard_path.display().to_string(),
        })
    }
}
