//! The purposes of processing and their lawful bases (Art. 6(1), notice §3), as data an
//! administrator edits: each purpose has a name in both languages, one or more bases, and —
//! when it rests on consent — the consent purpose of the ledger that it depends on.
use serde::{Deserialize, Serialize};

use crate::audit::Audited;
use crate::auth::{Action, Session};
use crate::people::not_found;
use crate::{store, validate, Clock, Error, Language, Register, Result};

/// A lawful basis of processing (Art. 6(1)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum LawfulBasis {
    /// Consent (Art. 6(1)(a)).
    Consent,
    /// A contract or steps before one (Art. 6(1)(b)).
    Contract,
    /// A legal obligation (Art. 6(1)(c)).
    LegalObligation,
    /// Vital interests (Art. 6(1)(d)).
    VitalInterests,
    /// A task in the public interest (Art. 6(1)(e)).
    PublicTask,
    /// Legitimate interests (Art. 6(1)(f)).
    LegitimateInterest,
}

named!(LawfulBasis, |_| crate::Error::FieldInvalid { field: "basis".into(), rule: "lawful_basis".into() }, {
    Consent => "consent",
    Contract => "contract",
    LegalObligation => "legal-obligation",
    VitalInterests => "vital-interests",
    PublicTask => "public-task",
    LegitimateInterest => "legitimate-interest",
});

impl LawfulBasis {
    /// The basis in words, with its article.
    pub fn words(self, language: Language) -> &'static str {
        let fi = language == Language::Fi;
        match (self, fi) {
            (Self::Consent, true) => "suostumus (6 art. 1 a)",
            (Self::Consent, false) => "consent (Art. 6(1)(a))",
            (Self::Contract, true) => "sopimus tai sitä edeltävät toimet (6 art. 1 b)",
            (Self::Contract, false) => "contract or pre-contract steps (Art. 6(1)(b))",
            (Self::LegalObligation, true) => "lakisääteinen velvoite (6 art. 1 c)",
            (Self::LegalObligation, false) => "legal obligation (Art. 6(1)(c))",
            (Self::VitalInterests, true) => "elintärkeä etu (6 art. 1 d)",
            (Self::VitalInterests, false) => "vital interests (Art. 6(1)(d))",
            (Self::PublicTask, true) => "yleistä etua koskeva tehtävä (6 art. 1 e)",
            (Self::PublicTask, false) => "task in the public interest (Art. 6(1)(e))",
            (Self::LegitimateInterest, true) => "oikeutettu etu (6 art. 1 f)",
            (Self::LegitimateInterest, false) => "legitimate interest (Art. 6(1)(f))",
        }
    }
}

/// A purpose as an administrator enters it.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct PurposeInput {
    /// Its id (lower-case letters, digits and hyphens), e.g. `direct-marketing`.
    pub purpose_id: String,
    /// Its name in Finnish.
    pub name_fi: String,
    /// Its name in English.
    pub name_en: String,
    /// Its lawful bases: at least one.
    pub bases: Vec<LawfulBasis>,
    /// The consent purpose of the ledger it depends on; required when a basis is consent
    /// (created with the purpose's names when it does not exist yet).
    #[serde(default)]
    pub consent_purpose: Option<String>,
}

/// A purpose of processing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Purpose {
    /// Its id.
    pub purpose_id: String,
    /// Its name in Finnish.
    pub name_fi: String,
    /// Its name in English.
    pub name_en: String,
    /// Its lawful bases.
    pub bases: Vec<LawfulBasis>,
    /// The consent purpose it depends on.
    pub consent_purpose: Option<String>,
    /// Last changed.
    pub updated_at: String,
}

impl Purpose {
    /// Its name in `language`.
    pub fn name(&self, language: Language) -> &str {
        match language {
            Language::Fi => &self.name_fi,
            Language::En => &self.name_en,
        }
    }

    /// Its bases in words, joined.
    pub fn bases_text(&self, language: Language) -> String {
        let words: Vec<&str> = self.bases.iter().map(|b| b.words(language)).collect();
        let text = words.join(", ");
        let mut chars = text.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => text,
        }
    }

    /// Whether it rests on consent.
    pub fn needs_consent(&self) -> bool {
        self.bases.contains(&LawfulBasis::Consent)
    }
}

/// The consent purpose whose consent a marketing list for `purpose` needs: a purpose of
/// processing must rest on consent and name its consent purpose; a bare consent purpose of
/// the ledger is itself.
pub(crate) fn marketing_consent_purpose(
    conn: &rusqlite::Connection,
    purpose: &str,
) -> Result<String> {
    if let Some(found) = store::purposes::purpose(conn, purpose)? {
        return match (&found.consent_purpose, found.needs_consent()) {
            (Some(consent), true) => Ok(consent.clone()),
            _ => Err(Error::PurposeConsentMissing {
                purpose_id: found.purpose_id,
            }),
        };
    }
    if store::consent::purpose_exists(conn, purpose)? {
        return Ok(purpose.to_string());
    }
    Err(Error::FieldInvalid {
        field: "purpose".into(),
        rule: "unknown_purpose".into(),
    })
}

fn checked(input: &PurposeInput) -> Result<PurposeInput> {
    let purpose_id = input.purpose_id.trim().to_string();
    let slug_ok = !purpose_id.is_empty()
        && purpose_id.len() <= 60
        && purpose_id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !slug_ok {
        return Err(Error::FieldInvalid {
            field: "purpose_id".into(),
            rule: "purpose_id".into(),
        });
    }
    let mut bases: Vec<LawfulBasis> = Vec::new();
    for basis in &input.bases {
        if !bases.contains(basis) {
            bases.push(*basis);
        }
    }
    if bases.is_empty() {
        return Err(Error::PurposeBasisMissing { purpose_id });
    }
    let consent_purpose = input
        .consent_purpose
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string);
    if let Some(consent) = &consent_purpose {
        let ok = consent.len() <= 60
            && consent
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !ok {
            return Err(Error::FieldInvalid {
                field: "consent_purpose".into(),
                rule: "purpose_id".into(),
            });
        }
    }
    if bases.contains(&LawfulBasis::Consent) && consent_purpose.is_none() {
        return Err(Error::PurposeConsentMissing { purpose_id });
    }
    Ok(PurposeInput {
        name_fi: validate::required("name_fi", &input.name_fi, 200)?,
        name_en: validate::required("name_en", &input.name_en, 200)?,
        purpose_id,
        bases,
        consent_purpose,
    })
}

impl Register {
    /// The purposes of processing in their order (any role: the notice and every extract
    /// print them).
    pub fn purpose_list(&self, session: &Session) -> Result<Vec<Purpose>> {
        self.authorize(session, Action::SettingsRead)?;
        store::purposes::purposes(&self.conn)
    }

    /// Adds a purpose (admin). A purpose without a lawful basis, or resting on consent
    /// without its consent purpose, is refused and nothing is changed.
    pub fn purpose_add(
        &mut self,
        session: &Session,
        input: &PurposeInput,
        clock: &dyn Clock,
    ) -> Result<Purpose> {
        self.write(Some(session), Action::PurposeEdit, clock, |tx| {
            let input = checked(input)?;
            if store::purposes::purpose(tx, &input.purpose_id)?.is_some() {
                return Err(Error::PurposeExists {
                    purpose_id: input.purpose_id,
                });
            }
            let now = crate::ids::timestamp(clock);
            store::purposes::ensure_consent_purpose(tx, &input)?;
            store::purposes::insert(tx, &input, &now)?;
            let purpose = store::purposes::purpose(tx, &input.purpose_id)?
                .ok_or_else(|| not_found("purpose", &input.purpose_id))?;
            Ok((purpose, Audited::record("purpose", &input.purpose_id)))
        })
    }

    /// Changes a purpose's names, bases and consent link (admin); same checks as adding.
    pub fn purpose_edit(
        &mut self,
        session: &Session,
        input: &PurposeInput,
        clock: &dyn Clock,
    ) -> Result<Purpose> {
        self.write(Some(session), Action::PurposeEdit, clock, |tx| {
            let input = checked(input)?;
            store::purposes::purpose(tx, &input.purpose_id)?
                .ok_or_else(|| not_found("purpose", &input.purpose_id))?;
            let now = crate::ids::timestamp(clock);
            store::purposes::ensure_consent_purpose(tx, &input)?;
            store::purposes::update(tx, &input, &now)?;
            let purpose = store::purposes::purpose(tx, &input.purpose_id)?
                .ok_or_else(|| not_found("purpose", &input.purpose_id))?;
            Ok((purpose, Audited::record("purpose", &input.purpose_id)))
        })
    }
}
