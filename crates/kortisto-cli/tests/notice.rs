//! `kortisto purpose`, `notice` and `record-of-processing` (#15): purposes with their bases
//! as data, the notice published with its versions and diff, the Art. 30 record, and bad
//! input refused with its own code and nothing changed.
use crate::common::{code, Cli};

#[test]
fn purposes_are_listed_added_and_refused_without_a_basis() {
    let cli = Cli::with_admin("purposes");
    let before = cli.admin(&["purpose", "list"]);
    assert_eq!(before.as_array().unwrap().len(), 5);
    assert_eq!(before[2]["purpose_id"], "direct-marketing");
    assert_eq!(before[2]["bases"][0], "consent");
    assert_eq!(before[2]["consent_purpose"], "direct-marketing");

    let no_basis = cli.admin_raw(&[
        "purpose",
        "add",
        "newsletter",
        "--name-fi",
        "Uutiskirje",
        "--name-en",
        "Newsletter",
    ]);
    assert_eq!(code(&no_basis), "purpose_basis_missing");
    assert!(String::from_utf8_lossy(&no_basis.stderr).contains("oikeusperustetta"));
    let no_consent = cli.admin_raw(&[
        "purpose",
        "add",
        "newsletter",
        "--name-fi",
        "Uutiskirje",
        "--name-en",
        "Newsletter",
        "--basis",
        "consent",
    ]);
    assert_eq!(code(&no_consent), "purpose_consent_missing");
    let unknown = cli.admin_raw(&[
        "purpose",
        "add",
        "newsletter",
        "--name-fi",
        "Uutiskirje",
        "--name-en",
        "Newsletter",
        "--basis",
        "hunch",
    ]);
    assert_eq!(code(&unknown), "field_invalid");
    assert_eq!(cli.admin(&["purpose", "list"]), before, "nothing changed");

    let added = cli.admin(&[
        "purpose",
        "add",
        "newsletter",
        "--name-fi",
        "Uutiskirje",
        "--name-en",
        "Newsletter",
        "--basis",
        "consent",
        "--consent-purpose",
        "newsletter",
    ]);
    assert_eq!(added["name_fi"], "Uutiskirje");
    let edited = cli.admin(&[
        "purpose",
        "edit",
        "newsletter",
        "--name-en",
        "Monthly newsletter",
    ]);
    assert_eq!(edited["name_en"], "Monthly newsletter");
    assert_eq!(edited["bases"][0], "consent", "what was not given stays");
    let text = cli.run(
        &["--user", "paakayttaja", "--lang", "en", "purpose", "list"],
        &[("KORTISTO_PASSWORD", crate::common::ADMIN_PASSWORD)],
    );
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Monthly newsletter (newsletter): Consent (Art. 6(1)(a))"),
        "{text}"
    );
    // The marketing list of a purpose on legitimate interest is refused.
    let refused = cli.admin_raw(&["marketing", "list", "--purpose", "customer-management"]);
    assert_eq!(
        code(&refused),
        "purpose_consent_missing",
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
}

#[test]
fn a_transfer_without_a_basis_is_refused_and_nothing_is_saved() {
    let cli = Cli::with_admin("transfer-basis");
    let processor = cli.admin(&[
        "processor",
        "add",
        "--name",
        "Webinaari Inc",
        "--service",
        "webinaarit",
        "--purpose",
        "webinaarit",
        "--agreement",
        "DPA-1",
        "--agreement-date",
        "1.1.2026",
        "--location",
        "USA",
    ]);
    let id = processor["processor_id"].as_str().unwrap();
    for basis in [None, Some("")] {
        let mut args = vec![
            "transfer",
            "add",
            "--processor",
            id,
            "--country",
            "USA",
            "--detail",
            "x",
            "--since",
            "1.1.2026",
        ];
        if let Some(basis) = basis {
            args.extend(["--basis", basis]);
        }
        let refused = cli.admin_raw(&args);
        assert_eq!(
            code(&refused),
            "transfer_basis_missing",
            "{}",
            String::from_utf8_lossy(&refused.stderr)
        );
    }
    assert_eq!(
        cli.admin(&["transfer", "list"]).as_array().unwrap().len(),
        0
    );
}

#[test]
fn the_notice_is_published_with_its_versions_and_the_diff_shows_the_change() {
    let cli = Cli::with_admin("notice");
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().to_str().unwrap();
    let none = cli.admin(&["notice", "diff"]);
    assert!(none.is_null(), "nothing published yet");
    let first = cli.admin(&["notice", "publish", "--lang", "fi", "--out", folder]);
    for key in ["markdown_path", "html_path", "pdf_path"] {
        assert!(std::path::Path::new(first[key].as_str().unwrap()).is_file());
    }
    assert_eq!(first["published"]["has_previous"], false);
    cli.admin(&["controller", "set", "--responsible", "Maija Rekisteri"]);
    let second = cli.admin(&["notice", "publish", "--lang", "fi", "--out", folder]);
    let changes = second["published"]["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 4, "{changes:#?}");
    let diff = cli.admin(&["notice", "diff", "--lang", "fi"]);
    assert_eq!(diff["changes"], second["published"]["changes"]);
    let lines: Vec<String> = changes
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                c["change"].as_str().unwrap(),
                c["line"].as_str().unwrap()
            )
        })
        .collect();
    assert!(
        lines.contains(&"removed Vastuuhenkilö: Jukka-Pekka Sorvisto".to_string()),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"added Vastuuhenkilö: Maija Rekisteri".to_string()),
        "{lines:?}"
    );
    // The person responsible is named in section 10 too (how to use one's rights).
    assert!(changes.iter().all(
        |c| c["section"] == "1 Rekisterinpitäjä" || c["section"] == "10 Rekisteröidyn oikeudet"
    ));
    // In words: the section and the lines.
    let human = cli.run(
        &["--user", "paakayttaja", "notice", "diff"],
        &[("KORTISTO_PASSWORD", crate::common::ADMIN_PASSWORD)],
    );
    let human = String::from_utf8_lossy(&human.stdout);
    assert!(
        human.contains("+ [1 Rekisterinpitäjä] Vastuuhenkilö: Maija Rekisteri"),
        "{human}"
    );
    // Publishing into a folder that is not there: refused, no version kept.
    let refused = cli.admin_raw(&[
        "notice",
        "publish",
        "--out",
        out.path().join("ei-ole").to_str().unwrap(),
    ]);
    assert_eq!(code(&refused), "output_not_writable");
    assert_eq!(
        cli.admin(&["notice", "versions"]).as_array().unwrap().len(),
        2
    );
    // English is its own line of versions.
    let english = cli.admin(&["notice", "publish", "--lang", "en", "--out", folder]);
    assert_eq!(english["published"]["version"]["language"], "en");
    assert!(
        std::fs::read_to_string(english["html_path"].as_str().unwrap())
            .unwrap()
            .contains("Rights of the data subject")
    );
}

#[test]
fn the_record_of_processing_is_written_as_pdf_csv_and_json() {
    let cli = Cli::with_admin("record");
    let out = tempfile::tempdir().unwrap();
    let files = cli.admin(&[
        "record-of-processing",
        "--lang",
        "en",
        "--out",
        out.path().to_str().unwrap(),
    ]);
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(files["json_path"].as_str().unwrap()).unwrap())
            .unwrap();
    assert_eq!(json["purposes"][2]["name"], "Direct marketing");
    let csv = std::fs::read_to_string(files["csv_path"].as_str().unwrap()).unwrap();
    assert!(
        csv.trim_start_matches('\u{feff}')
            .starts_with("Section;Entry;Detail"),
        "{csv}"
    );
    assert!(std::fs::read(files["pdf_path"].as_str().unwrap())
        .unwrap()
        .starts_with(b"%PDF-"));
}
