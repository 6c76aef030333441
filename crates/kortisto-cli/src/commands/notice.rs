//! `kortisto notice`: publish the privacy notice generated from the register (Markdown, HTML
//! and PDF in the language of `--lang`), list the published versions, and show what the
//! newest changed since the one before (admin).
use std::path::PathBuf;

use kortisto_core::notice::{NoticeChange, NoticeVersionChanges};
use kortisto_core::{Language, Result, SystemClock};

use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Publish the notice in the language of --lang into a folder; the version is kept.
    Publish {
        /// The folder to write into (default: KORTISTO_EXPORT_DIR, else your documents
        /// folder, else your home folder; never inside the data folder).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// What the newest published notice in the language of --lang changed since the previous.
    Diff,
    /// The published versions, newest first, with what each changed.
    Versions,
    /// The notice as it would be published now (Markdown).
    Show,
}

fn day(at: &str) -> String {
    at.get(..10)
        .and_then(|d| d.parse().ok())
        .map(kortisto_core::format_finnish)
        .unwrap_or_else(|| at.to_string())
}

fn change_lines(changes: &[NoticeChange]) -> String {
    changes
        .iter()
        .map(|c| {
            let sign = if c.change == "added" { '+' } else { '-' };
            format!("{sign} [{}] {}", c.section, c.line)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn version_text(v: &NoticeVersionChanges, l: Language) -> String {
    let head = format!(
        "{} ({}) — {} {}",
        day(&v.version.published_at),
        v.version.language.code(),
        pick(l, "julkaisija", "published by"),
        v.version.published_by_name
    );
    let body = if !v.has_previous {
        pick(
            l,
            "Ensimmäinen julkaistu versio.",
            "The first published version.",
        )
    } else if v.changes.is_empty() {
        pick(
            l,
            "Ei muutoksia edelliseen versioon.",
            "No changes since the previous version.",
        )
    } else {
        change_lines(&v.changes)
    };
    format!("{head}\n{body}")
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    let language = ctx.language();
    ctx.as_user(|register, session| match command {
        Command::Publish { out } => {
            let folder = out.unwrap_or_else(kortisto_core::output_file::default_folder);
            let published = register.notice_publish(session, language, &folder, &SystemClock)?;
            ctx.out.print(&published, |l| {
                format!(
                    "{}\n  {}\n  {}\n  {}\n{}",
                    pick(
                        l,
                        "Tietosuojaseloste julkaistu:",
                        "Privacy notice published:"
                    ),
                    published.markdown_path,
                    published.html_path,
                    published.pdf_path,
                    version_text(&published.published, l)
                )
            });
            Ok(())
        }
        Command::Diff => {
            let diff = register.notice_diff(session, language)?;
            ctx.out.print(&diff, |l| match &diff {
                None => pick(
                    l,
                    "Tällä kielellä ei ole vielä julkaistu tietosuojaselostetta (notice publish).",
                    "No privacy notice has been published in this language yet (notice publish).",
                ),
                Some(v) => version_text(v, l),
            });
            Ok(())
        }
        Command::Versions => {
            let versions = register.notice_versions(session, None)?;
            ctx.out.print(&versions, |l| {
                if versions.is_empty() {
                    return pick(
                        l,
                        "Tietosuojaselostetta ei ole vielä julkaistu (notice publish).",
                        "No privacy notice has been published yet (notice publish).",
                    );
                }
                versions
                    .iter()
                    .map(|v| version_text(v, l))
                    .collect::<Vec<_>>()
                    .join("\n\n")
            });
            Ok(())
        }
        Command::Show => {
            let document = register.notice_preview(session, language)?;
            ctx.out.print(&document, |_| document.markdown(None));
            Ok(())
        }
    })
}

/// Write the record of processing activities (GDPR Art. 30) as PDF, CSV and JSON into a
/// folder (admin); its language is the one of `--lang`.
#[derive(Debug, clap::Args)]
pub struct RecordArgs {
    /// The folder to write into (default: KORTISTO_EXPORT_DIR, else your documents folder,
    /// else your home folder; never inside the data folder).
    #[arg(long)]
    out: Option<PathBuf>,
}

pub fn run_record(ctx: &Context, args: RecordArgs) -> Result<()> {
    let language = ctx.language();
    let folder = args
        .out
        .unwrap_or_else(kortisto_core::output_file::default_folder);
    ctx.as_user(|register, session| {
        let files = register.record_of_processing(session, language, &folder, &SystemClock)?;
        ctx.out.print(&files, |l| {
            format!(
                "{}\n  {}\n  {}\n  {}",
                pick(
                    l,
                    "Seloste käsittelytoimista kirjoitettu:",
                    "Record of processing written:"
                ),
                files.pdf_path,
                files.csv_path,
                files.json_path
            )
        });
        Ok(())
    })
}
