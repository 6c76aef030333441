// Tests of the display formats: Finnish dates and decimal-comma sizes, English equivalents.
// Times are mid-day UTC so the local time zone cannot move the date.
import { describe, expect, it } from "vitest";
import { formatBytes, formatDate } from "./format";

describe("format", () => {
  it("writes dates the Finnish way", () => {
    expect(formatDate("2026-11-27T12:00:00Z", "fi")).toBe("27.11.2026");
    expect(formatDate("2026-02-01T12:00:00Z", "fi")).toBe("1.2.2026");
    expect(formatDate("2026-11-27T12:00:00Z", "en")).toBe("27 November 2026");
  });

  it("writes sizes with a decimal comma in Finnish", () => {
    expect(formatBytes(1_234_567, "fi")).toBe("1,2 Mt");
    expect(formatBytes(1_234_567, "en")).toBe("1.2 MB");
    expect(formatBytes(512, "fi")).toBe("512 t");
    expect(formatBytes(40_960, "en")).toBe("41 kB");
  });
});
