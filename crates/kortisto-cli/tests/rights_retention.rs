//! `consent`, `marketing`, `transfer`, `extract`, `erase`, `retention` and `backup` through
//! the real binary, as an administrator's script would run them.
use crate::common::{code, Cli};

fn add_person(cli: &Cli, surname: &str, email: &str, obtained: &str) -> String {
    let added = cli.admin(&[
        "person",
        "add",
        "--surname",
        surname,
        "--first-name",
        "Testi",
        "--email",
        email,
        "--source",
        "business-card",
        "--obtained-on",
        obtained,
    ]);
    added["id"].as_str().unwrap().to_string()
}

#[test]
fn consent_marketing_extract_and_erasure_from_the_command_line() {
    let cli = Cli::with_admin("rightscli");
    let yes = add_person(&cli, "Kyllä", "kylla@example.fi", "1.11.2026");
    let no = add_person(&cli, "Eipä", "eipa@example.fi", "1.11.2026");
    for (person, action) in [(&yes, "give"), (&no, "give"), (&no, "withdraw")] {
        cli.admin(&[
            "consent",
            action,
            person,
            "--channel",
            "email",
            "--wording",
            "markkinointi-2026",
        ]);
    }
    let csv = cli.run(
        &[
            "--user",
            "paakayttaja",
            "marketing",
            "list",
            "--purpose",
            "direct-marketing",
        ],
        &[("KORTISTO_PASSWORD", crate::common::ADMIN_PASSWORD)],
    );
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(
        csv.starts_with("\u{feff}Sukunimi;Etunimi;Sähköpostit;Suostumus annettu\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("kylla@example.fi") && !csv.contains("eipa@example.fi"),
        "{csv}"
    );
    let json = cli.admin(&["marketing", "list", "--format", "json"]);
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert_eq!(
        cli.admin(&["consent", "history", &no])
            .as_array()
            .unwrap()
            .len(),
        2
    );

    let out = tempfile::tempdir().unwrap();
    let files = cli.admin(&[
        "--lang",
        "en",
        "extract",
        &yes,
        "--out",
        out.path().to_str().unwrap(),
    ]);
    for key in ["pdf_path", "json_path", "manifest_path"] {
        assert!(
            std::path::Path::new(files[key].as_str().unwrap()).exists(),
            "{key}"
        );
    }
    let not_a_folder = out.path().join("file");
    std::fs::write(&not_a_folder, b"x").unwrap();
    let refused = cli.admin_raw(&["extract", &yes, "--out", not_a_folder.to_str().unwrap()]);
    assert_eq!(code(&refused), "output_not_writable");
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        4,
        "nothing half-written was left"
    );

    let receipt = cli.admin(&["erase", &no]);
    assert_eq!(receipt["counts"]["contacts"], 1);
    assert_eq!(code(&cli.admin_raw(&["erase", &no])), "record_not_found");
    assert_eq!(
        code(&cli.admin_raw(&["erase", "no-such-id"])),
        "record_not_found"
    );
    assert!(cli
        .admin(&["search", "eipa"])
        .as_array()
        .unwrap()
        .is_empty());

    let processor = cli.admin(&[
        "processor",
        "add",
        "--name",
        "Webinar Inc",
        "--service",
        "webinars",
        "--purpose",
        "events",
        "--agreement",
        "DPA-7",
        "--agreement-date",
        "1.1.2026",
        "--location",
        "USA",
    ]);
    let shield = cli.admin_raw(&[
        "transfer",
        "add",
        "--processor",
        processor["processor_id"].as_str().unwrap(),
        "--country",
        "USA",
        "--basis",
        "privacy-shield",
        "--detail",
        "Privacy Shield",
        "--since",
        "1.1.2019",
    ]);
    assert_eq!(code(&shield), "privacy_shield_invalid");

    // A processor's and a transfer's history read in words: field names, the processor by name.
    let processor_id = processor["processor_id"].as_str().unwrap();
    let other = cli.admin(&[
        "processor",
        "add",
        "--name",
        "Mailer Oy",
        "--service",
        "e-mail",
        "--purpose",
        "newsletters",
        "--agreement",
        "DPA-8",
        "--agreement-date",
        "1.1.2026",
        "--location",
        "EU",
    ]);
    let transfer = cli.admin(&[
        "transfer",
        "add",
        "--processor",
        processor_id,
        "--country",
        "USA",
        "--basis",
        "standard-contractual-clauses",
        "--detail",
        "SCC 2021",
        "--since",
        "1.1.2026",
    ]);
    let transfer_id = transfer["transfer_id"]
        .as_str()
        .or_else(|| transfer["id"].as_str())
        .unwrap();
    cli.admin(&[
        "transfer",
        "edit",
        transfer_id,
        "--processor",
        other["processor_id"].as_str().unwrap(),
    ]);
    cli.admin(&[
        "processor",
        "edit",
        processor_id,
        "--purpose",
        "webinars and events",
    ]);
    let said = |args: &[&str]| {
        let mut all = vec!["--user", "paakayttaja"];
        all.extend_from_slice(args);
        let out = cli.run(
            &all,
            &[("KORTISTO_PASSWORD", crate::common::ADMIN_PASSWORD)],
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let text = said(&["transfer", "history", transfer_id]);
    assert!(
        text.contains("Käsittelijä: Webinar Inc → Mailer Oy"),
        "{text}"
    );
    assert!(!text.contains("processor_id"), "{text}");
    let text = said(&["processor", "history", processor_id]);
    assert!(
        text.contains("Käsittelyn tarkoitus: events → webinars and events"),
        "{text}"
    );
}

#[test]
fn retention_preview_and_run_and_a_backup_that_keeps_erasures() {
    let cli = Cli::with_admin("retentioncli");
    let organisation = cli.admin(&["org", "add", "--name", "Vanha Oy"]);
    let org_id = organisation["id"]
        .as_str()
        .or_else(|| organisation["organisation_id"].as_str())
        .unwrap()
        .to_string();
    let gone = add_person(&cli, "Mennyt", "mennyt@example.fi", "1.1.2019");
    cli.admin(&[
        "position", "add", "--person", &gone, "--org", &org_id, "--title", "Ostaja", "--start",
        "1.1.2019", "--end", "1.1.2022",
    ]);
    let stays = add_person(&cli, "Tuore", "tuore@example.fi", "1.11.2026");

    let preview = cli.admin(&["retention", "preview", "--as-of", "27.11.2026"]);
    let due: Vec<&str> = preview["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["person_id"].as_str().unwrap())
        .collect();
    assert_eq!(due, [gone.as_str()]);
    assert_eq!(preview["due"][0]["rule"], "no-ties");

    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("ennen.kbak");
    let info = cli.admin(&["backup", "create", "--out", file.to_str().unwrap()]);
    assert!(info["bytes"].as_u64().unwrap() > 0);

    // A scheduled task runs retention without a user.
    let run = cli.run(&["--json", "retention", "run"], &[]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let run: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(run["erased"], 1);
    assert_eq!(run["trigger"], "cli");

    let mut bytes = std::fs::read(&file).unwrap();
    let flipped = out.path().join("flipped.kbak");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    std::fs::write(&flipped, &bytes).unwrap();
    assert_eq!(
        code(&cli.admin_raw(&["backup", "restore", flipped.to_str().unwrap()])),
        "backup_damaged"
    );

    let report = cli.admin(&["backup", "restore", file.to_str().unwrap()]);
    assert_eq!(report["erasures_reapplied"], 1);
    assert!(
        cli.admin(&["search", "mennyt"])
            .as_array()
            .unwrap()
            .is_empty(),
        "the erased person stays erased"
    );
    assert_eq!(
        cli.admin(&["search", "tuore"]).as_array().unwrap()[0]["record_id"],
        stays.as_str()
    );
}

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn files_from_the_command_line_are_safe_owner_only_and_never_in_the_data_folder() {
    let cli = Cli::with_admin("outfiles");
    let formula = add_person(&cli, "=SUM(1;2)", "kaava@example.fi", "1.11.2026");
    cli.admin(&[
        "consent",
        "give",
        &formula,
        "--channel",
        "email",
        "--wording",
        "markkinointi-2026",
    ]);
    let data_dir = cli.dir.path().join("register");
    let out = tempfile::tempdir().unwrap();

    // The marketing list: the core's CSV, printed or written owner-only to --out.
    let printed = cli.run(
        &["--user", "paakayttaja", "--lang", "en", "marketing", "list"],
        &[("KORTISTO_PASSWORD", crate::common::ADMIN_PASSWORD)],
    );
    let printed = String::from_utf8(printed.stdout).unwrap();
    assert!(
        printed.contains("\r\n\"'=SUM(1;2)\";Testi;kaava@example.fi;"),
        "{printed:?}"
    );
    let file = out.path().join("lista.csv");
    let written = cli.admin(&["marketing", "list", "--out", file.to_str().unwrap()]);
    assert_eq!(written["count"], 1);
    let csv = std::fs::read_to_string(&file).unwrap();
    assert!(
        csv.contains("\r\n\"'=SUM(1;2)\";Testi;kaava@example.fi;"),
        "{csv:?}"
    );
    #[cfg(unix)]
    assert_eq!(mode(&file), 0o600);
    let inside = data_dir.join("lista.csv");
    let refused = cli.admin_raw(&["marketing", "list", "--out", inside.to_str().unwrap()]);
    assert_eq!(code(&refused), "output_inside_register");
    assert!(!inside.exists());

    // A backup never replaces a file and never goes into the data folder.
    let backup = out.path().join("varmuuskopio.kbak");
    let info = cli.admin(&["backup", "create", "--out", backup.to_str().unwrap()]);
    assert_eq!(info["backup_id"].as_str().unwrap().len(), 32);
    #[cfg(unix)]
    assert_eq!(mode(&backup), 0o600);
    let before = std::fs::read(&backup).unwrap();
    let again = cli.admin_raw(&["backup", "create", "--out", backup.to_str().unwrap()]);
    assert_eq!(code(&again), "output_exists");
    assert_eq!(std::fs::read(&backup).unwrap(), before);
    let inside = data_dir.join("kopio.kbak");
    let refused = cli.admin_raw(&["backup", "create", "--out", inside.to_str().unwrap()]);
    assert_eq!(code(&refused), "output_inside_register");
    let refused = cli.admin_raw(&["extract", &formula, "--out", data_dir.to_str().unwrap()]);
    assert_eq!(code(&refused), "output_inside_register");

    // Without --out, an extract goes to the documents folder (not the temp folder).
    let home = out.path().join("home");
    let documents = home.join("Asiakirjat");
    let config = out.path().join("config");
    std::fs::create_dir_all(&documents).unwrap();
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("user-dirs.dirs"),
        "XDG_DOCUMENTS_DIR=\"$HOME/Asiakirjat\"\n",
    )
    .unwrap();
    let extract = cli.run(
        &["--user", "paakayttaja", "--json", "extract", &formula],
        &[
            ("KORTISTO_PASSWORD", crate::common::ADMIN_PASSWORD),
            ("HOME", home.to_str().unwrap()),
            ("XDG_CONFIG_HOME", config.to_str().unwrap()),
            ("KORTISTO_EXPORT_DIR", ""),
        ],
    );
    assert!(
        extract.status.success(),
        "{}",
        String::from_utf8_lossy(&extract.stderr)
    );
    let files: serde_json::Value = serde_json::from_slice(&extract.stdout).unwrap();
    let pdf = std::path::PathBuf::from(files["pdf_path"].as_str().unwrap());
    assert_eq!(pdf.parent().unwrap(), documents);
    #[cfg(unix)]
    assert_eq!(mode(&pdf), 0o600);
}

#[test]
fn restore_brings_a_register_back_onto_an_empty_machine_with_the_recovery_code() {
    let laptop = Cli::with_admin("restorefrom");
    let kept = add_person(&laptop, "Palautettu", "palautettu@example.fi", "1.11.2026");
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("kannettava.kbak");
    laptop.admin(&["backup", "create", "--out", file.to_str().unwrap()]);
    let file_arg = file.to_str().unwrap();

    let new_machine = Cli::empty("restoreto");
    let on_line = new_machine.run(&["--json", "restore", file_arg, "--code", "X"], &[]);
    assert!(!on_line.status.success(), "a code argument is not accepted");
    let wrong = new_machine.run(
        &["--json", "restore", file_arg],
        &[("KORTISTO_RECOVERY_CODE", "AAAAA-BBBBB")],
    );
    assert_eq!(code(&wrong), "recovery_code_invalid");
    assert!(!new_machine.dir.path().join("register/kortisto.db").exists());

    let restored = new_machine.run(
        &["--json", "restore", file_arg],
        &[("KORTISTO_RECOVERY_CODE", &laptop.recovery_code)],
    );
    assert!(
        restored.status.success(),
        "{}",
        String::from_utf8_lossy(&restored.stderr)
    );
    assert_eq!(
        new_machine
            .admin(&["search", "palautettu"])
            .as_array()
            .unwrap()[0]["record_id"],
        kept.as_str()
    );
    let again = new_machine.run(
        &["--json", "restore", file_arg],
        &[("KORTISTO_RECOVERY_CODE", &laptop.recovery_code)],
    );
    assert_eq!(code(&again), "register_exists");
}

#[test]
fn rekey_prints_a_new_recovery_code_and_the_old_one_stops_working() {
    let cli = Cli::with_admin("rekey");
    let kept = add_person(&cli, "Avain", "avain@example.fi", "1.11.2026");
    let rotated = cli.admin(&["rekey"]);
    let new_code = rotated["recovery_code"].as_str().unwrap();
    assert_ne!(new_code, cli.recovery_code);
    assert_eq!(
        cli.admin(&["search", "avain"]).as_array().unwrap()[0]["record_id"],
        kept.as_str()
    );
    let old = cli.run(
        &["--json", "recover"],
        &[("KORTISTO_RECOVERY_CODE", &cli.recovery_code)],
    );
    assert_eq!(code(&old), "recovery_code_mismatch");
    let new = cli.run(
        &["--json", "recover"],
        &[("KORTISTO_RECOVERY_CODE", new_code)],
    );
    assert!(
        new.status.success(),
        "{}",
        String::from_utf8_lossy(&new.stderr)
    );
}

/// The controller's details come from the register, not from the code: what the admin sets
/// is what the next extract says; a wrong Y-tunnus changes nothing.
#[test]
fn the_controller_set_by_the_admin_is_the_one_every_extract_names() {
    let cli = Cli::with_admin("controller");
    let shown = cli.admin(&["controller", "show"]);
    assert_eq!(
        shown["name"], "Sofor Oy",
        "the 2018 notice's controller by default"
    );

    let refused = cli.admin_raw(&["controller", "set", "--business-id", "0855050-8"]);
    assert_eq!(code(&refused), "field_invalid");
    assert_eq!(cli.admin(&["controller", "show"]), shown, "nothing changed");

    let set = cli.admin(&[
        "controller",
        "set",
        "--address",
        "Uusikatu 5, 60100 Seinäjoki",
        "--responsible",
        "Maija Rekisteri",
        "--complaint-authority",
        "Tietosuojavaltuutetun toimisto, tietosuoja.fi",
    ]);
    assert_eq!(set["address"], "Uusikatu 5, 60100 Seinäjoki");
    assert_eq!(set["name"], "Sofor Oy", "what was not given stays");

    let person = cli.admin(&[
        "person",
        "add",
        "--surname",
        "Rekisteröity",
        "--first-name",
        "Reijo",
        "--source",
        "business-card",
    ]);
    let out = tempfile::tempdir().unwrap();
    let files = cli.admin(&[
        "extract",
        person["person_id"].as_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
    ]);
    let extract: serde_json::Value =
        serde_json::from_slice(&std::fs::read(files["json_path"].as_str().unwrap()).unwrap())
            .unwrap();
    let text = extract.to_string();
    assert_eq!(
        extract["controller"]["address"],
        "Uusikatu 5, 60100 Seinäjoki"
    );
    assert!(text.contains("Maija Rekisteri"), "{text}");
    assert!(
        text.contains("valvontaviranomaiselle: Tietosuojavaltuutetun toimisto, tietosuoja.fi"),
        "the complaint sentence names the authority set"
    );
    assert!(!text.contains("Takakaarre"), "the old address is gone");
}

#[test]
fn export_writes_a_search_as_vcard_or_csv_and_a_persons_portable_data() {
    let cli = Cli::with_admin("exportcli");
    let person = add_person(&cli, "Sárá-Vienti", "sara@vienti.fi", "1.11.2026");
    add_person(&cli, "=SUMMA(A1)-Vienti", "summa@vienti.fi", "1.11.2026");
    let out = tempfile::tempdir().unwrap();

    let vcf = out.path().join("haku.vcf");
    let written = cli.admin(&[
        "export",
        "--search",
        "vienti",
        "--format",
        "vcard",
        "--out",
        vcf.to_str().unwrap(),
    ]);
    assert_eq!(written["count"], 2);
    let vcard = std::fs::read_to_string(&vcf).unwrap();
    assert_eq!(vcard.matches("BEGIN:VCARD\r\nVERSION:4.0\r\n").count(), 2);
    assert!(vcard.contains("N:Sárá-Vienti;Testi;;;\r\n"), "{vcard}");
    assert!(vcard.contains("EMAIL:sara@vienti.fi\r\n"), "{vcard}");

    let csv_file = out.path().join("haku.csv");
    cli.admin(&[
        "export",
        "--search",
        "vienti",
        "--format",
        "csv",
        "--out",
        csv_file.to_str().unwrap(),
    ]);
    let csv = std::fs::read_to_string(&csv_file).unwrap();
    assert!(csv.starts_with("\u{feff}Sukunimi;Etunimi;"), "{csv}");
    assert!(
        csv.contains("'=SUMMA(A1)-Vienti;"),
        "the formula is neutralised: {csv}"
    );

    let json_file = out.path().join("siirto.json");
    cli.admin(&[
        "export",
        "--person",
        &person,
        "--format",
        "json",
        "--out",
        json_file.to_str().unwrap(),
    ]);
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json_file).unwrap()).unwrap();
    assert_eq!(json["schema"], "kortisto-portability/1");
    assert_eq!(json["person"]["person"]["surname"], "Sárá-Vienti");

    // Bad input: a format that does not exist, neither --person nor --search.
    let bad = cli.admin_raw(&[
        "export",
        "--search",
        "vienti",
        "--format",
        "xlsx",
        "--out",
        out.path().join("x.xlsx").to_str().unwrap(),
    ]);
    assert_eq!(code(&bad), "field_invalid");
    assert!(!out.path().join("x.xlsx").exists());
    let neither = cli.admin_raw(&["export", "--format", "csv", "--out", "x.csv"]);
    assert!(!neither.status.success());
}
