//! The writer that the crash test (`tests/reliability/crash.rs`) kills with SIGKILL at random
//! moments. It opens a register the way the app does (SQLCipher file, key from the real
//! keychain) and commits a stream of changes through the public `Register` API: people with
//! contact data, business cards (person, new organisation, position and contact data in one
//! transaction), contact data, meetings and consent events. After each commit has returned
//! it prints one line, `<kind> <id>…`, so every id on stdout is a change reported committed.
//!
//! Not for users: built only with the `crash-writer` feature (on by default, so `cargo test`
//! has it). Usage: `kortisto-crash-writer DATA_DIR USER_ID SEED`, the keychain service from
//! `KORTISTO_KEYCHAIN_SERVICE`.
#![forbid(unsafe_code)]

use std::io::Write;
use std::process::ExitCode;

use kortisto_core::auth::{Role, Session};
use kortisto_core::consent::{ConsentChannel, ConsentEventKind, ConsentInput};
use kortisto_core::meetings::{MeetingInput, MeetingKind};
use kortisto_core::organisations::OrganisationInput;
use kortisto_core::people::{BusinessCard, ContactInput, ContactKind, PersonInput};
use kortisto_core::sources::{SourceInput, SourceKind};
use kortisto_core::{DataDir, Keychain, Register, SystemClock};
use rand::{Rng, SeedableRng};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data_dir, user_id, seed] = args.as_slice() else {
        eprintln!("usage: kortisto-crash-writer DATA_DIR USER_ID SEED");
        return ExitCode::from(2);
    };
    let Ok(seed) = seed.parse::<u64>() else {
        eprintln!("SEED must be a number");
        return ExitCode::from(2);
    };
    match run(data_dir, user_id, seed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}: {error}", error.code());
            ExitCode::FAILURE
        }
    }
}

fn run(data_dir: &str, user_id: &str, seed: u64) -> kortisto_core::Result<()> {
    let mut register = Register::open(&DataDir::at(data_dir), &Keychain::from_env())?;
    // Role and activity are re-read from the register on every call, so the session needs
    // only the user id; logging in would spend an Argon2 hash on every restart.
    let session = Session {
        user_id: user_id.to_string(),
        username: "admin".into(),
        display_name: "Admin".into(),
        role: Role::Admin,
    };
    let clock = SystemClock;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let source = SourceInput {
        kind: SourceKind::BusinessCard,
        detail: None,
        obtained_on: None,
    };
    let mut people: Vec<String> = Vec::new();
    let mut stdout = std::io::stdout().lock();
    for n in 0u64.. {
        // Unique per writer run and change, so no two changes look alike to the duplicate check.
        let tag = format!("{seed}-{n}");
        let phone = format!("040 {:07}", rng.gen_range(1_000_000..10_000_000u32));
        let email = ContactInput {
            kind: ContactKind::Email,
            value: format!("k{tag}@esimerkki.fi"),
            label: None,
            social_kind: None,
        };
        let line = match (people.is_empty(), rng.gen_range(0..5u8)) {
            (true, 0..=1) | (false, 0) => {
                let person = register.person_add(
                    &session,
                    &person_input("Henkilö", &tag),
                    &[
                        email,
                        ContactInput {
                            kind: ContactKind::Phone,
                            value: phone,
                            label: None,
                            social_kind: None,
                        },
                    ],
                    &source,
                    &clock,
                )?;
                people.push(person.person_id.clone());
                format!("person {}", person.person_id)
            }
            (true, _) | (false, 1) => {
                let card = BusinessCard {
                    person: person_input("Kortti", &tag),
                    organisation_id: None,
                    new_organisation: Some(OrganisationInput {
                        name: format!("Kortti Oy {tag}"),
                        ..OrganisationInput::default()
                    }),
                    title: Some("Myyntijohtaja".into()),
                    contacts: vec![
                        email,
                        ContactInput {
                            kind: ContactKind::Mobile,
                            value: phone,
                            label: None,
                            social_kind: None,
                        },
                    ],
                    source: source.clone(),
                };
                let saved = register.business_card_save(&session, &card, true, &clock)?;
                people.push(saved.person_id.clone());
                format!(
                    "card {} {} {}",
                    saved.person_id,
                    saved.organisation_id.unwrap_or_default(),
                    saved.position_id.unwrap_or_default()
                )
            }
            (false, 2) => {
                let person_id = &people[rng.gen_range(0..people.len())];
                let contact = register.contact_add(
                    &session,
                    Some(person_id),
                    None,
                    &ContactInput {
                        kind: ContactKind::Address,
                        value: format!("Testikatu {n}, 00100 Helsinki"),
                        label: Some("käyntiosoite".into()),
                        social_kind: None,
                    },
                    &source,
                    &clock,
                )?;
                format!("contact {}", contact.contact_id)
            }
            (false, 3) => {
                let mut participant_ids = vec![people[rng.gen_range(0..people.len())].clone()];
                participant_ids.push(people[rng.gen_range(0..people.len())].clone());
                let meeting = register.meeting_log(
                    &session,
                    &MeetingInput {
                        kind: MeetingKind::Call,
                        at: None,
                        subject: format!("Soitto {tag}"),
                        participant_ids,
                        notes: Some("Sovittiin jatkosta.".into()),
                        organisation_id: None,
                    },
                    &clock,
                )?;
                format!("meeting {}", meeting.meeting_id)
            }
            (false, _) => {
                let person_id = people[rng.gen_range(0..people.len())].clone();
                let event = register.consent_record(
                    &session,
                    &ConsentInput {
                        person_id,
                        purpose: "direct-marketing".into(),
                        kind: if rng.gen_bool(0.5) {
                            ConsentEventKind::Given
                        } else {
                            ConsentEventKind::Withdrawn
                        },
                        channel: ConsentChannel::Form,
                        wording_version: "markkinointi-2026-01".into(),
                        evidence: None,
                        at: None,
                    },
                    &clock,
                )?;
                format!("consent {}", event.consent_event_id)
            }
        };
        // A closed pipe means the harness is gone; stop quietly rather than panic.
        if writeln!(stdout, "{line}")
            .and_then(|()| stdout.flush())
            .is_err()
        {
            break;
        }
    }
    Ok(())
}

fn person_input(surname: &str, tag: &str) -> PersonInput {
    PersonInput {
        surname: surname.into(),
        first_name: format!("Testi{tag}"),
        other_first_names: None,
    }
}
