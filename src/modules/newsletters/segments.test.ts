import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEvent } from "../../../test/factories/event.factory.js";
import { buildPublishedJob } from "../../../test/factories/opportunity.factory.js";
import {
  createAssociation,
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  type TenantFixture,
  TestClock,
  type TestDb,
  testConfig,
  Visitor,
} from "../../../test/harness.js";
import { startSmtp } from "../../../test/smtp.js";

/**
 * Newsletters to the associations of a category (those with a published, current job or event in it: their own
 * address and their board's) and to the members of a network (joined, not left). Neither reaches another tenant,
 * an invitation not accepted, nor an association whose only job there is unpublished or over; those who
 * unsubscribed stay out, and every mail carries the one-click unsubscribe.
 */
describe.each(dialects())("newsletters to a category and to a network [%s]", (dialect) => {
  let t: TestDb;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  let staff: Visitor;
  const now = new Date("2026-11-30T09:00:00.000Z");
  const clock = new TestClock(now);
  const host = "centre.example";
  let elderly = "";
  let foreignElderly = "";
  let targetGroup = "";
  let networkId = "";
  let foreignNetworkId = "";
  const expected: string[] = [];

  const categoryId = async (tenant: TenantFixture, code: string, kind: "category" | "target_group" = "category") =>
    (
      await t.db
        .selectFrom("taxonomy_terms")
        .select("id")
        .where("tenant_id", "=", tenant.id)
        .where("kind", "=", kind)
        .where("code", "=", code)
        .executeTakeFirstOrThrow()
    ).id;
  const emailOf = async (id: string) =>
    ((await t.db.selectFrom("associations").select("email").where("id", "=", id).executeTakeFirstOrThrow()).email as string).toLowerCase();

  const network = async (tenant: TenantFixture, name: string, members: { email: string; joined: boolean; left?: boolean }[]) => {
    const id = `net-${name.toLowerCase().replace(/\W+/g, "-")}-${tenant.id}`;
    await t.db
      .insertInto("networks")
      .values({ id, tenant_id: tenant.id, name, description: "", created_by: null, created_at: now.toISOString(), updated_at: now.toISOString() })
      .execute();
    for (const [i, m] of members.entries()) {
      await t.db
        .insertInto("network_members")
        .values({
          id: `${id}-m${i}`,
          tenant_id: tenant.id,
          network_id: id,
          email: m.email,
          name: m.email.split("@")[0] as string,
          organisation: null,
          user_id: null,
          role: "member",
          invited_by: null,
          invited_at: "2026-10-01T00:00:00.000Z",
          joined_at: m.joined ? "2026-10-02T00:00:00.000Z" : null,
          left_at: m.left ? "2026-11-01T00:00:00.000Z" : null,
        })
        .execute();
    }
    return id;
  };

  const write = async (subject: string, segment: string) => {
    const res = await staff.post("/newsletters", { subject, body: "Hej alle.", segment }, { from: "/newsletters/new" });
    expect(res.status).toBe(303);
    return (res.headers.get("location") ?? "").replace(/\?.*$/, "");
  };

  const send = async (path: string) => {
    smtp.received.length = 0;
    expect((await staff.post(`${path}/send`, {}, { from: path })).status).toBe(303);
    await env.drainJobs();
    for (const m of smtp.received) {
      expect(m.headers["list-unsubscribe"]).toMatch(/^<https:\/\/centre\.example\/newsletters\/unsubscribe\/[A-Za-z0-9_-]{20,}>$/);
      expect(m.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    }
    return smtp.received.flatMap((m) => m.to).sort();
  };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    smtp = await startSmtp();
    a = await createTenant(t.db, { slug: "a", host, isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "other.example" });
    await createPerson(t.db, a, { email: "staff@centre.example", roles: ["staff"] });
    env = createTestApp(t.db, { clock, config: testConfig({ SMTP_URL: smtp.url, MAIL_FROM: "Sammen <no-reply@centre.example>" }) });
    staff = new Visitor(env.app, host);
    await staff.signIn("staff@centre.example");
    elderly = await categoryId(a, "elderly");
    foreignElderly = await categoryId(b, "elderly");
    targetGroup = await categoryId(a, "seniors", "target_group");

    // Reached: a current job in the category (own address + board), a current event in it (own address; a plain member is not the board).
    const withJob = await createAssociation(t.db, a, "Ældrekontakten");
    await createPerson(t.db, a, { email: "board-job@centre.example", memberships: [{ associationId: withJob.id, role: "admin" }] });
    await buildPublishedJob(t.db, a, withJob, { title: "Besøgsven", category: "elderly" });
    const withEvent = await createAssociation(t.db, a, "Seniordans");
    await createPerson(t.db, a, { email: "member-event@centre.example", memberships: [{ associationId: withEvent.id, role: "member" }] });
    await buildEvent(t.db, a, { now, organiser: "association", associationId: withEvent.id, associationName: "Seniordans", categoryId: elderly });
    expected.push(await emailOf(withJob.id), "board-job@centre.example", await emailOf(withEvent.id));

    // Not reached: a job awaiting approval, an expired job, an ended event, a cancelled event, another category, another tenant.
    const notNow = await createAssociation(t.db, a, "Gamle Opslag");
    await createPerson(t.db, a, { email: "board-old@centre.example", memberships: [{ associationId: notNow.id, role: "admin" }] });
    const pending = await buildPublishedJob(t.db, a, notNow, { title: "Kladde", category: "elderly" });
    await t.db.updateTable("opportunities").set({ status: "pending" }).where("id", "=", pending.id).execute();
    await buildPublishedJob(t.db, a, notNow, { title: "Udløbet", category: "elderly", expiresOn: "2026-11-29" });
    await buildEvent(t.db, a, { now, startsInHours: -48, organiser: "association", associationId: notNow.id, associationName: "x", categoryId: elderly });
    await buildEvent(t.db, a, { now, status: "cancelled", organiser: "association", associationId: notNow.id, associationName: "x", categoryId: elderly });
    const culture = await createAssociation(t.db, a, "Kulturhuset");
    await buildPublishedJob(t.db, a, culture, { title: "Kulturvært", category: "culture" });
    const foreign = await createAssociation(t.db, b, "Fremmed forening");
    await createPerson(t.db, b, { email: "board-b@other.example", memberships: [{ associationId: foreign.id, role: "admin" }] });
    await buildPublishedJob(t.db, b, foreign, { title: "Fremmed job", category: "elderly" });

    networkId = await network(a, "Frivilligkoordinatorer", [
      { email: "Koordinator@Example.org", joined: true },
      { email: "anden@example.org", joined: true },
      { email: "inviteret@example.org", joined: false },
      { email: "gaaet@example.org", joined: true, left: true },
    ]);
    await network(a, "Bestyrelsesnetværk", [{ email: "bestyrelse@example.org", joined: true }]);
    foreignNetworkId = await network(b, "Fremmed netværk", [{ email: "fremmed@example.org", joined: true }]);
  });
  afterAll(async () => {
    await smtp.stop();
    await t.destroy();
  });

  it("offers categories and networks in groups, each with its count", async () => {
    const html = await (await staff.get("/newsletters/new")).text();
    expect(html).toContain('<optgroup label="Foreninger med opslag eller arrangementer i en kategori">');
    expect(html).toContain('<optgroup label="Netværk">');
    expect(html).toContain(`<option value="category:${elderly}">Ældre (2 foreninger)</option>`);
    expect(html).toContain("Kultur (1 forening)");
    expect(html).toContain(`<option value="network:${networkId}">Frivilligkoordinatorer (2 medlemmer)</option>`);
    expect(html).not.toContain("Fremmed netværk");
  });

  it("sends to the associations of a category: their own and their board's addresses, nobody else", async () => {
    const path = await write("Til ældreområdet", `category:${elderly}`);
    expect(await (await staff.get(path)).text()).toContain("Send til 3 adresser");
    expect(await send(path)).toEqual([...expected].sort());
    const list = await (await staff.get("/newsletters")).text();
    expect(list).toContain("Foreninger inden for Ældre");
    expect(await (await staff.get(path)).text()).toContain("Foreninger inden for Ældre");
  });

  it("sends to a network's members who joined, and the one-click unsubscribe keeps the next one away", async () => {
    const path = await write("Til koordinatorerne", `network:${networkId}`);
    expect(await send(path)).toEqual(["anden@example.org", "koordinator@example.org"]);
    const mail = smtp.received.find((m) => m.to.includes("anden@example.org"));
    const url = (mail?.headers["list-unsubscribe"] ?? "").slice(1, -1);
    const oneClick = await env.app.request(url, {
      method: "POST",
      headers: { host, "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect(await (await staff.get(path)).text()).toContain("Netværket Frivilligkoordinatorer");

    const next = await write("Igen til koordinatorerne", `network:${networkId}`);
    expect(await (await staff.get(next)).text()).toContain("Send til 1 adresse");
    expect(await send(next)).toEqual(["koordinator@example.org"]);
  });

  it("leaves unsubscribed association addresses out of a category newsletter", async () => {
    await t.db
      .insertInto("newsletter_unsubscribes")
      .values({ id: "u-board", tenant_id: a.id, email: "board-job@centre.example", newsletter_id: null, created_at: now.toISOString() })
      .execute();
    const path = await write("Igen til ældreområdet", `category:${elderly}`);
    expect(await send(path)).toEqual(expected.filter((e) => e !== "board-job@centre.example").sort());
  });

  it("refuses another tenant's category or network, a target group and an unknown id, and writes nothing", async () => {
    const before = (await t.db.selectFrom("newsletters").select("id").execute()).length;
    for (const segment of [`category:${foreignElderly}`, `network:${foreignNetworkId}`, `category:${targetGroup}`, "network:nope", "category:"]) {
      const res = await staff.post("/newsletters", { subject: "Hej", body: "x", segment }, { from: "/newsletters/new" });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain("Vælg modtagere fra listen.");
    }
    expect(await t.db.selectFrom("newsletters").select("id").execute()).toHaveLength(before);
    // Nor can a draft be changed to one.
    const path = await write("Kladde", `network:${networkId}`);
    const res = await staff.post(path, { subject: "Kladde", body: "x", segment: `network:${foreignNetworkId}` }, { from: path });
    expect(res.status).toBe(422);
    const row = await t.db
      .selectFrom("newsletters")
      .select(["segment_kind", "segment_id"])
      .where("id", "=", path.split("/").at(-1) as string)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ segment_kind: "network", segment_id: networkId });
  });
});
