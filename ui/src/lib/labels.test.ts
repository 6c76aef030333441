// The words of history values stored as slugs: every kind, status, yes/no and purpose a correction
// writes has a dictionary key, so the history never shows `public-body`, `won` or `true`.
import { describe, expect, it } from "vitest";
import { messages } from "./i18n";
import { DEAL_STATUSES, MEETING_KINDS, ORGANISATION_KINDS, historyRecordLabel, historyValueLabel } from "./labels";

describe("history values", () => {
  it("names every meeting kind, organisation kind and deal status, and a prospect's yes/no", () => {
    for (const kind of MEETING_KINDS) expect(historyValueLabel("meeting", "kind", kind)).not.toBeNull();
    for (const kind of ORGANISATION_KINDS) expect(historyValueLabel("organisation", "kind", kind)).not.toBeNull();
    for (const status of DEAL_STATUSES) expect(historyValueLabel("deal", "status", status)).not.toBeNull();
    expect(messages.fi[historyValueLabel("organisation", "prospect", "true")!]).toBe("Kyllä");
    expect(messages.en[historyValueLabel("organisation", "prospect", "false")!]).toBe("No");
    expect(messages.fi[historyValueLabel("person", "objection", "direct-marketing")!]).toBe("Suoramarkkinointi");
  });

  it("leaves free text alone and names the record kinds of a request's changes", () => {
    expect(historyValueLabel("meeting", "subject", "won")).toBeNull();
    expect(messages.fi[historyRecordLabel("deal")!]).toBe("Kauppa");
    expect(historyRecordLabel("unknown")).toBeNull();
  });
});
