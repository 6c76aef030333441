//! `kortisto extract`: a person's subject-access extract as PDF + JSON + manifest.
use std::path::PathBuf;

use kortisto_core::{Result, SystemClock};

use crate::context::Context;
use crate::output::pick;

/// Write a person's subject-access extract (PDF, JSON and a SHA-256 manifest) into a folder;
/// its language is the one of `--lang`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The person.
    person_id: String,
    /// The folder to write into (default: KORTISTO_EXPORT_DIR, else your documents folder,
    /// else your home folder; never inside the data folder).
    #[arg(long)]
    out: Option<PathBuf>,
    /// The access request this answers (it is closed as done).
    #[arg(long)]
    request: Option<String>,
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    let folder = args
        .out
        .unwrap_or_else(kortisto_core::output_file::default_folder);
    ctx.as_user(|register, session| {
        register
            .extract(
                session,
                &args.person_id,
                ctx.language(),
                &folder,
                args.request.as_deref(),
                &SystemClock,
            )
            .map(|files| {
                ctx.out.print(&files, |l| {
                    format!(
                        "{}\n  {}\n  {}\n  {}",
                        pick(l, "Tietopyyntö kirjoitettu:", "Extract written:"),
                        files.pdf_path,
                        files.json_path,
                        files.manifest_path
                    )
                })
            })
    })
}
