//! `kortisto init`: creates a register and shows its recovery code, once.
use kortisto_core::{DataDir, Keychain, Register, Result, SystemClock};
use serde::Serialize;

use crate::output::{pick, Output};

/// Create a new, empty register in the data folder.
#[derive(Debug, clap::Args)]
pub struct Args {}

#[derive(Serialize)]
struct Initialised<'a> {
    register_id: &'a str,
    data_dir: String,
    recovery_code: &'a str,
}

pub fn run(data_dir: &DataDir, out: &Output, _args: Args) -> Result<()> {
    let created = Register::create(data_dir, &Keychain::from_env(), &SystemClock)?;
    let report = Initialised {
        register_id: created.register.register_id(),
        data_dir: data_dir.path().display().to_string(),
        recovery_code: created.recovery_code.reveal(),
    };
    out.print(&report, |language| {
        format!(
            "{}\n\n    {}\n\n{}",
            pick(
                language,
                &format!("Rekisteri {} luotu kansioon {}.\nPalautuskoodi — näytetään vain tämän kerran. Kirjoita se paperille ja säilytä turvassa:", report.register_id, report.data_dir),
                &format!("Register {} created in {}.\nRecovery code — shown only this once. Write it on paper and keep it safe:", report.register_id, report.data_dir),
            ),
            report.recovery_code,
            pick(
                language,
                "Koodilla avain palautetaan uudelle koneelle: kortisto recover --code KOODI",
                "The code restores the key on a new computer: kortisto recover --code CODE",
            )
        )
    });
    created.register.close()
}
