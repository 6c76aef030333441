// Tests of the i18n dictionaries: both languages have the same keys and no empty texts.
// The type of `messages` already enforces this at compile time; this guards the runtime objects.
import { describe, expect, it } from "vitest";
import { get } from "svelte/store";
import { fill, language, messages, t } from "./i18n";

describe("i18n", () => {
  it("has identical key sets in Finnish and English", () => {
    const fiKeys = Object.keys(messages.fi).sort();
    const enKeys = Object.keys(messages.en).sort();
    expect(fiKeys.length).toBeGreaterThan(10);
    expect(enKeys).toEqual(fiKeys);
  });

  it("has no empty texts", () => {
    for (const lang of ["fi", "en"] as const) {
      for (const [key, text] of Object.entries(messages[lang])) {
        expect(text.trim(), `${lang}.${key}`).not.toBe("");
      }
    }
  });

  it("is Finnish by default and follows the language store", () => {
    expect(get(language)).toBe("fi");
    expect(get(t).loading).toBe("Avataan rekisteriä…");
    language.set("en");
    expect(get(t).loading).toBe("Opening the register…");
    language.set("fi");
  });
});

describe("fill", () => {
  it("fills named placeholders and leaves unknown ones", () => {
    expect(fill("Hei, {name}! {other}", { name: "Maija" })).toBe("Hei, Maija! {other}");
  });
});
