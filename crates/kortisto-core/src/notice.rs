//! The privacy notice (tietosuojaseloste), generated from the register's own data: the
//! controller, the purposes and their bases, the data model's categories, the source kinds,
//! processors and transfers, the retention rules, the security the software gives and the
//! rights — in Finnish and English, as Markdown, HTML and PDF, each published version kept.
//! The subject-access extract and the record of processing take their facts from here, so
//! the software and the notice say the same thing.
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::audit::Audited;
use crate::auth::{Action, Session};
use crate::deals::DealKind;
use crate::disclosures::{LegalBasis, Processor, Transfer};
use crate::meetings::{MeetingKind, ServiceElementKind};
use crate::output_file;
use crate::pdf::{self, Block};
use crate::people::ContactKind;
use crate::purposes::Purpose;
use crate::retention::RetentionRule;
use crate::sources::SourceKind;
use crate::{store, validate, Clock, Language, Register, Result};

/// A text in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Text {
    /// Suomeksi.
    pub fi: &'static str,
    /// In English.
    pub en: &'static str,
}

impl Text {
    /// The text in `language`.
    pub fn get(self, language: Language) -> &'static str {
        match language {
            Language::Fi => self.fi,
            Language::En => self.en,
        }
    }
}

/// The controller (notice §1), as an administrator keeps it in the settings (`controller
/// show` / `controller set`, the Settings screen); every extract prints what is set now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Controller {
    /// Name.
    pub name: String,
    /// Postal address.
    pub address: String,
    /// Y-tunnus.
    pub business_id: String,
    /// The data-protection contact (e-mail, phone).
    pub contact: String,
    /// The contact person responsible for the register.
    pub responsible: String,
    /// The supervisory authority a person may complain to (Art. 77).
    pub complaint_authority: String,
}

/// The setting the controller is kept under (JSON); synced like every shared setting.
const CONTROLLER_SETTING: &str = "controller";

/// The controller of the 2018 notice: what a register holds until an administrator sets its
/// own.
pub fn default_controller() -> Controller {
    Controller {
        name: "Sofor Oy".into(),
        address: "PL 51, Takakaarre 3, 62201 Kauhava".into(),
        business_id: "0855050-9".into(),
        contact: "gdpr@sofor.fi, +358 10 235 90".into(),
        responsible: "Jukka-Pekka Sorvisto".into(),
        complaint_authority: "Tietosuojavaltuutetun toimisto (Office of the Data Protection Ombudsman), tietosuoja.fi, PL 800, 00531 Helsinki, tietosuoja@om.fi".into(),
    }
}

/// The controller in force in this register.
pub(crate) fn controller_of(conn: &rusqlite::Connection) -> Result<Controller> {
    Ok(store::users::setting(conn, CONTROLLER_SETTING)?
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_else(default_controller))
}

/// Where to complain (Art. 77), naming the authority the controller set.
pub(crate) fn complaint(controller: &Controller, language: Language) -> String {
    match language {
        Language::Fi => format!(
            "Sinulla on oikeus tehdä valitus valvontaviranomaiselle: {}.",
            controller.complaint_authority
        ),
        Language::En => format!(
            "You have the right to lodge a complaint with a supervisory authority: {}.",
            controller.complaint_authority
        ),
    }
}

impl Register {
    /// The controller's details as the notice and every extract give them (any role).
    pub fn controller(&self, session: &Session) -> Result<Controller> {
        self.authorize(session, Action::SettingsRead)?;
        controller_of(&self.conn)
    }

    /// Sets the controller's details (admin); each is required, the Y-tunnus is checked.
    pub fn controller_set(
        &mut self,
        session: &Session,
        input: &Controller,
        clock: &dyn Clock,
    ) -> Result<Controller> {
        self.write(Some(session), Action::SettingsChange, clock, |tx| {
            let checked = Controller {
                name: validate::required("name", &input.name, 200)?,
                address: validate::required("address", &input.address, 300)?,
                business_id: validate::business_id(&input.business_id)?,
                contact: validate::required("contact", &input.contact, 300)?,
                responsible: validate::required("responsible", &input.responsible, 200)?,
                complaint_authority: validate::required(
                    "complaint_authority",
                    &input.complaint_authority,
                    400,
                )?,
            };
            let json = serde_json::to_string(&checked)
                .map_err(|e| crate::Error::Storage(e.to_string()))?;
            store::users::set_setting(tx, CONTROLLER_SETTING, &json)?;
            Ok((checked, Audited::record("setting", CONTROLLER_SETTING)))
        })
    }
}

/// The person's rights (notice §10).
pub const RIGHTS: &[Text] = &[
    Text {
        fi: "Oikeus saada pääsy tietoihin (15 art.)",
        en: "Right of access (Art. 15)",
    },
    Text {
        fi: "Oikeus tietojen oikaisemiseen (16 art.)",
        en: "Right to rectification (Art. 16)",
    },
    Text {
        fi: "Oikeus tietojen poistamiseen (17 art.)",
        en: "Right to erasure (Art. 17)",
    },
    Text {
        fi: "Oikeus käsittelyn rajoittamiseen (18 art.)",
        en: "Right to restriction of processing (Art. 18)",
    },
    Text {
        fi: "Oikeus vastustaa käsittelyä (21 art.)",
        en: "Right to object (Art. 21)",
    },
    Text {
        fi: "Oikeus peruuttaa suostumus milloin tahansa (7 art. 3 kohta)",
        en: "Right to withdraw consent at any time (Art. 7(3))",
    },
];

/// Where the data is stored.
pub const STORAGE: Text = Text {
    fi: "Tiedot säilytetään EU:ssa salattuna. Siirrot EU:n/ETA:n ulkopuolelle on lueteltu alla perusteineen.",
    en: "The data is stored encrypted in the EU. Transfers outside the EU/EEA are listed below with their basis.",
};

fn pick(language: Language, fi: &str, en: &str) -> String {
    match language {
        Language::Fi => fi.to_string(),
        Language::En => en.to_string(),
    }
}

fn contact_kind_words(kind: ContactKind, language: Language) -> &'static str {
    let fi = language == Language::Fi;
    match (kind, fi) {
        (ContactKind::Address, true) => "osoitteet",
        (ContactKind::Address, false) => "addresses",
        (ContactKind::Phone, true) => "puhelinnumerot",
        (ContactKind::Phone, false) => "phone numbers",
        (ContactKind::Mobile, true) => "matkapuhelinnumerot",
        (ContactKind::Mobile, false) => "mobile numbers",
        (ContactKind::Email, true) => "sähköpostiosoitteet",
        (ContactKind::Email, false) => "e-mail addresses",
        (ContactKind::Social, true) => "sosiaalisen median yhteystiedot",
        (ContactKind::Social, false) => "social-media contacts",
    }
}

fn deal_kind_words(kind: DealKind, language: Language) -> &'static str {
    let fi = language == Language::Fi;
    match (kind, fi) {
        (DealKind::DeliveryContract, true) => "toimitussopimukset",
        (DealKind::DeliveryContract, false) => "delivery contracts",
        (DealKind::ServiceContract, true) => "palvelusopimukset",
        (DealKind::ServiceContract, false) => "service contracts",
        (DealKind::Offer, true) => "tarjoukset",
        (DealKind::Offer, false) => "offers",
        (DealKind::Rfq, true) => "tarjouspyynnöt",
        (DealKind::Rfq, false) => "requests for quotation",
        (DealKind::Lead, true) => "liidit",
        (DealKind::Lead, false) => "leads",
        (DealKind::InfoRequest, true) => "tietopyynnöt",
        (DealKind::InfoRequest, false) => "information requests",
    }
}

fn meeting_kind_words(kind: MeetingKind, language: Language) -> &'static str {
    let fi = language == Language::Fi;
    match (kind, fi) {
        (MeetingKind::Meeting, true) => "asiakastapaamiset",
        (MeetingKind::Meeting, false) => "customer meetings",
        (MeetingKind::Call, true) => "puhelut",
        (MeetingKind::Call, false) => "calls",
        (MeetingKind::Email, true) => "sähköpostit",
        (MeetingKind::Email, false) => "e-mails",
        (MeetingKind::Visit, true) => "käynnit",
        (MeetingKind::Visit, false) => "visits",
        (MeetingKind::WebMeeting, true) => "verkkokokoukset",
        (MeetingKind::WebMeeting, false) => "web meetings",
    }
}

fn element_kind_words(kind: ServiceElementKind, language: Language) -> &'static str {
    let fi = language == Language::Fi;
    match (kind, fi) {
        (ServiceElementKind::Licence, true) => "lisenssit",
        (ServiceElementKind::Licence, false) => "licences",
        (ServiceElementKind::Device, true) => "laitteet",
        (ServiceElementKind::Device, false) => "devices",
        (ServiceElementKind::Service, true) => "palvelut",
        (ServiceElementKind::Service, false) => "services",
    }
}

fn joined<T: Copy>(
    all: &[T],
    words: fn(T, Language) -> &'static str,
    language: Language,
) -> String {
    all.iter()
        .map(|k| words(*k, language))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The categories of personal data the register holds (notice §4), from the data model:
/// each kind of contact datum, deal, contact and service element the software stores.
pub fn categories(language: Language) -> Vec<String> {
    let l = language;
    vec![
        pick(l, "Nimet: sukunimi, etunimi ja muut etunimet", "Names: surname, first name and other first names"),
        pick(l, "Asiakasorganisaatio (yritys, yksikkö, julkisyhteisö, yhdistys tai toiminimi), tehtävä ja toimenkuva sekä niiden alkamis- ja päättymispäivät", "Customer organisation (company, unit, public body, association or sole trader), title and job description with their start and end dates"),
        format!("{}: {}", pick(l, "Yhteystiedot", "Contact data"), joined(ContactKind::ALL, contact_kind_words, l)),
        format!("{}: {}", pick(l, "Kaupat ja sopimukset", "Deals and contracts"), joined(DealKind::ALL, deal_kind_words, l)),
        format!("{}: {}", pick(l, "Yhteydenpidon ajankohdat ja aiheet", "Times and subjects of contacts"), joined(MeetingKind::ALL, meeting_kind_words, l)),
        format!("{}: {}", pick(l, "Ratkaisuihin rekisteröidyt kolmansien osapuolten palveluelementit", "Third-party service elements registered to solutions"), joined(ServiceElementKind::ALL, element_kind_words, l)),
        pick(l, "Suostumukset ja niiden peruutukset, vastustukset ja käsittelyn rajoitukset", "Consents and their withdrawals, objections and restrictions of processing"),
        pick(l, "Tietopyynnöt ja niihin vastaaminen, tietojen muutoshistoria", "Requests and how they were answered, the history of changes to the data"),
        pick(l, "Kunkin tiedon lähde ja saantipäivä sekä tietojen luovutukset", "Each datum's source and the day it was obtained, and disclosures of the data"),
    ]
}

/// One numbered section of the notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct NoticeSection {
    /// The heading, numbered as in the 2018 notice (`1 Rekisterinpitäjä`).
    pub heading: String,
    /// Paragraphs, one line each.
    pub paragraphs: Vec<String>,
    /// List items, one line each.
    pub items: Vec<String>,
}

/// The privacy notice as generated from the register now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct NoticeDocument {
    /// Its language.
    pub language: Language,
    /// The title.
    pub title: String,
    /// The sections in order.
    pub sections: Vec<NoticeSection>,
}

fn section(heading: String, paragraphs: Vec<String>, items: Vec<String>) -> NoticeSection {
    NoticeSection {
        heading,
        paragraphs,
        items,
    }
}

fn transfer_basis_words(basis: LegalBasis, language: Language) -> &'static str {
    let fi = language == Language::Fi;
    match (basis, fi) {
        (LegalBasis::AdequacyDecision, true) => "tietosuojan riittävyyttä koskeva päätös (45 art.)",
        (LegalBasis::AdequacyDecision, false) => "adequacy decision (Art. 45)",
        (LegalBasis::StandardContractualClauses, true) => "vakiolausekkeet (46 art. 2 c)",
        (LegalBasis::StandardContractualClauses, false) => {
            "standard contractual clauses (Art. 46(2)(c))"
        }
        (LegalBasis::BindingCorporateRules, true) => "yritystä koskevat sitovat säännöt (47 art.)",
        (LegalBasis::BindingCorporateRules, false) => "binding corporate rules (Art. 47)",
        (LegalBasis::Derogation, true) => "poikkeus (49 art.)",
        (LegalBasis::Derogation, false) => "derogation (Art. 49)",
        (LegalBasis::PrivacyShield, true) => {
            "EU–US Privacy Shield (ei enää kelpaa, peruste uusitaan)"
        }
        (LegalBasis::PrivacyShield, false) => {
            "EU–US Privacy Shield (no longer valid, the basis is being replaced)"
        }
    }
}

/// What the notice and the record of processing are made of: the register's data now.
pub(crate) struct NoticeFacts {
    pub(crate) controller: Controller,
    pub(crate) purposes: Vec<Purpose>,
    pub(crate) rules: Vec<RetentionRule>,
    pub(crate) processors: Vec<Processor>,
    pub(crate) transfers: Vec<Transfer>,
    pub(crate) synced: bool,
}

impl NoticeFacts {
    pub(crate) fn read(conn: &rusqlite::Connection) -> Result<Self> {
        Ok(Self {
            controller: controller_of(conn)?,
            purposes: store::purposes::purposes(conn)?,
            rules: store::retention::rules(conn)?,
            processors: store::disclosures::processors(conn)?
                .into_iter()
                .filter(|p| p.ended_on.is_none())
                .collect(),
            transfers: store::disclosures::transfers(conn)?
                .into_iter()
                .filter(|t| t.ended_on.is_none())
                .collect(),
            synced: store::sync::is_set_up(conn)?,
        })
    }

    fn months(&self, rule: &str) -> u32 {
        self.rules
            .iter()
            .find(|r| r.rule_id == rule)
            .map(|r| r.months)
            .unwrap_or(0)
    }

    /// The purposes with their bases, one line each.
    pub(crate) fn purpose_lines(&self, l: Language) -> Vec<String> {
        self.purposes
            .iter()
            .map(|p| format!("{} — {}", p.name(l), p.bases_text(l)))
            .collect()
    }

    /// The processors, one line each.
    pub(crate) fn processor_lines(&self, l: Language) -> Vec<String> {
        self.processors
            .iter()
            .map(|p| {
                format!(
                    "{} — {} ({}; {}: {})",
                    p.name,
                    p.service,
                    p.purpose,
                    pick(l, "käsittelypaikka", "processed in"),
                    p.processing_location
                )
            })
            .collect()
    }

    /// The transfers outside the EU/EEA with their bases, one line each.
    pub(crate) fn transfer_lines(&self, l: Language) -> Vec<String> {
        self.transfers
            .iter()
            .map(|t| {
                format!(
                    "{} → {}: {}, {} ({} {})",
                    t.processor_name,
                    t.country,
                    transfer_basis_words(t.legal_basis, l),
                    t.basis_detail,
                    pick(l, "alkaen", "since"),
                    finnish_or_iso(&t.since_on, l)
                )
            })
            .collect()
    }

    /// The retention periods, one line each, from the rules in force.
    pub(crate) fn retention_lines(&self, l: Language) -> Vec<String> {
        let reference = |rule: &str| {
            self.rules
                .iter()
                .find(|r| r.rule_id == rule)
                .map(|r| match l {
                    Language::Fi => r.reference_fi.clone(),
                    Language::En => r.reference_en.clone(),
                })
                .unwrap_or_default()
        };
        let no_ties = self.months("no-ties");
        let after = self.months("contract-or-consent");
        let web = self.months("web-analytics");
        vec![
            match l {
                Language::Fi => format!("Henkilön tiedot poistetaan automaattisesti, kun hänellä ei ole ollut sopimusta, avointa kauppaa, voimassa olevaa suostumusta, tehtävää asiakasorganisaatiossa eikä tapaamista viimeisten {no_ties} kuukauden aikana ({}).", reference("no-ties")),
                Language::En => format!("A person's data is erased automatically when they have had no contract, open deal, consent in force, position at a customer organisation or meeting during the last {no_ties} months ({}).", reference("no-ties")),
            },
            match l {
                Language::Fi => format!("Sopimuksen tai suostumuksen perusteella käsiteltäviä tietoja säilytetään sen voimassaolon ajan ja {after} kuukautta sen päättymisen jälkeen mahdollisten valitusten ja korjauspyyntöjen käsittelemiseksi ({}).", reference("contract-or-consent")),
                Language::En => format!("Data processed on a contract or consent is kept while it is in force and {after} months after it ends, to handle complaints and corrections ({}).", reference("contract-or-consent")),
            },
            match l {
                Language::Fi => format!("Verkkosivujen kävijäanalytiikkatietoa säilytetään {web} kuukautta ({}).", reference("web-analytics")),
                Language::En => format!("Website visitor analytics is kept for {web} months ({}).", reference("web-analytics")),
            },
            pick(l, "Lakisääteinen säilytysvelvoite (esimerkiksi kirjanpitolaki) tai riita-asia estää poiston, kunnes velvoite päättyy.", "A legal obligation to keep data (such as the Finnish Accounting Act) or a dispute stops the erasure until it ends."),
            pick(l, "Tiedot voivat säilyä salatuissa varmuuskopioissa niiden säilytysajan; jos varmuuskopio palautetaan, jo poistetut henkilöt poistetaan siitä uudelleen.", "Data may remain in encrypted backups for as long as they are kept; when a backup is restored, people already erased are erased from it again."),
        ]
    }

    /// The security measures the software takes, one line each.
    pub(crate) fn security_lines(&self, l: Language) -> Vec<String> {
        let mut lines = vec![
            pick(l, "Rekisteri on yksi salattu tietokanta (SQLCipher, AES-256). Salausavain on vain käyttöjärjestelmän avainnipussa, ei koskaan tiedostona; palautuskoodi näytetään kerran rekisteriä luotaessa.", "The register is one encrypted database (SQLCipher, AES-256). Its key is kept only in the operating system's keychain, never in a file; a recovery code is shown once when the register is created."),
            pick(l, "Jokaisella käyttäjällä on oma tunnus ja rooli (pääkäyttäjä, toimisto, myynti), ja jokainen toiminto tarkistetaan roolin oikeuksia vasten. Salasanat tallennetaan Argon2id-tiivisteinä, toistuvat virheelliset kirjautumiset hidastetaan ja sovellus lukittuu käyttämättömänä.", "Every user has their own account and role (administrator, office, sales), and every action is checked against the role's permissions. Passwords are stored as Argon2id hashes, repeated failed log-ins are slowed down and the app locks when idle."),
            pick(l, "Jokainen muutos, vienti, tietopyyntö, poisto ja henkilön tietojen katselu kirjataan tiivisteketjulla suojattuun lokiin, joka sisältää vain tunnisteita; lokin eheys voidaan tarkistaa.", "Every change, export, access request, erasure and view of a person's data is written to an audit trail protected by a hash chain, holding ids only; its integrity can be verified."),
            pick(l, "Varmuuskopiot ovat salattuja. Rekisteristä tehtävät tiedostot (otteet, listat) kirjoitetaan vain omistajan luettaviksi eikä koskaan rekisterin kansioon.", "Backups are encrypted. Files made from the register (extracts, lists) are written readable by their owner only and never into the register's folder."),
            pick(l, "Henkilöstön tietosuojakoulutukset ja sisäiset tarkastukset kirjataan rekisteriin, ja koulutuksen voimassaoloa seurataan (uusitaan 12 kuukauden välein).", "Staff privacy training and internal audits are recorded in the register, and training is followed up (renewed every 12 months)."),
        ];
        if self.synced {
            lines.push(pick(l, "Tiimin laitteet synkronoivat tiedot palvelimen kautta vain sinetöityinä (AES-256-GCM); palvelin ei näe nimiä, yhteystietoja eikä muistiinpanoja.", "The team's devices sync through a server only in sealed form (AES-256-GCM); the server never sees a name, a contact datum or a note."));
        }
        lines
    }
}

fn finnish_or_iso(iso: &str, language: Language) -> String {
    match (language, iso.get(..10).and_then(|d| d.parse().ok())) {
        (Language::Fi, Some(date)) => crate::format_finnish(date),
        _ => iso.get(..10).unwrap_or(iso).to_string(),
    }
}

/// Generates the notice from the register's data (every section of the 2018 notice).
pub(crate) fn generate(conn: &rusqlite::Connection, l: Language) -> Result<NoticeDocument> {
    let facts = NoticeFacts::read(conn)?;
    let c = &facts.controller;
    let consent_based = facts.purposes.iter().any(Purpose::needs_consent);
    let mut purpose_paragraphs = vec![pick(
        l,
        "Henkilötietoja käsitellään seuraaviin tarkoituksiin, kukin alla mainitulla oikeusperusteella (EU:n yleinen tietosuoja-asetus 6 art. 1 kohta):",
        "Personal data is processed for the following purposes, each on the lawful basis given (General Data Protection Regulation, Art. 6(1)):",
    )];
    if consent_based {
        purpose_paragraphs.push(match l {
            Language::Fi => format!("Suostumukseen perustuvaan käsittelyyn (kuten suoramarkkinointiin) pyydetään suostumus, jonka voi peruuttaa milloin tahansa sähköisesti tai ottamalla yhteyttä: {}.", c.contact),
            Language::En => format!("For processing based on consent (such as direct marketing) consent is asked for, and it can be withdrawn at any time electronically or by contacting: {}.", c.contact),
        });
    }
    let processors = facts.processor_lines(l);
    let transfers = facts.transfer_lines(l);
    let sections = vec![
        section(
            pick(l, "1 Rekisterinpitäjä", "1 Controller"),
            vec![],
            vec![
                format!("{}: {}", pick(l, "Nimi", "Name"), c.name),
                format!("{}: {}", pick(l, "Osoite", "Address"), c.address),
                format!("{}: {}", pick(l, "Y-tunnus", "Business ID"), c.business_id),
                format!("{}: {}", pick(l, "Tietosuojayhteys", "Data-protection contact"), c.contact),
                format!("{}: {}", pick(l, "Vastuuhenkilö", "Contact person"), c.responsible),
            ],
        ),
        section(
            pick(l, "2 Rekisterin nimi", "2 Name of the register"),
            vec![match l {
                Language::Fi => format!("Asiakas- ja sidosryhmärekisteri (rekisterinpitäjä {})", c.name),
                Language::En => format!("Customer and stakeholder register (controller {})", c.name),
            }],
            vec![],
        ),
        section(
            pick(l, "3 Tietojen käsittelyn tarkoitus ja oikeusperusteet", "3 Purposes of processing and lawful bases"),
            purpose_paragraphs,
            facts.purpose_lines(l),
        ),
        section(
            pick(l, "4 Rekisterin tietosisältö", "4 Content of the register"),
            vec![pick(l, "Rekisteröidyt ovat asiakas- ja sidosryhmäorganisaatioiden yhteyshenkilöitä. Rekisteri sisältää heistä seuraavat tiedot:", "The data subjects are contact persons of customer and stakeholder organisations. The register holds the following data on them:")],
            categories(l),
        ),
        section(
            pick(l, "5 Säännönmukaiset tietolähteet", "5 Regular sources of data"),
            vec![pick(l, "Tiedot saadaan seuraavista lähteistä; kunkin tiedon lähde ja saantipäivä kirjataan:", "The data is obtained from the following sources; each datum's source and the day it was obtained are recorded:")],
            SourceKind::ALL.iter().map(|k| {
                let words = k.words(l);
                let mut chars = words.chars();
                chars.next().map(|f| f.to_uppercase().chain(chars).collect()).unwrap_or_default()
            }).collect(),
        ),
        section(
            pick(l, "6 Tietojen luovutus", "6 Disclosure of data"),
            vec![
                pick(l, "Tietoja käytetään vain kohdassa 3 mainittuihin tarkoituksiin. Jokainen luovutus kirjataan rekisteriin.", "The data is used only for the purposes in section 3. Every disclosure is recorded in the register."),
                if processors.is_empty() {
                    pick(l, "Tietoja ei luovuteta käsittelijöille.", "The data is not disclosed to processors.")
                } else {
                    pick(l, "Seuraavat käsittelijät käsittelevät tietoja puolestamme kirjallisen sopimuksen perusteella eivätkä saa käyttää niitä muuhun:", "The following processors process the data on our behalf under a written agreement and may not use it for anything else:")
                },
            ],
            processors,
        ),
        section(
            pick(l, "7 Tietojen siirto EU:n tai ETAn ulkopuolelle", "7 Transfers outside the EU or EEA"),
            vec![if transfers.is_empty() {
                pick(l, "Tietoja säilytetään EU:ssa, eikä niitä siirretä EU:n tai ETAn ulkopuolelle.", "The data is stored in the EU and is not transferred outside the EU or EEA.")
            } else {
                pick(l, "Tietoja säilytetään EU:ssa. Seuraavat siirrot EU:n tai ETAn ulkopuolelle tehdään alla mainitulla perusteella:", "The data is stored in the EU. The following transfers outside the EU or EEA are made on the basis given:")
            }],
            transfers,
        ),
        section(
            pick(l, "8 Tietojen vanheneminen", "8 Retention of data"),
            vec![],
            facts.retention_lines(l),
        ),
        section(
            pick(l, "9 Suojauksen periaatteet", "9 Security principles"),
            vec![],
            facts.security_lines(l),
        ),
        section(
            pick(l, "10 Rekisteröidyn oikeudet", "10 Rights of the data subject"),
            vec![
                match l {
                    Language::Fi => format!("Voit käyttää oikeuksiasi lähettämällä pyynnön: {} tai ottamalla yhteyttä vastuuhenkilöön ({}). Vastaamme viimeistään kuukauden kuluessa (12 art. 3 kohta). Pyynnöstä saat otteen kaikista sinua koskevista tiedoista.", c.contact, c.responsible),
                    Language::En => format!("You can use your rights by sending a request to: {} or by contacting the person responsible ({}). We answer within one month (Art. 12(3)). On request you receive an extract of all the data about you.", c.contact, c.responsible),
                },
                pick(l, "Suostumuksen peruuttaminen ei vaikuta ennen peruuttamista tehdyn käsittelyn lainmukaisuuteen.", "Withdrawing consent does not affect the lawfulness of processing before the withdrawal."),
                complaint(c, l),
            ],
            RIGHTS.iter().map(|r| r.get(l).to_string()).collect(),
        ),
    ];
    Ok(NoticeDocument {
        language: l,
        title: match l {
            Language::Fi => format!("Tietosuojaseloste — {}", c.name),
            Language::En => format!("Privacy notice — {}", c.name),
        },
        sections,
    })
}

fn published_line(language: Language, published_on: &str) -> String {
    match language {
        Language::Fi => format!("Julkaistu {published_on}."),
        Language::En => format!("Published {published_on}."),
    }
}

impl NoticeDocument {
    /// The notice as Markdown: a line per paragraph and per list item, so that a line diff
    /// says exactly what changed. `published_on` adds the publication day under the title.
    pub fn markdown(&self, published_on: Option<&str>) -> String {
        let mut out = format!("# {}\n\n", self.title);
        if let Some(day) = published_on {
            out.push_str(&published_line(self.language, day));
            out.push_str("\n\n");
        }
        for s in &self.sections {
            out.push_str(&format!("## {}\n\n", s.heading));
            for p in &s.paragraphs {
                out.push_str(p);
                out.push_str("\n\n");
            }
            for item in &s.items {
                out.push_str(&format!("- {item}\n"));
            }
            if !s.items.is_empty() {
                out.push('\n');
            }
        }
        out
    }

    /// The notice as one self-contained HTML page (styles inline, nothing fetched).
    pub fn html(&self, published_on: Option<&str>) -> String {
        let e = html_escape;
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>body{{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}}h1{{font-size:1.6rem}}h2{{font-size:1.15rem;margin-top:1.8rem}}li{{margin:.25rem 0}}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n",
            self.language.code(),
            e(&self.title),
            e(&self.title)
        );
        if let Some(day) = published_on {
            out.push_str(&format!(
                "<p>{}</p>\n",
                e(&published_line(self.language, day))
            ));
        }
        for s in &self.sections {
            out.push_str(&format!("<section>\n<h2>{}</h2>\n", e(&s.heading)));
            for p in &s.paragraphs {
                out.push_str(&format!("<p>{}</p>\n", e(p)));
            }
            if !s.items.is_empty() {
                out.push_str("<ul>\n");
                for item in &s.items {
                    out.push_str(&format!("<li>{}</li>\n", e(item)));
                }
                out.push_str("</ul>\n");
            }
            out.push_str("</section>\n");
        }
        out.push_str("</main>\n</body>\n</html>\n");
        out
    }

    /// The notice as a PDF for printing.
    pub fn pdf(&self, published_on: Option<&str>) -> Vec<u8> {
        let mut blocks = vec![Block::Title(self.title.clone())];
        if let Some(day) = published_on {
            blocks.push(Block::Paragraph(published_line(self.language, day)));
        }
        for s in &self.sections {
            blocks.push(Block::Heading(s.heading.clone()));
            for p in &s.paragraphs {
                blocks.push(Block::Paragraph(p.clone()));
            }
            for item in &s.items {
                blocks.push(Block::Paragraph(format!("• {item}")));
            }
        }
        pdf::render(&blocks, &self.title, &format!("Kortisto — {}", self.title))
    }
}

fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A published version of the notice, as the register keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct NoticeVersion {
    /// Id.
    pub notice_version_id: String,
    /// Its language.
    pub language: Language,
    /// When it was published (RFC 3339).
    pub published_at: String,
    /// Who published it.
    pub published_by_name: String,
    /// Its text (Markdown, without the publication day).
    pub content: String,
}

/// One changed line between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct NoticeChange {
    /// `added` or `removed`.
    pub change: String,
    /// The section it is in (its heading).
    pub section: String,
    /// The line.
    pub line: String,
}

/// A published version with what changed since the previous one in its language.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct NoticeVersionChanges {
    /// The version.
    pub version: NoticeVersion,
    /// Whether an earlier version in its language exists.
    pub has_previous: bool,
    /// The lines added and removed since it.
    pub changes: Vec<NoticeChange>,
}

/// What publishing wrote.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct PublishedNotice {
    /// The version kept in the register, with its changes.
    pub published: NoticeVersionChanges,
    /// The Markdown file.
    pub markdown_path: String,
    /// The HTML file.
    pub html_path: String,
    /// The PDF file.
    pub pdf_path: String,
}

/// The lines added and removed from `old` to `new` (a line diff, `similar`), each with the
/// section heading it falls under.
pub fn changes(old: &str, new: &str) -> Vec<NoticeChange> {
    let diff = similar::TextDiff::from_lines(old, new);
    let mut section_old = String::new();
    let mut section_new = String::new();
    let mut out = Vec::new();
    for change in diff.iter_all_changes() {
        let line = change.value().trim_end_matches('\n').to_string();
        let heading = line.strip_prefix("## ").map(str::to_string);
        match change.tag() {
            similar::ChangeTag::Equal => {
                if let Some(h) = heading {
                    section_old = h.clone();
                    section_new = h;
                }
            }
            similar::ChangeTag::Delete => {
                if let Some(h) = &heading {
                    section_old = h.clone();
                }
                if !line.trim().is_empty() {
                    out.push(NoticeChange {
                        change: "removed".into(),
                        section: section_old.clone(),
                        line: line.strip_prefix("- ").unwrap_or(&line).to_string(),
                    });
                }
            }
            similar::ChangeTag::Insert => {
                if let Some(h) = &heading {
                    section_new = h.clone();
                }
                if !line.trim().is_empty() {
                    out.push(NoticeChange {
                        change: "added".into(),
                        section: section_new.clone(),
                        line: line.strip_prefix("- ").unwrap_or(&line).to_string(),
                    });
                }
            }
        }
    }
    out
}

fn with_changes(versions: &[NoticeVersion], index: usize) -> NoticeVersionChanges {
    let version = versions[index].clone();
    // Versions are newest first: the previous one is the next in the list.
    match versions.get(index + 1) {
        Some(previous) => NoticeVersionChanges {
            changes: changes(&previous.content, &version.content),
            has_previous: true,
            version,
        },
        None => NoticeVersionChanges {
            changes: Vec::new(),
            has_previous: false,
            version,
        },
    }
}

/// The file names of a published notice (without extension).
fn file_stem(language: Language, day: &str) -> String {
    match language {
        Language::Fi => format!("tietosuojaseloste-{day}-fi"),
        Language::En => format!("privacy-notice-{day}-en"),
    }
}

/// The notice version in force in `language`: the newest published.
pub(crate) fn version_in_force(
    conn: &rusqlite::Connection,
    language: Language,
) -> Result<Option<NoticeVersion>> {
    Ok(store::purposes::notice_versions(conn, Some(language))?
        .into_iter()
        .next())
}

impl Register {
    /// The notice as it would be published now (admin).
    pub fn notice_preview(&self, session: &Session, language: Language) -> Result<NoticeDocument> {
        self.authorize(session, Action::NoticePublish)?;
        generate(&self.conn, language)
    }

    /// Publishes the notice in `language` (admin): writes Markdown, HTML and PDF into
    /// `out_dir` and keeps the version in the register. Nothing is kept when a file cannot
    /// be written, and no file is left when the register refuses.
    pub fn notice_publish(
        &mut self,
        session: &Session,
        language: Language,
        out_dir: &Path,
        clock: &dyn Clock,
    ) -> Result<PublishedNotice> {
        self.authorize(session, Action::NoticePublish)?;
        let data_dir = self.data_dir().path().to_path_buf();
        let mut written: Vec<PathBuf> = Vec::new();
        let result = self.write(Some(session), Action::NoticePublish, clock, |tx| {
            let document = generate(tx, language)?;
            let now = crate::ids::timestamp(clock);
            let day_iso = clock.now().with_timezone(&chrono::Local).date_naive();
            let day_text = finnish_or_iso(&day_iso.to_string(), language);
            let version = NoticeVersion {
                notice_version_id: crate::ids::new_id(clock),
                language,
                published_at: now,
                published_by_name: session.display_name.clone(),
                content: document.markdown(None),
            };
            store::purposes::insert_version(tx, &version, &session.user_id)?;
            let stem = file_stem(language, &day_iso.to_string());
            let markdown_path = out_dir.join(format!("{stem}.md"));
            let html_path = out_dir.join(format!("{stem}.html"));
            let pdf_path = out_dir.join(format!("{stem}.pdf"));
            let files = vec![
                (
                    markdown_path.clone(),
                    document.markdown(Some(&day_text)).into_bytes(),
                ),
                (
                    html_path.clone(),
                    document.html(Some(&day_text)).into_bytes(),
                ),
                (pdf_path.clone(), document.pdf(Some(&day_text))),
            ];
            output_file::write_all_or_nothing(&data_dir, out_dir, &files)?;
            written = files.into_iter().map(|(path, _)| path).collect();
            let versions = store::purposes::notice_versions(tx, Some(language))?;
            let index = versions
                .iter()
                .position(|v| v.notice_version_id == version.notice_version_id)
                .unwrap_or(0);
            let published = PublishedNotice {
                published: with_changes(&versions, index),
                markdown_path: markdown_path.display().to_string(),
                html_path: html_path.display().to_string(),
                pdf_path: pdf_path.display().to_string(),
            };
            Ok((
                published,
                Audited::record("notice_version", &version.notice_version_id),
            ))
        });
        if result.is_err() {
            for path in &written {
                let _ = std::fs::remove_file(path);
            }
        }
        result
    }

    /// Every published version, newest first, each with what changed since the previous
    /// one in its language (admin).
    pub fn notice_versions(
        &self,
        session: &Session,
        language: Option<Language>,
    ) -> Result<Vec<NoticeVersionChanges>> {
        self.authorize(session, Action::NoticePublish)?;
        let mut out = Vec::new();
        for l in [Language::Fi, Language::En] {
            if language.is_some_and(|wanted| wanted != l) {
                continue;
            }
            let versions = store::purposes::notice_versions(&self.conn, Some(l))?;
            for index in 0..versions.len() {
                out.push(with_changes(&versions, index));
            }
        }
        out.sort_by(|a, b| b.version.published_at.cmp(&a.version.published_at));
        Ok(out)
    }

    /// What changed in the newest published version in `language` since the one before
    /// it (admin); None when nothing is published in that language yet.
    pub fn notice_diff(
        &self,
        session: &Session,
        language: Language,
    ) -> Result<Option<NoticeVersionChanges>> {
        self.authorize(session, Action::NoticePublish)?;
        let versions = store::purposes::notice_versions(&self.conn, Some(language))?;
        Ok((!versions.is_empty()).then(|| with_changes(&versions, 0)))
    }
}
