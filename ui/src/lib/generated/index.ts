// Generated from the Rust types by tests/bindings.rs; do not edit by hand.
// Refresh: KORTISTO_UPDATE_BINDINGS=1 cargo test --test bindings

export type Language = "fi" | "en";

export type Preferences = { 
/**
 * The interface language.
 */
language: Language, };

export type RegisterStatus = { 
/**
 * The register's id.
 */
register_id: string, 
/**
 * Schema version recorded in the database.
 */
schema_version: number, 
/**
 * Which keychain holds the key.
 */
key_backend: string, 
/**
 * The keychain service name the key is filed under.
 */
keychain_service: string, 
/**
 * The data directory.
 */
data_dir: string, 
/**
 * Bytes on disk: database file plus write-ahead log.
 */
database_bytes: number, 
/**
 * When the register was created (RFC 3339, UTC).
 */
created_at: string, 
/**
 * Number of records by kind.
 */
counts: Record<string, number>, 
/**
 * What the audit anchor kept outside the database said at opening: `ok`, `truncated`
 * (entries were removed from the end of the audit trail), `anchor_invalid` or
 * `anchor_missing`.
 */
audit_tail: string, };

export type StartupState = { "state": "empty" } | { "state": "created", 
/**
 * The recovery code, for the write-it-down step.
 */
recovery_code: string, 
/**
 * The new register.
 */
status: RegisterStatus, } | { "state": "restored", 
/**
 * The register.
 */
status: RegisterStatus, 
/**
 * False until the first administrator exists (the UI then asks for one).
 */
has_users: boolean, 
/**
 * What the restore did (erasures re-applied and so on).
 */
report: RestoreReport, } | { "state": "opened", 
/**
 * The register.
 */
status: RegisterStatus, 
/**
 * False until the first administrator exists (the UI then asks for one).
 */
has_users: boolean, };

export type Message = { 
/**
 * Suomeksi.
 */
fi: string, 
/**
 * In English.
 */
en: string, };

export type AppError = { 
/**
 * Stable code (see `kortisto_core::Error::code`).
 */
code: string, 
/**
 * Values the sentence refers to.
 */
params: Record<string, unknown>, 
/**
 * The sentence in both languages.
 */
message: Message, };

export type Role = "admin" | "office" | "sales";

export type Session = { 
/**
 * The user's id.
 */
user_id: string, 
/**
 * Log-in name.
 */
username: string, 
/**
 * Name shown in the app.
 */
display_name: string, 
/**
 * Role at log-in.
 */
role: Role, };

export type User = { 
/**
 * The user's id.
 */
user_id: string, 
/**
 * Log-in name.
 */
username: string, 
/**
 * Name shown in the app.
 */
display_name: string, 
/**
 * Role.
 */
role: Role, 
/**
 * Whether the user may log in.
 */
active: boolean, 
/**
 * When the account was made.
 */
created_at: string, 
/**
 * The latest completed privacy training (ISO date).
 */
last_training_on: string | null, 
/**
 * True when the latest training is more than 12 months old, or there is none.
 */
training_overdue: boolean, };

export type NewUser = { 
/**
 * Log-in name.
 */
username: string, 
/**
 * Name shown in the app.
 */
display_name: string, 
/**
 * Role.
 */
role: Role, };

export type AuditEvent = { 
/**
 * Position in the chain.
 */
seq: number, 
/**
 * The entry's id.
 */
event_id: string, 
/**
 * When (RFC 3339, UTC).
 */
at: string, 
/**
 * Who (none for a failed log-in with an unknown username).
 */
user_id: string | null, 
/**
 * The user's log-in name, for reading (staff data, not register data).
 */
username: string | null, 
/**
 * What was done.
 */
action: string, 
/**
 * The kind of record touched (`user`, `person`, …).
 */
record_kind: string | null, 
/**
 * The id of the record touched.
 */
record_id: string | null, };

export type AuditFilter = { 
/**
 * From this instant or date on (RFC 3339 or `YYYY-MM-DD`).
 */
since: string | null, 
/**
 * Before this instant or date.
 */
until: string | null, 
/**
 * Only this user's entries.
 */
username: string | null, 
/**
 * Only this action.
 */
action: string | null, 
/**
 * Only entries about this record id.
 */
record_id: string | null, 
/**
 * At most this many (default 500).
 */
limit: number | null, };

export type AuditVerification = { 
/**
 * Entries checked.
 */
entries: number, 
/**
 * Whether every entry matched.
 */
intact: boolean, 
/**
 * The first entry that does not match.
 */
first_broken_seq: number | null, 
/**
 * Why it does not match: `altered` (its content changed), `link` (an entry before it
 * was removed or moved), `truncated` (entries were removed from the end: the anchor
 * kept outside the database names an entry the trail no longer holds), or
 * `reads_altered` (the ids kept for a read no longer match its entry), or
 * `anchor_invalid` / `anchor_missing` (the anchor itself was edited or removed); with
 * a team hub also `truncated` (the hub's copy holds an entry the trail lost) and
 * `rewritten` (an entry differs from the hub's copy of it).
 */
problem: string | null, 
/**
 * The trail against this device's copy on the team hub: `matches`, `differs` (see
 * `problem`), `not_checked` (the hub could not be asked: see `hub_copy_error`; the
 * trail was checked locally only), or none when the register has no hub.
 */
hub_copy: string | null, 
/**
 * Why the hub's copy was not checked (an error code such as `hub_unreachable`).
 */
hub_copy_error: string | null, };

export type TrainingRecord = { 
/**
 * The record's id.
 */
training_id: string, 
/**
 * Who completed it.
 */
user_id: string, 
/**
 * Their username.
 */
username: string, 
/**
 * When (ISO date).
 */
completed_on: string, 
/**
 * What the training covered.
 */
topic: string, 
/**
 * The administrator who recorded it.
 */
recorded_by: string, 
/**
 * When it was recorded.
 */
recorded_at: string, 
/**
 * The test result (none for trainings recorded before results were).
 */
result: TrainingResult | null, 
/**
 * The test score, 0–100, if one was given.
 */
score: number | null, };

export type TrainingResult = "passed" | "failed";

export type TrainingState = "passed" | "never" | "failed" | "no_result" | "expired";

export type TrainingStatus = { 
/**
 * The user.
 */
user_id: string, 
/**
 * Their log-in name.
 */
username: string, 
/**
 * Their name as shown in the app.
 */
display_name: string, 
/**
 * Where they stand.
 */
state: TrainingState, 
/**
 * Their latest training (ISO date), if any.
 */
latest_on: string | null, 
/**
 * Its test score (0–100), if recorded.
 */
latest_score: number | null, };

export type ReadKind = "opened" | "found" | "listed" | "exported";

export type PersonRead = { 
/**
 * The read's audit entry (its event id), unique on every device.
 */
read_id: string, 
/**
 * The audit entry's position in the chain of the device that made the read.
 */
seq: number, 
/**
 * When (RFC 3339, UTC).
 */
at: string, 
/**
 * Who (user id).
 */
user_id: string | null, 
/**
 * Their log-in name.
 */
username: string | null, 
/**
 * Their name as shown in the app.
 */
display_name: string | null, 
/**
 * The audited action (`person_view`, `search`, `person_list`, …).
 */
action: string, 
/**
 * How the read showed the person.
 */
kind: ReadKind, 
/**
 * How many people the read showed in all (1 for a page view).
 */
shown: number, 
/**
 * Made on this device (false: on another of the team's devices, shared at a sync).
 */
this_device: boolean, };

export type InternalAuditResult = "passed" | "findings" | "failed";

export type InternalAudit = { 
/**
 * The record's id.
 */
internal_audit_id: string, 
/**
 * When it was held (ISO date).
 */
held_on: string, 
/**
 * What it covered.
 */
scope: string, 
/**
 * The outcome.
 */
result: InternalAuditResult, 
/**
 * What is to be done next (may be empty when passed).
 */
follow_up: string, 
/**
 * The administrator who recorded it.
 */
recorded_by: string, 
/**
 * When it was recorded.
 */
recorded_at: string, };

export type SourceKind = "rfq-or-contract-document" | "business-card" | "email-or-social-media" | "customer-meeting" | "event" | "public-source" | "data-provider" | "portal-registration" | "self-service";

export type SourceInput = { 
/**
 * The kind.
 */
kind: SourceKind, 
/**
 * Which event, public source or data provider (required for those kinds).
 */
detail: string | null, 
/**
 * When the data was obtained (`27.11.2026` or ISO); today when empty.
 */
obtained_on: string | null, };

export type Source = { 
/**
 * The source's id.
 */
source_id: string, 
/**
 * The kind.
 */
kind: SourceKind, 
/**
 * Which event, public source or data provider.
 */
detail: string | null, 
/**
 * When the data was obtained (ISO date).
 */
obtained_on: string, 
/**
 * The user who recorded it.
 */
recorded_by: string, 
/**
 * Their display name.
 */
recorded_by_name: string, 
/**
 * When it was recorded.
 */
recorded_at: string, };

export type OrganisationKind = "company" | "unit" | "public-body" | "association" | "sole-trader";

export type OrganisationInput = { 
/**
 * Name.
 */
name: string, 
/**
 * Kind (`company` when not given).
 */
kind: OrganisationKind | null, 
/**
 * Parent organisation (required for units).
 */
parent_id: string | null, 
/**
 * Y-tunnus `1234567-8`.
 */
business_id: string | null, 
/**
 * Customer since (`27.11.2026` or ISO).
 */
customer_since: string | null, 
/**
 * Customer until.
 */
customer_until: string | null, };

export type Organisation = { 
/**
 * Id.
 */
organisation_id: string, 
/**
 * Name.
 */
name: string, 
/**
 * Kind.
 */
kind: OrganisationKind, 
/**
 * Parent organisation (units).
 */
parent_id: string | null, 
/**
 * The parent's name.
 */
parent_name: string | null, 
/**
 * Y-tunnus.
 */
business_id: string | null, 
/**
 * Customer since (ISO date).
 */
customer_since: string | null, 
/**
 * Customer until (ISO date).
 */
customer_until: string | null, 
/**
 * Created.
 */
created_at: string, 
/**
 * Last changed.
 */
updated_at: string, 
/**
 * A prospect: added by a sales rep from a business card, to be completed by office
 * staff (its Y-tunnus); an edit that leaves it with a Y-tunnus completes it.
 */
prospect: boolean, };

export type OrganisationPage = { 
/**
 * The organisation.
 */
organisation: Organisation, 
/**
 * Its units (children), recursively in tree order.
 */
units: Array<Organisation>, 
/**
 * People with a position there (current first).
 */
positions: Array<Position>, 
/**
 * Its own contact data.
 */
contacts: Array<Contact>, 
/**
 * Its deals.
 */
deals: Array<Deal>, 
/**
 * Its latest meetings (at most 200).
 */
meetings: Array<Meeting>, 
/**
 * Service elements registered for it.
 */
service_elements: Array<ServiceElement>, 
/**
 * Rectification history of its data.
 */
history: Array<HistoryEntry>, };

export type ListPage<T> = { 
/**
 * How many there are in all.
 */
total: number, 
/**
 * This page.
 */
items: Array<T>, };

export type PersonInput = { 
/**
 * Surname.
 */
surname: string, 
/**
 * First name.
 */
first_name: string, 
/**
 * Other first names.
 */
other_first_names: string | null, };

export type Person = { 
/**
 * Id.
 */
person_id: string, 
/**
 * Surname.
 */
surname: string, 
/**
 * First name.
 */
first_name: string, 
/**
 * Other first names.
 */
other_first_names: string | null, 
/**
 * Where the person's record came from.
 */
source: Source, 
/**
 * Created.
 */
created_at: string, 
/**
 * Last changed.
 */
updated_at: string, };

export type PersonSummary = { 
/**
 * Id.
 */
person_id: string, 
/**
 * Surname.
 */
surname: string, 
/**
 * First name.
 */
first_name: string, 
/**
 * Title of the current position.
 */
title: string | null, 
/**
 * Organisation of the current position.
 */
organisation_name: string | null, 
/**
 * Whether processing is restricted (Art. 18).
 */
restricted: boolean, };

export type ContactKind = "address" | "phone" | "mobile" | "email" | "social";

export type ContactInput = { 
/**
 * Kind.
 */
kind: ContactKind, 
/**
 * The address, number, e-mail or handle/URL.
 */
value: string, 
/**
 * A label ("work", "visiting address", …).
 */
label: string | null, 
/**
 * For social contacts: which service (LinkedIn, …).
 */
social_kind: string | null, };

export type Contact = { 
/**
 * Id.
 */
contact_id: string, 
/**
 * The person it belongs to.
 */
person_id: string | null, 
/**
 * The organisation it belongs to.
 */
organisation_id: string | null, 
/**
 * Kind.
 */
kind: ContactKind, 
/**
 * Label.
 */
label: string | null, 
/**
 * As stored (phone numbers in E.164).
 */
value: string, 
/**
 * As shown (phone numbers in national form).
 */
display: string, 
/**
 * Social service.
 */
social_kind: string | null, 
/**
 * Where it came from.
 */
source: Source, 
/**
 * When it was marked as no longer valid (kept and shown, but not used); none while valid.
 */
retired_at: string | null, };

export type PositionInput = { 
/**
 * Who.
 */
person_id: string, 
/**
 * Where.
 */
organisation_id: string, 
/**
 * Title.
 */
title: string, 
/**
 * Job description.
 */
job_description: string | null, 
/**
 * Start date.
 */
start_on: string | null, 
/**
 * End date (empty while current).
 */
end_on: string | null, };

export type Position = { 
/**
 * Id.
 */
position_id: string, 
/**
 * Who.
 */
person_id: string, 
/**
 * Their name ("Surname First").
 */
person_name: string, 
/**
 * Where.
 */
organisation_id: string, 
/**
 * The organisation's name.
 */
organisation_name: string, 
/**
 * Title.
 */
title: string, 
/**
 * Job description.
 */
job_description: string | null, 
/**
 * Start date.
 */
start_on: string | null, 
/**
 * End date.
 */
end_on: string | null, };

export type PersonPage = { 
/**
 * The person.
 */
person: Person, 
/**
 * Contact data with sources.
 */
contacts: Array<Contact>, 
/**
 * Positions, current first.
 */
positions: Array<Position>, 
/**
 * Deals they are party to.
 */
deals: Array<Deal>, 
/**
 * Their latest meetings (at most 200).
 */
meetings: Array<Meeting>, 
/**
 * Service elements registered to them.
 */
service_elements: Array<ServiceElement>, 
/**
 * Rectification history.
 */
history: Array<HistoryEntry>, 
/**
 * Restrictions of processing, newest first (the one in force has no `lifted_at`).
 */
restrictions: Array<Restriction>, 
/**
 * Objections, newest first.
 */
objections: Array<Objection>, };

export type BusinessCard = { 
/**
 * The person.
 */
person: PersonInput, 
/**
 * An existing organisation …
 */
organisation_id: string | null, 
/**
 * … or a new one (needs the right to add organisations).
 */
new_organisation: OrganisationInput | null, 
/**
 * Title at that organisation.
 */
title: string | null, 
/**
 * Contact data.
 */
contacts: Array<ContactInput>, 
/**
 * Where it came from (applies to the person and every contact datum).
 */
source: SourceInput, };

export type BusinessCardSaved = { 
/**
 * The new person.
 */
person_id: string, 
/**
 * The organisation (existing or new).
 */
organisation_id: string | null, 
/**
 * The new position.
 */
position_id: string | null, };

export type DuplicateReason = "same-email" | "same-phone" | "same-name-in-organisation" | "erased-opt-out";

export type DuplicateCandidate = { 
/**
 * The existing person.
 */
person_id: string, 
/**
 * Their surname.
 */
surname: string, 
/**
 * Their first name.
 */
first_name: string, 
/**
 * Their current organisation.
 */
organisation_name: string | null, 
/**
 * Why they match.
 */
reason: DuplicateReason, };

export type DealKind = "delivery-contract" | "service-contract" | "offer" | "rfq" | "lead" | "info-request";

export type DealStatus = "open" | "active" | "won" | "lost" | "ended" | "cancelled";

export type DealInput = { 
/**
 * Kind.
 */
kind: DealKind, 
/**
 * The customer organisation.
 */
organisation_id: string, 
/**
 * Title.
 */
title: string, 
/**
 * Status.
 */
status: DealStatus, 
/**
 * Start date (contract start).
 */
start_on: string | null, 
/**
 * End date (contract end).
 */
end_on: string | null, 
/**
 * Notes.
 */
notes: string | null, 
/**
 * People involved.
 */
person_ids: Array<string>, };

export type PersonRef = { 
/**
 * Id.
 */
person_id: string, 
/**
 * "Surname First".
 */
name: string, };

export type Deal = { 
/**
 * Id.
 */
deal_id: string, 
/**
 * Kind.
 */
kind: DealKind, 
/**
 * The customer organisation.
 */
organisation_id: string, 
/**
 * Its name.
 */
organisation_name: string, 
/**
 * Title.
 */
title: string, 
/**
 * Status.
 */
status: DealStatus, 
/**
 * Start date.
 */
start_on: string | null, 
/**
 * End date.
 */
end_on: string | null, 
/**
 * Notes.
 */
notes: string | null, 
/**
 * People involved.
 */
people: Array<PersonRef>, };

export type DealFilter = { 
/**
 * Only this kind.
 */
kind: DealKind | null, 
/**
 * Only this status.
 */
status: DealStatus | null, 
/**
 * Skip this many.
 */
offset: number, 
/**
 * At most this many (default 100).
 */
limit: number | null, };

export type MeetingKind = "meeting" | "call" | "email" | "visit" | "web-meeting";

export type MeetingInput = { 
/**
 * Kind.
 */
kind: MeetingKind, 
/**
 * When: `27.11.2026 14.30`, `2026-11-27T14:30` (local time) or RFC 3339; now when empty.
 */
at: string | null, 
/**
 * Subject.
 */
subject: string, 
/**
 * Participants (at least one).
 */
participant_ids: Array<string>, 
/**
 * Short notes.
 */
notes: string | null, 
/**
 * The customer organisation (optional).
 */
organisation_id: string | null, };

export type Meeting = { 
/**
 * Id.
 */
meeting_id: string, 
/**
 * Kind.
 */
kind: MeetingKind, 
/**
 * When (RFC 3339, UTC).
 */
at: string, 
/**
 * Subject.
 */
subject: string, 
/**
 * Notes.
 */
notes: string | null, 
/**
 * The customer organisation.
 */
organisation_id: string | null, 
/**
 * Its name.
 */
organisation_name: string | null, 
/**
 * Participants.
 */
participants: Array<PersonRef>, 
/**
 * Who logged it (user id).
 */
logged_by: string, 
/**
 * Their display name.
 */
logged_by_name: string, };

export type Controller = { 
/**
 * Name.
 */
name: string, 
/**
 * Postal address.
 */
address: string, 
/**
 * Y-tunnus.
 */
business_id: string, 
/**
 * The data-protection contact (e-mail, phone).
 */
contact: string, 
/**
 * The contact person responsible for the register.
 */
responsible: string, 
/**
 * The supervisory authority a person may complain to (Art. 77).
 */
complaint_authority: string, };

export type LawfulBasis = "consent" | "contract" | "legal-obligation" | "vital-interests" | "public-task" | "legitimate-interest";

export type Purpose = { 
/**
 * Its id.
 */
purpose_id: string, 
/**
 * Its name in Finnish.
 */
name_fi: string, 
/**
 * Its name in English.
 */
name_en: string, 
/**
 * Its lawful bases.
 */
bases: Array<LawfulBasis>, 
/**
 * The consent purpose it depends on.
 */
consent_purpose: string | null, 
/**
 * Last changed.
 */
updated_at: string, };

export type PurposeInput = { 
/**
 * Its id (lower-case letters, digits and hyphens), e.g. `direct-marketing`.
 */
purpose_id: string, 
/**
 * Its name in Finnish.
 */
name_fi: string, 
/**
 * Its name in English.
 */
name_en: string, 
/**
 * Its lawful bases: at least one.
 */
bases: Array<LawfulBasis>, 
/**
 * The consent purpose of the ledger it depends on; required when a basis is consent
 * (created with the purpose's names when it does not exist yet).
 */
consent_purpose: string | null, };

export type NoticeVersion = { 
/**
 * Id.
 */
notice_version_id: string, 
/**
 * Its language.
 */
language: Language, 
/**
 * When it was published (RFC 3339).
 */
published_at: string, 
/**
 * Who published it.
 */
published_by_name: string, 
/**
 * Its text (Markdown, without the publication day).
 */
content: string, };

export type NoticeChange = { 
/**
 * `added` or `removed`.
 */
change: string, 
/**
 * The section it is in (its heading).
 */
section: string, 
/**
 * The line.
 */
line: string, };

export type NoticeVersionChanges = { 
/**
 * The version.
 */
version: NoticeVersion, 
/**
 * Whether an earlier version in its language exists.
 */
has_previous: boolean, 
/**
 * The lines added and removed since it.
 */
changes: Array<NoticeChange>, };

export type PublishedNotice = { 
/**
 * The version kept in the register, with its changes.
 */
published: NoticeVersionChanges, 
/**
 * The Markdown file.
 */
markdown_path: string, 
/**
 * The HTML file.
 */
html_path: string, 
/**
 * The PDF file.
 */
pdf_path: string, };

export type RecordFiles = { 
/**
 * The PDF.
 */
pdf_path: string, 
/**
 * The CSV.
 */
csv_path: string, 
/**
 * The JSON.
 */
json_path: string, };

export type MeetingFilter = { 
/**
 * Only with this participant.
 */
person_id: string | null, 
/**
 * Only with this organisation.
 */
organisation_id: string | null, 
/**
 * Skip this many.
 */
offset: number, 
/**
 * At most this many (default 100).
 */
limit: number | null, };

export type ServiceElementKind = "licence" | "device" | "service";

export type ServiceElementInput = { 
/**
 * Kind.
 */
kind: ServiceElementKind, 
/**
 * Vendor.
 */
vendor: string, 
/**
 * Licence key, serial number or service id.
 */
identifier: string, 
/**
 * The customer organisation.
 */
organisation_id: string, 
/**
 * The person it is registered to.
 */
person_id: string | null, 
/**
 * Valid from.
 */
valid_from: string | null, 
/**
 * Valid to.
 */
valid_to: string | null, };

export type ServiceElement = { 
/**
 * Id.
 */
element_id: string, 
/**
 * Kind.
 */
kind: ServiceElementKind, 
/**
 * Vendor.
 */
vendor: string, 
/**
 * Identifier.
 */
identifier: string, 
/**
 * The customer organisation.
 */
organisation_id: string, 
/**
 * Its name.
 */
organisation_name: string, 
/**
 * The person it is registered to.
 */
person_id: string | null, 
/**
 * Their name.
 */
person_name: string | null, 
/**
 * Valid from.
 */
valid_from: string | null, 
/**
 * Valid to.
 */
valid_to: string | null, };

export type HistoryEntry = { 
/**
 * The change's id.
 */
change_id: string, 
/**
 * `person`, `organisation`, `meeting`, `deal`, `processor` or `transfer`.
 */
record_kind: string, 
/**
 * The record changed.
 */
record_id: string, 
/**
 * The field (`surname`, `contact.email`, `position`, …).
 */
field: string, 
/**
 * The value before (none when added).
 */
old_value: string | null, 
/**
 * The value after.
 */
new_value: string | null, 
/**
 * When the old value is a person's or an organisation's id (a meeting's `participant`, a
 * deal's `person` or `organisation_id`, an organisation's `parent_id`, a transfer's
 * `processor_id`): their name as
 * shown ("Surname First"), so that no raw id reaches the user. None when not an id or
 * when the record is gone.
 */
old_label: string | null, 
/**
 * The same for the new value.
 */
new_label: string | null, 
/**
 * Who changed it (user id).
 */
changed_by: string, 
/**
 * Their display name.
 */
changed_by_name: string, 
/**
 * When.
 */
changed_at: string, 
/**
 * The data subject's request the change was made for, if any.
 */
request_id: string | null, };

export type SearchHit = { 
/**
 * `person` or `organisation`.
 */
record_kind: string, 
/**
 * The record's id.
 */
record_id: string, 
/**
 * "Surname First" or the organisation's name.
 */
title: string, 
/**
 * Current position or business ID, for telling hits apart.
 */
subtitle: string | null, 
/**
 * A person whose processing is restricted (Art. 18).
 */
restricted: boolean, 
/**
 * A person's organisation in their ongoing position (the latest if several), so a meeting
 * with them can be filed under it and people of one organisation ranked together.
 */
organisation_id?: string, 
/**
 * That organisation's name.
 */
organisation_name?: string, };

export type ConsentEventKind = "given" | "withdrawn";

export type ConsentChannel = "form" | "email" | "phone" | "in-person" | "self-service";

export type ConsentInput = { 
/**
 * Whose consent.
 */
person_id: string, 
/**
 * For what (`direct-marketing`).
 */
purpose: string, 
/**
 * Given or withdrawn.
 */
kind: ConsentEventKind, 
/**
 * How.
 */
channel: ConsentChannel, 
/**
 * The version of the wording the person saw (e.g. `markkinointi-2026-01`).
 */
wording_version: string, 
/**
 * Evidence: where the signed form or the e-mail is kept.
 */
evidence: string | null, 
/**
 * When (RFC 3339 or `27.11.2026 14.30`); now when empty.
 */
at: string | null, };

export type ConsentEvent = { 
/**
 * Id.
 */
consent_event_id: string, 
/**
 * Whose.
 */
person_id: string, 
/**
 * For what.
 */
purpose: string, 
/**
 * Given or withdrawn.
 */
kind: ConsentEventKind, 
/**
 * When.
 */
at: string, 
/**
 * How.
 */
channel: ConsentChannel, 
/**
 * Wording version.
 */
wording_version: string, 
/**
 * Evidence.
 */
evidence: string | null, 
/**
 * Recorded by (user id).
 */
recorded_by: string, 
/**
 * Their display name.
 */
recorded_by_name: string, };

export type MarketingContact = { 
/**
 * Id.
 */
person_id: string, 
/**
 * Surname.
 */
surname: string, 
/**
 * First name.
 */
first_name: string, 
/**
 * E-mail addresses.
 */
emails: Array<string>, 
/**
 * When the consent in force was given.
 */
consent_given_at: string, };

export type ExportFormat = "csv" | "json";

export type ExportedFile = { 
/**
 * The file.
 */
path: string, 
/**
 * How many people it lists.
 */
count: number, };

export type ProcessorInput = { 
/**
 * Company name.
 */
name: string, 
/**
 * What they do for us (e.g. webinar platform).
 */
service: string, 
/**
 * Purpose of the processing.
 */
purpose: string, 
/**
 * Data processing agreement reference.
 */
agreement_reference: string, 
/**
 * Agreement date.
 */
agreement_date: string, 
/**
 * Where the data is processed (e.g. "EU (Irlanti)").
 */
processing_location: string, };

export type Processor = { 
/**
 * Id.
 */
processor_id: string, 
/**
 * Company name.
 */
name: string, 
/**
 * Service.
 */
service: string, 
/**
 * Purpose.
 */
purpose: string, 
/**
 * Agreement reference.
 */
agreement_reference: string, 
/**
 * Agreement date (ISO).
 */
agreement_date: string, 
/**
 * Where the data is processed.
 */
processing_location: string, 
/**
 * When the processing ended (ISO); an ended processor stays listed and takes no new
 * disclosures.
 */
ended_on: string | null, };

export type LegalBasis = "adequacy-decision" | "standard-contractual-clauses" | "binding-corporate-rules" | "derogation" | "privacy-shield";

export type TransferInput = { 
/**
 * Which processor.
 */
processor_id: string, 
/**
 * Destination country (e.g. "Yhdysvallat / United States").
 */
country: string, 
/**
 * The legal basis.
 */
legal_basis: LegalBasis, 
/**
 * Which adequacy decision, SCC version, BCR approval or derogation.
 */
basis_detail: string, 
/**
 * For the EU–US Data Privacy Framework: whether the recipient is certified.
 */
dpf_certified: boolean, 
/**
 * From when.
 */
since_on: string, };

export type Transfer = { 
/**
 * Id.
 */
transfer_id: string, 
/**
 * Processor.
 */
processor_id: string, 
/**
 * Its name.
 */
processor_name: string, 
/**
 * Country.
 */
country: string, 
/**
 * Basis.
 */
legal_basis: LegalBasis, 
/**
 * Detail of the basis.
 */
basis_detail: string, 
/**
 * DPF certification.
 */
dpf_certified: boolean, 
/**
 * From when.
 */
since_on: string, 
/**
 * Why this transfer needs a new basis, if it does (`privacy-shield-invalid`,
 * `dpf-not-certified`, `dpf-before-2023-07-10`).
 */
needs_new_basis: string | null, 
/**
 * When the transfer ended (ISO); an ended transfer stays listed.
 */
ended_on: string | null, };

export type DisclosureInput = { 
/**
 * Whose data.
 */
person_id: string, 
/**
 * To whom.
 */
processor_id: string, 
/**
 * What was disclosed (e.g. "name, e-mail").
 */
what: string, 
/**
 * Why.
 */
why: string, 
/**
 * When (today when empty).
 */
disclosed_on: string | null, };

export type Disclosure = { 
/**
 * Id.
 */
disclosure_id: string, 
/**
 * Whose data.
 */
person_id: string, 
/**
 * To whom.
 */
processor_id: string, 
/**
 * Their name.
 */
processor_name: string, 
/**
 * What.
 */
what: string, 
/**
 * Why.
 */
why: string, 
/**
 * When (ISO date).
 */
disclosed_on: string, 
/**
 * By whom (display name).
 */
recorded_by_name: string, };

export type RequestKind = "access" | "rectification" | "erasure" | "consent-withdrawal" | "objection" | "restriction";

export type RequestChannel = "form" | "email" | "phone" | "in-person" | "letter" | "self-service";

export type RequestStatus = "open" | "done" | "refused";

export type RequestInput = { 
/**
 * What is asked.
 */
kind: RequestKind, 
/**
 * When it was received.
 */
received_on: string, 
/**
 * How it arrived.
 */
channel: RequestChannel, 
/**
 * The person, when identified already.
 */
person_id: string | null, };

export type Request = { 
/**
 * Id.
 */
request_id: string, 
/**
 * Kind.
 */
kind: RequestKind, 
/**
 * Received (ISO date).
 */
received_on: string, 
/**
 * Channel.
 */
channel: RequestChannel, 
/**
 * The person (none: not identified yet, or erased since).
 */
person_id: string | null, 
/**
 * Their name, while they are in the register.
 */
person_name: string | null, 
/**
 * How identity was checked.
 */
identity_method: string | null, 
/**
 * When.
 */
identity_checked_on: string | null, 
/**
 * By whom (display name).
 */
identity_checked_by_name: string | null, 
/**
 * Received + one month.
 */
due_on: string, 
/**
 * The extended deadline (at most received + three months).
 */
extended_due_on: string | null, 
/**
 * Why it was extended.
 */
extension_reason: string | null, 
/**
 * Status.
 */
status: RequestStatus, 
/**
 * Closed (ISO date).
 */
closed_on: string | null, 
/**
 * What was done.
 */
outcome: string | null, };

export type RequestsDue = { 
/**
 * Past their deadline.
 */
overdue: Array<Request>, 
/**
 * Due within seven days.
 */
due_soon: Array<Request>, };

export type ExtractFiles = { 
/**
 * The PDF.
 */
pdf_path: string, 
/**
 * The JSON.
 */
json_path: string, 
/**
 * The manifest.
 */
manifest_path: string, 
/**
 * SHA-256 of the PDF.
 */
pdf_sha256: string, 
/**
 * SHA-256 of the JSON.
 */
json_sha256: string, };

export type ErasureBlocker = { "kind": "active-contract", 
/**
 * The deal.
 */
deal_id: string, 
/**
 * Its title.
 */
title: string, 
/**
 * When it ends (ISO), if known.
 */
end_on: string | null, } | { "kind": "open-deal", 
/**
 * The deal.
 */
deal_id: string, 
/**
 * Its title.
 */
title: string, } | { "kind": "legal-hold", 
/**
 * The hold.
 */
legal_hold_id: string, 
/**
 * Why.
 */
reason: string, 
/**
 * Until when (ISO).
 */
until_on: string, };

export type ErasureCounts = { 
/**
 * Contact data.
 */
contacts: bigint, 
/**
 * Positions.
 */
positions: bigint, 
/**
 * Source records.
 */
sources: bigint, 
/**
 * Consent events.
 */
consent_events: bigint, 
/**
 * Disclosures.
 */
disclosures: bigint, 
/**
 * History entries.
 */
history_entries: bigint, 
/**
 * Meetings the person was removed from.
 */
meetings_unlinked: bigint, 
/**
 * Deals the person was removed from.
 */
deals_unlinked: bigint, 
/**
 * Service elements no longer registered to them.
 */
service_elements_unlinked: bigint, 
/**
 * E-mail addresses kept as suppression hashes.
 */
suppression_hashes: bigint, };

export type NoteToReview = { 
/**
 * `meeting`, `deal`, `request`, … (as `NameMatch::link_kind`).
 */
record_kind: string, 
/**
 * Its id.
 */
record_id: string, 
/**
 * Its day or time: a meeting's time (RFC 3339), a deal's or a position's start, the day a
 * request arrived, a hold's end, a disclosure's day (`YYYY-MM-DD`); none when it has none.
 */
on: string | null, 
/**
 * Whose it is: the organisation of a meeting, a deal, a position or a hold, the person of
 * another person's history; none when that would be the erased person.
 */
of: string | null, };

export type ErasureReceipt = { 
/**
 * Receipt id.
 */
receipt_id: string, 
/**
 * The erased person's id.
 */
person_id: string, 
/**
 * The request it answers.
 */
request_id: string | null, 
/**
 * When.
 */
erased_at: string, 
/**
 * By whom (user id; none when retention or a restore erased automatically).
 */
erased_by: string | null, 
/**
 * `request` or `retention`.
 */
reason: string, 
/**
 * What was removed.
 */
counts: ErasureCounts, 
/**
 * Notes to read through (ids only).
 */
notes_to_review: Array<NoteToReview>, };

export type RetentionRule = { 
/**
 * `no-ties`, `contract-or-consent` or `web-analytics`.
 */
rule_id: string, 
/**
 * The period in months.
 */
months: number, 
/**
 * The legal or policy reference (Finnish).
 */
reference_fi: string, 
/**
 * The legal or policy reference (English).
 */
reference_en: string, 
/**
 * Last changed.
 */
updated_at: string, };

export type RetentionRuleInput = { 
/**
 * Which rule.
 */
rule_id: string, 
/**
 * New period in months (1–1200).
 */
months: number, 
/**
 * Reference (Finnish).
 */
reference_fi: string, 
/**
 * Reference (English).
 */
reference_en: string, };

export type HoldInfo = { 
/**
 * Why.
 */
reason: string, 
/**
 * Until when (ISO).
 */
until_on: string, };

export type RetentionStatus = { 
/**
 * The person.
 */
person_id: string, 
/**
 * Surname.
 */
surname: string, 
/**
 * First name.
 */
first_name: string, 
/**
 * What decides: `current-position`, `active-contract`, `open-deal`, `consent-in-force`
 * (kept with no date), or `position-end`, `last-meeting`, `data-obtained`,
 * `contract-end`, `consent-end` (kept until the due date).
 */
deciding: string, 
/**
 * The date of what decides (ISO), when it has one.
 */
deciding_date: string | null, 
/**
 * The rule that sets the due date (`no-ties` or `contract-or-consent`).
 */
rule: string | null, 
/**
 * When the person is due for deletion (ISO); none while something keeps them.
 */
due_on: string | null, 
/**
 * A legal hold that keeps them past the due date.
 */
legal_hold: HoldInfo | null, 
/**
 * Whether they are due at the date asked about.
 */
due: boolean, };

export type RetentionPreview = { 
/**
 * The date asked about (ISO).
 */
as_of: string, 
/**
 * People due for deletion at that date.
 */
due: Array<RetentionStatus>, 
/**
 * How many people are kept.
 */
kept: number, 
/**
 * The rules applied.
 */
rules: Array<RetentionRule>, 
/**
 * Web-analytics data: Kortisto stores none, so the 26-month rule has nothing to delete.
 */
web_analytics_note: string, };

export type RetentionRun = { 
/**
 * Id.
 */
run_id: string, 
/**
 * When it started.
 */
started_at: string, 
/**
 * As of which date.
 */
as_of: string, 
/**
 * `manual`, `automatic` or `cli`.
 */
trigger: string, 
/**
 * How many were erased.
 */
erased: number, 
/**
 * How many were kept.
 */
kept: number, 
/**
 * The erasure receipts (ids).
 */
receipt_ids: Array<string>, };

export type BackupInfo = { 
/**
 * The backup file.
 */
path: string, 
/**
 * Its random id (hex), written in its header.
 */
backup_id: string, 
/**
 * Its size in bytes.
 */
bytes: number, 
/**
 * The snapshot's size in bytes.
 */
snapshot_bytes: number, 
/**
 * When it was taken.
 */
created_at: string, 
/**
 * Seconds spent taking the snapshot.
 */
snapshot_seconds: number, 
/**
 * Seconds spent encrypting and writing.
 */
encrypt_seconds: number, };

export type BackupSchedule = { 
/**
 * Folder (none: automatic backups are off).
 */
folder: string | null, 
/**
 * How many to keep (1–365).
 */
keep: number, };

export type RestoreReport = { 
/**
 * When the backup was taken.
 */
backup_created_at: string, 
/**
 * People erased again because the live ledger says they were erased after the backup.
 */
erasures_reapplied: number, 
/**
 * Erasure receipts the restored register now holds.
 */
ledger_entries: number, };

export type WorkProgress = { 
/**
 * Done so far.
 */
done: number, 
/**
 * In all.
 */
total: number, };

export type ImportFormat = "vcard" | "csv";

export type ImportOutcome = "new" | "same" | "likely-duplicate" | "suppressed" | "invalid";

export type ImportReason = "same-uid" | "same-email" | "same-phone" | "same-in-file" | "same-name-in-organisation" | "erased-opt-out" | "no-end" | "unreadable-line" | "value-too-long" | "no-name" | "name-invalid";

export type ImportMatch = { 
/**
 * Their id.
 */
person_id: string, 
/**
 * Surname.
 */
surname: string, 
/**
 * First name.
 */
first_name: string, 
/**
 * Their current organisation.
 */
organisation_name: string | null, };

export type SkippedValue = { 
/**
 * `email`, `phone`, `mobile`, `organisation`, `title` or `other_first_names`.
 */
field: string, 
/**
 * The value as the file has it.
 */
value: string, };

export type ImportRow = { 
/**
 * The card's or data row's number, from 1.
 */
row: number, 
/**
 * The line of the file it starts on.
 */
line: number, 
/**
 * Surname (as the file has it when invalid).
 */
surname: string, 
/**
 * First name.
 */
first_name: string, 
/**
 * Other first names.
 */
other_first_names: string | null, 
/**
 * Organisations.
 */
organisations: Array<string>, 
/**
 * Titles.
 */
titles: Array<string>, 
/**
 * Valid e-mail addresses.
 */
emails: Array<string>, 
/**
 * Valid phone numbers (E.164).
 */
phones: Array<string>, 
/**
 * Valid mobile numbers (E.164).
 */
mobiles: Array<string>, 
/**
 * What importing it does.
 */
outcome: ImportOutcome, 
/**
 * Why.
 */
reason: ImportReason | null, 
/**
 * The existing people it is (or may be) the same as.
 */
matches: Array<ImportMatch>, 
/**
 * The earlier row of the file it is the same as.
 */
same_as_row: number | null, 
/**
 * Values left out because they are not valid (the rest of the row is imported).
 */
skipped: Array<SkippedValue>, 
/**
 * The person the import added (none in a dry run).
 */
added_person_id: string | null, };

export type ImportCounts = { 
/**
 * New.
 */
new: number, 
/**
 * Already there.
 */
same: number, 
/**
 * Likely duplicates.
 */
likely_duplicate: number, 
/**
 * On the suppression list.
 */
suppressed: number, 
/**
 * Invalid.
 */
invalid: number, };

export type ImportPlan = { 
/**
 * The file's name.
 */
file_name: string, 
/**
 * Its kind.
 */
format: ImportFormat, 
/**
 * Every row.
 */
rows: Array<ImportRow>, 
/**
 * Rows by outcome.
 */
counts: ImportCounts, };

export type ImportOptions = { 
/**
 * Where the contacts came from; the file's name is added to its detail.
 */
source: SourceInput, 
/**
 * Add likely duplicates too (the user checked them in the dry run).
 */
add_likely_duplicates: boolean, 
/**
 * Add rows on the suppression list too (administrators only).
 */
add_suppressed: boolean, };

export type ImportResult = { 
/**
 * The file's name.
 */
file_name: string, 
/**
 * The rows handled (all of them unless stopped), each with the person it added.
 */
rows: Array<ImportRow>, 
/**
 * Rows by outcome (of the rows handled).
 */
counts: ImportCounts, 
/**
 * People added.
 */
added: number, 
/**
 * Rows in the file.
 */
total: number, 
/**
 * Whether the user stopped it before the end.
 */
stopped: boolean, };

export type MaintenanceNotice = { 
/**
 * Which task failed: `retention` or `backup`.
 */
task: string, 
/**
 * When it failed (RFC 3339).
 */
at: string, 
/**
 * The failure, as any command's.
 */
error: AppError, };

export type SyncStatus = { 
/**
 * Whether this register takes part in a hub at all.
 */
set_up: boolean, 
/**
 * This device's name on the hub.
 */
device_name: string | null, 
/**
 * The hub's address (no password).
 */
hub_url: string | null, 
/**
 * Local changes not yet on the hub.
 */
waiting: number, 
/**
 * The last successful sync (RFC 3339).
 */
last_sync_at: string | null, 
/**
 * The last attempt, successful or not (RFC 3339).
 */
last_attempt_at: string | null, 
/**
 * Since when the hub has not been reached, when it has not.
 */
offline_since: string | null, 
/**
 * The error code of the last failed attempt (e.g. `hub_unreachable`).
 */
last_error: string | null, 
/**
 * Conflicts no one has looked at yet.
 */
open_conflicts: number, };

export type PullCounts = { 
/**
 * Records received.
 */
received: bigint, 
/**
 * Field changes or rows applied.
 */
applied: bigint, 
/**
 * Records older than what this device holds (another change won).
 */
superseded: bigint, 
/**
 * People erased on another device and now here.
 */
erased: bigint, 
/**
 * Conflicts found (the same field changed on two devices without seeing each other).
 */
conflicts: bigint, 
/**
 * Records that could not be applied here (a row they need is gone, a duplicate key).
 */
skipped: bigint, };

export type SyncReport = { 
/**
 * Changes of this device that reached the hub.
 */
pushed: number, 
/**
 * Changes the hub already had (a retry after a cut connection).
 */
duplicates: number, 
/**
 * Changes the hub refused because their person was erased on another device.
 */
refused: number, 
/**
 * What was pulled and applied.
 */
pulled: PullCounts, 
/**
 * This device's audit entries copied to the hub now.
 */
audit_copied: number, };

export type ConflictSide = { 
/**
 * The value (None: empty, or not shown — see [`SyncConflictView::hidden`]).
 */
value: string | null, 
/**
 * When the change was made, by its device's clock (RFC 3339).
 */
at: string | null, 
/**
 * Whether the change was made on this device.
 */
this_device: boolean, 
/**
 * This device's name when the change was made here (other devices' names live on the
 * hub, which this view does not ask: it works offline).
 */
device_name: string | null, 
/**
 * Who set the value, where the record's rectification history says so.
 */
changed_by_name: string | null, };

export type SyncConflictView = { 
/**
 * The conflict's id (what a restore names).
 */
conflict_id: string, 
/**
 * The table (`people`, `organisations`, …): with `field`, which detail it is.
 */
table: string, 
/**
 * The column.
 */
field: string, 
/**
 * The person the record is about, if any (the view links to their page).
 */
person_id: string | null, 
/**
 * Their name, "First Surname", while they are in the register.
 */
person_name: string | null, 
/**
 * The organisation the record belongs to, if any.
 */
organisation_id: string | null, 
/**
 * Its name.
 */
organisation_name: string | null, 
/**
 * The record's own name where it has one: a deal's title, a meeting's subject, a
 * user's display name.
 */
record_name: string | null, 
/**
 * Whether the values are withheld (a password hash): the view says only what changed.
 */
hidden: boolean, 
/**
 * The value kept everywhere (the newer change).
 */
kept: ConflictSide, 
/**
 * The value that lost: what "restore" puts back.
 */
other: ConflictSide, 
/**
 * When the conflict was found (RFC 3339).
 */
detected_at: string, 
/**
 * When someone put the other value back, if they did.
 */
resolved_at: string | null, };

export type Restriction = { 
/**
 * Id.
 */
restriction_id: string, 
/**
 * Whose processing is restricted.
 */
person_id: string, 
/**
 * Why it was set.
 */
reason: string, 
/**
 * In force from (ISO date).
 */
from_on: string, 
/**
 * Planned end (ISO date), if known.
 */
until_on: string | null, 
/**
 * Set by (user id).
 */
set_by: string, 
/**
 * Their display name.
 */
set_by_name: string, 
/**
 * When it was set.
 */
set_at: string, 
/**
 * The request it answers.
 */
request_id: string | null, 
/**
 * Why it was lifted (none while in force).
 */
lifted_reason: string | null, 
/**
 * Lifted by (user id).
 */
lifted_by: string | null, 
/**
 * Their display name.
 */
lifted_by_name: string | null, 
/**
 * When it was lifted.
 */
lifted_at: string | null, 
/**
 * The request the lift answers.
 */
lift_request_id: string | null, };

export type RestrictionInput = { 
/**
 * Whose processing.
 */
person_id: string, 
/**
 * Why (e.g. "the person disputes the accuracy of their data").
 */
reason: string, 
/**
 * In force from (`27.11.2026`); today when empty; not in the future.
 */
from_on: string | null, 
/**
 * Planned end, if known.
 */
until_on: string | null, };

export type Objection = { 
/**
 * Id.
 */
objection_id: string, 
/**
 * Who objected.
 */
person_id: string, 
/**
 * To which purpose (`direct-marketing`).
 */
purpose: string, 
/**
 * What they said, if anything.
 */
reason: string | null, 
/**
 * When they objected (ISO date).
 */
objected_on: string, 
/**
 * Recorded by (user id).
 */
recorded_by: string, 
/**
 * Their display name.
 */
recorded_by_name: string, 
/**
 * When it was recorded.
 */
recorded_at: string, 
/**
 * The request it answers.
 */
request_id: string | null, };

export type ObjectionInput = { 
/**
 * Who objects.
 */
person_id: string, 
/**
 * To which purpose.
 */
purpose: string, 
/**
 * What they said.
 */
reason: string | null, 
/**
 * When (`27.11.2026`); today when empty; not in the future.
 */
objected_on: string | null, 
/**
 * How the objection arrived (the channel of the consent withdrawal it causes).
 */
channel: ConsentChannel, };

export type ObjectionRecorded = { 
/**
 * The objection.
 */
objection: Objection, 
/**
 * The consent withdrawal it recorded (none when no consent was in force).
 */
consent_withdrawn: ConsentEvent | null, 
/**
 * How many e-mail addresses went on the suppression list.
 */
suppressed_emails: number, };

export type NameMatch = { 
/**
 * The kind of row holding the text (`meeting`, `deal`, `request`, `legal_hold`,
 * `position`, `disclosure`, `consent_event`, `source`, `restriction`, `objection`, or
 * `change` for a history value).
 */
record_kind: string, 
/**
 * That row's id.
 */
record_id: string, 
/**
 * The field.
 */
field: string, 
/**
 * The record to open for it (a history value links to the record it belongs to).
 */
link_kind: string, 
/**
 * Its id.
 */
link_id: string, 
/**
 * The page that shows the record: `person`, `organisation` or `requests` (none when no
 * page shows it).
 */
open_kind: string | null, 
/**
 * The person's or organisation's id for that page.
 */
open_id: string | null, 
/**
 * The text around the first match, for the administrator to judge.
 */
excerpt: string, 
/**
 * How many words match.
 */
count: number, };

export type RedactionTarget = { 
/**
 * As in [`NameMatch::record_kind`].
 */
record_kind: string, 
/**
 * As in [`NameMatch::record_id`].
 */
record_id: string, 
/**
 * As in [`NameMatch::field`].
 */
field: string, };

export type Redacted = { 
/**
 * The field.
 */
target: NameMatch, 
/**
 * Words replaced in the field.
 */
replaced: number, 
/**
 * History values of the same record rewritten.
 */
history_rewritten: number, };

export type RedactionTodo = { 
/**
 * Id.
 */
todo_id: string, 
/**
 * The retention run.
 */
run_id: string | null, 
/**
 * The erasure receipt of the person named.
 */
receipt_id: string, 
/**
 * As in [`NameMatch::link_kind`].
 */
record_kind: string, 
/**
 * As in [`NameMatch::link_id`].
 */
record_id: string, 
/**
 * The field.
 */
field: string, 
/**
 * When it was found.
 */
found_at: string, 
/**
 * The page that shows the record, as in [`NameMatch::open_kind`] (read, not stored).
 */
open_kind: string | null, 
/**
 * Its id.
 */
open_id: string | null, };

export type PositionChange = { 
/**
 * Another organisation.
 */
organisation_id: string | null, 
/**
 * New title.
 */
title: string | null, 
/**
 * New job description.
 */
job_description: string | null, 
/**
 * New start date.
 */
start_on: string | null, 
/**
 * New end date.
 */
end_on: string | null, };

export type PositionMove = { 
/**
 * The current position that ends.
 */
from_position_id: string, 
/**
 * The new organisation.
 */
organisation_id: string, 
/**
 * The title there.
 */
title: string, 
/**
 * The day the old position ends and the new one starts.
 */
on: string, };

export type PositionMoved = { 
/**
 * The old position, now ended.
 */
ended: Position, 
/**
 * The new, current position.
 */
started: Position, };

export type MeetingChange = { 
/**
 * New kind.
 */
kind: MeetingKind | null, 
/**
 * New time (as in [`MeetingInput::at`]).
 */
at: string | null, 
/**
 * New subject.
 */
subject: string | null, 
/**
 * New notes; an empty text clears them.
 */
notes: string | null, 
/**
 * Every participant after the change (at least one), when they change.
 */
participant_ids: Array<string> | null, };

export type LegalHold = { 
/**
 * Id.
 */
legal_hold_id: string, 
/**
 * `person`, `organisation` or `deal`.
 */
record_kind: string, 
/**
 * The record held.
 */
record_id: string, 
/**
 * Its name or title (none when it no longer exists).
 */
record_name: string | null, 
/**
 * Why.
 */
reason: string, 
/**
 * Until when (ISO).
 */
until_on: string, 
/**
 * Who put it (user id).
 */
created_by: string, 
/**
 * Their display name.
 */
created_by_name: string, 
/**
 * When (RFC 3339).
 */
created_at: string, 
/**
 * When it was lifted (RFC 3339), if it was.
 */
lifted_at: string | null, 
/**
 * Who lifted it (user id).
 */
lifted_by: string | null, 
/**
 * Their display name.
 */
lifted_by_name: string | null, 
/**
 * Why it was lifted.
 */
lift_reason: string | null, };

export type PeopleExportFormat = "vcard" | "csv" | "json";

export type PeopleSelection = { "kind": "people", 
/**
 * Their ids, in the order to export.
 */
person_ids: Array<string>, } | { "kind": "search", 
/**
 * What was typed.
 */
query: string, };

export type PortabilityFiles = { 
/**
 * The JSON file.
 */
json_path: string, 
/**
 * The vCard file.
 */
vcard_path: string, };
