// Tests of the Users screen in the whole app: the table, deactivation asked once in an in-app
// dialog, adding a user with snake_case arguments, errors by their field, role change and reset.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { User } from "../../lib/generated";
import {
  USERS,
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

async function openUsers(overrides = {}) {
  await startLoggedIn(overrides);
  click(byTestId("nav-users"));
  await waitFor(() => byTestId("users-table"));
}

describe("users", () => {
  it("lists users with role, status and the last training in Finnish format", async () => {
    await openUsers();
    expect(byTestId("user-row-maija").textContent).toContain("Maija Meikäläinen");
    expect(byTestId("user-training-maija").textContent?.trim()).toBe("2.3.2026");
    expect(queryTestId("user-overdue-maija")).toBeNull();
    expect(byTestId("user-overdue-pekka").textContent?.trim()).toBe("Vanhentunut");
    expect(byTestId<HTMLSelectElement>("user-role-pekka").value).toBe("sales");
    expect(byTestId("user-row-olli").textContent).toContain("Poistettu käytöstä");
    expect(queryTestId("user-deactivate-olli")).toBeNull();
  });

  it("asks once before deactivating and calls user_deactivate only after confirming", async () => {
    const confirmSpy = vi.spyOn(window, "confirm");
    await openUsers({
      user_deactivate: (p: Record<string, unknown>) => ({ ...USERS[1], active: false, username: p.username }),
    });

    click(byTestId("user-deactivate-pekka"));
    expect(byTestId("confirm-question").textContent).toBe(
      "Poista käyttäjä Pekka Myyjä (pekka) käytöstä? Käyttäjä ei voi enää kirjautua. Lokitiedot säilyvät.",
    );
    expect(document.activeElement).toBe(byTestId("confirm-no"));
    click(byTestId("confirm-no"));
    expect(queryTestId("confirm-dialog")).toBeNull();
    expect(callsOf("user_deactivate")).toHaveLength(0);

    click(byTestId("user-deactivate-pekka"));
    click(byTestId("confirm-yes"));
    await waitFor(() => byTestId("users-message"));
    expect(callsOf("user_deactivate")).toEqual([{ cmd: "user_deactivate", payload: { username: "pekka" } }]);
    expect(byTestId("users-message").textContent).toBe("Käyttäjä Pekka Myyjä poistettiin käytöstä.");
    expect(queryTestId("confirm-dialog")).toBeNull();
    expect(confirmSpy).not.toHaveBeenCalled();
  });

  it("adds a user with snake_case arguments and shows a taken username by its field", async () => {
    let taken = true;
    await openUsers({
      user_add: (p: Record<string, unknown>) => {
        if (taken) {
          return Promise.reject(
            appError("username_taken", "Käyttäjätunnus liisa on jo käytössä.", "The username liisa is already taken.", {
              username: "liisa",
            }),
          );
        }
        const added = p.new_user as Pick<User, "username" | "display_name" | "role">;
        return { ...USERS[1], ...added, user_id: "u-liisa" };
      },
    });

    typeInto("user-add-username", "liisa");
    typeInto("user-add-display-name", "Liisa Toimisto");
    typeInto("user-add-role", "office");
    typeInto("user-add-password", "liisan pitkä salasana");
    click(byTestId("user-add-submit"));
    await waitFor(() => byTestId("user-add-error-username"));
    expect(byTestId("user-add-error-username").textContent?.trim()).toBe("Käyttäjätunnus liisa on jo käytössä.");
    expect(byTestId("user-add-username").getAttribute("aria-invalid")).toBe("true");

    taken = false;
    submitForm("user-add-form");
    await waitFor(() => byTestId("users-message"));
    expect(byTestId("users-message").textContent).toBe("Käyttäjä Liisa Toimisto lisättiin.");
    expect(callsOf("user_add")[1].payload).toEqual({
      new_user: { username: "liisa", display_name: "Liisa Toimisto", role: "office" },
      password: "liisan pitkä salasana",
    });
    expect(queryTestId("user-add-error-username")).toBeNull();
    expect(byTestId<HTMLInputElement>("user-add-password").value).toBe("");
  });

  it("changes a role and resets a password from the row", async () => {
    await openUsers({
      user_role_change: (p: Record<string, unknown>) => ({ ...USERS[1], role: p.role }),
      user_password_reset: () => null,
    });
    typeInto("user-role-pekka", "office");
    click(byTestId("user-role-save-pekka"));
    await waitFor(() => expect(callsOf("user_role_change")).toHaveLength(1));
    expect(callsOf("user_role_change")[0].payload).toEqual({ username: "pekka", role: "office" });

    await waitFor(() => byTestId("users-message"));
    click(byTestId("user-reset-pekka"));
    typeInto("user-reset-password-pekka", "uusi pitkä salasana");
    click(byTestId("user-reset-submit-pekka"));
    await waitFor(() => expect(callsOf("user_password_reset")).toHaveLength(1));
    expect(callsOf("user_password_reset")[0].payload).toEqual({
      username: "pekka",
      password: "uusi pitkä salasana",
    });
    await waitFor(() => expect(queryTestId("user-reset-password-pekka")).toBeNull());
  });

  it("shows last_admin by the row that caused it", async () => {
    await openUsers({
      user_deactivate: () =>
        Promise.reject(
          appError("last_admin", "Viimeistä pääkäyttäjää ei voi poistaa käytöstä.", "The last administrator cannot be deactivated."),
        ),
    });
    click(byTestId("user-deactivate-maija"));
    click(byTestId("confirm-yes"));
    await waitFor(() => byTestId("user-error-maija"));
    expect(byTestId("user-error-maija").textContent?.trim()).toBe("Viimeistä pääkäyttäjää ei voi poistaa käytöstä.");
  });
});
