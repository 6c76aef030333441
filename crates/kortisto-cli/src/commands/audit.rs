//! `kortisto audit`: list the audit trail with filters, and verify its hash chain.
use kortisto_core::audit::{AuditFilter, AuditVerification};
use kortisto_core::{parse_date, Error, Language, Result};

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
                let chain = if verification.intact {
                    format!(
                        "{} ({} {})",
                        pick(l, "Lokiketju on eheä", "The audit chain is intact"),
                        verification.entries,
                        pick(l, "merkintää", "entries")
                    )
                } else {
                    problem_in_words(l, verification.problem.as_deref())
                };
                match hub_copy_in_words(l, &verification) {
                    Some(hub) => format!("{chain}\n{hub}"),
                    None => chain,
                }
            });
            match verification.first_broken_seq {
                Some(seq) => Err(Error::AuditChainBroken { seq }),
                None => Ok(()),
            }
        }
    })
}

/// Why the chain does not hold, in words.
fn problem_in_words(l: Language, problem: Option<&str>) -> String {
    match problem {
        Some("altered") => pick(
            l,
            "Merkinnän sisältöä on muutettu.",
            "An entry's content was changed.",
        ),
        Some("link") => pick(
            l,
            "Merkintä on poistettu tai siirretty ketjun keskeltä.",
            "An entry was removed or moved from the middle of the chain.",
        ),
        Some("truncated") => pick(
            l,
            "Lokin lopusta on poistettu merkintöjä.",
            "Entries were removed from the end of the trail.",
        ),
        Some("rewritten") => pick(
            l,
            "Merkintä poikkeaa hubille aiemmin kopioidusta: lokia on kirjoitettu uudelleen.",
            "An entry differs from the copy the hub received earlier: the trail was rewritten.",
        ),
        Some("anchor_invalid") => pick(
            l,
            "Lokin ankkuria on muutettu tai se on toisesta rekisteristä.",
            "The trail's anchor was edited or belongs to another register.",
        ),
        Some("anchor_missing") => pick(
            l,
            "Lokin ankkuri puuttuu: sen loppua ei voi todentaa.",
            "The trail's anchor is missing: its end cannot be confirmed.",
        ),
        _ => pick(l, "Lokiketju ei täsmää.", "The audit chain does not match."),
    }
}

/// What the team hub's copy of the trail said, in words (none without a hub).
fn hub_copy_in_words(l: Language, verification: &AuditVerification) -> Option<String> {
    Some(match verification.hub_copy.as_deref()? {
        "matches" => pick(
            l,
            "Loki täsmää hubille kopioituun.",
            "The trail matches its copy on the hub.",
        ),
        "differs" => pick(
            l,
            "Loki ei täsmää hubille kopioituun.",
            "The trail does not match its copy on the hub.",
        ),
        _ => format!(
            "{} ({})",
            pick(
                l,
                "Hubin kopiota ei voitu tarkistaa; loki tarkistettiin vain tällä koneella.",
                "The hub's copy could not be checked; the trail was checked on this machine only.",
            ),
            verification.hub_copy_error.as_deref().unwrap_or("-")
        ),
    })
}
