//! `kortisto device enrol|join|list|revoke`: the computers that share one register through
//! the hub, and the one-time enrolment code that brings a new one in.
use kortisto_core::{Error, Keychain, Register, Result, SystemClock};
use serde::Serialize;

use crate::context::Context;
use crate::output::pick;

/// The register's devices on the hub.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Enrol a new computer (admin): prints a one-time enrolment code, once. On the new
    /// computer run `kortisto device join` (or the app's "Liity rekisteriin / Join a
    /// register") with it; the code carries the hub's address and opens the register key.
    Enrol(EnrolArgs),
    /// Make this computer's (empty) data folder a copy of a team register: the code is read
    /// from KORTISTO_ENROLMENT_CODE, a hidden prompt or standard input — never an argument.
    Join(JoinArgs),
    /// List the register's devices (admin).
    List,
    /// Revoke a device (admin): its hub login is dropped, it can neither pull nor push.
    Revoke(RevokeArgs),
}

#[derive(Debug, clap::Args)]
pub struct EnrolArgs {
    /// The new computer's name, e.g. "myynti-laptop-3".
    name: String,
}

#[derive(Debug, clap::Args)]
pub struct JoinArgs {
    /// Refused: the process list and the shell history would keep the code.
    #[arg(long, hide = true)]
    code: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct RevokeArgs {
    /// The device's name as `kortisto device list` shows it.
    name: String,
}

#[derive(Serialize)]
struct Enrolled<'a> {
    device_name: &'a str,
    enrolment_code: &'a str,
}

#[derive(Serialize)]
struct Joined<'a> {
    register_id: &'a str,
    sync: &'a kortisto_core::sync::SyncReport,
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::Enrol(args) => ctx.as_user(|register, session| {
            let code = register.device_enrol(session, &args.name, &SystemClock)?;
            let report = Enrolled {
                device_name: &args.name,
                enrolment_code: code.as_str(),
            };
            ctx.out.print(&report, |language| {
                format!(
                    "{}\n\n{}\n\n{}",
                    pick(
                        language,
                        &format!("Laite {} liitettiin. Kertakäyttöinen liittymiskoodi — näytetään vain tämän kerran:", args.name),
                        &format!("Device {} is enrolled. One-time enrolment code — shown only this once:", args.name),
                    ),
                    report.enrolment_code,
                    pick(
                        language,
                        "Uudella koneella: KORTISTO_ENROLMENT_CODE=… kortisto device join (tai sovelluksen \"Liity rekisteriin\"). Koodi avaa rekisterin avaimen: välitä se vain sille koneelle.",
                        "On the new computer: KORTISTO_ENROLMENT_CODE=… kortisto device join (or the app's \"Join a register\"). The code opens the register key: give it to that computer only.",
                    )
                )
            });
            Ok(())
        }),
        Command::Join(args) => {
            if args.code.is_some() {
                return Err(Error::RecoveryCodeOnCommandLine);
            }
            let code = crate::session::enrolment_code(ctx.language())?;
            let (register, report) =
                Register::join(&ctx.data_dir, &Keychain::from_env(), &code, &SystemClock)?;
            let joined = Joined {
                register_id: register.register_id(),
                sync: &report,
            };
            ctx.out.print(&joined, |language| {
                format!(
                    "{}\n{}",
                    pick(
                        language,
                        &format!("Tämä kone liittyi rekisteriin {}; avain on avainnipussa.", joined.register_id),
                        &format!("This computer joined register {}; its key is in the keychain.", joined.register_id),
                    ),
                    crate::commands::sync::summary(language, &report)
                )
            });
            register.close()
        }
        Command::List => ctx.as_user(|register, session| {
            let devices = register.device_list(session)?;
            ctx.out.print(&devices, |language| {
                if devices.is_empty() {
                    return pick(language, "Ei laitteita.", "No devices.");
                }
                devices
                    .iter()
                    .map(|d| {
                        let state = match &d.revoked_at {
                            Some(at) => pick(language, &format!("poistettu {at}"), &format!("revoked {at}")),
                            None => d.last_seen_at.as_ref().map_or_else(
                                || pick(language, "ei vielä yhteyttä", "not seen yet"),
                                |at| pick(language, &format!("viimeksi {at}"), &format!("last seen {at}")),
                            ),
                        };
                        let admin = if d.is_admin { " (admin)" } else { "" };
                        format!("{}{admin}\t{state}", d.name)
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }),
        Command::Revoke(args) => ctx.as_user(|register, session| {
            register.device_revoke(session, &args.name, &SystemClock)?;
            ctx.out.print(&serde_json::json!({ "revoked": args.name }), |language| {
                pick(
                    language,
                    &format!("Laitteen {} hub-tunnus poistettiin: se ei voi enää hakea eikä lähettää muutoksia.", args.name),
                    &format!("Device {}'s hub login is dropped: it can no longer pull or push.", args.name),
                )
            });
            Ok(())
        }),
    }
}
