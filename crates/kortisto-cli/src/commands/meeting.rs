//! `kortisto meeting`: log customer meetings, calls, e-mails, visits and web meetings (past
//! ones with `--at`), list them, correct and delete them, and read a meeting's history.
use kortisto_core::meetings::{Meeting, MeetingChange, MeetingFilter, MeetingInput, MeetingKind};
use kortisto_core::{Result, SystemClock};

use super::{all_with_id, local_time, with_id, ListArgs};
use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Log a meeting or contact; prints its id.
    Log {
        /// meeting, call, email, visit or web-meeting.
        #[arg(long)]
        kind: String,
        /// Subject.
        #[arg(long)]
        subject: String,
        /// A participant's id (repeat for several; at least one).
        #[arg(long = "person", value_name = "ID", required = true)]
        people: Vec<String>,
        /// When: "14.30" (today), "eilen 16.00", "ma 10.00", "30.11. 10.00", "27.11.2026 14.30",
        /// 2026-11-27T14:30 (local time) or RFC 3339; default now.
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        /// The customer organisation's id.
        #[arg(long, value_name = "ID")]
        org: Option<String>,
        /// Short notes.
        #[arg(long)]
        notes: Option<String>,
    },
    /// List meetings, newest first (the latest 100 unless --limit says otherwise).
    List {
        /// Only meetings with this participant.
        #[arg(long, value_name = "ID")]
        person: Option<String>,
        /// Only meetings with this organisation.
        #[arg(long, value_name = "ID")]
        org: Option<String>,
        /// Skip this many.
        #[arg(long, default_value_t = 0)]
        offset: u64,
        /// At most this many.
        #[arg(long, default_value_t = 100)]
        limit: u64,
    },
    /// Correct a meeting (your own; an admin any): only the fields given change, each into
    /// the meeting's history.
    Edit {
        /// The meeting's id.
        id: String,
        /// New kind: meeting, call, email, visit or web-meeting.
        #[arg(long)]
        kind: Option<String>,
        /// New subject.
        #[arg(long)]
        subject: Option<String>,
        /// New time: "14.30" (today), "eilen 16.00", "ma 10.00", "30.11. 10.00",
        /// "27.11.2026 14.30", 2026-11-27T14:30 (local time) or RFC 3339.
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        /// New notes ("" clears them).
        #[arg(long)]
        notes: Option<String>,
        /// The participants after the correction, all of them (repeat for several).
        #[arg(long = "person", value_name = "ID")]
        people: Vec<String>,
        /// The open data subject's request this correction answers (listed on the request).
        #[arg(long = "request", value_name = "REQUEST_ID")]
        request_id: Option<String>,
    },
    /// Delete a meeting (your own; an admin any).
    Delete {
        /// The meeting's id.
        id: String,
        /// The open data subject's request this deletion answers (listed on the request).
        #[arg(long = "request", value_name = "REQUEST_ID")]
        request_id: Option<String>,
    },
    /// A meeting's history: who changed what, when, from what to what.
    History {
        /// The meeting's id.
        id: String,
    },
}

fn line(m: &Meeting, l: kortisto_core::Language) -> String {
    let people: Vec<&str> = m.participants.iter().map(|p| p.name.as_str()).collect();
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}",
        local_time(&m.at),
        super::word_for("meeting", "kind", m.kind.name(), l),
        m.subject,
        people.join(", "),
        m.organisation_name.as_deref().unwrap_or(""),
        m.meeting_id
    )
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    let kind = match &command {
        Command::Log { kind, .. } => Some(MeetingKind::parse(kind)?),
        Command::Edit {
            kind: Some(kind), ..
        } => Some(MeetingKind::parse(kind)?),
        _ => None,
    };
    ctx.as_user(|register, session| match command {
        Command::Log {
            subject,
            people,
            at,
            org,
            notes,
            ..
        } => {
            let logged = register.meeting_log(
                session,
                &MeetingInput {
                    kind: kind.expect("parsed above"),
                    at,
                    subject,
                    participant_ids: people,
                    notes,
                    organisation_id: org,
                },
                &SystemClock,
            )?;
            ctx.out.print(&with_id(&logged, "meeting_id"), |l| {
                format!(
                    "{} {}",
                    pick(l, "Tapaaminen kirjattu:", "Meeting logged:"),
                    line(&logged, l)
                )
            });
            Ok(())
        }
        Command::List {
            person,
            org,
            offset,
            limit,
        } => {
            let list = ListArgs {
                offset,
                limit: Some(limit),
            };
            let meetings = list.collect(|offset, limit| {
                register.meeting_list(
                    session,
                    &MeetingFilter {
                        person_id: person.clone(),
                        organisation_id: org.clone(),
                        offset,
                        limit: Some(limit),
                    },
                    &SystemClock,
                )
            })?;
            ctx.out.print(&all_with_id(&meetings, "meeting_id"), |l| {
                meetings
                    .iter()
                    .map(|x| line(x, l))
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
        Command::Edit {
            id,
            subject,
            at,
            notes,
            people,
            request_id,
            ..
        } => {
            let change = MeetingChange {
                kind,
                at,
                subject,
                notes,
                participant_ids: (!people.is_empty()).then_some(people),
            };
            let edited = register.meeting_edit(
                session,
                &id,
                &change,
                request_id.as_deref(),
                &SystemClock,
            )?;
            ctx.out.print(&with_id(&edited, "meeting_id"), |l| {
                format!(
                    "{} {}",
                    pick(l, "Tapaaminen korjattu:", "Meeting corrected:"),
                    line(&edited, l)
                )
            });
            Ok(())
        }
        Command::Delete { id, request_id } => {
            register.meeting_delete(session, &id, request_id.as_deref(), &SystemClock)?;
            ctx.out.print(
                &serde_json::json!({ "meeting_id": id, "id": id, "deleted": true }),
                |l| {
                    format!(
                        "{} {id}",
                        pick(l, "Tapaaminen poistettu:", "Meeting deleted:")
                    )
                },
            );
            Ok(())
        }
        Command::History { id } => {
            let history = register.record_history(session, "meeting", &id)?;
            ctx.out
                .print(&history, |l| super::history_lines(&history, l));
            Ok(())
        }
    })
}
