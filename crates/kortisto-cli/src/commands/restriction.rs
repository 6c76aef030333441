//! `kortisto restriction set|lift`: restrict processing of a person (Art. 18) and lift it.
use kortisto_core::restriction::{Restriction, RestrictionInput};
use kortisto_core::{Language, Result, SystemClock};

use super::{finnish_date, local_time, with_id};
use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Restrict processing: the person leaves every marketing list and export, and only an
    /// administrator may change their data until the restriction is lifted.
    Set {
        /// The person.
        person_id: String,
        /// Why (e.g. the person disputes their data while it is checked).
        #[arg(long)]
        reason: String,
        /// In force from (27.11.2026; default today; not in the future).
        #[arg(long)]
        from: Option<String>,
        /// Planned end (shown as a reminder; the restriction stays until lifted).
        #[arg(long)]
        until: Option<String>,
        /// The restriction request this answers.
        #[arg(long)]
        request: Option<String>,
    },
    /// Lift the restriction in force (tell the person first, Art. 18(3)).
    Lift {
        /// The person.
        person_id: String,
        /// Why it ends.
        #[arg(long)]
        reason: String,
        /// The request this answers.
        #[arg(long)]
        request: Option<String>,
    },
}

fn describe(l: Language, r: &Restriction) -> String {
    let until = r
        .until_on
        .as_deref()
        .map(|d| {
            format!(
                " {} {}",
                pick(l, "suunniteltu päättyminen", "planned end"),
                finnish_date(d)
            )
        })
        .unwrap_or_default();
    match (&r.lifted_at, &r.lifted_reason) {
        (Some(at), Some(reason)) => format!(
            "{} {} ({}: {reason}; {} {})",
            pick(l, "Käsittelyn rajoitus purettu:", "Restriction lifted:"),
            r.person_id,
            pick(l, "syy", "reason"),
            pick(l, "purettu", "lifted"),
            local_time(at)
        ),
        _ => format!(
            "{} {} {} {}{until} ({}: {})",
            pick(l, "Käsittely rajoitettu:", "Processing restricted:"),
            r.person_id,
            pick(l, "alkaen", "from"),
            finnish_date(&r.from_on),
            pick(l, "syy", "reason"),
            r.reason
        ),
    }
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    ctx.as_user(|register, session| {
        let restriction = match &command {
            Command::Set {
                person_id,
                reason,
                from,
                until,
                request,
            } => register.restriction_set(
                session,
                &RestrictionInput {
                    person_id: person_id.clone(),
                    reason: reason.clone(),
                    from_on: from.clone(),
                    until_on: until.clone(),
                },
                request.as_deref(),
                &SystemClock,
            )?,
            Command::Lift {
                person_id,
                reason,
                request,
            } => register.restriction_lift(
                session,
                person_id,
                reason,
                request.as_deref(),
                &SystemClock,
            )?,
        };
        ctx.out
            .print(&with_id(&restriction, "restriction_id"), |l| {
                describe(l, &restriction)
            });
        Ok(())
    })
}
