//! Finding an erased person's name in free text (meeting subjects and notes, deal titles and
//! notes, request outcomes, hold reasons, history values …) and redacting it in place.
//!
//! A name matches as a whole word, ignoring case and accents (`hamalainen` is `Hämäläinen`),
//! every part of the surname and first names of at least two letters; a part of four letters
//! or more also with a Finnish case ending (`Åbergin`, `Åbergille`). Redacting replaces
//! each matching word with [`MARKER`] in the field, in every history value of the same record
//! and in its changes still waiting for the hub, so no copy of the old text is left; the
//! erasure that follows checkpoints the WAL. Retention, which erases without anyone to ask,
//! keeps its matches as [`RedactionTodo`]s: ids only, never the text.
use std::collections::HashMap;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::audit::Audited;
use crate::auth::{Action, Session};
use crate::people::not_found;
use crate::store::redaction::{FreeText, FREE_TEXT};
use crate::{ids, store, Clock, Error, Register, Result};

/// What a redacted name becomes.
pub const MARKER: &str = "[poistettu]";

/// A free-text field that names the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct NameMatch {
    /// The kind of row holding the text (`meeting`, `deal`, `request`, `legal_hold`,
    /// `position`, `disclosure`, `consent_event`, `source`, `restriction`, `objection`, or
    /// `change` for a history value).
    pub record_kind: String,
    /// That row's id.
    pub record_id: String,
    /// The field.
    pub field: String,
    /// The record to open for it (a history value links to the record it belongs to).
    pub link_kind: String,
    /// Its id.
    pub link_id: String,
    /// The page that shows the record: `person`, `organisation` or `requests` (none when no
    /// page shows it).
    pub open_kind: Option<String>,
    /// The person's or organisation's id for that page.
    pub open_id: Option<String>,
    /// The text around the first match, for the administrator to judge.
    pub excerpt: String,
    /// How many words match.
    #[ts(type = "number")]
    pub count: u64,
}

/// Which field to redact.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct RedactionTarget {
    /// As in [`NameMatch::record_kind`].
    pub record_kind: String,
    /// As in [`NameMatch::record_id`].
    pub record_id: String,
    /// As in [`NameMatch::field`].
    pub field: String,
}

/// What a redaction replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Redacted {
    /// The field.
    pub target: NameMatch,
    /// Words replaced in the field.
    #[ts(type = "number")]
    pub replaced: u64,
    /// History values of the same record rewritten.
    #[ts(type = "number")]
    pub history_rewritten: u64,
}

/// A field that named someone retention erased, for the administrator to read through.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct RedactionTodo {
    /// Id.
    pub todo_id: String,
    /// The retention run.
    pub run_id: Option<String>,
    /// The erasure receipt of the person named.
    pub receipt_id: String,
    /// As in [`NameMatch::link_kind`].
    pub record_kind: String,
    /// As in [`NameMatch::link_id`].
    pub record_id: String,
    /// The field.
    pub field: String,
    /// When it was found.
    pub found_at: String,
    /// The page that shows the record, as in [`NameMatch::open_kind`] (read, not stored).
    pub open_kind: Option<String>,
    /// Its id.
    pub open_id: Option<String>,
}

/// `text` without accents and in lower case (`Hämäläinen` → `hamalainen`), as people
/// type a name they do not have the letters for.
pub(crate) fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of `text` with their byte ranges.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word_char = c.is_alphanumeric() || is_combining_mark(c);
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                found.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        found.push((s, text.len()));
    }
    found
}

/// The folded parts of a person's names that count as a match (two letters or more).
pub(crate) fn name_parts(names: &[&str]) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    for name in names {
        for (s, e) in words(name) {
            let part = fold(&name[s..e]);
            if part.chars().count() >= 2 && !parts.contains(&part) {
                parts.push(part);
            }
        }
    }
    parts
}

/// Letters a Finnish case ending adds to a name (`Åbergin`, `Åbergille`, `Lindstä`).
const INFLECTION_LETTERS: usize = 4;

/// Whether a folded word is the name part or, for parts of four letters or more, the part
/// with a case ending (`åbergin`); shorter parts match only whole, so `Li` never hits `Liisa`.
fn names(word: &str, part: &str) -> bool {
    word == part
        || (part.chars().count() >= 4
            && word.starts_with(part)
            && word.chars().count() <= part.chars().count() + INFLECTION_LETTERS)
}

/// Where in `text` the names stand (byte ranges).
fn matches_in(text: &str, parts: &[String]) -> Vec<(usize, usize)> {
    words(text)
        .into_iter()
        .filter(|(s, e)| {
            let word = fold(&text[*s..*e]);
            parts.iter().any(|part| names(&word, part))
        })
        .collect()
}

/// `text` with every matching word replaced by [`MARKER`], and how many were.
pub(crate) fn redact_text(text: &str, parts: &[String]) -> (String, u64) {
    let found = matches_in(text, parts);
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (s, e) in &found {
        out.push_str(&text[last..*s]);
        out.push_str(MARKER);
        last = *e;
    }
    out.push_str(&text[last..]);
    (out, found.len() as u64)
}

fn excerpt(text: &str, at: usize) -> String {
    const AROUND: usize = 40;
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(AROUND)
        .map(|(i, _)| i)
        .unwrap_or(0);
    let end = text[at..]
        .char_indices()
        .nth(AROUND + 20)
        .map(|(i, _)| at + i)
        .unwrap_or(text.len());
    let mut shown = text[start..end].replace(['\n', '\t'], " ");
    if start > 0 {
        shown.insert(0, '…');
    }
    if end < text.len() {
        shown.push('…');
    }
    shown
}

fn person_parts(conn: &Connection, person_id: &str) -> Result<Vec<String>> {
    let person =
        store::people::person(conn, person_id)?.ok_or_else(|| not_found("person", person_id))?;
    Ok(name_parts(&[
        &person.surname,
        &person.first_name,
        person.other_first_names.as_deref().unwrap_or(""),
    ]))
}

/// Every free-text field outside the person's own records that names them.
pub(crate) fn find(conn: &Connection, person_id: &str) -> Result<Vec<NameMatch>> {
    Ok(find_many(conn, &[person_id], None)?
        .pop()
        .unwrap_or_default())
}

/// [`find`] for several people in one pass over the free text (a retention batch), in the
/// order given.
/// With `only`, just that one field of that one row is read.
pub(crate) fn find_many(
    conn: &Connection,
    person_ids: &[&str],
    only: Option<(&FreeText, &str)>,
) -> Result<Vec<Vec<NameMatch>>> {
    // Which people each name part belongs to.
    let mut owners_of: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, person_id) in person_ids.iter().enumerate() {
        for part in person_parts(conn, person_id)? {
            owners_of.entry(part).or_default().push(index);
        }
    }
    let mut found: Vec<Vec<NameMatch>> = vec![Vec::new(); person_ids.len()];
    if owners_of.is_empty() {
        return Ok(found);
    }
    let columns: Vec<(&FreeText, Option<&str>)> = match only {
        Some((column, row_id)) => vec![(column, Some(row_id))],
        None => FREE_TEXT.iter().map(|c| (c, None)).collect(),
    };
    for (column, row_id) in columns {
        for value in store::redaction::values(conn, column, row_id)? {
            // Per person named: the first match's place and how many words match.
            let mut hits: Vec<(usize, usize, u64)> = Vec::new();
            for (start, end) in words(&value.text) {
                let word = fold(&value.text[start..end]);
                for index in people_named(&owners_of, &word) {
                    match hits.iter_mut().find(|(i, _, _)| *i == index) {
                        Some(hit) => hit.2 += 1,
                        None => hits.push((index, start, 1)),
                    }
                }
            }
            for (index, first, count) in hits {
                if value.owner.as_deref() == Some(person_ids[index]) {
                    continue;
                }
                let (open_kind, open_id) =
                    match store::redaction::page_of(conn, &value.link_kind, &value.link_id)? {
                        Some((kind, id)) => (Some(kind), id),
                        None => (None, None),
                    };
                found[index].push(NameMatch {
                    record_kind: column.record_kind.to_string(),
                    record_id: value.row_id.clone(),
                    field: column.field.to_string(),
                    link_kind: value.link_kind.clone(),
                    link_id: value.link_id.clone(),
                    open_kind,
                    open_id,
                    excerpt: excerpt(&value.text, first),
                    count,
                });
            }
        }
    }
    Ok(found)
}

/// The people (indexes) a folded word names: the whole word, or the word less a case ending.
fn people_named(owners_of: &HashMap<String, Vec<usize>>, word: &str) -> Vec<usize> {
    let mut named: Vec<usize> = Vec::new();
    let letters: Vec<(usize, char)> = word.char_indices().collect();
    for cut in 0..=INFLECTION_LETTERS.min(letters.len()) {
        let stem = &word[..letters
            .get(letters.len() - cut)
            .map_or(word.len(), |(i, _)| *i)];
        if let Some(people) = owners_of.get(stem) {
            if names(word, stem) {
                for index in people {
                    if !named.contains(index) {
                        named.push(*index);
                    }
                }
            }
        }
    }
    named
}

fn column_of(target: &RedactionTarget) -> Result<&'static FreeText> {
    FREE_TEXT
        .iter()
        .find(|c| c.record_kind == target.record_kind && c.field == target.field)
        .ok_or_else(|| Error::FieldInvalid {
            field: "field".into(),
            rule: "redaction_target".into(),
        })
}

fn redact_json_strings(value: &mut serde_json::Value, parts: &[String]) {
    match value {
        serde_json::Value::String(text) => *text = redact_text(text, parts).0,
        serde_json::Value::Array(items) => {
            items.iter_mut().for_each(|v| redact_json_strings(v, parts))
        }
        serde_json::Value::Object(map) => {
            map.values_mut().for_each(|v| redact_json_strings(v, parts))
        }
        _ => {}
    }
}

/// Redacts one field inside the caller's transaction.
fn redact_in(conn: &Connection, person_id: &str, target: &RedactionTarget) -> Result<Redacted> {
    let column = column_of(target)?;
    let parts = person_parts(conn, person_id)?;
    let stale = || Error::RedactionStale {
        record_kind: target.record_kind.clone(),
        record_id: target.record_id.clone(),
        field: target.field.clone(),
    };
    let current = find_many(conn, &[person_id], Some((column, &target.record_id)))?
        .pop()
        .and_then(|mut found| found.pop())
        .ok_or_else(stale)?;
    let text = store::redaction::value(conn, column, &target.record_id)?.ok_or_else(stale)?;
    let (redacted, replaced) = redact_text(&text, &parts);
    store::redaction::set_value(conn, column, &target.record_id, &redacted)?;
    // The history of the same record keeps no copy of the name either.
    let mut history_rewritten = 0;
    if column.table != "change_history" {
        for (change_id, old, new) in
            store::redaction::history_values(conn, column.record_kind, &target.record_id)?
        {
            let old_r = old.as_deref().map(|t| redact_text(t, &parts));
            let new_r = new.as_deref().map(|t| redact_text(t, &parts));
            let hits = old_r.as_ref().map_or(0, |r| r.1) + new_r.as_ref().map_or(0, |r| r.1);
            if hits > 0 {
                store::redaction::set_history_values(
                    conn,
                    &change_id,
                    old_r.as_ref().map(|r| r.0.as_str()),
                    new_r.as_ref().map(|r| r.0.as_str()),
                )?;
                history_rewritten += 1;
            }
        }
    }
    // Nor do this row's changes still waiting for the hub.
    for (seq, fields) in store::redaction::outbox_fields(conn, column.table, &target.record_id)? {
        if let Ok(mut value) = serde_json::from_str::<serde_json::Value>(&fields) {
            redact_json_strings(&mut value, &parts);
            store::redaction::set_outbox_fields(conn, seq, &value.to_string())?;
        }
    }
    Ok(Redacted {
        target: current,
        replaced,
        history_rewritten,
    })
}

/// Keeps retention's matches of a person about to be erased as to-dos (ids only).
pub(crate) fn keep_todos(
    conn: &Connection,
    matches: &[NameMatch],
    run_id: Option<&str>,
    receipt_id: &str,
    clock: &dyn Clock,
) -> Result<()> {
    for m in matches {
        store::redaction::insert_todo(
            conn,
            &RedactionTodo {
                todo_id: ids::new_id(clock),
                run_id: run_id.map(str::to_string),
                receipt_id: receipt_id.to_string(),
                record_kind: m.link_kind.clone(),
                record_id: m.link_id.clone(),
                field: m.field.clone(),
                found_at: ids::timestamp(clock),
                open_kind: None,
                open_id: None,
            },
        )?;
    }
    Ok(())
}

impl Register {
    /// The free-text fields that name a person, before erasing them (admin).
    pub fn erasure_matches(&self, session: &Session, person_id: &str) -> Result<Vec<NameMatch>> {
        self.authorize(session, Action::Redact)?;
        find(&self.conn, person_id)
    }

    /// Replaces the person's name in one field with [`MARKER`] (admin); refused with
    /// `redaction_stale` when the field no longer names them.
    pub fn redact(
        &mut self,
        session: &Session,
        person_id: &str,
        target: &RedactionTarget,
        clock: &dyn Clock,
    ) -> Result<Redacted> {
        let redacted = self.write(Some(session), Action::Redact, clock, |tx| {
            let redacted = redact_in(tx, person_id, target)?;
            let audited = Audited::record(&redacted.target.link_kind, &redacted.target.link_id);
            Ok((redacted, audited))
        })?;
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        Ok(redacted)
    }

    /// Fields that named people retention erased, not yet read through (admin).
    pub fn redaction_todos(&self, session: &Session) -> Result<Vec<RedactionTodo>> {
        self.authorize(session, Action::Redact)?;
        let mut todos = store::redaction::open_todos(&self.conn)?;
        for todo in &mut todos {
            if let Some((kind, id)) =
                store::redaction::page_of(&self.conn, &todo.record_kind, &todo.record_id)?
            {
                todo.open_kind = Some(kind);
                todo.open_id = id;
            }
        }
        Ok(todos)
    }

    /// Marks a to-do read through (admin).
    pub fn redaction_todo_done(
        &mut self,
        session: &Session,
        todo_id: &str,
        clock: &dyn Clock,
    ) -> Result<()> {
        self.write(Some(session), Action::Redact, clock, |tx| {
            if !store::redaction::todo_done(tx, todo_id, &session.user_id, &ids::timestamp(clock))?
            {
                return Err(not_found("redaction_todo", todo_id));
            }
            Ok(((), Audited::record("redaction_todo", todo_id)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{name_parts, redact_text};

    #[test]
    fn whole_words_match_without_case_or_accents_and_two_letters_count() {
        let parts = name_parts(&["Hämäläinen", "Bo", "Anna-Liisa"]);
        let (text, n) = redact_text(
            "Tapasin HAMALAINEN ja bo:n; Bob ja Boston ei. Liisalle! Hämäläinenkokous ei.",
            &parts,
        );
        assert_eq!(n, 3);
        assert_eq!(
            text,
            "Tapasin [poistettu] ja [poistettu]:n; Bob ja Boston ei. [poistettu]! Hämäläinenkokous ei."
        );
        assert_eq!(
            redact_text("ei ketään", &parts),
            ("ei ketään".to_string(), 0)
        );
        assert!(name_parts(&["A", ""]).is_empty());
    }
}
