//! `kortisto position`: a person's position in an organisation, with its dates (history is
//! kept: a move to another organisation is a new position and an end date on the old one);
//! its corrections (edit, end, move) each take the request they answer.
use kortisto_core::corrections::{PositionChange, PositionMove};
use kortisto_core::people::{Position, PositionInput};
use kortisto_core::Language;
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
    /// End a current position on a date (retention counts the person's three "no ties"
    /// years from it).
    End {
        /// The position's id.
        id: String,
        /// The last day (27.11.2026 or 2026-11-27).
        #[arg(long, value_name = "DATE")]
        on: String,
        /// The open data subject's request this correction answers (listed on the request).
        #[arg(long = "request", value_name = "REQUEST_ID")]
        request_id: Option<String>,
    },
    /// Correct a position; fields not given are kept ("" clears the description or a date),
    /// every change goes to the person's history.
    Edit {
        /// The position's id.
        id: String,
        /// Another organisation's id.
        #[arg(long, value_name = "ID")]
        org: Option<String>,
        /// New title.
        #[arg(long)]
        title: Option<String>,
        /// New job description.
        #[arg(long)]
        description: Option<String>,
        /// New start date.
        #[arg(long, value_name = "DATE")]
        start: Option<String>,
        /// New end date.
        #[arg(long, value_name = "DATE")]
        end: Option<String>,
        /// The open data subject's request this correction answers (listed on the request).
        #[arg(long = "request", value_name = "REQUEST_ID")]
        request_id: Option<String>,
    },
    /// The person moved to another organisation: ends the current position on the date and
    /// starts the new one on the same date, in one step.
    Move {
        /// The person's id.
        person_id: String,
        /// The current position that ends.
        #[arg(long = "from", value_name = "POSITION_ID")]
        from: String,
        /// The new organisation's id.
        #[arg(long, value_name = "ID")]
        org: String,
        /// The title there.
        #[arg(long)]
        title: String,
        /// The day of the move (27.11.2026 or 2026-11-27).
        #[arg(long, value_name = "DATE")]
        on: String,
        /// The open data subject's request this correction answers (listed on the request).
        #[arg(long = "request", value_name = "REQUEST_ID")]
        request_id: Option<String>,
    },
}

/// "Myyntijohtaja, Uusi Oy 15.11.2026– (id …)".
fn position_line(position: &Position) -> String {
    format!(
        "{}, {} {} (id {})",
        position.title,
        position.organisation_name,
        date_range(position.start_on.as_deref(), position.end_on.as_deref()),
        position.position_id
    )
}

fn updated(l: Language, position: &Position, fi: &str, en: &str) -> String {
    format!("{} {}", pick(l, fi, en), position_line(position))
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
        Command::End { id, on, request_id } => {
            let ended =
                register.position_end(session, &id, &on, request_id.as_deref(), &SystemClock)?;
            ctx.out.print(&with_id(&ended, "position_id"), |l| {
                updated(l, &ended, "Tehtävä päätetty:", "Position ended:")
            });
            Ok(())
        }
        Command::Edit {
            id,
            org,
            title,
            description,
            start,
            end,
            request_id,
        } => {
            let edited = register.position_edit(
                session,
                &id,
                &PositionChange {
                    organisation_id: org,
                    title,
                    job_description: description,
                    start_on: start,
                    end_on: end,
                },
                request_id.as_deref(),
                &SystemClock,
            )?;
            ctx.out.print(&with_id(&edited, "position_id"), |l| {
                updated(l, &edited, "Tehtävä päivitetty:", "Position updated:")
            });
            Ok(())
        }
        Command::Move {
            person_id,
            from,
            org,
            title,
            on,
            request_id,
        } => {
            let moved = register.position_move(
                session,
                &person_id,
                &PositionMove {
                    from_position_id: from,
                    organisation_id: org,
                    title,
                    on,
                },
                request_id.as_deref(),
                &SystemClock,
            )?;
            let json = serde_json::json!({
                "id": moved.started.position_id,
                "ended": with_id(&moved.ended, "position_id"),
                "started": with_id(&moved.started, "position_id"),
            });
            ctx.out.print(&json, |l| {
                format!(
                    "{}\n  {}\n  {}",
                    pick(
                        l,
                        "Siirtyi toiseen organisaatioon:",
                        "Moved to another organisation:"
                    ),
                    updated(l, &moved.ended, "päättyi", "ended"),
                    updated(l, &moved.started, "alkoi", "started")
                )
            });
            Ok(())
        }
    })
}
