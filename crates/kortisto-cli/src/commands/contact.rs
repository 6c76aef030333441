//! `kortisto contact`: a contact datum (address, phone, mobile, e-mail, social-media contact)
//! of a person or an organisation, with its source; its corrections (edit, retire, delete)
//! each take the request they answer.
use kortisto_core::people::{Contact, ContactInput, ContactKind};
use kortisto_core::{Result, SystemClock};

use super::person::SourceArgs;
use super::with_id;
use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add contact data to a person or an organisation; prints its id.
    #[command(group(clap::ArgGroup::new("owner").required(true).args(["person", "org"])))]
    Add {
        /// The person's id.
        #[arg(long, value_name = "ID")]
        person: Option<String>,
        /// The organisation's id.
        #[arg(long, value_name = "ID")]
        org: Option<String>,
        /// address, phone, mobile, email or social.
        #[arg(long)]
        kind: String,
        /// The address, number, e-mail, or handle/URL.
        #[arg(long)]
        value: String,
        /// A label ("work", "visiting address", …).
        #[arg(long)]
        label: Option<String>,
        /// For social contacts: which service (LinkedIn, …).
        #[arg(long)]
        social_kind: Option<String>,
        #[command(flatten)]
        source: SourceArgs,
    },
    /// Correct a contact datum's value (checked as on entry); the old value goes to the
    /// history.
    Edit {
        /// The contact datum's id.
        id: String,
        /// The corrected address, number, e-mail or handle/URL.
        #[arg(long)]
        value: String,
        /// The open data subject's request this correction answers (listed on the request).
        #[arg(long = "request", value_name = "REQUEST_ID")]
        request_id: Option<String>,
    },
    /// Mark a contact datum as no longer valid: kept and shown, but left out of the
    /// marketing list and the duplicate check.
    Retire {
        /// The contact datum's id.
        id: String,
        /// The open data subject's request this correction answers (listed on the request).
        #[arg(long = "request", value_name = "REQUEST_ID")]
        request_id: Option<String>,
    },
    /// Delete a contact datum (the history keeps its value until the person is erased).
    Delete {
        /// The contact datum's id.
        id: String,
        /// The open data subject's request this correction answers (listed on the request).
        #[arg(long = "request", value_name = "REQUEST_ID")]
        request_id: Option<String>,
    },
}

fn contact_line(contact: &Contact, l: kortisto_core::Language) -> String {
    format!(
        "{}: {} (id {})",
        super::word_for("contact", "kind", contact.kind.name(), l),
        contact.display,
        contact.contact_id
    )
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    let (person, org, kind, value, label, social_kind, source) = match command {
        Command::Add {
            person,
            org,
            kind,
            value,
            label,
            social_kind,
            source,
        } => (person, org, kind, value, label, social_kind, source),
        Command::Edit {
            id,
            value,
            request_id,
        } => {
            return ctx.as_user(|register, session| {
                let edited = register.contact_edit(
                    session,
                    &id,
                    &value,
                    request_id.as_deref(),
                    &SystemClock,
                )?;
                ctx.out.print(&with_id(&edited, "contact_id"), |l| {
                    format!(
                        "{} {}",
                        pick(l, "Yhteystieto korjattu:", "Contact data corrected:"),
                        contact_line(&edited, l)
                    )
                });
                Ok(())
            })
        }
        Command::Retire { id, request_id } => {
            return ctx.as_user(|register, session| {
                let retired =
                    register.contact_retire(session, &id, request_id.as_deref(), &SystemClock)?;
                ctx.out.print(&with_id(&retired, "contact_id"), |l| {
                    format!(
                        "{} {}",
                        pick(
                            l,
                            "Yhteystieto merkitty ei enää voimassa olevaksi:",
                            "Contact data marked as no longer valid:"
                        ),
                        contact_line(&retired, l)
                    )
                });
                Ok(())
            })
        }
        Command::Delete { id, request_id } => {
            return ctx.as_user(|register, session| {
                register.contact_delete(session, &id, request_id.as_deref(), &SystemClock)?;
                ctx.out
                    .print(&serde_json::json!({ "id": id, "deleted": true }), |l| {
                        format!(
                            "{} (id {id})",
                            pick(l, "Yhteystieto poistettu", "Contact data deleted")
                        )
                    });
                Ok(())
            })
        }
    };
    let kind = ContactKind::parse(&kind)?;
    let source = source.parse()?;
    ctx.as_user(|register, session| {
        let added = register.contact_add(
            session,
            person.as_deref(),
            org.as_deref(),
            &ContactInput {
                kind,
                value,
                label,
                social_kind,
            },
            &source,
            &SystemClock,
        )?;
        ctx.out.print(&with_id(&added, "contact_id"), |l| {
            format!(
                "{} {}: {} (id {})",
                pick(l, "Yhteystieto lisätty:", "Contact data added:"),
                added.kind.name(),
                added.display,
                added.contact_id
            )
        });
        Ok(())
    })
}
