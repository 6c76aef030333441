//! `kortisto erase`: erase a person, or be told what blocks it and until when.
use kortisto_core::{Result, SystemClock};

use crate::context::Context;
use crate::output::pick;

/// Erase a person with all their personal data (refused, with the reasons, while contracts,
/// open deals or legal holds remain). Prints the erasure receipt: ids and counts only.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The person.
    person_id: String,
    /// The erasure request this answers (it is closed as done).
    #[arg(long)]
    request: Option<String>,
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    ctx.as_user(|register, session| {
        register
            .erase(
                session,
                &args.person_id,
                args.request.as_deref(),
                &SystemClock,
            )
            .map(|receipt| {
                ctx.out.print(&receipt, |l| {
                    let mut text = format!(
                        "{} {} ({} {}, {} {})",
                        pick(l, "Henkilö poistettu. Kuitti:", "Person erased. Receipt:"),
                        receipt.receipt_id,
                        receipt.counts.contacts,
                        pick(l, "yhteystietoa", "contact data"),
                        receipt.counts.consent_events,
                        pick(l, "suostumustapahtumaa", "consent events"),
                    );
                    for note in &receipt.notes_to_review {
                        text.push_str(&format!(
                            "\n  {} {}",
                            pick(l, "Tarkista muistiinpanot:", "Review the notes of:"),
                            note.words(l)
                        ));
                    }
                    text
                })
            })
    })
}
