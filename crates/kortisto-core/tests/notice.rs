//! The privacy notice, the purposes and the record of processing are generated from the
//! register's own data (#15): every section of the 2018 notice is there, a change of a rule,
//! a processor or the controller changes the next notice exactly there, the extract tells
//! this person's retention and purposes by name, and any name prints in a PDF.
use crate::common::{at, register_with_admin, Sandbox};
use kortisto_core::consent::{ConsentChannel, ConsentEventKind, ConsentInput};
use kortisto_core::disclosures::{LegalBasis, ProcessorInput, TransferInput};
use kortisto_core::notice::NoticeChange;
use kortisto_core::people::PersonInput;
use kortisto_core::purposes::{LawfulBasis, PurposeInput};
use kortisto_core::retention::RetentionRuleInput;
use kortisto_core::sources::{SourceInput, SourceKind};
use kortisto_core::{Error, FixedClock, Language, Register};

/// The numbered sections of the 2018 notice (`shared/seed/tietosuojaseloste-2018.txt`, its
/// table of contents), each of which the generated Finnish notice must have as a heading.
const SEED_SECTIONS: &[&str] = &[
    "1 Rekisterinpitäjä",
    "2 Rekisterin nimi",
    "3 Tietojen käsittelyn tarkoitus",
    "4 Rekisterin tietosisältö",
    "5 Säännönmukaiset tietolähteet",
    "6 Tietojen luovutus",
    "7 Tietojen siirto EU:n tai ETAn ulkopuolelle",
    "8 Tietojen vanheneminen",
    "9 Suojauksen periaatteet",
    "10 Rekisteröidyn oikeudet",
];

fn clock() -> FixedClock {
    at("2026-11-27T10:00:00Z")
}

fn pdf_text(path: &str) -> String {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    pdf_extract::extract_text_from_mem(&bytes)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn card(obtained_on: &str) -> SourceInput {
    SourceInput {
        kind: SourceKind::BusinessCard,
        detail: None,
        obtained_on: Some(obtained_on.into()),
    }
}

fn person(
    register: &mut Register,
    admin: &kortisto_core::auth::Session,
    first: &str,
    surname: &str,
) -> String {
    register
        .person_add(
            admin,
            &PersonInput {
                surname: surname.into(),
                first_name: first.into(),
                other_first_names: None,
            },
            &[],
            &card("2026-01-15"),
            &clock(),
        )
        .unwrap()
        .person_id
}

#[test]
fn the_finnish_notice_covers_every_section_of_the_2018_notice() {
    let sandbox = Sandbox::new("notice-sections");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let out = tempfile::tempdir().unwrap();
    let published = register
        .notice_publish(&admin, Language::Fi, out.path(), &clock)
        .unwrap();
    let html = std::fs::read_to_string(&published.html_path).unwrap();
    let markdown = std::fs::read_to_string(&published.markdown_path).unwrap();
    let pdf = pdf_text(&published.pdf_path);
    for heading in SEED_SECTIONS {
        assert!(
            html.contains(&format!("<h2>{heading}")),
            "HTML lacks {heading:?}"
        );
        assert!(
            markdown.contains(&format!("## {heading}")),
            "Markdown lacks {heading:?}"
        );
        assert!(pdf.contains(heading), "PDF lacks {heading:?}");
    }
    // Each section says what the register holds: the controller, the purposes by their
    // bases, the retention rule's period, the keychain, the authority.
    for expected in [
        "Sofor Oy",
        "0855050-9",
        "Jukka-Pekka Sorvisto",
        "Suoramarkkinointi — Suostumus (6 art. 1 a)",
        "Asiakastietojen hallinnointi — Oikeutettu etu (6 art. 1 f)",
        "viimeisten 36 kuukauden aikana",
        "avainnipussa",
        "Käyntikortti",
        "Tietosuojavaltuutetun toimisto",
        "eikä niitä siirretä EU:n tai ETAn ulkopuolelle",
        "Julkaistu 27.11.2026.",
    ] {
        assert!(markdown.contains(expected), "Markdown lacks {expected:?}");
        assert!(pdf.contains(expected), "PDF lacks {expected:?}");
    }
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<html lang=\"fi\">"));
    assert!(
        !html.contains("src=\"http") && !html.contains("href=\"http"),
        "self-contained"
    );
    // The English notice has the same ten sections.
    let english = register.notice_preview(&admin, Language::En).unwrap();
    assert_eq!(english.sections.len(), 10);
    assert_eq!(english.sections[7].heading, "8 Retention of data");
    assert!(english
        .markdown(None)
        .contains("Direct marketing — Consent (Art. 6(1)(a))"));
    // The version is kept; the first has no previous one.
    let versions = register.notice_versions(&admin, None).unwrap();
    assert_eq!(versions.len(), 1);
    assert!(!versions[0].has_previous);
    assert_eq!(versions[0].version.language, Language::Fi);
    assert!(
        !versions[0].version.content.contains("Julkaistu"),
        "the day is not in the diffed text"
    );
}

fn only(changes: &[NoticeChange]) -> Vec<(String, String, String)> {
    changes
        .iter()
        .map(|c| (c.change.clone(), c.section.clone(), c.line.clone()))
        .collect()
}

#[test]
fn a_rule_a_transfer_and_the_controllers_address_each_change_the_next_notice_exactly_there() {
    let sandbox = Sandbox::new("notice-diff");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let out = tempfile::tempdir().unwrap();
    register
        .notice_publish(&admin, Language::Fi, out.path(), &clock)
        .unwrap();
    assert!(register
        .notice_diff(&admin, Language::En)
        .unwrap()
        .is_none());

    // 1. The no-ties rule from 36 to 24 months: one line of section 8, nothing else.
    let rule = register
        .retention_rules(&admin)
        .unwrap()
        .into_iter()
        .find(|r| r.rule_id == "no-ties")
        .unwrap();
    register
        .retention_rule_set(
            &admin,
            &RetentionRuleInput {
                rule_id: "no-ties".into(),
                months: 24,
                reference_fi: rule.reference_fi.clone(),
                reference_en: rule.reference_en.clone(),
            },
            &clock,
        )
        .unwrap();
    let second = register
        .notice_publish(&admin, Language::Fi, out.path(), &clock)
        .unwrap();
    let changes = only(&second.published.changes);
    assert_eq!(changes.len(), 2, "{changes:#?}");
    assert_eq!(changes[0].0, "removed");
    assert_eq!(changes[1].0, "added");
    assert!(
        changes.iter().all(|c| c.1 == "8 Tietojen vanheneminen"),
        "{changes:#?}"
    );
    assert!(changes[0].2.contains("viimeisten 36 kuukauden aikana"));
    assert!(changes[1].2.contains("viimeisten 24 kuukauden aikana"));
    assert!(std::fs::read_to_string(&second.markdown_path)
        .unwrap()
        .contains("viimeisten 24 kuukauden"));
    let diff = register.notice_diff(&admin, Language::Fi).unwrap().unwrap();
    assert_eq!(only(&diff.changes), changes);

    // 2. A processor with a transfer: sections 6 and 7 only.
    let processor = register
        .processor_add(
            &admin,
            &ProcessorInput {
                name: "Webinaaripalvelu Inc".into(),
                service: "webinaarit".into(),
                purpose: "webinaarien järjestäminen".into(),
                agreement_reference: "DPA-2026-3".into(),
                agreement_date: "2026-03-01".into(),
                processing_location: "Yhdysvallat".into(),
            },
            &clock,
        )
        .unwrap();
    register
        .transfer_add(
            &admin,
            &TransferInput {
                processor_id: processor.processor_id.clone(),
                country: "Yhdysvallat".into(),
                legal_basis: LegalBasis::StandardContractualClauses,
                basis_detail: "EU:n vakiolausekkeet 2021/914, moduuli 2".into(),
                dpf_certified: false,
                since_on: "2026-03-01".into(),
            },
            &clock,
        )
        .unwrap();
    let third = register
        .notice_publish(&admin, Language::Fi, out.path(), &clock)
        .unwrap();
    let changes = only(&third.published.changes);
    assert!(
        changes.iter().all(|c| c.1 == "6 Tietojen luovutus"
            || c.1 == "7 Tietojen siirto EU:n tai ETAn ulkopuolelle"),
        "{changes:#?}"
    );
    let has = |kind: &str, section: &str, text: &str| {
        changes
            .iter()
            .any(|c| c.0 == kind && c.1.starts_with(section) && c.2.contains(text))
    };
    assert!(has("added", "6 ", "Webinaaripalvelu Inc — webinaarit"));
    assert!(has(
        "removed",
        "6 ",
        "Tietoja ei luovuteta käsittelijöille."
    ));
    assert!(has("removed", "7 ", "eikä niitä siirretä"));
    assert!(has(
        "added",
        "7 ",
        "Webinaaripalvelu Inc → Yhdysvallat: vakiolausekkeet (46 art. 2 c), EU:n vakiolausekkeet 2021/914, moduuli 2"
    ));
    assert_eq!(changes.len(), 6, "{changes:#?}");

    // 3. The controller's address: one line of section 1.
    let mut controller = register.controller(&admin).unwrap();
    let old_address = controller.address.clone();
    controller.address = "Teollisuustie 7, 62200 Kauhava".into();
    register
        .controller_set(&admin, &controller, &clock)
        .unwrap();
    let fourth = register
        .notice_publish(&admin, Language::Fi, out.path(), &clock)
        .unwrap();
    assert_eq!(
        only(&fourth.published.changes),
        vec![
            (
                "removed".into(),
                "1 Rekisterinpitäjä".into(),
                format!("Osoite: {old_address}")
            ),
            (
                "added".into(),
                "1 Rekisterinpitäjä".into(),
                "Osoite: Teollisuustie 7, 62200 Kauhava".into()
            ),
        ]
    );
    assert!(pdf_text(&fourth.pdf_path).contains("Teollisuustie 7, 62200 Kauhava"));
    // Every version is kept, newest first, each with its own changes.
    let versions = register
        .notice_versions(&admin, Some(Language::Fi))
        .unwrap();
    assert_eq!(versions.len(), 4);
    assert_eq!(versions[0].changes, fourth.published.changes);
    assert_eq!(versions[2].changes, second.published.changes);
}

#[test]
fn bad_input_is_refused_with_its_own_code_and_nothing_changes() {
    let sandbox = Sandbox::new("notice-bad");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let before = register.purpose_list(&admin).unwrap();
    assert_eq!(before.len(), 5);
    let input = |bases: Vec<LawfulBasis>, consent: Option<&str>| PurposeInput {
        purpose_id: "event-invitations".into(),
        name_fi: "Tapahtumakutsut".into(),
        name_en: "Event invitations".into(),
        bases,
        consent_purpose: consent.map(str::to_string),
    };
    let no_basis = register
        .purpose_add(&admin, &input(vec![], None), &clock)
        .unwrap_err();
    assert!(
        matches!(no_basis, Error::PurposeBasisMissing { .. }),
        "{no_basis:?}"
    );
    assert_eq!(no_basis.code(), "purpose_basis_missing");
    assert!(no_basis.message(Language::Fi).contains("oikeusperustetta"));
    let no_consent = register
        .purpose_add(&admin, &input(vec![LawfulBasis::Consent], None), &clock)
        .unwrap_err();
    assert_eq!(no_consent.code(), "purpose_consent_missing");
    // An edit that drops every basis is refused the same way.
    let mut edit = input(vec![], None);
    edit.purpose_id = "customer-management".into();
    assert_eq!(
        register
            .purpose_edit(&admin, &edit, &clock)
            .unwrap_err()
            .code(),
        "purpose_basis_missing"
    );
    assert_eq!(register.purpose_list(&admin).unwrap(), before);

    // An invalid Y-tunnus for the controller: refused, the controller as it was.
    let controller = register.controller(&admin).unwrap();
    let mut wrong = controller.clone();
    wrong.business_id = "0855050-8".into();
    let error = register.controller_set(&admin, &wrong, &clock).unwrap_err();
    assert_eq!(error.code(), "field_invalid");
    assert_eq!(register.controller(&admin).unwrap(), controller);

    // Publishing into a folder that does not exist, or onto a file: nothing written, no
    // version kept.
    let out = tempfile::tempdir().unwrap();
    let missing = out.path().join("ei-ole");
    let error = register
        .notice_publish(&admin, Language::Fi, &missing, &clock)
        .unwrap_err();
    assert_eq!(error.code(), "output_not_writable");
    let file = out.path().join("tiedosto");
    std::fs::write(&file, b"x").unwrap();
    assert_eq!(
        register
            .notice_publish(&admin, Language::Fi, &file, &clock)
            .unwrap_err()
            .code(),
        "output_not_writable"
    );
    // A folder where one of the three names is taken by a folder: the rename fails after
    // the others were written, and they are removed again.
    let blocked = out.path().join("estetty");
    std::fs::create_dir(&blocked).unwrap();
    std::fs::create_dir(blocked.join("tietosuojaseloste-2026-11-27-fi.pdf")).unwrap();
    let error = register
        .notice_publish(&admin, Language::Fi, &blocked, &clock)
        .unwrap_err();
    assert_eq!(error.code(), "output_not_writable", "{error:?}");
    let left: Vec<_> = std::fs::read_dir(&blocked)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 1, "only the blocking folder is left: {left:?}");
    assert!(register.notice_versions(&admin, None).unwrap().is_empty());
    // Inside the register's own folder: refused too.
    assert_eq!(
        register
            .notice_publish(&admin, Language::Fi, sandbox.data_dir.path(), &clock)
            .unwrap_err()
            .code(),
        "output_inside_register"
    );
    assert!(register.notice_versions(&admin, None).unwrap().is_empty());
}

#[test]
fn a_purpose_that_needs_consent_lists_only_people_who_gave_it() {
    let sandbox = Sandbox::new("notice-purposes");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let ville = person(&mut register, &admin, "Ville", "Virtanen");
    let aino = person(&mut register, &admin, "Aino", "Aalto");
    let added = register
        .purpose_add(
            &admin,
            &PurposeInput {
                purpose_id: "event-invitations".into(),
                name_fi: "Tapahtumakutsut".into(),
                name_en: "Event invitations".into(),
                bases: vec![LawfulBasis::Consent],
                consent_purpose: Some("event-invitations".into()),
            },
            &clock,
        )
        .unwrap();
    assert!(added.needs_consent());
    let consent = |person_id: &str, purpose: &str| ConsentInput {
        person_id: person_id.into(),
        purpose: purpose.into(),
        kind: ConsentEventKind::Given,
        channel: ConsentChannel::Form,
        wording_version: "kutsut-2026".into(),
        evidence: None,
        at: None,
    };
    // The new consent purpose exists for the ledger at once.
    register
        .consent_record(&admin, &consent(&ville, "event-invitations"), &clock)
        .unwrap();
    register
        .consent_record(&admin, &consent(&aino, "direct-marketing"), &clock)
        .unwrap();
    let invited = register
        .marketing_list(&admin, "event-invitations", &clock)
        .unwrap();
    assert_eq!(
        invited
            .iter()
            .map(|c| c.person_id.as_str())
            .collect::<Vec<_>>(),
        [ville.as_str()]
    );
    let marketed = register
        .marketing_list(&admin, "direct-marketing", &clock)
        .unwrap();
    assert_eq!(
        marketed
            .iter()
            .map(|c| c.person_id.as_str())
            .collect::<Vec<_>>(),
        [aino.as_str()]
    );
    // A purpose on legitimate interest has no consent to list by: refused.
    let error = register
        .marketing_list(&admin, "customer-management", &clock)
        .unwrap_err();
    assert_eq!(error.code(), "purpose_consent_missing");
    // The notice names the new purpose with its basis; the list shows it in its place.
    let notice = register
        .notice_preview(&admin, Language::En)
        .unwrap()
        .markdown(None);
    assert!(
        notice.contains("- Event invitations — Consent (Art. 6(1)(a))"),
        "{notice}"
    );
    let ids: Vec<String> = register
        .purpose_list(&admin)
        .unwrap()
        .into_iter()
        .map(|p| p.purpose_id)
        .collect();
    assert_eq!(ids.last().map(String::as_str), Some("event-invitations"));
}

#[test]
fn the_extract_tells_this_persons_retention_and_purposes_in_its_language() {
    let sandbox = Sandbox::new("notice-extract");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    // Obtained 15.1.2026, no position, meeting or contract: kept 36 months from then.
    let ville = person(&mut register, &admin, "Ville", "Virtanen");
    register
        .consent_record(
            &admin,
            &ConsentInput {
                person_id: ville.clone(),
                purpose: "direct-marketing".into(),
                kind: ConsentEventKind::Withdrawn,
                channel: ConsentChannel::Email,
                wording_version: "markkinointi-2026".into(),
                evidence: None,
                at: None,
            },
            &clock,
        )
        .unwrap();
    let fi = register
        .extract_data(&admin, &ville, Language::Fi, &clock)
        .unwrap();
    assert_eq!(
        fi.information.retention[0],
        "Säilytetään 15.1.2029 asti: tietojen saantipäivä"
    );
    assert!(fi
        .information
        .purposes
        .iter()
        .any(|p| p.purpose == "Suoramarkkinointi" && p.lawful_basis == "Suostumus (6 art. 1 a)"));
    assert!(fi.information.notice.contains("ei ole vielä julkaistu"));
    let en = register
        .extract_data(&admin, &ville, Language::En, &clock)
        .unwrap();
    assert_eq!(
        en.information.retention[0],
        "Kept until 15.1.2029 because of when the data was obtained"
    );
    assert!(en
        .information
        .purposes
        .iter()
        .any(|p| p.purpose == "Direct marketing"));

    // The rule and the purpose's name change: the next extract follows both.
    let rule = register
        .retention_rules(&admin)
        .unwrap()
        .into_iter()
        .find(|r| r.rule_id == "no-ties")
        .unwrap();
    register
        .retention_rule_set(
            &admin,
            &RetentionRuleInput {
                rule_id: "no-ties".into(),
                months: 24,
                reference_fi: rule.reference_fi,
                reference_en: rule.reference_en,
            },
            &clock,
        )
        .unwrap();
    let mut marketing = register
        .purpose_list(&admin)
        .unwrap()
        .into_iter()
        .find(|p| p.purpose_id == "direct-marketing")
        .unwrap();
    marketing.name_fi = "Uutiskirjeet ja kutsut".into();
    register
        .purpose_edit(
            &admin,
            &PurposeInput {
                purpose_id: marketing.purpose_id.clone(),
                name_fi: marketing.name_fi.clone(),
                name_en: marketing.name_en.clone(),
                bases: marketing.bases.clone(),
                consent_purpose: marketing.consent_purpose.clone(),
            },
            &clock,
        )
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    register
        .notice_publish(&admin, Language::Fi, out.path(), &clock)
        .unwrap();
    let files = register
        .extract(&admin, &ville, Language::Fi, out.path(), None, &clock)
        .unwrap();
    let text = pdf_text(&files.pdf_path);
    assert!(
        text.contains("Säilytetään 15.1.2028 asti: tietojen saantipäivä"),
        "{text}"
    );
    assert!(
        text.contains("Uutiskirjeet ja kutsut: peruttu"),
        "the consent by its name: {text}"
    );
    assert!(!text.contains("direct-marketing"), "no slug in the PDF");
    assert!(
        text.contains("Tämä ote noudattaa 27.11.2026 julkaistua tietosuojaselostetta."),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&files.json_path).unwrap()).unwrap();
    assert!(json["information"]["notice_published_at"].is_string());
}

#[test]
fn every_name_comes_out_of_the_pdf_intact() {
    let sandbox = Sandbox::new("notice-unicode");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let out = tempfile::tempdir().unwrap();
    for (first, surname) in [
        ("Áŋŋá", "Čuđđá"),
        ("Дмитрий", "Иванов"),
        ("Ζωή", "Παπαδοπούλου"),
    ] {
        let id = person(&mut register, &admin, first, surname);
        let files = register
            .extract(&admin, &id, Language::Fi, out.path(), None, &clock)
            .unwrap();
        let text = pdf_text(&files.pdf_path);
        assert!(
            text.contains(&format!("{first} {surname}")),
            "{first} {surname} not in: {text}"
        );
        assert!(!text.contains('?'), "a glyph fell back to '?': {text}");
    }
    // The controller's name in the notice and the record prints the same way.
    let mut controller = register.controller(&admin).unwrap();
    controller.responsible = "Áŋŋá Čuđđá".into();
    register
        .controller_set(&admin, &controller, &clock)
        .unwrap();
    let notice = register
        .notice_publish(&admin, Language::Fi, out.path(), &clock)
        .unwrap();
    assert!(pdf_text(&notice.pdf_path).contains("Vastuuhenkilö: Áŋŋá Čuđđá"));
    let record = register
        .record_of_processing(&admin, Language::En, out.path(), &clock)
        .unwrap();
    assert!(pdf_text(&record.pdf_path).contains("Áŋŋá Čuđđá"));
}

#[test]
fn the_record_of_processing_has_every_art_30_part_in_pdf_csv_and_json() {
    let sandbox = Sandbox::new("notice-record");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let processor = register
        .processor_add(
            &admin,
            &ProcessorInput {
                name: "Pilvi Oy".into(),
                service: "varmuuskopiot".into(),
                purpose: "varmuuskopioiden säilytys".into(),
                agreement_reference: "DPA-7".into(),
                agreement_date: "2026-02-01".into(),
                processing_location: "Suomi".into(),
            },
            &clock,
        )
        .unwrap();
    register
        .transfer_add(
            &admin,
            &TransferInput {
                processor_id: processor.processor_id,
                country: "Intia".into(),
                legal_basis: LegalBasis::StandardContractualClauses,
                basis_detail: "SCC 2021/914".into(),
                dpf_certified: false,
                since_on: "2026-02-01".into(),
            },
            &clock,
        )
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let files = register
        .record_of_processing(&admin, Language::Fi, out.path(), &clock)
        .unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&files.json_path).unwrap()).unwrap();
    assert_eq!(json["schema"], "kortisto-record/1");
    assert_eq!(json["controller"]["name"], "Sofor Oy");
    assert_eq!(json["purposes"].as_array().unwrap().len(), 5);
    assert!(json["transfers"][0]
        .as_str()
        .unwrap()
        .contains("Intia: vakiolausekkeet"));
    let no_ties = json["retention"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule_id"] == "no-ties")
        .unwrap();
    assert_eq!(no_ties["months"], 36);
    assert!(!json["security_measures"].as_array().unwrap().is_empty());
    assert!(!json["data_subjects"].as_array().unwrap().is_empty());
    let csv = std::fs::read_to_string(&files.csv_path).unwrap();
    for expected in [
        "Osa",
        "Rekisterinpitäjä",
        "Käyttötarkoitus",
        "Rekisteröityjen ryhmä",
        "Tietoryhmä",
        "Vastaanottaja",
        "Pilvi Oy",
        "Siirto EU:n/ETA:n ulkopuolelle",
        "Säilytysaika",
        "Turvatoimi",
    ] {
        assert!(csv.contains(expected), "CSV lacks {expected:?}");
    }
    let pdf = pdf_text(&files.pdf_path);
    assert!(
        pdf.contains("Seloste käsittelytoimista")
            && pdf.contains("Pilvi Oy")
            && pdf.contains("avainnipussa")
    );
    // A folder that is not there: nothing.
    let error = register
        .record_of_processing(&admin, Language::Fi, &out.path().join("ei"), &clock)
        .unwrap_err();
    assert_eq!(error.code(), "output_not_writable");
}
