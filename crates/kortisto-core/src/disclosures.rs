//! Processors, disclosures and transfers outside the EU/EEA (R4, notice §6–§7): who
//! processes data on the company's behalf under which agreement, every disclosure of a
//! person's data to one of them, and the legal basis of each transfer abroad. An invalid
//! basis is never accepted silently: the EU–US Privacy Shield is refused (invalidated by
//! the EU Court on 16 July 2020, Schrems II) and transfers recorded on it are flagged.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::audit::Audited;
use crate::auth::{Action, Session};
use crate::people::not_found;
use crate::{ids, store, validate, Clock, Error, Register, Result};

/// A processor as entered.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct ProcessorInput {
    /// Company name.
    pub name: String,
    /// What they do for us (e.g. webinar platform).
    pub service: String,
    /// Purpose of the processing.
    pub purpose: String,
    /// Data processing agreement reference.
    pub agreement_reference: String,
    /// Agreement date.
    pub agreement_date: String,
    /// Where the data is processed (e.g. "EU (Irlanti)").
    pub processing_location: String,
}

/// A processor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Processor {
    /// Id.
    pub processor_id: String,
    /// Company name.
    pub name: String,
    /// Service.
    pub service: String,
    /// Purpose.
    pub purpose: String,
    /// Agreement reference.
    pub agreement_reference: String,
    /// Agreement date (ISO).
    pub agreement_date: String,
    /// Where the data is processed.
    pub processing_location: String,
    /// When the processing ended (ISO); an ended processor stays listed and takes no new
    /// disclosures.
    pub ended_on: Option<String>,
}

/// Legal bases for a transfer outside the EU/EEA (GDPR chapter V).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum LegalBasis {
    /// An adequacy decision (Art. 45) — which one in `basis_detail`.
    AdequacyDecision,
    /// Standard contractual clauses (Art. 46(2)(c)) — version in `basis_detail`.
    StandardContractualClauses,
    /// Binding corporate rules (Art. 47).
    BindingCorporateRules,
    /// A derogation (Art. 49) — which one in `basis_detail`.
    Derogation,
    /// The EU–US Privacy Shield: invalid since 16 July 2020; only found on old records.
    PrivacyShield,
}

named!(LegalBasis, |_| crate::Error::FieldInvalid { field: "legal_basis".into(), rule: "legal_basis".into() }, {
    AdequacyDecision => "adequacy-decision",
    StandardContractualClauses => "standard-contractual-clauses",
    BindingCorporateRules => "binding-corporate-rules",
    Derogation => "derogation",
    PrivacyShield => "privacy-shield",
});

/// A transfer as entered.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct TransferInput {
    /// Which processor.
    pub processor_id: String,
    /// Destination country (e.g. "Yhdysvallat / United States").
    pub country: String,
    /// The legal basis.
    pub legal_basis: LegalBasis,
    /// Which adequacy decision, SCC version, BCR approval or derogation.
    pub basis_detail: String,
    /// For the EU–US Data Privacy Framework: whether the recipient is certified.
    #[serde(default)]
    pub dpf_certified: bool,
    /// From when.
    pub since_on: String,
}

/// A recorded transfer, with its validity judged today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Transfer {
    /// Id.
    pub transfer_id: String,
    /// Processor.
    pub processor_id: String,
    /// Its name.
    pub processor_name: String,
    /// Country.
    pub country: String,
    /// Basis.
    pub legal_basis: LegalBasis,
    /// Detail of the basis.
    pub basis_detail: String,
    /// DPF certification.
    pub dpf_certified: bool,
    /// From when.
    pub since_on: String,
    /// Why this transfer needs a new basis, if it does (`privacy-shield-invalid`,
    /// `dpf-not-certified`, `dpf-before-2023-07-10`).
    pub needs_new_basis: Option<String>,
    /// When the transfer ended (ISO); an ended transfer stays listed.
    pub ended_on: Option<String>,
}

/// A disclosure as entered.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct DisclosureInput {
    /// Whose data.
    pub person_id: String,
    /// To whom.
    pub processor_id: String,
    /// What was disclosed (e.g. "name, e-mail").
    pub what: String,
    /// Why.
    pub why: String,
    /// When (today when empty).
    #[serde(default)]
    pub disclosed_on: Option<String>,
}

/// A recorded disclosure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Disclosure {
    /// Id.
    pub disclosure_id: String,
    /// Whose data.
    pub person_id: String,
    /// To whom.
    pub processor_id: String,
    /// Their name.
    pub processor_name: String,
    /// What.
    pub what: String,
    /// Why.
    pub why: String,
    /// When (ISO date).
    pub disclosed_on: String,
    /// By whom (display name).
    pub recorded_by_name: String,
}

/// The day the EU–US Data Privacy Framework adequacy decision took effect.
pub fn dpf_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 7, 10).expect("valid date")
}

/// Why a transfer's basis is not (or no longer) valid.
pub(crate) fn transfer_problem(
    basis: LegalBasis,
    detail: &str,
    certified: bool,
    since: &str,
) -> Option<String> {
    match basis {
        LegalBasis::PrivacyShield => Some("privacy-shield-invalid".into()),
        LegalBasis::AdequacyDecision if is_dpf(detail) && !certified => {
            Some("dpf-not-certified".into())
        }
        LegalBasis::AdequacyDecision
            if is_dpf(detail)
                && since
                    .parse::<NaiveDate>()
                    .map(|d| d < dpf_start())
                    .unwrap_or(false) =>
        {
            Some("dpf-before-2023-07-10".into())
        }
        _ => None,
    }
}

fn is_dpf(detail: &str) -> bool {
    let lower = detail.to_lowercase();
    lower.contains("privacy framework") || lower.contains("dpf")
}

fn checked_processor(processor_id: &str, input: &ProcessorInput) -> Result<Processor> {
    Ok(Processor {
        processor_id: processor_id.to_string(),
        name: validate::required("name", &input.name, 200)?,
        service: validate::required("service", &input.service, 200)?,
        purpose: validate::required("purpose", &input.purpose, 500)?,
        agreement_reference: validate::required(
            "agreement_reference",
            &input.agreement_reference,
            200,
        )?,
        agreement_date: crate::date::parse_date("agreement_date", &input.agreement_date)?
            .to_string(),
        processing_location: validate::required(
            "processing_location",
            &input.processing_location,
            200,
        )?,
        ended_on: None,
    })
}

/// The end date typed, checked not to be before `start` (ISO).
fn checked_end(field: &str, text: &str, start: &str) -> Result<String> {
    let end = crate::date::parse_date(field, text)?;
    validate::date_range(field, start.parse::<NaiveDate>().ok(), Some(end))?;
    Ok(end.to_string())
}

/// One history row per changed field of a processor or a transfer.
fn record_changes(
    tx: &rusqlite::Connection,
    clock: &dyn Clock,
    record_kind: &str,
    record_id: &str,
    fields: &[(&str, Option<String>, Option<String>)],
    changed_by: &store::history::ChangedBy<'_>,
) -> Result<bool> {
    let mut changed = false;
    for (field, old, new) in fields {
        if old != new {
            changed = true;
            store::history::insert_history(
                tx,
                clock,
                record_kind,
                record_id,
                field,
                old.as_deref(),
                new.as_deref(),
                changed_by,
            )?;
        }
    }
    Ok(changed)
}

fn processor_fields(p: &Processor) -> [(&'static str, Option<String>); 7] {
    [
        ("name", Some(p.name.clone())),
        ("service", Some(p.service.clone())),
        ("purpose", Some(p.purpose.clone())),
        ("agreement_reference", Some(p.agreement_reference.clone())),
        ("agreement_date", Some(p.agreement_date.clone())),
        ("processing_location", Some(p.processing_location.clone())),
        ("ended_on", p.ended_on.clone()),
    ]
}

fn transfer_fields(t: &Transfer) -> [(&'static str, Option<String>); 7] {
    [
        ("processor_id", Some(t.processor_id.clone())),
        ("country", Some(t.country.clone())),
        ("legal_basis", Some(t.legal_basis.name().to_string())),
        ("basis_detail", Some(t.basis_detail.clone())),
        ("dpf_certified", Some(t.dpf_certified.to_string())),
        ("since_on", Some(t.since_on.clone())),
        ("ended_on", t.ended_on.clone()),
    ]
}

fn diff<const N: usize>(
    before: [(&'static str, Option<String>); N],
    after: [(&'static str, Option<String>); N],
) -> Vec<(&'static str, Option<String>, Option<String>)> {
    before
        .into_iter()
        .zip(after)
        .map(|((field, old), (_, new))| (field, old, new))
        .collect()
}

impl Register {
    /// Corrects a processor's details (admin); every changed field goes to its history. An
    /// end date stays as it is (see [`Register::processor_end`]).
    pub fn processor_edit(
        &mut self,
        session: &Session,
        processor_id: &str,
        input: &ProcessorInput,
        request_id: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<Processor> {
        self.write(Some(session), Action::ProcessorEdit, clock, |tx| {
            let before = store::disclosures::processor(tx, processor_id)?
                .ok_or_else(|| not_found("processor", processor_id))?;
            let changed_by = crate::requests::changed_by(tx, session, request_id)?;
            let mut after = checked_processor(processor_id, input)?;
            after.ended_on = before.ended_on.clone();
            if let Some(end) = &after.ended_on {
                validate::date_range(
                    "ended_on",
                    after.agreement_date.parse().ok(),
                    end.parse().ok(),
                )?;
            }
            let fields = diff(processor_fields(&before), processor_fields(&after));
            if !record_changes(tx, clock, "processor", processor_id, &fields, &changed_by)? {
                return Ok((before, Audited::nothing()));
            }
            store::disclosures::update_processor(tx, &after)?;
            Ok((after, Audited::record("processor", processor_id)))
        })
    }

    /// Ends a processor on a date (admin): it stays listed as ended and takes no disclosures
    /// from that day on. Ending again corrects the date.
    pub fn processor_end(
        &mut self,
        session: &Session,
        processor_id: &str,
        ended_on: &str,
        request_id: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<Processor> {
        self.write(Some(session), Action::ProcessorEdit, clock, |tx| {
            let before = store::disclosures::processor(tx, processor_id)?
                .ok_or_else(|| not_found("processor", processor_id))?;
            let changed_by = crate::requests::changed_by(tx, session, request_id)?;
            let mut after = before.clone();
            after.ended_on = Some(checked_end("ended_on", ended_on, &before.agreement_date)?);
            let fields = diff(processor_fields(&before), processor_fields(&after));
            if !record_changes(tx, clock, "processor", processor_id, &fields, &changed_by)? {
                return Ok((before, Audited::nothing()));
            }
            store::disclosures::update_processor(tx, &after)?;
            Ok((after, Audited::record("processor", processor_id)))
        })
    }

    /// Corrects a transfer (admin): the same checks as a new one (the Privacy Shield is
    /// refused); every changed field goes to its history. An end date stays as it is.
    pub fn transfer_edit(
        &mut self,
        session: &Session,
        transfer_id: &str,
        input: &TransferInput,
        request_id: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<Transfer> {
        self.write(Some(session), Action::TransferEdit, clock, |tx| {
            let before = transfer(tx, transfer_id)?;
            let changed_by = crate::requests::changed_by(tx, session, request_id)?;
            if input.legal_basis == LegalBasis::PrivacyShield {
                return Err(Error::PrivacyShieldInvalid);
            }
            let since = crate::date::parse_date("since_on", &input.since_on)?.to_string();
            let detail = validate::required("basis_detail", &input.basis_detail, 300)?;
            let country = validate::required("country", &input.country, 100)?;
            if let Some(problem) =
                transfer_problem(input.legal_basis, &detail, input.dpf_certified, &since)
            {
                return Err(Error::FieldInvalid {
                    field: "basis_detail".into(),
                    rule: problem,
                });
            }
            let processor = store::disclosures::processor(tx, &input.processor_id)?
                .ok_or_else(|| not_found("processor", &input.processor_id))?;
            if let Some(end) = &before.ended_on {
                validate::date_range("ended_on", since.parse().ok(), end.parse().ok())?;
            }
            let after = Transfer {
                transfer_id: transfer_id.to_string(),
                processor_id: processor.processor_id,
                processor_name: processor.name,
                country,
                legal_basis: input.legal_basis,
                basis_detail: detail,
                dpf_certified: input.dpf_certified,
                since_on: since,
                needs_new_basis: None,
                ended_on: before.ended_on.clone(),
            };
            let fields = diff(transfer_fields(&before), transfer_fields(&after));
            if !record_changes(tx, clock, "transfer", transfer_id, &fields, &changed_by)? {
                return Ok((before, Audited::nothing()));
            }
            store::disclosures::update_transfer(tx, &after)?;
            Ok((
                transfer(tx, transfer_id)?,
                Audited::record("transfer", transfer_id),
            ))
        })
    }

    /// Ends a transfer on a date (admin): it stays listed as ended. Ending again corrects
    /// the date.
    pub fn transfer_end(
        &mut self,
        session: &Session,
        transfer_id: &str,
        ended_on: &str,
        request_id: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<Transfer> {
        self.write(Some(session), Action::TransferEdit, clock, |tx| {
            let before = transfer(tx, transfer_id)?;
            let changed_by = crate::requests::changed_by(tx, session, request_id)?;
            let mut after = before.clone();
            after.ended_on = Some(checked_end("ended_on", ended_on, &before.since_on)?);
            let fields = diff(transfer_fields(&before), transfer_fields(&after));
            if !record_changes(tx, clock, "transfer", transfer_id, &fields, &changed_by)? {
                return Ok((before, Audited::nothing()));
            }
            store::disclosures::update_transfer(tx, &after)?;
            Ok((
                transfer(tx, transfer_id)?,
                Audited::record("transfer", transfer_id),
            ))
        })
    }

    /// Adds a processor (admin).
    pub fn processor_add(
        &mut self,
        session: &Session,
        input: &ProcessorInput,
        clock: &dyn Clock,
    ) -> Result<Processor> {
        self.write(Some(session), Action::ProcessorAdd, clock, |tx| {
            let processor = checked_processor(&ids::new_id(clock), input)?;
            store::disclosures::insert_processor(tx, &processor, &ids::timestamp(clock))?;
            let audited = Audited::record("processor", &processor.processor_id);
            Ok((processor, audited))
        })
    }

    /// Every processor (admin).
    pub fn processor_list(&self, session: &Session) -> Result<Vec<Processor>> {
        self.authorize(session, Action::ProcessorList)?;
        store::disclosures::processors(&self.conn)
    }

    /// Records a transfer outside the EU/EEA (admin). The Privacy Shield is refused.
    pub fn transfer_add(
        &mut self,
        session: &Session,
        input: &TransferInput,
        clock: &dyn Clock,
    ) -> Result<Transfer> {
        self.write(Some(session), Action::TransferAdd, clock, |tx| {
            if input.legal_basis == LegalBasis::PrivacyShield {
                return Err(Error::PrivacyShieldInvalid);
            }
            let since = crate::date::parse_date("since_on", &input.since_on)?.to_string();
            let detail = validate::required("basis_detail", &input.basis_detail, 300)?;
            let country = validate::required("country", &input.country, 100)?;
            if let Some(problem) =
                transfer_problem(input.legal_basis, &detail, input.dpf_certified, &since)
            {
                return Err(Error::FieldInvalid {
                    field: "basis_detail".into(),
                    rule: problem,
                });
            }
            store::disclosures::processor(tx, &input.processor_id)?
                .ok_or_else(|| not_found("processor", &input.processor_id))?;
            let transfer_id = ids::new_id(clock);
            store::disclosures::insert_transfer(
                tx,
                &transfer_id,
                input,
                &country,
                &detail,
                &since,
                &session.user_id,
                &ids::timestamp(clock),
            )?;
            let saved = store::disclosures::transfers(tx)?
                .into_iter()
                .find(|t| t.transfer_id == transfer_id)
                .ok_or_else(|| not_found("transfer", &transfer_id))?;
            Ok((saved, Audited::record("transfer", &transfer_id)))
        })
    }

    /// Every transfer, each judged for a basis that needs replacing (admin).
    pub fn transfer_list(&self, session: &Session) -> Result<Vec<Transfer>> {
        self.authorize(session, Action::TransferList)?;
        store::disclosures::transfers(&self.conn)
    }

    /// Every disclosure of a person's data, newest first (admin).
    pub fn disclosure_list(&self, session: &Session, person_id: &str) -> Result<Vec<Disclosure>> {
        self.authorize(session, Action::Disclose)?;
        store::disclosures::disclosures_of(&self.conn, person_id)
    }

    /// Logs a disclosure of a person's data to a processor (admin).
    pub fn disclose(
        &mut self,
        session: &Session,
        input: &DisclosureInput,
        clock: &dyn Clock,
    ) -> Result<Disclosure> {
        self.write(Some(session), Action::Disclose, clock, |tx| {
            let disclosed_on =
                validate::optional_date("disclosed_on", input.disclosed_on.as_deref())?
                    .unwrap_or_else(|| clock.now().date_naive());
            let what = validate::required("what", &input.what, 500)?;
            let why = validate::required("why", &input.why, 500)?;
            store::people::person(tx, &input.person_id)?
                .ok_or_else(|| not_found("person", &input.person_id))?;
            let processor = store::disclosures::processor(tx, &input.processor_id)?
                .ok_or_else(|| not_found("processor", &input.processor_id))?;
            // From the day a processor's processing ended it receives nothing new.
            if let Some(ended_on) = processor
                .ended_on
                .filter(|end| *end <= disclosed_on.to_string())
            {
                return Err(Error::ProcessorEnded {
                    processor_id: input.processor_id.clone(),
                    ended_on,
                });
            }
            let disclosure_id = ids::new_id(clock);
            store::disclosures::insert_disclosure(
                tx,
                &disclosure_id,
                input,
                &what,
                &why,
                &disclosed_on.to_string(),
                &session.user_id,
                &ids::timestamp(clock),
            )?;
            let saved = store::disclosures::disclosures_of(tx, &input.person_id)?
                .into_iter()
                .find(|d| d.disclosure_id == disclosure_id)
                .ok_or_else(|| not_found("disclosure", &disclosure_id))?;
            Ok((saved, Audited::record("disclosure", &disclosure_id)))
        })
    }
}

fn transfer(conn: &rusqlite::Connection, transfer_id: &str) -> Result<Transfer> {
    store::disclosures::transfers(conn)?
        .into_iter()
        .find(|t| t.transfer_id == transfer_id)
        .ok_or_else(|| not_found("transfer", transfer_id))
}
