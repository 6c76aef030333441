//! Fuzzing the `kortisto` command line (issue #10): real command lines with one or more
//! values replaced by arbitrary text, invalid UTF-8, huge numbers and huge strings. The
//! binary must never panic (exit status 101, or "panicked" on stderr): it answers, or refuses
//! with a usage error (status 2) or a typed error (status 1 and a code in the `--json`
//! answer).
//!
//! `KORTISTO_FUZZ_CASES` scales the run (the command line gets a fifth).
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::Value;

/// Command lines as scripts write them; each `{}` is replaced by a fuzzed value. Commands
/// that write files outside the register or run for long (`demo`, `bench`, `extract`,
/// `backup create`) are left out; `PERSON` and `ORG` become real ids.
const TEMPLATES: &[&[&str]] = &[
    &[
        "person",
        "add",
        "--surname",
        "{}",
        "--first-name",
        "{}",
        "--source",
        "business-card",
    ],
    &[
        "person",
        "add",
        "--surname",
        "Virtanen",
        "--first-name",
        "Maija",
        "--email",
        "{}",
        "--phone",
        "{}",
        "--source",
        "{}",
    ],
    &[
        "person",
        "add",
        "--surname",
        "Virtanen",
        "--first-name",
        "Maija",
        "--source",
        "event",
        "--source-detail",
        "{}",
        "--obtained-on",
        "{}",
    ],
    &["person", "list", "--offset", "{}", "--limit", "{}"],
    &["person", "show", "{}"],
    &["person", "edit", "PERSON", "--first-name", "{}"],
    &[
        "org",
        "add",
        "--name",
        "{}",
        "--business-id",
        "{}",
        "--customer-since",
        "{}",
    ],
    &[
        "org", "add", "--name", "Yksikkö", "--kind", "{}", "--parent", "{}",
    ],
    &["org", "show", "{}"],
    &[
        "contact",
        "add",
        "--person",
        "PERSON",
        "--kind",
        "{}",
        "--value",
        "{}",
        "--source",
        "business-card",
    ],
    &[
        "contact",
        "add",
        "--org",
        "ORG",
        "--kind",
        "phone",
        "--value",
        "{}",
        "--label",
        "{}",
        "--source",
        "public-source",
        "--source-detail",
        "{}",
    ],
    &[
        "position", "add", "--person", "PERSON", "--org", "{}", "--title", "{}", "--start", "{}",
        "--end", "{}",
    ],
    &["position", "end", "{}", "--on", "{}", "--request", "{}"],
    &[
        "position", "move", "PERSON", "--from", "{}", "--org", "ORG", "--title", "{}", "--on", "{}",
    ],
    &["contact", "edit", "{}", "--value", "{}"],
    &[
        "deal", "add", "--kind", "{}", "--org", "ORG", "--title", "{}", "--start", "{}", "--end",
        "{}",
    ],
    &["deal", "list", "--kind", "{}", "--status", "{}"],
    &[
        "meeting",
        "log",
        "--kind",
        "{}",
        "--subject",
        "{}",
        "--person",
        "PERSON",
        "--at",
        "{}",
    ],
    &[
        "meeting", "list", "--person", "{}", "--offset", "{}", "--limit", "{}",
    ],
    &[
        "consent",
        "give",
        "PERSON",
        "--channel",
        "{}",
        "--wording",
        "{}",
        "--at",
        "{}",
    ],
    &[
        "consent",
        "withdraw",
        "{}",
        "--purpose",
        "{}",
        "--channel",
        "email",
        "--wording",
        "v1",
    ],
    &["search", "{}", "--limit", "{}"],
    &[
        "audit", "list", "--since", "{}", "--until", "{}", "--limit", "{}",
    ],
    &["audit", "list", "--by", "{}", "--action", "{}"],
    &["retention", "preview", "--as-of", "{}"],
    &["backup", "restore", "{}"],
    &["user", "add", "{}", "--role", "{}"],
    &["user", "role", "{}", "{}"],
    &["marketing", "list", "--purpose", "{}", "--format", "{}"],
    &["request", "list", "--status", "{}"],
    &["{}"],
    &["person", "{}"],
    &["{}", "{}", "{}"],
];

/// A value: text, invalid UTF-8, a huge number or a huge string (never a NUL byte, which no
/// process argument can hold).
fn value() -> impl Strategy<Value = OsString> {
    prop_oneof![
        4 => any::<String>().prop_map(OsString::from),
        4 => "[0-9.:+ -]{0,20}".prop_map(OsString::from),
        4 => "[a-zA-Z0-9äöÅ@. -]{1,30}".prop_map(OsString::from),
        1 => proptest::collection::vec(1u8..=255, 0..64).prop_map(OsString::from_vec),
        1 => (proptest::collection::vec(1u8..=255, 0..16), 0x80u8..=0xff).prop_map(
            |(mut bytes, bad)| {
                bytes.push(bad);
                OsString::from_vec(bytes)
            }
        ),
        2 => prop_oneof![
            Just("18446744073709551616"),
            Just("-1"),
            Just("4294967296"),
            Just("-9223372036854775809"),
            Just("1e309"),
            Just("NaN"),
            Just("99999999999999999999999999999999.99.99999"),
        ]
        .prop_map(OsString::from),
        // Up to 120 KB: one argument may hold at most 128 KiB (Linux MAX_ARG_STRLEN).
        2 => (1usize..60_000, "[0-9a-zA-Zä@.-]").prop_map(|(n, s)| OsString::from(s.repeat(n))),
    ]
    .prop_filter("no NUL byte", |v| !v.as_encoded_bytes().contains(&0))
}

#[test]
fn no_command_line_makes_kortisto_panic() {
    let scale = std::env::var("KORTISTO_FUZZ_CASES")
        .ok()
        .and_then(|text| text.parse::<u32>().ok())
        .unwrap_or(1000);
    let cases = (scale / 5).max(1);
    let cli = crate::common::Cli::with_admin("fuzz-args");
    let person = cli.admin(&[
        "person",
        "add",
        "--surname",
        "Virtanen",
        "--first-name",
        "Maija",
        "--source",
        "business-card",
    ]);
    let person_id = person["id"].as_str().unwrap().to_string();
    let org = cli.admin(&["org", "add", "--name", "Sumea Oy"]);
    let org_id = org["id"].as_str().unwrap().to_string();
    let workdir = tempfile::tempdir().unwrap();

    let strategy = (
        proptest::sample::select(TEMPLATES),
        proptest::collection::vec(value(), 3),
        // Now and then one value too many.
        proptest::option::weighted(0.1, value()),
    );
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let started = std::time::Instant::now();
    // Answers by exit status: 0 done, 1 a typed error, 2 a usage error from clap.
    let statuses = std::cell::RefCell::new([0u32; 3]);
    let result = runner.run(&strategy, |(template, values, extra)| {
        let mut values = values.into_iter().cycle();
        let mut args: Vec<OsString> = template
            .iter()
            .map(|word| match *word {
                "{}" => values.next().unwrap(),
                "PERSON" => OsString::from(&person_id),
                "ORG" => OsString::from(&org_id),
                other => OsString::from(other),
            })
            .collect();
        args.extend(extra);
        let output = cli
            .command()
            .current_dir(workdir.path())
            .arg("--data-dir")
            .arg(cli.dir.path().join("register"))
            .args(["--user", "paakayttaja", "--json"])
            .args(&args)
            .env("KORTISTO_PASSWORD", crate::common::ADMIN_PASSWORD)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        let shown: Vec<String> = args
            .iter()
            .map(|a| {
                let text = a.to_string_lossy();
                if text.len() > 60 {
                    format!(
                        "{}…({} bytes)",
                        &text[..text.floor_char_boundary_compat(60)],
                        a.len()
                    )
                } else {
                    text.to_string()
                }
            })
            .collect();
        prop_assert!(
            output.status.code() != Some(101) && !stderr.contains("panicked"),
            "kortisto panicked on {shown:?}: {stderr}"
        );
        let status = output.status.code();
        if let Some(code @ 0..=2) = status {
            statuses.borrow_mut()[code as usize] += 1;
        }
        match status {
            Some(0) | Some(2) => {}
            Some(1) => {
                let body: Value = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
                let code = body["error"]["code"].as_str().unwrap_or("");
                prop_assert!(!code.is_empty(), "no error code for {shown:?}: {stderr}");
            }
            other => {
                return Err(TestCaseError::fail(format!(
                    "exit status {other:?} for {shown:?}: {stderr}"
                )))
            }
        }
        Ok(())
    });
    if let Err(failure) = result {
        panic!("fuzz command line: {failure}");
    }
    let audit = cli.admin(&["audit", "verify"]);
    assert_eq!(audit["intact"], true, "{audit}");
    let [done, typed, usage] = *statuses.borrow();
    println!(
        "fuzz command line: {cases} cases, 0 panics ({done} done, {typed} typed errors, \
         {usage} usage errors; {:.1} s)",
        started.elapsed().as_secs_f64()
    );
}

/// `str::floor_char_boundary` is not stable yet.
trait FloorCharBoundary {
    fn floor_char_boundary_compat(&self, index: usize) -> usize;
}

impl FloorCharBoundary for str {
    fn floor_char_boundary_compat(&self, index: usize) -> usize {
        (0..=index.min(self.len()))
            .rev()
            .find(|i| self.is_char_boundary(*i))
            .unwrap_or(0)
    }
}
