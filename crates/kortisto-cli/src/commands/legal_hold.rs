//! `kortisto legal-hold`: stop deletion of a person, organisation or deal until a date, list
//! the holds (lifted ones too) and lift one with a reason.
use kortisto_core::{Result, SystemClock};

use super::{finnish_date, local_time};
use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Put a legal hold on a record (e.g. the Accounting Act, a dispute).
    Add {
        /// person, organisation or deal.
        #[arg(long)]
        kind: String,
        /// The record's id.
        #[arg(long)]
        id: String,
        /// Why.
        #[arg(long)]
        reason: String,
        /// Until when.
        #[arg(long)]
        until: String,
    },
    /// List legal holds: those in force first, then lifted ones with who, when and why.
    List,
    /// Lift a legal hold (it is kept, marked lifted); it no longer blocks erasure or retention.
    Lift {
        /// The hold's id.
        id: String,
        /// Why it is lifted.
        #[arg(long)]
        reason: String,
    },
}

fn hold_line(h: &kortisto_core::erasure::LegalHold, l: kortisto_core::Language) -> String {
    let what = h.record_name.as_deref().unwrap_or(&h.record_id);
    let state = match (&h.lifted_at, &h.lifted_by_name, &h.lift_reason) {
        (Some(at), by, reason) => format!(
            "{} {} ({}: {})",
            pick(l, "purettu", "lifted"),
            local_time(at),
            by.as_deref().unwrap_or("?"),
            reason.as_deref().unwrap_or("")
        ),
        _ => format!(
            "{} {}",
            pick(l, "voimassa", "in force until"),
            finnish_date(&h.until_on)
        ),
    };
    format!(
        "{}\t{} {}\t{}\t{}",
        h.legal_hold_id,
        super::word_for("legal_hold", "record_kind", &h.record_kind, l),
        what,
        h.reason,
        state
    )
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    ctx.as_user(|register, session| match command {
        Command::Add {
            kind,
            id,
            reason,
            until,
        } => {
            let hold =
                register.legal_hold_add(session, &kind, &id, &reason, &until, &SystemClock)?;
            ctx.out
                .print(&serde_json::json!({ "legal_hold_id": hold }), |l| {
                    format!(
                        "{} {hold}",
                        pick(l, "Säilytysvelvoite kirjattu:", "Legal hold recorded:")
                    )
                });
            Ok(())
        }
        Command::List => {
            let holds = register.legal_hold_list(session)?;
            ctx.out.print(&holds, |l| {
                if holds.is_empty() {
                    return pick(l, "Ei säilytysvelvoitteita.", "No legal holds.");
                }
                holds
                    .iter()
                    .map(|h| hold_line(h, l))
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
        Command::Lift { id, reason } => {
            let hold = register.legal_hold_lift(session, &id, &reason, &SystemClock)?;
            ctx.out.print(&hold, |l| {
                format!(
                    "{} {}",
                    pick(l, "Säilytysvelvoite purettu:", "Legal hold lifted:"),
                    hold_line(&hold, l)
                )
            });
            Ok(())
        }
    })
}
