// The Import screen's texts in Finnish (default) and English, and `$it` for the current language.
// Kept apart from lib/i18n.ts (same shape rules: Finnish is the source, English must have every key).
import { derived } from "svelte/store";
import type { ImportOutcome, ImportReason, Language } from "../../lib/generated";
import { language } from "../../lib/i18n";

/** Finnish: the source dictionary. Its keys are the keys English must have. */
const fi = {
  heading: "Tuo yhteystiedot",
  intro:
    "Tuo henkilöt puhelimen, Outlookin, Googlen tai vanhan asiakasrekisterin vCard- tai CSV-tiedostosta. Koeajo näyttää ensin rivi riviltä, mitä tuonti tekisi; mitään ei tallenneta ennen kuin vahvistat.",
  file: "Tiedosto",
  file_hint: "vCard (.vcf) tai CSV (.csv)",
  choose: "Valitse tiedosto…",
  map: "Sarakemäärittely (vain muille CSV-tiedostoille)",
  map_hint: "Tiedosto, jonka rivit ovat muotoa Sarake = kenttä (esim. Henkilö = full_name). Googlen ja Outlookin tiedostot eivät tarvitse sitä.",
  choose_map: "Valitse määrittely…",
  filter_name: "Yhteystiedot (vCard, CSV)",
  map_filter_name: "Sarakemäärittely",
  file_missing: "Valitse ensin tuotava tiedosto.",
  plan: "Koeajo",
  planning: "Luetaan tiedostoa…",
  empty:
    "Valitse tiedosto ja tee koeajo. Kuvia ja verkko-osoitteita ei lueta eikä haeta; niitä ei tuoda.",
  plan_heading: "Koeajo: {file}",
  plan_nothing_saved: "Mitään ei ole vielä tallennettu.",
  counts: "Uusia {new}, jo rekisterissä {same}, mahdollisia kaksoiskappaleita {likely}, estolistalla {suppressed}, virheellisiä {invalid}.",
  col_row: "Rivi",
  col_name: "Nimi",
  col_organisation: "Organisaatio ja tehtävä",
  col_contacts: "Yhteystiedot",
  col_outcome: "Tulos",
  same_as_row: "sama kuin rivi {row}",
  skipped: "Ei kelpaa, jätetään pois: {values}",
  add_duplicates: "Tuo myös mahdolliset kaksoiskappaleet (olen tarkistanut ne)",
  add_suppressed: "Tuo myös estolistalla olevat (pääkäyttäjän päätös)",
  confirm: "Tuo {n} henkilöä",
  confirm_none: "Tiedostossa ei ole tuotavia uusia henkilöitä.",
  running: "Tuodaan…",
  progress: "Käsitelty {done} / {total}",
  stop: "Keskeytä",
  stopping: "Keskeytetään nykyisen erän jälkeen…",
  result: "Tuonti valmis: {added} henkilöä lisätty tiedostosta {file}.",
  result_stopped: "Tuonti keskeytettiin: {added} henkilöä lisätty, {done} / {total} riviä käsitelty. Lisätyt ovat kokonaisia; tuo sama tiedosto uudelleen jatkaaksesi, jo tuodut tunnistetaan.",
  open_people: "Näytä henkilöt",
  again: "Tuo toinen tiedosto",
  none: "–",

  outcome_new: "Uusi",
  outcome_same: "On jo rekisterissä",
  outcome_likely_duplicate: "Mahdollinen kaksoiskappale",
  outcome_suppressed: "Estolistalla",
  outcome_invalid: "Virheellinen",

  reason_same_uid: "sama vCard-tunniste (UID) kuin aiemmin tuodulla",
  reason_same_email: "sama sähköpostiosoite",
  reason_same_phone: "sama puhelinnumero",
  reason_same_in_file: "sama henkilö on tiedostossa jo aiemmalla rivillä",
  reason_same_name_in_organisation: "sama nimi samassa organisaatiossa",
  reason_erased_opt_out: "osoite kuului poistetulle henkilölle, joka kielsi markkinoinnin; vain pääkäyttäjä voi lisätä sen",
  reason_no_end: "kortilta puuttuu END:VCARD (tiedosto on katkennut tai vioittunut)",
  reason_unreadable_line: "kortilla on rivi, joka ei ole vCard-tietoa",
  reason_value_too_long: "kortilla on liian pitkä arvo",
  reason_no_name: "sukunimi tai etunimi puuttuu",
  reason_name_invalid: "nimessä on merkkejä, joita nimessä ei voi olla",
};

export type ImportTextKey = keyof typeof fi;

const en: Record<ImportTextKey, string> = {
  heading: "Import contacts",
  intro:
    "Import people from a vCard or CSV file of a phone, Outlook, Google or an old customer register. A dry run first shows, row by row, what the import would do; nothing is saved until you confirm.",
  file: "File",
  file_hint: "vCard (.vcf) or CSV (.csv)",
  choose: "Choose file…",
  map: "Column mapping (only for other CSV files)",
  map_hint: "A file of lines Column = field (e.g. Person = full_name). Google's and Outlook's files do not need one.",
  choose_map: "Choose mapping…",
  filter_name: "Contacts (vCard, CSV)",
  map_filter_name: "Column mapping",
  file_missing: "Choose the file to import first.",
  plan: "Dry run",
  planning: "Reading the file…",
  empty: "Choose a file and make a dry run. Photos and web addresses are never read or fetched; they are not imported.",
  plan_heading: "Dry run: {file}",
  plan_nothing_saved: "Nothing has been saved yet.",
  counts: "New {new}, already in the register {same}, likely duplicates {likely}, on the suppression list {suppressed}, invalid {invalid}.",
  col_row: "Row",
  col_name: "Name",
  col_organisation: "Organisation and title",
  col_contacts: "Contact data",
  col_outcome: "Outcome",
  same_as_row: "the same as row {row}",
  skipped: "Not valid, left out: {values}",
  add_duplicates: "Import the likely duplicates too (I have checked them)",
  add_suppressed: "Import the ones on the suppression list too (administrator's decision)",
  confirm: "Import {n} people",
  confirm_none: "The file has no new people to import.",
  running: "Importing…",
  progress: "Done {done} / {total}",
  stop: "Stop",
  stopping: "Stopping after the current batch…",
  result: "Import done: {added} people added from {file}.",
  result_stopped: "The import was stopped: {added} people added, {done} / {total} rows done. Those added are whole; import the same file again to go on, those already imported are recognised.",
  open_people: "Show people",
  again: "Import another file",
  none: "–",

  outcome_new: "New",
  outcome_same: "Already in the register",
  outcome_likely_duplicate: "Likely duplicate",
  outcome_suppressed: "On the suppression list",
  outcome_invalid: "Invalid",

  reason_same_uid: "the same vCard UID as one imported before",
  reason_same_email: "the same e-mail address",
  reason_same_phone: "the same phone number",
  reason_same_in_file: "the same person is on an earlier row of the file",
  reason_same_name_in_organisation: "the same name at the same organisation",
  reason_erased_opt_out: "the address belonged to an erased person who opted out of marketing; only an administrator can add it",
  reason_no_end: "the card has no END:VCARD (the file was cut off or damaged)",
  reason_unreadable_line: "the card has a line that is not vCard data",
  reason_value_too_long: "the card has a value that is too long",
  reason_no_name: "the surname or the first name is missing",
  reason_name_invalid: "the name has characters a name cannot have",
};

/** All Import texts, by language. */
export const importTexts: Record<Language, Record<ImportTextKey, string>> = { fi, en };

/** The current language's Import texts: `$it.plan`. */
export const it = derived(language, (current) => importTexts[current]);

/** The dictionary key of an outcome. */
export function outcomeKey(outcome: ImportOutcome): ImportTextKey {
  return `outcome_${outcome.replaceAll("-", "_")}` as ImportTextKey;
}

/** The dictionary key of a reason. */
export function reasonKey(reason: ImportReason): ImportTextKey {
  return `reason_${reason.replaceAll("-", "_")}` as ImportTextKey;
}
