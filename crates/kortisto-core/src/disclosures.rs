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

impl Register {
    /// Adds a processor (admin).
    pub fn processor_add(
        &mut self,
        session: &Session,
        input: &ProcessorInput,
        clock: &dyn Clock,
    ) -> Result<Processor> {
        self.write(Some(session), Action::ProcessorAdd, clock, |tx| {
            let processor = Processor {
                processor_id: ids::new_id(clock),
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
            };
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
            store::disclosures::processor(tx, &input.processor_id)?
                .ok_or_else(|| not_found("processor", &input.processor_id))?;
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
