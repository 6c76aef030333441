// Tests of the Field primitive: the label names the input, the hint and the error describe it,
// and aria-invalid follows the error.
import { afterEach, describe, expect, it } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import Field from "./Field.svelte";
import { appError } from "../testing/harness";

let app: ReturnType<typeof mount> | undefined;
afterEach(() => {
  if (app) unmount(app);
  app = undefined;
  document.body.innerHTML = "";
});

function render(props: Record<string, unknown>): HTMLInputElement {
  const target = document.createElement("div");
  document.body.append(target);
  app = mount(Field, { target, props: { id: "f", label: "Nimi", ...props } as never });
  flushSync();
  return target.querySelector("input") as HTMLInputElement;
}

describe("Field", () => {
  it("labels the input by its id and passes other attributes to it", () => {
    const input = render({ type: "password", required: true, "data-testid": "f-input", value: "x" });
    const label = document.querySelector("label") as HTMLLabelElement;
    expect(label.htmlFor).toBe("f");
    expect(label.control).toBe(input);
    expect(input.type).toBe("password");
    expect(input.required).toBe(true);
    expect(input.dataset.testid).toBe("f-input");
    expect(input.value).toBe("x");
    expect(input.getAttribute("aria-invalid")).toBe("false");
    expect(input.hasAttribute("aria-describedby")).toBe(false);
  });

  it("is described by its hint", () => {
    const input = render({ hint: "Vähintään 12 merkkiä" });
    const hint = document.getElementById(input.getAttribute("aria-describedby") ?? "");
    expect(hint?.textContent).toBe("Vähintään 12 merkkiä");
  });

  it("shows a backend error, is described by hint and error, and is invalid", () => {
    const error = appError("field_invalid", "Virheellinen nimi", "Invalid name");
    const input = render({ hint: "Vihje", error, errorTestid: "f-error" });
    const ids = (input.getAttribute("aria-describedby") ?? "").split(" ");
    expect(ids.map((id) => document.getElementById(id)?.textContent)).toEqual(["Vihje", "Virheellinen nimi"]);
    const shown = document.querySelector('[data-testid="f-error"]');
    expect(shown?.getAttribute("role")).toBe("alert");
    expect(input.getAttribute("aria-invalid")).toBe("true");
  });

  it("shows the form's own message like an error", () => {
    const input = render({ message: "Salasanat eivät täsmää" });
    expect(document.getElementById(input.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Salasanat eivät täsmää",
    );
    expect(input.getAttribute("aria-invalid")).toBe("true");
  });

  it("can be marked invalid while its error is shown elsewhere", () => {
    const input = render({ invalid: true });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.hasAttribute("aria-describedby")).toBe(false);
  });
});
