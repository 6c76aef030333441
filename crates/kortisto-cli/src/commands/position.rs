//! `kortisto position`: a person's position in an organisation, with its dates (history is
//! kept: a move to another organisation is a new position and an end date on the old one).
use kortisto_core::people::PositionInput;
use kortisto_core::{Result, SystemClock};

use super::{date_range, with_id};
use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add a position; prints its id.
    Add {
        /// The person's id.
        #[arg(long, value_name = "ID")]
        person: String,
        /// The organisation's id.
        #[arg(long, value_name = "ID")]
        org: String,
        /// Title.
        #[arg(long)]
        title: String,
        /// Job description.
        #[arg(long)]
        description: Option<String>,
        /// Start date (27.11.2026 or 2026-11-27).
        #[arg(long, value_name = "DATE")]
        start: Option<String>,
        /// End date (none while current).
        #[arg(long, value_name = "DATE")]
        end: Option<String>,
    },
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    ctx.as_user(|register, session| match command {
        Command::Add {
            person,
            org,
            title,
            description,
            start,
            end,
        } => {
            let added = register.position_add(
                session,
                &PositionInput {
                    person_id: person,
                    organisation_id: org,
                    title,
                    job_description: description,
                    start_on: start,
                    end_on: end,
                },
                &SystemClock,
            )?;
            ctx.out.print(&with_id(&added, "position_id"), |l| {
                format!(
                    "{} {}: {}, {} {} (id {})",
                    pick(l, "Tehtävä lisätty:", "Position added:"),
                    added.person_name,
                    added.title,
                    added.organisation_name,
                    date_range(added.start_on.as_deref(), added.end_on.as_deref()),
                    added.position_id
                )
            });
            Ok(())
        }
    })
}
