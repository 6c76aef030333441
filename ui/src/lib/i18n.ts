// Every user-visible text of the UI in Finnish (default) and English, and the current language.
// Owns wording only; the backend's own error sentences arrive in AppError.message and are not repeated here.
import { derived, writable } from "svelte/store";
import type { Language } from "./generated";

/** Finnish: the source dictionary. Its keys are the keys every language must have. */
const fi = {
  app_name: "Kortisto",
  language_group: "Kieli",
  language_fi: "Suomi",
  language_en: "English",
  language_save_failed:
    "Kielivalintaa ei voitu tallentaa. Valinta on voimassa, kunnes suljet Kortiston.",

  loading: "Avataan rekisteriä…",

  recovery_heading: "Kirjoita palautuskoodi talteen",
  recovery_created:
    "Rekisteri on luotu. Sen tiedot salataan avaimella, joka on tämän tietokoneen avainnipussa. Alla oleva palautuskoodi sisältää saman avaimen.",
  recovery_once:
    "Koodi näytetään vain tämän kerran. Kortisto ei tallenna sitä minnekään eikä voi näyttää sitä myöhemmin.",
  recovery_why:
    "Koodilla saat rekisterin taas auki uudella tietokoneella tai jos avain katoaa avainnipusta.",
  recovery_keep:
    "Kirjoita koodi paperille ja säilytä se turvallisessa paikassa verkon ulkopuolella, esimerkiksi kassakaapissa. Älä koskaan lähetä koodia sähköpostilla tai tallenna sitä pilvipalveluun: koodin ja rekisteritiedoston haltija voi lukea rekisterin.",
  recovery_code_label: "Palautuskoodi",
  recovery_confirm: "Olen kirjoittanut koodin talteen",
  recovery_continue: "Jatka",

  start_heading: "Asiakas- ja sidosryhmärekisteri",
  start_opened: "Rekisteri on auki.",
  start_purpose:
    "Kortistoon kirjataan yrityksen asiakkaat, sidosryhmät ja niiden yhteyshenkilöt. Rekisteriä pidetään niin kuin tietosuojaseloste lupaa: tiedot ovat salattuina tällä tietokoneella, ja salausavain on käyttöjärjestelmän avainnipussa.",
  start_facts_heading: "Rekisterin tiedot",
  status_register_id: "Rekisterin tunniste",
  status_created: "Luotu",
  status_schema_version: "Rakenneversio",
  status_key: "Avaimen säilytys",
  status_key_service: "Palvelun nimi",
  status_data_dir: "Tietokansio",
  status_database_size: "Tietokannan koko",
  status_counts: "Tietueet",
  status_counts_empty: "Ei tietueita.",
  count_registers: "Rekisterit",

  error_code_label: "Virhekoodi",
  error_what_to_do: "Mitä tehdä",
  error_retry: "Yritä uudelleen",
  error_details: "Tekniset tiedot",
  error_unknown_message: "Rekisterin avaamisessa tapahtui odottamaton virhe.",
  error_recovery_before:
    "Palauta avain palautuskoodilla, joka näytettiin, kun rekisteri luotiin. Sulje Kortisto ja anna päätteessä komento (KOODI on oma palautuskoodisi):",
  error_recovery_command: "kortisto recover --code KOODI",
  error_recovery_after: "Käynnistä Kortisto sen jälkeen uudelleen.",
  error_recovery_no_screen:
    "Kortistossa ei vielä ole palautusnäkymää, joten palautus tehdään komentoriviltä.",

  error_keychain_unavailable_title: "Avainnippuun ei saada yhteyttä",
  error_keychain_unavailable_hint:
    "Käynnistä käyttöjärjestelmän avainnippupalvelu tai kirjaudu työpöytäistuntoon. Valitse sitten Yritä uudelleen.",
  error_keychain_locked_title: "Avainnippu on lukittu",
  error_keychain_locked_hint:
    "Avaa avainnippu, esimerkiksi antamalla sen salasana, ja valitse sitten Yritä uudelleen.",
  error_key_missing_title: "Rekisterin avain puuttuu",
  error_wrong_key_title: "Avain ei sovi tähän rekisteriin",
  error_database_damaged_title: "Rekisteritiedosto on vioittunut",
  error_database_damaged_hint:
    "Älä poista tai siirrä rekisteritiedostoa. Palauta rekisteri varmuuskopiosta tai ota yhteys ylläpitoon ja kerro heille virhekoodi.",
  error_schema_too_new_title: "Rekisteri on tehty uudemmalla versiolla",
  error_schema_too_new_hint:
    "Asenna Kortiston uusin versio ja käynnistä se. Rekisteriin ei koskettu.",
  error_data_dir_not_writable_title: "Tietokansioon ei voi kirjoittaa",
  error_data_dir_not_writable_hint:
    "Korjaa kansion käyttöoikeudet tai vapauta levytilaa. Valitse sitten Yritä uudelleen.",
  error_register_missing_title: "Rekisteriä ei löydy",
  error_register_missing_hint:
    "Tarkista, että tietokansio on paikallaan (esimerkiksi että ulkoinen levy tai verkkolevy on liitetty), ja käynnistä Kortisto uudelleen.",
  error_storage_failed_title: "Tallennus epäonnistui",
  error_storage_failed_hint:
    "Valitse Yritä uudelleen. Jos virhe toistuu, ota yhteys ylläpitoon ja kerro heille virhekoodi.",
  error_unknown_title: "Rekisteriä ei voitu avata",
  error_unknown_hint:
    "Valitse Yritä uudelleen. Jos virhe toistuu, ota yhteys ylläpitoon ja kerro heille virhekoodi.",

  busy: "Odota…",
  loading_list: "Ladataan…",
  error_generic: "Toiminto epäonnistui odottamatta. Yritä uudelleen.",
  saved: "Tallennettu.",
  confirm_cancel: "Peruuta",
  date_hint: "Esimerkiksi 27.11.2026",

  role_admin: "Pääkäyttäjä",
  role_office: "Toimistohenkilöstö",
  role_sales: "Myyjä",

  field_username: "Käyttäjätunnus",
  field_display_name: "Nimi",
  field_display_name_hint: "Nimi, joka näkyy sovelluksessa ja lokitiedoissa.",
  field_password: "Salasana",
  field_password_again: "Salasana uudelleen",
  field_role: "Rooli",
  password_hint: "Vähintään 12 merkkiä. Pitkä lause on hyvä salasana.",
  password_mismatch: "Salasanat eivät täsmää. Kirjoita sama salasana molempiin kenttiin.",

  first_admin_heading: "Luo rekisterin ylläpitäjä",
  first_admin_intro:
    "Rekisterissä ei ole vielä käyttäjiä. Ensimmäinen käyttäjä on rekisterin tietosuojavastaava ja pääkäyttäjä: hän lisää muut käyttäjät ja antaa heille roolit, näkee lokitiedot ja kirjaa tietosuojakoulutukset ja sisäiset auditoinnit.",
  first_admin_note:
    "Kirjaudut tällä tunnuksella heti sisään. Jokainen toimi kirjataan lokiin käyttäjän nimissä, joten älä jaa tunnusta kenenkään kanssa.",
  first_admin_submit: "Luo ylläpitäjä ja kirjaudu",

  login_heading: "Kirjaudu sisään",
  login_intro: "Kirjaudu omalla käyttäjätunnuksellasi. Jokainen toimi kirjataan lokiin nimelläsi.",
  login_submit: "Kirjaudu",
  session_locked_notice:
    "Istunto lukittiin käyttämättömyyden vuoksi. Kirjaudu uudelleen sisään.",

  nav_label: "Päävalikko",
  nav_home: "Etusivu",
  nav_users: "Käyttäjät",
  nav_audit: "Lokitiedot",
  nav_training: "Koulutus ja auditoinnit",
  nav_settings: "Asetukset",
  nav_password: "Oma salasana",
  session_user_label: "Kirjautunut käyttäjä",
  logout: "Kirjaudu ulos",

  home_greeting: "Hei, {name}!",
  home_overdue_heading: "Koulutus vanhentunut",
  home_overdue_intro:
    "Näiden käyttäjien tietosuojakoulutuksesta on yli 12 kuukautta, tai sitä ei ole kirjattu:",
  home_overdue_none: "Kaikkien käytössä olevien käyttäjien tietosuojakoulutus on voimassa.",
  home_overdue_never: "ei kirjattua koulutusta",
  home_overdue_last: "viimeksi {date}",
  home_overdue_link: "Kirjaa koulutus",

  users_heading: "Käyttäjät",
  users_intro:
    "Rekisteriin pääsevät vain tässä luetellut nimetyt käyttäjät. Rooli ratkaisee, mitä käyttäjä saa tehdä, ja Kortisto tarkistaa sen jokaisessa toiminnossa.",
  users_col_username: "Tunnus",
  users_col_display_name: "Nimi",
  users_col_role: "Rooli",
  users_col_active: "Tila",
  users_col_training: "Viimeisin koulutus",
  users_col_actions: "Toiminnot",
  users_active_yes: "Käytössä",
  users_active_no: "Poistettu käytöstä",
  users_training_none: "Ei kirjattu",
  users_training_overdue: "Vanhentunut",
  users_empty: "Käyttäjiä ei ole. Lisää käyttäjä alla olevalla lomakkeella.",
  users_role_save: "Tallenna rooli",
  users_role_saved: "Käyttäjän {name} rooli tallennettu.",
  users_deactivate: "Poista käytöstä",
  users_deactivate_confirm:
    "Poista käyttäjä {name} käytöstä? Käyttäjä ei voi enää kirjautua. Lokitiedot säilyvät.",
  users_deactivated: "Käyttäjä {name} poistettiin käytöstä.",
  users_reset: "Vaihda salasana",
  users_reset_label: "Uusi salasana käyttäjälle {name}",
  users_reset_submit: "Aseta salasana",
  users_reset_done:
    "Käyttäjän {name} salasana vaihdettu. Kerro se hänelle kasvotusten tai puhelimessa, ei sähköpostilla.",
  users_add_heading: "Lisää käyttäjä",
  users_add_password: "Ensimmäinen salasana",
  users_add_submit: "Lisää käyttäjä",
  users_added: "Käyttäjä {name} lisättiin.",
  confirm_heading: "Vahvista",

  audit_heading: "Lokitiedot",
  audit_intro:
    "Loki kertoo, kuka teki mitä ja milloin. Merkinnät on ketjutettu tiivisteillä, joten jälkikäteen tehty muutos huomataan.",
  audit_chain_intact: "Lokiketju eheä ({count} merkintää)",
  audit_chain_broken: "Lokiketju on rikki merkinnästä {seq} alkaen.",
  audit_problem_altered: "Merkinnän sisältöä on muutettu.",
  audit_problem_link: "Sitä edeltävä merkintä on poistettu tai siirretty.",
  audit_chain_broken_advice:
    "Lokia on muutettu Kortiston ohi. Säilytä rekisteritiedosto sellaisenaan tutkintaa varten ja selvitä, kuka on käsitellyt sitä.",
  audit_verify: "Tarkista lokiketju",
  audit_verifying: "Tarkistetaan lokiketjua…",
  audit_filters: "Rajaa merkintöjä",
  audit_filter_user: "Käyttäjätunnus",
  audit_filter_action: "Toiminto",
  audit_filter_action_any: "Kaikki toiminnot",
  audit_filter_from: "Alkaen",
  audit_filter_to: "Asti",
  audit_filter_record: "Tietueen tunniste",
  audit_filter_apply: "Hae",
  audit_filter_clear: "Tyhjennä rajaukset",
  audit_col_time: "Aika",
  audit_col_user: "Käyttäjä",
  audit_col_action: "Toiminto",
  audit_col_record: "Tietue",
  audit_empty: "Ei merkintöjä näillä rajauksilla. Muuta rajauksia tai tyhjennä ne.",
  audit_user_unknown: "(tuntematon tunnus)",
  audit_limit_note: "Näytetään enintään {count} uusinta merkintää.",
  action_login: "Kirjautuminen",
  action_login_failed: "Epäonnistunut kirjautuminen",
  action_login_throttled: "Kirjautumista viivytetty",
  action_logout: "Uloskirjautuminen",
  action_session_locked: "Istunto lukittu",
  action_user_add: "Käyttäjä lisätty",
  action_user_role_change: "Rooli vaihdettu",
  action_user_deactivate: "Käyttäjä poistettu käytöstä",
  action_user_password_reset: "Käyttäjän salasana asetettu",
  action_own_password_change: "Oma salasana vaihdettu",
  action_training_record: "Koulutus kirjattu",
  action_internal_audit_record: "Sisäinen auditointi kirjattu",
  action_settings_change: "Asetusta muutettu",
  record_kind_user: "Käyttäjä",
  record_kind_training: "Koulutus",
  record_kind_internal_audit: "Sisäinen auditointi",
  record_kind_setting: "Asetus",

  training_heading: "Koulutus ja auditoinnit",
  training_intro:
    "Tietosuojaseloste lupaa, että henkilöstö koulutetaan ja käsittelyä valvotaan. Kirjaa tänne jokaisen käyttäjän tietosuojakoulutus (uusitaan 12 kuukauden välein) ja sisäiset auditoinnit.",
  training_section: "Tietosuojakoulutukset",
  training_user: "Käyttäjä",
  training_user_choose: "Valitse käyttäjä",
  training_date: "Suorituspäivä",
  training_topic: "Aihe",
  training_submit: "Kirjaa koulutus",
  training_recorded: "Koulutus kirjattu.",
  training_empty:
    "Koulutuksia ei ole vielä kirjattu. Kirjaa jokaisen käyttäjän tietosuojakoulutus yllä olevalla lomakkeella.",
  col_recorded_by: "Kirjannut",
  audits_section: "Sisäiset auditoinnit",
  audits_date: "Päivämäärä",
  audits_scope: "Mitä tarkastettiin",
  audits_result: "Tulos",
  audits_follow_up: "Jatkotoimet",
  audits_submit: "Kirjaa auditointi",
  audits_recorded: "Auditointi kirjattu.",
  audits_empty:
    "Sisäisiä auditointeja ei ole vielä kirjattu. Kirjaa auditointi yllä olevalla lomakkeella, kun olet tarkastanut, että rekisteriä käsitellään tietosuojaselosteen mukaisesti.",
  result_passed: "Hyväksytty",
  result_findings: "Havaintoja",
  result_failed: "Hylätty",

  settings_heading: "Asetukset",
  settings_idle_heading: "Automaattinen lukitus",
  settings_idle_intro:
    "Kortisto lukitsee istunnon, kun sitä ei ole käytetty näin moneen minuuttiin. Lyhyt aika suojaa rekisteriä, jos tietokone jää auki.",
  settings_idle_label: "Lukitse käyttämättömyyden jälkeen (minuuttia, 1–240)",
  settings_idle_current: "Nyt: {minutes} min",
  settings_save: "Tallenna",

  password_heading: "Oma salasana",
  password_intro: "Vaihda salasana, jos epäilet, että joku muu tietää sen.",
  password_current: "Nykyinen salasana",
  password_new: "Uusi salasana",
  password_new_again: "Uusi salasana uudelleen",
  password_submit: "Vaihda salasana",
  password_changed: "Salasana vaihdettu.",
} satisfies Record<string, string>;

/** A key of the dictionary. */
export type MessageKey = keyof typeof fi;
/** One language's texts: every key, nothing else. */
export type Messages = Record<MessageKey, string>;

/** English: must have exactly the Finnish keys (a missing or extra key fails type checking). */
const en: Messages = {
  app_name: "Kortisto",
  language_group: "Language",
  language_fi: "Suomi",
  language_en: "English",
  language_save_failed:
    "The language choice could not be saved. It applies until you close Kortisto.",

  loading: "Opening the register…",

  recovery_heading: "Write down your recovery code",
  recovery_created:
    "The register has been created. Its data is encrypted with a key kept in this computer's keychain. The recovery code below carries the same key.",
  recovery_once:
    "The code is shown only this once. Kortisto does not store it anywhere and cannot show it again.",
  recovery_why:
    "With the code you can open the register again on a new computer, or if the key is lost from the keychain.",
  recovery_keep:
    "Write the code on paper and keep it somewhere safe and offline, for example in a safe. Never send the code by e-mail or store it in a cloud service: whoever holds the code and the register file can read the register.",
  recovery_code_label: "Recovery code",
  recovery_confirm: "I have written the code down",
  recovery_continue: "Continue",

  start_heading: "Customer and stakeholder register",
  start_opened: "The register is open.",
  start_purpose:
    "Kortisto holds the company's customers, stakeholders and their contact people. The register is kept the way the privacy notice promises: the data is encrypted on this computer, and the encryption key is in the operating system's keychain.",
  start_facts_heading: "About this register",
  status_register_id: "Register ID",
  status_created: "Created",
  status_schema_version: "Schema version",
  status_key: "Where the key is kept",
  status_key_service: "Service name",
  status_data_dir: "Data folder",
  status_database_size: "Database size",
  status_counts: "Records",
  status_counts_empty: "No records.",
  count_registers: "Registers",

  error_code_label: "Error code",
  error_what_to_do: "What to do",
  error_retry: "Try again",
  error_details: "Technical details",
  error_unknown_message: "An unexpected error occurred while opening the register.",
  error_recovery_before:
    "Restore the key with the recovery code you were shown when the register was created. Close Kortisto and run this command in a terminal (CODE is your recovery code):",
  error_recovery_command: "kortisto recover --code CODE",
  error_recovery_after: "Then start Kortisto again.",
  error_recovery_no_screen:
    "Kortisto has no recovery screen yet, so recovery is done from the command line.",

  error_keychain_unavailable_title: "The keychain cannot be reached",
  error_keychain_unavailable_hint:
    "Start the operating system's keychain service or log in to a desktop session. Then choose Try again.",
  error_keychain_locked_title: "The keychain is locked",
  error_keychain_locked_hint:
    "Unlock the keychain, for example by entering its password, then choose Try again.",
  error_key_missing_title: "The register's key is missing",
  error_wrong_key_title: "The key does not fit this register",
  error_database_damaged_title: "The register file is damaged",
  error_database_damaged_hint:
    "Do not delete or move the register file. Restore the register from a backup, or contact support and tell them the error code.",
  error_schema_too_new_title: "The register was made by a newer version",
  error_schema_too_new_hint:
    "Install the latest version of Kortisto and start it. The register was not touched.",
  error_data_dir_not_writable_title: "The data folder cannot be written",
  error_data_dir_not_writable_hint:
    "Fix the folder's permissions or free some disk space. Then choose Try again.",
  error_register_missing_title: "The register was not found",
  error_register_missing_hint:
    "Check that the data folder is in place (for example that an external or network drive is connected), then start Kortisto again.",
  error_storage_failed_title: "Storage failed",
  error_storage_failed_hint:
    "Choose Try again. If it happens again, contact support and tell them the error code.",
  error_unknown_title: "The register could not be opened",
  error_unknown_hint:
    "Choose Try again. If it happens again, contact support and tell them the error code.",

  busy: "Please wait…",
  loading_list: "Loading…",
  error_generic: "The action failed unexpectedly. Try again.",
  saved: "Saved.",
  confirm_cancel: "Cancel",
  date_hint: "For example 27.11.2026",

  role_admin: "Administrator",
  role_office: "Office staff",
  role_sales: "Sales rep",

  field_username: "Username",
  field_display_name: "Name",
  field_display_name_hint: "The name shown in the app and in the audit trail.",
  field_password: "Password",
  field_password_again: "Password again",
  field_role: "Role",
  password_hint: "At least 12 characters. A long sentence makes a good password.",
  password_mismatch: "The passwords do not match. Type the same password in both fields.",

  first_admin_heading: "Create the register's administrator",
  first_admin_intro:
    "The register has no users yet. The first user is the register's data-protection lead and administrator: they add the other users and give them roles, see the audit trail, and record privacy training and internal audits.",
  first_admin_note:
    "You are logged in with this account at once. Every action is logged under the user's name, so do not share the account with anyone.",
  first_admin_submit: "Create administrator and log in",

  login_heading: "Log in",
  login_intro: "Log in with your own username. Every action is logged under your name.",
  login_submit: "Log in",
  session_locked_notice: "The session was locked after inactivity. Please log in again.",

  nav_label: "Main menu",
  nav_home: "Home",
  nav_users: "Users",
  nav_audit: "Audit trail",
  nav_training: "Training and audits",
  nav_settings: "Settings",
  nav_password: "My password",
  session_user_label: "Logged-in user",
  logout: "Log out",

  home_greeting: "Hello, {name}!",
  home_overdue_heading: "Training overdue",
  home_overdue_intro:
    "These users' privacy training is more than 12 months old, or none has been recorded:",
  home_overdue_none: "Every active user's privacy training is up to date.",
  home_overdue_never: "no training recorded",
  home_overdue_last: "last {date}",
  home_overdue_link: "Record a training",

  users_heading: "Users",
  users_intro:
    "Only the named users listed here can work in the register. The role decides what a user may do, and Kortisto checks it for every action.",
  users_col_username: "Username",
  users_col_display_name: "Name",
  users_col_role: "Role",
  users_col_active: "Status",
  users_col_training: "Latest training",
  users_col_actions: "Actions",
  users_active_yes: "Active",
  users_active_no: "Deactivated",
  users_training_none: "Not recorded",
  users_training_overdue: "Overdue",
  users_empty: "There are no users. Add a user with the form below.",
  users_role_save: "Save role",
  users_role_saved: "The role of {name} was saved.",
  users_deactivate: "Deactivate",
  users_deactivate_confirm:
    "Deactivate the user {name}? They can no longer log in. The audit trail is kept.",
  users_deactivated: "The user {name} was deactivated.",
  users_reset: "Reset password",
  users_reset_label: "New password for {name}",
  users_reset_submit: "Set password",
  users_reset_done:
    "The password of {name} was changed. Tell it to them in person or by phone, not by e-mail.",
  users_add_heading: "Add a user",
  users_add_password: "First password",
  users_add_submit: "Add user",
  users_added: "The user {name} was added.",
  confirm_heading: "Please confirm",

  audit_heading: "Audit trail",
  audit_intro:
    "The audit trail shows who did what and when. The entries are chained with hashes, so a later change is noticed.",
  audit_chain_intact: "Audit chain intact ({count} entries)",
  audit_chain_broken: "The audit chain is broken from entry {seq} on.",
  audit_problem_altered: "The entry's content was changed.",
  audit_problem_link: "An entry before it was removed or moved.",
  audit_chain_broken_advice:
    "The log was changed outside Kortisto. Keep the register file as it is for investigation and find out who has handled it.",
  audit_verify: "Check the audit chain",
  audit_verifying: "Checking the audit chain…",
  audit_filters: "Filter entries",
  audit_filter_user: "Username",
  audit_filter_action: "Action",
  audit_filter_action_any: "All actions",
  audit_filter_from: "From",
  audit_filter_to: "To",
  audit_filter_record: "Record ID",
  audit_filter_apply: "Search",
  audit_filter_clear: "Clear filters",
  audit_col_time: "Time",
  audit_col_user: "User",
  audit_col_action: "Action",
  audit_col_record: "Record",
  audit_empty: "No entries with these filters. Change or clear the filters.",
  audit_user_unknown: "(unknown username)",
  audit_limit_note: "Showing at most the {count} newest entries.",
  action_login: "Log-in",
  action_login_failed: "Failed log-in",
  action_login_throttled: "Log-in delayed",
  action_logout: "Log-out",
  action_session_locked: "Session locked",
  action_user_add: "User added",
  action_user_role_change: "Role changed",
  action_user_deactivate: "User deactivated",
  action_user_password_reset: "User's password reset",
  action_own_password_change: "Own password changed",
  action_training_record: "Training recorded",
  action_internal_audit_record: "Internal audit recorded",
  action_settings_change: "Setting changed",
  record_kind_user: "User",
  record_kind_training: "Training",
  record_kind_internal_audit: "Internal audit",
  record_kind_setting: "Setting",

  training_heading: "Training and audits",
  training_intro:
    "The privacy notice promises that staff are trained and processing is checked. Record each user's privacy training here (renewed every 12 months) and the internal audits.",
  training_section: "Privacy training",
  training_user: "User",
  training_user_choose: "Choose a user",
  training_date: "Completed on",
  training_topic: "Topic",
  training_submit: "Record training",
  training_recorded: "Training recorded.",
  training_empty:
    "No training has been recorded yet. Record each user's privacy training with the form above.",
  col_recorded_by: "Recorded by",
  audits_section: "Internal audits",
  audits_date: "Date held",
  audits_scope: "What was checked",
  audits_result: "Result",
  audits_follow_up: "Follow-up",
  audits_submit: "Record audit",
  audits_recorded: "Audit recorded.",
  audits_empty:
    "No internal audits have been recorded yet. Record an audit with the form above once you have checked that the register is handled as the privacy notice says.",
  result_passed: "Passed",
  result_findings: "Findings",
  result_failed: "Failed",

  settings_heading: "Settings",
  settings_idle_heading: "Automatic lock",
  settings_idle_intro:
    "Kortisto locks the session when it has not been used for this many minutes. A short time protects the register if the computer is left open.",
  settings_idle_label: "Lock after inactivity (minutes, 1–240)",
  settings_idle_current: "Now: {minutes} min",
  settings_save: "Save",

  password_heading: "My password",
  password_intro: "Change your password if you suspect someone else knows it.",
  password_current: "Current password",
  password_new: "New password",
  password_new_again: "New password again",
  password_submit: "Change password",
  password_changed: "Password changed.",
};

/** All texts, by language. */
export const messages: Record<Language, Messages> = { fi, en };

/** The languages in the order the switch shows them. */
export const LANGUAGES: readonly Language[] = ["fi", "en"];

/** The default until the saved preference is read. */
export const DEFAULT_LANGUAGE: Language = "fi";

/** The current language. */
export const language = writable<Language>(DEFAULT_LANGUAGE);

/** The current language's texts: `$t.loading`. */
export const t = derived(language, (current) => messages[current]);

/** Fills `{name}` placeholders of a text: `fill($t.home_greeting, { name })`. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole,
  );
}

/** A text in both languages, e.g. a notice that must follow a later language switch. */
export function bothLanguages(key: MessageKey): { fi: string; en: string } {
  return { fi: messages.fi[key], en: messages.en[key] };
}
