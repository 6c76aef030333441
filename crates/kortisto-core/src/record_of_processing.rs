//! The record of processing activities (GDPR Art. 30(1)) for the auditor, from the same facts
//! as the privacy notice: controller, purposes and bases, categories of data subjects and of
//! data, recipients, transfers with their safeguards, retention periods and security
//! measures — as PDF, CSV (one row per entry) and JSON (schema `kortisto-record/1`).
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::audit::Audited;
use crate::auth::{Action, Session};
use crate::notice::{self, Controller, NoticeFacts};
use crate::pdf::{self, Block};
use crate::{ids, output_file, spreadsheet, Clock, Error, Language, Register, Result};

/// One purpose with its bases.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct RecordPurpose {
    /// Its id.
    pub purpose_id: String,
    /// Its name in the record's language.
    pub name: String,
    /// Its lawful bases in words.
    pub lawful_bases: String,
    /// The consent purpose it depends on.
    pub consent_purpose: Option<String>,
}

/// One retention period.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct RecordRetention {
    /// The rule.
    pub rule_id: String,
    /// Its period in months.
    pub months: u32,
    /// Its reference in the record's language.
    pub reference: String,
}

/// The record (schema `kortisto-record/1`).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct RecordOfProcessing {
    /// Always `kortisto-record/1`.
    pub schema: String,
    /// When it was made (RFC 3339).
    pub generated_at: String,
    /// Its language.
    pub language: Language,
    /// The controller (Art. 30(1)(a)).
    pub controller: Controller,
    /// Purposes and bases (b).
    pub purposes: Vec<RecordPurpose>,
    /// Categories of data subjects (c).
    pub data_subjects: Vec<String>,
    /// Categories of personal data (c).
    pub data_categories: Vec<String>,
    /// Recipients: the processors in use (d).
    pub recipients: Vec<String>,
    /// Transfers outside the EU/EEA with their safeguards (e).
    pub transfers: Vec<String>,
    /// Retention periods (f).
    pub retention: Vec<RecordRetention>,
    /// Technical and organisational security measures (g).
    pub security_measures: Vec<String>,
}

/// The files written.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct RecordFiles {
    /// The PDF.
    pub pdf_path: String,
    /// The CSV.
    pub csv_path: String,
    /// The JSON.
    pub json_path: String,
}

fn t(l: Language, fi: &str, en: &str) -> String {
    match l {
        Language::Fi => fi.to_string(),
        Language::En => en.to_string(),
    }
}

/// The record from the register's data now.
pub(crate) fn collect(
    conn: &rusqlite::Connection,
    language: Language,
    generated_at: String,
) -> Result<RecordOfProcessing> {
    let facts = NoticeFacts::read(conn)?;
    let l = language;
    Ok(RecordOfProcessing {
        schema: "kortisto-record/1".into(),
        generated_at,
        language,
        purposes: facts
            .purposes
            .iter()
            .map(|p| RecordPurpose {
                purpose_id: p.purpose_id.clone(),
                name: p.name(l).to_string(),
                lawful_bases: p.bases_text(l),
                consent_purpose: p.consent_purpose.clone(),
            })
            .collect(),
        data_subjects: vec![t(
            l,
            "Asiakas- ja sidosryhmäorganisaatioiden yhteyshenkilöt (myös entiset ja mahdolliset)",
            "Contact persons of customer and stakeholder organisations (also former and prospective)",
        )],
        data_categories: notice::categories(l),
        recipients: facts.processor_lines(l),
        transfers: facts.transfer_lines(l),
        retention: facts
            .rules
            .iter()
            .map(|r| RecordRetention {
                rule_id: r.rule_id.clone(),
                months: r.months,
                reference: match l {
                    Language::Fi => r.reference_fi.clone(),
                    Language::En => r.reference_en.clone(),
                },
            })
            .collect(),
        security_measures: facts.security_lines(l),
        controller: facts.controller,
    })
}

fn none_if_empty(list: &[String], l: Language) -> Vec<String> {
    if list.is_empty() {
        vec![t(l, "Ei yhtään.", "None.")]
    } else {
        list.to_vec()
    }
}

/// Rows of the CSV: section, entry, detail.
fn rows(r: &RecordOfProcessing) -> Vec<[String; 3]> {
    let l = r.language;
    let c = &r.controller;
    let mut out = vec![
        [
            t(l, "Rekisterinpitäjä", "Controller"),
            t(l, "Nimi", "Name"),
            c.name.clone(),
        ],
        [
            t(l, "Rekisterinpitäjä", "Controller"),
            t(l, "Y-tunnus", "Business ID"),
            c.business_id.clone(),
        ],
        [
            t(l, "Rekisterinpitäjä", "Controller"),
            t(l, "Osoite", "Address"),
            c.address.clone(),
        ],
        [
            t(l, "Rekisterinpitäjä", "Controller"),
            t(l, "Tietosuojayhteys", "Data-protection contact"),
            c.contact.clone(),
        ],
        [
            t(l, "Rekisterinpitäjä", "Controller"),
            t(l, "Vastuuhenkilö", "Contact person"),
            c.responsible.clone(),
        ],
    ];
    for p in &r.purposes {
        out.push([
            t(l, "Käyttötarkoitus", "Purpose"),
            p.name.clone(),
            p.lawful_bases.clone(),
        ]);
    }
    for s in &r.data_subjects {
        out.push([
            t(l, "Rekisteröityjen ryhmä", "Data subjects"),
            s.clone(),
            String::new(),
        ]);
    }
    for s in &r.data_categories {
        out.push([
            t(l, "Tietoryhmä", "Data category"),
            s.clone(),
            String::new(),
        ]);
    }
    for s in none_if_empty(&r.recipients, l) {
        out.push([t(l, "Vastaanottaja", "Recipient"), s, String::new()]);
    }
    for s in none_if_empty(&r.transfers, l) {
        out.push([
            t(
                l,
                "Siirto EU:n/ETA:n ulkopuolelle",
                "Transfer outside the EU/EEA",
            ),
            s,
            String::new(),
        ]);
    }
    for k in &r.retention {
        out.push([
            t(l, "Säilytysaika", "Retention period"),
            format!("{} {}", k.months, t(l, "kuukautta", "months")),
            k.reference.clone(),
        ]);
    }
    for s in &r.security_measures {
        out.push([
            t(l, "Turvatoimi", "Security measure"),
            s.clone(),
            String::new(),
        ]);
    }
    out
}

fn document(r: &RecordOfProcessing) -> Vec<Block> {
    let l = r.language;
    let mut b = vec![
        Block::Title(t(
            l,
            "Seloste käsittelytoimista (GDPR 30 art.)",
            "Record of processing activities (GDPR Art. 30)",
        )),
        Block::Paragraph(format!(
            "{} — {}",
            r.controller.name,
            r.generated_at.get(..10).unwrap_or(&r.generated_at)
        )),
    ];
    let mut section = String::new();
    for [s, entry, detail] in rows(r) {
        if s != section {
            b.push(Block::Heading(s.clone()));
            section = s;
        }
        b.push(Block::Paragraph(if detail.is_empty() {
            format!("• {entry}")
        } else {
            format!("• {entry}: {detail}")
        }));
    }
    b
}

impl Register {
    /// Writes the record of processing as PDF, CSV and JSON into `out_dir` (admin;
    /// audited); all three or none.
    pub fn record_of_processing(
        &mut self,
        session: &Session,
        language: Language,
        out_dir: &Path,
        clock: &dyn Clock,
    ) -> Result<RecordFiles> {
        self.authorize(session, Action::RecordOfProcessing)?;
        let data_dir = self.data_dir().path().to_path_buf();
        let mut written: Vec<PathBuf> = Vec::new();
        let result = self.write(Some(session), Action::RecordOfProcessing, clock, |tx| {
            let record = collect(tx, language, ids::timestamp(clock))?;
            let l = language;
            let header = [
                t(l, "Osa", "Section"),
                t(l, "Kohta", "Entry"),
                t(l, "Tarkenne", "Detail"),
            ];
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            let csv = spreadsheet::csv(&header, rows(&record));
            let json =
                serde_json::to_vec_pretty(&record).map_err(|e| Error::Storage(e.to_string()))?;
            let title = t(
                l,
                "Seloste käsittelytoimista",
                "Record of processing activities",
            );
            let pdf_bytes = pdf::render(
                &document(&record),
                &title,
                &format!("Kortisto — {}", record.controller.name),
            );
            let stem = format!(
                "{}-{}-{}",
                t(l, "seloste-kasittelytoimista", "record-of-processing"),
                &record.generated_at[..10],
                l.code()
            );
            let files = vec![
                (out_dir.join(format!("{stem}.pdf")), pdf_bytes),
                (out_dir.join(format!("{stem}.csv")), csv),
                (out_dir.join(format!("{stem}.json")), json),
            ];
            output_file::write_all_or_nothing(&data_dir, out_dir, &files)?;
            written = files.iter().map(|(p, _)| p.clone()).collect();
            let result = RecordFiles {
                pdf_path: files[0].0.display().to_string(),
                csv_path: files[1].0.display().to_string(),
                json_path: files[2].0.display().to_string(),
            };
            Ok((result, Audited::record("record_of_processing", &stem)))
        });
        if result.is_err() {
            for path in &written {
                let _ = std::fs::remove_file(path);
            }
        }
        result
    }
}
