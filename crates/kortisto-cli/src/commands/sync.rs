//! `kortisto sync`: one sync with the team hub now, the sync state at a glance, and the
//! conflicts found while merging (with a way to put the losing value back).
use kortisto_core::sync::SyncReport;
use kortisto_core::{Language, Result, SystemClock};

use crate::context::Context;
use crate::output::pick;

/// Sync with the hub: push this computer's changes, pull and merge everyone else's.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Where the hub is, when it was last reached, how many changes wait.
    Status,
    /// Fields two people changed at the same time: what was kept and what lost.
    Conflicts,
    /// Put the losing value of a conflict back (it then travels to every device).
    Restore {
        /// The conflict's id from `kortisto sync conflicts`.
        conflict_id: String,
    },
}

/// One line per figure of a sync, in `language`.
pub fn summary(language: Language, report: &SyncReport) -> String {
    let p = &report.pulled;
    pick(
        language,
        &format!(
            "Lähetetty {}, haettu {} (sovellettu {}, poistettuja henkilöitä {}), ristiriitoja {}, hubin hylkäämiä {}.",
            report.pushed, p.received, p.applied, p.erased, p.conflicts, report.refused
        ),
        &format!(
            "Pushed {}, pulled {} (applied {}, people erased {}), conflicts {}, refused by the hub {}.",
            report.pushed, p.received, p.applied, p.erased, p.conflicts, report.refused
        ),
    )
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    ctx.as_user(|register, session| match args.command {
        None => {
            let report = register.sync(Some(session), &SystemClock)?;
            ctx.out.print(&report, |language| summary(language, &report));
            Ok(())
        }
        Some(Command::Status) => {
            let status = register.sync_status()?;
            ctx.out.print(&status, |language| {
                if !status.set_up {
                    return pick(language, "Ei hubia: rekisteri on vain tällä koneella.", "No hub: the register is on this computer only.");
                }
                let state = match (&status.offline_since, &status.last_error) {
                    (Some(since), Some(code)) => pick(language, &format!("ei yhteyttä {since} alkaen ({code})"), &format!("offline since {since} ({code})")),
                    _ => match &status.last_sync_at {
                        Some(at) if status.waiting == 0 => pick(language, &format!("ajan tasalla ({at})"), &format!("synced ({at})")),
                        _ => pick(language, &format!("{} muutosta odottaa", status.waiting), &format!("{} changes waiting", status.waiting)),
                    },
                };
                format!(
                    "{}: {state}\n{}: {}",
                    status.device_name.as_deref().unwrap_or("-"),
                    pick(language, "Ristiriitoja", "Conflicts"),
                    status.open_conflicts
                )
            });
            Ok(())
        }
        Some(Command::Conflicts) => {
            let conflicts = register.sync_conflicts(session, false)?;
            ctx.out.print(&conflicts, |language| {
                if conflicts.is_empty() {
                    return pick(language, "Ei ristiriitoja.", "No conflicts.");
                }
                conflicts
                    .iter()
                    .map(|c| {
                        format!(
                            "{}  {}.{} {}: {} ← {}{}",
                            c.conflict_id,
                            c.table,
                            c.field,
                            c.row_key,
                            c.kept_value.as_deref().unwrap_or("-"),
                            c.other_value.as_deref().unwrap_or("-"),
                            if c.resolved_at.is_some() { pick(language, " (palautettu)", " (restored)") } else { String::new() }
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
        Some(Command::Restore { conflict_id }) => {
            register.sync_conflict_restore(session, &conflict_id, &SystemClock)?;
            ctx.out.print(&serde_json::json!({ "restored": conflict_id }), |language| {
                pick(language, "Hävinnyt arvo palautettiin; se välittyy muille seuraavassa synkronoinnissa.", "The losing value is back; it reaches the other devices at the next sync.")
            });
            Ok(())
        }
    })
}
