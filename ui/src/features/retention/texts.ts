// The retention and backup screens' texts in Finnish (default) and English, and `$rt` for the current language.
// Kept apart from lib/i18n.ts (same shape rules: Finnish is the source, English must have every key).
import { derived } from "svelte/store";
import type { Language } from "../../lib/generated";
import { language, t, type MessageKey } from "../../lib/i18n";

/** Finnish: the source dictionary. Its keys are the keys English must have. */
const fi = {
  nav_retention: "Säilytys",
  nav_backups: "Varmuuskopiot",

  loading: "Ladataan…",
  none: "–",

  retention_heading: "Säilytys ja poistot",
  retention_intro:
    "Tietosuojaselosteen säilytysajat ovat alla sääntöinä. Henkilö, jonka säilytysaika on kulunut eikä mikään lakisääteinen säilytys koske häntä, poistetaan samalla tavalla kuin poistopyynnöstä.",
  retention_automatic:
    "Kortisto ajaa säilytyksen itse, kun sovellus käynnistyy, ja sen jälkeen 24 tunnin välein niin kauan kuin sovellus on auki.",

  preview_heading: "Esikatselu",
  preview_intro: "Katso, kuka poistuisi valittuna päivänä ja minkä säännön perusteella. Esikatselu ei poista mitään.",
  preview_as_of: "Päivä",
  date_hint: "Muodossa 27.11.2026",
  preview_show: "Näytä",
  preview_loading: "Haetaan…",
  preview_summary: "{date}: {due} poistuu, {kept} säilyy",
  preview_empty: "Kukaan ei ole poistettavana tänä päivänä.",
  col_name: "Nimi",
  col_due_on: "Poistopäivä",
  col_rule: "Sääntö",
  col_deciding: "Ratkaiseva tieto",
  col_deciding_date: "Sen päivä",
  col_legal_hold: "Lakisääteinen säilytys",
  hold_until: "{reason} ({date} asti)",

  run_heading: "Aja säilytys nyt",
  run_intro: "Poistaa heti kaikki, jotka ovat tänään poistettavana. Jokaisesta poistosta jää poistokuitti ilman henkilötietoja.",
  run_button: "Aja nyt",
  run_checking: "Tarkistetaan…",
  run_running: "Poistetaan…",
  run_progress: "Poistettu {done} / {total}",
  run_cancel: "Keskeytä",
  run_cancelling: "Keskeytetään nykyisen erän jälkeen…",
  run_question_none: "Tänään kukaan ei ole poistettavana. Ajetaanko säilytys silti (ajosta jää merkintä)?",
  run_question: "Tänään poistetaan pysyvästi {n} henkilöä ({date}). Poistoa ei voi perua. Ajetaanko säilytys?",
  run_question_one: "Tänään poistetaan pysyvästi 1 henkilö ({date}). Poistoa ei voi perua. Ajetaanko säilytys?",
  run_yes: "Aja ja poista",
  run_result: "Ajo valmis: {erased} poistettu, {kept} säilyi. Poistokuitteja {receipts}.",
  run_clock_check:
    "Tarkista koneen päivämäärä ja kellonaika. Jos ne ovat oikein, aja säilytys silti: ajo poistaa ne, joiden säilytysaika on tämän päivän mukaan kulunut.",
  run_clock_confirm: "Kello on oikein — aja silti",

  rules_heading: "Säännöt",
  rules_intro: "Säilytysaika kuukausina (1–1200) ja sen peruste. Muutos vaikuttaa seuraavaan esikatseluun ja ajoon.",
  rules_empty: "Sääntöjä ei ole.",
  rule_months: "Kuukautta",
  rule_months_invalid: "Anna kokonaisluku väliltä 1–1200.",
  rule_reference_fi: "Peruste suomeksi",
  rule_reference_en: "Peruste englanniksi",
  rule_save: "Tallenna",
  rule_saved: "Tallennettu.",
  rule_updated: "Muutettu {date}",

  runs_heading: "Tehdyt ajot",
  runs_empty: "Säilytystä ei ole vielä ajettu.",
  col_started_at: "Milloin",
  col_as_of: "Päivä",
  col_trigger: "Käynnistäjä",
  col_erased: "Poistettu",
  col_kept: "Säilyi",

  trigger_manual: "käsin",
  trigger_automatic: "automaattinen",
  trigger_cli: "komentorivi",

  rule_no_ties: "ei yhteyksiä asiakkaaseen",
  rule_contract_or_consent: "sopimuksen tai suostumuksen päättymisestä",
  rule_web_analytics: "verkkoanalytiikka",
  period_years: "{n} vuotta",
  period_year: "1 vuosi",
  period_months: "{n} kk",

  deciding_current_position: "voimassa oleva tehtävä asiakasorganisaatiossa",
  deciding_active_contract: "voimassa oleva sopimus",
  deciding_open_deal: "avoin kauppa",
  deciding_consent_in_force: "voimassa oleva suostumus",
  deciding_position_end: "viimeisen tehtävän päättyminen",
  deciding_last_meeting: "viimeisin tapaaminen",
  deciding_data_obtained: "tietojen saantipäivä",
  deciding_contract_end: "sopimuksen päättyminen",
  deciding_consent_end: "suostumuksen päättyminen",

  person_heading: "Säilytys",
  person_loading: "Haetaan säilytystietoa…",
  person_kept: "Säilytetään: {reason}",
  person_kept_until: "Säilytetään {date} asti: {reason}",
  person_due: "Poistettavana {date} (sääntö: {rule})",
  person_held: "Säilytetään {date} asti lakisääteisen säilytyksen vuoksi (poistettavana muuten {due}).",
  person_hold: "Lakisääteinen säilytys {date} asti: {reason}. Henkilöä ei poisteta ennen sitä.",

  backups_heading: "Varmuuskopiot",
  backups_intro:
    "Varmuuskopio on salattu (AES-256-GCM) avaimella, joka on käyttöjärjestelmän avainnipussa ja sisältyy palautuskoodiin. Ilman avainta varmuuskopiota ei voi lukea.",
  backups_restore_rule:
    "Kun varmuuskopio palautetaan, kaikki sen ottamisen jälkeen tehdyt poistot tehdään uudelleen ennen kuin kukaan näkee tietoja. Poistettu ei siis palaa varmuuskopiosta.",
  create_heading: "Tee varmuuskopio nyt",
  create_file: "Tiedosto",
  create_button: "Tee varmuuskopio nyt",
  create_busy: "Tehdään varmuuskopiota…",
  create_done: "Varmuuskopio tehty: {path}",
  create_size: "Koko {size}",
  create_speed: "Salaus {speed}",
  speed_unit: "Mt/s",
  file_prefix: "kortisto",

  schedule_heading: "Automaattinen varmuuskopio",
  schedule_intro:
    "Kun kansio on annettu, Kortisto tekee sinne varmuuskopion kerran vuorokaudessa sovelluksen ollessa auki ja poistaa vanhimmat niin, että tallessa on enintään annettu määrä. Tyhjä kansio: automaattinen varmuuskopio ei ole käytössä.",
  schedule_folder: "Kansio",
  schedule_keep: "Säilytettävien määrä (1–365)",
  schedule_keep_invalid: "Anna kokonaisluku väliltä 1–365.",
  schedule_save: "Tallenna",
  schedule_saved_on: "Tallennettu. Automaattinen varmuuskopio kansioon {folder}, enintään {keep} kpl.",
  schedule_saved_off: "Tallennettu. Automaattinen varmuuskopio ei ole käytössä.",

  restore_heading: "Palauta varmuuskopiosta",
  restore_intro:
    "Palautus korvaa rekisterin nykyiset tiedot varmuuskopion tiedoilla. Varmuuskopion jälkeen tehdyt poistot tehdään uudelleen. Palautuksen jälkeen voit joutua kirjautumaan uudelleen.",
  restore_file: "Varmuuskopiotiedosto",
  restore_button: "Palauta",
  restore_busy: "Palautetaan…",
  restore_question:
    "Rekisterin nykyiset tiedot korvataan varmuuskopion {file} tiedoilla. Varmuuskopion ottamisen jälkeen lisätyt ja muutetut tiedot menetetään; sen jälkeen tehdyt poistot tehdään uudelleen. Palautetaanko?",
  restore_yes: "Korvaa ja palauta",
  restore_done: "Palautettu varmuuskopiosta, joka on otettu {date}.",
  restore_reapplied: "Uudelleen tehtyjä poistoja: {n}. Poistokuitteja rekisterissä: {ledger}.",
  restore_untouched: "Rekisteriin ei koskettu: nykyiset tiedot ovat ennallaan.",
};

/** The keys of the retention and backup texts. */
export type RtKey = keyof typeof fi;

const en: Record<RtKey, string> = {
  nav_retention: "Retention",
  nav_backups: "Backups",

  loading: "Loading…",
  none: "–",

  retention_heading: "Retention and deletion",
  retention_intro:
    "The privacy notice's retention periods are the rules below. A person whose retention period has passed, and whom no legal hold covers, is erased the same way as on an erasure request.",
  retention_automatic:
    "Kortisto runs retention by itself when the app starts and then every 24 hours while it is open.",

  preview_heading: "Preview",
  preview_intro: "See who would be erased on a chosen day and by which rule. The preview erases nothing.",
  preview_as_of: "Date",
  date_hint: "As 27.11.2026",
  preview_show: "Show",
  preview_loading: "Loading…",
  preview_summary: "{date}: {due} erased, {kept} kept",
  preview_empty: "Nobody is due for deletion on this day.",
  col_name: "Name",
  col_due_on: "Due on",
  col_rule: "Rule",
  col_deciding: "What decides",
  col_deciding_date: "Its date",
  col_legal_hold: "Legal hold",
  hold_until: "{reason} (until {date})",

  run_heading: "Run retention now",
  run_intro: "Erases at once everyone due today. Each erasure leaves an erasure receipt without personal data.",
  run_button: "Run now",
  run_checking: "Checking…",
  run_running: "Erasing…",
  run_progress: "Erased {done} of {total}",
  run_cancel: "Stop",
  run_cancelling: "Stopping after the current batch…",
  run_question_none: "Nobody is due for deletion today. Run retention anyway (the run is recorded)?",
  run_question: "{n} people will be erased permanently today ({date}). This cannot be undone. Run retention?",
  run_question_one: "1 person will be erased permanently today ({date}). This cannot be undone. Run retention?",
  run_yes: "Run and erase",
  run_result: "Run finished: {erased} erased, {kept} kept. Erasure receipts: {receipts}.",
  run_clock_check:
    "Check the computer's date and time. If they are right, run retention anyway: the run erases those whose retention period has ended as of today.",
  run_clock_confirm: "The clock is right — run anyway",

  rules_heading: "Rules",
  rules_intro: "The retention period in months (1–1200) and its basis. A change applies to the next preview and run.",
  rules_empty: "There are no rules.",
  rule_months: "Months",
  rule_months_invalid: "Enter a whole number from 1 to 1200.",
  rule_reference_fi: "Basis in Finnish",
  rule_reference_en: "Basis in English",
  rule_save: "Save",
  rule_saved: "Saved.",
  rule_updated: "Changed {date}",

  runs_heading: "Past runs",
  runs_empty: "Retention has not run yet.",
  col_started_at: "When",
  col_as_of: "Date",
  col_trigger: "Started by",
  col_erased: "Erased",
  col_kept: "Kept",

  trigger_manual: "by hand",
  trigger_automatic: "automatic",
  trigger_cli: "command line",

  rule_no_ties: "no ties to a customer",
  rule_contract_or_consent: "after the contract or consent ended",
  rule_web_analytics: "web analytics",
  period_years: "{n} years",
  period_year: "1 year",
  period_months: "{n} months",

  deciding_current_position: "a current position at a customer organisation",
  deciding_active_contract: "an active contract",
  deciding_open_deal: "an open deal",
  deciding_consent_in_force: "a consent in force",
  deciding_position_end: "end of the last position",
  deciding_last_meeting: "last meeting",
  deciding_data_obtained: "date the data was obtained",
  deciding_contract_end: "end of the contract",
  deciding_consent_end: "end of the consent",

  person_heading: "Retention",
  person_loading: "Loading retention…",
  person_kept: "Kept: {reason}",
  person_kept_until: "Kept until {date}: {reason}",
  person_due: "Due for deletion on {date} (rule: {rule})",
  person_held: "Kept until {date} because of a legal hold (otherwise due for deletion on {due}).",
  person_hold: "Legal hold until {date}: {reason}. The person is not erased before then.",

  backups_heading: "Backups",
  backups_intro:
    "A backup is encrypted (AES-256-GCM) with a key kept in the operating system's keychain and covered by the recovery code. Without the key the backup cannot be read.",
  backups_restore_rule:
    "When a backup is restored, every erasure made after it was taken is applied again before anyone sees the data. What was erased does not come back from a backup.",
  create_heading: "Back up now",
  create_file: "File",
  create_button: "Back up now",
  create_busy: "Backing up…",
  create_done: "Backup made: {path}",
  create_size: "Size {size}",
  create_speed: "Encryption {speed}",
  speed_unit: "MB/s",
  file_prefix: "kortisto",

  schedule_heading: "Automatic backup",
  schedule_intro:
    "With a folder set, Kortisto writes a backup there once a day while the app is open and removes the oldest so that at most the given number are kept. Empty folder: automatic backup is off.",
  schedule_folder: "Folder",
  schedule_keep: "How many to keep (1–365)",
  schedule_keep_invalid: "Enter a whole number from 1 to 365.",
  schedule_save: "Save",
  schedule_saved_on: "Saved. Automatic backup to {folder}, at most {keep} kept.",
  schedule_saved_off: "Saved. Automatic backup is off.",

  restore_heading: "Restore from a backup",
  restore_intro:
    "A restore replaces the register's current data with the backup's. Erasures made after the backup are applied again. After a restore you may need to log in again.",
  restore_file: "Backup file",
  restore_button: "Restore",
  restore_busy: "Restoring…",
  restore_question:
    "The register's current data will be replaced with the data of the backup {file}. Data added or changed since the backup was taken is lost; erasures made since are applied again. Restore?",
  restore_yes: "Replace and restore",
  restore_done: "Restored from the backup taken {date}.",
  restore_reapplied: "Erasures applied again: {n}. Erasure receipts in the register: {ledger}.",
  restore_untouched: "The register was not touched: its current data is unchanged.",
};

/** All retention and backup texts, by language. */
export const retentionTexts: Record<Language, Record<RtKey, string>> = { fi, en };

/** The current language's retention and backup texts: `$rt.preview_show`. */
export const rt = derived(language, (current) => retentionTexts[current]);

/** A navigation label from either dictionary (the shell's own keys, or this file's). */
export type NavLabel = MessageKey | RtKey;

/** `$navText(label)`: a menu entry's text in the current language, this file's keys first. */
export const navText = derived([t, rt], ([shell, own]) => (label: NavLabel): string =>
  Object.prototype.hasOwnProperty.call(own, label) ? own[label as RtKey] : shell[label as MessageKey],
);
