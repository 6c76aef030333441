//! `kortisto retention`: preview who would be deleted at a date, and run retention — the
//! same run the app makes every 24 hours, for a scheduled task (systemd timer, Task
//! Scheduler). Without `--user` the run is recorded as automatic, with no user.
use kortisto_core::{format_finnish, parse_date, Clock, Keychain, Register, Result, SystemClock};

use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Who would be deleted at a date, and by which rule (admin).
    Preview {
        /// The date (default today).
        #[arg(long)]
        as_of: Option<String>,
    },
    /// Erase everyone due today (progress on stderr; Ctrl-C stops between batches of whole
    /// people, leaving everything consistent). A clock that looks wrong (earlier than the
    /// last run, or far past the newest activity) stops the run until an administrator
    /// checks it and runs again with --confirm-clock.
    Run {
        /// The computer's clock has been checked and is right (admin, with --user).
        #[arg(long)]
        confirm_clock: bool,
    },
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::Preview { as_of } => {
            let date = match as_of {
                Some(text) => parse_date("as_of", &text)?,
                None => SystemClock.now().date_naive(),
            };
            ctx.as_user(|register, session| {
                register
                    .retention_preview(session, date, ctx.language())
                    .map(|preview| {
                        ctx.out.print(&preview, |l| {
                            let mut lines = vec![format!(
                                "{} {}: {} {}, {} {}",
                                pick(l, "Säilytyksen esikatselu", "Retention preview"),
                                format_finnish(date),
                                preview.due.len(),
                                pick(l, "poistuu", "to erase"),
                                preview.kept,
                                pick(l, "säilyy", "kept")
                            )];
                            for status in &preview.due {
                                lines.push(format!(
                                    "{}\t{} {}\t{}",
                                    status.person_id,
                                    status.surname,
                                    status.first_name,
                                    status.describe(l)
                                ));
                            }
                            lines.push(preview.web_analytics_note.clone());
                            lines.join("\n")
                        })
                    })
            })
        }
        Command::Run { confirm_clock } => {
            let mut progress = |done: u64, total: u64| {
                eprintln!(
                    "{} {done}/{total}",
                    pick(ctx.language(), "poistettu", "erased")
                );
                true
            };
            let report = |run: &kortisto_core::retention::RetentionRun| {
                ctx.out.print(run, |l| {
                    format!(
                        "{} {} {}, {} {}",
                        pick(l, "Säilytysajo valmis:", "Retention run done:"),
                        run.erased,
                        pick(l, "poistettu", "erased"),
                        run.kept,
                        pick(l, "säilyy", "kept")
                    )
                })
            };
            match ctx.user {
                Some(_) => ctx.as_user(|register, session| {
                    register
                        .retention_run(
                            Some(session),
                            "cli",
                            confirm_clock,
                            &SystemClock,
                            &mut progress,
                        )
                        .map(|run| report(&run))
                }),
                None => {
                    let mut register = Register::open(&ctx.data_dir, &Keychain::from_env())?;
                    let result = register
                        .retention_run(None, "cli", false, &SystemClock, &mut progress)
                        .map(|run| report(&run));
                    let closed = register.close();
                    result?;
                    closed
                }
            }
        }
    }
}
