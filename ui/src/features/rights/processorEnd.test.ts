// Tests of correcting a processor in the add form, and of ending a processor and a transfer (admin): "End" opens a day field with today filled in,
// the day is sent, the row then shows "ended" with the Finnish date; a refusal is shown by the field.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Processor, Transfer } from "../../lib/generated";
import {
  appError,
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

beforeEach(resetAll);
afterEach(cleanUp);

const PROCESSOR: Processor = {
  processor_id: "pr-1",
  name: "Webinaari Inc.",
  service: "Webinaarialusta",
  purpose: "Asiakastilaisuudet",
  agreement_reference: "DPA-2024-07",
  agreement_date: "2024-07-01",
  processing_location: "Yhdysvallat",
  ended_on: null,
};

const TRANSFER: Transfer = {
  transfer_id: "t-1",
  processor_id: "pr-1",
  processor_name: "Webinaari Inc.",
  country: "Yhdysvallat",
  legal_basis: "standard-contractual-clauses",
  basis_detail: "SCC 2021/914",
  dpf_certified: false,
  since_on: "2024-08-01",
  needs_new_basis: null,
  ended_on: null,
};

describe("ending processors and transfers", () => {
  it("ends a processor on a typed day and shows it as ended", async () => {
    let ended = false;
    await startLoggedIn({
      processor_list: () => [ended ? { ...PROCESSOR, ended_on: "2026-11-15" } : PROCESSOR],
      transfer_list: () => [],
      processor_end: () => {
        ended = true;
        return { ...PROCESSOR, ended_on: "2026-11-15" };
      },
    });
    click(byTestId("nav-processors"));
    await waitFor(() => byTestId("processor-end"));
    click(byTestId("processor-end"));
    await waitFor(() => expect(document.activeElement).toBe(byTestId("processor-end-on")));
    expect(byTestId<HTMLInputElement>("processor-end-on").value).toMatch(/^\d{1,2}\.\d{1,2}\.\d{4}$/);
    typeInto("processor-end-on", "15.11.2026");
    submitForm("processor-end-form");
    await waitFor(() => byTestId("processor-ended"));
    expect(callsOf("processor_end")[0].payload).toEqual({ processor_id: "pr-1", ended_on: "15.11.2026", request_id: null });
    expect(byTestId("processor-ended").textContent).toContain("päättynyt 15.11.2026");
    expect(byTestId("processors-message").textContent).toContain("15.11.2026");
    expect(queryTestId("processor-end")).toBeNull();
  });

  it("shows a refused end of a transfer by its field", async () => {
    await startLoggedIn({
      processor_list: () => [PROCESSOR],
      transfer_list: () => [TRANSFER],
      transfer_end: () =>
        Promise.reject(
          appError("field_invalid", "Päättymispäivä (ended_on) on ennen alkamispäivää. Korjaa päivämäärät.", "End before start.", {
            field: "ended_on",
            rule: "end_before_start",
          }),
        ),
    });
    click(byTestId("nav-processors"));
    await waitFor(() => byTestId("transfer-end"));
    click(byTestId("transfer-end"));
    typeInto("transfer-end-on", "1.1.2020");
    submitForm("transfer-end-form");
    await waitFor(() => byTestId("transfer-end-error"));
    expect(byTestId("transfer-end-error").textContent).toContain("ennen alkamispäivää");
    expect(byTestId("transfer-end-on").getAttribute("aria-invalid")).toBe("true");
  });

  it("corrects a processor in the same form, filled with its details", async () => {
    await startLoggedIn({
      processor_list: () => [PROCESSOR],
      transfer_list: () => [],
      processor_edit: (p) => ({ ...PROCESSOR, ...(p.processor as object) }),
    });
    click(byTestId("nav-processors"));
    await waitFor(() => byTestId("processor-edit"));
    click(byTestId("processor-edit"));
    await waitFor(() => expect(document.activeElement).toBe(byTestId("processor-add-name")));
    expect(byTestId<HTMLInputElement>("processor-add-date").value).toBe("1.7.2024");
    typeInto("processor-add-location", "EU (Irlanti)");
    submitForm("processor-add-form");
    await waitFor(() => expect(callsOf("processor_edit")).toHaveLength(1));
    expect(callsOf("processor_edit")[0].payload).toEqual({
      processor_id: "pr-1",
      processor: {
        name: "Webinaari Inc.",
        service: "Webinaarialusta",
        purpose: "Asiakastilaisuudet",
        agreement_reference: "DPA-2024-07",
        agreement_date: "1.7.2024",
        processing_location: "EU (Irlanti)",
      },
      request_id: null,
    });
    expect(callsOf("processor_add")).toHaveLength(0);
    await waitFor(() => byTestId("processors-message"));
    expect(byTestId("processors-message").textContent).toContain("korjattu");
  });
});
