//! `kortisto objection record`: a person objects (Art. 21); for direct marketing their consent
//! is withdrawn and their e-mail addresses go on the suppression list.
use kortisto_core::consent::ConsentChannel;
use kortisto_core::restriction::ObjectionInput;
use kortisto_core::{Error, Result, SystemClock};

use super::with_id;
use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Record an objection (admin).
    Record {
        /// The person.
        person_id: String,
        /// To which purpose (e.g. direct-marketing).
        #[arg(long)]
        purpose: String,
        /// What the person said.
        #[arg(long)]
        reason: Option<String>,
        /// When they objected (27.11.2026; default today).
        #[arg(long)]
        on: Option<String>,
        /// How it arrived: form, email, phone, in-person or self-service (default email).
        #[arg(long, default_value = "email")]
        channel: String,
        /// The objection request this answers.
        #[arg(long)]
        request: Option<String>,
    },
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    let Command::Record {
        person_id,
        purpose,
        reason,
        on,
        channel,
        request,
    } = command;
    let channel = ConsentChannel::parse(&channel).map_err(|_| Error::FieldInvalid {
        field: "channel (form | email | phone | in-person | self-service)".into(),
        rule: "consent_channel".into(),
    })?;
    let input = ObjectionInput {
        person_id,
        purpose,
        reason,
        objected_on: on,
        channel,
    };
    ctx.as_user(|register, session| {
        let recorded =
            register.objection_record(session, &input, request.as_deref(), &SystemClock)?;
        let mut json =
            serde_json::to_value(&recorded).map_err(|e| Error::Storage(e.to_string()))?;
        json["objection"] = with_id(&recorded.objection, "objection_id");
        ctx.out.print(&json, |l| {
            let mut text = format!(
                "{} {} ({})",
                pick(l, "Vastustus kirjattu:", "Objection recorded:"),
                recorded.objection.person_id,
                super::word_for("objection", "purpose", &recorded.objection.purpose, l)
            );
            if recorded.consent_withdrawn.is_some() {
                text.push_str(&format!(
                    "\n{}",
                    pick(l, "Suostumus peruttu.", "Consent withdrawn.")
                ));
            }
            text.push_str(&format!(
                "\n{} {}",
                pick(
                    l,
                    "Estolistalle lisätyt sähköpostiosoitteet:",
                    "E-mail addresses put on the suppression list:"
                ),
                recorded.suppressed_emails
            ));
            text
        });
        Ok(())
    })
}
