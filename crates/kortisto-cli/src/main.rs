//! `kortisto`: the administrator's command-line tool over kortisto-core.
//! Every command takes `--data-dir`, `--json` and `--lang`; errors go to stderr as a sentence
//! (and to stdout as JSON with `--json`) and the exit status is non-zero.
#![forbid(unsafe_code)]

mod commands;
mod context;
mod output;
mod session;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use kortisto_core::{DataDir, Language, Preferences};

use crate::context::Context;
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
    /// Rotate the register key and print a new recovery code once (admin).
    Rekey(commands::rekey::Args),
    /// Rebuild a lost register.json beside the register's database.
    Repair(commands::repair::Args),
    /// Bring a register back from a backup onto a computer that has none (recovery code).
    Restore(commands::restore::Args),
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
    /// Add, list, show and correct people.
    #[command(subcommand)]
    Person(commands::person::Command),
    /// Add, list and show customer organisations.
    #[command(subcommand)]
    Org(commands::org::Command),
    /// A person's positions in organisations: add, edit, end, move to another organisation.
    #[command(subcommand)]
    Position(commands::position::Command),
    /// Contact data (address, phone, e-mail, social) with its source: add, edit, retire, delete.
    #[command(subcommand)]
    Contact(commands::contact::Command),
    /// Add, list and edit deals: contracts, offers, RFQs, leads, information requests.
    #[command(subcommand)]
    Deal(commands::deal::Command),
    /// Log and list meetings, calls, e-mails, visits and web meetings.
    #[command(subcommand)]
    Meeting(commands::meeting::Command),
    /// Register third-party service elements (licences, devices, services).
    #[command(subcommand)]
    Element(commands::element::Command),
    /// Import contacts from a vCard or CSV file (admin, office): --dry-run first says row by
    /// row what would happen (new, already there, likely duplicate, suppressed, invalid).
    Import(commands::import::Args),
    /// Search people and organisations by name, e-mail or phone number.
    Search(commands::search::Args),
    /// Fill an empty register with realistic synthetic data (admin).
    Demo(commands::demo::Args),
    /// Measure search, person page, meeting log, business card and open on a demo register,
    /// encrypted and unencrypted side by side.
    Bench(commands::bench::Args),
    /// Record consent given or withdrawn, and read a person's consent history.
    #[command(subcommand)]
    Consent(commands::consent::Command),
    /// The marketing list: only people whose consent is in force (admin, office).
    #[command(subcommand)]
    Marketing(commands::marketing::Command),
    /// Processors acting on the company's behalf (admin).
    #[command(subcommand)]
    Processor(commands::processor::ProcessorCommand),
    /// Transfers outside the EU/EEA and their legal basis (admin).
    #[command(subcommand)]
    Transfer(commands::processor::TransferCommand),
    /// Log a disclosure of a person's data to a processor (admin).
    Disclose(commands::disclose::Args),
    /// People's requests and their one-month deadlines (admin).
    #[command(subcommand)]
    Request(commands::request::Command),
    /// Write a person's subject-access extract: PDF + JSON + manifest (admin).
    Extract(commands::extract::Args),
    /// People as vCard 4.0, CSV or JSON: one person's portability export (admin) or what a
    /// search finds (admin, office).
    Export(commands::export::Args),
    /// Erase a person (admin).
    Erase(commands::erase::Args),
    /// Legal holds that stop deletion until a date (admin).
    #[command(subcommand, name = "legal-hold")]
    LegalHold(commands::legal_hold::Command),
    /// Retention: preview and run (admin; `run` also without --user for scheduled tasks).
    #[command(subcommand)]
    Retention(commands::retention::Command),
    /// Encrypted backups and restore (admin).
    #[command(subcommand)]
    Backup(commands::backup::Command),
    /// The team hub (PostgreSQL) that several computers sync through (admin).
    #[command(subcommand)]
    Hub(commands::hub::Command),
    /// The computers of a team register: enrol, join, list, revoke.
    #[command(subcommand)]
    Device(commands::device::Command),
    /// Sync with the team hub now; `sync status`, `sync conflicts`.
    Sync(commands::sync::Args),
    /// The controller's details in the notice and every extract: show, set (admin).
    #[command(subcommand)]
    Controller(commands::controller::Command),
    /// The purposes of processing and their lawful bases: list; add, edit (admin).
    #[command(subcommand)]
    Purpose(commands::purpose::Command),
    /// The privacy notice generated from the register: publish, diff, versions, show (admin).
    #[command(subcommand)]
    Notice(commands::notice::Command),
    /// The record of processing activities (Art. 30) as PDF, CSV and JSON (admin).
    #[command(name = "record-of-processing")]
    RecordOfProcessing(commands::notice::RecordArgs),
    /// Restriction of processing (Art. 18): set and lift (admin).
    #[command(subcommand)]
    Restriction(commands::restriction::Command),
    /// Objection (Art. 21): record (admin).
    #[command(subcommand)]
    Objection(commands::objection::Command),
    /// A person's name in free text before erasure, and retention's to-dos (admin).
    #[command(subcommand)]
    Redaction(commands::redaction::Command),
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
    let ctx = Context {
        data_dir,
        out: Output::new(cli.json, language),
        user: cli.user,
    };
    let result = match cli.command {
        Command::Init(args) => commands::init::run(&ctx, args),
        Command::Status(args) => commands::status::run(&ctx, args),
        Command::Recover(args) => commands::recover::run(&ctx, args),
        Command::Rekey(args) => commands::rekey::run(&ctx, args),
        Command::Repair(args) => commands::repair::run(&ctx, args),
        Command::Restore(args) => commands::restore::run(&ctx, args),
        Command::User(command) => commands::user::run(&ctx, command),
        Command::Audit(command) => commands::audit::run(&ctx, command),
        Command::Training(command) => commands::training::run_training(&ctx, command),
        Command::InternalAudit(command) => commands::training::run_internal_audit(&ctx, command),
        Command::Person(command) => commands::person::run(&ctx, command),
        Command::Org(command) => commands::org::run(&ctx, command),
        Command::Position(command) => commands::position::run(&ctx, command),
        Command::Contact(command) => commands::contact::run(&ctx, command),
        Command::Deal(command) => commands::deal::run(&ctx, command),
        Command::Meeting(command) => commands::meeting::run(&ctx, command),
        Command::Element(command) => commands::element::run(&ctx, command),
        Command::Import(args) => commands::import::run(&ctx, args),
        Command::Search(args) => commands::search::run(&ctx, args),
        Command::Demo(args) => commands::demo::run(&ctx, args),
        Command::Bench(args) => commands::bench::run(&ctx, args),
        Command::Consent(command) => commands::consent::run(&ctx, command),
        Command::Marketing(command) => commands::marketing::run(&ctx, command),
        Command::Processor(command) => commands::processor::run_processor(&ctx, command),
        Command::Transfer(command) => commands::processor::run_transfer(&ctx, command),
        Command::Disclose(args) => commands::disclose::run(&ctx, args),
        Command::Request(command) => commands::request::run(&ctx, command),
        Command::Extract(args) => commands::extract::run(&ctx, args),
        Command::Export(args) => commands::export::run(&ctx, args),
        Command::Erase(args) => commands::erase::run(&ctx, args),
        Command::LegalHold(command) => commands::legal_hold::run(&ctx, command),
        Command::Retention(command) => commands::retention::run(&ctx, command),
        Command::Backup(command) => commands::backup::run(&ctx, command),
        Command::Hub(command) => commands::hub::run(&ctx, command),
        Command::Device(command) => commands::device::run(&ctx, command),
        Command::Sync(args) => commands::sync::run(&ctx, args),
        Command::Restriction(command) => commands::restriction::run(&ctx, command),
        Command::Controller(command) => commands::controller::run(&ctx, command),
        Command::Purpose(command) => commands::purpose::run(&ctx, command),
        Command::Notice(command) => commands::notice::run(&ctx, command),
        Command::RecordOfProcessing(args) => commands::notice::run_record(&ctx, args),
        Command::Objection(command) => commands::objection::run(&ctx, command),
        Command::Redaction(command) => commands::redaction::run(&ctx, command),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => ctx.out.fail(&error),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// Clap's own consistency checks over every subcommand (unique argument names, …).
    #[test]
    fn the_command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
