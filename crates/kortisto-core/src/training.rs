//! Staff privacy training and internal audit checks (notice §9): who completed training,
//! when and with what test result, who has not passed, and what each internal audit looked
//! at, found and asked to be followed up.
use serde::{Deserialize, Serialize};

use crate::audit::Audited;
use crate::auth::{Action, Session};
use crate::date::{check_text, parse_date};
use crate::{ids, store, Clock, Error, Register, Result};

/// How long a passed training counts before it must be taken again.
pub const TRAINING_VALID_MONTHS: u32 = 12;

/// The result of a training's test (notice §9: competence is verified by tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum TrainingResult {
    /// The test was passed.
    Passed,
    /// The test was failed: the training must be taken again.
    Failed,
}

named!(TrainingResult, |given| Error::TrainingResultInvalid { given: given.trim().to_string() }, {
    Passed => "passed",
    Failed => "failed",
});

/// Where a user stands with privacy training.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum TrainingState {
    /// The latest training's test was passed less than 12 months ago.
    Passed,
    /// No training recorded.
    Never,
    /// The latest training's test was failed.
    Failed,
    /// The latest training was recorded before test results were (competence not verified).
    NoResult,
    /// The latest training was passed more than 12 months ago.
    Expired,
}

named!(TrainingState, |given| Error::FieldInvalid { field: "training_state".into(), rule: given.to_string() }, {
    Passed => "passed",
    Never => "never",
    Failed => "failed",
    NoResult => "no_result",
    Expired => "expired",
});

/// One active user's training state, for the admin home's "not passed" list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct TrainingStatus {
    /// The user.
    pub user_id: String,
    /// Their log-in name.
    pub username: String,
    /// Their name as shown in the app.
    pub display_name: String,
    /// Where they stand.
    pub state: TrainingState,
    /// Their latest training (ISO date), if any.
    pub latest_on: Option<String>,
    /// Its test score (0–100), if recorded.
    #[ts(type = "number | null")]
    pub latest_score: Option<i64>,
}

/// One completed privacy training.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct TrainingRecord {
    /// The record's id.
    pub training_id: String,
    /// Who completed it.
    pub user_id: String,
    /// Their username.
    pub username: String,
    /// When (ISO date).
    pub completed_on: String,
    /// What the training covered.
    pub topic: String,
    /// The administrator who recorded it.
    pub recorded_by: String,
    /// When it was recorded.
    pub recorded_at: String,
    /// The test result (none for trainings recorded before results were).
    pub result: Option<TrainingResult>,
    /// The test score, 0–100, if one was given.
    #[ts(type = "number | null")]
    pub score: Option<i64>,
}

/// The outcome of an internal audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum InternalAuditResult {
    /// Nothing to fix.
    Passed,
    /// Findings to follow up.
    Findings,
    /// Serious shortcomings.
    Failed,
}

impl InternalAuditResult {
    /// Stored name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Passed => "passed",
            Self::Findings => "findings",
            Self::Failed => "failed",
        }
    }

    /// Parses a stored or typed name.
    pub fn parse(text: &str) -> Option<Self> {
        [Self::Passed, Self::Findings, Self::Failed]
            .into_iter()
            .find(|r| r.name() == text.trim().to_ascii_lowercase())
    }
}

/// One internal audit check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct InternalAudit {
    /// The record's id.
    pub internal_audit_id: String,
    /// When it was held (ISO date).
    pub held_on: String,
    /// What it covered.
    pub scope: String,
    /// The outcome.
    pub result: InternalAuditResult,
    /// What is to be done next (may be empty when passed).
    pub follow_up: String,
    /// The administrator who recorded it.
    pub recorded_by: String,
    /// When it was recorded.
    pub recorded_at: String,
}

impl Register {
    /// Records that `username` took privacy training on `completed_on` with its test
    /// `result` and, optionally, `score` (0–100) (admin).
    #[allow(clippy::too_many_arguments)]
    pub fn training_record(
        &mut self,
        session: &Session,
        username: &str,
        completed_on: &str,
        topic: &str,
        result: TrainingResult,
        score: Option<i64>,
        clock: &dyn Clock,
    ) -> Result<TrainingRecord> {
        if let Some(given) = score.filter(|s| !(0..=100).contains(s)) {
            return Err(Error::TrainingScoreInvalid { given });
        }
        self.write(Some(session), Action::TrainingRecord, clock, |tx| {
            let date = parse_date("completed_on", completed_on)?;
            if date > clock.now().date_naive() {
                return Err(Error::DateInvalid {
                    field: "completed_on".into(),
                });
            }
            let topic = check_text("topic", topic, 500)?;
            let user =
                store::users::by_username(tx, username)?.ok_or_else(|| Error::UserNotFound {
                    username: username.trim().to_string(),
                })?;
            let record = TrainingRecord {
                training_id: ids::new_id(clock),
                user_id: user.user.user_id.clone(),
                username: user.user.username.clone(),
                completed_on: date.to_string(),
                topic,
                recorded_by: session.user_id.clone(),
                recorded_at: ids::timestamp(clock),
                result: Some(result),
                score,
            };
            store::users::insert_training(tx, &record)?;
            let audited = Audited::record("privacy_training", &record.training_id);
            Ok((record, audited))
        })
    }

    /// Every recorded training, newest first (admin).
    pub fn training_list(&self, session: &Session) -> Result<Vec<TrainingRecord>> {
        self.authorize(session, Action::TrainingList)?;
        store::users::trainings(&self.conn)
    }

    /// Every active user's training state, those who have not passed first (admin): no
    /// training, the latest failed or without a result, or passed more than
    /// [`TRAINING_VALID_MONTHS`] ago.
    pub fn training_status(
        &self,
        session: &Session,
        clock: &dyn Clock,
    ) -> Result<Vec<TrainingStatus>> {
        self.authorize(session, Action::TrainingList)?;
        let today = clock.now().date_naive();
        let cutoff = today
            .checked_sub_months(chrono::Months::new(TRAINING_VALID_MONTHS))
            .unwrap_or(today);
        let mut statuses: Vec<TrainingStatus> = store::users::latest_trainings(&self.conn)?
            .into_iter()
            .map(|(user, latest)| {
                let state = match &latest {
                    None => TrainingState::Never,
                    Some(t) => match t.result {
                        Some(TrainingResult::Failed) => TrainingState::Failed,
                        None => TrainingState::NoResult,
                        Some(TrainingResult::Passed) => {
                            match t.completed_on.parse::<chrono::NaiveDate>() {
                                Ok(on) if on >= cutoff => TrainingState::Passed,
                                _ => TrainingState::Expired,
                            }
                        }
                    },
                };
                TrainingStatus {
                    user_id: user.user_id,
                    username: user.username,
                    display_name: user.display_name,
                    state,
                    latest_on: latest.as_ref().map(|t| t.completed_on.clone()),
                    latest_score: latest.and_then(|t| t.score),
                }
            })
            .collect();
        statuses.sort_by_key(|s| s.state == TrainingState::Passed);
        Ok(statuses)
    }

    /// Records an internal audit check (admin).
    pub fn internal_audit_record(
        &mut self,
        session: &Session,
        held_on: &str,
        scope: &str,
        result: InternalAuditResult,
        follow_up: &str,
        clock: &dyn Clock,
    ) -> Result<InternalAudit> {
        self.write(Some(session), Action::InternalAuditRecord, clock, |tx| {
            let date = parse_date("held_on", held_on)?;
            if date > clock.now().date_naive() {
                return Err(Error::DateInvalid {
                    field: "held_on".into(),
                });
            }
            let scope = check_text("scope", scope, 2000)?;
            let follow_up = if follow_up.trim().is_empty() && result == InternalAuditResult::Passed
            {
                String::new()
            } else {
                check_text("follow_up", follow_up, 4000)?
            };
            let audit_record = InternalAudit {
                internal_audit_id: ids::new_id(clock),
                held_on: date.to_string(),
                scope,
                result,
                follow_up,
                recorded_by: session.user_id.clone(),
                recorded_at: ids::timestamp(clock),
            };
            store::users::insert_internal_audit(tx, &audit_record)?;
            let audited = Audited::record("internal_audit", &audit_record.internal_audit_id);
            Ok((audit_record, audited))
        })
    }

    /// Every internal audit check, newest first (admin).
    pub fn internal_audit_list(&self, session: &Session) -> Result<Vec<InternalAudit>> {
        self.authorize(session, Action::InternalAuditList)?;
        store::users::internal_audits(&self.conn)
    }
}
