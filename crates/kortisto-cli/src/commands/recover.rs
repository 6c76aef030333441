//! `kortisto recover`: puts the register's key back into this computer's keychain.
use kortisto_core::{Error, Keychain, RecoveryCode, Register, Result};
use serde::Serialize;

use crate::context::Context;
use crate::output::pick;

/// Restore the register's key from the recovery code shown when it was created. The code
/// is read from KORTISTO_RECOVERY_CODE, a hidden prompt, or standard input when it is not a
/// terminal — never from the command line, where `ps` and the shell history would keep it.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Refused: the process list and the shell history would keep the code.
    #[arg(long, hide = true)]
    code: Option<String>,
}

#[derive(Serialize)]
struct Recovered<'a> {
    register_id: &'a str,
    recovered: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    if args.code.is_some() {
        return Err(Error::RecoveryCodeOnCommandLine);
    }
    let code: RecoveryCode = crate::session::recovery_code(ctx.language())?;
    let register = Register::recover(&ctx.data_dir, &Keychain::from_env(), &code)?;
    let report = Recovered {
        register_id: register.register_id(),
        recovered: true,
    };
    ctx.out.print(&report, |language| {
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
