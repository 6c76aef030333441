//! `kortisto recover`: puts the register's key back into this computer's keychain.
use kortisto_core::{DataDir, Keychain, RecoveryCode, Register, Result};
use serde::Serialize;

use crate::output::{pick, Output};

/// Restore the register's key from the recovery code shown when it was created.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The recovery code (dashes and letter case do not matter).
    #[arg(long, env = "KORTISTO_RECOVERY_CODE", hide_env_values = true)]
    code: String,
}

#[derive(Serialize)]
struct Recovered<'a> {
    register_id: &'a str,
    recovered: bool,
}

pub fn run(data_dir: &DataDir, out: &Output, args: Args) -> Result<()> {
    let register = Register::recover(
        data_dir,
        &Keychain::from_env(),
        &RecoveryCode::parse(&args.code),
    )?;
    let report = Recovered {
        register_id: register.register_id(),
        recovered: true,
    };
    out.print(&report, |language| {
        pick(
            language,
            &format!(
                "Rekisterin {} avain palautettiin avainnippuun. Rekisteri aukeaa taas.",
                report.register_id
            ),
            &format!(
                "The key of register {} is back in the keychain. The register opens again.",
                report.register_id
            ),
        )
    });
    register.close()
}
