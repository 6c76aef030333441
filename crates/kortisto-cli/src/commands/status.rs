//! `kortisto status`: what the register is, where its key lives, how big it is.
use kortisto_core::{Keychain, Register, Result};

use crate::context::Context;
use crate::output::{pick, size};

/// Show the register's id, schema version, key location, size and record counts.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(ctx: &Context, _args: Args) -> Result<()> {
    let register = Register::open(&ctx.data_dir, &Keychain::from_env())?;
    register.verify_pages()?;
    let status = register.status()?;
    ctx.out.print(&status, |language| {
        let mut lines = vec![
            format!(
                "{}: {}",
                pick(language, "Rekisteri", "Register"),
                status.register_id
            ),
            format!(
                "{}: {}",
                pick(language, "Kansio", "Folder"),
                status.data_dir
            ),
            format!(
                "{}: {}",
                pick(language, "Rakenneversio", "Schema version"),
                status.schema_version
            ),
            format!(
                "{}: {} ({})",
                pick(language, "Avain", "Key"),
                status.key_backend,
                status.keychain_service
            ),
            format!(
                "{}: {}",
                pick(language, "Koko", "Size"),
                size(language, status.database_bytes)
            ),
        ];
        for (kind, count) in &status.counts {
            lines.push(format!("{kind}: {count}"));
        }
        lines.join("\n")
    });
    register.close()
}
