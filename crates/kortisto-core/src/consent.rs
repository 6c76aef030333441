//! The consent ledger (R3, notice §3): consent given and withdrawn per person and purpose,
//! with time, channel, the wording version shown, evidence and who recorded it. Append-only:
//! a withdrawal is a new event that takes effect at once; nothing is ever rewritten.
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::audit::Audited;
use crate::auth::{Action, Session};
use crate::output_file::{self, Existing};
use crate::people::not_found;
use crate::{ids, spreadsheet, store, validate, Clock, Error, Language, Register, Result};

/// Given or withdrawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum ConsentEventKind {
    /// Consent given.
    Given,
    /// Consent withdrawn.
    Withdrawn,
}

named!(ConsentEventKind, |_| crate::Error::FieldInvalid { field: "consent_event_kind".into(), rule: "consent_event_kind".into() }, {
    Given => "given",
    Withdrawn => "withdrawn",
});

/// How consent was given or withdrawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum ConsentChannel {
    /// A web or paper form.
    Form,
    /// E-mail.
    Email,
    /// Phone.
    Phone,
    /// In person.
    InPerson,
    /// The person's own self-service.
    SelfService,
}

named!(ConsentChannel, |_| crate::Error::FieldInvalid { field: "consent_channel".into(), rule: "consent_channel".into() }, {
    Form => "form",
    Email => "email",
    Phone => "phone",
    InPerson => "in-person",
    SelfService => "self-service",
});

/// A consent event as recorded.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct ConsentInput {
    /// Whose consent.
    pub person_id: String,
    /// For what (`direct-marketing`).
    pub purpose: String,
    /// Given or withdrawn.
    pub kind: ConsentEventKind,
    /// How.
    pub channel: ConsentChannel,
    /// The version of the wording the person saw (e.g. `markkinointi-2026-01`).
    pub wording_version: String,
    /// Evidence: where the signed form or the e-mail is kept.
    #[serde(default)]
    pub evidence: Option<String>,
    /// When (RFC 3339 or `27.11.2026 14.30`); now when empty.
    #[serde(default)]
    pub at: Option<String>,
}

/// A recorded consent event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ConsentEvent {
    /// Id.
    pub consent_event_id: String,
    /// Whose.
    pub person_id: String,
    /// For what.
    pub purpose: String,
    /// Given or withdrawn.
    pub kind: ConsentEventKind,
    /// When.
    pub at: String,
    /// How.
    pub channel: ConsentChannel,
    /// Wording version.
    pub wording_version: String,
    /// Evidence.
    pub evidence: Option<String>,
    /// Recorded by (user id).
    pub recorded_by: String,
    /// Their display name.
    pub recorded_by_name: String,
}

/// A person who may be sent marketing for a purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct MarketingContact {
    /// Id.
    pub person_id: String,
    /// Surname.
    pub surname: String,
    /// First name.
    pub first_name: String,
    /// E-mail addresses.
    pub emails: Vec<String>,
    /// When the consent in force was given.
    pub consent_given_at: String,
}

/// The file format of an exported marketing list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// A spreadsheet's CSV (see [`marketing_csv`]).
    Csv,
    /// The list as JSON.
    Json,
}

/// What an export wrote.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ExportedFile {
    /// The file.
    pub path: String,
    /// How many people it lists.
    #[ts(type = "number")]
    pub count: u64,
}

/// The marketing list as CSV (the one writer, `spreadsheet::csv`): surname, first name,
/// e-mails and the day consent was given, headed in `language`.
pub fn marketing_csv(contacts: &[MarketingContact], language: Language) -> Vec<u8> {
    let header: &[&str] = match language {
        Language::Fi => &["Sukunimi", "Etunimi", "Sähköpostit", "Suostumus annettu"],
        Language::En => &["Surname", "First name", "E-mails", "Consent given"],
    };
    spreadsheet::csv(
        header,
        contacts.iter().map(|c| {
            let day = c.consent_given_at.get(..10).unwrap_or(&c.consent_given_at);
            let day = match (language, crate::parse_date("consent_given_at", day)) {
                (Language::Fi, Ok(date)) => crate::format_finnish(date),
                _ => day.to_string(),
            };
            [
                c.surname.clone(),
                c.first_name.clone(),
                c.emails.join(", "),
                day,
            ]
        }),
    )
}

impl Register {
    /// Writes the marketing list for `purpose` to `out` as CSV or JSON (admin, office;
    /// audited as `marketing_list`). The file is owner-only and written whole or not at all,
    /// never inside the data folder (see `output_file`).
    pub fn marketing_export(
        &mut self,
        session: &Session,
        purpose: &str,
        format: ExportFormat,
        language: Language,
        out: &Path,
        clock: &dyn Clock,
    ) -> Result<ExportedFile> {
        self.authorize(session, Action::MarketingList)?;
        output_file::check_outside(self.data_dir().path(), output_file::folder_of(out))?;
        let list = self.marketing_list(session, purpose, clock)?;
        let bytes = match format {
            ExportFormat::Csv => marketing_csv(&list, language),
            ExportFormat::Json => {
                serde_json::to_vec_pretty(&list).map_err(|e| Error::Storage(e.to_string()))?
            }
        };
        output_file::write(self.data_dir().path(), out, &bytes, Existing::Replace)?;
        Ok(ExportedFile {
            path: out.display().to_string(),
            count: list.len() as u64,
        })
    }

    /// Records consent given or withdrawn (every role: a withdrawal must never wait).
    pub fn consent_record(
        &mut self,
        session: &Session,
        input: &ConsentInput,
        clock: &dyn Clock,
    ) -> Result<ConsentEvent> {
        self.write(Some(session), Action::ConsentRecord, clock, |tx| {
            store::people::person(tx, &input.person_id)?
                .ok_or_else(|| not_found("person", &input.person_id))?;
            // A withdrawal only lessens processing and must never wait, restricted or not.
            if input.kind == ConsentEventKind::Given {
                crate::restriction::ensure_may_change(tx, session, &input.person_id)?;
            }
            if !store::consent::purpose_exists(tx, &input.purpose)? {
                return Err(Error::FieldInvalid {
                    field: "purpose".into(),
                    rule: "unknown_purpose".into(),
                });
            }
            let at = match input.at.as_deref().map(str::trim) {
                None | Some("") => clock.now(),
                // A date without a time: today means now (not noon, which may not have come
                // yet); another day means that day at noon.
                Some(text)
                    if crate::date::parse_date("at", text).is_ok_and(|date| {
                        date == clock.now().with_timezone(&chrono::Local).date_naive()
                    }) =>
                {
                    clock.now()
                }
                Some(text) => crate::meetings::parse_meeting_time(text)?,
            };
            if at > clock.now() {
                return Err(Error::DateInvalid { field: "at".into() });
            }
            let at_text = at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
            // What is in force follows the order events were recorded in, so a consent dated
            // before a withdrawal already on record would silently undo it: refused.
            if input.kind == ConsentEventKind::Given {
                if let Some(withdrawn) =
                    store::consent::latest_withdrawal_at(tx, &input.person_id, &input.purpose)?
                {
                    if withdrawn > at_text {
                        return Err(Error::ConsentBeforeWithdrawal {
                            withdrawn_on: withdrawn.chars().take(10).collect(),
                        });
                    }
                }
            }
            let event = ConsentEvent {
                consent_event_id: ids::new_id(clock),
                person_id: input.person_id.clone(),
                purpose: input.purpose.clone(),
                kind: input.kind,
                at: at_text,
                channel: input.channel,
                wording_version: validate::required(
                    "wording_version",
                    &input.wording_version,
                    100,
                )?,
                evidence: validate::optional("evidence", input.evidence.as_deref(), 1000, true)?,
                recorded_by: session.user_id.clone(),
                recorded_by_name: session.display_name.clone(),
            };
            store::consent::insert_consent(tx, &event, &ids::timestamp(clock))?;
            let audited = Audited::record("consent_event", &event.consent_event_id);
            Ok((event, audited))
        })
    }

    /// A person's consent history, oldest first (every role).
    pub fn consent_history(&self, session: &Session, person_id: &str) -> Result<Vec<ConsentEvent>> {
        self.authorize(session, Action::ConsentList)?;
        store::consent::consent_events(&self.conn, person_id)
    }

    /// People whose latest *recorded* event for `purpose` (or the consent purpose a purpose of
    /// processing depends on) is "given" — never anyone who withdrew,
    /// objected, is restricted or has an e-mail address on the suppression list (admin, office). The export is audited.
    pub fn marketing_list(
        &mut self,
        session: &Session,
        purpose: &str,
        clock: &dyn Clock,
    ) -> Result<Vec<MarketingContact>> {
        self.write(Some(session), Action::MarketingList, clock, |tx| {
            // A purpose of processing is listed by the consent it depends on, and only when
            // it rests on consent; a purpose that needs consent never lists anyone without it.
            let consent_purpose = crate::purposes::marketing_consent_purpose(tx, purpose)?;
            let mut list = store::consent::marketing_list(tx, &consent_purpose)?;
            // An address on the suppression list (an objection, an erasure) never returns.
            let mut kept = Vec::with_capacity(list.len());
            for contact in list {
                let mut suppressed = false;
                for email in &contact.emails {
                    suppressed |= crate::erasure::email_suppressed(tx, email)?;
                }
                if !suppressed {
                    kept.push(contact);
                }
            }
            list = kept;
            let audited = Audited::record("consent_purpose", purpose)
                .and_people(list.iter().map(|c| c.person_id.as_str()));
            Ok((list, audited))
        })
    }
}
