//! Reading contact CSV files (Google Contacts, Outlook in English, Finnish or Swedish, a
//! Finnish Excel's `;`-separated sheets, any CSV with a column mapping) into [`ParsedRow`]s.
//!
//! Cells are split by the `csv` crate (quoted cells may hold line breaks and separators);
//! the separator is whichever of `;`, `,` and tab the header line has most of outside quotes.
use std::collections::HashMap;

use super::{decode_text, ImportedPerson, ParsedRow};
use crate::redaction::fold;
use crate::{Error, Result};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Surname,
    FirstName,
    OtherFirstNames,
    FullName,
    Organisation,
    Title,
    Email,
    Phone,
    Mobile,
    Uid,
    /// Google's "Phone 1 - Value": a phone, or a mobile when "Phone 1 - Type" says so.
    GooglePhone(u32),
    /// Google's "Phone 1 - Type" / "Phone 1 - Label".
    GooglePhoneType(u32),
    Ignore,
}

impl Field {
    /// The names a mapping file may use.
    fn parse(name: &str) -> Option<Field> {
        Some(match name.trim() {
            "surname" => Field::Surname,
            "first_name" => Field::FirstName,
            "other_first_names" => Field::OtherFirstNames,
            "full_name" => Field::FullName,
            "organisation" => Field::Organisation,
            "title" => Field::Title,
            "email" => Field::Email,
            "phone" => Field::Phone,
            "mobile" => Field::Mobile,
            "uid" => Field::Uid,
            "ignore" => Field::Ignore,
            _ => return None,
        })
    }
}

/// A column mapping as the user wrote it: one `Column heading = field` a line (`#` starts a
/// comment); fields: surname, first_name, other_first_names, full_name, organisation,
/// title, email, phone, mobile, uid, ignore.
pub(crate) fn parse_mapping(text: &str) -> Result<HashMap<String, Field>> {
    let mut mapping = HashMap::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let invalid = || Error::ImportMappingInvalid {
            line: index as u32 + 1,
        };
        let (column, field) = line.split_once('=').ok_or_else(invalid)?;
        let field = Field::parse(field).ok_or_else(invalid)?;
        mapping.insert(column.trim().to_string(), field);
    }
    if mapping.is_empty() {
        return Err(Error::ImportMappingInvalid { line: 0 });
    }
    Ok(mapping)
}

/// What a heading written by Google, Outlook (English, Finnish, Swedish) or a person
/// usually means; compared without case, accents, spaces or punctuation.
fn guess(heading: &str) -> Field {
    let key: String = fold(heading)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    let digits: String = key.chars().filter(char::is_ascii_digit).collect();
    let number = digits.parse::<u32>().unwrap_or(1);
    let has = |words: &[&str]| words.iter().any(|w| key.contains(w));
    if has(&[
        "display",
        "nayttonimi",
        "visningsnamn",
        "fax",
        "faksi",
        "pager",
        "hakulaite",
        "phonetic",
        "department",
        "osasto",
        "avdelning",
    ]) {
        return Field::Ignore;
    }
    if key.starts_with("phone") && (key.ends_with("type") || key.ends_with("label")) {
        return Field::GooglePhoneType(number);
    }
    if key.starts_with("phone") && key.ends_with("value") {
        return Field::GooglePhone(number);
    }
    if has(&["type", "label", "tyyppi"]) {
        return Field::Ignore;
    }
    match key.as_str() {
        "lastname" | "surname" | "familyname" | "sukunimi" | "efternamn" => return Field::Surname,
        "firstname" | "givenname" | "etunimi" | "fornamn" => return Field::FirstName,
        "middlename" | "additionalname" | "toinennimi" | "muutetunimet" | "mellannamn" => {
            return Field::OtherFirstNames
        }
        "name" | "fullname" | "nimi" | "kokonimi" | "namn" => return Field::FullName,
        "uid" => return Field::Uid,
        _ => {}
    }
    if has(&["email", "sahkoposti", "epost"]) {
        return Field::Email;
    }
    if has(&[
        "mobile",
        "matkapuhelin",
        "mobiili",
        "mobiltelefon",
        "kannykka",
    ]) {
        return Field::Mobile;
    }
    if has(&["phone", "puhelin", "telefon"]) {
        return Field::Phone;
    }
    if key.starts_with("organization") && key.ends_with("title") {
        return Field::Title;
    }
    // Not a bare "Title": Outlook's is the form of address (Mr., Dr.).
    if has(&[
        "jobtitle",
        "tehtavanimike",
        "titteli",
        "nimike",
        "befattning",
    ]) {
        return Field::Title;
    }
    if has(&[
        "company",
        "yritys",
        "organisaatio",
        "organization",
        "organisation",
        "foretag",
    ]) {
        return Field::Organisation;
    }
    Field::Ignore
}

/// The separator the header line uses most outside quotes.
fn separator(text: &str) -> u8 {
    let mut counts = [(b';', 0), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in text.bytes() {
        match c {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                for (sep, count) in counts.iter_mut() {
                    if *sep == c {
                        *count += 1;
                    }
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .max_by_key(|(_, count)| *count)
        .map(|(sep, _)| *sep)
        .unwrap_or(b',')
}

/// Parses a CSV file; each non-empty data row is one row (numbered from 1).
pub(crate) fn parse(
    bytes: &[u8],
    mapping: Option<&HashMap<String, Field>>,
) -> Result<Vec<ParsedRow>> {
    let text = decode_text(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(&text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headings: Vec<String> = reader
        .headers()
        .map_err(|e| Error::ImportUnreadable {
            detail: e.to_string(),
        })?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let fields: Vec<Field> = match mapping {
        Some(mapping) => {
            if let Some(missing) = mapping.keys().find(|column| !headings.contains(column)) {
                return Err(Error::ImportMappingColumnMissing {
                    column: missing.clone(),
                });
            }
            headings
                .iter()
                .map(|h| mapping.get(h).copied().unwrap_or(Field::Ignore))
                .collect()
        }
        None => headings.iter().map(|h| guess(h.as_str())).collect(),
    };
    let has_name = fields
        .iter()
        .any(|f| matches!(f, Field::Surname | Field::FullName));
    if !has_name {
        return Err(Error::ImportColumnsUnknown {
            columns: headings.join(", "),
        });
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| Error::ImportUnreadable {
            detail: e.to_string(),
        })?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let line = record.position().map(|p| p.line() as u32).unwrap_or(0);
        let mut person = ImportedPerson::default();
        let mut full_name = String::new();
        let mut google_types: HashMap<u32, String> = HashMap::new();
        let mut google_phones: Vec<(u32, String)> = Vec::new();
        for (field, cell) in fields.iter().zip(record.iter()) {
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            // Google puts several values in one cell: "a@x.fi ::: b@y.fi".
            let values = cell.split(" ::: ").map(str::trim).filter(|v| !v.is_empty());
            match field {
                Field::Surname => person.surname = cell.to_string(),
                Field::FirstName => person.first_name = cell.to_string(),
                Field::OtherFirstNames => person.other_first_names = Some(cell.to_string()),
                Field::FullName => full_name = cell.to_string(),
                Field::Organisation => person.organisations.extend(values.map(String::from)),
                Field::Title => person.titles.extend(values.map(String::from)),
                Field::Email => person.emails.extend(values.map(String::from)),
                Field::Phone => person.phones.extend(values.map(String::from)),
                Field::Mobile => person.mobiles.extend(values.map(String::from)),
                Field::Uid => person.uid = Some(cell.to_string()),
                Field::GooglePhone(n) => google_phones.extend(values.map(|v| (*n, v.to_string()))),
                Field::GooglePhoneType(n) => {
                    google_types.insert(*n, cell.to_lowercase());
                }
                Field::Ignore => {}
            }
        }
        for (n, number) in google_phones {
            let kind = google_types.get(&n).map(String::as_str).unwrap_or("");
            if kind.contains("mobile") || kind.contains("cell") {
                person.mobiles.push(number);
            } else {
                person.phones.push(number);
            }
        }
        if person.surname.is_empty() && person.first_name.is_empty() {
            let mut words: Vec<&str> = full_name.split_whitespace().collect();
            if let Some(last) = words.pop() {
                person.surname = last.to_string();
                person.first_name = words.join(" ");
            }
        }
        rows.push(ParsedRow {
            row: rows.len() as u32 + 1,
            line,
            person,
            problem: None,
        });
    }
    Ok(rows)
}
