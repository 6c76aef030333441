//! `kortisto element`: third-party licences, devices and services registered for a
//! customer's solution (R1.9), with the person they are registered to.
use kortisto_core::meetings::{ServiceElementInput, ServiceElementKind};
use kortisto_core::{Result, SystemClock};

use super::{date_range, with_id};
use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Register a service element; prints its id.
    Add {
        /// licence, device or service.
        #[arg(long)]
        kind: String,
        /// Vendor.
        #[arg(long)]
        vendor: String,
        /// Licence key, serial number or service id.
        #[arg(long)]
        identifier: String,
        /// The customer organisation's id.
        #[arg(long, value_name = "ID")]
        org: String,
        /// The person it is registered to.
        #[arg(long, value_name = "ID")]
        person: Option<String>,
        /// Valid from (27.11.2026 or 2026-11-27).
        #[arg(long, value_name = "DATE")]
        valid_from: Option<String>,
        /// Valid to.
        #[arg(long, value_name = "DATE")]
        valid_to: Option<String>,
    },
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    let Command::Add {
        kind,
        vendor,
        identifier,
        org,
        person,
        valid_from,
        valid_to,
    } = command;
    let kind = ServiceElementKind::parse(&kind)?;
    ctx.as_user(|register, session| {
        let added = register.element_add(
            session,
            &ServiceElementInput {
                kind,
                vendor,
                identifier,
                organisation_id: org,
                person_id: person,
                valid_from,
                valid_to,
            },
            &SystemClock,
        )?;
        ctx.out.print(&with_id(&added, "element_id"), |l| {
            format!(
                "{} {} {} {}, {} {} (id {})",
                pick(l, "Palveluelementti lisätty:", "Service element added:"),
                added.kind.name(),
                added.vendor,
                added.identifier,
                added.organisation_name,
                date_range(added.valid_from.as_deref(), added.valid_to.as_deref()),
                added.element_id
            )
        });
        Ok(())
    })
}
