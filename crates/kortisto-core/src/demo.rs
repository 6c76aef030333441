//! The demo register: realistic, Finnish-looking synthetic data for trying the app and for
//! the benchmark — organisations of every kind (companies with valid Y-tunnus check digits,
//! their units, public bodies, associations, sole traders), people with Finnish names,
//! positions with history (people move between organisations), e-mail addresses, Finnish
//! phone numbers, deals of every kind and status, meetings with participants and service
//! elements, spread over six years up to a given date.
//!
//! Deterministic: the same seed, sizes and end date give byte-for-byte the same records, ids
//! included (ids are UUIDv7 built from the synthetic creation time and the seeded generator).
//!
//! All of it is written in **one transaction** with prepared statements (`store::bulk`), and
//! the search index rows are built by the same `search::index_person` /
//! `search::index_organisation` as everyday edits. One audit entry (`demo_fill`) records the
//! whole fill, never one per row. A fill that is interrupted — Ctrl-C, a crash, a full disk —
//! never commits, so the register is left exactly as it was (SQLite discards a write-ahead
//! log's uncommitted frames).
//!
//! It fills only a register without people, and only for an administrator.
use std::collections::HashSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use crate::audit::Audited;
use crate::auth::{Action, Session};
use crate::store::bulk;
use crate::{search, validate, Clock, Error, Register, Result};

/// How much to make.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    /// People.
    pub people: u32,
    /// Organisations (default: one per five people, at least three).
    pub organisations: Option<u32>,
    /// Meetings (default: ten per person).
    pub meetings: Option<u32>,
    /// The generator's seed.
    pub seed: u64,
    /// The last day of the six years of history (default: today).
    pub until: Option<NaiveDate>,
}

impl DemoOptions {
    /// Organisations to make.
    pub fn organisation_count(&self) -> u32 {
        self.organisations
            .unwrap_or((self.people / 5).max(3))
            .max(1)
    }

    /// Meetings to make.
    pub fn meeting_count(&self) -> u32 {
        self.meetings.unwrap_or(self.people.saturating_mul(10))
    }
}

/// What the fill made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct DemoSummary {
    /// People.
    pub people: u64,
    /// Organisations.
    pub organisations: u64,
    /// Positions.
    pub positions: u64,
    /// Contact data.
    pub contacts: u64,
    /// Deals.
    pub deals: u64,
    /// Meetings.
    pub meetings: u64,
    /// Service elements.
    pub service_elements: u64,
}

/// Where the fill is, for a progress display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoProgress {
    /// `organisations`, `people`, `deals`, `meetings`, `service_elements` or `commit`.
    pub stage: &'static str,
    /// Done in this stage.
    pub done: u64,
    /// In this stage in all.
    pub total: u64,
}

impl Register {
    /// Fills an empty register with synthetic data (admin only); see the module comment.
    /// `progress` is called about a hundred times per stage.
    pub fn demo_fill(
        &mut self,
        session: &Session,
        options: &DemoOptions,
        clock: &dyn Clock,
        progress: &mut dyn FnMut(DemoProgress),
    ) -> Result<DemoSummary> {
        self.authorize(session, Action::DemoFill)?;
        let today = clock.now().date_naive();
        let until = options.until.unwrap_or(today);
        if until > today {
            return Err(Error::DateInvalid {
                field: "until".into(),
            });
        }
        if options.people == 0 {
            return Err(Error::FieldInvalid {
                field: "people".into(),
                rule: "demo_people".into(),
            });
        }
        self.conn
            .set_prepared_statement_cache_capacity(bulk::STATEMENT_CACHE);
        // A bigger page cache for the fill: the indexes of a million meetings stay in memory.
        let cache_size: i64 = self
            .conn
            .pragma_query_value(None, "cache_size", |row| row.get(0))?;
        self.conn.pragma_update(None, "cache_size", -262_144)?;
        let summary = self.write(Some(session), Action::DemoFill, clock, |tx| {
            if bulk::people_count(tx)? > 0 {
                return Err(Error::FieldInvalid {
                    field: "people".into(),
                    rule: "register_not_empty".into(),
                });
            }
            let mut fill = Fill {
                conn: tx,
                rng: ChaCha8Rng::seed_from_u64(options.seed),
                user_id: &session.user_id,
                start: until - Duration::days(6 * 365),
                until,
                summary: DemoSummary::default(),
                business_ids: HashSet::new(),
                emails: HashSet::new(),
                organisations: Vec::new(),
                people: Vec::new(),
            };
            fill.organisations(options.organisation_count(), progress)?;
            fill.people(options.people, progress)?;
            fill.deals(progress)?;
            fill.meetings(options.meeting_count(), progress)?;
            fill.elements(progress)?;
            progress(DemoProgress {
                stage: "commit",
                done: 0,
                total: 1,
            });
            Ok((fill.summary, Audited::register()))
        })?;
        self.conn.pragma_update(None, "cache_size", cache_size)?;
        progress(DemoProgress {
            stage: "commit",
            done: 1,
            total: 1,
        });
        Ok(summary)
    }
}

struct Org {
    id: String,
    name: String,
    kind: &'static str,
    domain: String,
    people: Vec<usize>,
}

struct Person {
    id: String,
    /// Index of the current (or last) organisation.
    organisation: usize,
}

struct Fill<'a> {
    conn: &'a rusqlite::Connection,
    rng: ChaCha8Rng,
    user_id: &'a str,
    start: NaiveDate,
    until: NaiveDate,
    summary: DemoSummary,
    business_ids: HashSet<String>,
    emails: HashSet<String>,
    organisations: Vec<Org>,
    people: Vec<Person>,
}

/// Calls `progress` when `done` crosses another hundredth of `total`.
fn tick(progress: &mut dyn FnMut(DemoProgress), stage: &'static str, done: u64, total: u64) {
    let step = (total / 100).max(1);
    if done.is_multiple_of(step) || done == total {
        progress(DemoProgress { stage, done, total });
    }
}

impl Fill<'_> {
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        *items.choose(&mut self.rng).expect("non-empty list")
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.gen_bool(p)
    }

    /// A deterministic UUIDv7 at `at`.
    fn id(&mut self, at: DateTime<Utc>) -> String {
        let mut random = [0u8; 10];
        self.rng.fill(&mut random);
        uuid::Builder::from_unix_timestamp_millis(at.timestamp_millis() as u64, &random)
            .into_uuid()
            .to_string()
    }

    fn days(&self) -> i64 {
        (self.until - self.start).num_days()
    }

    /// The instant `index / count` of the way through the timeline, plus up to a step of
    /// jitter, so records come out in time order (and ids in index order).
    fn moment(&mut self, index: u64, count: u64) -> DateTime<Utc> {
        let span = (self.days() * 86_400) as f64;
        let step = span / count.max(1) as f64;
        let offset = index as f64 * step + self.rng.gen_range(0.0..step.max(1.0));
        let midnight = Utc.from_utc_datetime(&self.start.and_hms_opt(0, 0, 0).expect("midnight"));
        (midnight + Duration::seconds(offset.min(span - 1.0) as i64)).min(self.last_moment())
    }

    fn last_moment(&self) -> DateTime<Utc> {
        Utc.from_utc_datetime(&self.until.and_hms_opt(16, 0, 0).expect("afternoon"))
    }

    fn date_between(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        let days = (to - from).num_days().max(0);
        from + Duration::days(self.rng.gen_range(0..=days))
    }

    fn source(&mut self, at: DateTime<Utc>, for_organisation: bool) -> Result<String> {
        let (kind, detail) = if for_organisation {
            ("public-source", Some(self.pick(PUBLIC_SOURCES)))
        } else {
            match self.rng.gen_range(0..100) {
                0..=29 => ("business-card", None),
                30..=44 => ("email-or-social-media", None),
                45..=59 => ("customer-meeting", None),
                60..=71 => ("event", Some(self.pick(EVENTS))),
                72..=79 => ("rfq-or-contract-document", None),
                80..=85 => ("public-source", Some(self.pick(PUBLIC_SOURCES))),
                86..=92 => ("data-provider", Some(self.pick(DATA_PROVIDERS))),
                93..=96 => ("portal-registration", None),
                _ => ("self-service", None),
            }
        };
        let id = self.id(at);
        let obtained = at.date_naive() - Duration::days(self.rng.gen_range(0..30));
        bulk::source(
            self.conn,
            &id,
            kind,
            detail,
            &obtained.to_string(),
            self.user_id,
            &stamp(at),
        )?;
        Ok(id)
    }

    /// A Y-tunnus not yet used, with its check digit.
    fn business_id(&mut self) -> String {
        loop {
            let digits: u32 = self.rng.gen_range(100_000..3_400_000);
            let text = format!("{digits:07}");
            let sum: u32 = text
                .bytes()
                .zip([7u32, 9, 10, 5, 8, 4, 2])
                .map(|(b, w)| u32::from(b - b'0') * w)
                .sum();
            let check = match sum % 11 {
                0 => 0,
                1 => continue,
                r => 11 - r,
            };
            let id = format!("{text}-{check}");
            if self.business_ids.insert(id.clone()) {
                debug_assert!(validate::business_id(&id).is_ok());
                return id;
            }
        }
    }

    fn mobile(&mut self) -> String {
        loop {
            let prefix = self.pick(&["40", "41", "44", "45", "46", "50"]);
            let number = format!("+358{prefix}{:07}", self.rng.gen_range(0..10_000_000));
            if let Ok(phone) = validate::phone("mobile", &number) {
                return phone.e164;
            }
        }
    }

    fn landline(&mut self) -> String {
        loop {
            let area = self.pick(&["9", "2", "3", "5", "6", "8", "13", "14", "17", "19"]);
            let number = format!("+358{area}{:07}", self.rng.gen_range(1_000_000..10_000_000));
            if let Ok(phone) = validate::phone("phone", &number) {
                return phone.e164;
            }
        }
    }

    fn organisations(&mut self, count: u32, progress: &mut dyn FnMut(DemoProgress)) -> Result<()> {
        let total = u64::from(count);
        for index in 0..total {
            let at = self.moment(index, total);
            let parents: Vec<usize> = self
                .organisations
                .iter()
                .enumerate()
                .rev()
                .take(50)
                .filter(|(_, o)| matches!(o.kind, "company" | "public-body"))
                .map(|(i, _)| i)
                .collect();
            let roll = self.rng.gen_range(0..100);
            let kind = match roll {
                _ if index < 3 => "company",
                0..=59 => "company",
                60..=74 if !parents.is_empty() => "unit",
                60..=74 => "company",
                75..=82 => "public-body",
                83..=90 => "association",
                _ => "sole-trader",
            };
            let (name, parent, domain) = match kind {
                "unit" => {
                    let parent = self.pick(&parents);
                    let unit = self.pick(UNITS);
                    let p = &self.organisations[parent];
                    (
                        format!("{}, {unit}", p.name),
                        Some(parent),
                        p.domain.clone(),
                    )
                }
                "public-body" => {
                    let city = self.pick(CITY_GENITIVES);
                    let body = self.pick(PUBLIC_BODIES);
                    (
                        format!("{city} {body}"),
                        None,
                        domain_of(&format!("{city}{body}")),
                    )
                }
                "association" => {
                    let city = self.pick(CITY_GENITIVES);
                    let what = self.pick(ASSOCIATIONS);
                    (
                        format!("{city} {what} ry"),
                        None,
                        domain_of(&format!("{city}{what}")),
                    )
                }
                "sole-trader" => {
                    let first = self.pick(FIRST_NAMES);
                    let surname = self.pick(SURNAMES);
                    let trade = self.pick(TRADES);
                    (
                        format!("{trade} {first} {surname} Tmi"),
                        None,
                        domain_of(&format!("{trade}{surname}")),
                    )
                }
                _ => {
                    let a = self.pick(NAME_STARTS);
                    let b = self.pick(NAME_ENDS);
                    let form = self.pick(&["Oy", "Oy", "Oy", "Oy", "Oyj", "Ab", "Oy Ab"]);
                    let name = if self.chance(0.25) {
                        let city = self.pick(CITIES);
                        format!("{a}{b} {city} {form}")
                    } else {
                        format!("{a}{b} {form}")
                    };
                    (name.clone(), None, domain_of(&format!("{a}{b}")))
                }
            };
            let business_id = (kind != "unit").then(|| self.business_id());
            let since = self.date_between(self.start - Duration::days(3650), at.date_naive());
            let until = if self.chance(0.08) {
                Some(self.date_between(since, self.until))
            } else {
                None
            };
            let id = self.id(at);
            let parent_id = parent.map(|p| self.organisations[p].id.clone());
            bulk::organisation(
                self.conn,
                &id,
                &name,
                kind,
                parent_id.as_deref(),
                business_id.as_deref(),
                Some(&since.to_string()),
                until.map(|d| d.to_string()).as_deref(),
                &stamp(at),
            )?;
            let source = self.source(at, true)?;
            let (street, number) = (self.pick(STREETS), self.rng.gen_range(1..80));
            let (city, postcode) = self.pick(CITY_POSTCODES);
            let address = format!("{street} {number}, {postcode} {city}");
            self.contact(
                None,
                Some(&id),
                "address",
                Some("käyntiosoite"),
                &address,
                None,
                &source,
                at,
            )?;
            if kind != "unit" || self.chance(0.5) {
                let phone = self.landline();
                self.contact(
                    None,
                    Some(&id),
                    "phone",
                    Some("vaihde"),
                    &phone,
                    None,
                    &source,
                    at,
                )?;
            }
            search::index_organisation(self.conn, &id)?;
            self.organisations.push(Org {
                id,
                name,
                kind,
                domain,
                people: Vec::new(),
            });
            self.summary.organisations += 1;
            tick(progress, "organisations", index + 1, total);
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn contact(
        &mut self,
        person_id: Option<&str>,
        organisation_id: Option<&str>,
        kind: &str,
        label: Option<&str>,
        value: &str,
        social_kind: Option<&str>,
        source: &str,
        at: DateTime<Utc>,
    ) -> Result<()> {
        let id = self.id(at);
        bulk::contact(
            self.conn,
            &id,
            person_id,
            organisation_id,
            kind,
            label,
            value,
            social_kind,
            source,
            &stamp(at),
        )?;
        self.summary.contacts += 1;
        Ok(())
    }

    /// An organisation for someone to work at: big ones get more people, a sole trader only
    /// its owner.
    fn employer(&mut self) -> usize {
        let count = self.organisations.len();
        for _ in 0..8 {
            let u: f64 = self.rng.gen();
            let index = ((u * u * count as f64) as usize).min(count - 1);
            let org = &self.organisations[index];
            if org.kind != "sole-trader" || org.people.is_empty() {
                return index;
            }
        }
        self.rng.gen_range(0..count)
    }

    fn people(&mut self, count: u32, progress: &mut dyn FnMut(DemoProgress)) -> Result<()> {
        let total = u64::from(count);
        for index in 0..total {
            let at = self.moment(index, total);
            let surname = self.pick(SURNAMES);
            let first = self.pick(FIRST_NAMES);
            let other = if self.chance(0.4) {
                Some(self.pick(FIRST_NAMES))
            } else {
                None
            };
            let source = self.source(at, false)?;
            let id = self.id(at);
            bulk::person(self.conn, &id, surname, first, other, &source, &stamp(at))?;
            let organisation = self.employer();
            // Some moved here from another organisation; some have left their last one.
            let joined = self.date_between(self.start - Duration::days(3 * 365), at.date_naive());
            if self.chance(0.25) && self.organisations.len() > 1 {
                let previous = self.employer();
                if previous != organisation {
                    let began = joined - Duration::days(self.rng.gen_range(365..3650));
                    let title = self.title(previous);
                    self.position(&id, previous, title, Some(began), Some(joined), at)?;
                }
            }
            let left = if self.chance(0.06) {
                Some(self.date_between(joined, self.until))
            } else {
                None
            };
            let title = self.title(organisation);
            self.position(&id, organisation, title, Some(joined), left, at)?;
            self.organisations[organisation]
                .people
                .push(self.people.len());

            if self.chance(0.9) {
                let domain = if self.chance(0.9) {
                    self.organisations[organisation].domain.clone()
                } else {
                    self.pick(&["gmail.com", "outlook.com", "kolumbus.fi", "luukku.com"])
                        .to_string()
                };
                let local = format!("{}.{}", ascii(first), ascii(surname));
                let mut email = format!("{local}@{domain}");
                let mut n = 2;
                while !self.emails.insert(email.clone()) {
                    email = format!("{local}{n}@{domain}");
                    n += 1;
                }
                self.contact(
                    Some(&id),
                    None,
                    "email",
                    Some("työ"),
                    &email,
                    None,
                    &source,
                    at,
                )?;
            }
            if self.chance(0.8) {
                let mobile = self.mobile();
                self.contact(Some(&id), None, "mobile", None, &mobile, None, &source, at)?;
            }
            if self.chance(0.2) {
                let phone = self.landline();
                self.contact(
                    Some(&id),
                    None,
                    "phone",
                    Some("työ"),
                    &phone,
                    None,
                    &source,
                    at,
                )?;
            }
            if self.chance(0.1) {
                let handle = format!(
                    "https://www.linkedin.com/in/{}-{}-{}",
                    ascii(first),
                    ascii(surname),
                    self.rng.gen_range(100..999)
                );
                self.contact(
                    Some(&id),
                    None,
                    "social",
                    None,
                    &handle,
                    Some("LinkedIn"),
                    &source,
                    at,
                )?;
            }
            if self.chance(0.05) {
                let (street, number) = (self.pick(STREETS), self.rng.gen_range(1..80));
                let (city, postcode) = self.pick(CITY_POSTCODES);
                let address = format!("{street} {number}, {postcode} {city}");
                self.contact(
                    Some(&id),
                    None,
                    "address",
                    Some("toimipiste"),
                    &address,
                    None,
                    &source,
                    at,
                )?;
            }
            search::index_person(self.conn, &id)?;
            self.people.push(Person { id, organisation });
            self.summary.people += 1;
            tick(progress, "people", index + 1, total);
        }
        Ok(())
    }

    fn title(&mut self, organisation: usize) -> &'static str {
        match self.organisations[organisation].kind {
            "sole-trader" => "yrittäjä",
            "association" => self.pick(&[
                "puheenjohtaja",
                "sihteeri",
                "rahastonhoitaja",
                "toiminnanjohtaja",
            ]),
            _ => self.pick(TITLES),
        }
    }

    fn position(
        &mut self,
        person_id: &str,
        organisation: usize,
        title: &str,
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
        at: DateTime<Utc>,
    ) -> Result<()> {
        let id = self.id(at);
        let description = if self.chance(0.3) {
            Some(self.pick(DESCRIPTIONS))
        } else {
            None
        };
        let organisation_id = self.organisations[organisation].id.clone();
        bulk::position(
            self.conn,
            &id,
            person_id,
            &organisation_id,
            title,
            description,
            start.map(|d| d.to_string()).as_deref(),
            end.map(|d| d.to_string()).as_deref(),
            &stamp(at),
        )?;
        self.summary.positions += 1;
        Ok(())
    }

    /// Up to `max` people of an organisation (or anyone, if it has none).
    fn people_of(&mut self, organisation: usize, max: usize) -> Vec<usize> {
        let staff = &self.organisations[organisation].people;
        if staff.is_empty() {
            return vec![self.rng.gen_range(0..self.people.len())];
        }
        let wanted = self.rng.gen_range(1..=max.min(staff.len()));
        let staff = staff.clone();
        staff
            .choose_multiple(&mut self.rng, wanted)
            .copied()
            .collect()
    }

    fn deals(&mut self, progress: &mut dyn FnMut(DemoProgress)) -> Result<()> {
        let total = (self.organisations.len() as u64 * 2).max(6);
        for index in 0..total {
            let at = self.moment(index, total);
            // Every kind at least once, then a realistic mix.
            let kind = match index {
                0..=5 => DEAL_KINDS[index as usize],
                _ => self.pick(&DEAL_KINDS),
            };
            let mut status = match kind {
                "delivery-contract" | "service-contract" => {
                    self.pick(&["active", "active", "ended", "won", "cancelled"])
                }
                "offer" | "rfq" => self.pick(&["open", "won", "lost", "lost", "cancelled"]),
                "lead" => self.pick(&["open", "open", "won", "lost", "cancelled"]),
                _ => self.pick(&["open", "ended", "won"]),
            };
            let organisation = self.employer();
            let product = self.pick(PRODUCTS);
            let title = match kind {
                "delivery-contract" => format!("Toimitussopimus: {product}"),
                "service-contract" => format!("Palvelusopimus: {product}"),
                "offer" => format!("Tarjous: {product}"),
                "rfq" => format!("Tarjouspyyntö: {product}"),
                "lead" => format!("Liidi: {product}"),
                _ => format!("Tietopyyntö: {product}"),
            };
            let start = at.date_naive();
            let contract = matches!(kind, "delivery-contract" | "service-contract");
            let mut end = match (contract, status) {
                (true, _) => Some(start + Duration::days(self.rng.gen_range(180..4 * 365))),
                (false, "open") => None,
                (false, _) => Some(start + Duration::days(self.rng.gen_range(7..180))),
            };
            // What has not ended by the last day is still running.
            if end.is_some_and(|e| e > self.until) {
                match (contract, status) {
                    (true, "ended" | "cancelled") => status = "active",
                    (false, _) => {
                        status = "open";
                        end = None;
                    }
                    _ => {}
                }
            } else if contract && status == "active" {
                status = "ended";
            }
            let notes = if self.chance(0.3) {
                Some(self.pick(NOTES))
            } else {
                None
            };
            let people: Vec<String> = self
                .people_of(organisation, 3)
                .into_iter()
                .map(|p| self.people[p].id.clone())
                .collect();
            let people: Vec<&str> = people.iter().map(String::as_str).collect();
            let id = self.id(at);
            let organisation_id = self.organisations[organisation].id.clone();
            bulk::deal(
                self.conn,
                &id,
                kind,
                &organisation_id,
                &title,
                status,
                Some(&start.to_string()),
                end.map(|d| d.to_string()).as_deref(),
                notes,
                &people,
                &stamp(at),
            )?;
            self.summary.deals += 1;
            tick(progress, "deals", index + 1, total);
        }
        Ok(())
    }

    fn meetings(&mut self, count: u32, progress: &mut dyn FnMut(DemoProgress)) -> Result<()> {
        let total = u64::from(count);
        for index in 0..total {
            let day = self.moment(index, total).date_naive();
            // Working hours, Finnish time (UTC+2/+3), on weekdays.
            let day = match day.weekday().num_days_from_monday() {
                5 => day - Duration::days(1),
                6 => day - Duration::days(2),
                _ => day,
            };
            let hour = self.rng.gen_range(6..14);
            let minute = self.pick(&[0, 0, 15, 30, 30, 45]);
            let at = Utc
                .from_utc_datetime(&day.and_hms_opt(hour, minute, 0).expect("valid time"))
                .min(self.last_moment());
            let lead = self.rng.gen_range(0..self.people.len());
            let organisation = self.people[lead].organisation;
            let mut participants = vec![lead];
            for other in self.people_of(organisation, 2) {
                if !participants.contains(&other) {
                    participants.push(other);
                }
            }
            participants.truncate(self.rng.gen_range(1..=3));
            let kind = self.pick(&[
                "meeting",
                "call",
                "call",
                "email",
                "visit",
                "web-meeting",
                "web-meeting",
            ]);
            let subject = if self.chance(0.5) {
                format!("{} – {}", self.pick(SUBJECTS), self.pick(PRODUCTS))
            } else {
                self.pick(SUBJECTS).to_string()
            };
            let notes = if self.chance(0.4) {
                Some(self.pick(NOTES))
            } else {
                None
            };
            let participant_ids: Vec<&str> = participants
                .iter()
                .map(|&p| self.people[p].id.as_str())
                .collect();
            let participant_ids: Vec<String> =
                participant_ids.into_iter().map(str::to_string).collect();
            let participant_refs: Vec<&str> = participant_ids.iter().map(String::as_str).collect();
            let organisation_id = self.organisations[organisation].id.clone();
            let id = self.id(at);
            bulk::meeting(
                self.conn,
                &id,
                kind,
                &at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                &subject,
                notes,
                Some(&organisation_id),
                self.user_id,
                &participant_refs,
                &stamp(at),
            )?;
            self.summary.meetings += 1;
            tick(progress, "meetings", index + 1, total);
        }
        Ok(())
    }

    fn elements(&mut self, progress: &mut dyn FnMut(DemoProgress)) -> Result<()> {
        let total = (self.organisations.len() as u64 / 2).max(1);
        for index in 0..total {
            let at = self.moment(index, total);
            let kind = self.pick(&["licence", "device", "service"]);
            let vendor = self.pick(VENDORS);
            let identifier = match kind {
                "licence" => format!(
                    "LIC-{:04X}-{:04X}-{:04X}",
                    self.rng.gen::<u16>(),
                    self.rng.gen::<u16>(),
                    self.rng.gen::<u16>()
                ),
                "device" => format!("SN{:010}", self.rng.gen_range(0..10_000_000_000u64)),
                _ => format!("SVC-{}", self.rng.gen_range(10_000..99_999)),
            };
            let organisation = self.employer();
            let person = if self.chance(0.6) {
                let p = self.people_of(organisation, 1)[0];
                Some(self.people[p].id.clone())
            } else {
                None
            };
            let from = at.date_naive();
            let to = from + Duration::days(self.pick(&[365, 730, 1095]));
            let id = self.id(at);
            let organisation_id = self.organisations[organisation].id.clone();
            bulk::element(
                self.conn,
                &id,
                kind,
                vendor,
                &identifier,
                &organisation_id,
                person.as_deref(),
                Some(&from.to_string()),
                Some(&to.to_string()),
                &stamp(at),
            )?;
            self.summary.service_elements += 1;
            tick(progress, "service_elements", index + 1, total);
        }
        Ok(())
    }
}

fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// `Hämäläinen` → `hamalainen`, for e-mail addresses and handles.
fn ascii(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c.to_lowercase().next().unwrap_or(c) {
            'ä' | 'å' | 'á' => Some('a'),
            'ö' | 'ø' => Some('o'),
            'ü' => Some('u'),
            'é' => Some('e'),
            c if c.is_ascii_alphanumeric() => Some(c),
            '-' => Some('-'),
            _ => None,
        })
        .collect()
}

fn domain_of(name: &str) -> String {
    let mut slug = ascii(name).replace('-', "");
    slug.truncate(24);
    format!("{slug}.fi")
}

const DEAL_KINDS: [&str; 6] = [
    "delivery-contract",
    "service-contract",
    "offer",
    "rfq",
    "lead",
    "info-request",
];

const FIRST_NAMES: &[&str] = &[
    "Aino", "Eino", "Väinö", "Mikko", "Matti", "Jukka", "Timo", "Pekka", "Juha", "Antti", "Sari",
    "Päivi", "Tiina", "Anne", "Minna", "Tuula", "Riitta", "Leena", "Hannu", "Jari", "Kimmo", "Ari",
    "Markku", "Seppo", "Heikki", "Eeva", "Kaisa", "Elina", "Johanna", "Helmi", "Aleksi", "Eetu",
    "Onni", "Ilmari", "Sofia", "Ella", "Venla", "Iida", "Emilia", "Noora", "Jyrki", "Sinikka",
    "Marjatta", "Tapani", "Kyösti", "Kerttu", "Sisko", "Åsa", "Björn", "Mervi", "Satu", "Pirjo",
    "Outi", "Lauri", "Ville", "Janne", "Tuomas", "Otto", "Veeti", "Siiri", "Aada", "Lotta",
    "Henrik", "Mårten", "Jönssi",
];

const SURNAMES: &[&str] = &[
    "Virtanen",
    "Korhonen",
    "Mäkinen",
    "Nieminen",
    "Mäkelä",
    "Hämäläinen",
    "Laine",
    "Heikkinen",
    "Koskinen",
    "Järvinen",
    "Lehtonen",
    "Lehtinen",
    "Saarinen",
    "Salminen",
    "Heinonen",
    "Niemi",
    "Heikkilä",
    "Kinnunen",
    "Salonen",
    "Turunen",
    "Salo",
    "Laitinen",
    "Tuominen",
    "Rantanen",
    "Karjalainen",
    "Jokinen",
    "Mattila",
    "Savolainen",
    "Lahtinen",
    "Ahonen",
    "Pöllänen",
    "Öhman",
    "Åberg",
    "Kärkkäinen",
    "Hyvönen",
    "Räsänen",
    "Väisänen",
    "Lindström",
    "Söderberg",
    "Kääriäinen",
    "Kettunen",
    "Leinonen",
    "Miettinen",
    "Pitkänen",
    "Anttila",
    "Hiltunen",
    "Kallio",
    "Peltonen",
    "Ylönen",
    "Ääritalo",
    "Björklund",
    "Nyström",
    "Östman",
    "Huttunen",
    "Manninen",
    "Seppälä",
    "Vainio",
    "Lindqvist",
    "Häkkinen",
    "Mäenpää",
];

const NAME_STARTS: &[&str] = &[
    "Pohjolan ",
    "Saimaan ",
    "Lapin ",
    "Kaakon ",
    "Hämeen ",
    "Järvi",
    "Meri",
    "Metsä",
    "Kivi",
    "Tieto",
    "Sähkö",
    "Rakennus",
    "Kone",
    "Valo",
    "Aalto",
    "Koski",
    "Tunturi",
    "Kallio",
    "Revon",
    "Karhu",
    "Ilves",
    "Kuusi",
    "Suomen ",
    "Nordic ",
    "Arktinen ",
    "Vaahtera",
    "Routa",
    "Halla",
    "Pilvi",
    "Terä",
    "Mänty",
    "Kaira",
    "Väylä",
    "Sarastus",
    "Lähde",
];

const NAME_ENDS: &[&str] = &[
    "tekniikka",
    "palvelu",
    "logistiikka",
    "data",
    "konsultointi",
    "automaatio",
    "energia",
    "rakenne",
    "metalli",
    "puu",
    "kuljetus",
    "systeemit",
    "ratkaisut",
    "työ",
    "valvonta",
    "kiinteistöt",
    "vesi",
    "verkot",
    "mekaniikka",
    "muovi",
    "lasi",
    "paino",
    "media",
    "kauppa",
];

const CITIES: &[&str] = &[
    "Helsinki",
    "Espoo",
    "Tampere",
    "Vantaa",
    "Oulu",
    "Turku",
    "Jyväskylä",
    "Lahti",
    "Kuopio",
    "Pori",
    "Joensuu",
    "Lappeenranta",
    "Hämeenlinna",
    "Vaasa",
    "Seinäjoki",
    "Rovaniemi",
];

const CITY_GENITIVES: &[&str] = &[
    "Helsingin",
    "Espoon",
    "Tampereen",
    "Vantaan",
    "Oulun",
    "Turun",
    "Jyväskylän",
    "Lahden",
    "Kuopion",
    "Porin",
    "Joensuun",
    "Lappeenrannan",
    "Hämeenlinnan",
    "Vaasan",
    "Seinäjoen",
    "Rovaniemen",
    "Mikkelin",
    "Kotkan",
    "Salon",
    "Porvoon",
    "Kouvolan",
    "Kokkolan",
    "Hyvinkään",
    "Järvenpään",
    "Rauman",
    "Kajaanin",
    "Savonlinnan",
    "Äänekosken",
];

const CITY_POSTCODES: &[(&str, &str)] = &[
    ("Helsinki", "00100"),
    ("Helsinki", "00520"),
    ("Espoo", "02150"),
    ("Tampere", "33100"),
    ("Tampere", "33720"),
    ("Vantaa", "01510"),
    ("Oulu", "90100"),
    ("Turku", "20100"),
    ("Jyväskylä", "40100"),
    ("Lahti", "15110"),
    ("Kuopio", "70100"),
    ("Pori", "28100"),
    ("Joensuu", "80100"),
    ("Vaasa", "65100"),
    ("Seinäjoki", "60100"),
    ("Rovaniemi", "96100"),
    ("Hämeenlinna", "13100"),
    ("Äänekoski", "44100"),
];

const STREETS: &[&str] = &[
    "Hämeenkatu",
    "Mannerheimintie",
    "Aleksanterinkatu",
    "Kauppakatu",
    "Satamakatu",
    "Teollisuuskatu",
    "Rautatienkatu",
    "Yliopistonkatu",
    "Pyynikintie",
    "Itsenäisyydenkatu",
    "Väinönkatu",
    "Köydenpunojankatu",
    "Sähkötie",
    "Konepajankuja",
    "Myllykatu",
    "Tehtaankatu",
];

const PUBLIC_BODIES: &[&str] = &[
    "kaupunki",
    "kaupungin tilakeskus",
    "kaupungin tietohallinto",
    "seudun koulutuskuntayhtymä",
    "seurakuntayhtymä",
    "seudun jätehuolto",
];

const ASSOCIATIONS: &[&str] = &[
    "Yrittäjät",
    "Urheiluseura",
    "Kotiseutuyhdistys",
    "Teknillinen seura",
    "Kauppiasyhdistys",
    "Golfseura",
];

const TRADES: &[&str] = &[
    "Rakennuspalvelu",
    "Sähköasennus",
    "Kirjanpitopalvelu",
    "Kuljetus",
    "Puutyö",
    "Konsultointi",
    "Siivouspalvelu",
];

const UNITS: &[&str] = &[
    "Tampereen toimipiste",
    "Oulun yksikkö",
    "Talousosasto",
    "IT-palvelut",
    "Hankinnat",
    "Asiakaspalvelu",
    "Tuotanto",
    "Huoltopalvelut",
];

const TITLES: &[&str] = &[
    "toimitusjohtaja",
    "talousjohtaja",
    "IT-päällikkö",
    "hankintapäällikkö",
    "myyntipäällikkö",
    "projektipäällikkö",
    "asiantuntija",
    "kehityspäällikkö",
    "tuotantopäällikkö",
    "huoltoinsinööri",
    "controller",
    "HR-päällikkö",
    "assistentti",
    "tietohallintojohtaja",
    "kiinteistöpäällikkö",
    "ostaja",
];

const DESCRIPTIONS: &[&str] = &[
    "Vastaa hankinnoista ja toimittajasopimuksista.",
    "Tekninen yhteyshenkilö.",
    "Päättää budjetista.",
    "Käyttäjien pääkäyttäjä.",
    "Laskutusyhteyshenkilö.",
];

const PRODUCTS: &[&str] = &[
    "palvelinympäristö",
    "verkkokauppa",
    "kunnossapito",
    "tietoturva-auditointi",
    "pilvisiirto",
    "varastojärjestelmä",
    "kulunvalvonta",
    "asiakasportaali",
    "ERP-integraatio",
    "valaistusremontti",
    "konesaliratkaisu",
    "työasemat",
    "lähiverkko",
    "varmuuskopiointi",
];

const SUBJECTS: &[&str] = &[
    "Vuosipalaveri",
    "Tarjouksen läpikäynti",
    "Aloituspalaveri",
    "Huoltokatko",
    "Tilannekatsaus",
    "Sopimusneuvottelu",
    "Tuote-esittely",
    "Reklamaation käsittely",
    "Koulutustarve",
    "Budjettikeskustelu",
    "Jatkosopimus",
];

const NOTES: &[&str] = &[
    "Sovittiin jatkopalaverista.",
    "Asiakas pyysi päivitetyn tarjouksen.",
    "Lähetetään materiaalit sähköpostilla.",
    "Päätös tehdään ensi kuussa.",
    "Tyytyväinen nykyiseen palveluun.",
    "Yhteyshenkilö vaihtuu syksyllä.",
    "Budjetti vahvistuu vuodenvaihteessa.",
];

const EVENTS: &[&str] = &[
    "Slush",
    "FinnBuild",
    "Alihankinta Tampere",
    "Teknologia-messut",
    "Kuntamarkkinat",
    "Asiakasseminaari",
];

const PUBLIC_SOURCES: &[&str] = &["YTJ", "Yrityksen verkkosivut", "Kaupparekisteri"];

const DATA_PROVIDERS: &[&str] = &["Fonecta", "Asiakastieto", "Vainu"];

const VENDORS: &[&str] = &[
    "Microsoft",
    "Adobe",
    "Cisco",
    "Visma",
    "Fortinet",
    "HP",
    "Lenovo",
    "Elisa",
    "Telia",
    "DNA",
    "Autodesk",
    "Atlassian",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_to_ascii_for_addresses() {
        assert_eq!(ascii("Hämäläinen"), "hamalainen");
        assert_eq!(ascii("Åberg"), "aberg");
        assert_eq!(domain_of("Pohjolan tekniikka"), "pohjolantekniikka.fi");
    }
}
