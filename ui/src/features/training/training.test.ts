// Tests of the Training and audits screen and the Settings screen: empty states, recording a
// training and an internal audit with snake_case arguments, errors by field, the idle-lock minutes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  appError,
  byTestId,
  callsOf,
  cleanUp,
  click,
  resetAll,
  startLoggedIn,
  submitForm,
  typeInto,
  waitFor,
} from "../../testing/harness";

beforeEach(resetAll);
afterEach(cleanUp);

describe("training and audits", () => {
  it("shows empty states, records a training and shows a date error by its field", async () => {
    let trainings: unknown[] = [];
    await startLoggedIn({
      training_list: () => trainings,
      training_record: (p: Record<string, unknown>) => {
        if (p.completed_on === "31.2.2026") {
          return Promise.reject(
            appError("date_invalid", "Päivämäärä (koulutuksen päivä) ei kelpaa.", "The date (training date) is not valid.", {
              field: "completed_on",
            }),
          );
        }
        const record = {
          training_id: "t-1",
          user_id: "u-sales",
          username: p.username,
          completed_on: "2026-11-27",
          topic: p.topic,
          recorded_by: "u-admin",
          recorded_at: "2026-11-27T12:00:00Z",
        };
        trainings = [record];
        return record;
      },
    });
    click(byTestId("nav-training"));
    await waitFor(() => byTestId("training-empty"));
    expect(byTestId("internal-audit-empty").textContent).toContain("Kirjaa auditointi");
    // Only active users can be chosen.
    const options = [...byTestId<HTMLSelectElement>("training-user").options].map((o) => o.value);
    expect(options).toEqual(["", "maija", "pekka"]);

    typeInto("training-user", "pekka");
    typeInto("training-date", "31.2.2026");
    typeInto("training-topic", "Tietosuojan perusteet");
    submitForm("training-form");
    await waitFor(() => byTestId("training-error-date"));
    expect(byTestId("training-error-date").textContent?.trim()).toBe("Päivämäärä (koulutuksen päivä) ei kelpaa.");

    typeInto("training-date", "27.11.2026");
    submitForm("training-form");
    await waitFor(() => byTestId("training-table"));
    expect(callsOf("training_record")[1].payload).toEqual({
      username: "pekka",
      completed_on: "27.11.2026",
      topic: "Tietosuojan perusteet",
      result: "passed",
      score: null,
    });
    const table = byTestId("training-table").textContent ?? "";
    expect(table).toContain("27.11.2026");
    expect(table).toContain("maija"); // recorded_by id shown as the username
  });

  it("records a failed test with its score, and shows a score error by its field", async () => {
    let trainings: unknown[] = [];
    await startLoggedIn({
      training_list: () => trainings,
      training_record: (p: Record<string, unknown>) => {
        const score = p.score as number | null;
        if (score !== null && (score < 0 || score > 100)) {
          return Promise.reject(
            appError(
              "training_score_invalid",
              `Koulutuksen testipisteet ${score} eivät kelpaa.`,
              `The training test score ${score} is not valid.`,
              { given: score },
            ),
          );
        }
        const record = {
          training_id: "t-2",
          user_id: "u-sales",
          username: p.username,
          completed_on: "2026-11-27",
          topic: p.topic,
          recorded_by: "u-admin",
          recorded_at: "2026-11-27T12:00:00Z",
          result: p.result,
          score,
        };
        trainings = [record];
        return record;
      },
    });
    click(byTestId("nav-training"));
    await waitFor(() => byTestId("training-result"));
    typeInto("training-user", "pekka");
    typeInto("training-topic", "Tietosuojan perusteet");
    typeInto("training-result", "failed");
    typeInto("training-score", "140");
    submitForm("training-form");
    await waitFor(() => byTestId("training-error-score"));
    expect(byTestId("training-error-score").textContent?.trim()).toBe("Koulutuksen testipisteet 140 eivät kelpaa.");
    // Not a number at all: said by the field in words (not as a score of "-1"), nothing sent.
    typeInto("training-score", "paljon");
    submitForm("training-form");
    await waitFor(() => expect(byTestId("training-error-score").textContent).toContain("ei ole kokonaisluku"));
    expect(byTestId("training-error-score").textContent).not.toContain("-1");
    expect(callsOf("training_record")).toHaveLength(1);

    typeInto("training-score", "41");
    submitForm("training-form");
    await waitFor(() => byTestId("training-table"));
    expect(callsOf("training_record")[1].payload).toMatchObject({ result: "failed", score: 41 });
    expect(byTestId("training-row-result").textContent?.trim()).toBe("Hylätty (41/100)");
  });

  it("records an internal audit", async () => {
    await startLoggedIn({
      internal_audit_record: (p: Record<string, unknown>) => ({
        internal_audit_id: "a-1",
        held_on: "2026-11-20",
        scope: p.scope,
        result: p.result,
        follow_up: p.follow_up,
        recorded_by: "maija",
        recorded_at: "2026-11-27T12:00:00Z",
      }),
    });
    click(byTestId("nav-training"));
    await waitFor(() => byTestId("internal-audit-form"));
    typeInto("internal-audit-date", "20.11.2026");
    typeInto("internal-audit-scope", "Käyttöoikeudet");
    typeInto("internal-audit-result", "findings");
    typeInto("internal-audit-follow-up", "Poista vanhat tunnukset");
    submitForm("internal-audit-form");
    await waitFor(() => byTestId("internal-audit-recorded"));
    expect(callsOf("internal_audit_record")[0].payload).toEqual({
      held_on: "20.11.2026",
      scope: "Käyttöoikeudet",
      result: "findings",
      follow_up: "Poista vanhat tunnukset",
    });
  });
});

describe("settings", () => {
  it("shows the idle-lock minutes, saves a new value and shows a range error by the field", async () => {
    await startLoggedIn({
      idle_lock_set: (p: Record<string, unknown>) =>
        Number(p.minutes) > 240
          ? Promise.reject(
              appError("setting_invalid", "Asetuksen arvon on oltava 1–240.", "The setting must be between 1 and 240.", {
                setting: "idle_lock_minutes",
                min: 1,
                max: 240,
              }),
            )
          : null,
    });
    click(byTestId("nav-settings"));
    await waitFor(() => byTestId("idle-lock-current"));
    expect(byTestId("idle-lock-current").textContent).toBe("Nyt: 15 min");
    expect(byTestId<HTMLInputElement>("idle-lock-minutes").value).toBe("15");

    typeInto("idle-lock-minutes", "500");
    click(byTestId("idle-lock-save"));
    await waitFor(() => byTestId("idle-lock-error"));
    expect(byTestId("idle-lock-error").textContent?.trim()).toBe("Asetuksen arvon on oltava 1–240.");

    typeInto("idle-lock-minutes", "30");
    click(byTestId("idle-lock-save"));
    await waitFor(() => byTestId("idle-lock-saved"));
    expect(byTestId("idle-lock-current").textContent).toBe("Nyt: 30 min");
    expect(callsOf("idle_lock_set").map((c) => c.payload)).toEqual([{ minutes: 500 }, { minutes: 30 }]);
  });
});
