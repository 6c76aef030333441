//! Field rules of the register's content: Finnish business IDs (Y-tunnus) with their check
//! digit, phone numbers (E.164 stored, national form shown, Finland the default region),
//! e-mail addresses, names and free text, and date ranges.
use chrono::NaiveDate;
use phonenumber::Mode;
use unicode_normalization::UnicodeNormalization;

use crate::date::parse_date;
use crate::{Error, Result};

/// Checks a Y-tunnus `1234567-8`: seven digits, a dash and the check digit (weights
/// 7 9 10 5 8 4 2, remainder 0 → 0, 1 → invalid, else 11 − remainder). Returns it tidied.
pub fn business_id(text: &str) -> Result<String> {
    let invalid = || Error::FieldInvalid {
        field: "business_id".into(),
        rule: "business_id".into(),
    };
    let text = text.trim();
    let (digits, check) = text.split_once('-').ok_or_else(invalid)?;
    if digits.len() != 7
        || check.len() != 1
        || !digits
            .chars()
            .chain(check.chars())
            .all(|c| c.is_ascii_digit())
    {
        return Err(invalid());
    }
    let weights = [7u32, 9, 10, 5, 8, 4, 2];
    let sum: u32 = digits
        .chars()
        .zip(weights)
        .map(|(c, w)| c.to_digit(10).unwrap() * w)
        .sum();
    let expected = match sum % 11 {
        0 => 0,
        1 => return Err(invalid()),
        r => 11 - r,
    };
    if check.parse::<u32>().ok() != Some(expected) {
        return Err(invalid());
    }
    Ok(format!("{digits}-{check}"))
}

/// A parsed phone number: E.164 for storage, national form for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    /// `+358401234567`.
    pub e164: String,
    /// `040 1234567` for Finnish numbers, international form for others.
    pub display: String,
}

/// Parses a phone number in any usual written form; Finland is the default region.
pub fn phone(field: &str, text: &str) -> Result<Phone> {
    let invalid = || Error::FieldInvalid {
        field: field.to_string(),
        rule: "phone".into(),
    };
    let cleaned = text.trim();
    if cleaned.is_empty() || cleaned.len() > 40 {
        return Err(invalid());
    }
    let number =
        phonenumber::parse(Some(phonenumber::country::Id::FI), cleaned).map_err(|_| invalid())?;
    if !phonenumber::is_valid(&number) {
        return Err(invalid());
    }
    Ok(Phone {
        e164: number.format().mode(Mode::E164).to_string(),
        display: display_phone(&number),
    })
}

fn display_phone(number: &phonenumber::PhoneNumber) -> String {
    if number.code().value() == 358 {
        number.format().mode(Mode::National).to_string()
    } else {
        number.format().mode(Mode::International).to_string()
    }
}

/// National (or international, for foreign numbers) form of a stored E.164 number.
pub fn phone_display(e164: &str) -> String {
    phonenumber::parse(None, e164)
        .map(|n| display_phone(&n))
        .unwrap_or_else(|_| e164.to_string())
}

/// The digit strings a phone number is found by: international and national.
pub fn phone_search_forms(e164: &str) -> Vec<String> {
    let mut forms = vec![e164.trim_start_matches('+').to_string()];
    if let Ok(number) = phonenumber::parse(None, e164) {
        let national: String = number
            .format()
            .mode(Mode::National)
            .to_string()
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        if !national.is_empty() && !forms.contains(&national) {
            forms.push(national);
        }
    }
    forms
}

/// Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and
/// zero-width characters (U+200B–U+200D, U+2060, U+FEFF). They are invisible, so a name or an
/// address holding one looks like another (a duplicate that is not found, an address that
/// is not the one shown) — they are refused, never silently removed.
pub fn is_hidden(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{061C}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'
            | '\u{FEFF}'
    )
}

/// Refuses a text with a hidden character (`text_hidden_characters`).
pub fn refuse_hidden(field: &str, text: &str) -> Result<()> {
    if text.chars().any(is_hidden) {
        return Err(Error::TextHiddenCharacters {
            field: field.to_string(),
        });
    }
    Ok(())
}

/// A name (a person's, an organisation's, a user's): as [`required`], without hidden
/// characters, and in Unicode NFC, so `Mäkinen` typed with a combining diaeresis is stored,
/// found and compared as the same name as `Mäkinen` typed with `ä`.
pub fn name(field: &str, text: &str, max: usize) -> Result<String> {
    refuse_hidden(field, text)?;
    required(field, &text.nfc().collect::<String>(), max)
}

/// An optional name: `None` when empty, else as [`name`].
pub fn optional_name(field: &str, text: Option<&str>, max: usize) -> Result<Option<String>> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => name(field, t, max).map(Some),
    }
}

/// Checks an e-mail address and returns it trimmed, domain in lower case. Hidden characters
/// are refused with their own code before anything else.
pub fn email(text: &str) -> Result<String> {
    refuse_hidden("email", text)?;
    let text = text.trim();
    let invalid = || Error::FieldInvalid {
        field: "email".into(),
        rule: "email".into(),
    };
    if text.len() > 254 || !email_address::EmailAddress::is_valid(text) {
        return Err(invalid());
    }
    let (local, domain) = text.rsplit_once('@').ok_or_else(invalid)?;
    if !domain.contains('.') {
        return Err(invalid());
    }
    Ok(format!("{local}@{}", domain.to_lowercase()))
}

/// A required short text (names, titles, subjects): 1..=`max` characters, no control
/// characters. Markup such as `<script>` is kept as text; it is never rendered as HTML.
pub fn required(field: &str, text: &str, max: usize) -> Result<String> {
    crate::date::check_text(field, text, max).and_then(|t| {
        if t.contains(['\n', '\t']) {
            Err(Error::TextInvalid {
                field: field.to_string(),
                max,
            })
        } else {
            Ok(t)
        }
    })
}

/// An optional text: `None` when empty, else as [`required`] (multi-line allowed for notes).
pub fn optional(
    field: &str,
    text: Option<&str>,
    max: usize,
    multiline: bool,
) -> Result<Option<String>> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) if multiline => crate::date::check_text(field, t, max).map(Some),
        Some(t) => required(field, t, max).map(Some),
    }
}

/// An optional date typed as `27.11.2026` or ISO.
pub fn optional_date(field: &str, text: Option<&str>) -> Result<Option<NaiveDate>> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => parse_date(field, t).map(Some),
    }
}

/// An end date may not come before its start date.
pub fn date_range(field: &str, start: Option<NaiveDate>, end: Option<NaiveDate>) -> Result<()> {
    match (start, end) {
        (Some(start), Some(end)) if end < start => Err(Error::FieldInvalid {
            field: field.to_string(),
            rule: "end_before_start".into(),
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn business_ids_are_checked_by_their_check_digit() {
        assert_eq!(business_id("0855050-9").unwrap(), "0855050-9"); // Sofor Oy, from the notice
        assert_eq!(business_id(" 1572860-0 ").unwrap(), "1572860-0");
        for bad in [
            "0855050-8",
            "0855050",
            "855050-9",
            "08550509",
            "abcdefg-1",
            "0855050-99",
        ] {
            assert!(business_id(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phone_numbers_in_any_form_become_e164_and_show_nationally() {
        for typed in [
            "040 123 4567",
            "0401234567",
            "+358 40 1234567",
            "+358401234567",
            "(040) 123-4567",
        ] {
            let parsed = phone("phone", typed).unwrap();
            assert_eq!(parsed.e164, "+358401234567", "{typed}");
            assert_eq!(parsed.display.replace(' ', ""), "0401234567", "{typed}");
        }
        assert_eq!(
            phone("phone", "+46 8 123 456 78").unwrap().e164,
            "+46812345678"
        );
        for bad in ["", "abc", "123", "+358 40"] {
            assert!(phone("phone", bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            phone_search_forms("+358401234567"),
            ["358401234567", "0401234567"]
        );
    }

    #[test]
    fn e_mail_addresses_are_validated() {
        assert_eq!(
            email(" Maija.Myyja@Firma.FI ").unwrap(),
            "Maija.Myyja@firma.fi"
        );
        for bad in [
            "maija",
            "maija@",
            "@firma.fi",
            "maija@firma",
            "maija @firma.fi",
            "a@b@c.fi",
        ] {
            assert!(email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn texts_refuse_control_characters_and_overlong_values_but_keep_markup_as_text() {
        assert_eq!(
            required("surname", "<script>alert(1)</script>", 200).unwrap(),
            "<script>alert(1)</script>"
        );
        assert!(required("surname", &"x".repeat(10_000), 200).is_err());
        assert!(required("surname", "Vir\u{7}tanen", 200).is_err());
        assert!(required("surname", "   ", 200).is_err());
        assert!(date_range(
            "end_on",
            optional_date("s", Some("2.1.2026")).unwrap(),
            optional_date("e", Some("1.1.2026")).unwrap()
        )
        .is_err());
    }
}
