//! Calendar dates as people type and read them: `27.11.2026` in Finnish, ISO `2026-11-27`
//! for scripts. Parsing accepts both; the core stores ISO.
use chrono::{Datelike, NaiveDate};

use crate::{Error, Result};

/// Parses `27.11.2026`, `1.2.2026` or `2026-11-27`; `field` names the field in the error.
pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%d.%m.%Y")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .ok()
        // `%Y` also takes `-1` and `12345`; ISO text sorts and parses back only for 1..=9999.
        .filter(|date| (1..=9999).contains(&date.year()))
        .ok_or_else(|| Error::DateInvalid {
            field: field.to_string(),
        })
}

/// Finnish form without leading zeros: `1.2.2026`.
pub fn format_finnish(date: NaiveDate) -> String {
    date.format("%-d.%-m.%Y").to_string()
}

/// Checks a free-text field: trimmed, 1..=`max` characters, no control characters except
/// line breaks and tabs.
pub(crate) fn check_text(field: &str, text: &str, max: usize) -> Result<String> {
    let trimmed = text.trim();
    let bad_control = trimmed
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\t'));
    if trimmed.is_empty() || trimmed.chars().count() > max || bad_control {
        return Err(Error::TextInvalid {
            field: field.to_string(),
            max,
        });
    }
    Ok(trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finnish_and_iso_dates_parse_and_nonsense_does_not() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(parse_date("d", "27.11.2026").unwrap(), date);
        assert_eq!(parse_date("d", "2026-11-27").unwrap(), date);
        assert_eq!(
            format_finnish(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap()),
            "1.2.2026"
        );
        assert!(parse_date("d", "31.2.2026").is_err());
        assert!(parse_date("d", "eilen").is_err());
        assert!(parse_date("d", "1.1.-1").is_err());
        assert!(parse_date("d", "1.1.12026").is_err());
    }
}
