//! Export of people: vCard 4.0 checked field by field (Finnish and Sámi names, several e-mails
//! and phones, folding, escaping), spreadsheet-safe CSV, the portability export (JSON + vCard),
//! restricted people left out, and every exported person a read of them.
use kortisto_core::auth::{Role, Session};
use kortisto_core::export::{vcard_fold, PeopleExportFormat, PeopleSelection};
use kortisto_core::organisations::OrganisationInput;
use kortisto_core::people::{ContactInput, ContactKind, PersonInput, PositionInput};
use kortisto_core::reads::ReadKind;
use kortisto_core::restriction::RestrictionInput;
use kortisto_core::sources::{SourceInput, SourceKind};
use kortisto_core::users::NewUser;
use kortisto_core::{Error, Language, Register};

use crate::common::{at, password, register_with_admin, Sandbox};

fn source() -> SourceInput {
    SourceInput {
        kind: SourceKind::BusinessCard,
        detail: None,
        obtained_on: None,
    }
}

fn contact(kind: ContactKind, value: &str, label: Option<&str>) -> ContactInput {
    ContactInput {
        kind,
        value: value.into(),
        label: label.map(str::to_string),
        social_kind: None,
    }
}

/// Máret Ánne Äijälä-Sárá, Saamelaiskäräjät; two e-mails, a phone, a mobile, an address.
fn sami_person(register: &mut Register, admin: &Session) -> String {
    let clock = at("2026-11-27T09:00:00Z");
    let person = register
        .person_add(
            admin,
            &PersonInput {
                surname: "Äijälä-Sárá".into(),
                first_name: "Máret".into(),
                other_first_names: Some("Ánne Šárá".into()),
            },
            &[
                contact(
                    ContactKind::Email,
                    "maret.sara@saamelaiskarajat.fi",
                    Some("työ"),
                ),
                contact(ContactKind::Email, "maret@example.fi", None),
                contact(ContactKind::Phone, "016 665 1234", None),
                contact(ContactKind::Mobile, "040 123 4567", None),
                contact(
                    ContactKind::Address,
                    "Sajos, Menesjärventie 1; 99870 Inari, Suomi",
                    None,
                ),
            ],
            &source(),
            &clock,
        )
        .unwrap()
        .person_id;
    let organisation = register
        .organisation_add(
            admin,
            &OrganisationInput {
                name: "Sámediggi, Saamelaiskäräjät".into(),
                ..Default::default()
            },
            &clock,
        )
        .unwrap();
    register
        .position_add(
            admin,
            &PositionInput {
                person_id: person.clone(),
                organisation_id: organisation.organisation_id,
                title: "Giellačálli; kielenkääntäjä".into(),
                job_description: None,
                start_on: None,
                end_on: None,
            },
            &clock,
        )
        .unwrap();
    person
}

/// Unfolds content lines (RFC 6350 §3.2) and checks each physical line on the way.
fn unfold(text: &str) -> Vec<String> {
    assert!(text.ends_with("\r\n"), "CRLF at the end");
    let mut lines: Vec<String> = Vec::new();
    for physical in text.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(
            physical.len() <= 75,
            "{} octets: {physical:?}",
            physical.len()
        );
        assert!(!physical.contains('\n') && !physical.contains('\r'));
        match physical.strip_prefix(' ') {
            Some(rest) => lines.last_mut().expect("a first line").push_str(rest),
            None => lines.push(physical.to_string()),
        }
    }
    lines
}

#[test]
fn a_vcard_of_a_person_with_finnish_and_sami_names_holds_every_field_escaped_and_folded() {
    let sandbox = Sandbox::new("export-vcard");
    let clock = at("2026-11-27T10:00:00Z");
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let person = sami_person(&mut register, &admin);
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("maret.vcf");
    let written = register
        .portability_file(
            &admin,
            &person,
            PeopleExportFormat::Vcard,
            Language::Fi,
            &file,
            &clock,
        )
        .unwrap();
    assert_eq!(written.count, 1);
    let bytes = std::fs::read(&file).unwrap();
    let text = String::from_utf8(bytes).expect("UTF-8");
    assert!(!text.replace("\r\n", "").contains('\n'), "CRLF only");
    let lines = unfold(&text);
    assert_eq!(
        lines,
        [
            "BEGIN:VCARD".to_string(),
            "VERSION:4.0".into(),
            format!("UID:urn:uuid:{person}"),
            "FN:Máret Ánne Šárá Äijälä-Sárá".into(),
            "N:Äijälä-Sárá;Máret;Ánne Šárá;;".into(),
            "ORG:Sámediggi\\, Saamelaiskäräjät".into(),
            "TITLE:Giellačálli\\; kielenkääntäjä".into(),
            "EMAIL;LABEL=\"työ\":maret.sara@saamelaiskarajat.fi".into(),
            "EMAIL:maret@example.fi".into(),
            "TEL;VALUE=uri;TYPE=voice:tel:+358166651234".into(),
            "TEL;VALUE=uri;TYPE=cell:tel:+358401234567".into(),
            "ADR:;;Sajos\\, Menesjärventie 1\\; 99870 Inari\\, Suomi;;;;".into(),
            "REV:20261127T090000Z".into(),
            "END:VCARD".into(),
        ]
    );
}

#[test]
fn folding_never_splits_a_character_and_escaping_covers_backslash_comma_semicolon_and_newline() {
    let long = format!("NOTE:{}", "äÁš€".repeat(30));
    let folded = vcard_fold(&long);
    for line in folded.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(line.len() <= 75, "{}", line.len());
        assert!(std::str::from_utf8(line.as_bytes()).is_ok());
    }
    assert_eq!(folded.replace("\r\n ", "").trim_end(), long);
    assert_eq!(
        kortisto_core::export::vcard_escape("a\\b,c;d\ne\r\nf"),
        "a\\\\b\\,c\\;d\\ne\\nf"
    );
    // Exactly 75 octets stay on one line; 76 fold.
    let line75 = format!("FN:{}", "a".repeat(72));
    assert_eq!(vcard_fold(&line75), format!("{line75}\r\n"));
    let line76 = format!("FN:{}", "a".repeat(73));
    assert_eq!(
        vcard_fold(&line76),
        format!("FN:{}\r\n a\r\n", "a".repeat(72))
    );
}

#[test]
fn a_search_result_as_csv_neutralises_formulas_leaves_restricted_people_out_and_counts_as_reads() {
    let sandbox = Sandbox::new("export-csv");
    let clock = at("2026-11-27T10:00:00Z");
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    register
        .user_add(
            &admin,
            &NewUser {
                username: "toimisto".into(),
                display_name: "Toimisto Käyttäjä".into(),
                role: Role::Office,
            },
            &password(),
            &clock,
        )
        .unwrap();
    let office = register.login("toimisto", &password(), &clock).unwrap();
    let sami = sami_person(&mut register, &admin);
    let formula = register
        .person_add(
            &admin,
            &PersonInput {
                surname: "=HYPERLINK(\"http://evil.example\";\"Sárá\")".into(),
                first_name: "+Sárá".into(),
                other_first_names: None,
            },
            &[contact(ContactKind::Email, "sara@example.fi", None)],
            &source(),
            &clock,
        )
        .unwrap()
        .person_id;
    let restricted = register
        .person_add(
            &admin,
            &PersonInput {
                surname: "Sárá-Rajattu".into(),
                first_name: "Elle".into(),
                other_first_names: None,
            },
            &[],
            &source(),
            &clock,
        )
        .unwrap()
        .person_id;
    register
        .restriction_set(
            &admin,
            &RestrictionInput {
                person_id: restricted.clone(),
                reason: "Kiistää tietojen paikkansapitävyyden".into(),
                from_on: None,
                until_on: None,
            },
            None,
            &clock,
        )
        .unwrap();

    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("sara.csv");
    let written = register
        .export_people(
            &office,
            &PeopleSelection::Search {
                query: "sárá".into(),
            },
            PeopleExportFormat::Csv,
            Language::Fi,
            &file,
            &at("2026-11-27T11:00:00Z"),
        )
        .unwrap();
    assert_eq!(written.count, 2, "the restricted person is left out");
    let text = String::from_utf8(std::fs::read(&file).unwrap()).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a BOM for Excel");
    let mut rows = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.as_bytes());
    let rows: Vec<Vec<String>> = rows
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(rows[0][0], "Sukunimi");
    assert_eq!(rows.len(), 3);
    let evil = rows.iter().find(|r| r[0].contains("HYPERLINK")).unwrap();
    assert_eq!(evil[0], "'=HYPERLINK(\"http://evil.example\";\"Sárá\")");
    assert_eq!(evil[1], "'+Sárá");
    let maret = rows.iter().find(|r| r[1] == "Máret").unwrap();
    assert_eq!(maret[5], "maret.sara@saamelaiskarajat.fi, maret@example.fi");
    assert_eq!(maret[6], "'+358166651234", "a leading + is neutralised too");
    assert!(!text.contains("Rajattu"));

    // Each exported person is a read of them, by the office user; the restricted one is not.
    for id in [&sami, &formula] {
        let seen = register
            .person_seen_by(&admin, id, 100, &at("2026-11-27T12:00:00Z"))
            .unwrap();
        let exports: Vec<_> = seen.iter().filter(|r| r.action == "export").collect();
        assert_eq!(exports.len(), 1, "{seen:?}");
        assert_eq!(exports[0].kind, ReadKind::Exported);
        assert_eq!(exports[0].username.as_deref(), Some("toimisto"));
        assert_eq!(exports[0].shown, 2);
    }
    let restricted_reads = register
        .person_seen_by(&admin, &restricted, 100, &at("2026-11-27T12:00:00Z"))
        .unwrap();
    assert!(restricted_reads.iter().all(|r| r.action != "export"));

    // Bad input: nothing typed, no one chosen, an unknown person, a bad format — nothing written.
    let nothing = out.path().join("nothing.csv");
    for selection in [
        PeopleSelection::Search { query: "  ".into() },
        PeopleSelection::People { person_ids: vec![] },
    ] {
        assert!(matches!(
            register.export_people(
                &office,
                &selection,
                PeopleExportFormat::Csv,
                Language::Fi,
                &nothing,
                &clock
            ),
            Err(Error::FieldInvalid { .. })
        ));
    }
    assert!(matches!(
        register.export_people(
            &office,
            &PeopleSelection::People {
                person_ids: vec!["no-such-person".into()]
            },
            PeopleExportFormat::Vcard,
            Language::Fi,
            &nothing,
            &clock
        ),
        Err(Error::RecordNotFound { .. })
    ));
    assert!(!nothing.exists());
    assert!(matches!(
        PeopleExportFormat::parse("xlsx"),
        Err(Error::FieldInvalid { .. })
    ));
    // A portability export is the administrator's, as the access extract.
    assert!(matches!(
        register.portability_export(&office, &sami, out.path(), &clock),
        Err(Error::PermissionDenied { .. })
    ));
    assert!(register.audit_verify(&admin).unwrap().intact);
}

#[test]
fn a_portability_export_writes_json_and_vcard_and_is_a_read_of_the_person() {
    let sandbox = Sandbox::new("export-portability");
    let clock = at("2026-11-27T10:00:00Z");
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let person = sami_person(&mut register, &admin);
    let out = tempfile::tempdir().unwrap();
    let files = register
        .portability_export(&admin, &person, out.path(), &at("2026-11-27T13:00:00Z"))
        .unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&files.json_path).unwrap()).unwrap();
    assert_eq!(json["schema"], "kortisto-portability/1");
    assert_eq!(json["person"]["person"]["surname"], "Äijälä-Sárá");
    assert_eq!(json["person"]["contacts"].as_array().unwrap().len(), 5);
    let vcard = std::fs::read_to_string(&files.vcard_path).unwrap();
    assert!(vcard.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"));
    assert!(files
        .vcard_path
        .ends_with(&format!("kortisto-siirto-2026-11-27-{person}.vcf")));
    let seen = register
        .person_seen_by(&admin, &person, 100, &at("2026-11-27T14:00:00Z"))
        .unwrap();
    assert_eq!(seen[0].action, "portability_export");
    assert_eq!(seen[0].kind, ReadKind::Exported);
    assert!(register.audit_verify(&admin).unwrap().intact);
}
