//! `kortisto org`: add customer organisations (companies, units, public bodies, associations,
//! sole traders), list them, and show an organisation's page.
use kortisto_core::organisations::{
    Organisation, OrganisationInput, OrganisationKind, OrganisationPage,
};
use kortisto_core::{Language, Result, SystemClock};

use super::person::describe_source;
use super::{all_with_id, date_range, finnish_date_opt, local_time, with_id, ListArgs};
use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add an organisation; prints its id.
    Add {
        /// Name.
        #[arg(long)]
        name: String,
        /// company, unit, public-body, association or sole-trader.
        #[arg(long, default_value = "company")]
        kind: String,
        /// Parent organisation's id (required for units).
        #[arg(long, value_name = "ID")]
        parent: Option<String>,
        /// Y-tunnus, e.g. 0855050-9 (the check digit is verified).
        #[arg(long, value_name = "1234567-8")]
        business_id: Option<String>,
        /// Customer since (27.11.2026 or 2026-11-27).
        #[arg(long, value_name = "DATE")]
        customer_since: Option<String>,
        /// Customer until.
        #[arg(long, value_name = "DATE")]
        customer_until: Option<String>,
    },
    /// List organisations in Finnish alphabetical order (all unless --offset/--limit).
    List(ListArgs),
    /// Show an organisation's page: units, people, contact data, deals, meetings, service
    /// elements and history (the view is audited).
    Show {
        /// The organisation's id.
        id: String,
    },
    /// Prospects a sales rep added from a business card that still lack their Y-tunnus,
    /// oldest first: complete them with `org edit ID --business-id …`.
    Prospects,
    /// Correct an organisation; fields not given are kept, every change goes to its history.
    /// Giving a prospect its Y-tunnus completes it.
    Edit {
        /// The organisation's id.
        id: String,
        /// New name.
        #[arg(long)]
        name: Option<String>,
        /// New Y-tunnus ("" clears it).
        #[arg(long, value_name = "1234567-8")]
        business_id: Option<String>,
        /// Customer since ("" clears it).
        #[arg(long, value_name = "DATE")]
        customer_since: Option<String>,
        /// Customer until ("" clears it).
        #[arg(long, value_name = "DATE")]
        customer_until: Option<String>,
    },
    /// Merge an organisation created by mistake into another (admin): its people, contact
    /// data, deals, meetings, service elements, units and legal holds move over, and it goes.
    Merge {
        /// The organisation to merge (it is removed).
        id: String,
        /// The organisation that takes its records.
        #[arg(long, value_name = "ID")]
        into: String,
    },
    /// Remove an organisation that nothing refers to (admin); refused, with what refers to
    /// it, otherwise (merge it instead).
    Remove {
        /// The organisation's id.
        id: String,
    },
}

/// "prospect, Y-tunnus missing" (or just "prospect") for a prospect; empty otherwise.
fn prospect_note(o: &Organisation, l: Language) -> Option<String> {
    match (o.prospect, &o.business_id) {
        (false, _) => None,
        (true, None) => Some(pick(
            l,
            "prospekti, Y-tunnus puuttuu",
            "prospect, Y-tunnus missing",
        )),
        (true, Some(_)) => Some(pick(l, "prospekti", "prospect")),
    }
}

fn line(o: &Organisation) -> String {
    format!(
        "{}\t{}\t{}\t{}",
        o.name,
        o.kind.name(),
        o.business_id.as_deref().unwrap_or(""),
        o.organisation_id
    )
}

fn page_text(l: Language, page: &OrganisationPage) -> String {
    let o = &page.organisation;
    let mut lines = vec![
        o.name.clone(),
        format!("id: {}", o.organisation_id),
        format!("{}: {}", pick(l, "Laji", "Kind"), o.kind.name()),
    ];
    if let Some(parent) = &o.parent_name {
        lines.push(format!(
            "{}: {parent}",
            pick(l, "Emo-organisaatio", "Parent")
        ));
    }
    if let Some(business_id) = &o.business_id {
        lines.push(format!("Y-tunnus: {business_id}"));
    }
    if let Some(note) = prospect_note(o, l) {
        lines.push(format!("⚠ {note}"));
    }
    if o.customer_since.is_some() || o.customer_until.is_some() {
        lines.push(format!(
            "{}: {}",
            pick(l, "Asiakkuus", "Customer"),
            date_range(o.customer_since.as_deref(), o.customer_until.as_deref())
        ));
    }
    let mut section = |title: String, items: Vec<String>| {
        if !items.is_empty() {
            lines.push(String::new());
            lines.push(title);
            lines.extend(items.into_iter().map(|i| format!("  {i}")));
        }
    };
    section(
        pick(l, "Yksiköt", "Units"),
        page.units.iter().map(line).collect(),
    );
    section(
        pick(l, "Henkilöt", "People"),
        page.positions
            .iter()
            .map(|p| {
                format!(
                    "{}\t{}\t{}",
                    p.person_name,
                    p.title,
                    date_range(p.start_on.as_deref(), p.end_on.as_deref())
                )
            })
            .collect(),
    );
    section(
        pick(l, "Yhteystiedot", "Contact data"),
        page.contacts
            .iter()
            .map(|c| {
                format!(
                    "{}: {}\t[{}]",
                    c.kind.name(),
                    c.display,
                    describe_source(&c.source)
                )
            })
            .collect(),
    );
    section(
        pick(l, "Kaupat", "Deals"),
        page.deals
            .iter()
            .map(|d| {
                format!(
                    "{}\t{}\t{}\t{}",
                    d.kind.name(),
                    d.status.name(),
                    d.title,
                    date_range(d.start_on.as_deref(), d.end_on.as_deref())
                )
            })
            .collect(),
    );
    section(
        pick(l, "Tapaamiset", "Meetings"),
        page.meetings
            .iter()
            .map(|m| format!("{}\t{}\t{}", local_time(&m.at), m.kind.name(), m.subject))
            .collect(),
    );
    section(
        pick(l, "Palveluelementit", "Service elements"),
        page.service_elements
            .iter()
            .map(|e| {
                format!(
                    "{}\t{}\t{}\t{}\t{}",
                    e.kind.name(),
                    e.vendor,
                    e.identifier,
                    e.person_name.as_deref().unwrap_or(""),
                    finnish_date_opt(e.valid_to.as_deref())
                )
            })
            .collect(),
    );
    section(
        pick(l, "Muutoshistoria", "History"),
        page.history
            .iter()
            .map(|h| {
                format!(
                    "{}\t{}\t{}",
                    local_time(&h.changed_at),
                    h.changed_by_name,
                    super::history_change(h, l)
                )
            })
            .collect(),
    );
    lines.join("\n")
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    let kind = match &command {
        Command::Add { kind, .. } => Some(OrganisationKind::parse(kind)?),
        _ => None,
    };
    let clock = SystemClock;
    ctx.as_user(|register, session| match command {
        Command::Add {
            name,
            parent,
            business_id,
            customer_since,
            customer_until,
            ..
        } => {
            let added = register.organisation_add(
                session,
                &OrganisationInput {
                    name,
                    kind,
                    parent_id: parent,
                    business_id,
                    customer_since,
                    customer_until,
                },
                &clock,
            )?;
            ctx.out.print(&with_id(&added, "organisation_id"), |l| {
                format!(
                    "{} {} (id {})",
                    pick(l, "Organisaatio lisätty:", "Organisation added:"),
                    added.name,
                    added.organisation_id
                )
            });
            Ok(())
        }
        Command::List(list) => {
            let all =
                list.collect(|offset, limit| register.organisation_list(session, offset, limit))?;
            ctx.out.print(&all_with_id(&all, "organisation_id"), |_| {
                all.iter().map(line).collect::<Vec<_>>().join("\n")
            });
            Ok(())
        }
        Command::Show { id } => {
            let page = register.organisation_page(session, &id, &clock)?;
            let mut json = serde_json::to_value(&page).expect("pages serialise");
            json["id"] = page.organisation.organisation_id.clone().into();
            ctx.out.print(&json, |l| page_text(l, &page));
            Ok(())
        }
        Command::Prospects => {
            let all = register.organisation_prospects(session)?;
            ctx.out.print(&all_with_id(&all, "organisation_id"), |l| {
                if all.is_empty() {
                    return pick(
                        l,
                        "Ei täydennettäviä prospekteja.",
                        "No prospects to complete.",
                    );
                }
                all.iter()
                    .map(|o| {
                        format!(
                            "{}\t{}\t{}",
                            o.name,
                            local_time(&o.created_at),
                            o.organisation_id
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
        Command::Edit {
            id,
            name,
            business_id,
            customer_since,
            customer_until,
        } => {
            let current = register
                .organisation_page(session, &id, &clock)?
                .organisation;
            let edited = register.organisation_edit(
                session,
                &id,
                &OrganisationInput {
                    name: name.unwrap_or(current.name),
                    kind: Some(current.kind),
                    parent_id: current.parent_id,
                    business_id: business_id.or(current.business_id),
                    customer_since: customer_since.or(current.customer_since),
                    customer_until: customer_until.or(current.customer_until),
                },
                &clock,
            )?;
            ctx.out.print(&with_id(&edited, "organisation_id"), |l| {
                let mut text = format!(
                    "{} {} (id {})",
                    pick(l, "Organisaatio päivitetty:", "Organisation updated:"),
                    edited.name,
                    edited.organisation_id
                );
                if let Some(note) = prospect_note(&edited, l) {
                    text.push_str(&format!(" — {note}"));
                }
                text
            });
            Ok(())
        }
        Command::Merge { id, into } => {
            let name = register
                .organisation_page(session, &id, &clock)?
                .organisation
                .name;
            let merged = register.organisation_merge(session, &id, &into, &clock)?;
            ctx.out.print(&with_id(&merged, "organisation_id"), |l| {
                format!(
                    "{} {name} → {} (id {})",
                    pick(l, "Organisaatiot yhdistetty:", "Organisations merged:"),
                    merged.name,
                    merged.organisation_id
                )
            });
            Ok(())
        }
        Command::Remove { id } => {
            let name = register
                .organisation_page(session, &id, &clock)?
                .organisation
                .name;
            register.organisation_remove(session, &id, &clock)?;
            ctx.out
                .print(&serde_json::json!({ "removed": id, "name": name }), |l| {
                    format!(
                        "{} {name}",
                        pick(l, "Organisaatio poistettu:", "Organisation removed:")
                    )
                });
            Ok(())
        }
    })
}
