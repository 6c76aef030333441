//! `kortisto person`: add people with their contact data and source, list them, show a
//! person's whole page, and correct their name.
use kortisto_core::people::{ContactInput, ContactKind, PersonInput, PersonPage, PersonSummary};
use kortisto_core::sources::{Source, SourceInput, SourceKind};
use kortisto_core::{Language, Result, SystemClock};

use super::{all_with_id, date_range, finnish_date, local_time, with_id, ListArgs};
use crate::context::Context;
use crate::output::pick;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add a person with optional e-mail and phone numbers, all citing one source; prints the
    /// new id.
    Add {
        /// Surname.
        #[arg(long)]
        surname: String,
        /// First name.
        #[arg(long)]
        first_name: String,
        /// Other first names.
        #[arg(long)]
        other_first_names: Option<String>,
        /// E-mail address.
        #[arg(long)]
        email: Option<String>,
        /// Phone number (any usual form; Finland by default).
        #[arg(long)]
        phone: Option<String>,
        /// Mobile number.
        #[arg(long)]
        mobile: Option<String>,
        #[command(flatten)]
        source: SourceArgs,
    },
    /// List people in Finnish alphabetical order (all of them unless --offset/--limit).
    List(ListArgs),
    /// Show a person's page: contact data with sources, positions, deals, meetings, service
    /// elements and history (the view is audited).
    Show {
        /// The person's id.
        id: String,
    },
    /// Correct a person's name; fields not given are kept, every change goes to the history.
    Edit {
        /// The person's id.
        id: String,
        /// New surname.
        #[arg(long)]
        surname: Option<String>,
        /// New first name.
        #[arg(long)]
        first_name: Option<String>,
        /// New other first names ("" clears them).
        #[arg(long)]
        other_first_names: Option<String>,
        /// The open data subject's request this correction answers (listed on the request).
        #[arg(long = "request", value_name = "REQUEST_ID")]
        request_id: Option<String>,
    },
    /// Who has seen a person: every user who opened, found (search), listed or exported
    /// them, and when, newest first (admin).
    SeenBy {
        /// The person's id.
        id: String,
        /// At most this many reads (1–10000); a number outside is refused, not quietly changed.
        #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u32).range(1..=10000))]
        limit: u32,
    },
}

/// Where data came from (R2), shared by `person add` and `contact add`.
#[derive(Debug, clap::Args)]
pub struct SourceArgs {
    /// Source: rfq-or-contract-document, business-card, email-or-social-media,
    /// customer-meeting, event, public-source, data-provider, portal-registration,
    /// self-service.
    #[arg(long = "source", value_name = "KIND")]
    pub source_kind: String,
    /// Which event, public source or data provider (required for those kinds).
    #[arg(long = "source-detail", value_name = "TEXT")]
    pub source_detail: Option<String>,
    /// When the data was obtained (27.11.2026 or 2026-11-27; default today).
    #[arg(long, value_name = "DATE")]
    pub obtained_on: Option<String>,
}

impl SourceArgs {
    /// Parses the kind (before any password is asked).
    pub fn parse(&self) -> Result<SourceInput> {
        Ok(SourceInput {
            kind: SourceKind::parse(&self.source_kind)?,
            detail: self.source_detail.clone(),
            obtained_on: self.obtained_on.clone(),
        })
    }
}

/// "business-card (Slush 2026), 27.11.2026, Maija Myyjä".
pub fn describe_source(source: &Source) -> String {
    let detail = source
        .detail
        .as_deref()
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    format!(
        "{}{detail}, {}, {}",
        source.kind.name(),
        finnish_date(&source.obtained_on),
        source.recorded_by_name
    )
}

fn summary_line(l: Language, p: &PersonSummary) -> String {
    let position = match (&p.title, &p.organisation_name) {
        (Some(title), Some(org)) => format!("{title}, {org}"),
        (title, org) => title.clone().or(org.clone()).unwrap_or_default(),
    };
    format!(
        "{} {}{}\t{position}\t{}",
        p.surname,
        p.first_name,
        restricted_mark(l, p.restricted),
        p.person_id
    )
}

/// ` [rajoitettu]` after the name of a person whose processing is restricted.
pub fn restricted_mark(l: Language, restricted: bool) -> String {
    if restricted {
        format!(" [{}]", pick(l, "rajoitettu", "restricted"))
    } else {
        String::new()
    }
}

/// The person page as text.
fn page_text(l: Language, page: &PersonPage) -> String {
    let p = &page.person;
    let mut lines = vec![
        format!(
            "{} {}{}",
            p.surname,
            p.first_name,
            p.other_first_names
                .as_deref()
                .map(|o| format!(" ({o})"))
                .unwrap_or_default()
        ),
        format!("id: {}", p.person_id),
        format!(
            "{}: {}",
            pick(l, "Lähde", "Source"),
            describe_source(&p.source)
        ),
    ];
    if let Some(r) = page.restrictions.iter().find(|r| r.lifted_at.is_none()) {
        lines.push(format!(
            "{} {} ({}): {}",
            pick(
                l,
                "KÄSITTELY RAJOITETTU alkaen",
                "PROCESSING RESTRICTED from"
            ),
            finnish_date(&r.from_on),
            r.until_on.as_deref().map_or_else(
                || pick(
                    l,
                    "kunnes ylläpitäjä purkaa",
                    "until an administrator lifts it"
                ),
                |d| format!(
                    "{} {}",
                    pick(l, "suunniteltu päättyminen", "planned end"),
                    finnish_date(d)
                )
            ),
            r.reason
        ));
    }
    for o in &page.objections {
        lines.push(format!(
            "{} {} ({}){}",
            pick(l, "Vastustanut:", "Objected to:"),
            o.purpose,
            finnish_date(&o.objected_on),
            o.reason
                .as_deref()
                .map(|r| format!(": {r}"))
                .unwrap_or_default()
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
        pick(l, "Yhteystiedot", "Contact data"),
        page.contacts
            .iter()
            .map(|c| {
                format!(
                    "{}{}: {}{}\t[{}]\tid {}",
                    c.kind.name(),
                    c.label
                        .as_deref()
                        .map(|x| format!(" ({x})"))
                        .unwrap_or_default(),
                    c.display,
                    if c.retired_at.is_some() {
                        pick(l, " (ei enää voimassa)", " (no longer valid)")
                    } else {
                        String::new()
                    },
                    describe_source(&c.source),
                    c.contact_id
                )
            })
            .collect(),
    );
    section(
        pick(l, "Tehtävät", "Positions"),
        page.positions
            .iter()
            .map(|ps| {
                format!(
                    "{}, {}\t{}\tid {}",
                    ps.title,
                    ps.organisation_name,
                    date_range(ps.start_on.as_deref(), ps.end_on.as_deref()),
                    ps.position_id
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
                    "{}\t{}\t{}\t{}\t{}",
                    d.kind.name(),
                    d.status.name(),
                    d.title,
                    d.organisation_name,
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
                    "{}\t{}\t{}\t{}",
                    e.kind.name(),
                    e.vendor,
                    e.identifier,
                    date_range(e.valid_from.as_deref(), e.valid_to.as_deref())
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
    let source = match &command {
        Command::Add { source, .. } => Some(source.parse()?),
        _ => None,
    };
    let clock = SystemClock;
    ctx.as_user(|register, session| match command {
        Command::Add {
            surname,
            first_name,
            other_first_names,
            email,
            phone,
            mobile,
            ..
        } => {
            let contacts: Vec<ContactInput> = [
                (ContactKind::Email, email),
                (ContactKind::Phone, phone),
                (ContactKind::Mobile, mobile),
            ]
            .into_iter()
            .filter_map(|(kind, value)| {
                value.map(|value| ContactInput {
                    kind,
                    value,
                    label: None,
                    social_kind: None,
                })
            })
            .collect();
            let person = register.person_add(
                session,
                &PersonInput {
                    surname,
                    first_name,
                    other_first_names,
                },
                &contacts,
                source.as_ref().expect("parsed above"),
                &clock,
            )?;
            ctx.out.print(&with_id(&person, "person_id"), |l| {
                format!(
                    "{} {} {} (id {})",
                    pick(l, "Henkilö lisätty:", "Person added:"),
                    person.surname,
                    person.first_name,
                    person.person_id
                )
            });
            Ok(())
        }
        Command::List(list) => {
            let people =
                list.collect(|offset, limit| register.person_list(session, offset, limit, &clock))?;
            ctx.out.print(&all_with_id(&people, "person_id"), |l| {
                people
                    .iter()
                    .map(|p| summary_line(l, p))
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
        Command::Show { id } => {
            let page = register.person_page(session, &id, &clock)?;
            let mut json = serde_json::to_value(&page).expect("pages serialise");
            json["id"] = page.person.person_id.clone().into();
            ctx.out.print(&json, |l| page_text(l, &page));
            Ok(())
        }
        Command::Edit {
            id,
            surname,
            first_name,
            other_first_names,
            request_id,
        } => {
            let current = register.person_page(session, &id, &clock)?.person;
            let edited = register.person_edit(
                session,
                &id,
                &PersonInput {
                    surname: surname.unwrap_or(current.surname),
                    first_name: first_name.unwrap_or(current.first_name),
                    other_first_names: other_first_names.or(current.other_first_names),
                },
                request_id.as_deref(),
                &clock,
            )?;
            ctx.out.print(&with_id(&edited, "person_id"), |l| {
                format!(
                    "{} {} {} (id {})",
                    pick(l, "Henkilö päivitetty:", "Person updated:"),
                    edited.surname,
                    edited.first_name,
                    edited.person_id
                )
            });
            Ok(())
        }
        Command::SeenBy { id, limit } => {
            let reads = register.person_seen_by(session, &id, limit, &clock)?;
            ctx.out.print(&reads, |l| seen_by_text(l, &reads));
            Ok(())
        }
    })
}

/// "Who has seen this person" as text: one read a line, newest first.
fn seen_by_text(language: Language, reads: &[kortisto_core::reads::PersonRead]) -> String {
    if reads.is_empty() {
        return pick(
            language,
            "Kukaan ei ole vielä nähnyt tätä henkilöä.",
            "Nobody has seen this person yet.",
        );
    }
    reads
        .iter()
        .map(|read| {
            let who = read
                .display_name
                .as_deref()
                .or(read.username.as_deref())
                .unwrap_or("?");
            let shown = if read.shown > 1 {
                match language {
                    Language::Fi => format!(" ({} henkilöä)", read.shown),
                    Language::En => format!(" ({} people)", read.shown),
                }
            } else {
                String::new()
            };
            let elsewhere = if read.this_device {
                String::new()
            } else {
                pick(language, " – toisella laitteella", " – on another device")
            };
            format!(
                "{}\t{}\t{}{}{}",
                super::local_time(&read.at),
                who,
                read.kind.words(language),
                shown,
                elsewhere
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}
