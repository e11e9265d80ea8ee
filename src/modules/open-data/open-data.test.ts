import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAssociation,
  createPublishedJob,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  type TenantFixture,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";
import { newId } from "../../platform/ids.js";

const HSDS = join(import.meta.dirname, "../../../test/fixtures/hsds");
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
for (const file of readdirSync(HSDS).filter((f) => f.endsWith(".json") && f !== "openapi.json")) {
  ajv.addSchema(JSON.parse(readFileSync(join(HSDS, file), "utf8")), file);
}
const compiled = (name: string) => ajv.compile(JSON.parse(readFileSync(join(HSDS, "compiled", `${name}.json`), "utf8")));
const schemas = {
  organization: compiled("organization"),
  organization_list: compiled("organization_list"),
  service: compiled("service"),
  service_list: compiled("service_list"),
  service_at_location: compiled("service_at_location"),
  service_at_location_list: compiled("service_at_location_list"),
  taxonomy: ajv.getSchema("taxonomy.json"),
  taxonomy_term: ajv.getSchema("taxonomy_term.json"),
};

function expectValid(schema: keyof typeof schemas, value: unknown) {
  const validate = schemas[schema];
  if (!validate) throw new Error(`no schema ${schema}`);
  const ok = validate(value);
  expect(validate.errors ?? [], `${schema}: ${JSON.stringify(value).slice(0, 300)}`).toEqual([]);
  expect(ok).toBe(true);
}

type Page = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: { id: string; name?: string }[];
};

describe.each(dialects())("open data [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  let sport: { id: string };
  let online: { id: string };
  const grief = newId();

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    await t.db.insertInto("postcodes").values({ country: "DK", code: "8000", name: "Aarhus C", lat: 56.1567, lon: 10.2108 }).execute();
    const club = await createAssociation(t.db, a, "Sønderby Idrætsforening");
    await t.db.updateTable("associations").set({ registration_number: "13585628", updated_at: "2026-11-01T00:00:00.000Z" }).where("id", "=", club.id).execute();
    const homework = await createAssociation(t.db, a, "Lektiecaféen");
    await t.db.updateTable("associations").set({ updated_at: "2026-11-15T00:00:00.000Z" }).where("id", "=", homework.id).execute();
    sport = await createPublishedJob(t.db, a, club, { title: "Fodboldtræner for drenge", category: "sport", publishedAt: "2026-11-10T09:00:00.000Z" });
    online = await createPublishedJob(t.db, a, homework, {
      title: "Lektiehjælper <online>",
      tasks: 'Du hjælper over video. <script>alert("feed")</script><img src=x onerror=alert(1)> & mere ]]> end',
      category: "learning",
      remote: true,
      publishedAt: "2026-11-12T09:00:00.000Z",
    });
    await createPublishedJob(t.db, a, homework, { title: "Udløbet opslag", expiresOn: "2026-10-01" });
    const offer = (id: string, title: string, status: "published" | "pending") => ({
      id,
      tenant_id: a.id,
      association_id: homework.id,
      kind: "help" as const,
      title,
      description: "Vi mødes og taler om det, der er svært.",
      target_groups: "",
      place_name: "Kulturhuset",
      postcode: "8000",
      online: 0,
      time_slots: "",
      time_text: "Hver anden torsdag",
      accessibility: "",
      languages: "da",
      price: "free" as const,
      contact_email: "sorg@example.org",
      status,
      created_at: "2026-11-02T00:00:00.000Z",
      updated_at: "2026-11-02T00:00:00.000Z",
      confirmed_at: "2026-11-02T00:00:00.000Z",
    });
    await t.db
      .insertInto("offers")
      .values([offer(grief, "Sorggruppe for voksne", "published"), offer(newId(), "Ikke godkendt endnu", "pending")])
      .execute();
    await createPublishedJob(t.db, b, await createAssociation(t.db, b, "Anden kommunes forening"), { title: "Fremmed job" });
    env = createTestApp(t.db);
  });
  afterAll(() => t.destroy());

  const get = async (path: string, host = "a.test") => new Visitor(env.app, host).get(path);
  const json = async <T>(path: string, host = "a.test") => {
    const res = await get(path, host);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  it("lists organizations, services, service_at_locations, taxonomies and taxonomy_terms that validate against HSDS 3", async () => {
    // The validators do reject what HSDS does not allow.
    expect(schemas.service?.({ id: "not-a-uuid", name: "x" })).toBe(false);
    expect(schemas.organization?.({ id: "01a202f4-e671-713b-ac51-2c0153ccf571", name: "x" })).toBe(false);
    const lists = [
      ["organizations", "organization_list", "organization"],
      ["services", "service_list", "service"],
      ["service_at_locations", "service_at_location_list", "service_at_location"],
      ["taxonomies", "taxonomy", "taxonomy"],
      ["taxonomy_terms", "taxonomy_term", "taxonomy_term"],
    ] as const;
    for (const [path, listSchema, itemSchema] of lists) {
      const page = await json<Page>(`/api/v1/hsds/${path}`);
      expect(page.contents.length, path).toBeGreaterThan(0);
      for (const item of page.contents) expectValid(listSchema, item);
      const first = page.contents[0] as { id: string };
      expectValid(itemSchema, await json(`/api/v1/hsds/${path}/${first.id}`));
    }
  });

  it("shows published, unexpired jobs of this tenant only, with their association, place and category", async () => {
    const services = await json<Page>("/api/v1/hsds/services");
    expect(services.contents.map((s) => s.name).sort()).toEqual(["Fodboldtræner for drenge", "Lektiehjælper <online>", "Sorggruppe for voksne"]);
    const full = await json<{
      organization_id: string;
      organization: { name: string };
      service_at_locations: { location: { latitude: number; addresses: { postal_code: string }[] } }[];
      attributes: { taxonomy_term: { code: string } }[];
    }>(`/api/v1/hsds/services/${sport.id}`);
    expect(full.organization.name).toBe("Sønderby Idrætsforening");
    expect(full.service_at_locations[0]?.location.latitude).toBe(56.1567);
    expect(full.service_at_locations[0]?.location.addresses[0]?.postal_code).toBe("8000");
    expect(full.attributes[0]?.taxonomy_term.code).toBe("sport");
    const remote = await json<{ service_at_locations: unknown[] }>(`/api/v1/hsds/services/${online.id}`);
    expect(remote.service_at_locations).toEqual([]);
    const organization = await json<{ organization_identifiers: { identifier_scheme: string; identifier: string }[]; services: unknown[] }>(
      `/api/v1/hsds/organizations/${full.organization_id}`,
    );
    expect(organization.organization_identifiers).toEqual([expect.objectContaining({ identifier_scheme: "DK-CVR", identifier: "13585628" })]);
    expect(organization.services).toHaveLength(1);
    const homework = await json<{ services: { name: string }[] }>(
      `/api/v1/hsds/organizations/${(await json<{ organization_id: string }>(`/api/v1/hsds/services/${online.id}`)).organization_id}`,
    );
    expect(homework.services.map((s) => s.name).sort()).toEqual(["Lektiehjælper <online>", "Sorggruppe for voksne"]);

    expect((await get(`/api/v1/hsds/services/${sport.id}`, "b.test")).status).toBe(404);
    expect((await json<Page>("/api/v1/hsds/services", "b.test")).contents.map((s) => s.name)).toEqual(["Fremmed job"]);
  });

  it("pages, searches and filters by modified_after", async () => {
    const first = await json<Page>("/api/v1/hsds/organizations?per_page=1");
    expect(first).toMatchObject({ total_items: 2, total_pages: 2, page_number: 1, size: 1, first_page: true, last_page: false, empty: false });
    const second = await json<Page>("/api/v1/hsds/organizations?per_page=1&page=2");
    expect(second).toMatchObject({ page_number: 2, last_page: true });
    expect(second.contents[0]?.id).not.toBe(first.contents[0]?.id);
    expect((await json<Page>("/api/v1/hsds/organizations?page=3&per_page=1")).empty).toBe(true);
    const offerPage = await json<Page & { contents: { url: string }[] }>("/api/v1/hsds/services?per_page=2&page=2");
    expect(offerPage).toMatchObject({ total_items: 3, total_pages: 2, size: 1, last_page: true });
    expect(offerPage.contents[0]).toMatchObject({ id: grief, name: "Sorggruppe for voksne", url: `http://a.test/directory/offers/${grief}` });
    const place = await json<{ service: { name: string }; location: { addresses: { postal_code: string }[] } }>(`/api/v1/hsds/service_at_locations/${grief}`);
    expect(place).toMatchObject({ service: { name: "Sorggruppe for voksne" }, location: { addresses: [{ postal_code: "8000" }] } });
    expect((await json<Page>("/api/v1/hsds/services?search=sorg")).contents.map((s) => s.name)).toEqual(["Sorggruppe for voksne"]);
    expect((await json<Page>("/api/v1/hsds/services?search=fodbold")).contents.map((s) => s.name)).toEqual(["Fodboldtræner for drenge"]);
    expect((await json<Page>("/api/v1/hsds/organizations?modified_after=2026-11-10T00:00:00Z")).contents.map((o) => o.name)).toEqual(["Lektiecaféen"]);
    expect((await json<Page>("/api/v1/hsds/services?modified_after=2026-11-11")).contents.map((o) => o.name)).toEqual(["Lektiehjælper <online>"]);
    expect((await json<Page>("/api/v1/hsds/services?modified_after=2026-11-01")).total_items).toBe(3);
  });

  it("answers bad paging and dates with problem+json", async () => {
    for (const query of ["per_page=1000", "page=0", "modified_after=yesterday", "page=abc"]) {
      const res = await get(`/api/v1/hsds/services?${query}`);
      expect(res.status, query).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    expect((await get("/api/v1/hsds/services/no-such-id")).status).toBe(404);
  });

  it("publishes an Atom feed of new jobs, newest first, per category too", async () => {
    const res = await get("/feeds/jobs.atom");
    expect(res.headers.get("content-type")).toContain("application/atom+xml");
    const xml = await res.text();
    const titles = [...xml.matchAll(/<entry>[\s\S]*?<title type="text">(.*?)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual(["Lektiehjælper &lt;online&gt;", "Fodboldtræner for drenge"]);
    const sportFeed = await (await get("/feeds/jobs.atom?category=sport")).text();
    expect(sportFeed).toContain("Fodboldtræner for drenge");
    expect(sportFeed).not.toContain("Lektiehjælper");
    expect((await get("/feeds/jobs.atom?category=nope")).status).toBe(404);
  });

  it("publishes what associations write as text in the feed, so no reader runs it as HTML", async () => {
    const xml = await (await get("/feeds/jobs.atom")).text();
    expect(xml).not.toContain('type="html"');
    expect(xml).not.toMatch(/<script|<img|CDATA/);
    expect(xml).toContain(
      '<summary type="text">Du hjælper over video. &lt;script&gt;alert(&quot;feed&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; mere ]]&gt; end</summary>',
    );
    expect(xml).toContain('<title type="text">Lektiehjælper &lt;online&gt;</title>');
  });

  it("serves an embed any website may frame, with the HTML in a title shown as text", async () => {
    const res = await get("/embed/jobs?category=learning");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(res.headers.get("x-frame-options")).toBeNull();
    const html = await res.text();
    expect(html).toContain("Lektiehjælper &lt;online&gt;");
    expect(html).not.toContain("Fodboldtræner");
    expect((await get("/opportunities")).headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const page = await (await get("/open-data?category=learning")).text();
    expect(page).toContain("/embed/jobs?category=learning");
  });

  it("describes a job page with schema.org JobPosting data", async () => {
    const html = await (await get(`/opportunities/${sport.id}`)).text();
    const json = html.match(/<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/)?.[1] ?? "{}";
    expect(JSON.parse(json)).toMatchObject({
      "@context": "https://schema.org",
      "@type": "JobPosting",
      title: "Fodboldtræner for drenge",
      employmentType: "VOLUNTEER",
      hiringOrganization: { name: "Sønderby Idrætsforening" },
      jobLocation: { address: { postalCode: "8000", addressCountry: "DK" } },
    });
  });
});
