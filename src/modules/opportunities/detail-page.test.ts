import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAssociation,
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  type TenantFixture,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";

const tasks =
  "Du hjælper børn i 4.-6. klasse med lektierne to timer hver tirsdag på biblioteket. Du forklarer, lytter og hjælper dem i gang.\n\nVi er altid mindst tre frivillige sammen.";

describe.each(dialects())("a volunteer job's page [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let lektie: { id: string };
  let jobId: string;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    lektie = await createAssociation(t.db, a, "Lektiecaféen");
    await createPerson(t.db, a, { email: "admin@lektie.test", name: "Lise Lektie", memberships: [{ associationId: lektie.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    const category = (
      await t.db.selectFrom("taxonomy_terms").select("id").where("tenant_id", "=", a.id).where("code", "=", "learning").executeTakeFirstOrThrow()
    ).id;
    env = createTestApp(t.db);
    const admin = new Visitor(env.app, a.host);
    await admin.signIn("admin@lektie.test");
    const res = await admin.post(
      "/opportunities/new",
      {
        associationId: lektie.id,
        title: "Lektiehjælper for børn i 4.-6. klasse",
        categoryId: category,
        tasks,
        benefits: "Et godt fællesskab og kaffe.",
        commitment: "weekly",
        hoursPerWeek: "2",
        oneOffDate: "",
        place: "Sønderby Bibliotek",
        postcode: "8000",
        startDate: "2027-01-05",
        minAge: "18",
        needsCertificate: "on",
        languages: ["da", "en"],
        suits: ["young"],
        stepFree: "on",
        contactName: "Lise Lektie",
        contactEmail: "admin@lektie.test",
        expiresOn: "2027-06-30",
        intent: "submit",
      },
      { from: "/opportunities" },
    );
    expect(res.status).toBe(303);
    jobId = (res.headers.get("location") ?? "").split("/")[2]?.split("?")[0] ?? "";
    const staff = new Visitor(env.app, a.host);
    await staff.signIn("staff@a.test");
    expect((await staff.post(`/opportunities/${jobId}/decision`, { decision: "approve", note: "" }, { from: "/opportunities/moderation" })).status).toBe(303);
  });
  afterAll(() => t.destroy());

  it("shows the facts in a card, the dates in Danish, the organiser as a link and the contact as mailto", async () => {
    const html = await (await new Visitor(env.app, a.host).get(`/opportunities/${jobId}`)).text();
    expect(html).toContain('class="ds-card detail-facts"');
    for (const fact of ["2 timer om ugen", "Sønderby Bibliotek 8000", "Kræver børneattest", "Mindst 18 år", "Dansk, English", "Opslaget udløber"]) {
      expect(html).toContain(fact);
    }
    expect(html).toContain("30. juni 2027");
    expect(html).toContain("5. januar 2027");
    expect(html.replace(/<script[\s\S]*?<\/script>/g, "")).not.toContain("2027-06-30");
    expect(html).toMatch(new RegExp(`<a class="detail-organiser" href="/directory/associations/${lektie.id}">`));
    expect(html).toContain('class="ds-avatar"');
    expect(html).toContain('href="mailto:admin@lektie.test"');
    expect(html).toContain('class="detail-text"');
    expect(html).not.toContain("mail-body");
    expect(html).toMatch(/<a class="ds-button" data-variant="primary" href="#apply-heading">Meld dig<\/a>/);
  });

  it("tells a visitor that no account is needed, and a signed-in person what their application goes out with", async () => {
    expect(await (await new Visitor(env.app, a.host).get(`/opportunities/${jobId}`)).text()).toContain("Du behøver ingen konto.");
    const staff = new Visitor(env.app, a.host);
    await staff.signIn("staff@a.test");
    const html = await (await staff.get(`/opportunities/${jobId}`)).text();
    expect(html).not.toContain("Du behøver ingen konto.");
    expect(html).toContain("Vi sender ansøgningen med dit navn og din e-mail, staff@a.test.");
  });

  it("leads back to the search it came from, and only to a local search", async () => {
    const v = new Visitor(env.app, a.host);
    const kept = await (await v.get(`/opportunities/${jobId}?back=${encodeURIComponent("/search?q=lektier&kind=job")}`)).text();
    expect(kept).toContain('class="ds-breadcrumbs detail-breadcrumbs"');
    expect(kept).toContain('href="/search?q=lektier&amp;kind=job"');
    const referred = await (await v.request(`/opportunities/${jobId}`, { headers: { referer: "http://a.test/search?q=b%C3%B8rn" } })).text();
    expect(referred).toContain('href="/search?q=b%C3%B8rn"');
    for (const bad of ["//evil.test/search", "https://evil.test/x", "/admin"]) {
      const html = await (await v.get(`/opportunities/${jobId}?back=${encodeURIComponent(bad)}`)).text();
      const crumbs = html.match(/<nav class="ds-breadcrumbs[\s\S]*?<\/nav>/)?.[0] ?? "";
      expect(crumbs).not.toContain("evil.test");
      expect(crumbs).toContain('<a href="/search">');
    }
  });

  it("says it in English for an English reader", async () => {
    const v = new Visitor(env.app, a.host);
    const html = await (await v.request(`/opportunities/${jobId}`, { headers: { "accept-language": "en" } })).text();
    expect(html).toContain("30 June 2027");
  });
});
