//! `kortisto hub init`: joins this register to a team hub (PostgreSQL) as its first device.
//! The hub's set-up for a team is described in the README ("Team hub").
use kortisto_core::{Result, SystemClock};

use crate::context::Context;
use crate::output::pick;

/// The team hub: one PostgreSQL database that every device of the register syncs through.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Create (or upgrade) the hub's schema with an administrator's PostgreSQL address,
    /// enrol this computer as the first device and push the whole register (admin). The
    /// address needs a role that may create schemas and roles; this computer keeps only its
    /// own device login (in the keychain), never the administrator's.
    Init(InitArgs),
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// postgres://admin@host/db (TLS is required unless the host is this computer and the
    /// address says sslmode=disable). A password in the address is used once, never kept.
    #[arg(long, value_name = "URL")]
    url: String,
    /// This computer's name among the register's devices (default: the host name).
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::Init(args) => {
            let name = args.name.unwrap_or_else(default_device_name);
            ctx.as_user(|register, session| {
                let report = register.hub_set_up(session, &args.url, &name, &SystemClock)?;
                ctx.out.print(&report, |language| {
                    format!(
                        "{}\n{}",
                        pick(
                            language,
                            &format!("Hub otettiin käyttöön; tämä kone on laite {name}."),
                            &format!("The hub is set up; this computer is device {name}."),
                        ),
                        crate::commands::sync::summary(language, &report)
                    )
                });
                Ok(())
            })
        }
    }
}

/// The host name, or "kortisto" when it cannot be read.
pub fn default_device_name() -> String {
    std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .unwrap_or_else(|| "kortisto".into())
}
