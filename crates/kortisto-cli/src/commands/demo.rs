//! `kortisto demo`: fills an empty register with realistic synthetic data (see
//! `kortisto_core::demo`), showing progress on stderr. Everything goes in one transaction:
//! Ctrl-C (or any failure) before the end leaves the register exactly as it was.
use std::time::Instant;

use kortisto_core::demo::{DemoOptions, DemoProgress, DemoSummary};
use kortisto_core::{parse_date, Language, Result, SystemClock};

use crate::context::Context;
use crate::output::pick;

/// Fill an empty register (no people yet) with synthetic Finnish-looking data: organisations,
/// people, positions, contact data, deals, meetings and service elements over six years.
/// Deterministic for a given seed and end date. Admin only.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many people.
    #[arg(long)]
    pub people: u32,
    /// Seed of the generator: the same seed gives the same register.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// How many organisations (default: one per five people).
    #[arg(long)]
    pub organisations: Option<u32>,
    /// How many meetings (default: ten per person).
    #[arg(long)]
    pub meetings: Option<u32>,
    /// Last day of the history (27.11.2026 or 2026-11-27; default today).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
}

impl Args {
    /// The core's options (the date checked before any password is asked).
    pub fn options(&self) -> Result<DemoOptions> {
        Ok(DemoOptions {
            people: self.people,
            organisations: self.organisations,
            meetings: self.meetings,
            seed: self.seed,
            until: self
                .until
                .as_deref()
                .map(|d| parse_date("until", d))
                .transpose()?,
        })
    }
}

/// A progress printer for stderr: one line per tenth of each stage.
pub fn progress_printer(language: Language) -> impl FnMut(DemoProgress) {
    let started = Instant::now();
    let mut last: Option<(&'static str, u64)> = None;
    move |p: DemoProgress| {
        let tenth = (p.done * 10).checked_div(p.total).unwrap_or(10);
        if last == Some((p.stage, tenth)) {
            return;
        }
        last = Some((p.stage, tenth));
        let stage = match (p.stage, language) {
            ("organisations", Language::Fi) => "organisaatiot",
            ("people", Language::Fi) => "henkilöt",
            ("deals", Language::Fi) => "kaupat",
            ("meetings", Language::Fi) => "tapaamiset",
            ("service_elements", Language::Fi) => "palveluelementit",
            ("commit", Language::Fi) => "tallennus",
            (other, _) => other,
        };
        eprintln!(
            "[{:>6.1} s] {stage}: {}/{} ({} %)",
            started.elapsed().as_secs_f64(),
            p.done,
            p.total,
            tenth * 10
        );
    }
}

/// "100 henkilöä, 20 organisaatiota, …".
pub fn describe(language: Language, s: &DemoSummary) -> String {
    match language {
        Language::Fi => format!(
            "{} henkilöä, {} organisaatiota, {} tehtävää, {} yhteystietoa, {} kauppaa, {} tapaamista, {} palveluelementtiä",
            s.people, s.organisations, s.positions, s.contacts, s.deals, s.meetings, s.service_elements
        ),
        Language::En => format!(
            "{} people, {} organisations, {} positions, {} contact data, {} deals, {} meetings, {} service elements",
            s.people, s.organisations, s.positions, s.contacts, s.deals, s.meetings, s.service_elements
        ),
    }
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    let options = args.options()?;
    ctx.as_user(|register, session| {
        let mut progress = progress_printer(ctx.language());
        let summary = register.demo_fill(session, &options, &SystemClock, &mut progress)?;
        ctx.out.print(&summary, |l| {
            format!(
                "{} {}",
                pick(l, "Demoaineisto luotu:", "Demo data created:"),
                describe(l, &summary)
            )
        });
        Ok(())
    })
}
