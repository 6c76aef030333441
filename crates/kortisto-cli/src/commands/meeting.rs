//! `kortisto meeting`: log customer meetings, calls, e-mails, visits and web meetings (past
//! ones with `--at`), and list them.
use kortisto_core::meetings::{Meeting, MeetingFilter, MeetingInput, MeetingKind};
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
        /// When: "27.11.2026 14.30", 2026-11-27T14:30 (local time) or RFC 3339; default now.
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
}

fn line(m: &Meeting) -> String {
    let people: Vec<&str> = m.participants.iter().map(|p| p.name.as_str()).collect();
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}",
        local_time(&m.at),
        m.kind.name(),
        m.subject,
        people.join(", "),
        m.organisation_name.as_deref().unwrap_or(""),
        m.meeting_id
    )
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    let kind = match &command {
        Command::Log { kind, .. } => Some(MeetingKind::parse(kind)?),
        Command::List { .. } => None,
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
                    line(&logged)
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
            ctx.out.print(&all_with_id(&meetings, "meeting_id"), |_| {
                meetings.iter().map(line).collect::<Vec<_>>().join("\n")
            });
            Ok(())
        }
    })
}
