//! `kortisto disclose`: log that a person's data was disclosed to a processor.
use kortisto_core::disclosures::DisclosureInput;
use kortisto_core::{Result, SystemClock};

use crate::context::Context;
use crate::output::pick;

/// Log a disclosure of a person's data to a processor (what, to whom, when, why).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Whose data.
    person_id: String,
    /// To which processor.
    #[arg(long)]
    processor: String,
    /// What was disclosed.
    #[arg(long)]
    what: String,
    /// Why.
    #[arg(long)]
    why: String,
    /// When (default today).
    #[arg(long)]
    on: Option<String>,
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    let input = DisclosureInput {
        person_id: args.person_id,
        processor_id: args.processor,
        what: args.what,
        why: args.why,
        disclosed_on: args.on,
    };
    ctx.as_user(|register, session| {
        register.disclose(session, &input, &SystemClock).map(|d| {
            ctx.out.print(&d, |l| {
                format!(
                    "{} {}",
                    pick(l, "Luovutus kirjattu:", "Disclosure logged:"),
                    d.disclosure_id
                )
            });
        })
    })
}
