//! "Who has seen this person": every audited read that showed a person — opened, found in a
//! search, listed, exported — by whom and when, answered from `person_reads` (see audit.rs).
use serde::Serialize;

use crate::audit::Audited;
use crate::auth::{Action, Session};
use crate::{store, Clock, Error, Register, Result};

/// How a read showed the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum ReadKind {
    /// Their page was opened.
    Opened,
    /// They were among a search's results.
    Found,
    /// They were on a list page (people, an organisation's page, deals, meetings).
    Listed,
    /// They were in an export (the marketing list, an access extract).
    Exported,
}

named!(ReadKind, |given| Error::FieldInvalid { field: "read_kind".into(), rule: given.to_string() }, {
    Opened => "opened",
    Found => "found",
    Listed => "listed",
    Exported => "exported",
});

impl ReadKind {
    /// The kind of read an audited action is, by its name in the trail.
    pub fn of_action(action: &str) -> Self {
        match action {
            "person_view" => Self::Opened,
            "search" => Self::Found,
            "marketing_list" | "extract" => Self::Exported,
            _ => Self::Listed,
        }
    }

    /// The kind in words.
    pub fn words(self, language: crate::Language) -> &'static str {
        let fi = language == crate::Language::Fi;
        match (self, fi) {
            (Self::Opened, true) => "avasi henkilön sivun",
            (Self::Opened, false) => "opened the person's page",
            (Self::Found, true) => "löysi haulla",
            (Self::Found, false) => "found in a search",
            (Self::Listed, true) => "näki listalla",
            (Self::Listed, false) => "saw on a list",
            (Self::Exported, true) => "vei tiedostoon",
            (Self::Exported, false) => "exported",
        }
    }
}

/// One read that showed the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PersonRead {
    /// The audit entry's position in the chain.
    #[ts(type = "number")]
    pub seq: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who (user id).
    pub user_id: Option<String>,
    /// Their log-in name.
    pub username: Option<String>,
    /// Their name as shown in the app.
    pub display_name: Option<String>,
    /// The audited action (`person_view`, `search`, `person_list`, …).
    pub action: String,
    /// How the read showed the person.
    pub kind: ReadKind,
    /// How many people the read showed in all (1 for a page view).
    #[ts(type = "number")]
    pub shown: u64,
}

/// The most reads "who has seen this person" answers with.
pub const SEEN_BY_MAX: u32 = 10_000;

impl Register {
    /// Every read that showed `person_id`, newest first, at most `limit` (admin). Works for
    /// a person already erased too (the reads keep ids only); an id never read and not in
    /// the register is `record_not_found`. Asking is audited (`person_seen_by`), and brings
    /// the by-person index of reads up to date first.
    pub fn person_seen_by(
        &mut self,
        session: &Session,
        person_id: &str,
        limit: u32,
        clock: &dyn Clock,
    ) -> Result<Vec<PersonRead>> {
        self.write(Some(session), Action::PersonSeenBy, clock, |tx| {
            store::audit::index_reads(tx)?;
            let reads = store::audit::reads_of_person(tx, person_id, limit.clamp(1, SEEN_BY_MAX))?;
            if reads.is_empty() && store::people::person(tx, person_id)?.is_none() {
                return Err(crate::people::not_found("person", person_id));
            }
            Ok((reads, Audited::record("person", person_id)))
        })
    }
}
