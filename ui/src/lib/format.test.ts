// Tests of the display formats: Finnish dates and decimal-comma sizes, English equivalents.
// Times are mid-day UTC so the local time zone cannot move the date.
import { describe, expect, it } from "vitest";
import { formatBytes, formatDate, formatDateTime, formatDay, localDayStart, todayFinnish } from "./format";

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

describe("days and times", () => {
  it("writes ISO days without any time-zone shift", () => {
    expect(formatDay("2026-11-27", "fi")).toBe("27.11.2026");
    expect(formatDay("2026-02-01", "fi")).toBe("1.2.2026");
    expect(formatDay("2026-11-27", "en")).toBe("27 November 2026");
    expect(formatDay("not a day", "fi")).toBe("not a day");
  });

  it("writes times as hh.mm in Finnish and hh:mm in English", () => {
    const at = new Date(2026, 10, 27, 9, 5).toISOString();
    expect(formatDateTime(at, "fi")).toBe("27.11.2026 09.05");
    expect(formatDateTime(at, "en")).toBe("27 November 2026 09:05");
  });

  it("gives today the Finnish way and local day starts as instants", () => {
    expect(todayFinnish(new Date(2026, 1, 1, 10))).toBe("1.2.2026");
    expect(localDayStart("2026-11-27")).toBe(new Date(2026, 10, 27).toISOString());
    expect(localDayStart("2026-11-30", 1)).toBe(new Date(2026, 11, 1).toISOString());
    expect(localDayStart("")).toBeNull();
  });
});
