//! Fuzzing with proptest: every parser that takes outside input returns a value or a typed
//! error ([`kortisto_core::Error::code`]) and never panics — dates and meeting times, phone
//! numbers, Y-tunnus, e-mail addresses, recovery codes — and the backup reader refuses a
//! real backup with flipped bytes, cut short, or with other header values, with a typed error
//! and without changing a byte of the live register.
//!
//! `KORTISTO_FUZZ_CASES` sets the cases per parser (1,000 by default; backups get an eighth).
use std::collections::BTreeSet;
use std::path::Path;

use kortisto_core::meetings::parse_meeting_time;
use kortisto_core::people::{ContactInput, ContactKind, PersonInput};
use kortisto_core::sources::{SourceInput, SourceKind};
use kortisto_core::{format_finnish, parse_date, validate, Error, RecoveryCode, Register};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use crate::common::{at, register_with_admin, sha256_file, Sandbox};

fn cases() -> u32 {
    super::env_count("KORTISTO_FUZZ_CASES", 1000)
}

/// Runs `check` over `cases` values of `strategy`; a panic or a failed check fails the test
/// with proptest's smallest failing value. Prints how many cases ran.
fn fuzz<S: Strategy>(
    name: &str,
    cases: u32,
    strategy: S,
    check: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    if let Err(failure) = runner.run(&strategy, check) {
        panic!("fuzz {name}: {failure}");
    }
    println!("fuzz {name}: {cases} cases, 0 panics, every error typed");
}

/// Any text: arbitrary Unicode (control characters too), text near each format, and huge.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9 .:+()T/-]{0,24}",
        "[0-9]{1,3}\\.[0-9]{1,3}\\.-?[0-9]{1,7}( [0-9]{1,3}[.:][0-9]{1,3})?",
        "-?[0-9]{1,7}-[0-9]{1,3}-[0-9]{1,3}(T[0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2})?([+-][0-9]{2}:[0-9]{2}|Z)?)?",
        "\\+?[0-9 ]{0,45}",
        "[0-9]{6,8}-[0-9A-Za-z]{0,2}",
        "[a-zA-Z0-9.+_\"-]{0,70}@[a-zA-Z0-9.\\[\\]:-]{0,70}",
        "[A-Za-z2-7018 -]{0,70}",
        (0usize..300_000, any::<char>()).prop_map(|(n, c)| c.to_string().repeat(n)),
    ]
}

/// A failure must carry one of `codes`.
fn typed(error: &Error, codes: &[&str]) -> Result<(), TestCaseError> {
    prop_assert!(
        codes.contains(&error.code()),
        "unexpected error {} ({error})",
        error.code()
    );
    Ok(())
}

#[test]
fn dates_and_meeting_times_parse_or_are_refused_with_date_invalid() {
    fuzz("dates", cases(), text(), |typed_text| {
        match parse_date("d", &typed_text) {
            Ok(date) => {
                // What is shown parses back to the same date, in both forms.
                prop_assert_eq!(parse_date("d", &format_finnish(date)).unwrap(), date);
                let iso = date.format("%Y-%m-%d").to_string();
                prop_assert_eq!(parse_date("d", &iso).unwrap(), date);
            }
            Err(error) => typed(&error, &["date_invalid"])?,
        }
        match parse_meeting_time(&typed_text) {
            Ok(at) => {
                let stored = at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
                prop_assert!(parse_meeting_time(&stored).is_ok(), "{stored}");
            }
            Err(error) => typed(&error, &["date_invalid"])?,
        }
        Ok(())
    });
}

#[test]
fn phone_numbers_parse_to_e164_or_are_refused_with_field_invalid() {
    fuzz("phone numbers", cases(), text(), |typed_text| {
        match validate::phone("phone", &typed_text) {
            Ok(phone) => {
                prop_assert!(phone.e164.starts_with('+'), "{}", phone.e164);
                prop_assert!(phone.e164[1..].chars().all(|c| c.is_ascii_digit()));
                // The stored form is accepted again as the same number. (The display form
                // of what was typed may differ from the stored one's: "200000-X" shows an
                // empty extension that E.164 drops; only the stored form is ever shown.)
                prop_assert_eq!(
                    validate::phone("phone", &phone.e164).unwrap().e164,
                    phone.e164.clone()
                );
                validate::phone_display(&phone.e164);
                prop_assert!(!validate::phone_search_forms(&phone.e164).is_empty());
            }
            Err(error) => typed(&error, &["field_invalid"])?,
        }
        // Stored values are shown and searched for with these; they must take anything.
        validate::phone_display(&typed_text);
        validate::phone_search_forms(&typed_text);
        Ok(())
    });
}

#[test]
fn business_ids_are_accepted_exactly_when_their_check_digit_matches() {
    fuzz("Y-tunnus (any text)", cases(), text(), |typed_text| {
        match validate::business_id(&typed_text) {
            Ok(tidy) => {
                prop_assert_eq!(tidy.len(), 9);
                prop_assert_eq!(validate::business_id(&tidy).unwrap(), tidy);
            }
            Err(error) => typed(&error, &["field_invalid"])?,
        }
        Ok(())
    });
    fuzz(
        "Y-tunnus (every check digit)",
        cases(),
        (proptest::array::uniform7(0u32..10), 0u32..10),
        |(digits, check)| {
            let weights = [7u32, 9, 10, 5, 8, 4, 2];
            let sum: u32 = digits.iter().zip(weights).map(|(d, w)| d * w).sum();
            let expected = match sum % 11 {
                0 => Some(0),
                1 => None,
                r => Some(11 - r),
            };
            let text: String = digits.iter().map(|d| d.to_string()).collect();
            let id = format!("{text}-{check}");
            prop_assert_eq!(
                validate::business_id(&id).is_ok(),
                expected == Some(check),
                "{}",
                id
            );
            Ok(())
        },
    );
}

#[test]
fn e_mail_addresses_are_tidied_or_refused_with_field_invalid() {
    fuzz("e-mail", cases(), text(), |typed_text| {
        match validate::email(&typed_text) {
            Ok(email) => {
                prop_assert!(email.len() <= 254);
                prop_assert_eq!(validate::email(&email).unwrap(), email);
            }
            // Bidi and zero-width characters are refused before the address is parsed.
            Err(error) => typed(&error, &["field_invalid", "text_hidden_characters"])?,
        }
        Ok(())
    });
}

#[test]
fn recovery_codes_decode_or_are_refused_with_recovery_code_invalid() {
    fuzz("recovery codes (any text)", cases(), text(), |typed_text| {
        if let Err(error) = RecoveryCode::parse(&typed_text).to_key() {
            typed(&error, &["recovery_code_invalid"])?;
        }
        Ok(())
    });

    let sandbox = Sandbox::new("fuzz-code");
    let created = Register::create(
        &sandbox.data_dir,
        &sandbox.keychain,
        &at("2026-11-27T10:00:00Z"),
    )
    .unwrap();
    sandbox.track(created.register.register_id());
    let real = created.recovery_code.reveal().to_string();
    let decoded = RecoveryCode::parse(&real).to_key().unwrap();
    let key = *decoded.expose();
    // As a person types it: any case, any spaces and dashes, look-alike digits.
    fuzz(
        "recovery codes (as typed)",
        cases(),
        proptest::collection::vec((any::<bool>(), 0u8..4), real.len()),
        |choices| {
            let mut typed_text = String::new();
            for (c, (lower, separator)) in real.chars().zip(choices) {
                let c = match c {
                    'O' if lower => '0',
                    'I' if lower => '1',
                    'B' if lower => '8',
                    c if lower => c.to_ascii_lowercase(),
                    c => c,
                };
                typed_text.push(c);
                typed_text.push_str(["", " ", "-", "  "][separator as usize]);
            }
            let decoded = RecoveryCode::parse(&typed_text).to_key();
            prop_assert!(decoded.is_ok(), "{}", typed_text);
            let decoded = decoded.unwrap();
            prop_assert_eq!(decoded.expose(), &key);
            Ok(())
        },
    );
    // With a character replaced, dropped or added: refused, or (rarely, when the checksum
    // still matches) another key, never a panic.
    fuzz(
        "recovery codes (mistyped)",
        cases(),
        (0..real.len(), "[A-Za-z0-9]", 0u8..3),
        |(position, replacement, how)| {
            let mut chars: Vec<char> = real.chars().collect();
            let replacement = replacement.chars().next().unwrap();
            match how {
                0 => chars[position] = replacement,
                1 => {
                    chars.remove(position);
                }
                _ => chars.insert(position, replacement),
            }
            let typed_text: String = chars.into_iter().collect();
            if let Err(error) = RecoveryCode::parse(&typed_text).to_key() {
                typed(&error, &["recovery_code_invalid"])?;
            }
            Ok(())
        },
    );
}

/// How a backup file is damaged.
#[derive(Debug, Clone)]
enum Damage {
    /// XOR one byte with a non-zero mask.
    Flip { at: usize, mask: u8 },
    /// Keep only the first bytes.
    Truncate { keep: usize },
    /// Overwrite a big-endian header or chunk-prefix field with another value.
    Field {
        offset: usize,
        width: usize,
        value: u64,
    },
    /// Add bytes after the end.
    Append { bytes: Vec<u8> },
    /// Overwrite a run of bytes with random ones.
    Splice { at: usize, bytes: Vec<u8> },
}

/// Offsets and widths of the header's numeric fields and the first chunk's prefix (the
/// format is in backup.rs's module comment): version, chunk size, schema version, snapshot
/// length, created-at length; then final flag, ciphertext length.
fn fields(header_len: usize) -> Vec<(usize, usize)> {
    vec![
        (16, 2),
        (18, 4),
        (58, 4),
        (62, 8),
        (70, 2),
        (header_len, 1),
        (header_len + 13, 4),
    ]
}

fn damage(len: usize, header_len: usize) -> impl Strategy<Value = Damage> {
    let fields = fields(header_len);
    let value = prop_oneof![
        any::<u64>(),
        Just(0u64),
        Just(u64::MAX),
        Just(u64::from(u32::MAX)),
        0u64..70_000,
    ];
    prop_oneof![
        3 => (0..len, 1u8..=255).prop_map(|(at, mask)| Damage::Flip { at, mask }),
        2 => (0..len).prop_map(|keep| Damage::Truncate { keep }),
        3 => (proptest::sample::select(fields), value).prop_map(|((offset, width), value)| {
            Damage::Field { offset, width, value }
        }),
        1 => proptest::collection::vec(any::<u8>(), 1..64).prop_map(|bytes| Damage::Append { bytes }),
        1 => (0..len, proptest::collection::vec(any::<u8>(), 1..64))
            .prop_map(|(at, bytes)| Damage::Splice { at, bytes }),
    ]
}

fn apply(original: &[u8], damage: &Damage) -> Vec<u8> {
    let mut bytes = original.to_vec();
    match damage {
        Damage::Flip { at, mask } => bytes[*at] ^= mask,
        Damage::Truncate { keep } => bytes.truncate(*keep),
        Damage::Field {
            offset,
            width,
            value,
        } => {
            let be = value.to_be_bytes();
            bytes[*offset..offset + width].copy_from_slice(&be[8 - width..]);
        }
        Damage::Append { bytes: extra } => bytes.extend_from_slice(extra),
        Damage::Splice { at, bytes: run } => {
            for (i, b) in run.iter().enumerate() {
                if let Some(slot) = bytes.get_mut(at + i) {
                    *slot = *b;
                }
            }
        }
    }
    bytes
}

/// Every file of the data folder with its SHA-256; the `-shm` file only by name, as every
/// read (the role check of the refused restore, too) moves its read marks and it is rebuilt
/// from the WAL at each open anyway.
fn fingerprint(dir: &Path) -> BTreeSet<(String, String)> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let hash = if name.ends_with("-shm") {
                String::new()
            } else {
                sha256_file(&path)
            };
            (name, hash)
        })
        .collect()
}

#[test]
fn a_damaged_backup_is_refused_with_a_typed_error_and_the_live_register_is_unchanged() {
    let sandbox = Sandbox::new("fuzz-backup");
    let clock = at("2026-11-27T10:00:00Z");
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    register
        .person_add(
            &admin,
            &PersonInput {
                surname: "Varmuuskopio".into(),
                first_name: "Veera".into(),
                other_first_names: None,
            },
            &[ContactInput {
                kind: ContactKind::Email,
                value: "veera@esimerkki.fi".into(),
                label: None,
                social_kind: None,
            }],
            &SourceInput {
                kind: SourceKind::BusinessCard,
                detail: None,
                obtained_on: None,
            },
            &clock,
        )
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let good = out.path().join("good.kbak");
    register.backup_create(Some(&admin), &good, &clock).unwrap();
    let original = std::fs::read(&good).unwrap();
    let header_len = 72 + usize::from(u16::from_be_bytes([original[70], original[71]]));
    let before = fingerprint(sandbox.data_dir.path());
    let damaged = out.path().join("damaged.kbak");
    // proptest calls the check through `Fn`.
    let register = std::cell::RefCell::new(register);

    let cases = (cases() / 8).max(16);
    fuzz(
        "backup reader",
        cases,
        damage(original.len(), header_len),
        |how| {
            let bytes = apply(&original, &how);
            prop_assume!(bytes != original);
            std::fs::write(&damaged, &bytes).unwrap();
            let refused = register
                .borrow_mut()
                .backup_restore(&admin, &damaged, &clock);
            prop_assert!(refused.is_err(), "{how:?} was restored");
            typed(
                &refused.unwrap_err(),
                &[
                    "backup_damaged",
                    "backup_truncated",
                    "backup_other_register",
                ],
            )?;
            prop_assert_eq!(
                &fingerprint(sandbox.data_dir.path()),
                &before,
                "{:?} changed the data folder",
                how
            );
            Ok(())
        },
    );
    // A header that asks for a 4 GiB chunk is refused as damaged before any chunk is read,
    // not after a 4 GiB allocation that a smaller machine cannot make.
    let huge = apply(
        &apply(
            &original,
            &Damage::Field {
                offset: 18,
                width: 4,
                value: u64::from(u32::MAX),
            },
        ),
        &Damage::Field {
            offset: header_len + 13,
            width: 4,
            value: u64::from(u32::MAX),
        },
    );
    std::fs::write(&damaged, huge).unwrap();
    let refused = register
        .borrow_mut()
        .backup_restore(&admin, &damaged, &clock)
        .unwrap_err();
    assert_eq!(refused.code(), "backup_damaged", "{refused}");
    // The untouched backup still restores: the refusals above were about the damage.
    register
        .borrow_mut()
        .backup_restore(&admin, &good, &clock)
        .unwrap();
}
