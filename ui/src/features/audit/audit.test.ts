// Tests of the audit-trail screen: the chain state (intact / broken warning), the entries with
// Finnish times and action names, the filter sent to audit_list, and the empty state.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditEvent, AuditFilter } from "../../lib/generated";
import {
  byTestId,
  callsOf,
  cleanUp,
  click,
  queryTestId,
  resetAll,
  startLoggedIn,
  submitForm,
  typeInto,
  waitFor,
} from "../../testing/harness";
import { messages } from "../../lib/i18n";
import { actionLabel, toAuditFilter } from "./actions";
import { ORGANISATION_PAGE } from "../../testing/register";

beforeEach(resetAll);
afterEach(cleanUp);

const EVENT: AuditEvent = {
  seq: 7,
  event_id: "e-7",
  at: "2026-11-27T12:05:00.000Z",
  user_id: "u-admin",
  username: "maija",
  action: "user_deactivate",
  record_kind: "user",
  record_id: "u-sales",
};

async function openAudit(overrides = {}) {
  await startLoggedIn(overrides);
  click(byTestId("nav-audit"));
  await waitFor(() => byTestId("audit-screen"));
}

describe("audit trail", () => {
  it("says the chain is intact, lists entries and re-checks on demand", async () => {
    await openAudit({ audit_list: () => [EVENT, { ...EVENT, seq: 8, action: "brand_new_action", username: null }] });
    await waitFor(() => expect(byTestId("audit-chain-state").textContent).toContain("Lokiketju eheä (12 merkintää)"));
    await waitFor(() => byTestId("audit-table"));
    const rows = document.querySelectorAll('[data-testid="audit-row"]');
    expect(rows).toHaveLength(2);
    const expectedTime = `27.11.2026 ${String(new Date(EVENT.at).getHours()).padStart(2, "0")}.05`;
    expect(rows[0].textContent).toContain(expectedTime);
    expect(rows[0].textContent).toContain("Käyttäjä poistettu käytöstä");
    expect(rows[0].textContent).toContain("u-sales");
    expect(rows[1].textContent).toContain("brand_new_action");
    expect(rows[1].textContent).toContain("(tuntematon tunnus)");

    click(byTestId("audit-verify"));
    await waitFor(() => expect(callsOf("audit_verify")).toHaveLength(2));
  });

  it("names actions and record kinds in words and links a person or organisation to its page", async () => {
    await openAudit({
      audit_list: () => [
        { ...EVENT, seq: 9, action: "organisation_merge", record_kind: "organisation", record_id: "o-acme" },
        { ...EVENT, seq: 10, action: "contact_edit", record_kind: "person", record_id: "p-virtanen" },
      ],
      organisation_page: () => ORGANISATION_PAGE,
    });
    await waitFor(() => byTestId("audit-table"));
    const rows = document.querySelectorAll('[data-testid="audit-row"]');
    expect(rows[0].textContent).toContain("Organisaatiot yhdistetty");
    expect(rows[1].textContent).toContain("Yhteystieto korjattu");
    // A reference is its kind in words, a link; the bare id is not shown.
    const links = document.querySelectorAll<HTMLButtonElement>('[data-testid="audit-record-link"]');
    expect([...links].map((l) => l.textContent?.trim())).toEqual(["Organisaatio", "Henkilö"]);
    expect(rows[1].textContent).not.toContain("p-virtanen");
    // Every action in the filter has words (none shows its code).
    const options = [...byTestId<HTMLSelectElement>("audit-filter-action").options].slice(1);
    expect(options.length).toBeGreaterThan(80);
    expect(options.every((o) => o.textContent !== o.value)).toBe(true);
    links[0].click();
    await waitFor(() => byTestId("organisation-page"));
  });

  it("shows a red warning naming the first broken entry when audit_verify says intact=false", async () => {
    await openAudit({
      audit_verify: () => ({ entries: 40, intact: false, first_broken_seq: 17, problem: "altered" }),
    });
    await waitFor(() => expect(byTestId("audit-chain-state").textContent).toContain("rikki"));
    const state = byTestId("audit-chain-state");
    expect(state.classList.contains("broken")).toBe(true);
    expect(state.textContent).toContain("Lokiketju on rikki merkinnästä 17 alkaen.");
    expect(state.textContent).toContain("Merkinnän sisältöä on muutettu.");
    expect(state.textContent).not.toContain("eheä");
    click(byTestId("language-en"));
    expect(state.textContent).toContain("The audit chain is broken from entry 17 on.");
  });

  it("names a trail cut short against the hub's copy, and says when the hub could not be asked", async () => {
    await openAudit({
      audit_verify: () => ({
        entries: 40,
        intact: false,
        first_broken_seq: 39,
        problem: "truncated",
        hub_copy: "differs",
        hub_copy_error: null,
      }),
    });
    await waitFor(() => expect(byTestId("audit-chain-state").textContent).toContain("rikki"));
    expect(byTestId("audit-chain-state").textContent).toContain("Lokin lopusta on poistettu merkintöjä.");
    expect(byTestId("audit-hub-copy").textContent).toBe("Loki ei täsmää hubille kopioituun.");
    cleanUp();
    resetAll();

    await openAudit({
      audit_verify: () => ({
        entries: 12,
        intact: true,
        first_broken_seq: null,
        problem: null,
        hub_copy: "not_checked",
        hub_copy_error: "hub_unreachable",
      }),
    });
    await waitFor(() => expect(byTestId("audit-chain-state").textContent).toContain("eheä"));
    expect(byTestId("audit-hub-copy").textContent).toContain("vain tällä koneella");
  });

  it("says nothing of a hub when the register has none", async () => {
    await openAudit();
    await waitFor(() => expect(byTestId("audit-chain-state").textContent).toContain("eheä"));
    expect(queryTestId("audit-hub-copy")).toBeNull();
  });

  it("sends the filter and shows the empty state", async () => {
    await openAudit();
    await waitFor(() => byTestId("audit-empty"));
    expect(byTestId("audit-empty").textContent).toContain("Ei merkintöjä");
    typeInto("audit-filter-user", " pekka ");
    typeInto("audit-filter-action", "login_failed");
    typeInto("audit-filter-from", "2026-11-01");
    typeInto("audit-filter-to", "2026-11-27");
    submitForm("audit-filter");
    await waitFor(() => expect(callsOf("audit_list")).toHaveLength(2));
    const filter = (callsOf("audit_list")[1].payload as { filter: AuditFilter }).filter;
    expect(filter).toEqual({
      since: new Date(2026, 10, 1).toISOString(),
      until: new Date(2026, 10, 28).toISOString(),
      username: "pekka",
      action: "login_failed",
      record_id: null,
      limit: 500,
    });
    expect(queryTestId("audit-table")).toBeNull();
  });

  it("builds an all-null filter from an empty form", () => {
    expect(toAuditFilter({ username: "", action: "", from: "", to: "", recordId: "" })).toEqual({
      since: null,
      until: null,
      username: null,
      action: null,
      record_id: null,
      limit: 500,
    });
  });
});

describe("action labels", () => {
  it("names the repair, restore, key rotation and retention-rule actions in both languages", () => {
    const expected: Record<string, [string, string]> = {
      key_rotate: ["Salausavain vaihdettu", "Encryption key rotated"],
      register_repaired: ["Rekisteri korjattu", "Register repaired"],
      register_restored: ["Rekisteri palautettu varmuuskopiosta", "Register restored from a backup"],
      retention_rule_set: ["Säilytyssääntö asetettu", "Retention rule set"],
    };
    for (const [action, [fi, en]] of Object.entries(expected)) {
      const key = actionLabel(action);
      expect(key, action).not.toBeNull();
      expect(messages.fi[key!]).toBe(fi);
      expect(messages.en[key!]).toBe(en);
    }
  });
});
