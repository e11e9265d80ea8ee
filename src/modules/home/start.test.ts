import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApplication } from "../../../test/factories/application.factory.js";
import { buildPublishedJob } from "../../../test/factories/opportunity.factory.js";
import {
  countingQueries,
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

describe.each(dialects())("each person's start page [%s]", (dialect) => {
  let t: TestDb;
  let a: TenantFixture;
  let b: TenantFixture;
  let env: ReturnType<typeof createTestApp>;
  let counted: ReturnType<typeof countingQueries>;
  let club: { id: string; name: string };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    club = await createAssociation(t.db, a, "Gåklubben");
    const other = await createAssociation(t.db, a, "Lektiecaféen");
    await createPerson(t.db, a, { email: "admin@gaa.test", name: "Mette", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "admin@lektie.test", memberships: [{ associationId: other.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "case@a.test", roles: ["caseworker"] });
    await createPerson(t.db, a, { email: "borger@a.test" });
    await createPerson(t.db, b, { email: "staff@b.test", roles: ["staff"] });
    counted = countingQueries(t.db);
    env = createTestApp(counted.db);
    const job = await buildPublishedJob(t.db, a, club, { title: "Turleder" });
    for (const name of ["Anna", "Bo"]) await buildApplication(t.db, env.config, a, job.id, { name });
    const waiting = await buildPublishedJob(t.db, a, club, { title: "Kasserer" });
    await t.db.updateTable("opportunities").set({ status: "pending" }).where("id", "=", waiting.id).execute();
  });
  afterAll(() => t.destroy());

  const signedIn = async (email: string, host = a.host) => {
    const v = new Visitor(env.app, host);
    expect((await v.signIn(email)).headers.get("location")).toBe("/start");
    return v;
  };
  const startIn = async (v: Visitor) => {
    const res = await v.get("/start");
    expect(res.status).toBe(200);
    return res.text();
  };
  const startOf = async (email: string, host = a.host) => startIn(await signedIn(email, host));

  it("sends someone who is not signed in to sign in first", async () => {
    const res = await new Visitor(env.app, a.host).get("/start");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/sign-in?next=%2Fstart");
  });

  it("shows an association's admin its new applicants and the way to post a job, and nobody else's", async () => {
    const html = await startOf("admin@gaa.test");
    expect(html).toContain("Hej Mette");
    expect(html).toContain("2 nye ansøgere venter på svar");
    expect(html).toContain("Turleder</a>");
    expect(html).toContain(`href="/opportunities/new?association=${club.id}"`);
    expect(html).toContain("Slå et frivilligjob op for Gåklubben");
    expect(html).toContain("Foreningens side i oversigten");
    expect(html).toContain(`href="/directory/associations/${club.id}"`);
    expect(html).not.toContain("For frivilligcentret");

    const otherAdmin = await startOf("admin@lektie.test");
    expect(otherAdmin).toContain("Ingen nye ansøgere");
    expect(otherAdmin).not.toContain("Turleder");
    expect(otherAdmin).not.toContain("Gåklubben");
  });

  it("shows the centre's staff their queues with counts, first, and the same number of statements whatever waits", async () => {
    // An instance has its search index in memory before it is ready (main.ts); the first page here loads it.
    const staff = await signedIn("staff@a.test");
    await startIn(staff);
    counted.take();
    const html = await startIn(staff);
    const statements = counted.take();
    expect(html).toContain("1 jobopslag venter på godkendelse");
    expect(html).toContain('href="/opportunities/moderation"');
    expect(html).toContain("Ingen tilbud at godkende");
    expect(html.indexOf(`id="start-centre"`)).toBeLessThan(html.indexOf(`id="start-mine"`));
    expect(html).not.toContain("Slå et frivilligjob op");

    const more = await buildPublishedJob(t.db, a, club, { title: "Kok" });
    for (const name of ["C", "D", "E"]) await buildApplication(t.db, env.config, a, more.id, { name });
    await t.db.updateTable("opportunities").set({ status: "pending" }).where("id", "=", more.id).execute();
    counted.take();
    expect(await startIn(staff)).toContain("2 jobopslag venter på godkendelse");
    expect(counted.take()).toBe(statements);
  });

  it("shows the centre's staff the pages nobody has confirmed for a year, each a link to the page", async () => {
    const staff = await signedIn("staff@a.test");
    expect(await startIn(staff)).toContain("Alle sider er bekræftet inden for det seneste år");
    await t.db.updateTable("associations").set({ updated_at: "2020-01-01T00:00:00.000Z" }).where("id", "=", club.id).execute();
    const html = await startIn(staff);
    expect(html).toContain("1 side er ikke bekræftet i et år");
    expect(html).toContain(`href="/directory/associations/${club.id}"`);
    await t.db.updateTable("associations").set({ updated_at: new Date().toISOString() }).where("id", "=", club.id).execute();
  });

  it("shows a caseworker the booking requests and rounds, and a citizen their own things only", async () => {
    const caseworker = await startOf("case@a.test");
    expect(caseworker).toContain("Ingen bookingønsker venter");
    expect(caseworker).toContain('href="/premises/requests"');
    expect(caseworker).not.toContain("jobopslag venter");

    const citizen = await startOf("borger@a.test");
    expect(citizen).toContain("Du har ikke søgt noget endnu");
    expect(citizen).toContain("Lav en frivilligprofil");
    expect(citizen).not.toContain("For frivilligcentret");
    expect(citizen).not.toContain("bookingønsker");
    expect(citizen).not.toContain("Foreningens side");
  });

  it("counts nothing of another tenant's", async () => {
    const html = await startOf("staff@b.test", b.host);
    expect(html).toContain("Ingen jobopslag at godkende");
    expect(html).not.toContain("Turleder");
  });
});
