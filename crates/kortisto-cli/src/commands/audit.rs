//! `kortisto audit`: list the audit trail with filters, and verify its hash chain.
use kortisto_core::audit::AuditFilter;
use kortisto_core::{parse_date, Error, Result};

use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// List audit entries, newest first.
    List {
        /// From this date on (27.11.2026 or 2026-11-27).
        #[arg(long)]
        since: Option<String>,
        /// Only this user's entries.
        #[arg(long = "by", alias = "user-filter", value_name = "NAME")]
        by: Option<String>,
        /// Only this action (e.g. login_failed, user_add).
        #[arg(long)]
        action: Option<String>,
        /// Only entries about this record id.
        #[arg(long)]
        record: Option<String>,
        /// At most this many entries.
        #[arg(long, default_value_t = 500)]
        limit: u32,
    },
    /// Check the hash chain; exits non-zero and names the first bad entry if broken.
    Verify,
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    let since = match &command {
        Command::List {
            since: Some(text), ..
        } => Some(parse_date("since", text)?.to_string()),
        _ => None,
    };
    ctx.as_user(|register, session| match command {
        Command::List {
            by,
            action,
            record,
            limit,
            ..
        } => {
            let filter = AuditFilter {
                since,
                username: by,
                action,
                record_id: record,
                limit: Some(limit),
                ..AuditFilter::default()
            };
            let events = register.audit_list(session, &filter)?;
            ctx.out.print(&events, |_| {
                events
                    .iter()
                    .map(|e| {
                        format!(
                            "{}\t{}\t{}\t{}\t{} {}",
                            e.seq,
                            e.at,
                            e.username.as_deref().unwrap_or("-"),
                            e.action,
                            e.record_kind.as_deref().unwrap_or(""),
                            e.record_id.as_deref().unwrap_or("")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
        Command::Verify => {
            let verification = register.audit_verify(session)?;
            ctx.out.print(&verification, |l| {
                if verification.intact {
                    format!(
                        "{} ({} {})",
                        pick(l, "Lokiketju on eheä", "The audit chain is intact"),
                        verification.entries,
                        pick(l, "merkintää", "entries")
                    )
                } else {
                    String::new()
                }
            });
            match verification.first_broken_seq {
                Some(seq) => Err(Error::AuditChainBroken { seq }),
                None => Ok(()),
            }
        }
    })
}
