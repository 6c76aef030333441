//! "Who has seen this person": every audited read that showed a person — opened, found in a
//! search, listed, exported — by whom and when, on this device (`person_reads`, see audit.rs)
//! and on the team's other devices (`team_reads`, shared at each sync: store/audit.rs).
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
    /// They were in an export (the marketing list, an access extract, a vCard/CSV/JSON export,
    /// their portability export).
    Exported,
}

named!(ReadKind, |given| Error::FieldInvalid { field: "read_kind".into(), rule: given.to_string() }, {
    Opened => "opened",
    Found => "found",
    Listed => "listed",
    Exported => "exported",
});

impl ReadKind {
    /// The kind of read an audit entry is, by its action's name in the trail and the kind
    /// of its record: a page view's entry about the person opened, its entry about the
    /// `people` its meeting and deal lists named (a list on that page).
    pub fn of_entry(action: &str, record_kind: Option<&str>) -> Self {
        match (action, record_kind) {
            ("person_view", Some("person")) => Self::Opened,
            ("search", _) => Self::Found,
            ("marketing_list" | "extract" | "export" | "portability_export", _) => Self::Exported,
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
    /// The read's audit entry (its event id), unique on every device.
    pub read_id: String,
    /// The audit entry's position in the chain of the device that made the read.
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
    /// Made on this device (false: on another of the team's devices, shared at a sync).
    pub this_device: bool,
}

/// The most reads "who has seen this person" answers with.
pub const SEEN_BY_MAX: u32 = 10_000;

impl Register {
    /// Every read that showed `person_id`, newest first, at most `limit` (admin): those made
    /// on this device and those the team's other devices shared at their syncs. Works for a
    /// person already erased too (this device's reads keep ids only; other devices' reads of
    /// them went with the erasure); an id never read and not in the register is
    /// `record_not_found`. Asking is audited (`person_seen_by`), and brings the by-person
    /// index of reads up to date first.
    pub fn person_seen_by(
        &mut self,
        session: &Session,
        person_id: &str,
        limit: u32,
        clock: &dyn Clock,
    ) -> Result<Vec<PersonRead>> {
        self.write(Some(session), Action::PersonSeenBy, clock, |tx| {
            store::audit::index_reads(tx)?;
            let limit = limit.clamp(1, SEEN_BY_MAX);
            let mut reads = store::audit::reads_of_person(tx, person_id, limit)?;
            reads.extend(store::audit::team_reads_of_person(tx, person_id, limit)?);
            // Newest first across devices: the times are RFC 3339 in UTC, one format.
            reads.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.read_id.cmp(&a.read_id)));
            reads.truncate(limit as usize);
            if reads.is_empty() && store::people::person(tx, person_id)?.is_none() {
                return Err(crate::people::not_found("person", person_id));
            }
            Ok((reads, Audited::record("person", person_id)))
        })
    }
}
