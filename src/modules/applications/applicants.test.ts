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

describe.each(dialects())("a job's applicants [%s]", (dialect) => {
  let t: TestDb;
  let a: TenantFixture;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
  });
  afterAll(() => t.destroy());

  it("lists 2 applicants and 20 applicants with the same number of queries", async () => {
    const club = await createAssociation(t.db, a, "Gåklubben");
    await createPerson(t.db, a, { email: "admin@gaa.test", memberships: [{ associationId: club.id, role: "admin" }] });
    const counted = countingQueries(t.db);
    const env = createTestApp(counted.db);
    const admin = new Visitor(env.app, a.host);
    await admin.signIn("admin@gaa.test");

    const statementsFor = async (applicants: number) => {
      const job = await buildPublishedJob(t.db, a, club, { title: `Turleder ${applicants}` });
      for (let i = 0; i < applicants; i++) await buildApplication(t.db, env.config, a, job.id, { name: `Ansøger nummer ${i}` });
      counted.take();
      const res = await admin.get(`/opportunities/${job.id}/applications`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(new Set(html.match(/Ansøger nummer \d+/g)).size).toBe(applicants);
      return counted.take();
    };

    expect(await statementsFor(20)).toBe(await statementsFor(2));
  });
});
