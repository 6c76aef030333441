//! Reading vCard 2.1, 3.0 and 4.0 files as phones, Outlook, Google, Apple, Thunderbird and
//! Evolution write them, into [`ParsedRow`]s; nothing here looks at the register.
//!
//! A small parser of our own (see Cargo.toml for why): the file is cut into physical lines
//! on CR, LF or CRLF as bytes, unfolded (RFC 6350 folding, which may split a UTF-8 character,
//! and quoted-printable soft line breaks), and each value is decoded after unfolding: first
//! quoted-printable, then its `CHARSET=`, else UTF-8, else Windows-1252. Photos, logos,
//! sounds, keys and URLs are skipped unread, so nothing is ever fetched.
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use super::{decode_whole, ImportReason, ImportedPerson, ParsedRow};

/// The longest property kept; longer ones (other than skipped binary ones) spoil their card.
const MAX_VALUE_BYTES: usize = 64 * 1024;

/// Properties never read: binary or remote data the register does not keep.
const SKIPPED: &[&str] = &["PHOTO", "LOGO", "SOUND", "KEY", "URL", "AGENT"];

/// Parses a whole vCard file; each card is one row (numbered from 1 in file order).
pub(crate) fn parse(bytes: &[u8]) -> Vec<ParsedRow> {
    // UTF-16 files (Windows "Unicode") are turned into UTF-8 first; everything else is
    // decoded value by value, since one file may mix labelled and unlabelled charsets.
    let owned;
    let bytes = match decode_whole(bytes) {
        Some(text) => {
            owned = text.into_bytes();
            owned.as_slice()
        }
        None => bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes),
    };
    let mut rows = Vec::new();
    let mut card: Option<Card> = None;
    for (line_no, line) in logical_lines(bytes) {
        let Some(property) = Property::parse(&line) else {
            if let Some(card) = card.as_mut() {
                card.problem.get_or_insert(ImportReason::UnreadableLine);
            }
            continue;
        };
        match property.name.as_str() {
            "BEGIN" if property.raw_value().eq_ignore_ascii_case("VCARD") => {
                if let Some(open) = card.take() {
                    rows.push(open.broken(ImportReason::NoEnd));
                }
                card = Some(Card::new(rows.len() as u32 + 1, line_no));
            }
            "END" if property.raw_value().eq_ignore_ascii_case("VCARD") => {
                if let Some(done) = card.take() {
                    rows.push(done.finish());
                }
            }
            _ => {
                if let Some(card) = card.as_mut() {
                    card.add(&property);
                }
            }
        }
    }
    if let Some(open) = card.take() {
        rows.push(open.broken(ImportReason::NoEnd));
    }
    rows
}

/// The unfolded lines with the number of their first physical line.
fn logical_lines(bytes: &[u8]) -> Vec<(u32, Vec<u8>)> {
    let mut lines: Vec<(u32, Vec<u8>)> = Vec::new();
    let mut quoted_printable_open = false;
    for (index, physical) in physical_lines(bytes).into_iter().enumerate() {
        let line_no = index as u32 + 1;
        match lines.last_mut() {
            // A quoted-printable value whose line ended in `=` goes on in the next line,
            // whatever it starts with.
            Some((_, current)) if quoted_printable_open => {
                current.pop();
                current.extend_from_slice(physical);
            }
            // RFC folding: a line starting with a space or a tab goes on the previous one.
            Some((_, current))
                if !physical.is_empty() && (physical[0] == b' ' || physical[0] == b'\t') =>
            {
                current.extend_from_slice(&physical[1..]);
            }
            _ => {
                if physical.iter().all(u8::is_ascii_whitespace) {
                    quoted_printable_open = false;
                    continue;
                }
                lines.push((line_no, physical.to_vec()));
            }
        }
        let current = &lines.last().map(|(_, l)| l.as_slice()).unwrap_or_default();
        quoted_printable_open = current.ends_with(b"=") && is_quoted_printable(current);
    }
    lines
}

fn physical_lines(bytes: &[u8]) -> Vec<&[u8]> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' => {
                lines.push(&bytes[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            b'\n' => {
                lines.push(&bytes[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        lines.push(&bytes[start..]);
    }
    lines
}

/// Whether a line's parameters say its value is quoted-printable.
fn is_quoted_printable(line: &[u8]) -> bool {
    let head = &line[..value_start(line).unwrap_or(line.len())];
    head.to_ascii_uppercase()
        .windows(16)
        .any(|w| w == b"QUOTED-PRINTABLE")
}

/// Where the value starts: after the first `:` outside double quotes.
fn value_start(line: &[u8]) -> Option<usize> {
    let mut quoted = false;
    for (i, b) in line.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b':' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

/// One property line: name (without its group), parameters and raw value.
struct Property {
    name: String,
    types: Vec<String>,
    quoted_printable: bool,
    base64: bool,
    charset: Option<&'static Encoding>,
    value: Vec<u8>,
}

impl Property {
    fn parse(line: &[u8]) -> Option<Property> {
        let colon = value_start(line)?;
        let head = String::from_utf8_lossy(&line[..colon]);
        let mut parts = split_outside_quotes(&head, ';').into_iter();
        let full_name = parts.next()?.trim().to_ascii_uppercase();
        // `item1.EMAIL`: the group only ties Apple's labels to a value; the name is after it.
        let name = full_name.rsplit('.').next().unwrap_or_default().to_string();
        if name.is_empty() {
            return None;
        }
        let mut property = Property {
            name,
            types: Vec::new(),
            quoted_printable: false,
            base64: false,
            charset: None,
            value: line[colon + 1..].to_vec(),
        };
        for parameter in parts {
            let (key, value) = match parameter.split_once('=') {
                Some((key, value)) => (key.trim().to_ascii_uppercase(), value.trim()),
                // vCard 2.1 writes bare parameters: `TEL;CELL;WORK:` and `;QUOTED-PRINTABLE:`.
                None => ("TYPE".to_string(), parameter.trim()),
            };
            let value = value.trim_matches('"');
            match key.as_str() {
                "ENCODING" | "TYPE" if value.eq_ignore_ascii_case("QUOTED-PRINTABLE") => {
                    property.quoted_printable = true
                }
                "ENCODING" | "TYPE"
                    if value.eq_ignore_ascii_case("BASE64") || value.eq_ignore_ascii_case("B") =>
                {
                    property.base64 = true
                }
                "CHARSET" => property.charset = Encoding::for_label(value.as_bytes()),
                "TYPE" => property.types.extend(
                    value
                        .split(',')
                        .map(|t| t.trim().to_ascii_uppercase())
                        .filter(|t| !t.is_empty()),
                ),
                _ => {}
            }
        }
        Some(property)
    }

    fn raw_value(&self) -> String {
        String::from_utf8_lossy(&self.value).trim().to_string()
    }

    /// The value as text: quoted-printable undone, then decoded by its charset, else as
    /// UTF-8, else (an unlabelled file from a Finnish Windows) as Windows-1252.
    fn text(&self) -> String {
        let bytes = if self.quoted_printable {
            decode_quoted_printable(&self.value)
        } else {
            self.value.clone()
        };
        let encoding = self.charset.unwrap_or_else(|| {
            if std::str::from_utf8(&bytes).is_ok() {
                UTF_8
            } else {
                WINDOWS_1252
            }
        });
        let (text, _, _) = encoding.decode(&bytes);
        text.into_owned()
    }
}

fn split_outside_quotes(text: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c == separator && !quoted {
            parts.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&text[start..]);
    parts
}

fn decode_quoted_printable(bytes: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            if let (Some(high), Some(low)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            ) {
                out.push(high << 4 | low);
                i += 3;
                continue;
            }
            // A stray `=` (a soft break at the very end) is dropped.
            if i + 1 == bytes.len() {
                break;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// Splits a structured value on unescaped `;` and undoes the escapes of each component.
fn components(value: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') | Some('N') => parts.last_mut().unwrap().push(' '),
                Some(other) => parts.last_mut().unwrap().push(other),
                None => {}
            },
            ';' => parts.push(String::new()),
            _ => parts.last_mut().unwrap().push(c),
        }
    }
    parts
}

/// A text value with its escapes undone.
fn unescape(value: &str) -> String {
    components(value).join(";").trim().to_string()
}

/// The list items of a name component (`Anna,Maria` in vCard 3.0/4.0) as one name.
fn name_part(part: Option<&String>) -> String {
    part.map(|p| {
        p.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    })
    .unwrap_or_default()
}

struct Card {
    row: u32,
    line: u32,
    person: ImportedPerson,
    formatted_name: Option<String>,
    problem: Option<ImportReason>,
}

impl Card {
    fn new(row: u32, line: u32) -> Card {
        Card {
            row,
            line,
            person: ImportedPerson::default(),
            formatted_name: None,
            problem: None,
        }
    }

    fn add(&mut self, property: &Property) {
        if SKIPPED.contains(&property.name.as_str()) || property.base64 {
            return;
        }
        if property.value.len() > MAX_VALUE_BYTES {
            self.problem.get_or_insert(ImportReason::ValueTooLong);
            return;
        }
        let text = property.text();
        let person = &mut self.person;
        match property.name.as_str() {
            "N" => {
                let parts = components(&text);
                person.surname = name_part(parts.first());
                person.first_name = name_part(parts.get(1));
                let other = name_part(parts.get(2));
                person.other_first_names = (!other.is_empty()).then_some(other);
            }
            "FN" => self.formatted_name = Some(unescape(&text)),
            "ORG" => {
                let name = components(&text)
                    .into_iter()
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_string();
                if !name.is_empty() {
                    person.organisations.push(name);
                }
            }
            "TITLE" => {
                let title = unescape(&text);
                if !title.is_empty() {
                    person.titles.push(title);
                }
            }
            "EMAIL" => {
                let email = unescape(&text);
                let email = email.strip_prefix("mailto:").unwrap_or(&email).trim();
                if !email.is_empty() {
                    person.emails.push(email.to_string());
                }
            }
            "TEL" => {
                let number = unescape(&text);
                let number = number.strip_prefix("tel:").unwrap_or(&number).trim();
                if number.is_empty() {
                    return;
                }
                if property.types.iter().any(|t| t == "CELL") {
                    person.mobiles.push(number.to_string());
                } else {
                    person.phones.push(number.to_string());
                }
            }
            "UID" => {
                let uid = unescape(&text);
                if !uid.is_empty() {
                    person.uid = Some(uid);
                }
            }
            _ => {}
        }
    }

    fn finish(mut self) -> ParsedRow {
        if self.person.surname.is_empty() && self.person.first_name.is_empty() {
            // No N (or an empty one): the formatted name, its last word as the surname.
            if let Some(formatted) = self.formatted_name.take() {
                let mut words: Vec<&str> = formatted.split_whitespace().collect();
                if let Some(last) = words.pop() {
                    self.person.surname = last.to_string();
                    self.person.first_name = words.join(" ");
                }
            }
        }
        ParsedRow {
            row: self.row,
            line: self.line,
            person: self.person,
            problem: self.problem,
        }
    }

    fn broken(self, problem: ImportReason) -> ParsedRow {
        let mut row = self.finish();
        row.problem = Some(problem);
        row
    }
}
