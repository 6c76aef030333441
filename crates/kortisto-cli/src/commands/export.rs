//! `kortisto export`: people as vCard 4.0, CSV or JSON — one person's portability export
//! (GDPR Art. 20) or what a search finds.
use std::path::PathBuf;

use kortisto_core::export::{PeopleExportFormat, PeopleSelection};
use kortisto_core::{Result, SystemClock};

use crate::context::Context;
use crate::output::pick;

/// Write one person's data (their portability export, admin) or the people a search finds
/// (admin, office) to a file as vCard 4.0, CSV for a spreadsheet or JSON. Every person in the
/// file counts as a read of them ("who has seen"); restricted people are left out of a
/// search's export.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("who").required(true).args(["person", "search"])))]
pub struct Args {
    /// The person (their portability export).
    #[arg(long)]
    person: Option<String>,
    /// What to search for (people only, as `kortisto search`).
    #[arg(long)]
    search: Option<String>,
    /// vcard, csv or json.
    #[arg(long)]
    format: String,
    /// The file to write (owner-only; never inside the data folder).
    #[arg(long)]
    out: PathBuf,
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    let format = PeopleExportFormat::parse(&args.format)?;
    ctx.as_user(|register, session| {
        let written = match (&args.person, &args.search) {
            (Some(person), _) => register.portability_file(
                session,
                person,
                format,
                ctx.language(),
                &args.out,
                &SystemClock,
            )?,
            (None, Some(query)) => register.export_people(
                session,
                &PeopleSelection::Search {
                    query: query.clone(),
                },
                format,
                ctx.language(),
                &args.out,
                &SystemClock,
            )?,
            (None, None) => unreachable!("clap requires --person or --search"),
        };
        ctx.out.print(&written, |l| {
            format!(
                "{} {} ({} {})",
                pick(l, "Vienti kirjoitettu:", "Export written:"),
                written.path,
                written.count,
                pick(l, "henkilöä", "people")
            )
        });
        Ok(())
    })
}
