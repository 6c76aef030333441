//! `kortisto consent`: record consent given or withdrawn, and read a person's history.
use kortisto_core::consent::{ConsentChannel, ConsentEventKind, ConsentInput};
use kortisto_core::{Error, Result, SystemClock};

use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Record that a person gave consent.
    Give(EventArgs),
    /// Record that a person withdrew consent (takes effect at once).
    Withdraw(EventArgs),
    /// A person's consent history, oldest first.
    History {
        /// The person.
        person_id: String,
    },
}

#[derive(Debug, clap::Args)]
pub struct EventArgs {
    /// The person.
    person_id: String,
    /// Purpose (default: direct-marketing).
    #[arg(long, default_value = "direct-marketing")]
    purpose: String,
    /// form, email, phone, in-person or self-service.
    #[arg(long)]
    channel: String,
    /// Version of the wording the person saw.
    #[arg(long)]
    wording: String,
    /// Where the evidence is kept.
    #[arg(long)]
    evidence: Option<String>,
    /// When (27.11.2026 14.30 or RFC 3339; default now).
    #[arg(long)]
    at: Option<String>,
}

fn channel(text: &str) -> Result<ConsentChannel> {
    // The flag's own error lists the names, where the core's names its column.
    ConsentChannel::parse(text).map_err(|_| Error::FieldInvalid {
        field: "channel (form | email | phone | in-person | self-service)".into(),
        rule: "consent_channel".into(),
    })
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    let input = match &command {
        Command::Give(args) | Command::Withdraw(args) => Some(ConsentInput {
            person_id: args.person_id.clone(),
            purpose: args.purpose.clone(),
            kind: if matches!(command, Command::Give(_)) {
                ConsentEventKind::Given
            } else {
                ConsentEventKind::Withdrawn
            },
            channel: channel(&args.channel)?,
            wording_version: args.wording.clone(),
            evidence: args.evidence.clone(),
            at: args.at.clone(),
        }),
        Command::History { .. } => None,
    };
    ctx.as_user(|register, session| match (&command, input) {
        (Command::History { person_id }, _) => {
            let events = register.consent_history(session, person_id)?;
            ctx.out.print(&events, |l| {
                if events.is_empty() {
                    return pick(l, "Ei suostumustapahtumia.", "No consent events.");
                }
                events
                    .iter()
                    .map(|e| {
                        format!(
                            "{}\t{}\t{}\t{}\t{}",
                            e.at,
                            e.purpose,
                            e.kind.name(),
                            e.channel.name(),
                            e.wording_version
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
        (_, Some(input)) => {
            let event = register.consent_record(session, &input, &SystemClock)?;
            ctx.out.print(&event, |l| match event.kind {
                ConsentEventKind::Given => pick(l, "Suostumus kirjattu.", "Consent recorded."),
                ConsentEventKind::Withdrawn => pick(
                    l,
                    "Suostumus peruttu; henkilö poistui markkinointilistoilta heti.",
                    "Consent withdrawn; the person left every marketing list at once.",
                ),
            });
            Ok(())
        }
        _ => unreachable!("every consent command is covered"),
    })
}
