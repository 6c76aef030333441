//! Calendar dates as people type and read them: `27.11.2026` in Finnish, ISO `2026-11-27`
//! for scripts. Parsing accepts both; the core stores ISO.
use chrono::{Datelike, NaiveDate};

use crate::{Error, Result};

/// The years a date typed into the register may have. A two-digit year (`27.11.26`) would
/// otherwise be read as the year 26 — a person due for erasure at once, a hold long over.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// Parses `27.11.2026`, `1.2.2026` or `2026-11-27`; `field` names the field in the error.
/// Two-digit years and years outside [`PLAUSIBLE_YEARS`] are refused.
pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%d.%m.%Y")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .ok()
        .filter(|date| plausible_year(date.year()))
        .ok_or_else(|| Error::DateInvalid {
            field: field.to_string(),
        })
}

/// Whether a parsed year is one a person means (see [`PLAUSIBLE_YEARS`]).
pub(crate) fn plausible_year(year: i32) -> bool {
    PLAUSIBLE_YEARS.contains(&year)
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

    #[test]
    fn two_digit_and_implausible_years_are_refused() {
        for typed in [
            "27.11.26",
            "31.12.30",
            "0026-11-27",
            "1.1.1899",
            "1.1.2200",
            "27.11.226",
        ] {
            assert!(
                matches!(parse_date("d", typed), Err(Error::DateInvalid { .. })),
                "{typed} was accepted"
            );
        }
        assert!(parse_date("d", "1.1.1900").is_ok());
        assert!(parse_date("d", "31.12.2199").is_ok());
    }
}
