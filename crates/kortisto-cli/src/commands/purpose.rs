//! `kortisto purpose`: the purposes of processing with their lawful bases, which the notice,
//! every extract and the marketing list follow (add and edit: admin; list: every role).
use kortisto_core::purposes::{LawfulBasis, Purpose, PurposeInput};
use kortisto_core::{Language, Result, SystemClock};

use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// List the purposes in the notice's order.
    List,
    /// Add a purpose (admin): at least one --basis; a consent-based one names --consent-purpose.
    Add {
        /// Its id: lower-case letters, digits and hyphens (e.g. event-invitations).
        purpose_id: String,
        /// Its name in Finnish.
        #[arg(long)]
        name_fi: String,
        /// Its name in English.
        #[arg(long)]
        name_en: String,
        /// A lawful basis: consent, contract, legal-obligation, vital-interests, public-task
        /// or legitimate-interest (repeat for several).
        #[arg(long = "basis", value_name = "BASIS")]
        bases: Vec<String>,
        /// The consent purpose of the ledger it depends on (created when new).
        #[arg(long)]
        consent_purpose: Option<String>,
    },
    /// Change a purpose (admin); what is not given stays as it is (--basis replaces all bases).
    Edit {
        /// Its id.
        purpose_id: String,
        /// Its name in Finnish.
        #[arg(long)]
        name_fi: Option<String>,
        /// Its name in English.
        #[arg(long)]
        name_en: Option<String>,
        /// Lawful bases (repeat for several); replaces the ones it has.
        #[arg(long = "basis", value_name = "BASIS")]
        bases: Vec<String>,
        /// The consent purpose it depends on.
        #[arg(long)]
        consent_purpose: Option<String>,
    },
}

fn parse_bases(purpose_id: &str, bases: &[String]) -> Result<Vec<LawfulBasis>> {
    let given: Vec<&String> = bases.iter().filter(|b| !b.trim().is_empty()).collect();
    if given.is_empty() {
        return Err(kortisto_core::Error::PurposeBasisMissing {
            purpose_id: purpose_id.to_string(),
        });
    }
    given.into_iter().map(|b| LawfulBasis::parse(b)).collect()
}

fn line(p: &Purpose, l: Language) -> String {
    let consent = p
        .consent_purpose
        .as_deref()
        .map(|c| format!(" [{} {c}]", pick(l, "suostumus:", "consent:")))
        .unwrap_or_default();
    format!(
        "{} ({}): {}{consent}",
        p.name(l),
        p.purpose_id,
        p.bases_text(l)
    )
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    ctx.as_user(|register, session| match command {
        Command::List => {
            let purposes = register.purpose_list(session)?;
            ctx.out.print(&purposes, |l| {
                purposes
                    .iter()
                    .map(|p| line(p, l))
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
        Command::Add {
            purpose_id,
            name_fi,
            name_en,
            bases,
            consent_purpose,
        } => {
            let input = PurposeInput {
                bases: parse_bases(&purpose_id, &bases)?,
                purpose_id,
                name_fi,
                name_en,
                consent_purpose,
            };
            let added = register.purpose_add(session, &input, &SystemClock)?;
            ctx.out.print(&added, |l| {
                format!(
                    "{} {}",
                    pick(l, "Käyttötarkoitus lisätty:", "Purpose added:"),
                    line(&added, l)
                )
            });
            Ok(())
        }
        Command::Edit {
            purpose_id,
            name_fi,
            name_en,
            bases,
            consent_purpose,
        } => {
            let current = register
                .purpose_list(session)?
                .into_iter()
                .find(|p| p.purpose_id == purpose_id)
                .ok_or_else(|| kortisto_core::Error::RecordNotFound {
                    kind: "purpose".into(),
                    id: purpose_id.clone(),
                })?;
            let bases = if bases.is_empty() {
                current.bases.clone()
            } else {
                parse_bases(&purpose_id, &bases)?
            };
            let input = PurposeInput {
                purpose_id,
                name_fi: name_fi.unwrap_or(current.name_fi),
                name_en: name_en.unwrap_or(current.name_en),
                bases,
                consent_purpose: consent_purpose.or(current.consent_purpose),
            };
            let edited = register.purpose_edit(session, &input, &SystemClock)?;
            ctx.out.print(&edited, |l| {
                format!(
                    "{} {}",
                    pick(l, "Käyttötarkoitus muutettu:", "Purpose changed:"),
                    line(&edited, l)
                )
            });
            Ok(())
        }
    })
}
