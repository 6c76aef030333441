//! `kortisto backup`: encrypted backups, and a restore that never brings back what was erased.
use std::path::PathBuf;

use kortisto_core::{Result, SystemClock};

use crate::context::Context;
use crate::output::{pick, size};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Write an encrypted backup (AES-256-GCM) of the register to a file.
    Create {
        /// The backup file (e.g. kortisto-2026-11-27.kbak): owner-only, never inside the data
        /// folder, and never over an existing file.
        #[arg(long)]
        out: PathBuf,
    },
    /// Restore a backup over the register: erasures made since are applied again first, and
    /// the register is replaced only once the restored copy is complete and verified.
    Restore {
        /// The backup file.
        file: PathBuf,
    },
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    ctx.as_user(|register, session| match command {
        Command::Create { out: file } => {
            eprintln!(
                "{}",
                pick(
                    ctx.language(),
                    "Otetaan tilannevedos ja salataan…",
                    "Taking a snapshot and encrypting…"
                )
            );
            register
                .backup_create(Some(session), &file, &SystemClock)
                .map(|info| {
                    let mb_per_s =
                        info.snapshot_bytes as f64 / 1e6 / info.encrypt_seconds.max(1e-9);
                    ctx.out.print(&info, |l| {
                        format!(
                            "{} {} ({}; {} {:.0} MB/s)",
                            pick(l, "Varmuuskopio kirjoitettu:", "Backup written:"),
                            info.path,
                            size(l, info.bytes),
                            pick(l, "salaus", "encryption"),
                            mb_per_s
                        )
                    })
                })
        }
        Command::Restore { file } => {
            eprintln!(
                "{}",
                pick(
                    ctx.language(),
                    "Tarkistetaan ja puretaan varmuuskopio…",
                    "Checking and decrypting the backup…"
                )
            );
            register
                .backup_restore(session, &file, &SystemClock)
                .map(|report| {
                    ctx.out.print(&report, |l| {
                        format!(
                            "{} {}; {} {}",
                            pick(
                                l,
                                "Palautettu varmuuskopio, otettu",
                                "Restored the backup taken"
                            ),
                            report.backup_created_at,
                            report.erasures_reapplied,
                            pick(
                                l,
                                "myöhempää poistoa tehtiin uudelleen",
                                "later erasures applied again"
                            )
                        )
                    })
                })
        }
    })
}
