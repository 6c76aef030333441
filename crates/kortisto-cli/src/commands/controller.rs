//! `kortisto controller`: the controller's details that the privacy notice and every access
//! extract give (name, Y-tunnus, address, contacts, the complaint authority).
use kortisto_core::notice::Controller;
use kortisto_core::{Result, SystemClock};

use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Show the controller's details in force.
    Show,
    /// Change some of the controller's details (admin); the others stay as they are.
    Set {
        /// The controller's name.
        #[arg(long)]
        name: Option<String>,
        /// Y-tunnus (business id), e.g. 0855050-9.
        #[arg(long)]
        business_id: Option<String>,
        /// Postal address.
        #[arg(long)]
        address: Option<String>,
        /// The data-protection contact (e-mail, phone).
        #[arg(long)]
        contact: Option<String>,
        /// The contact person responsible for the register.
        #[arg(long)]
        responsible: Option<String>,
        /// The supervisory authority a person may complain to.
        #[arg(long)]
        complaint_authority: Option<String>,
    },
}

fn text(c: &Controller, l: kortisto_core::Language) -> String {
    [
        (pick(l, "Nimi", "Name"), &c.name),
        (pick(l, "Y-tunnus", "Business id"), &c.business_id),
        (pick(l, "Osoite", "Address"), &c.address),
        (
            pick(l, "Tietosuojayhteys", "Data-protection contact"),
            &c.contact,
        ),
        (pick(l, "Yhteyshenkilö", "Contact person"), &c.responsible),
        (
            pick(l, "Valvontaviranomainen", "Supervisory authority"),
            &c.complaint_authority,
        ),
    ]
    .iter()
    .map(|(label, value)| format!("{label}: {value}"))
    .collect::<Vec<_>>()
    .join("\n")
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    ctx.as_user(|register, session| match command {
        Command::Show => {
            let controller = register.controller(session)?;
            ctx.out.print(&controller, |l| text(&controller, l));
            Ok(())
        }
        Command::Set {
            name,
            business_id,
            address,
            contact,
            responsible,
            complaint_authority,
        } => {
            let current = register.controller(session)?;
            let wanted = Controller {
                name: name.unwrap_or(current.name),
                business_id: business_id.unwrap_or(current.business_id),
                address: address.unwrap_or(current.address),
                contact: contact.unwrap_or(current.contact),
                responsible: responsible.unwrap_or(current.responsible),
                complaint_authority: complaint_authority.unwrap_or(current.complaint_authority),
            };
            let set = register.controller_set(session, &wanted, &SystemClock)?;
            ctx.out.print(&set, |l| {
                format!(
                    "{}\n{}",
                    pick(
                        l,
                        "Rekisterinpitäjän tiedot päivitetty:",
                        "Controller updated:"
                    ),
                    text(&set, l)
                )
            });
            Ok(())
        }
    })
}
