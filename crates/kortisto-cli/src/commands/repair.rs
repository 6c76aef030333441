//! `kortisto repair`: rebuilds a lost manifest (`register.json`) around the database that is
//! still in the data folder, with the key in the keychain or, failing that, the recovery code.
use kortisto_core::{Error, Keychain, Register, Result, SystemClock};
use serde::Serialize;

use crate::context::Context;
use crate::output::pick;

/// Rebuild a lost register.json beside an existing kortisto.db. The key comes from the
/// keychain; when it has none, the recovery code is read from KORTISTO_RECOVERY_CODE, a
/// hidden prompt or standard input. The database itself is never changed by a refusal.
#[derive(Debug, clap::Args)]
pub struct Args {}

#[derive(Serialize)]
struct Repaired<'a> {
    register_id: &'a str,
    repaired: bool,
}

pub fn run(ctx: &Context, _args: Args) -> Result<()> {
    let keychain = Keychain::from_env();
    let register = match Register::repair(&ctx.data_dir, &keychain, None, &SystemClock) {
        Err(Error::RepairImpossible { reason })
            if reason == "key_not_found" || reason == "other_register" =>
        {
            let code = crate::session::recovery_code(ctx.language())?;
            Register::repair(&ctx.data_dir, &keychain, Some(&code), &SystemClock)?
        }
        other => other?,
    };
    let report = Repaired {
        register_id: register.register_id(),
        repaired: true,
    };
    ctx.out.print(&report, |language| {
        pick(
            language,
            &format!(
                "Rekisterin {} tunnistetiedosto rakennettiin uudelleen. Rekisteri aukeaa taas.",
                report.register_id
            ),
            &format!(
                "The manifest of register {} was rebuilt. The register opens again.",
                report.register_id
            ),
        )
    });
    register.close()
}
