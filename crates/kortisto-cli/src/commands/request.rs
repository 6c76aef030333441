//! `kortisto request`: the log of people's requests with the one-month deadline.
use kortisto_core::requests::{RequestChannel, RequestInput, RequestKind, RequestStatus};
use kortisto_core::{format_finnish, Error, Result, SystemClock};

use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Log a received request.
    Add {
        /// access, rectification, erasure, consent-withdrawal, objection or restriction.
        #[arg(long)]
        kind: String,
        /// When it was received (default today).
        #[arg(long)]
        received: Option<String>,
        /// form, email, phone, in-person, letter or self-service.
        #[arg(long)]
        channel: String,
        /// The person, if identified.
        #[arg(long)]
        person: Option<String>,
    },
    /// Record how the requester's identity was checked (no copy of an ID is kept).
    Identity {
        /// The request.
        request_id: String,
        /// The person it concerns.
        #[arg(long)]
        person: String,
        /// How identity was checked.
        #[arg(long)]
        method: String,
    },
    /// Extend the deadline (at most three months after receipt), with a reason.
    Extend {
        /// The request.
        request_id: String,
        /// The new deadline.
        #[arg(long)]
        until: String,
        /// Why.
        #[arg(long)]
        reason: String,
    },
    /// Close a request as done or refused.
    Close {
        /// The request.
        request_id: String,
        /// done or refused.
        #[arg(long)]
        status: String,
        /// What was done.
        #[arg(long)]
        outcome: String,
    },
    /// List requests, open ones first by deadline.
    List,
    /// The corrections made for a request (`--request ID` of the correcting commands),
    /// oldest first: field, old and new value, who and when.
    Changes {
        /// The request.
        request_id: String,
    },
}

/// A flag's value that is not one of its names; the error names the flag (`channel`,
/// `status`), where the core's names its column.
fn invalid(field: &str) -> Error {
    Error::FieldInvalid {
        field: field.into(),
        rule: format!("request_{field}"),
    }
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    let clock = SystemClock;
    ctx.as_user(|register, session| match command {
        Command::Add {
            kind,
            received,
            channel,
            person,
        } => {
            let input = RequestInput {
                kind: RequestKind::parse(&kind)?,
                received_on: received.unwrap_or_else(chrono_today),
                channel: RequestChannel::parse(&channel).map_err(|_| invalid("channel"))?,
                person_id: person,
            };
            let request = register.request_add(session, &input, &clock)?;
            ctx.out.print(&request, |l| {
                format!(
                    "{} {} — {} {}",
                    pick(l, "Pyyntö kirjattu:", "Request logged:"),
                    request.request_id,
                    pick(l, "määräaika", "due"),
                    finnish(&request.due_on)
                )
            });
            Ok(())
        }
        Command::Identity {
            request_id,
            person,
            method,
        } => {
            let request = register.request_identity_checked(
                session,
                &request_id,
                &person,
                &method,
                &clock,
            )?;
            ctx.out.print(&request, |l| {
                pick(
                    l,
                    "Henkilöllisyyden tarkistus kirjattu.",
                    "Identity check recorded.",
                )
            });
            Ok(())
        }
        Command::Extend {
            request_id,
            until,
            reason,
        } => {
            let request = register.request_extend(session, &request_id, &until, &reason, &clock)?;
            ctx.out.print(&request, |l| {
                format!(
                    "{} {}",
                    pick(l, "Uusi määräaika:", "New deadline:"),
                    finnish(request.deadline())
                )
            });
            Ok(())
        }
        Command::Close {
            request_id,
            status,
            outcome,
        } => {
            let request = register.request_close(
                session,
                &request_id,
                RequestStatus::parse(&status).map_err(|_| invalid("status"))?,
                &outcome,
                &clock,
            )?;
            ctx.out
                .print(&request, |l| pick(l, "Pyyntö suljettu.", "Request closed."));
            Ok(())
        }
        Command::List => {
            let list = register.request_list(session)?;
            ctx.out.print(&list, |l| {
                if list.is_empty() {
                    return pick(l, "Ei pyyntöjä.", "No requests.");
                }
                list.iter()
                    .map(|r| {
                        format!(
                            "{}\t{}\t{}\t{}\t{}",
                            r.request_id,
                            r.kind.name(),
                            finnish(&r.received_on),
                            finnish(r.deadline()),
                            r.status.name()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
        Command::Changes { request_id } => {
            let changes = register.request_changes(session, &request_id)?;
            ctx.out.print(&changes, |l| {
                if changes.is_empty() {
                    return pick(
                        l,
                        "Tämän pyynnön perusteella ei ole tehty korjauksia.",
                        "No corrections have been made for this request.",
                    );
                }
                changes
                    .iter()
                    .map(|h| {
                        let kind = match h.record_kind.as_str() {
                            "person" => pick(l, "henkilö", "person"),
                            "organisation" => pick(l, "organisaatio", "organisation"),
                            "meeting" => pick(l, "tapaaminen", "meeting"),
                            "deal" => pick(l, "kauppa", "deal"),
                            other => other.to_string(),
                        };
                        format!(
                            "{}\t{}\t{} {}\t{}",
                            super::local_time(&h.changed_at),
                            h.changed_by_name,
                            kind,
                            h.record_id,
                            super::history_change(h, l)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
    })
}

fn finnish(iso: &str) -> String {
    iso.parse()
        .map(format_finnish)
        .unwrap_or_else(|_| iso.to_string())
}

fn chrono_today() -> String {
    use kortisto_core::Clock;
    SystemClock.now().date_naive().to_string()
}
