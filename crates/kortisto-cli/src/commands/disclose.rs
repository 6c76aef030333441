//! `kortisto disclose`: log that a person's data was disclosed to a processor.
use kortisto_core::disclosures::DisclosureInput;
use kortisto_core::{DataDir, Result, SystemClock};

use super::{finish, open_as};
use crate::output::{pick, Output};

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

pub fn run(data_dir: &DataDir, out: &Output, user: Option<&str>, args: Args) -> Result<()> {
    let (mut register, session) = open_as(data_dir, out, user)?;
    let input = DisclosureInput {
        person_id: args.person_id,
        processor_id: args.processor,
        what: args.what,
        why: args.why,
        disclosed_on: args.on,
    };
    let result = register.disclose(&session, &input, &SystemClock).map(|d| {
        out.print(&d, |l| {
            format!(
                "{} {}",
                pick(l, "Luovutus kirjattu:", "Disclosure logged:"),
                d.disclosure_id
            )
        });
    });
    finish(register, &session, result)
}
