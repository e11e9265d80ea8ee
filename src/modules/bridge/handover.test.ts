import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBridgeCase } from "../../../test/factories/bridge-case.js";
import {
  createAssociation,
  createPerson,
  createPublishedJob,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  latestMail,
  type TenantFixture,
  TestClock,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";
import { dataKeyring } from "../../platform/crypto/data-key.js";
import { putDocument } from "../../platform/search/documents.js";
import type { BridgeCase } from "./bridge.model.js";
import { waitingReferrals } from "./referrals-start.js";

describe.each(dialects())("bridge-building: suggestions and the warm handover (%s)", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let club: { id: string; name: string };
  let theCase: BridgeCase;
  let offerId: string;
  let jobId: string;
  const clock = new TestClock(new Date("2026-11-27T10:00:00.000Z"));

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    const b = await createTenant(t.db, { slug: "b", host: "b.test" });
    await t.db.insertInto("postcodes").values({ country: "DK", code: "8000", name: "Aarhus C", lat: 56.1567, lon: 10.2108 }).execute();
    club = await createAssociation(t.db, a, "Gåklubben");
    const other = await createAssociation(t.db, a, "Strikkeklubben");
    await createPerson(t.db, a, { email: "admin@gaa.test", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "medlem@gaa.test", memberships: [{ associationId: club.id, role: "member" }] });
    await createPerson(t.db, a, { email: "admin@strik.test", memberships: [{ associationId: other.id, role: "admin" }] });
    const builder = await createPerson(t.db, a, { email: "bro@a.test", roles: ["bridge_builder"] });
    await createPerson(t.db, a, { email: "bro2@a.test", roles: ["bridge_builder"] });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, b, { email: "bro@b.test", roles: ["bridge_builder"], memberships: [] });
    jobId = (await createPublishedJob(t.db, a, club, { title: "Gåtursmakker", slots: "tue-morning" })).id;
    offerId = "offer-supported";
    await putDocument(t.db, clock, a.id, "DK", {
      kind: "offer",
      id: offerId,
      title: "Stavgang for begyndere",
      subtitle: club.name,
      text: "Vi går stille og roligt.",
      keywords: "",
      url: `/directory/offers/${offerId}`,
      facets: { accessibility: ["supported_welcome"] },
      postcode: "8000",
      remote: false,
      publishedAt: "2026-11-01T00:00:00.000Z",
      until: null,
      slots: ["tue-morning"],
    });
    await putDocument(t.db, clock, a.id, "DK", {
      kind: "association",
      id: club.id,
      title: club.name,
      subtitle: "",
      text: "En klub for dem, der kan lide at gå.",
      keywords: "",
      url: `/directory/associations/${club.id}`,
      facets: {},
      postcode: null,
      remote: false,
      publishedAt: "2026-11-01T00:00:00.000Z",
      until: null,
    });
    env = createTestApp(t.db, { clock });
    theCase = await buildBridgeCase(t.db, dataKeyring(env.config), a, { builderId: builder.id });
  });
  afterAll(() => t.destroy());

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };
  const picks = () => t.db.selectFrom("bridge_picks").selectAll().where("case_id", "=", theCase.id).execute();
  const referrals = () => t.db.selectFrom("bridge_referrals").selectAll().where("case_id", "=", theCase.id).execute();
  const status = async () => (await t.db.selectFrom("bridge_cases").select("status").where("id", "=", theCase.id).executeTakeFirstOrThrow()).status;

  it("ranks what suits the person with the reasons, marks a supported welcome, and lists what the matching cannot weigh", async () => {
    const builder = await as("bro@a.test");
    const page = await (await builder.get(`/bridge/cases/${theCase.id}/suggestions`)).text();
    expect(page).toContain("Gåtursmakker");
    expect(page).toContain("Stavgang for begyndere");
    expect(page).toContain("Tryg velkomst");
    // A supported welcome has room for someone who comes along the first times.
    expect(page).toContain("Der er plads til, at nogen følger dig de første gange");
    expect(page).toContain("Et roligt sted"); // quiet_place: a thing to check by hand
    const found = await (await builder.get(`/bridge/cases/${theCase.id}/suggestions?q=stavgang`)).text();
    expect(found.match(/Stavgang for begyndere/g)?.length).toBeGreaterThanOrEqual(2);
    // A community itself can be the bridge-builder's own pick.
    const community = await (await builder.get(`/bridge/cases/${theCase.id}/suggestions?q=${encodeURIComponent("Gåklubben")}`)).text();
    expect(community).toContain(`value="${club.id}"`);
    const logged = await t.db.selectFrom("access_log").select("subject_id").where("subject_type", "=", "bridge_case").execute();
    expect(logged.map((l) => l.subject_id)).toContain(theCase.id);
  });

  it("shows the suggestions and the handover to nobody but the case's bridge-builder", async () => {
    for (const email of ["bro2@a.test", "staff@a.test", "admin@gaa.test"]) {
      const v = await as(email);
      expect((await v.get(`/bridge/cases/${theCase.id}/suggestions`)).status, email).toBe(404);
      expect((await v.get(`/bridge/cases/${theCase.id}/handover`)).status, email).toBe(404);
      const post = await v.post(`/bridge/cases/${theCase.id}/suggestions`, { action: "add", kind: "opportunity", targetId: jobId });
      expect(post.status, email).toBe(404);
    }
    const elsewhere = await as("bro@b.test", "b.test");
    expect((await elsewhere.get(`/bridge/cases/${theCase.id}/suggestions`)).status).toBe(404);
    expect(await picks()).toEqual([]);
  });

  it("refuses an unknown kind or target with a message and writes nothing", async () => {
    const builder = await as("bro@a.test");
    const bad = await builder.post(`/bridge/cases/${theCase.id}/suggestions`, { action: "add", kind: "martian", targetId: jobId });
    expect(bad.status).toBe(422);
    const unknown = await builder.post(`/bridge/cases/${theCase.id}/suggestions`, { action: "add", kind: "offer", targetId: "no-such-offer" });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain("Vi kan ikke finde det, du valgte");
    expect(await picks()).toEqual([]);
    expect(await status()).toBe("intake");
  });

  it("keeps the picks, lets the person choose, and sends the referral with only the fields ticked", async () => {
    const builder = await as("bro@a.test");
    const add = (fields: Record<string, string>) => builder.post(`/bridge/cases/${theCase.id}/suggestions`, { action: "add", ...fields });
    expect((await add({ kind: "opportunity", targetId: jobId, pickedBy: "matching" })).status).toBe(303);
    expect((await add({ kind: "association", targetId: club.id })).status).toBe(303);
    expect((await add({ kind: "opportunity", targetId: jobId })).status).toBe(409);
    expect(await status()).toBe("choosing");
    const [jobPick] = (await picks()).filter((p) => p.kind === "opportunity");
    expect(jobPick?.association_id).toBe(club.id);
    expect((await builder.post(`/bridge/cases/${theCase.id}/suggestions`, { action: "choose", pickId: jobPick?.id ?? "" })).status).toBe(303);

    const handover = await (await builder.get(`/bridge/cases/${theCase.id}/handover`)).text();
    expect(handover).toMatch(/value="first_name"[^>]*checked/);
    expect(handover).not.toContain('value="wishes"');

    const send = (fields: string[]) => builder.post(`/bridge/cases/${theCase.id}/handover`, { action: "send", pickId: jobPick?.id ?? "", fields });
    expect((await send(["wishes"])).status).toBe(422);
    expect((await send([])).status).toBe(422);
    expect(await referrals()).toEqual([]);
    const preview = await builder.post(`/bridge/cases/${theCase.id}/handover`, {
      action: "preview",
      pickId: jobPick?.id ?? "",
      fields: ["first_name", "needs"],
    });
    expect(await preview.text()).toContain("Følgeskab de første gange");
    expect(await referrals()).toEqual([]);

    expect((await send(["first_name", "needs"])).status).toBe(303);
    expect((await send(["first_name"])).status).toBe(409);
    const [sent] = await referrals();
    expect(sent?.status).toBe("sent");
    expect(sent?.shared).not.toContain("Birthe");
    expect(await status()).toBe("handed_over");
    const mail = await latestMail(t.db, "admin@gaa.test");
    expect(mail?.text).toContain(`/bridge/referrals/${sent?.id}`);
    expect(mail?.text).not.toContain("Birthe");
    const noted = await t.db.selectFrom("bridge_mails").select("mail_id").where("case_id", "=", theCase.id).execute();
    expect(noted.map((n) => n.mail_id)).toContain(mail?.id);
  });

  it("shows the referral to the association's admins only, with nothing but what was shared", async () => {
    const [sent] = await referrals();
    const path = `/bridge/referrals/${sent?.id}`;
    for (const email of ["medlem@gaa.test", "admin@strik.test", "bro2@a.test", "staff@a.test"]) {
      const v = await as(email);
      expect((await v.get(path)).status, email).toBe(404);
      expect((await v.post(`${path}/accept`, {})).status, email).toBe(404);
    }
    expect((await (await as("bro@b.test", "b.test")).get(path)).status).toBe(404);

    const admin = await as("admin@gaa.test");
    const list = await (await admin.get("/bridge/referrals")).text();
    expect(list).toContain("Birthe");
    const page = await (await admin.get(path)).text();
    expect(page).toContain("Birthe");
    expect(page).toContain("Følgeskab de første gange");
    expect(page).toContain("Gåtursmakker");
    for (const secret of ["birthe@example.test", "Vil gerne gå ture", "Fortrolig note", "mistet sin mand", "God til at bage"]) {
      expect(page, secret).not.toContain(secret);
    }
    const adminId = (await t.db.selectFrom("users").select("id").where("email", "=", "admin@gaa.test").executeTakeFirstOrThrow()).id;
    const read = await t.db.selectFrom("access_log").select("action").where("actor_id", "=", adminId).where("subject_id", "=", theCase.id).execute();
    expect(read.map((r) => r.action)).toContain("bridge.referral_read");
  });

  it("tells the association's admins on their start page that someone waits", async () => {
    const adminId = (await t.db.selectFrom("users").select("id").where("email", "=", "admin@gaa.test").executeTakeFirstOrThrow()).id;
    const [sent] = await referrals();
    const items = await waitingReferrals({
      db: t.db,
      clock,
      config: env.config,
      tenant: { id: a.id } as never,
      actor: { kind: "person", tenantId: a.id, userId: adminId, name: "", email: "", roles: new Set(), memberships: new Map([[club.id, "admin"]]) },
      ip: null,
    } as never);
    expect(items).toEqual([expect.objectContaining({ count: 1, href: "/bridge/referrals" })]);
    expect(sent?.status).toBe("sent");
  });

  it("takes the association's answer, meeting and welcome list, and the first meeting makes the person take part", async () => {
    const [sent] = await referrals();
    const path = `/bridge/referrals/${sent?.id}`;
    const admin = await as("admin@gaa.test");
    expect((await admin.post(`${path}/meeting`, { date: "2026-12-03", time: "17:00", place: "Ved indgangen" })).status).toBe(409);
    expect((await admin.post(`${path}/decline`, { reason: "" })).status).toBe(422);
    expect((await admin.post(`${path}/accept`, {})).status).toBe(303);
    expect((await latestMail(t.db, "bro@a.test"))?.text).toContain(`/bridge/cases/${theCase.id}/handover`);
    expect((await admin.post(`${path}/decline`, { reason: "Fuldt" })).status).toBe(409);

    expect((await admin.post(`${path}/meeting`, { date: "2026-12-03", time: "25:00", place: "Ved indgangen" })).status).toBe(422);
    expect((await admin.post(`${path}/meeting`, { date: "2026-12-03", time: "17:00", place: "Ved indgangen" })).status).toBe(303);
    expect((await admin.post(`${path}/welcome`, { done: ["0", "2"] })).status).toBe(303);
    expect((await admin.post(`${path}/welcome`, { done: ["7"] })).status).toBe(422);
    const [answered] = await referrals();
    expect(answered?.status).toBe("accepted");
    expect(answered?.first_meeting_at).toBe("2026-12-03T17:00");
    expect(answered?.welcome_done).toBe("0,2");

    expect((await admin.post(`${path}/met`, { metOn: "2026-12-30" })).status).toBe(422);
    expect(await status()).toBe("handed_over");
    const builder = await as("bro@a.test");
    const met = await builder.post(`${path}/met`, { metOn: "2026-11-26" });
    expect(met.status).toBe(303);
    expect(met.headers.get("location")).toContain(`/bridge/cases/${theCase.id}/handover`);
    expect(await status()).toBe("taking_part");
    const actions = await t.db.selectFrom("audit_log").select("action").where("action", "like", "bridge.%").execute();
    expect(new Set(actions.map((x) => x.action))).toEqual(
      new Set([
        "bridge.picked",
        "bridge.chosen",
        "bridge.referral_sent",
        "bridge.referral_accepted",
        "bridge.meeting_proposed",
        "bridge.welcome_ticked",
        "bridge.met",
      ]),
    );
  });
});
