import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
} from "../test/harness.js";

describe.each(dialects())("the page shell's queries [%s]", (dialect) => {
  let t: TestDb;
  let tenant: TenantFixture;
  const host = "skovby.test";

  beforeAll(async () => {
    t = await createTestDb(dialect);
    tenant = await createTenant(t.db, { slug: "skovby", host, isDefault: true });
  });
  afterAll(() => t.destroy());

  /** Joins the person to this many more associations, so the association switcher has more to list. */
  const joinMore = async (userId: string, count: number) => {
    for (let i = 0; i < count; i++) {
      const association = await createAssociation(t.db, tenant, `Forening ${userId.slice(-4)} ${i}`);
      await t.db
        .insertInto("association_members")
        .values({ tenant_id: tenant.id, association_id: association.id, user_id: userId, role: "member", created_at: new Date().toISOString() })
        .execute();
    }
  };

  it("costs the home page a fixed number of statements: the tenant's host, settings version and search changes, the session and its grants, the association switcher", async () => {
    const counted = countingQueries(t.db);
    const { app } = createTestApp(counted.db);
    const person = await createPerson(t.db, tenant, { email: "mange@foreninger.test", roles: ["staff"] });
    await joinMore(person.id, 2);

    const anonymous = new Visitor(app, host);
    counted.take();
    // The first page after a start (or a change of the tenant's settings) reads the settings: the tenant, its topics and
    // target groups; here also the search index's snapshot, which a started instance loads before it is ready, and
    // its changes. After that the anonymous page is kept, and each request reads only the tenant's row, which tells
    // whether its settings or its search documents changed.
    expect((await anonymous.get("/")).status).toBe(200);
    expect(counted.take()).toBe(6);
    expect((await anonymous.get("/")).status).toBe(200);
    expect(counted.take()).toBe(1);

    const member = new Visitor(app, host);
    await member.signIn(person.email);
    counted.take();
    const first = await member.get("/");
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("Forening");
    expect(counted.take()).toBe(4);

    await joinMore(person.id, 10);
    counted.take();
    expect((await member.get("/")).status).toBe(200);
    expect(counted.take()).toBe(4);
    expect((await anonymous.get("/")).status).toBe(200);
    expect(counted.take()).toBe(1);
  });
});
