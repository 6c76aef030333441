//! Moving contacts in from files (R8, issue #14): vCard and CSV files as real programs write
//! them, the dry run that says row by row what an import would do, and the import itself.
//!
//! Nothing is saved by [`Register::import_plan`]; [`Register::import_commit`] plans each
//! batch again inside its own transaction (the register may have changed since the dry run)
//! and adds the rows that are new, so importing the same file twice adds no one: a row is the
//! same as an existing person by the vCard UID it was imported with, else by e-mail or phone.
use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::audit::Audited;
use crate::auth::{Action, Session};
use crate::organisations::{insert_organisation, OrganisationInput};
use crate::people::{
    insert_person, insert_position, ContactInput, ContactKind, PersonInput, PositionInput,
};
use crate::redaction::fold;
use crate::sources::SourceInput;
use crate::{store, validate, Clock, Error, Language, Register, Result};

mod table;
mod vcard;

/// The largest file read (a phone's export with photos is a few megabytes).
pub const MAX_FILE_MB: u64 = 100;
/// People added per committed transaction: a stop leaves whole batches, so whole people.
pub const BATCH_SIZE: usize = 200;

/// A person as a file describes them, before any check.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportedPerson {
    /// The vCard UID (or a CSV column mapped to `uid`).
    pub uid: Option<String>,
    /// Surname.
    pub surname: String,
    /// First name.
    pub first_name: String,
    /// Other first names.
    pub other_first_names: Option<String>,
    /// Organisations, in the file's order.
    pub organisations: Vec<String>,
    /// Titles, in the file's order (the first goes with the first organisation).
    pub titles: Vec<String>,
    /// E-mail addresses.
    pub emails: Vec<String>,
    /// Phone numbers (not mobiles).
    pub phones: Vec<String>,
    /// Mobile numbers.
    pub mobiles: Vec<String>,
}

/// Why a row of an import is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum ImportReason {
    /// An earlier import brought in the same vCard UID.
    SameUid,
    /// The same e-mail address.
    SameEmail,
    /// The same phone number.
    SamePhone,
    /// An earlier row of the same file has the same UID, e-mail or phone.
    SameInFile,
    /// The same name (without accents and case) at the same organisation.
    SameNameInOrganisation,
    /// The e-mail belonged to someone who was erased and opted out of marketing.
    ErasedOptOut,
    /// The card has no `END:VCARD` (the file was cut off or damaged).
    NoEnd,
    /// A line of the card is not a property.
    UnreadableLine,
    /// A value of the card is longer than any contact datum.
    ValueTooLong,
    /// No surname or no first name.
    NoName,
    /// The name has characters a name cannot have.
    NameInvalid,
}

impl ImportReason {
    /// The reason in words.
    pub fn words(self, language: Language) -> &'static str {
        let fi = language == Language::Fi;
        match self {
            Self::SameUid => {
                if fi {
                    "sama vCard-tunniste (UID) kuin aiemmin tuodulla"
                } else {
                    "the same vCard UID as one imported before"
                }
            }
            Self::SameEmail => {
                if fi {
                    "sama sähköpostiosoite"
                } else {
                    "the same e-mail address"
                }
            }
            Self::SamePhone => {
                if fi {
                    "sama puhelinnumero"
                } else {
                    "the same phone number"
                }
            }
            Self::SameInFile => {
                if fi {
                    "sama henkilö on tiedostossa jo aiemmalla rivillä"
                } else {
                    "the same person is on an earlier row of the file"
                }
            }
            Self::SameNameInOrganisation => {
                if fi {
                    "sama nimi samassa organisaatiossa"
                } else {
                    "the same name at the same organisation"
                }
            }
            Self::ErasedOptOut => {
                if fi {
                    "osoite kuului poistetulle henkilölle, joka kielsi markkinoinnin; vain pääkäyttäjä voi lisätä sen"
                } else {
                    "the address belonged to an erased person who opted out of marketing; only an administrator can add it"
                }
            }
            Self::NoEnd => {
                if fi {
                    "kortilta puuttuu END:VCARD (tiedosto on katkennut tai vioittunut)"
                } else {
                    "the card has no END:VCARD (the file was cut off or damaged)"
                }
            }
            Self::UnreadableLine => {
                if fi {
                    "kortilla on rivi, joka ei ole vCard-tietoa"
                } else {
                    "the card has a line that is not vCard data"
                }
            }
            Self::ValueTooLong => {
                if fi {
                    "kortilla on liian pitkä arvo"
                } else {
                    "the card has a value that is too long"
                }
            }
            Self::NoName => {
                if fi {
                    "sukunimi tai etunimi puuttuu"
                } else {
                    "the surname or the first name is missing"
                }
            }
            Self::NameInvalid => {
                if fi {
                    "nimessä on merkkejä, joita nimessä ei voi olla"
                } else {
                    "the name has characters a name cannot have"
                }
            }
        }
    }
}

/// What importing a row does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum ImportOutcome {
    /// A new person: added.
    New,
    /// Already in the register (or earlier in the file): nothing changes.
    Same,
    /// Perhaps already in the register: added only when the user says so.
    LikelyDuplicate,
    /// An erased person's opted-out address: added only by an administrator's decision.
    Suppressed,
    /// Cannot be imported: why is in the reason.
    Invalid,
}

impl ImportOutcome {
    /// The outcome in words.
    pub fn words(self, language: Language) -> &'static str {
        let fi = language == Language::Fi;
        match self {
            Self::New => {
                if fi {
                    "uusi"
                } else {
                    "new"
                }
            }
            Self::Same => {
                if fi {
                    "on jo rekisterissä"
                } else {
                    "already in the register"
                }
            }
            Self::LikelyDuplicate => {
                if fi {
                    "mahdollinen kaksoiskappale"
                } else {
                    "likely duplicate"
                }
            }
            Self::Suppressed => {
                if fi {
                    "estolistalla"
                } else {
                    "on the suppression list"
                }
            }
            Self::Invalid => {
                if fi {
                    "virheellinen"
                } else {
                    "invalid"
                }
            }
        }
    }
}

/// A row as read from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedRow {
    /// The card's or data row's number, from 1.
    pub row: u32,
    /// The line of the file it starts on.
    pub line: u32,
    /// What it says.
    pub person: ImportedPerson,
    /// Why it cannot be imported whole, when it cannot.
    pub problem: Option<ImportReason>,
}

/// The kind of file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum ImportFormat {
    /// vCard 2.1, 3.0 or 4.0.
    Vcard,
    /// Comma-, semicolon- or tab-separated values.
    Csv,
}

/// A file read for import.
#[derive(Debug, Clone)]
pub struct ImportFile {
    /// The file's name (without its folder), recorded in each person's source.
    pub file_name: String,
    /// Its kind.
    pub format: ImportFormat,
    /// Its rows.
    pub rows: Vec<ParsedRow>,
}

impl ImportFile {
    /// Reads `path`; a CSV file's columns are `mapping`'s (a file of `Heading = field`
    /// lines) when given, else guessed from its headings.
    pub fn read(path: &Path, mapping: Option<&Path>) -> Result<ImportFile> {
        let unreadable = |e: std::io::Error| Error::ImportUnreadable {
            detail: e.kind().to_string(),
        };
        let size = std::fs::metadata(path).map_err(unreadable)?.len();
        if size > MAX_FILE_MB * 1024 * 1024 {
            return Err(Error::ImportTooLarge {
                max_mb: MAX_FILE_MB,
            });
        }
        let bytes = std::fs::read(path).map_err(unreadable)?;
        let mapping = match mapping {
            Some(path) => Some(decode_text(&std::fs::read(path).map_err(unreadable)?)),
            None => None,
        };
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Self::parse(&file_name, &bytes, mapping.as_deref())
    }

    /// Parses a file's bytes (see [`ImportFile::read`]).
    pub fn parse(file_name: &str, bytes: &[u8], mapping: Option<&str>) -> Result<ImportFile> {
        let extension = Path::new(file_name)
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let head = decode_text(&bytes[..bytes.len().min(4096)]).to_ascii_uppercase();
        let format =
            if head.contains("BEGIN:VCARD") || matches!(extension.as_str(), "vcf" | "vcard") {
                ImportFormat::Vcard
            } else if matches!(extension.as_str(), "csv" | "txt" | "tsv") {
                ImportFormat::Csv
            } else {
                return Err(Error::ImportFormatUnknown);
            };
        let rows = match format {
            ImportFormat::Vcard => vcard::parse(bytes),
            ImportFormat::Csv => {
                let mapping = mapping.map(table::parse_mapping).transpose()?;
                table::parse(bytes, mapping.as_ref())?
            }
        };
        if rows.is_empty() {
            return Err(Error::ImportEmpty);
        }
        Ok(ImportFile {
            file_name: file_name.to_string(),
            format,
            rows,
        })
    }
}

/// UTF-16 text (with a byte-order mark, or without one but with every other byte zero, as
/// some Windows exports are) decoded whole; `None` for any other file.
pub(crate) fn decode_whole(bytes: &[u8]) -> Option<String> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding != encoding_rs::UTF_8 {
            return Some(
                encoding
                    .decode_without_bom_handling(&bytes[bom..])
                    .0
                    .into_owned(),
            );
        }
        return None;
    }
    let sample = &bytes[..bytes.len().min(512)];
    let zeros = |offset: usize| {
        sample
            .iter()
            .skip(offset)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let pairs = sample.len() / 2;
    if pairs >= 4 && zeros(1) * 10 >= pairs * 9 {
        return Some(
            encoding_rs::UTF_16LE
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
        );
    }
    if pairs >= 4 && zeros(0) * 10 >= pairs * 9 {
        return Some(
            encoding_rs::UTF_16BE
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
        );
    }
    None
}

/// A whole text file: UTF-16 or UTF-8 by their marks, else UTF-8 when it is valid, else
/// Windows-1252 (what Excel and older Windows programs write in Finland).
pub(crate) fn decode_text(bytes: &[u8]) -> String {
    if let Some(text) = decode_whole(bytes) {
        return text;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// An existing person a row matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportMatch {
    /// Their id.
    pub person_id: String,
    /// Surname.
    pub surname: String,
    /// First name.
    pub first_name: String,
    /// Their current organisation.
    pub organisation_name: Option<String>,
}

/// A value of a row that is left out, and which field it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SkippedValue {
    /// `email`, `phone`, `mobile`, `organisation`, `title` or `other_first_names`.
    pub field: String,
    /// The value as the file has it.
    pub value: String,
}

/// One row of a dry run or an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportRow {
    /// The card's or data row's number, from 1.
    pub row: u32,
    /// The line of the file it starts on.
    pub line: u32,
    /// Surname (as the file has it when invalid).
    pub surname: String,
    /// First name.
    pub first_name: String,
    /// Other first names.
    pub other_first_names: Option<String>,
    /// Organisations.
    pub organisations: Vec<String>,
    /// Titles.
    pub titles: Vec<String>,
    /// Valid e-mail addresses.
    pub emails: Vec<String>,
    /// Valid phone numbers (E.164).
    pub phones: Vec<String>,
    /// Valid mobile numbers (E.164).
    pub mobiles: Vec<String>,
    /// What importing it does.
    pub outcome: ImportOutcome,
    /// Why.
    pub reason: Option<ImportReason>,
    /// The existing people it is (or may be) the same as.
    pub matches: Vec<ImportMatch>,
    /// The earlier row of the file it is the same as.
    pub same_as_row: Option<u32>,
    /// Values left out because they are not valid (the rest of the row is imported).
    pub skipped: Vec<SkippedValue>,
    /// The person the import added (none in a dry run).
    pub added_person_id: Option<String>,
}

/// How many rows have each outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportCounts {
    /// New.
    pub new: u32,
    /// Already there.
    pub same: u32,
    /// Likely duplicates.
    pub likely_duplicate: u32,
    /// On the suppression list.
    pub suppressed: u32,
    /// Invalid.
    pub invalid: u32,
}

impl ImportCounts {
    fn count(rows: &[ImportRow]) -> Self {
        let mut counts = Self::default();
        for row in rows {
            *match row.outcome {
                ImportOutcome::New => &mut counts.new,
                ImportOutcome::Same => &mut counts.same,
                ImportOutcome::LikelyDuplicate => &mut counts.likely_duplicate,
                ImportOutcome::Suppressed => &mut counts.suppressed,
                ImportOutcome::Invalid => &mut counts.invalid,
            } += 1;
        }
        counts
    }
}

/// The dry run: what importing the file would do, row by row.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ImportPlan {
    /// The file's name.
    pub file_name: String,
    /// Its kind.
    pub format: ImportFormat,
    /// Every row.
    pub rows: Vec<ImportRow>,
    /// Rows by outcome.
    pub counts: ImportCounts,
}

/// What the user confirmed.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct ImportOptions {
    /// Where the contacts came from; the file's name is added to its detail.
    pub source: SourceInput,
    /// Add likely duplicates too (the user checked them in the dry run).
    #[serde(default)]
    pub add_likely_duplicates: bool,
    /// Add rows on the suppression list too (administrators only).
    #[serde(default)]
    pub add_suppressed: bool,
}

/// What an import did.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ImportResult {
    /// The file's name.
    pub file_name: String,
    /// The rows handled (all of them unless stopped), each with the person it added.
    pub rows: Vec<ImportRow>,
    /// Rows by outcome (of the rows handled).
    pub counts: ImportCounts,
    /// People added.
    pub added: u32,
    /// Rows in the file.
    pub total: u32,
    /// Whether the user stopped it before the end.
    pub stopped: bool,
}

/// What earlier rows of the file had: their UIDs, e-mails and phones.
#[derive(Default)]
struct InFile {
    keys: HashMap<String, u32>,
}

/// The organisations by their folded name.
struct Organisations {
    by_name: HashMap<String, String>,
}

impl Organisations {
    fn load(conn: &rusqlite::Connection) -> Result<Self> {
        let mut by_name = HashMap::new();
        for (id, name) in store::import::organisation_names(conn)? {
            by_name.entry(fold(name.trim())).or_insert(id);
        }
        Ok(Self { by_name })
    }

    fn find(&self, name: &str) -> Option<&String> {
        self.by_name.get(&fold(name.trim()))
    }
}

fn skip(row: &mut ImportRow, field: &str, value: &str) {
    row.skipped.push(SkippedValue {
        field: field.into(),
        value: value.into(),
    });
}

/// Checks one row against the register and the rows before it.
fn plan_row(
    conn: &rusqlite::Connection,
    parsed: &ParsedRow,
    in_file: &mut InFile,
    organisations: &Organisations,
) -> Result<ImportRow> {
    let person = &parsed.person;
    let mut row = ImportRow {
        row: parsed.row,
        line: parsed.line,
        surname: person.surname.trim().to_string(),
        first_name: person.first_name.trim().to_string(),
        other_first_names: None,
        organisations: Vec::new(),
        titles: Vec::new(),
        emails: Vec::new(),
        phones: Vec::new(),
        mobiles: Vec::new(),
        outcome: ImportOutcome::Invalid,
        reason: parsed.problem,
        matches: Vec::new(),
        same_as_row: None,
        skipped: Vec::new(),
        added_person_id: None,
    };
    if parsed.problem.is_some() {
        return Ok(row);
    }
    if row.surname.is_empty() || row.first_name.is_empty() {
        row.reason = Some(ImportReason::NoName);
        return Ok(row);
    }
    match (
        validate::name("surname", &row.surname, 200),
        validate::name("first_name", &row.first_name, 200),
    ) {
        (Ok(surname), Ok(first_name)) => {
            row.surname = surname;
            row.first_name = first_name;
        }
        _ => {
            row.reason = Some(ImportReason::NameInvalid);
            return Ok(row);
        }
    }
    match validate::optional_name(
        "other_first_names",
        person.other_first_names.as_deref(),
        200,
    ) {
        Ok(other) => row.other_first_names = other,
        Err(_) => skip(
            &mut row,
            "other_first_names",
            person.other_first_names.as_deref().unwrap_or(""),
        ),
    }
    for value in &person.organisations {
        match validate::name("organisation", value, 200) {
            Ok(name) if !row.organisations.contains(&name) => row.organisations.push(name),
            Ok(_) => {}
            Err(_) => skip(&mut row, "organisation", value),
        }
    }
    for value in &person.titles {
        match validate::required("title", value, 200) {
            Ok(title) => row.titles.push(title),
            Err(_) => skip(&mut row, "title", value),
        }
    }
    for value in &person.emails {
        match validate::email(value) {
            Ok(email) if !row.emails.iter().any(|e| e.eq_ignore_ascii_case(&email)) => {
                row.emails.push(email)
            }
            Ok(_) => {}
            Err(_) => skip(&mut row, "email", value),
        }
    }
    for (field, values) in [("phone", &person.phones), ("mobile", &person.mobiles)] {
        for value in values {
            match validate::phone(field, value) {
                Ok(phone) => {
                    if !row.phones.contains(&phone.e164) && !row.mobiles.contains(&phone.e164) {
                        match field {
                            "phone" => row.phones.push(phone.e164),
                            _ => row.mobiles.push(phone.e164),
                        }
                    }
                }
                Err(_) => skip(&mut row, field, value),
            }
        }
    }
    let uid = person
        .uid
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty());
    let mut keys: Vec<String> = Vec::new();
    keys.extend(uid.map(|u| format!("uid:{u}")));
    keys.extend(
        row.emails
            .iter()
            .map(|e| format!("email:{}", e.to_lowercase())),
    );
    keys.extend(
        row.phones
            .iter()
            .chain(&row.mobiles)
            .map(|p| format!("phone:{p}")),
    );
    let earlier = keys.iter().find_map(|k| in_file.keys.get(k).copied());
    for key in keys {
        in_file.keys.entry(key).or_insert(parsed.row);
    }

    // The same as someone already there: by UID, then e-mail, then phone.
    if let Some(uid) = uid {
        let found = store::import::people_with_uid(conn, uid)?;
        if !found.is_empty() {
            decide(&mut row, ImportOutcome::Same, ImportReason::SameUid, found);
            return Ok(row);
        }
    }
    for email in row.emails.clone() {
        let found = matches_of(store::people::people_with_contact(
            conn,
            &["email"],
            &email,
            crate::people::DuplicateReason::SameEmail,
        )?);
        if !found.is_empty() {
            decide(
                &mut row,
                ImportOutcome::Same,
                ImportReason::SameEmail,
                found,
            );
            return Ok(row);
        }
    }
    let numbers: Vec<String> = row.phones.iter().chain(&row.mobiles).cloned().collect();
    for phone in &numbers {
        let found = matches_of(store::people::people_with_contact(
            conn,
            &["phone", "mobile"],
            phone,
            crate::people::DuplicateReason::SamePhone,
        )?);
        if !found.is_empty() {
            decide(
                &mut row,
                ImportOutcome::Same,
                ImportReason::SamePhone,
                found,
            );
            return Ok(row);
        }
    }
    if let Some(earlier) = earlier {
        decide(
            &mut row,
            ImportOutcome::Same,
            ImportReason::SameInFile,
            Vec::new(),
        );
        row.same_as_row = Some(earlier);
        return Ok(row);
    }
    for email in row.emails.clone() {
        if crate::erasure::email_suppressed(conn, &email)? {
            decide(
                &mut row,
                ImportOutcome::Suppressed,
                ImportReason::ErasedOptOut,
                Vec::new(),
            );
            return Ok(row);
        }
    }
    let mut named = Vec::new();
    for organisation in &row.organisations {
        if let Some(organisation_id) = organisations.find(organisation) {
            named.extend(matches_of(store::people::people_named_at(
                conn,
                &row.surname,
                &row.first_name,
                organisation_id,
            )?));
        }
    }
    if !named.is_empty() {
        decide(
            &mut row,
            ImportOutcome::LikelyDuplicate,
            ImportReason::SameNameInOrganisation,
            named,
        );
        return Ok(row);
    }
    row.outcome = ImportOutcome::New;
    row.reason = None;
    Ok(row)
}

fn decide(
    row: &mut ImportRow,
    outcome: ImportOutcome,
    reason: ImportReason,
    matches: Vec<ImportMatch>,
) {
    row.outcome = outcome;
    row.reason = Some(reason);
    row.matches = matches;
}

fn matches_of(candidates: Vec<crate::people::DuplicateCandidate>) -> Vec<ImportMatch> {
    candidates
        .into_iter()
        .map(|c| ImportMatch {
            person_id: c.person_id,
            surname: c.surname,
            first_name: c.first_name,
            organisation_name: c.organisation_name,
        })
        .collect()
}

/// The source every person of the file cites: the kind chosen, the detail given and the
/// file's name. The file's name alone does not say which event, public source or data
/// provider, so those kinds still need their detail from the user.
fn source_of(options: &ImportOptions, file_name: &str) -> Result<SourceInput> {
    let detail = match options.source.detail.as_deref().map(str::trim) {
        Some(detail) if !detail.is_empty() => format!("{detail} ({file_name})"),
        _ if options.source.kind.needs_detail() => {
            return Err(Error::FieldInvalid {
                field: "source_detail".into(),
                rule: "source_detail_required".into(),
            })
        }
        _ => file_name.to_string(),
    };
    Ok(SourceInput {
        kind: options.source.kind,
        detail: Some(detail.chars().take(200).collect()),
        obtained_on: options.source.obtained_on.clone(),
    })
}

/// Who imports, citing which source, when.
struct Importer<'a> {
    session: &'a Session,
    source: &'a SourceInput,
    clock: &'a dyn Clock,
}

/// Adds one planned row: the person with their contact data, a position at each
/// organisation (found by name, or added), and the UID they came with; the records added
/// go to `audited`.
fn add_row(
    tx: &rusqlite::Connection,
    importer: &Importer<'_>,
    row: &ImportRow,
    uid: Option<&str>,
    organisations: &mut Organisations,
    audited: &mut Vec<(&'static str, String)>,
) -> Result<String> {
    let Importer {
        session,
        source,
        clock,
    } = *importer;
    let mut contacts: Vec<ContactInput> = Vec::new();
    for (kind, values) in [
        (ContactKind::Email, &row.emails),
        (ContactKind::Phone, &row.phones),
        (ContactKind::Mobile, &row.mobiles),
    ] {
        contacts.extend(values.iter().map(|value| ContactInput {
            kind,
            value: value.clone(),
            label: None,
            social_kind: None,
        }));
    }
    let person_id = insert_person(
        tx,
        session,
        &PersonInput {
            surname: row.surname.clone(),
            first_name: row.first_name.clone(),
            other_first_names: row.other_first_names.clone(),
        },
        &contacts,
        source,
        clock,
    )?;
    if let Some(uid) = uid.map(str::trim).filter(|u| !u.is_empty()) {
        store::import::set_uid(tx, &person_id, uid)?;
    }
    audited.push(("person", person_id.clone()));
    for (index, name) in row.organisations.iter().enumerate() {
        let organisation_id = match organisations.find(name) {
            Some(id) => id.clone(),
            None => {
                let added = insert_organisation(
                    tx,
                    &OrganisationInput {
                        name: name.clone(),
                        kind: None,
                        parent_id: None,
                        business_id: None,
                        customer_since: None,
                        customer_until: None,
                    },
                    false,
                    clock,
                )?;
                organisations
                    .by_name
                    .insert(fold(name.trim()), added.organisation_id.clone());
                audited.push(("organisation", added.organisation_id.clone()));
                added.organisation_id
            }
        };
        let title = row.titles.get(index).cloned().unwrap_or_else(|| "-".into());
        let position_id = insert_position(
            tx,
            &PositionInput {
                person_id: person_id.clone(),
                organisation_id,
                title,
                job_description: None,
                start_on: None,
                end_on: None,
            },
            &store::history::ChangedBy::user(&session.user_id),
            clock,
        )?;
        audited.push(("position", position_id));
    }
    Ok(person_id)
}

impl Register {
    /// The dry run (admin, office): what importing `file` would do, row by row; nothing is
    /// saved. The existing people it names are a read, audited as one.
    pub fn import_plan(
        &mut self,
        session: &Session,
        file: &ImportFile,
        clock: &dyn Clock,
    ) -> Result<ImportPlan> {
        self.write(Some(session), Action::ImportPlan, clock, |tx| {
            let organisations = Organisations::load(tx)?;
            let mut in_file = InFile::default();
            let rows = file
                .rows
                .iter()
                .map(|parsed| plan_row(tx, parsed, &mut in_file, &organisations))
                .collect::<Result<Vec<_>>>()?;
            let shown: Vec<String> = rows
                .iter()
                .flat_map(|r| r.matches.iter().map(|m| m.person_id.clone()))
                .collect();
            let plan = ImportPlan {
                file_name: file.file_name.clone(),
                format: file.format,
                counts: ImportCounts::count(&rows),
                rows,
            };
            Ok((plan, Audited::people(shown.iter().map(String::as_str))))
        })
    }

    /// Imports `file` (admin, office) in committed batches of [`BATCH_SIZE`] rows, each
    /// planned again inside its transaction: new rows are added, likely duplicates only with
    /// `add_likely_duplicates`, rows on the suppression list only with `add_suppressed`
    /// (administrators), the rest never. `progress(done, total)` is called after each batch;
    /// returning `false` stops the import there, so it leaves whole people only.
    pub fn import_commit(
        &mut self,
        session: &Session,
        file: &ImportFile,
        options: &ImportOptions,
        clock: &dyn Clock,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> Result<ImportResult> {
        self.authorize(session, Action::Import)?;
        if options.add_suppressed {
            self.authorize(session, Action::ImportSuppressed)?;
        }
        let source = source_of(options, &file.file_name)?;
        // A bad source (an event without its name, a date in the future) stops the import
        // before anything is written.
        source.record(&session.user_id, clock)?;
        let total = file.rows.len() as u64;
        let mut in_file = InFile::default();
        // Loaded once: each batch adds the organisations it creates. A batch that fails
        // ends the import, so no id of a rolled-back organisation is used again.
        let mut organisations = Organisations::load(&self.conn)?;
        let mut rows: Vec<ImportRow> = Vec::new();
        let mut stopped = false;
        for batch in file.rows.chunks(BATCH_SIZE) {
            let action = if options.add_suppressed {
                Action::ImportSuppressed
            } else {
                Action::Import
            };
            let done = self.write(Some(session), action, clock, |tx| {
                let mut done = Vec::with_capacity(batch.len());
                let mut records: Vec<(&'static str, String)> = Vec::new();
                for parsed in batch {
                    let mut row = plan_row(tx, parsed, &mut in_file, &organisations)?;
                    let add = match row.outcome {
                        ImportOutcome::New => true,
                        ImportOutcome::LikelyDuplicate => options.add_likely_duplicates,
                        ImportOutcome::Suppressed => options.add_suppressed,
                        ImportOutcome::Same | ImportOutcome::Invalid => false,
                    };
                    if add {
                        let uid = parsed.person.uid.as_deref();
                        let importer = Importer {
                            session,
                            source: &source,
                            clock,
                        };
                        row.added_person_id = Some(add_row(
                            tx,
                            &importer,
                            &row,
                            uid,
                            &mut organisations,
                            &mut records,
                        )?);
                    }
                    done.push(row);
                }
                let shown: Vec<String> = done
                    .iter()
                    .flat_map(|r| r.matches.iter().map(|m| m.person_id.clone()))
                    .collect();
                let mut audited = Audited::nothing();
                for (kind, id) in &records {
                    audited = audited.and(kind, id);
                }
                if !shown.is_empty() {
                    audited = audited.and_people(shown.iter().map(String::as_str));
                }
                Ok((done, audited))
            })?;
            rows.extend(done);
            if !progress(rows.len() as u64, total) {
                stopped = rows.len() as u64 != total;
                break;
            }
        }
        Ok(ImportResult {
            file_name: file.file_name.clone(),
            counts: ImportCounts::count(&rows),
            added: rows.iter().filter(|r| r.added_person_id.is_some()).count() as u32,
            total: total as u32,
            rows,
            stopped,
        })
    }
}
