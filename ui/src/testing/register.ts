// Sample register content for the UI tests: a person's page, an organisation's page, search hits,
// duplicate candidates and list pages, shaped exactly like the backend's generated types.
import type {
  ListPage,
  Meeting,
  Organisation,
  OrganisationPage,
  PersonPage,
  PersonSummary,
  SearchHit,
  Source,
} from "../lib/generated";

export const SOURCE: Source = {
  source_id: "s-1",
  kind: "business-card",
  detail: null,
  obtained_on: "2026-11-27",
  recorded_by: "u-office",
  recorded_by_name: "Päivi Toimisto",
  recorded_at: "2026-11-27T12:30:00Z",
};

export const EVENT_SOURCE: Source = {
  ...SOURCE,
  source_id: "s-2",
  kind: "event",
  detail: "Slush 2026",
  obtained_on: "2026-11-20",
};

export const ACME: Organisation = {
  organisation_id: "o-acme",
  name: "Acme Oy",
  kind: "company",
  parent_id: null,
  parent_name: null,
  business_id: "1234567-1",
  customer_since: "2020-01-01",
  customer_until: null,
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
  prospect: false,
};

export const MEETING: Meeting = {
  meeting_id: "m-1",
  kind: "call",
  at: "2026-11-27T12:30:00Z",
  subject: "Tarjouksen läpikäynti",
  notes: "Soita uudelleen ensi viikolla.",
  organisation_id: "o-acme",
  organisation_name: "Acme Oy",
  participants: [{ person_id: "p-virtanen", name: "Virtanen Matti" }],
  logged_by: "u-sales",
  logged_by_name: "Pekka Myyjä",
};

export function personPage(meetings: Meeting[] = []): PersonPage {
  return {
    person: {
      person_id: "p-virtanen",
      surname: "Virtanen",
      first_name: "Matti",
      other_first_names: null,
      source: SOURCE,
      created_at: "2026-11-27T12:30:00Z",
      updated_at: "2026-11-28T08:00:00Z",
    },
    contacts: [
      {
        contact_id: "c-1",
        person_id: "p-virtanen",
        organisation_id: null,
        kind: "mobile",
        label: "työ",
        value: "+358401234567",
        display: "040 1234567",
        social_kind: null,
        source: SOURCE,
        retired_at: null,
      },
      {
        contact_id: "c-2",
        person_id: "p-virtanen",
        organisation_id: null,
        kind: "email",
        label: null,
        value: "matti.virtanen@acme.fi",
        display: "matti.virtanen@acme.fi",
        social_kind: null,
        source: EVENT_SOURCE,
        retired_at: null,
      },
    ],
    positions: [
      {
        position_id: "pos-old",
        person_id: "p-virtanen",
        person_name: "Virtanen Matti",
        organisation_id: "o-old",
        organisation_name: "Vanha Oy",
        title: "Myyntipäällikkö",
        job_description: null,
        start_on: "2015-01-01",
        end_on: "2019-12-31",
      },
      {
        position_id: "pos-now",
        person_id: "p-virtanen",
        person_name: "Virtanen Matti",
        organisation_id: "o-acme",
        organisation_name: "Acme Oy",
        title: "Toimitusjohtaja",
        job_description: null,
        start_on: "2020-01-01",
        end_on: null,
      },
    ],
    deals: [],
    meetings,
    service_elements: [],
    history: [
      {
        change_id: "h-1",
        record_kind: "person",
        record_id: "p-virtanen",
        field: "surname",
        old_value: "Virtane",
        new_value: "Virtanen",
        changed_by: "u-admin",
        changed_by_name: "Maija Meikäläinen",
        changed_at: "2026-11-28T08:00:00Z",
        request_id: null,
        old_label: null,
        new_label: null,
      },
    ],
    restrictions: [],
    objections: [],
  };
}

export const ORGANISATION_PAGE: OrganisationPage = {
  organisation: ACME,
  units: [
    { ...ACME, organisation_id: "o-unit", name: "Acme Oy, Tampereen yksikkö", kind: "unit", parent_id: "o-acme", parent_name: "Acme Oy", business_id: null },
  ],
  positions: [],
  contacts: [],
  deals: [],
  meetings: [],
  service_elements: [],
  history: [],
};

export const HITS: SearchHit[] = [
  { record_kind: "person", record_id: "p-virtanen", title: "Virtanen Matti", subtitle: "Toimitusjohtaja, Acme Oy", restricted: false },
  { record_kind: "person", record_id: "p-virta", title: "Virta Liisa", subtitle: null, restricted: false },
  { record_kind: "organisation", record_id: "o-acme", title: "Acme Oy", subtitle: "1234567-1", restricted: false },
];

/** A page of a people list of `total` rows, named after their position. */
export function peoplePage(offset: number, limit: number, total: number): ListPage<PersonSummary> {
  const items: PersonSummary[] = [];
  for (let index = offset; index < Math.min(offset + limit, total); index++) {
    items.push({
      person_id: `p-${index}`,
      surname: `Sukunimi${index}`,
      first_name: "Etu",
      title: null,
      organisation_name: null,
      restricted: false,
    });
  }
  return { total, items };
}
