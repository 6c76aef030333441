//! `kortisto legal-hold add`: stop deletion of a person, organisation or deal until a date.
use kortisto_core::{DataDir, Result, SystemClock};

use super::{finish, open_as};
use crate::output::{pick, Output};

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

pub fn run(data_dir: &DataDir, out: &Output, user: Option<&str>, command: Command) -> Result<()> {
    let (mut register, session) = open_as(data_dir, out, user)?;
    let result = (|| match command {
        Command::Add {
            kind,
            id,
            reason,
            until,
        } => {
            let hold =
                register.legal_hold_add(&session, &kind, &id, &reason, &until, &SystemClock)?;
            out.print(&serde_json::json!({ "legal_hold_id": hold }), |l| {
                format!(
                    "{} {hold}",
                    pick(l, "Säilytysvelvoite kirjattu:", "Legal hold recorded:")
                )
            });
            Ok(())
        }
    })();
    finish(register, &session, result)
}
