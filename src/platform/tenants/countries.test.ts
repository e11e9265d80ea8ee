import { describe, expect, it } from "vitest";
import { createTenant, createTestApp, createTestDb, dialects, Visitor } from "../../../test/harness.js";
import { registrationNumber } from "../../modules/associations/associations.schema.js";
import { catalogs, isLang, LANGUAGES } from "../i18n/i18n.js";
import { COUNTRY_CODES, countryProfile, postcodeKey } from "./countries.js";

describe("the country profiles", () => {
  it.each(COUNTRY_CODES)("%s says everything that differs by country", (code) => {
    const profile = countryProfile(code);
    expect(profile.code).toBe(code);
    expect(isLang(profile.language)).toBe(true);
    expect(Intl.supportedValuesOf("timeZone")).toContain(profile.timeZone);
    expect(profile.register.scheme).toMatch(new RegExp(`^${code}-[A-Z]+$`));
    expect(profile.register.name).not.toBe("");
    expect([...profile.allocationOrder].sort()).toEqual([1, 2, 3]);
    for (const key of [profile.register.hint, profile.register.invalid, profile.certificate, profile.accessibilityComplaints]) {
      for (const lang of LANGUAGES) expect(catalogs[lang][key], `${key} in ${lang}`).toBeTruthy();
    }
  });

  it("reads each country's postcodes as people write them", () => {
    expect(postcodeKey("NL", "1012 ab")).toBe("1012");
    expect(postcodeKey("NL", "1012")).toBe("1012");
    expect(postcodeKey("DK", "1012 AB")).toBeNull();
    expect(postcodeKey("DK", " 8000 ")).toBe("8000");
    expect(postcodeKey("NO", "0150")).toBe("0150");
    expect(postcodeKey("NO", "015")).toBeNull();
  });

  it("checks the register number of the tenant's country", () => {
    const kvk = "12345678";
    expect(registrationNumber("NL").safeParse(kvk).success).toBe(true);
    expect(registrationNumber("DK").safeParse(kvk).success).toBe(false);
    expect(registrationNumber("DK").safeParse("13 58 56 28").data).toBe("13585628");
    expect(registrationNumber("NO").safeParse("974 760 673").success).toBe(true);
  });
});

describe.each(dialects())("a postcode in a tenant of each country [%s]", (dialect) => {
  it("finds a Dutch postcode in a Dutch tenant and refuses it in a Danish one", async () => {
    const t = await createTestDb(dialect);
    try {
      await createTenant(t.db, { slug: "dk", host: "dk.test", isDefault: true });
      await createTenant(t.db, { slug: "nl", host: "nl.test", country: "NL" });
      await t.db
        .insertInto("postcodes")
        .values([
          { country: "DK", code: "1012", name: "København K", lat: 55.68, lon: 12.58 },
          { country: "NL", code: "1012", name: "Amsterdam", lat: 52.37, lon: 4.89 },
        ])
        .execute();
      const env = createTestApp(t.db);
      const search = (host: string, near: string) => new Visitor(env.app, host).get(`/search?near=${encodeURIComponent(near)}`);

      expect((await search("nl.test", "1012 AB")).status).toBe(200);
      const danish = await search("dk.test", "1012 AB");
      expect(danish.status).toBe(400);
      expect(await danish.text()).toContain("Vi kender ikke det postnummer");
      expect((await search("dk.test", "1012")).status).toBe(200);
    } finally {
      await t.destroy();
    }
  });
});
