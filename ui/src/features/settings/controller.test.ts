// Tests of the controller's details on the Settings screen: the admin sees what is in force,
// a refused Y-tunnus is shown under its own field and nothing is reported saved, and a saved
// change is sent whole and confirmed.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  appError,
  byTestId,
  callsOf,
  cleanUp,
  click,
  CONTROLLER,
  queryTestId,
  resetAll,
  startLoggedIn,
  submitForm,
  typeInto,
  waitFor,
} from "../../testing/harness";

beforeEach(resetAll);
afterEach(cleanUp);

async function openSettings(overrides = {}) {
  await startLoggedIn(overrides);
  click(byTestId("nav-settings"));
  await waitFor(() => byTestId("controller-form"));
}

describe("the controller's details", () => {
  it("shows the details in force and saves a changed address", async () => {
    await openSettings({ controller_set: (p: { controller: typeof CONTROLLER }) => p.controller });
    expect(byTestId<HTMLInputElement>("controller-name").value).toBe("Sofor Oy");
    typeInto("controller-address", "Uusikatu 5, 60100 Seinäjoki");
    submitForm("controller-form");
    await waitFor(() => byTestId("controller-saved"));
    expect(callsOf("controller_set")[0].payload).toEqual({
      controller: { ...CONTROLLER, address: "Uusikatu 5, 60100 Seinäjoki" },
    });
  });

  it("shows a refused Y-tunnus under its field and reports nothing saved", async () => {
    const refused = appError(
      "field_invalid",
      "Y-tunnus ei kelpaa.",
      "The business id is not valid.",
      { field: "business_id", rule: "business_id" },
    );
    await openSettings({ controller_set: () => Promise.reject(refused) });
    typeInto("controller-business_id", "0855050-8");
    submitForm("controller-form");
    await waitFor(() => byTestId("controller-business_id-error"));
    expect(byTestId("controller-business_id-error").textContent).toContain("Y-tunnus ei kelpaa.");
    expect(byTestId("controller-business_id").getAttribute("aria-invalid")).toBe("true");
    expect(queryTestId("controller-saved")).toBeNull();
  });
});
