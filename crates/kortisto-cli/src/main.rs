//! `kortisto`: the administrator's command-line tool over kortisto-core.
//! Every command takes `--data-dir`, `--json` and `--lang`; errors go to stderr as a sentence
//! (and to stdout as JSON with `--json`) and the exit status is non-zero.
#![forbid(unsafe_code)]

mod commands;
mod output;
mod session;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use kortisto_core::{DataDir, Language, Preferences};

use crate::output::Output;

/// Kortisto — asiakas- ja sidosryhmärekisteri / customer and stakeholder register.
#[derive(Debug, Parser)]
#[command(name = "kortisto", version, about, propagate_version = true)]
struct Cli {
    /// Register data folder (default: the OS per-user app-data folder).
    #[arg(long, global = true, env = "KORTISTO_DATA_DIR", value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Print machine-readable JSON on stdout.
    #[arg(long, global = true)]
    json: bool,
    /// Language of messages: fi or en (default: the saved preference, else fi).
    #[arg(long, global = true, env = "KORTISTO_LANG", value_name = "fi|en", value_parser = parse_language)]
    lang: Option<Language>,
    /// Who runs the command (password from KORTISTO_PASSWORD or a prompt).
    #[arg(long, global = true, env = "KORTISTO_USER", value_name = "NAME")]
    user: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create a new register; prints its recovery code once.
    Init(commands::init::Args),
    /// Show the register's id, schema version, key location, size and record counts.
    Status(commands::status::Args),
    /// Put the register's key back into this computer's keychain from the recovery code.
    Recover(commands::recover::Args),
    /// Manage users and passwords (admin; `user passwd` for everyone).
    #[command(subcommand)]
    User(commands::user::Command),
    /// Read and verify the audit trail (admin).
    #[command(subcommand)]
    Audit(commands::audit::Command),
    /// Record and list staff privacy training (admin).
    #[command(subcommand)]
    Training(commands::training::TrainingCommand),
    /// Record and list internal audit checks (admin).
    #[command(subcommand, name = "internal-audit")]
    InternalAudit(commands::training::InternalAuditCommand),
}

fn parse_language(text: &str) -> Result<Language, String> {
    Language::parse(text).ok_or_else(|| format!("'{text}': use fi or en"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let data_dir = match DataDir::resolve(cli.data_dir.clone()) {
        Ok(dir) => dir,
        Err(error) => {
            return Output::new(cli.json, cli.lang.unwrap_or_default()).fail(&error);
        }
    };
    let language = cli
        .lang
        .unwrap_or_else(|| Preferences::load(&data_dir).language);
    let out = Output::new(cli.json, language);
    let user = cli.user.as_deref();
    let result = match cli.command {
        Command::Init(args) => commands::init::run(&data_dir, &out, args),
        Command::Status(args) => commands::status::run(&data_dir, &out, args),
        Command::Recover(args) => commands::recover::run(&data_dir, &out, args),
        Command::User(command) => commands::user::run(&data_dir, &out, user, command),
        Command::Audit(command) => commands::audit::run(&data_dir, &out, user, command),
        Command::Training(command) => {
            commands::training::run_training(&data_dir, &out, user, command)
        }
        Command::InternalAudit(command) => {
            commands::training::run_internal_audit(&data_dir, &out, user, command)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => out.fail(&error),
    }
}
