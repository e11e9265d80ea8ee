import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOffer } from "../../../test/factories/offer.factory.js";
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

describe.each(dialects())("the directory's lists cost the same whatever their length [%s]", (dialect) => {
  let t: TestDb;
  let a: TenantFixture;
  let counted: ReturnType<typeof countingQueries>;
  let env: ReturnType<typeof createTestApp>;
  const few = { id: "", name: "Gåklubben" };
  const many = { id: "", name: "Løbeklubben" };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    few.id = (await createAssociation(t.db, a, few.name)).id;
    many.id = (await createAssociation(t.db, a, many.name)).id;
    for (let i = 0; i < 2; i++) await buildOffer(t.db, a, few);
    for (let i = 0; i < 20; i++) await buildOffer(t.db, a, many);
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    counted = countingQueries(t.db);
    env = createTestApp(counted.db);
  });
  afterAll(() => t.destroy());

  /** The statements one visit to the page costs, after the page has been shown once (so caches are warm). */
  const cost = async (visitor: Visitor, path: string, offers: number) => {
    expect((await visitor.get(path)).status).toBe(200);
    counted.take();
    const html = await (await visitor.get(path)).text();
    expect(html.match(/href="\/directory\/offers\/[^"/?]+"/g)).toHaveLength(offers);
    return counted.take();
  };

  it("lists an association's offers (its own list and its public page) in a fixed number of queries", async () => {
    const staff = new Visitor(env.app, "a.test");
    await staff.signIn("staff@a.test");
    expect(await cost(staff, `/directory/association/${many.id}`, 20)).toBe(await cost(staff, `/directory/association/${few.id}`, 2));
    const visitor = new Visitor(env.app, "a.test");
    expect(await cost(visitor, `/directory/associations/${many.id}`, 20)).toBe(await cost(visitor, `/directory/associations/${few.id}`, 2));
  });
});
