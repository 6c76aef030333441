//! Where each piece of personal data came from (R2, notice §5): the source kinds of the
//! notice, the detail some of them need (which event, which public source, which data
//! provider), when it was obtained and who recorded it.
use serde::{Deserialize, Serialize};

use crate::{ids, validate, Clock, Error, Result};

/// The kinds of source the privacy notice lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// An RFQ, information request or contract document.
    RfqOrContractDocument,
    /// A business card.
    BusinessCard,
    /// An e-mail or social-media contact.
    EmailOrSocialMedia,
    /// A customer meeting.
    CustomerMeeting,
    /// A partner or marketing event (which one: `detail`).
    Event,
    /// A public source (which one: `detail`).
    PublicSource,
    /// Bought from a commercial data provider (which one: `detail`, e.g. Fonecta).
    DataProvider,
    /// Registration in a service portal.
    PortalRegistration,
    /// The person's own registration or self-edit.
    SelfService,
}

named!(SourceKind, |_| crate::Error::FieldInvalid { field: "source".into(), rule: "source_kind".into() }, {
    RfqOrContractDocument => "rfq-or-contract-document",
    BusinessCard => "business-card",
    EmailOrSocialMedia => "email-or-social-media",
    CustomerMeeting => "customer-meeting",
    Event => "event",
    PublicSource => "public-source",
    DataProvider => "data-provider",
    PortalRegistration => "portal-registration",
    SelfService => "self-service",
});

impl SourceKind {
    /// The kind in words, as the notice lists it and the extract names each datum's source.
    pub fn words(self, language: crate::Language) -> &'static str {
        let fi = language == crate::Language::Fi;
        match (self, fi) {
            (Self::RfqOrContractDocument, true) => "tarjous- tai tietopyyntö tai sopimusasiakirja",
            (Self::RfqOrContractDocument, false) => "RFQ, information request or contract document",
            (Self::BusinessCard, true) => "käyntikortti",
            (Self::BusinessCard, false) => "business card",
            (Self::EmailOrSocialMedia, true) => "sähköposti tai sosiaalinen media",
            (Self::EmailOrSocialMedia, false) => "e-mail or social media",
            (Self::CustomerMeeting, true) => "asiakastapaaminen",
            (Self::CustomerMeeting, false) => "customer meeting",
            (Self::Event, true) => "tapahtuma",
            (Self::Event, false) => "event",
            (Self::PublicSource, true) => "julkinen lähde",
            (Self::PublicSource, false) => "public source",
            (Self::DataProvider, true) => "tietopalvelu",
            (Self::DataProvider, false) => "data provider",
            (Self::PortalRegistration, true) => "palveluportaalin rekisteröinti",
            (Self::PortalRegistration, false) => "service portal registration",
            (Self::SelfService, true) => "oma ilmoitus",
            (Self::SelfService, false) => "your own registration",
        }
    }

    /// Whether the kind is meaningless without saying which one.
    pub fn needs_detail(self) -> bool {
        matches!(self, Self::Event | Self::PublicSource | Self::DataProvider)
    }
}

/// A source as given when data is entered.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct SourceInput {
    /// The kind.
    pub kind: SourceKind,
    /// Which event, public source or data provider (required for those kinds).
    #[serde(default)]
    pub detail: Option<String>,
    /// When the data was obtained (`27.11.2026` or ISO); today when empty.
    #[serde(default)]
    pub obtained_on: Option<String>,
}

/// A recorded source, as shown beside the datum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Source {
    /// The source's id.
    pub source_id: String,
    /// The kind.
    pub kind: SourceKind,
    /// Which event, public source or data provider.
    pub detail: Option<String>,
    /// When the data was obtained (ISO date).
    pub obtained_on: String,
    /// The user who recorded it.
    pub recorded_by: String,
    /// Their display name.
    pub recorded_by_name: String,
    /// When it was recorded.
    pub recorded_at: String,
}

impl SourceInput {
    /// Validates and turns the input into a source recorded by `user_id` now.
    pub(crate) fn record(&self, user_id: &str, clock: &dyn Clock) -> Result<Source> {
        let detail = validate::optional("source_detail", self.detail.as_deref(), 200, false)?;
        if self.kind.needs_detail() && detail.is_none() {
            return Err(Error::FieldInvalid {
                field: "source_detail".into(),
                rule: "source_detail_required".into(),
            });
        }
        let today = clock.now().date_naive();
        let obtained_on =
            validate::optional_date("obtained_on", self.obtained_on.as_deref())?.unwrap_or(today);
        if obtained_on > today {
            return Err(Error::DateInvalid {
                field: "obtained_on".into(),
            });
        }
        Ok(Source {
            source_id: ids::new_id(clock),
            kind: self.kind,
            detail,
            obtained_on: obtained_on.to_string(),
            recorded_by: user_id.to_string(),
            recorded_by_name: String::new(),
            recorded_at: ids::timestamp(clock),
        })
    }
}
