// The one interface between the UI and the backend: every Tauri command the UI calls, typed.
// Owns turning a failed call into an AppError and telling listeners when the backend says the
// session is gone; does not own any screen state or wording.
import { invoke } from "@tauri-apps/api/core";
import type {
  AppError,
  BusinessCard,
  BusinessCardSaved,
  Contact,
  ContactInput,
  Deal,
  DealFilter,
  DealInput,
  DuplicateCandidate,
  ListPage,
  Meeting,
  MeetingFilter,
  MeetingInput,
  Organisation,
  OrganisationInput,
  OrganisationPage,
  Person,
  PersonInput,
  PersonPage,
  PersonSummary,
  Position,
  PositionChange,
  PositionInput,
  PositionMove,
  PositionMoved,
  HistoryEntry,
  SearchHit,
  ServiceElement,
  ServiceElementInput,
  SourceInput,
  ConsentEvent,
  ConsentInput,
  Disclosure,
  DisclosureInput,
  ErasureBlocker,
  ErasureReceipt,
  ExportedFile,
  ExportFormat,
  ExtractFiles,
  MarketingContact,
  Processor,
  ProcessorInput,
  Request,
  RequestInput,
  RequestsDue,
  RequestStatus,
  Transfer,
  TransferInput,
  NameMatch,
  ObjectionInput,
  ObjectionRecorded,
  Redacted,
  RedactionTarget,
  RedactionTodo,
  Restriction,
  RestrictionInput,

  AuditEvent,
  AuditFilter,
  AuditVerification,
  InternalAudit,
  InternalAuditResult,
  Language,
  NewUser,
  Preferences,
  RegisterStatus,
  Role,
  Session,
  StartupState,
  TrainingRecord,
  TrainingResult,
  TrainingStatus,
  PersonRead,
  User,
  Controller,
  NoticeVersionChanges,
  PublishedNotice,
  Purpose,
  PurposeInput,
  RecordFiles,
  LegalHold,
  MeetingChange,
  PeopleExportFormat,
  PeopleSelection,
  PortabilityFiles,
} from "./generated";

export type * from "./generated";

/** What the UI may ask of the backend. Tests fake it at the IPC level with `mockIPC`. */
export interface Backend {
  /** Opens the register in the default data folder; `empty` when there is none yet. */
  registerOpen(): Promise<StartupState>;
  /** Creates a register in the empty data folder; the answer carries the recovery code, once. */
  registerCreate(): Promise<StartupState>;
  /** Restores a backup file into the empty data folder with the register's recovery code. */
  registerRestore(file: string, recoveryCode: string): Promise<StartupState>;
  /** Makes the empty data folder this machine's copy of a team register (one-time enrolment code). */
  registerJoin(enrolmentCode: string): Promise<StartupState>;
  /** Rebuilds a lost manifest beside the database; the recovery code when the keychain has no key. */
  registerRepair(recoveryCode: string | null): Promise<StartupState>;
  /** Puts the register's lost key back into the keychain from its recovery code and opens it. */
  registerRecover(recoveryCode: string): Promise<StartupState>;
  /** Describes the open register. */
  registerStatus(): Promise<RegisterStatus>;
  /** Reads the saved preferences (works even when the register cannot be opened). */
  preferencesGet(): Promise<Preferences>;
  /** Saves the language choice and returns the preferences as now stored. */
  preferencesSet(language: Language): Promise<Preferences>;

  /** Creates the register's first administrator (no users yet) and logs them in. */
  firstAdminCreate(username: string, displayName: string, password: string): Promise<Session>;
  /** Logs a user in. */
  sessionLogin(username: string, password: string): Promise<Session>;
  /** Logs the current user out. */
  sessionLogout(): Promise<null>;
  /** The current session, or null (after the idle lock too); does not count as activity. */
  sessionCurrent(): Promise<Session | null>;
  /** Ends the session at once (the computer slept). */
  sessionLock(): Promise<null>;
  /** Minutes of inactivity before the session is locked. */
  idleLockGet(): Promise<number>;
  /** Sets the idle-lock minutes, 1–240 (admin). */
  idleLockSet(minutes: number): Promise<null>;
  /** The controller's details as the notice and every extract give them. */
  controllerGet(): Promise<Controller>;
  /** Sets the controller's details (admin). */
  controllerSet(controller: Controller): Promise<Controller>;
  /** The purposes of processing with their lawful bases, in the notice's order. */
  purposeList(): Promise<Purpose[]>;
  /** Adds a purpose (admin); one without a lawful basis is refused. */
  purposeAdd(purpose: PurposeInput): Promise<Purpose>;
  /** Changes a purpose (admin). */
  purposeEdit(purpose: PurposeInput): Promise<Purpose>;
  /** Publishes the privacy notice into a folder (admin); the version is kept. */
  noticePublish(language: Language, outDir: string): Promise<PublishedNotice>;
  /** The published versions, newest first, each with what it changed (admin). */
  noticeVersions(): Promise<NoticeVersionChanges[]>;
  /** Writes the record of processing (PDF, CSV, JSON) into a folder (admin). */
  recordOfProcessing(language: Language, outDir: string): Promise<RecordFiles>;

  /** Every user (admin). */
  userList(): Promise<User[]>;
  /** Adds a user with a first password (admin). */
  userAdd(newUser: NewUser, password: string): Promise<User>;
  /** Changes a user's role (admin). */
  userRoleChange(username: string, role: Role): Promise<User>;
  /** Stops a user from logging in; their audit entries stay (admin). */
  userDeactivate(username: string): Promise<User>;
  /** Sets a new password for a user (admin). */
  userPasswordReset(username: string, password: string): Promise<null>;
  /** Changes the logged-in user's own password. */
  ownPasswordChange(current: string, newPassword: string): Promise<null>;

  /** Audit entries matching the filter, newest first (admin). */
  auditList(filter: AuditFilter): Promise<AuditEvent[]>;
  /** Checks the audit hash chain (admin). */
  auditVerify(): Promise<AuditVerification>;

  /** Records a privacy training with its test result and score 0–100; the date as 27.11.2026 or 2026-11-27 (admin). */
  trainingRecord(
    username: string,
    completedOn: string,
    topic: string,
    result: TrainingResult,
    score: number | null,
  ): Promise<TrainingRecord>;
  /** Every recorded training. */
  trainingList(): Promise<TrainingRecord[]>;
  /** Every active user's training state, those who have not passed first (admin). */
  trainingStatus(): Promise<TrainingStatus[]>;
  /** Who has seen a person: every audited read of them, newest first (admin). */
  personSeenBy(personId: string): Promise<PersonRead[]>;
  /** Records an internal audit (admin). */
  internalAuditRecord(
    heldOn: string,
    scope: string,
    result: InternalAuditResult,
    followUp: string,
  ): Promise<InternalAudit>;
  /** Every recorded internal audit. */
  internalAuditList(): Promise<InternalAudit[]>;

  /** People and organisations matching what has been typed (accents, prefixes, phone forms). */
  search(query: string, limit: number): Promise<SearchHit[]>;
  /** Everything on one person (audited as a view). */
  personPage(personId: string): Promise<PersonPage>;
  /** A page of people in Finnish order. */
  personList(offset: number, limit: number): Promise<ListPage<PersonSummary>>;
  /** Adds a person with contact data, all citing one source. */
  personAdd(person: PersonInput, contacts: ContactInput[], source: SourceInput): Promise<Person>;
  /** Corrects a person's name (history kept), under a data subject's request when one is named. */
  personEdit(personId: string, person: PersonInput, requestId?: string | null): Promise<Person>;
  /** Adds a contact datum to a person or (the other id null) an organisation. */
  contactAdd(
    personId: string | null,
    organisationId: string | null,
    contact: ContactInput,
    source: SourceInput,
  ): Promise<Contact>;
  /** Adds a person's position in an organisation. */
  positionAdd(position: PositionInput): Promise<Position>;
  /** Corrects a position (null fields are kept); every change goes to the person's history. */
  positionEdit(positionId: string, change: PositionChange, requestId: string | null): Promise<Position>;
  /** Ends a current position on a date (`27.11.2026`). */
  positionEnd(positionId: string, endOn: string, requestId: string | null): Promise<Position>;
  /** "Moved to another organisation": ends one position and starts the next in one write. */
  positionMove(personId: string, moved: PositionMove, requestId: string | null): Promise<PositionMoved>;
  /** Corrects a contact datum's value (checked as on entry). */
  contactEdit(contactId: string, value: string, requestId: string | null): Promise<Contact>;
  /** Marks a contact datum as no longer valid (kept, not used). */
  contactRetire(contactId: string, requestId: string | null): Promise<Contact>;
  /** Deletes a contact datum (asked once in the UI; the history keeps it). */
  contactDelete(contactId: string, requestId: string | null): Promise<void>;
  /** The corrections made for a request, oldest first (admin). */
  requestChanges(requestId: string): Promise<HistoryEntry[]>;
  /** Likely duplicates of a business card being typed. */
  duplicateCheck(card: BusinessCard): Promise<DuplicateCandidate[]>;
  /** Saves a business card; refused with `duplicate_suspected` unless `confirmedNew`. */
  businessCardSave(card: BusinessCard, confirmedNew: boolean): Promise<BusinessCardSaved>;
  /** Adds an organisation (admin, office). */
  organisationAdd(organisation: OrganisationInput): Promise<Organisation>;
  /** Edits an organisation (admin, office; history kept). */
  organisationEdit(organisationId: string, organisation: OrganisationInput): Promise<Organisation>;
  /** Merges an organisation created by mistake into another (admin); returns the one kept. */
  organisationMerge(organisationId: string, intoId: string): Promise<Organisation>;
  /** Removes an organisation nothing refers to (admin; refused with `organisation_in_use`). */
  organisationRemove(organisationId: string): Promise<void>;
  /** Everything on one organisation (audited as a view). */
  organisationPage(organisationId: string): Promise<OrganisationPage>;
  /** A page of organisations in Finnish order. */
  organisationList(offset: number, limit: number): Promise<ListPage<Organisation>>;
  /** Adds a deal (admin any kind, sales leads and offers). */
  dealAdd(deal: DealInput): Promise<Deal>;
  /** Edits a deal (history kept; `requestId`: the open request it answers). */
  dealEdit(dealId: string, deal: DealInput, requestId?: string | null): Promise<Deal>;
  /** Deals by kind and status, a page at a time. */
  dealList(filter: DealFilter): Promise<ListPage<Deal>>;
  /** Logs a meeting, call, e-mail, visit or web meeting. */
  meetingLog(meeting: MeetingInput): Promise<Meeting>;
  /** Meetings, newest first. */
  meetingList(filter: MeetingFilter): Promise<ListPage<Meeting>>;
  /** Registers a service element for an organisation (admin, office). */
  elementAdd(element: ServiceElementInput): Promise<ServiceElement>;

  /** Records a consent given or withdrawn (every role); history is never rewritten. */
  consentRecord(consent: ConsentInput): Promise<ConsentEvent>;
  /** A person's consent history, every purpose (every role). */
  consentHistory(personId: string): Promise<ConsentEvent[]>;
  /** People whose latest consent for `purpose` is "given" (admin, office). */
  marketingList(purpose: string): Promise<MarketingContact[]>;
  /** Writes that list to `outFile` as the core's spreadsheet-safe CSV, or JSON (admin, office). */
  marketingExport(purpose: string, format: ExportFormat, language: Language, outFile: string): Promise<ExportedFile>;
  /** Adds a processor (admin). */
  processorAdd(processor: ProcessorInput): Promise<Processor>;
  /** Every processor (admin). */
  processorList(): Promise<Processor[]>;
  /** Records a transfer outside the EU/EEA; the Privacy Shield is refused (admin). */
  transferAdd(transfer: TransferInput): Promise<Transfer>;
  /** Every transfer, those needing a new basis flagged (admin). */
  transferList(): Promise<Transfer[]>;
  /** Logs a disclosure of a person's data to a processor (admin). */
  disclose(disclosure: DisclosureInput): Promise<Disclosure>;
  /** Logs a received request (admin). */
  requestAdd(request: RequestInput): Promise<Request>;
  /** Records how the requester's identity was checked (admin). */
  requestIdentityChecked(requestId: string, personId: string, method: string): Promise<Request>;
  /** Extends a request's deadline, at most to received + three months (admin). */
  requestExtend(requestId: string, newDueOn: string, reason: string): Promise<Request>;
  /** Closes a request as done or refused (admin). */
  requestClose(requestId: string, status: Exclude<RequestStatus, "open">, outcome: string): Promise<Request>;
  /** The request log (admin). */
  requestList(): Promise<Request[]>;
  /** Overdue requests and those due within seven days (admin). */
  requestsDue(): Promise<RequestsDue>;
  /** The folder the extract save dialog offers. */
  extractDefaultFolder(): Promise<string>;
  /** Writes a person's access extract (PDF + JSON + manifest) into `outDir` (admin). */
  extract(personId: string, language: Language, outDir: string, requestId: string | null): Promise<ExtractFiles>;
  /** Writes chosen people or a search's people to `outFile` as vCard, CSV or JSON (admin, office). */
  exportPeople(
    selection: PeopleSelection,
    format: PeopleExportFormat,
    language: Language,
    outFile: string,
  ): Promise<ExportedFile>;
  /** Writes a person's portability export (Art. 20: JSON + vCard) into `outDir` (admin). */
  portabilityExport(personId: string, outDir: string): Promise<PortabilityFiles>;
  /** What blocks erasing a person today (admin). */
  erasureCheck(personId: string): Promise<ErasureBlocker[]>;
  /** Erases a person; refused with `erasure_blocked` while obligations remain (admin). */
  erase(personId: string, requestId: string | null): Promise<ErasureReceipt>;
  /** Every erasure receipt (admin). */
  erasureReceipts(): Promise<ErasureReceipt[]>;
  /** Puts a legal hold on a record until a date; returns its id (admin). */
  legalHoldAdd(
    recordKind: "person" | "organisation" | "deal",
    recordId: string,
    reason: string,
    untilOn: string,
  ): Promise<string>;
  /** Restricts processing of a person (admin). */
  restrictionSet(restriction: RestrictionInput, requestId: string | null): Promise<Restriction>;
  /** Lifts the restriction in force (admin). */
  restrictionLift(personId: string, reason: string, requestId: string | null): Promise<Restriction>;
  /** Records an objection: consent withdrawn, e-mails suppressed (admin). */
  objectionRecord(objection: ObjectionInput, requestId: string | null): Promise<ObjectionRecorded>;
  /** The free-text fields that name a person about to be erased (admin). */
  erasureMatches(personId: string): Promise<NameMatch[]>;
  /** Replaces the person's name in one field; `redaction_stale` when it no longer names them (admin). */
  redact(personId: string, target: RedactionTarget): Promise<Redacted>;
  /** Fields naming people retention erased, still to read through (admin). */
  redactionTodos(): Promise<RedactionTodo[]>;
  /** Marks a to-do read through (admin). */
  redactionTodoDone(todoId: string): Promise<void>;
  /** Corrects a meeting: one's own, an admin any (refused with `meeting_not_yours`). */
  meetingEdit(meetingId: string, change: MeetingChange, requestId?: string | null): Promise<Meeting>;
  /** Deletes a meeting: one's own, an admin any. */
  meetingDelete(meetingId: string, requestId?: string | null): Promise<null>;
  /** The history of a meeting, deal, processor or transfer. */
  recordHistory(recordKind: "meeting" | "deal" | "processor" | "transfer", recordId: string): Promise<HistoryEntry[]>;
  /** Corrects a processor (admin). */
  processorEdit(processorId: string, processor: ProcessorInput, requestId?: string | null): Promise<Processor>;
  /** Ends a processor on a date; it stays listed and takes no new disclosures (admin). */
  processorEnd(processorId: string, endedOn: string, requestId?: string | null): Promise<Processor>;
  /** Corrects a transfer (admin). */
  transferEdit(transferId: string, transfer: TransferInput, requestId?: string | null): Promise<Transfer>;
  /** Ends a transfer on a date; it stays listed (admin). */
  transferEnd(transferId: string, endedOn: string, requestId?: string | null): Promise<Transfer>;
  /** Every legal hold, those in force first, lifted ones after (admin). */
  legalHoldList(): Promise<LegalHold[]>;
  /** Lifts a legal hold with a reason; it is kept, marked lifted (admin). */
  legalHoldLift(legalHoldId: string, reason: string): Promise<LegalHold>;
  /** Prospect organisations still without a Y-tunnus, for office staff to complete. */
  organisationProspects(): Promise<Organisation[]>;
}

/** Error codes with which the backend says there is no usable session any more. */
export const SESSION_GONE_CODES: readonly string[] = ["not_logged_in", "session_locked"];

type SessionGoneListener = (error: AppError) => void;
const sessionGoneListeners = new Set<SessionGoneListener>();

/** Calls `listener` whenever any command fails because the session is gone; returns "stop". */
export function onSessionGone(listener: SessionGoneListener): () => void {
  sessionGoneListeners.add(listener);
  return () => sessionGoneListeners.delete(listener);
}

/** Code given to failures that did not come from the backend as an AppError. */
export const UNEXPECTED_ERROR_CODE = "unexpected";

function isAppError(value: unknown): value is AppError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  const message = v.message as Record<string, unknown> | undefined;
  return (
    typeof v.code === "string" &&
    typeof message === "object" &&
    message !== null &&
    typeof message.fi === "string" &&
    typeof message.en === "string"
  );
}

/** Any rejection as an AppError; foreign failures keep their text in `params.detail` only. */
export function toAppError(failure: unknown): AppError {
  if (isAppError(failure)) {
    const params = typeof failure.params === "object" && failure.params !== null ? failure.params : {};
    return { code: failure.code, params, message: failure.message };
  }
  const detail = failure instanceof Error ? failure.message : String(failure);
  return { code: UNEXPECTED_ERROR_CODE, params: { detail }, message: { fi: "", en: "" } };
}

/** One command; a failure becomes an AppError, and a session-gone failure tells the listeners. */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (failure) {
    const error = toAppError(failure);
    if (SESSION_GONE_CODES.includes(error.code)) {
      for (const listener of [...sessionGoneListeners]) listener(error);
    }
    throw error;
  }
}

/** The Tauri implementation: each method is one command of the same name. */
export const api: Backend = {
  registerOpen: () => call<StartupState>("register_open"),
  registerCreate: () => call<StartupState>("register_create"),
  registerRestore: (file, recoveryCode) =>
    call<StartupState>("register_restore", { file, recovery_code: recoveryCode }),
  registerJoin: (enrolmentCode) => call<StartupState>("register_join", { enrolment_code: enrolmentCode }),
  registerRepair: (recoveryCode) =>
    call<StartupState>("register_repair", { recovery_code: recoveryCode }),
  registerRecover: (recoveryCode) =>
    call<StartupState>("register_recover", { recovery_code: recoveryCode }),
  registerStatus: () => call<RegisterStatus>("register_status"),
  preferencesGet: () => call<Preferences>("preferences_get"),
  preferencesSet: (language) => call<Preferences>("preferences_set", { language }),

  firstAdminCreate: (username, displayName, password) =>
    call<Session>("first_admin_create", { username, display_name: displayName, password }),
  sessionLogin: (username, password) => call<Session>("session_login", { username, password }),
  sessionLogout: () => call<null>("session_logout"),
  sessionCurrent: () => call<Session | null>("session_current"),
  sessionLock: () => call<null>("session_lock"),
  idleLockGet: () => call<number>("idle_lock_get"),
  idleLockSet: (minutes) => call<null>("idle_lock_set", { minutes }),
  controllerGet: () => call<Controller>("controller_get"),
  controllerSet: (controller) => call<Controller>("controller_set", { controller }),
  purposeList: () => call<Purpose[]>("purpose_list"),
  purposeAdd: (purpose) => call<Purpose>("purpose_add", { purpose }),
  purposeEdit: (purpose) => call<Purpose>("purpose_edit", { purpose }),
  noticePublish: (language, outDir) => call<PublishedNotice>("notice_publish", { language, out_dir: outDir }),
  noticeVersions: () => call<NoticeVersionChanges[]>("notice_versions"),
  recordOfProcessing: (language, outDir) => call<RecordFiles>("record_of_processing", { language, out_dir: outDir }),

  userList: () => call<User[]>("user_list"),
  userAdd: (newUser, password) => call<User>("user_add", { new_user: newUser, password }),
  userRoleChange: (username, role) => call<User>("user_role_change", { username, role }),
  userDeactivate: (username) => call<User>("user_deactivate", { username }),
  userPasswordReset: (username, password) =>
    call<null>("user_password_reset", { username, password }),
  ownPasswordChange: (current, newPassword) =>
    call<null>("own_password_change", { current, new_password: newPassword }),

  auditList: (filter) => call<AuditEvent[]>("audit_list", { filter }),
  auditVerify: () => call<AuditVerification>("audit_verify"),

  trainingRecord: (username, completedOn, topic, result, score) =>
    call<TrainingRecord>("training_record", { username, completed_on: completedOn, topic, result, score }),
  trainingList: () => call<TrainingRecord[]>("training_list"),
  trainingStatus: () => call<TrainingStatus[]>("training_status"),
  personSeenBy: (personId) => call<PersonRead[]>("person_seen_by", { person_id: personId }),
  internalAuditRecord: (heldOn, scope, result, followUp) =>
    call<InternalAudit>("internal_audit_record", {
      held_on: heldOn,
      scope,
      result,
      follow_up: followUp,
    }),
  internalAuditList: () => call<InternalAudit[]>("internal_audit_list"),

  search: (query, limit) => call<SearchHit[]>("search", { query, limit }),
  personPage: (personId) => call<PersonPage>("person_page", { person_id: personId }),
  personList: (offset, limit) => call<ListPage<PersonSummary>>("person_list", { offset, limit }),
  personAdd: (person, contacts, source) => call<Person>("person_add", { person, contacts, source }),
  personEdit: (personId, person, requestId = null) =>
    call<Person>("person_edit", { person_id: personId, person, request_id: requestId }),
  contactAdd: (personId, organisationId, contact, source) =>
    call<Contact>("contact_add", {
      person_id: personId,
      organisation_id: organisationId,
      contact,
      source,
    }),
  positionAdd: (position) => call<Position>("position_add", { position }),
  positionEdit: (positionId, change, requestId) =>
    call<Position>("position_edit", { position_id: positionId, change, request_id: requestId }),
  positionEnd: (positionId, endOn, requestId) =>
    call<Position>("position_end", { position_id: positionId, end_on: endOn, request_id: requestId }),
  positionMove: (personId, moved, requestId) =>
    call<PositionMoved>("position_move", { person_id: personId, moved, request_id: requestId }),
  contactEdit: (contactId, value, requestId) =>
    call<Contact>("contact_edit", { contact_id: contactId, value, request_id: requestId }),
  contactRetire: (contactId, requestId) =>
    call<Contact>("contact_retire", { contact_id: contactId, request_id: requestId }),
  contactDelete: (contactId, requestId) =>
    call<void>("contact_delete", { contact_id: contactId, request_id: requestId }),
  requestChanges: (requestId) => call<HistoryEntry[]>("request_changes", { request_id: requestId }),
  duplicateCheck: (card) => call<DuplicateCandidate[]>("duplicate_check", { card }),
  businessCardSave: (card, confirmedNew) =>
    call<BusinessCardSaved>("business_card_save", { card, confirmed_new: confirmedNew }),
  organisationAdd: (organisation) => call<Organisation>("organisation_add", { organisation }),
  organisationEdit: (organisationId, organisation) =>
    call<Organisation>("organisation_edit", { organisation_id: organisationId, organisation }),
  organisationMerge: (organisationId, intoId) =>
    call<Organisation>("organisation_merge", { organisation_id: organisationId, into_id: intoId }),
  organisationRemove: (organisationId) => call<void>("organisation_remove", { organisation_id: organisationId }),
  organisationPage: (organisationId) =>
    call<OrganisationPage>("organisation_page", { organisation_id: organisationId }),
  organisationList: (offset, limit) =>
    call<ListPage<Organisation>>("organisation_list", { offset, limit }),
  dealAdd: (deal) => call<Deal>("deal_add", { deal }),
  dealEdit: (dealId, deal, requestId = null) =>
    call<Deal>("deal_edit", { deal_id: dealId, deal, request_id: requestId }),
  dealList: (filter) => call<ListPage<Deal>>("deal_list", { filter }),
  meetingLog: (meeting) => call<Meeting>("meeting_log", { meeting }),
  meetingList: (filter) => call<ListPage<Meeting>>("meeting_list", { filter }),
  elementAdd: (element) => call<ServiceElement>("element_add", { element }),

  consentRecord: (consent) => call<ConsentEvent>("consent_record", { consent }),
  consentHistory: (personId) => call<ConsentEvent[]>("consent_history", { person_id: personId }),
  marketingList: (purpose) => call<MarketingContact[]>("marketing_list", { purpose }),
  marketingExport: (purpose, format, language, outFile) =>
    call<ExportedFile>("marketing_export", { purpose, format, language, out_file: outFile }),
  processorAdd: (processor) => call<Processor>("processor_add", { processor }),
  processorList: () => call<Processor[]>("processor_list"),
  transferAdd: (transfer) => call<Transfer>("transfer_add", { transfer }),
  transferList: () => call<Transfer[]>("transfer_list"),
  disclose: (disclosure) => call<Disclosure>("disclose", { disclosure }),
  requestAdd: (request) => call<Request>("request_add", { request }),
  requestIdentityChecked: (requestId, personId, method) =>
    call<Request>("request_identity_checked", { request_id: requestId, person_id: personId, method }),
  requestExtend: (requestId, newDueOn, reason) =>
    call<Request>("request_extend", { request_id: requestId, new_due_on: newDueOn, reason }),
  requestClose: (requestId, status, outcome) =>
    call<Request>("request_close", { request_id: requestId, status, outcome }),
  requestList: () => call<Request[]>("request_list"),
  requestsDue: () => call<RequestsDue>("requests_due"),
  extractDefaultFolder: () => call<string>("extract_default_folder"),
  extract: (personId, language, outDir, requestId) =>
    call<ExtractFiles>("extract", { person_id: personId, language, out_dir: outDir, request_id: requestId }),
  exportPeople: (selection, format, language, outFile) =>
    call<ExportedFile>("export_people", { selection, format, language, out_file: outFile }),
  portabilityExport: (personId, outDir) =>
    call<PortabilityFiles>("portability_export", { person_id: personId, out_dir: outDir }),
  erasureCheck: (personId) => call<ErasureBlocker[]>("erasure_check", { person_id: personId }),
  erase: (personId, requestId) => call<ErasureReceipt>("erase", { person_id: personId, request_id: requestId }),
  erasureReceipts: () => call<ErasureReceipt[]>("erasure_receipts"),
  legalHoldAdd: (recordKind, recordId, reason, untilOn) =>
    call<string>("legal_hold_add", { record_kind: recordKind, record_id: recordId, reason, until_on: untilOn }),
  restrictionSet: (restriction, requestId) =>
    call<Restriction>("restriction_set", { restriction, request_id: requestId }),
  restrictionLift: (personId, reason, requestId) =>
    call<Restriction>("restriction_lift", { person_id: personId, reason, request_id: requestId }),
  objectionRecord: (objection, requestId) =>
    call<ObjectionRecorded>("objection_record", { objection, request_id: requestId }),
  erasureMatches: (personId) => call<NameMatch[]>("erasure_matches", { person_id: personId }),
  redact: (personId, target) => call<Redacted>("redact", { person_id: personId, target }),
  redactionTodos: () => call<RedactionTodo[]>("redaction_todos"),
  redactionTodoDone: (todoId) => call<void>("redaction_todo_done", { todo_id: todoId }),
  meetingEdit: (meetingId, change, requestId = null) =>
    call<Meeting>("meeting_edit", { meeting_id: meetingId, change, request_id: requestId }),
  meetingDelete: (meetingId, requestId = null) =>
    call<null>("meeting_delete", { meeting_id: meetingId, request_id: requestId }),
  recordHistory: (recordKind, recordId) =>
    call<HistoryEntry[]>("record_history", { record_kind: recordKind, record_id: recordId }),
  processorEdit: (processorId, processor, requestId = null) =>
    call<Processor>("processor_edit", { processor_id: processorId, processor, request_id: requestId }),
  processorEnd: (processorId, endedOn, requestId = null) =>
    call<Processor>("processor_end", { processor_id: processorId, ended_on: endedOn, request_id: requestId }),
  transferEdit: (transferId, transfer, requestId = null) =>
    call<Transfer>("transfer_edit", { transfer_id: transferId, transfer, request_id: requestId }),
  transferEnd: (transferId, endedOn, requestId = null) =>
    call<Transfer>("transfer_end", { transfer_id: transferId, ended_on: endedOn, request_id: requestId }),
  legalHoldList: () => call<LegalHold[]>("legal_hold_list"),
  legalHoldLift: (legalHoldId, reason) => call<LegalHold>("legal_hold_lift", { legal_hold_id: legalHoldId, reason }),
  organisationProspects: () => call<Organisation[]>("organisation_prospects"),
};
