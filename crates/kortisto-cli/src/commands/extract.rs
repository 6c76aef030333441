//! `kortisto extract`: a person's subject-access extract as PDF + JSON + manifest.
use std::path::PathBuf;

use kortisto_core::{DataDir, Result, SystemClock};

use super::{finish, open_as};
use crate::output::{pick, Output};

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

pub fn run(data_dir: &DataDir, out: &Output, user: Option<&str>, args: Args) -> Result<()> {
    let (mut register, session) = open_as(data_dir, out, user)?;
    let folder = args
        .out
        .unwrap_or_else(kortisto_core::output_file::default_folder);
    let result = register
        .extract(
            &session,
            &args.person_id,
            out.language(),
            &folder,
            args.request.as_deref(),
            &SystemClock,
        )
        .map(|files| {
            out.print(&files, |l| {
                format!(
                    "{}\n  {}\n  {}\n  {}",
                    pick(l, "Tietopyyntö kirjoitettu:", "Extract written:"),
                    files.pdf_path,
                    files.json_path,
                    files.manifest_path
                )
            })
        });
    finish(register, &session, result)
}
