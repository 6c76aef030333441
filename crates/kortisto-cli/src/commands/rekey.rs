//! `kortisto rekey`: rotates the register key (admin) and prints the new recovery code once.
use kortisto_core::{Result, SystemClock};
use serde::Serialize;

use crate::context::Context;
use crate::output::pick;

/// Rotate the register key (admin): the database is re-encrypted under a new key, the key
/// goes into this computer's keychain and a new recovery code is printed once. The old code
/// stops opening the register; backups made before the rotation still need the old code.
/// Every other computer and program must have the register closed.
#[derive(Debug, clap::Args)]
pub struct Args {}

#[derive(Serialize)]
struct Rotated<'a> {
    register_id: String,
    recovery_code: &'a str,
}

pub fn run(ctx: &Context, _args: Args) -> Result<()> {
    ctx.as_user(|register, session| {
    let rotated = register.key_rotate(session, &SystemClock);
    rotated.map(|code| {
        let report = Rotated {
            register_id: register.register_id().to_string(),
            recovery_code: code.reveal(),
        };
        ctx.out.print(&report, |language| {
            format!(
                "{}\n\n    {}\n\n{}",
                pick(
                    language,
                    "Rekisterin avain vaihdettiin. Uusi palautuskoodi — näytetään vain tämän kerran. Kirjoita se paperille ja säilytä turvassa:",
                    "The register key was rotated. New recovery code — shown only this once. Write it on paper and keep it safe:",
                ),
                report.recovery_code,
                pick(
                    language,
                    "Vanha koodi ei enää avaa rekisteriä. Ennen vaihtoa otetut varmuuskopiot avautuvat yhä vain vanhalla koodilla: säilytä se niin kauan kuin niitä säilytetään.",
                    "The old code no longer opens the register. Backups taken before the rotation still open only with the old code: keep it as long as you keep them.",
                )
            )
        });
    })
    })
}
