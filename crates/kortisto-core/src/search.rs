//! The one search box over people, organisations, e-mail addresses and phone numbers:
//! as-you-type prefix matching, accents folded (`hamalainen` finds `Hämäläinen`), phone
//! numbers found in any written form. An FTS5 index inside the encrypted database; nothing
//! is indexed in plaintext anywhere else.
use rusqlite::Connection;
use serde::Serialize;

use crate::audit::Audited;
use crate::auth::{Action, Session};
use crate::{store, validate, Clock, Register, Result};

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SearchHit {
    /// `person` or `organisation`.
    pub record_kind: String,
    /// The record's id.
    pub record_id: String,
    /// "Surname First" or the organisation's name.
    pub title: String,
    /// Current position or business ID, for telling hits apart.
    pub subtitle: Option<String>,
    /// A person whose processing is restricted (Art. 18).
    pub restricted: bool,
    /// A person's organisation in their ongoing position (the latest if several), so a meeting
    /// with them can be filed under it and people of one organisation ranked together.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub organisation_id: Option<String>,
    /// That organisation's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub organisation_name: Option<String>,
}

/// Rewrites the person's index row from the register's current data.
pub(crate) fn index_person(conn: &Connection, person_id: &str) -> Result<()> {
    let Some((title, mut body)) = store::search::person_index_text(conn, person_id)? else {
        return Ok(());
    };
    body.push_str(&contact_terms(conn, Some(person_id), None)?);
    store::search::replace_search_row(conn, "person", person_id, &title, &body)
}

/// Rewrites the organisation's index row.
pub(crate) fn index_organisation(conn: &Connection, organisation_id: &str) -> Result<()> {
    let Some((title, mut body)) = store::search::organisation_index_text(conn, organisation_id)?
    else {
        // Gone (merged or removed, here or on another device): nothing of it stays findable.
        return store::search::delete_search_row(conn, organisation_id);
    };
    body.push_str(&contact_terms(conn, None, Some(organisation_id))?);
    store::search::replace_search_row(conn, "organisation", organisation_id, &title, &body)
}

fn contact_terms(
    conn: &Connection,
    person_id: Option<&str>,
    organisation_id: Option<&str>,
) -> Result<String> {
    let mut terms = String::new();
    for (kind, value) in store::people::contact_values(conn, person_id, organisation_id)? {
        terms.push(' ');
        match kind.as_str() {
            "phone" | "mobile" => terms.push_str(&validate::phone_search_forms(&value).join(" ")),
            _ => terms.push_str(&value),
        }
    }
    Ok(terms)
}

/// Turns what a person typed into an FTS5 query: every word a prefix, all words required; a
/// query made of digits (and `+ - ( ) .` and spaces) is a phone number in any of its forms.
pub(crate) fn fts_query(typed: &str) -> Option<String> {
    let typed = typed.trim();
    let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
    let phone_like = typed
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if phone_like && digits.len() >= 3 {
        let mut forms = vec![digits.clone()];
        if let Some(rest) = digits.strip_prefix('0') {
            forms.push(format!("358{rest}"));
        }
        if let Some(rest) = digits.strip_prefix("358") {
            forms.push(format!("0{rest}"));
        }
        let alternatives: Vec<String> = forms.iter().map(|f| format!("\"{f}\"*")).collect();
        return Some(format!("({})", alternatives.join(" OR ")));
    }
    let words: Vec<String> = typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"*", w.to_lowercase()))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

impl Register {
    /// Searches people and organisations (every role); at most `limit` hits, best first.
    /// The people found are audited — their ids and count, never the typed text.
    pub fn search(
        &mut self,
        session: &Session,
        typed: &str,
        limit: u32,
        clock: &dyn Clock,
    ) -> Result<Vec<SearchHit>> {
        let Some(query) = fts_query(typed) else {
            self.authorize(session, Action::Search)?;
            return Ok(Vec::new());
        };
        self.write(Some(session), Action::Search, clock, |tx| {
            let hits = store::search::search(tx, &query, typed, limit.clamp(1, 100))?;
            let people = hits
                .iter()
                .filter(|hit| hit.record_kind == "person")
                .map(|hit| hit.record_id.as_str());
            let audited = Audited::people(people);
            Ok((hits, audited))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn typed_text_becomes_prefix_words_and_digits_become_phone_forms() {
        assert_eq!(fts_query("virt").unwrap(), "\"virt\"*");
        assert_eq!(fts_query("Maija Virt").unwrap(), "\"maija\"* \"virt\"*");
        assert_eq!(fts_query("\"; DROP").unwrap(), "\"drop\"*");
        assert_eq!(
            fts_query("040 123").unwrap(),
            "(\"040123\"* OR \"35840123\"*)"
        );
        assert_eq!(
            fts_query("+358 40 123").unwrap(),
            "(\"35840123\"* OR \"040123\"*)"
        );
        assert_eq!(fts_query("  "), None);
    }
}
