//! `kortisto redaction`: before an erasure, the free text that names the person, and
//! replacing their name in it; and the to-dos retention left (admin).
use kortisto_core::redaction::RedactionTarget;
use kortisto_core::{Result, SystemClock};

use super::local_time;
use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Every free-text field (meetings, deals, requests, holds, history …) naming the person.
    Matches {
        /// The person about to be erased.
        person_id: String,
    },
    /// Replace the person's name with [poistettu] in one field, its history and outbox.
    Apply {
        /// The person.
        person_id: String,
        /// The kind of record (as `matches` prints it: meeting, deal, request, …).
        #[arg(long)]
        kind: String,
        /// The record's id.
        #[arg(long)]
        id: String,
        /// The field (subject, notes, title, …).
        #[arg(long)]
        field: String,
    },
    /// Fields that named people retention erased, still to read through.
    Todos,
    /// Mark a to-do read through.
    Done {
        /// The to-do.
        todo_id: String,
    },
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    ctx.as_user(|register, session| match &command {
        Command::Matches { person_id } => {
            let found = register.erasure_matches(session, person_id)?;
            ctx.out.print(&found, |l| {
                if found.is_empty() {
                    return pick(
                        l,
                        "Nimeä ei löytynyt vapaista tekstikentistä.",
                        "The name was not found in any free-text field.",
                    );
                }
                found
                    .iter()
                    .map(|m| {
                        format!(
                            "{}\t{}\t{}\t{}",
                            m.record_kind, m.record_id, m.field, m.excerpt
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
        Command::Apply {
            person_id,
            kind,
            id,
            field,
        } => {
            let target = RedactionTarget {
                record_kind: kind.clone(),
                record_id: id.clone(),
                field: field.clone(),
            };
            let redacted = register.redact(session, person_id, &target, &SystemClock)?;
            ctx.out.print(&redacted, |l| {
                format!(
                    "{} {} {} {} ({} {})",
                    pick(l, "Nimi poistettu:", "Name redacted:"),
                    kind,
                    id,
                    field,
                    redacted.replaced,
                    pick(l, "kohtaa", "places")
                )
            });
            Ok(())
        }
        Command::Todos => {
            let todos = register.redaction_todos(session)?;
            ctx.out.print(&todos, |l| {
                if todos.is_empty() {
                    return pick(
                        l,
                        "Ei tarkistettavia tekstejä.",
                        "No texts to read through.",
                    );
                }
                todos
                    .iter()
                    .map(|t| {
                        format!(
                            "{}\t{}\t{}\t{}\t{}",
                            t.todo_id,
                            local_time(&t.found_at),
                            t.record_kind,
                            t.record_id,
                            t.field
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
        Command::Done { todo_id } => {
            register.redaction_todo_done(session, todo_id, &SystemClock)?;
            ctx.out.print(
                &serde_json::json!({ "todo_id": todo_id, "done": true }),
                |l| pick(l, "Merkitty tarkistetuksi.", "Marked as read through."),
            );
            Ok(())
        }
    })
}
