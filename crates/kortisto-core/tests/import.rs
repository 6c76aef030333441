//! Contact-file import (issue #14): one fixture per quirk of the files real programs write
//! (tests/fixtures/import/), the dry run's outcomes, re-import, the suppression list, a
//! damaged file and a stopped import.
use std::path::PathBuf;

use crate::common::{at, password, register_with_admin, Sandbox};
use kortisto_core::auth::{Role, Session};
use kortisto_core::import::{
    ImportFile, ImportFormat, ImportOptions, ImportOutcome, ImportReason, ImportedPerson,
    BATCH_SIZE,
};
use kortisto_core::organisations::OrganisationInput;
use kortisto_core::people::{BusinessCard, ContactInput, ContactKind, PersonInput};
use kortisto_core::sources::{SourceInput, SourceKind};
use kortisto_core::users::NewUser;
use kortisto_core::{Error, FixedClock, Register};

fn clock() -> FixedClock {
    at("2026-11-27T10:00:00Z")
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn read(name: &str) -> ImportFile {
    ImportFile::read(&fixture(name), None).unwrap()
}

fn people(file: &ImportFile) -> Vec<&ImportedPerson> {
    file.rows.iter().map(|r| &r.person).collect()
}

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| v.to_string()).collect()
}

fn options(kind: SourceKind, detail: Option<&str>) -> ImportOptions {
    ImportOptions {
        source: SourceInput {
            kind,
            detail: detail.map(String::from),
            obtained_on: None,
        },
        add_likely_duplicates: false,
        add_suppressed: false,
    }
}

fn office(register: &mut Register, admin: &Session) -> Session {
    let new = NewUser {
        username: "toimisto".into(),
        display_name: "Toimisto".into(),
        role: Role::Office,
    };
    register
        .user_add(admin, &new, &password(), &clock())
        .unwrap();
    register.login("toimisto", &password(), &clock()).unwrap()
}

#[test]
fn vcard_21_quoted_printable_with_soft_breaks_and_charsets() {
    let file = read("vcard21_quoted_printable.vcf");
    assert_eq!(file.format, ImportFormat::Vcard);
    let people = people(&file);
    assert_eq!(people.len(), 2);
    let matti = people[0];
    assert_eq!(matti.surname, "Hämäläinen");
    assert_eq!(matti.first_name, "Matti");
    assert_eq!(matti.other_first_names.as_deref(), Some("Juhani"));
    // The soft line break falls in the middle of an ä's two bytes.
    assert_eq!(
        matti.organisations,
        strings(&["Pohjolan Teollisuuspäällys Oy"])
    );
    assert_eq!(matti.titles, strings(&["Hankintapäällikkö"]));
    assert_eq!(
        matti.emails,
        strings(&["matti.hamalainen@pohjola-teollisuus.fi", "matti@example.fi"])
    );
    assert_eq!(matti.phones, strings(&["09 1234 567"]));
    assert_eq!(matti.mobiles, strings(&["+358 40 123 4567"]));
    let asa = people[1];
    assert_eq!(
        (asa.surname.as_str(), asa.first_name.as_str()),
        ("Öberg", "Åsa")
    );
    assert_eq!(asa.organisations, strings(&["Skånska Maskin AB"]));
    assert_eq!(asa.titles, strings(&["Försäljningschef"]));
    assert_eq!(asa.emails, strings(&["asa.oberg@skanska-maskin.se"]));
    assert_eq!(asa.mobiles, strings(&["+46 70 123 45 67"]));
    assert!(file.rows.iter().all(|r| r.problem.is_none()));
}

#[test]
fn vcard_without_charset_falls_back_to_windows_1252() {
    let file = read("vcard21_windows1252.vcf");
    let paivi = people(&file)[0];
    assert_eq!(
        (paivi.surname.as_str(), paivi.first_name.as_str()),
        ("Mäkelä", "Päivi")
    );
    assert_eq!(paivi.organisations, strings(&["Oy Pörssi Ab"]));
    assert_eq!(paivi.titles, strings(&["Myyntipäällikkö"]));
    assert_eq!(paivi.emails, strings(&["paivi.makela@porssi.fi"]));
    assert_eq!(paivi.phones, strings(&["020 123 4567"]));
    assert!(paivi.mobiles.is_empty());
}

#[test]
fn vcard_30_with_cr_line_ends_folding_inside_a_letter_groups_and_a_photo() {
    let file = read("vcard30_apple_cr.vcf");
    assert_eq!(file.rows.len(), 1);
    let anna = people(&file)[0];
    assert_eq!(
        (anna.surname.as_str(), anna.first_name.as_str()),
        ("Somby", "Áŋŋá")
    );
    assert_eq!(anna.organisations, strings(&["Sámediggi"]));
    assert_eq!(anna.titles, strings(&["Ráđđeaddi ja gielladoalli"]));
    // item1.EMAIL and item2.EMAIL: grouped, the first folded in its domain.
    assert_eq!(
        anna.emails,
        strings(&["anna.somby@samediggi.fi", "ansomby@example.no"])
    );
    assert_eq!(anna.mobiles, strings(&["+358 40 765 4321"]));
    assert_eq!(anna.phones, strings(&["016 123 456"]));
    assert_eq!(
        anna.uid.as_deref(),
        Some("6F1D4C2A-0B7E-4E53-9A3C-2F8B1C0D9E77")
    );
    // The photo and the URL are not read into anything.
    let everything = format!("{anna:?}");
    assert!(!everything.contains("9j/4AAQ") && !everything.contains("example.org"));
}

#[test]
fn vcard_40_in_utf16_with_several_organisations_and_tel_uris() {
    let file = read("vcard40_utf16.vcf");
    let liisa = people(&file)[0];
    assert_eq!(liisa.surname, "Virtanen-Korhonen");
    assert_eq!(liisa.first_name, "Liisa");
    assert_eq!(liisa.other_first_names.as_deref(), Some("Maria Helena"));
    assert_eq!(
        liisa.organisations,
        strings(&["Kestävä Energia Oy", "Suomen Tuulivoimayhdistys ry"])
    );
    assert_eq!(
        liisa.titles,
        strings(&["Toimitusjohtaja", "Hallituksen jäsen"])
    );
    assert_eq!(
        liisa.emails,
        strings(&["liisa.virtanen-korhonen@kestava.fi", "liisa.vk@example.com"])
    );
    assert_eq!(liisa.mobiles, strings(&["+358-50-987-6543"]));
    assert_eq!(liisa.phones, strings(&["+358-9-7654-321"]));
    assert_eq!(
        liisa.uid.as_deref(),
        Some("urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1")
    );
}

#[test]
fn the_same_vcard_with_lf_crlf_or_cr_line_ends_reads_the_same() {
    let bytes = std::fs::read(fixture("vcard21_quoted_printable.vcf")).unwrap();
    let crlf = ImportFile::parse("a.vcf", &bytes, None).unwrap();
    let lf: Vec<u8> = String::from_utf8_lossy(&bytes)
        .replace("\r\n", "\n")
        .into_bytes();
    let cr: Vec<u8> = String::from_utf8_lossy(&bytes)
        .replace("\r\n", "\r")
        .into_bytes();
    // (the Latin-1 card becomes U+FFFD through from_utf8_lossy: compare the UTF-8 one)
    let lf = ImportFile::parse("a.vcf", &lf, None).unwrap();
    let cr = ImportFile::parse("a.vcf", &cr, None).unwrap();
    assert_eq!(lf.rows[0].person, crlf.rows[0].person);
    assert_eq!(cr.rows[0].person, crlf.rows[0].person);
}

#[test]
fn google_contacts_csv_with_several_values_in_a_cell_and_a_line_break() {
    let file = read("google.csv");
    assert_eq!(file.format, ImportFormat::Csv);
    let people = people(&file);
    assert_eq!(people.len(), 2, "the line break in the note is not a row");
    let asa = people[0];
    assert_eq!(
        (asa.surname.as_str(), asa.first_name.as_str()),
        ("Öberg", "Åsa")
    );
    assert_eq!(asa.organisations, strings(&["Skånska Maskin AB"]));
    assert_eq!(asa.titles, strings(&["Försäljningschef"]));
    assert_eq!(
        asa.emails,
        strings(&["asa.oberg@skanska-maskin.se", "asa@example.se"])
    );
    assert_eq!(asa.mobiles, strings(&["+46 70 123 45 67"]));
    assert_eq!(asa.phones, strings(&["+46 8 123 456"]));
    let antti = people[1];
    assert_eq!(antti.surname, "Hämäläinen");
    assert_eq!(antti.other_first_names.as_deref(), Some("Olavi"));
    assert_eq!(antti.organisations, strings(&["Konepaja Hämäläinen Oy"]));
    assert_eq!(antti.titles, strings(&["Tuotantopäällikkö"]));
    assert_eq!(
        antti.emails,
        strings(&["antti.hamalainen@konepaja.fi", "antti@example.fi"])
    );
    assert_eq!(antti.mobiles, strings(&["040 222 3333"]));
}

#[test]
fn outlook_csv_with_finnish_headings_from_a_finnish_excel() {
    let file = read("outlook_fi.csv");
    let people = people(&file);
    assert_eq!(people.len(), 2);
    let paivi = people[0];
    assert_eq!(
        (paivi.surname.as_str(), paivi.first_name.as_str()),
        ("Mäkelä", "Päivi")
    );
    assert_eq!(paivi.organisations, strings(&["Oy Pörssi Ab"]));
    assert_eq!(paivi.titles, strings(&["Myyntipäällikkö"]));
    // Not the display name column, which also holds the address.
    assert_eq!(paivi.emails, strings(&["paivi.makela@porssi.fi"]));
    assert_eq!(paivi.phones, strings(&["020 123 4567"]));
    assert_eq!(paivi.mobiles, strings(&["040 555 6666"]));
    let jorgen = people[1];
    assert_eq!(
        (jorgen.surname.as_str(), jorgen.first_name.as_str()),
        ("Åkerlund", "Jörgen")
    );
    assert_eq!(jorgen.organisations, strings(&["Åbo Båtvarv Ab"]));
    assert_eq!(jorgen.titles, strings(&["Verkställande direktör"]));
    assert_eq!(
        jorgen.emails,
        strings(&["jorgen@abobatvarv.fi", "j.akerlund@example.fi"])
    );
    assert_eq!(jorgen.phones, strings(&["02 234 5678"]));
}

#[test]
fn outlook_csv_with_english_headings() {
    let file = read("outlook_en.csv");
    let eero = people(&file)[0];
    assert_eq!(
        (eero.surname.as_str(), eero.first_name.as_str()),
        ("Lindqvist", "Eero")
    );
    assert_eq!(eero.organisations, strings(&["Nordic Steel Oy"]));
    assert_eq!(eero.titles, strings(&["Key Account Manager"]));
    assert_eq!(eero.emails, strings(&["eero.lindqvist@nordicsteel.fi"]));
    assert_eq!(eero.phones, strings(&["+358 9 111 2222"]), "not the fax");
    assert_eq!(eero.mobiles, strings(&["+358 45 123 4567"]));
}

#[test]
fn generic_csv_with_a_column_mapping() {
    // Without the mapping no column is a name: the user is told to map them.
    match ImportFile::read(&fixture("generic.csv"), None) {
        Err(Error::ImportColumnsUnknown { columns }) => assert!(columns.contains("Henkilö")),
        other => panic!("expected import_columns_unknown, got {other:?}"),
    }
    let file = ImportFile::read(&fixture("generic.csv"), Some(&fixture("generic.map"))).unwrap();
    let ristiina = people(&file)[0];
    assert_eq!(ristiina.surname, "Näkkäläjärvi");
    assert_eq!(ristiina.first_name, "Ristiina");
    assert_eq!(ristiina.organisations, strings(&["Lapin Kulta Oy"]));
    assert_eq!(ristiina.titles, strings(&["Ostaja"]));
    assert_eq!(ristiina.emails, strings(&["ristiina@lapinkulta.fi"]));
    assert_eq!(ristiina.mobiles, strings(&["040 999 8888"]));
    // A mapping with a field that does not exist, or a column the file lacks, is refused.
    let bytes = std::fs::read(fixture("generic.csv")).unwrap();
    assert!(matches!(
        ImportFile::parse("g.csv", &bytes, Some("Henkilö = nimi")),
        Err(Error::ImportMappingInvalid { line: 1 })
    ));
    assert!(matches!(
        ImportFile::parse("g.csv", &bytes, Some("Sukunimi = surname")),
        Err(Error::ImportMappingColumnMissing { .. })
    ));
}

#[test]
fn files_that_are_no_contacts_are_refused_with_their_own_errors() {
    assert!(matches!(
        ImportFile::parse("kuva.png", b"\x89PNG\r\n", None),
        Err(Error::ImportFormatUnknown)
    ));
    assert!(matches!(
        ImportFile::parse("tyhja.vcf", b"", None),
        Err(Error::ImportEmpty)
    ));
    assert!(matches!(
        ImportFile::read(&fixture("ei-ole.vcf"), None),
        Err(Error::ImportUnreadable { .. })
    ));
}

/// The damaged fixture with a card carrying a 5 MB photo on one line before it.
fn broken_file() -> ImportFile {
    let mut bytes =
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Kuvallinen;Kaisa;;;\r\nPHOTO;ENCODING=b;TYPE=JPEG:"
            .to_vec();
    bytes.extend(std::iter::repeat_n(b'A', 5 * 1024 * 1024));
    bytes.extend_from_slice(b"\r\nEMAIL:kaisa@example.fi\r\nEND:VCARD\r\n");
    bytes.extend(std::fs::read(fixture("broken.vcf")).unwrap());
    ImportFile::parse("broken.vcf", &bytes, None).unwrap()
}

#[test]
fn a_damaged_file_imports_what_is_whole_and_reports_the_rest() {
    let sandbox = Sandbox::new("import-broken");
    let (mut register, admin) = register_with_admin(&sandbox, &clock());
    let file = broken_file();
    let plan = register.import_plan(&admin, &file, &clock()).unwrap();
    let outcomes: Vec<(&str, ImportOutcome, Option<ImportReason>)> = plan
        .rows
        .iter()
        .map(|r| (r.surname.as_str(), r.outcome, r.reason))
        .collect();
    assert_eq!(
        outcomes,
        vec![
            ("Kuvallinen", ImportOutcome::New, None),
            ("Laine", ImportOutcome::New, None),
            (
                "Nie\u{1}mi",
                ImportOutcome::Invalid,
                Some(ImportReason::NameInvalid)
            ),
            (
                "Koskinen",
                ImportOutcome::Invalid,
                Some(ImportReason::NoEnd)
            ),
            ("Lehtonen", ImportOutcome::New, None),
            ("Salo", ImportOutcome::Invalid, Some(ImportReason::NoEnd)),
        ]
    );
    let result = register
        .import_commit(
            &admin,
            &file,
            &options(SourceKind::EmailOrSocialMedia, None),
            &clock(),
            &mut |_, _| true,
        )
        .unwrap();
    assert_eq!(result.added, 3);
    assert_eq!(result.counts.invalid, 3);
    let kaisa = result.rows[0].added_person_id.clone().unwrap();
    let page = register.person_page(&admin, &kaisa, &clock()).unwrap();
    assert_eq!(
        page.contacts.len(),
        1,
        "the e-mail after the photo, no photo"
    );
}

#[test]
fn dry_run_saves_nothing_import_adds_people_with_source_and_reimport_adds_no_one() {
    let sandbox = Sandbox::new("import-reimport");
    let (mut register, admin) = register_with_admin(&sandbox, &clock());
    let office = office(&mut register, &admin);
    let files = [
        "vcard21_quoted_printable.vcf",
        "vcard30_apple_cr.vcf",
        "vcard40_utf16.vcf",
    ];
    for name in files {
        let file = read(name);
        let plan = register.import_plan(&office, &file, &clock()).unwrap();
        assert!(
            plan.rows.iter().all(|r| r.outcome == ImportOutcome::New),
            "{name}: {plan:?}"
        );
    }
    assert_eq!(
        register
            .person_list(&admin, 0, 100, &clock())
            .unwrap()
            .total,
        0,
        "a dry run saves nothing"
    );

    let mut progress = Vec::new();
    for name in files {
        let result = register
            .import_commit(
                &office,
                &read(name),
                &options(SourceKind::Event, Some("Alihankintamessut 2026")),
                &clock(),
                &mut |done, total| {
                    progress.push((done, total));
                    true
                },
            )
            .unwrap();
        assert!(!result.stopped);
    }
    assert_eq!(progress, vec![(2, 2), (1, 1), (1, 1)]);
    let list = register.person_list(&admin, 0, 100, &clock()).unwrap();
    assert_eq!(list.total, 4);

    // The person, their contact data and positions, with the source of the file.
    let liisa = list
        .items
        .iter()
        .find(|p| p.surname == "Virtanen-Korhonen")
        .unwrap();
    let page = register
        .person_page(&admin, &liisa.person_id, &clock())
        .unwrap();
    assert_eq!(page.person.source.kind, SourceKind::Event);
    assert_eq!(
        page.person.source.detail.as_deref(),
        Some("Alihankintamessut 2026 (vcard40_utf16.vcf)")
    );
    assert_eq!(page.person.source.recorded_by, office.user_id);
    assert_eq!(page.person.source.obtained_on, "2026-11-27");
    assert_eq!(
        page.person.other_first_names.as_deref(),
        Some("Maria Helena")
    );
    let mut titles: Vec<(String, String)> = page
        .positions
        .iter()
        .map(|p| (p.organisation_name.clone(), p.title.clone()))
        .collect();
    titles.sort();
    assert_eq!(
        titles,
        vec![
            (
                "Kestävä Energia Oy".to_string(),
                "Toimitusjohtaja".to_string()
            ),
            (
                "Suomen Tuulivoimayhdistys ry".into(),
                "Hallituksen jäsen".into()
            ),
        ]
    );
    let mut contacts: Vec<(ContactKind, String)> = page
        .contacts
        .iter()
        .map(|c| (c.kind, c.value.clone()))
        .collect();
    contacts.sort_by(|a, b| a.1.cmp(&b.1));
    assert_eq!(
        contacts,
        vec![
            (ContactKind::Mobile, "+358509876543".to_string()),
            (ContactKind::Phone, "+35897654321".into()),
            (
                ContactKind::Email,
                "liisa.virtanen-korhonen@kestava.fi".into()
            ),
            (ContactKind::Email, "liisa.vk@example.com".into()),
        ]
    );
    assert!(page
        .contacts
        .iter()
        .all(|c| c.source.detail == page.person.source.detail));

    // The same files again: all the same, by UID where the card has one, else by e-mail.
    for name in files {
        let file = read(name);
        let plan = register.import_plan(&office, &file, &clock()).unwrap();
        assert_eq!(plan.counts.new, 0, "{name}");
        assert_eq!(plan.counts.same as usize, file.rows.len(), "{name}");
        let result = register
            .import_commit(
                &office,
                &file,
                &options(SourceKind::BusinessCard, None),
                &clock(),
                &mut |_, _| true,
            )
            .unwrap();
        assert_eq!(result.added, 0);
    }
    let again = register
        .import_plan(&office, &read("vcard40_utf16.vcf"), &clock())
        .unwrap();
    assert_eq!(again.rows[0].reason, Some(ImportReason::SameUid));
    assert_eq!(again.rows[0].matches[0].person_id, liisa.person_id);
    let again = register
        .import_plan(&office, &read("vcard21_quoted_printable.vcf"), &clock())
        .unwrap();
    assert_eq!(again.rows[0].reason, Some(ImportReason::SameEmail));
    assert_eq!(
        register
            .person_list(&admin, 0, 100, &clock())
            .unwrap()
            .total,
        4
    );

    // The same person in another program's file (Google, with the same e-mail): the same.
    let google = register
        .import_plan(&office, &read("google.csv"), &clock())
        .unwrap();
    assert_eq!(google.rows[0].outcome, ImportOutcome::Same);
    assert_eq!(google.rows[0].reason, Some(ImportReason::SameEmail));
}

#[test]
fn a_likely_duplicate_by_folded_name_at_the_same_organisation_is_added_only_when_confirmed() {
    let sandbox = Sandbox::new("import-duplicate");
    let (mut register, admin) = register_with_admin(&sandbox, &clock());
    let organisation = register
        .organisation_add(
            &admin,
            &OrganisationInput {
                name: "Konepaja Hämäläinen Oy".into(),
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    let card = BusinessCard {
        person: PersonInput {
            surname: "Hamalainen".into(),
            first_name: "Antti".into(),
            other_first_names: None,
        },
        organisation_id: Some(organisation.organisation_id.clone()),
        new_organisation: None,
        title: None,
        contacts: vec![],
        source: SourceInput {
            kind: SourceKind::BusinessCard,
            detail: None,
            obtained_on: None,
        },
    };
    let existing = register
        .business_card_save(&admin, &card, false, &clock())
        .unwrap();
    let file = read("google.csv");
    let plan = register.import_plan(&admin, &file, &clock()).unwrap();
    assert_eq!(plan.rows[0].outcome, ImportOutcome::New);
    let antti = &plan.rows[1];
    assert_eq!(antti.outcome, ImportOutcome::LikelyDuplicate);
    assert_eq!(antti.reason, Some(ImportReason::SameNameInOrganisation));
    assert_eq!(antti.matches[0].person_id, existing.person_id);

    let result = register
        .import_commit(
            &admin,
            &file,
            &options(SourceKind::DataProvider, Some("Google")),
            &clock(),
            &mut |_, _| true,
        )
        .unwrap();
    assert_eq!(result.added, 1, "Åsa only");
    let mut confirmed = options(SourceKind::DataProvider, Some("Google"));
    confirmed.add_likely_duplicates = true;
    let result = register
        .import_commit(&admin, &file, &confirmed, &clock(), &mut |_, _| true)
        .unwrap();
    assert_eq!(
        result.added, 1,
        "Antti now; Åsa is the same as the one just added"
    );
    // The existing organisation was used, not a second one of the same name.
    let page = register
        .person_page(
            &admin,
            result.rows[1].added_person_id.as_ref().unwrap(),
            &clock(),
        )
        .unwrap();
    assert_eq!(
        page.positions[0].organisation_id,
        organisation.organisation_id
    );
}

#[test]
fn an_erased_persons_opted_out_address_is_flagged_and_not_added() {
    let sandbox = Sandbox::new("import-suppressed");
    let (mut register, admin) = register_with_admin(&sandbox, &clock());
    let office = office(&mut register, &admin);
    let erased = register
        .person_add(
            &admin,
            &PersonInput {
                surname: "Mäkelä".into(),
                first_name: "Päivi".into(),
                other_first_names: None,
            },
            &[ContactInput {
                kind: ContactKind::Email,
                value: "Paivi.Makela@PORSSI.fi".into(),
                label: None,
                social_kind: None,
            }],
            &SourceInput {
                kind: SourceKind::BusinessCard,
                detail: None,
                obtained_on: None,
            },
            &clock(),
        )
        .unwrap();
    register
        .erase(&admin, &erased.person_id, None, &clock())
        .unwrap();
    let file = read("vcard21_windows1252.vcf");
    let plan = register.import_plan(&office, &file, &clock()).unwrap();
    assert_eq!(plan.rows[0].outcome, ImportOutcome::Suppressed);
    assert_eq!(plan.rows[0].reason, Some(ImportReason::ErasedOptOut));
    let result = register
        .import_commit(
            &office,
            &file,
            &options(SourceKind::BusinessCard, None),
            &clock(),
            &mut |_, _| true,
        )
        .unwrap();
    assert_eq!(result.added, 0);
    assert_eq!(
        register.person_list(&admin, 0, 10, &clock()).unwrap().total,
        0
    );
    // Office staff cannot decide to add them; an administrator can.
    let mut decided = options(SourceKind::BusinessCard, None);
    decided.add_suppressed = true;
    assert!(matches!(
        register.import_commit(&office, &file, &decided, &clock(), &mut |_, _| true),
        Err(Error::PermissionDenied { .. })
    ));
    let result = register
        .import_commit(&admin, &file, &decided, &clock(), &mut |_, _| true)
        .unwrap();
    assert_eq!(result.added, 1);
}

#[test]
fn a_stopped_import_leaves_whole_batches_of_whole_people() {
    let sandbox = Sandbox::new("import-stop");
    let (mut register, admin) = register_with_admin(&sandbox, &clock());
    let mut text = String::new();
    for n in 0..(BATCH_SIZE * 2 + 50) {
        text.push_str(&format!(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Henkilö{n};Testi;;;\r\nORG:Yritys {} Oy\r\nTITLE:Ostaja\r\nEMAIL:testi{n}@example.fi\r\nTEL;TYPE=CELL:+358 40 {:07}\r\nEND:VCARD\r\n",
            n % 7,
            1_000_000 + n
        ));
    }
    let file = ImportFile::parse("iso.vcf", text.as_bytes(), None).unwrap();
    let mut calls = Vec::new();
    let result = register
        .import_commit(
            &admin,
            &file,
            &options(SourceKind::PortalRegistration, None),
            &clock(),
            &mut |done, total| {
                calls.push((done, total));
                false
            },
        )
        .unwrap();
    assert!(result.stopped);
    assert_eq!(calls, vec![(BATCH_SIZE as u64, file.rows.len() as u64)]);
    assert_eq!(result.added as usize, BATCH_SIZE);
    let list = register.person_list(&admin, 0, 1000, &clock()).unwrap();
    assert_eq!(list.total as usize, BATCH_SIZE);
    for person in list.items.iter().take(20) {
        let page = register
            .person_page(&admin, &person.person_id, &clock())
            .unwrap();
        assert_eq!(page.contacts.len(), 2, "{}", person.surname);
        assert_eq!(page.positions.len(), 1);
    }
    // Going on from the start adds the rest and no one twice.
    let result = register
        .import_commit(
            &admin,
            &file,
            &options(SourceKind::PortalRegistration, None),
            &clock(),
            &mut |_, _| true,
        )
        .unwrap();
    assert_eq!(result.added as usize, BATCH_SIZE + 50);
    assert_eq!(result.counts.same as usize, BATCH_SIZE);
    assert_eq!(
        register
            .person_list(&admin, 0, 1000, &clock())
            .unwrap()
            .total as usize,
        BATCH_SIZE * 2 + 50
    );
}

#[test]
fn an_event_without_its_name_is_refused_before_anything_is_written() {
    let sandbox = Sandbox::new("import-source");
    let (mut register, admin) = register_with_admin(&sandbox, &clock());
    // The file's name alone does not say which event.
    let event = options(SourceKind::Event, None);
    assert!(matches!(
        register.import_commit(&admin, &read("google.csv"), &event, &clock(), &mut |_, _| true),
        Err(Error::FieldInvalid { field, .. }) if field == "source_detail"
    ));
    let mut tomorrow = options(SourceKind::Event, Some("Messut"));
    tomorrow.source.obtained_on = Some("28.11.2026".into());
    assert!(matches!(
        register.import_commit(
            &admin,
            &read("google.csv"),
            &tomorrow,
            &clock(),
            &mut |_, _| true
        ),
        Err(Error::DateInvalid { .. })
    ));
    assert_eq!(
        register.person_list(&admin, 0, 10, &clock()).unwrap().total,
        0
    );
}
