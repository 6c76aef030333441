//! `kortisto training` and `kortisto internal-audit`: staff privacy training and internal
//! audit checks (notice §9).
use kortisto_core::training::{InternalAuditResult, TrainingResult, TrainingState};
use kortisto_core::{format_finnish, Error, Result, SystemClock};

use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum TrainingCommand {
    /// Record that a user took privacy training, with its test result (notice §9).
    #[command(visible_alias = "record")]
    Add {
        /// Who took it.
        username: String,
        /// When (27.11.2026 or 2026-11-27).
        #[arg(long)]
        date: String,
        /// What it covered.
        #[arg(long)]
        topic: String,
        /// The test result: passed or failed.
        #[arg(long)]
        result: String,
        /// The test score, 0–100.
        #[arg(long, allow_negative_numbers = true)]
        score: Option<i64>,
    },
    /// List recorded trainings, newest first.
    List,
    /// Every active user's training state, those who have not passed first: no training,
    /// the latest failed or without a result, or passed more than 12 months ago.
    Status,
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

/// A test result in words.
fn result_words(language: kortisto_core::Language, result: Option<TrainingResult>) -> String {
    match result {
        Some(TrainingResult::Passed) => pick(language, "hyväksytty", "passed"),
        Some(TrainingResult::Failed) => pick(language, "hylätty", "failed"),
        None => pick(language, "ei testitulosta", "no test result"),
    }
}

/// A training state in words.
fn state_words(language: kortisto_core::Language, state: TrainingState) -> String {
    match state {
        TrainingState::Passed => pick(language, "hyväksytty", "passed"),
        TrainingState::Never => pick(language, "ei koulutusta", "no training"),
        TrainingState::Failed => pick(language, "viimeisin hylätty", "latest failed"),
        TrainingState::NoResult => pick(language, "ei testitulosta", "no test result"),
        TrainingState::Expired => pick(
            language,
            "vanhentunut (yli 12 kk)",
            "expired (over 12 months)",
        ),
    }
}

pub fn run_training(ctx: &Context, command: TrainingCommand) -> Result<()> {
    let parsed = match &command {
        TrainingCommand::Add { result, .. } => Some(TrainingResult::parse(result)?),
        _ => None,
    };
    ctx.as_user(|register, session| match command {
        TrainingCommand::Add {
            username,
            date,
            topic,
            score,
            ..
        } => {
            let record = register.training_record(
                session,
                &username,
                &date,
                &topic,
                parsed.expect("parsed above"),
                score,
                &SystemClock,
            )?;
            ctx.out.print(&record, |l| {
                let score = record
                    .score
                    .map(|s| format!(" {s}/100"))
                    .unwrap_or_default();
                format!(
                    "{} {} {}, {}{}",
                    pick(l, "Koulutus kirjattu:", "Training recorded:"),
                    record.username,
                    finnish_date(&record.completed_on),
                    result_words(l, record.result),
                    score
                )
            });
            Ok(())
        }
        TrainingCommand::Status => {
            let statuses = register.training_status(session, &SystemClock)?;
            ctx.out.print(&statuses, |l| {
                if statuses.is_empty() {
                    return pick(l, "Ei aktiivisia käyttäjiä.", "No active users.");
                }
                statuses
                    .iter()
                    .map(|s| {
                        format!(
                            "{}\t{}\t{}\t{}",
                            s.username,
                            state_words(l, s.state),
                            s.latest_on.as_deref().map(finnish_date).unwrap_or_default(),
                            s.latest_score
                                .map(|v| format!("{v}/100"))
                                .unwrap_or_default()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
        TrainingCommand::List => {
            let records = register.training_list(session)?;
            ctx.out.print(&records, |l| {
                records
                    .iter()
                    .map(|r| {
                        format!(
                            "{}\t{}\t{}\t{}{}",
                            finnish_date(&r.completed_on),
                            r.username,
                            r.topic,
                            result_words(l, r.result),
                            r.score.map(|s| format!(" {s}/100")).unwrap_or_default()
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
