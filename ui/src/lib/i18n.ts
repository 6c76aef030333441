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
