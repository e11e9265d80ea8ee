import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataKeyring } from "../src/platform/crypto/data-key.js";
import { createTestApp, createTestDb, dialects, TestClock, type TestDb, Visitor } from "../test/harness.js";
import { seedDemo } from "./demo-data.js";

describe.each(dialects())("the demo municipality [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let info: Awaited<ReturnType<typeof seedDemo>>;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    env = createTestApp(t.db);
    info = await seedDemo(t.db, new TestClock(), dataKeyring(env.config));
  });
  afterAll(() => t.destroy());

  it("lets every printed demo sign-in in, each with its role's pages", async () => {
    expect(info?.people).toHaveLength(6);
    const expectations: Record<string, { path: string; status: number }> = {
      citizen: { path: "/people", status: 403 },
      "association member": { path: "/associations", status: 200 },
      "association admin": { path: "/associations", status: 200 },
      "centre staff": { path: "/people", status: 200 },
      caseworker: { path: "/admin/audit", status: 200 },
      "tenant admin": { path: "/admin/api-tokens", status: 200 },
    };
    for (const person of info?.people ?? []) {
      const v = new Visitor(env.app, "localhost");
      await v.signIn(person.email, info?.password);
      const check = expectations[person.role];
      expect(check, person.role).toBeDefined();
      expect((await v.get(check?.path ?? "/")).status, `${person.role} on ${check?.path}`).toBe(check?.status);
    }
  });

  it("seeds only an empty database, and still reports the demo sign-ins on the next start", async () => {
    const again = await seedDemo(t.db, new TestClock());
    expect(again?.people).toEqual(info?.people);
    expect(await t.db.selectFrom("tenants").select("id").execute()).toHaveLength(1);
  });

  it("answers the Danish home page on any host through the default tenant", async () => {
    const html = await (await new Visitor(env.app, "sammen.example.org").get("/")).text();
    expect(html).toContain("Velkommen til Frivillig Sønderby");
  });

  it("gives every job its own title and every association a logo", async () => {
    const jobs = await t.db.selectFrom("opportunities").select("title").execute();
    expect(new Set(jobs.map((j) => j.title)).size).toBe(jobs.length);
    const associations = await t.db.selectFrom("associations").select(["name", "logo_file_id"]).execute();
    expect(associations.filter((a) => !a.logo_file_id).map((a) => a.name)).toEqual([]);
    const logo = await new Visitor(env.app, "localhost").get(
      `/directory/associations/${(await t.db.selectFrom("associations").select("id").executeTakeFirstOrThrow()).id}/logo`,
    );
    expect([200, 404]).toContain(logo.status);
  });

  it("holds each activity by an association that would run it: walks by the walking club, not the vigil service", async () => {
    const rows = await t.db.selectFrom("offers as o").innerJoin("associations as a", "a.id", "o.association_id").select(["o.title", "a.name"]).execute();
    for (const r of rows.filter((r) => r.title.startsWith("Gåtur"))) expect(r.name).toMatch(/Gåklub|Motionsforening/);
  });

  it("shows an English reader the English texts, and an English search finds them", async () => {
    const v = new Visitor(env.app, "localhost", { "accept-language": "en" });
    const list = await (await v.get("/opportunities")).text();
    expect(list).toContain("Visiting friend for an older resident of Sønderby");
    const found = await (await v.get("/search?q=visiting+friend")).text();
    expect(found).toContain("Visiting friend for an older resident of Sønderby");
    const danish = await (await new Visitor(env.app, "localhost").get("/search?q=bes%C3%B8gsven")).text();
    expect(danish).toContain("Besøgsven for en ældre borger i Sønderby");
  });

  it("has a year of applications, most of them answered, for the figures", async () => {
    const rows = await t.db.selectFrom("applications").select(["created_at", "first_answer_at"]).execute();
    expect(new Set(rows.map((r) => r.created_at.slice(0, 7))).size).toBeGreaterThanOrEqual(12);
    expect(rows.filter((r) => r.first_answer_at).length).toBeGreaterThan(rows.length / 2);
  });
});
