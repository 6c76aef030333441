//! `kortisto deal`: delivery and service contracts, offers, requests for quotation, leads
//! and information requests, with status, dates and the people involved.
use kortisto_core::deals::{Deal, DealFilter, DealInput, DealKind, DealStatus};
use kortisto_core::{Result, SystemClock};

use super::{all_with_id, date_range, with_id, ListArgs};
use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add a deal; prints its id.
    Add {
        /// delivery-contract, service-contract, offer, rfq, lead or info-request.
        #[arg(long)]
        kind: String,
        /// The customer organisation's id.
        #[arg(long, value_name = "ID")]
        org: String,
        /// Title.
        #[arg(long)]
        title: String,
        /// open, active, won, lost, ended or cancelled.
        #[arg(long, default_value = "open")]
        status: String,
        /// Start date, e.g. a contract's start (27.11.2026 or 2026-11-27).
        #[arg(long, value_name = "DATE")]
        start: Option<String>,
        /// End date.
        #[arg(long, value_name = "DATE")]
        end: Option<String>,
        /// Notes.
        #[arg(long)]
        notes: Option<String>,
        /// A person involved (repeat for several).
        #[arg(long = "person", value_name = "ID")]
        people: Vec<String>,
    },
    /// List deals, newest first, by kind and status (all unless --offset/--limit).
    List {
        /// Only this kind.
        #[arg(long)]
        kind: Option<String>,
        /// Only this status.
        #[arg(long)]
        status: Option<String>,
        #[command(flatten)]
        list: ListArgs,
    },
    /// Edit a deal; fields not given are kept ("" clears dates and notes).
    Edit {
        /// The deal's id.
        id: String,
        /// New kind.
        #[arg(long)]
        kind: Option<String>,
        /// New organisation.
        #[arg(long, value_name = "ID")]
        org: Option<String>,
        /// New title.
        #[arg(long)]
        title: Option<String>,
        /// New status.
        #[arg(long)]
        status: Option<String>,
        /// New start date.
        #[arg(long, value_name = "DATE")]
        start: Option<String>,
        /// New end date.
        #[arg(long, value_name = "DATE")]
        end: Option<String>,
        /// New notes.
        #[arg(long)]
        notes: Option<String>,
        /// The people involved, replacing the old list (repeat for several).
        #[arg(long = "person", value_name = "ID")]
        people: Vec<String>,
        /// The open data subject's request this correction answers (listed on the request).
        #[arg(long = "request", value_name = "REQUEST_ID")]
        request_id: Option<String>,
    },
    /// A deal's history: who changed what, when, from what to what.
    History {
        /// The deal's id.
        id: String,
    },
}

fn line(d: &Deal, l: kortisto_core::Language) -> String {
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}",
        super::word_for("deal", "kind", d.kind.name(), l),
        super::word_for("deal", "status", d.status.name(), l),
        d.title,
        d.organisation_name,
        date_range(d.start_on.as_deref(), d.end_on.as_deref()),
        d.deal_id
    )
}

fn kind(text: Option<&str>) -> Result<Option<DealKind>> {
    text.map(DealKind::parse).transpose()
}

fn status(text: Option<&str>) -> Result<Option<DealStatus>> {
    text.map(DealStatus::parse).transpose()
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    // Kinds and statuses are checked before any password is asked.
    let (parsed_kind, parsed_status) = match &command {
        Command::Add {
            kind: k, status: s, ..
        } => (kind(Some(k))?, status(Some(s))?),
        Command::List {
            kind: k, status: s, ..
        }
        | Command::Edit {
            kind: k, status: s, ..
        } => (kind(k.as_deref())?, status(s.as_deref())?),
        Command::History { .. } => (None, None),
    };
    let clock = SystemClock;
    ctx.as_user(|register, session| match command {
        Command::Add {
            org,
            title,
            start,
            end,
            notes,
            people,
            ..
        } => {
            let added = register.deal_add(
                session,
                &DealInput {
                    kind: parsed_kind.expect("parsed above"),
                    organisation_id: org,
                    title,
                    status: parsed_status.expect("parsed above"),
                    start_on: start,
                    end_on: end,
                    notes,
                    person_ids: people,
                },
                &clock,
            )?;
            ctx.out.print(&with_id(&added, "deal_id"), |l| {
                format!(
                    "{} {} (id {})",
                    pick(l, "Kauppa lisätty:", "Deal added:"),
                    added.title,
                    added.deal_id
                )
            });
            Ok(())
        }
        Command::List { list, .. } => {
            let deals = list.collect(|offset, limit| {
                register.deal_list(
                    session,
                    &DealFilter {
                        kind: parsed_kind,
                        status: parsed_status,
                        offset,
                        limit: Some(limit),
                    },
                    &clock,
                )
            })?;
            ctx.out.print(&all_with_id(&deals, "deal_id"), |l| {
                deals
                    .iter()
                    .map(|x| line(x, l))
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
        Command::Edit {
            id,
            org,
            title,
            start,
            end,
            notes,
            people,
            request_id,
            ..
        } => {
            let current = register.deal(session, &id, &clock)?;
            let input = DealInput {
                kind: parsed_kind.unwrap_or(current.kind),
                organisation_id: org.unwrap_or(current.organisation_id),
                title: title.unwrap_or(current.title),
                status: parsed_status.unwrap_or(current.status),
                start_on: start.or(current.start_on),
                end_on: end.or(current.end_on),
                notes: notes.or(current.notes),
                person_ids: if people.is_empty() {
                    current.people.into_iter().map(|p| p.person_id).collect()
                } else {
                    people
                },
            };
            let edited = register.deal_edit(session, &id, &input, request_id.as_deref(), &clock)?;
            ctx.out.print(&with_id(&edited, "deal_id"), |l| {
                format!(
                    "{} {}",
                    pick(l, "Kauppa päivitetty:", "Deal updated:"),
                    line(&edited, l)
                )
            });
            Ok(())
        }
        Command::History { id } => {
            let history = register.record_history(session, "deal", &id)?;
            ctx.out
                .print(&history, |l| super::history_lines(&history, l));
            Ok(())
        }
    })
}
