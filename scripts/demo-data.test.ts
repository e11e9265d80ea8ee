import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, createTestDb, dialects, TestClock, type TestDb, Visitor } from "../test/harness.js";
import { seedDemo } from "./demo-data.js";

describe.each(dialects())("the demo municipality [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let info: Awaited<ReturnType<typeof seedDemo>>;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    info = await seedDemo(t.db, new TestClock());
    env = createTestApp(t.db);
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
});
