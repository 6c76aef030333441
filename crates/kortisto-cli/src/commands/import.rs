//! `kortisto import`: moving contacts in from a vCard or CSV file. `--dry-run` says row by
//! row what would happen and saves nothing; without it the file is imported (the run is the
//! confirmation), in committed batches with progress on stderr.
use std::path::PathBuf;

use kortisto_core::import::{ImportFile, ImportOptions, ImportOutcome, ImportRow};
use kortisto_core::{Language, Result, SystemClock};

use super::person::SourceArgs;
use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The file: vCard 2.1/3.0/4.0 (.vcf) or CSV (Google, Outlook, any with --map).
    pub file: PathBuf,
    #[command(flatten)]
    pub source: SourceArgs,
    /// A CSV file's column mapping: one `Column heading = field` a line; fields: surname,
    /// first_name, other_first_names, full_name, organisation, title, email, phone, mobile,
    /// uid, ignore.
    #[arg(long, value_name = "FILE")]
    pub map: Option<PathBuf>,
    /// Only say what would happen, row by row; save nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Add the likely duplicates too (after checking them in the dry run).
    #[arg(long)]
    pub add_duplicates: bool,
    /// Add rows whose e-mail an erased person had opted out with (admin's decision).
    #[arg(long)]
    pub add_suppressed: bool,
}

fn row_line(l: Language, row: &ImportRow) -> String {
    let mut line = format!(
        "{} {}\t{} {}\t{}",
        pick(l, "rivi", "row"),
        row.row,
        row.surname,
        row.first_name,
        row.outcome.words(l)
    );
    if let Some(reason) = row.reason {
        line.push_str(&format!(": {}", reason.words(l)));
    }
    for found in &row.matches {
        let organisation = found
            .organisation_name
            .as_deref()
            .map(|o| format!(", {o}"))
            .unwrap_or_default();
        line.push_str(&format!(
            " — {} {}{organisation} ({})",
            found.surname, found.first_name, found.person_id
        ));
    }
    if let Some(earlier) = row.same_as_row {
        line.push_str(&format!(" — {} {earlier}", pick(l, "rivi", "row")));
    }
    if !row.skipped.is_empty() {
        let skipped: Vec<String> = row
            .skipped
            .iter()
            .map(|s| format!("{} '{}'", s.field, s.value))
            .collect();
        line.push_str(&format!(
            "\t{}: {}",
            pick(l, "ei kelpaa, jätetään pois", "not valid, left out"),
            skipped.join(", ")
        ));
    }
    if let Some(id) = &row.added_person_id {
        line.push_str(&format!("\t{} {id}", pick(l, "lisätty", "added")));
    }
    line
}

fn counts_line(l: Language, rows: &[ImportRow]) -> String {
    let count = |outcome| rows.iter().filter(|r| r.outcome == outcome).count();
    [
        ImportOutcome::New,
        ImportOutcome::Same,
        ImportOutcome::LikelyDuplicate,
        ImportOutcome::Suppressed,
        ImportOutcome::Invalid,
    ]
    .iter()
    .map(|o| format!("{} {}", o.words(l), count(*o)))
    .collect::<Vec<_>>()
    .join(", ")
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    // Everything that can be checked without the register is, before a password is asked.
    let source = args.source.parse()?;
    let file = ImportFile::read(&args.file, args.map.as_deref())?;
    let options = ImportOptions {
        source,
        add_likely_duplicates: args.add_duplicates,
        add_suppressed: args.add_suppressed,
    };
    ctx.as_user(|register, session| {
        if args.dry_run {
            let plan = register.import_plan(session, &file, &SystemClock)?;
            ctx.out.print(&plan, |l| {
                let mut lines = vec![format!(
                    "{} {}: {}",
                    pick(
                        l,
                        "Koeajo, mitään ei tallennettu —",
                        "Dry run, nothing saved —"
                    ),
                    plan.file_name,
                    counts_line(l, &plan.rows)
                )];
                lines.extend(plan.rows.iter().map(|row| row_line(l, row)));
                lines.join("\n")
            });
            return Ok(());
        }
        let language = ctx.language();
        let mut progress = |done: u64, total: u64| {
            eprintln!("{} {done}/{total}", pick(language, "käsitelty", "done"));
            true
        };
        let result =
            register.import_commit(session, &file, &options, &SystemClock, &mut progress)?;
        ctx.out.print(&result, |l| {
            let mut lines = vec![format!(
                "{} {}: {} {}; {}",
                pick(l, "Tuotu", "Imported"),
                result.file_name,
                result.added,
                pick(l, "henkilöä lisätty", "people added"),
                counts_line(l, &result.rows)
            )];
            lines.extend(result.rows.iter().map(|row| row_line(l, row)));
            lines.join("\n")
        });
        Ok(())
    })
}
