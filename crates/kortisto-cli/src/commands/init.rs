//! `kortisto init`: creates a register and shows its recovery code, once.
use kortisto_core::{Keychain, Register, Result, SystemClock};
use serde::Serialize;

use crate::context::Context;
use crate::output::pick;

/// Create a new, empty register in the data folder.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Also create the first administrator with this username (password from
    /// KORTISTO_NEW_PASSWORD or a prompt). Without it the desktop app asks on first start.
    #[arg(long, value_name = "NAME")]
    admin: Option<String>,
    /// The administrator's display name (default: the username).
    #[arg(long, requires = "admin")]
    admin_display_name: Option<String>,
}

#[derive(Serialize)]
struct Initialised<'a> {
    register_id: &'a str,
    data_dir: String,
    recovery_code: &'a str,
    admin: Option<String>,
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    // Ask for the administrator's password before anything is created, so a refused
    // password leaves no half-made register behind.
    let admin_password = match &args.admin {
        Some(name) => {
            kortisto_core::auth::validate_new_user(
                name,
                args.admin_display_name.as_deref().unwrap_or(name),
            )?;
            let password = crate::session::new_password(ctx.language())?;
            password.check_new()?;
            Some(password)
        }
        None => None,
    };
    let mut created = Register::create(&ctx.data_dir, &Keychain::from_env(), &SystemClock)?;
    let admin = match (&args.admin, admin_password) {
        (Some(name), Some(password)) => {
            let display_name = args.admin_display_name.as_deref().unwrap_or(name);
            let session =
                created
                    .register
                    .create_first_admin(name, display_name, &password, &SystemClock)?;
            created.register.logout(&session, &SystemClock)?;
            Some(session.username)
        }
        _ => None,
    };
    let report = Initialised {
        register_id: created.register.register_id(),
        data_dir: ctx.data_dir.path().display().to_string(),
        recovery_code: created.recovery_code.reveal(),
        admin,
    };
    ctx.out.print(&report, |language| {
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
                "Koodilla avain palautetaan uudelle koneelle: kortisto recover (koodi kysytään)",
                "The code restores the key on a new computer: kortisto recover (it asks for the code)",
            )
        )
    });
    created.register.close()
}
