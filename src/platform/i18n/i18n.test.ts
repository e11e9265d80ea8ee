import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { catalogs, chooseLanguage, LANGUAGES } from "./i18n.js";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "catalogs" ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("message catalogs", () => {
  const keys = Object.keys(catalogs.da).sort();

  it.each(LANGUAGES)("%s has exactly the keys of da, each a valid ICU message", (lang) => {
    expect(Object.keys(catalogs[lang]).sort()).toEqual(keys);
    for (const [key, message] of Object.entries(catalogs[lang])) {
      expect(message.trim(), `${lang} ${key}`).not.toBe("");
      expect(() => new IntlMessageFormat(message, lang), `${lang} ${key}`).not.toThrow();
    }
  });

  it("has no key the code never uses", () => {
    const code =
      sourceFiles("src")
        .map((f) => readFileSync(f, "utf8"))
        .join("\n") + readFileSync("scripts/demo-data.ts", "utf8");
    const unused = keys.filter((key) => !code.includes(`"${key}"`));
    expect(unused).toEqual([]);
  });

  it("has every key the code names", () => {
    const code = sourceFiles("src")
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const named = new Set([...code.matchAll(/\bt\("([a-zA-Z0-9_.]+)"/g)].map((m) => m[1] as string));
    expect([...named].filter((k) => !(k in catalogs.da))).toEqual([]);
  });

  it("speaks each language in its own words, not the default's", () => {
    // Norwegian and Danish share many words on purpose; Dutch and English must not.
    for (const lang of ["nl", "en"] as const) {
      const same = keys.filter((k) => catalogs[lang][k] === catalogs.da[k] && catalogs.da[k] !== undefined && catalogs.da[k].length > 12);
      expect(same.length, `${lang} copies Danish: ${same.join(", ")}`).toBeLessThan(3);
    }
  });
});

describe("choosing the language", () => {
  const enabled = ["da", "nb", "nl", "en"] as const;
  it("prefers the person's setting, then the cookie, then Accept-Language, then the tenant default", () => {
    expect(chooseLanguage({ enabled: [...enabled], fallback: "da", userSetting: "nl", cookie: "en", acceptLanguage: "nb" })).toBe("nl");
    expect(chooseLanguage({ enabled: [...enabled], fallback: "da", userSetting: null, cookie: "en", acceptLanguage: "nb" })).toBe("en");
    expect(chooseLanguage({ enabled: [...enabled], fallback: "da", acceptLanguage: "de-DE, nl;q=0.8, en;q=0.9" })).toBe("en");
    expect(chooseLanguage({ enabled: [...enabled], fallback: "da", acceptLanguage: "no-NO" })).toBe("nb");
    expect(chooseLanguage({ enabled: [...enabled], fallback: "nb", acceptLanguage: "fr, de" })).toBe("nb");
  });

  it("ignores languages the tenant has not enabled and junk values", () => {
    expect(chooseLanguage({ enabled: ["da", "en"], fallback: "da", userSetting: "nl", cookie: "<script>", acceptLanguage: "nb, en;q=0.5" })).toBe("en");
    expect(chooseLanguage({ enabled: ["da"], fallback: "da", acceptLanguage: "en;q=0, *" })).toBe("da");
  });
});
