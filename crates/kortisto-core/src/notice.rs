//! What the privacy notice promises, as data: the controller, the purposes and their lawful
//! bases, the data categories, the sources, the retention rules and the rights — in Finnish
//! and English. The subject-access extract takes its Art. 15 information from here, so the
//! software and the notice say the same thing.
use serde::{Deserialize, Serialize};

use crate::audit::Audited;
use crate::auth::{Action, Session};
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

/// Purposes and their lawful bases (notice §3).
pub const PURPOSES: &[(Text, Text)] = &[
    (
        Text { fi: "Asiakastietojen hallinnointi", en: "Customer management" },
        Text { fi: "Oikeutettu etu (GDPR 6 art. 1 f)", en: "Legitimate interest (GDPR Art. 6(1)(f))" },
    ),
    (
        Text { fi: "Tuotteiden, palveluiden ja ratkaisuiden myynti ja toimitus", en: "Sales and delivery of products, services and solutions" },
        Text { fi: "Sopimus ja sitä edeltävät toimet (6 art. 1 b), oikeutettu etu (6 art. 1 f)", en: "Contract and pre-contract steps (Art. 6(1)(b)), legitimate interest (Art. 6(1)(f))" },
    ),
    (
        Text { fi: "Suoramarkkinointi", en: "Direct marketing" },
        Text { fi: "Suostumus (6 art. 1 a); voit peruuttaa sen milloin tahansa", en: "Consent (Art. 6(1)(a)); you can withdraw it at any time" },
    ),
    (
        Text { fi: "Asiakassopimusten ja palveluiden hallinta sekä yhteydenpito sopimuksen aikana", en: "Managing customer contracts and services, and contact during the contract" },
        Text { fi: "Sopimus (6 art. 1 b)", en: "Contract (Art. 6(1)(b))" },
    ),
    (
        Text { fi: "Kolmansien osapuolten palveluelementtien (lisenssit, laitteet, palvelut) rekisteröinti", en: "Registering third-party service elements (licences, devices, services)" },
        Text { fi: "Sopimus (6 art. 1 b)", en: "Contract (Art. 6(1)(b))" },
    ),
];

/// Categories of personal data (notice §4).
pub const CATEGORIES: Text = Text {
    fi: "Nimet; asiakasorganisaatio; tehtävä ja toimenkuva; osoitteet; puhelinnumerot; sähköpostiosoitteet ja sosiaalisen median yhteystiedot; sopimukset, tarjoukset, tarjouspyynnöt, liidit ja tietopyynnöt; asiakastapaamisten ja yhteydenottojen ajankohdat ja aiheet; rekisteröidyt palveluelementit; suostumukset.",
    en: "Names; customer organisation; title and job description; addresses; phone numbers; e-mail addresses and social-media contacts; contracts, offers, requests for quotation, leads and information requests; times and subjects of meetings and contacts; registered service elements; consents.",
};

/// How long data is kept (notice §8).
pub const RETENTION: &[Text] = &[
    Text {
        fi: "Henkilö, jolla ei ole voimassa olevaa sopimusta, avointa kauppaa, voimassa olevaa suostumusta eikä tehtävää asiakasorganisaatiossa viimeisten kolmen vuoden aikana, poistetaan automaattisesti.",
        en: "A person with no contract in force, no open deal, no consent in force and no position at a customer organisation during the last three years is erased automatically.",
    },
    Text {
        fi: "Sopimuksen tai suostumuksen perusteella säilytettävät tiedot säilytetään sopimuksen tai suostumuksen voimassaolon ajan ja vuoden sen päättymisen jälkeen.",
        en: "Data kept on a contract or consent is kept while it is in force and one year after it ends.",
    },
    Text {
        fi: "Lakisääteinen säilytysvelvoite (esim. kirjanpitolaki) tai riita-asia estää poiston velvoitteen päättymiseen asti.",
        en: "A legal obligation to keep data (e.g. the Finnish Accounting Act) or a dispute stops deletion until it ends.",
    },
];

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
