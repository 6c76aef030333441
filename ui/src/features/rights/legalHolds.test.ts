// Tests of the legal holds on the requests screen (admin): an empty state, holds in force with a
// "Lift" action that asks for a reason and then once more, lifted holds shown with who, when and why,
// and a refused lift shown by the form with the core's message.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LegalHold } from "../../lib/generated";
import {
  appError,
  byTestId,
  callsOf,
  cleanUp,
  click,
  press,
  queryTestId,
  resetAll,
  startLoggedIn,
  submitForm,
  typeInto,
  waitFor,
} from "../../testing/harness";

beforeEach(resetAll);
afterEach(cleanUp);

const HOLD: LegalHold = {
  legal_hold_id: "h-1",
  record_kind: "organisation",
  record_id: "o-acme",
  record_name: "Acme Oy",
  reason: "Riita-asia",
  until_on: "2030-12-31",
  created_by: "u-admin",
  created_by_name: "Maija Meikäläinen",
  created_at: "2026-11-01T08:00:00Z",
  lifted_at: null,
  lifted_by: null,
  lifted_by_name: null,
  lift_reason: null,
};

const LIFTED: LegalHold = {
  ...HOLD,
  lifted_at: "2026-11-28T08:00:00Z",
  lifted_by: "u-admin",
  lifted_by_name: "Maija Meikäläinen",
  lift_reason: "Riita sovittu",
};

describe("legal holds", () => {
  it("shows an empty state", async () => {
    await startLoggedIn();
    click(byTestId("nav-requests"));
    await waitFor(() => byTestId("legal-holds-empty"));
  });

  it("lifts a hold with a reason after asking once, then shows it as lifted", async () => {
    let lifted = false;
    await startLoggedIn({
      legal_hold_list: () => [lifted ? LIFTED : HOLD],
      legal_hold_lift: () => {
        lifted = true;
        return LIFTED;
      },
    });
    click(byTestId("nav-requests"));
    await waitFor(() => byTestId("legal-holds-item"));
    expect(byTestId("legal-holds-state").textContent).toContain("voimassa 31.12.2030 asti");
    click(byTestId("legal-holds-lift"));
    await waitFor(() => expect(document.activeElement).toBe(byTestId("legal-holds-reason")));
    typeInto("legal-holds-reason", "Riita sovittu");
    submitForm("legal-holds-lift-form");
    await waitFor(() => byTestId("confirm-yes"));
    expect(byTestId("confirm-question").textContent).toContain("Riita-asia");
    expect(callsOf("legal_hold_lift")).toHaveLength(0);
    click(byTestId("confirm-yes"));
    await waitFor(() => byTestId("legal-holds-message"));
    expect(callsOf("legal_hold_lift")[0].payload).toEqual({ legal_hold_id: "h-1", reason: "Riita sovittu" });
    await waitFor(() => expect(byTestId("legal-holds-item").dataset.lifted).toBe("true"));
    expect(byTestId("legal-holds-state").textContent).toMatch(/purettu 28\.11\.2026 \d{2}\.00, Maija Meikäläinen: Riita sovittu/);
    expect(queryTestId("legal-holds-lift")).toBeNull();
  });

  it("shows a refused lift with the core's message and keeps the form", async () => {
    await startLoggedIn({
      legal_hold_list: () => [HOLD],
      legal_hold_lift: () =>
        Promise.reject(
          appError("legal_hold_already_lifted", "Säilytysvelvoite h-1 on jo purettu (28.11.2026), joten mitään ei muutettu.", "Already lifted.", {
            legal_hold_id: "h-1",
          }),
        ),
    });
    click(byTestId("nav-requests"));
    await waitFor(() => byTestId("legal-holds-lift"));
    click(byTestId("legal-holds-lift"));
    typeInto("legal-holds-reason", "Uudelleen");
    submitForm("legal-holds-lift-form");
    await waitFor(() => byTestId("confirm-yes"));
    click(byTestId("confirm-yes"));
    await waitFor(() => byTestId("legal-holds-lift-error"));
    expect(byTestId("legal-holds-lift-error").textContent).toContain("on jo purettu");
    expect(byTestId("legal-holds-reason").getAttribute("aria-invalid")).toBe("true");
  });

  it("says at once that a reason is needed, without asking, and Esc gives the focus back to Lift", async () => {
    await startLoggedIn({ legal_hold_list: () => [HOLD] });
    click(byTestId("nav-requests"));
    await waitFor(() => byTestId("legal-holds-lift"));
    click(byTestId("legal-holds-lift"));
    await waitFor(() => expect(document.activeElement).toBe(byTestId("legal-holds-reason")));
    typeInto("legal-holds-reason", "   ");
    submitForm("legal-holds-lift-form");
    await waitFor(() => byTestId("legal-holds-lift-error"));
    expect(byTestId("legal-holds-lift-error").textContent).toContain("Kirjoita purun syy");
    expect(queryTestId("confirm-yes")).toBeNull();
    expect(callsOf("legal_hold_lift")).toHaveLength(0);
    expect(document.activeElement).toBe(byTestId("legal-holds-reason"));

    press("Escape", {}, byTestId("legal-holds-reason"));
    await waitFor(() => expect(queryTestId("legal-holds-lift-form")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(byTestId("legal-holds-lift")));
  });
});
