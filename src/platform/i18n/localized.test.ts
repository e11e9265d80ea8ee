import { describe, expect, it } from "vitest";
import { localized, parseTranslations } from "./localized.js";

describe("a record in the reader's language", () => {
  const job = {
    title: "Besøgsven",
    tasks: "Du besøger en ældre.",
    translations: parseTranslations('{"en":{"title":"Visiting friend","tasks":""},"xx":{"title":"?"}}'),
  };

  it("takes each translated text and keeps the original where there is none", () => {
    expect(localized(job, "en")).toMatchObject({ title: "Visiting friend", tasks: "Du besøger en ældre." });
  });

  it("leaves the record as written for a language without translations", () => {
    expect(localized(job, "nl")).toBe(job);
    expect(localized(job, "da").title).toBe("Besøgsven");
  });

  it("reads only known languages and non-empty texts, and survives a broken column", () => {
    expect(job.translations).toEqual({ en: { title: "Visiting friend" } });
    expect(parseTranslations("not json")).toEqual({});
    expect(parseTranslations(null)).toEqual({});
  });
});
