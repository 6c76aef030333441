//! `kortisto restore FILE`: disaster recovery onto a machine with no register — the backup
//! file and the recovery code bring the register back (`backup restore` is for a live one).
use std::path::PathBuf;

use kortisto_core::{Keychain, Register, Result, SystemClock};
use serde::Serialize;

use crate::context::Context;
use crate::output::pick;

/// Bring a register back from a backup file into an empty data folder (a new computer, a
/// lost laptop). The recovery code is read from KORTISTO_RECOVERY_CODE, a hidden prompt or
/// standard input; the key goes into this computer's keychain.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The backup file (.kbak).
    file: PathBuf,
}

#[derive(Serialize)]
struct Restored<'a> {
    register_id: &'a str,
    data_dir: String,
    backup_created_at: &'a str,
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    let code = crate::session::recovery_code(ctx.language())?;
    let (register, report) = Register::restore_new(
        &ctx.data_dir,
        &Keychain::from_env(),
        &args.file,
        &code,
        &SystemClock,
    )?;
    let printed = Restored {
        register_id: register.register_id(),
        data_dir: ctx.data_dir.path().display().to_string(),
        backup_created_at: &report.backup_created_at,
    };
    ctx.out.print(&printed, |language| {
        pick(
            language,
            &format!(
                "Rekisteri {} palautettiin kansioon {} varmuuskopiosta, joka otettiin {}. Avain on tämän koneen avainnipussa.",
                printed.register_id, printed.data_dir, printed.backup_created_at
            ),
            &format!(
                "Register {} was restored into {} from the backup taken at {}. Its key is in this computer's keychain.",
                printed.register_id, printed.data_dir, printed.backup_created_at
            ),
        )
    });
    register.close()
}
