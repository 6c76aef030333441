//! `kortisto contact`: a contact datum (address, phone, mobile, e-mail, social-media contact)
//! of a person or an organisation, with its source.
use kortisto_core::people::{ContactInput, ContactKind};
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
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    let Command::Add {
        person,
        org,
        kind,
        value,
        label,
        social_kind,
        source,
    } = command;
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
