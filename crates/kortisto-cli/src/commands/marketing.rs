//! `kortisto marketing list`: who may be sent marketing — never anyone who withdrew.
use std::path::PathBuf;

use kortisto_core::consent::{marketing_csv, ExportFormat};
use kortisto_core::{Error, Result, SystemClock};

use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// People whose latest consent for the purpose is "given", as CSV for a spreadsheet (`;`
    /// between cells, formulas neutralised) or JSON; printed, or written to `--out`.
    List {
        /// Purpose (default: direct-marketing).
        #[arg(long, default_value = "direct-marketing")]
        purpose: String,
        /// csv or json.
        #[arg(long, default_value = "csv")]
        format: String,
        /// Write to this file (owner-only) instead of printing; never inside the data folder.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    ctx.as_user(|register, session| match command {
        Command::List {
            purpose,
            format,
            out: file,
        } => {
            // `--json` says how the command answers; the file's format is `--format`'s.
            let format = match format.as_str() {
                "json" => ExportFormat::Json,
                "csv" if ctx.out.is_json() && file.is_none() => ExportFormat::Json,
                "csv" => ExportFormat::Csv,
                _ => {
                    return Err(Error::FieldInvalid {
                        field: "format".into(),
                        rule: "format".into(),
                    })
                }
            };
            if let Some(file) = file {
                let written = register.marketing_export(
                    session,
                    &purpose,
                    format,
                    ctx.language(),
                    &file,
                    &SystemClock,
                )?;
                ctx.out.print(&written, |l| {
                    format!(
                        "{} {} ({} {})",
                        pick(
                            l,
                            "Markkinointilista kirjoitettu:",
                            "Marketing list written:"
                        ),
                        written.path,
                        written.count,
                        pick(l, "henkilöä", "people")
                    )
                });
                return Ok(());
            }
            let list = register.marketing_list(session, &purpose, &SystemClock)?;
            match format {
                ExportFormat::Json => ctx.out.print_json(&list),
                ExportFormat::Csv => {
                    print!(
                        "{}",
                        String::from_utf8_lossy(&marketing_csv(&list, ctx.language()))
                    )
                }
            }
            Ok(())
        }
    })
}
