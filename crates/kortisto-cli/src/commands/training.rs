//! `kortisto training` and `kortisto internal-audit`: staff privacy training and internal
//! audit checks (notice §9).
use kortisto_core::training::InternalAuditResult;
use kortisto_core::{format_finnish, Error, Result, SystemClock};

use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum TrainingCommand {
    /// Record that a user completed privacy training.
    Add {
        /// Who completed it.
        username: String,
        /// When (27.11.2026 or 2026-11-27).
        #[arg(long)]
        date: String,
        /// What it covered.
        #[arg(long)]
        topic: String,
    },
    /// List recorded trainings, newest first.
    List,
}

#[derive(Debug, clap::Subcommand)]
pub enum InternalAuditCommand {
    /// Record an internal audit check.
    Add {
        /// When it was held (27.11.2026 or 2026-11-27).
        #[arg(long)]
        date: String,
        /// What it covered.
        #[arg(long)]
        scope: String,
        /// passed, findings or failed.
        #[arg(long)]
        result: String,
        /// What is to be done next.
        #[arg(long, default_value = "")]
        follow_up: String,
    },
    /// List internal audit checks, newest first.
    List,
}

fn finnish_date(iso: &str) -> String {
    iso.parse()
        .map(format_finnish)
        .unwrap_or_else(|_| iso.to_string())
}

pub fn run_training(ctx: &Context, command: TrainingCommand) -> Result<()> {
    ctx.as_user(|register, session| match command {
        TrainingCommand::Add {
            username,
            date,
            topic,
        } => {
            let record =
                register.training_record(session, &username, &date, &topic, &SystemClock)?;
            ctx.out.print(&record, |l| {
                format!(
                    "{} {} {}",
                    pick(l, "Koulutus kirjattu:", "Training recorded:"),
                    record.username,
                    finnish_date(&record.completed_on)
                )
            });
            Ok(())
        }
        TrainingCommand::List => {
            let records = register.training_list(session)?;
            ctx.out.print(&records, |_| {
                records
                    .iter()
                    .map(|r| {
                        format!(
                            "{}\t{}\t{}",
                            finnish_date(&r.completed_on),
                            r.username,
                            r.topic
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
    })
}

pub fn run_internal_audit(ctx: &Context, command: InternalAuditCommand) -> Result<()> {
    let parsed = match &command {
        InternalAuditCommand::Add { result, .. } => Some(
            InternalAuditResult::parse(result).ok_or_else(|| Error::TextInvalid {
                field: "result (passed | findings | failed)".into(),
                max: 8,
            })?,
        ),
        InternalAuditCommand::List => None,
    };
    ctx.as_user(|register, session| match command {
        InternalAuditCommand::Add {
            date,
            scope,
            follow_up,
            ..
        } => {
            let record = register.internal_audit_record(
                session,
                &date,
                &scope,
                parsed.expect("parsed above"),
                &follow_up,
                &SystemClock,
            )?;
            ctx.out.print(&record, |l| {
                format!(
                    "{} {} ({})",
                    pick(
                        l,
                        "Sisäinen auditointi kirjattu:",
                        "Internal audit recorded:"
                    ),
                    finnish_date(&record.held_on),
                    record.result.name()
                )
            });
            Ok(())
        }
        InternalAuditCommand::List => {
            let records = register.internal_audit_list(session)?;
            ctx.out.print(&records, |_| {
                records
                    .iter()
                    .map(|r| {
                        format!(
                            "{}\t{}\t{}\t{}",
                            finnish_date(&r.held_on),
                            r.result.name(),
                            r.scope,
                            r.follow_up
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
    })
}
