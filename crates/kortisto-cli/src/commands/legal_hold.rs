//! `kortisto legal-hold add`: stop deletion of a person, organisation or deal until a date.
use kortisto_core::{Result, SystemClock};

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
    })
}
