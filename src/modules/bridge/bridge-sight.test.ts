import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFollowUpCase } from "../../../test/factories/bridge-followup-case.js";
import { createAssociation, createPerson, createTenant, createTestApp, createTestDb, dialects, type TestDb, Visitor } from "../../../test/harness.js";
import { dataKeyring } from "../../platform/crypto/data-key.js";
import { newId } from "../../platform/ids.js";
import { findCase } from "./cases.repository.js";
import { insertCompanion } from "./companions.repository.js";
import { insertReferral } from "./handover.repository.js";

// Who reaches bridge-building's pages: the mails' links ask someone signed out to sign in (the same for any id),
// and the referrals page is a 404, like every other page of it, for those it is not for.
describe.each(dialects())("bridge-building: the way in (%s)", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let caseId: string;
  let referralId: string;
  let tenantId: string;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    const a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    tenantId = a.id;
    const club = await createAssociation(t.db, a, "Gåklubben");
    await createPerson(t.db, a, { email: "admin@gaa.test", memberships: [{ associationId: club.id, role: "admin" }] });
    const builder = await createPerson(t.db, a, { email: "bro@a.test", roles: ["bridge_builder"] });
    const companion = await createPerson(t.db, a, { email: "folge@a.test" });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "borger@a.test" });
    await insertCompanion(t.db, a.id, {
      userId: companion.id,
      postcode: null,
      languages: [],
      slots: [],
      trainedOn: null,
      active: true,
      createdAt: "2026-11-01T10:00:00.000Z",
    });
    const c = await buildFollowUpCase(t.db, a, {
      firstName: "Yrsa",
      builderId: builder.id,
      companionId: companion.id,
      companionSince: "2026-11-01T10:00:00.000Z",
    });
    caseId = c.id;
    env = createTestApp(t.db);
    referralId = newId();
    await insertReferral(t.db, dataKeyring(env.config), a.id, {
      id: referralId,
      caseId,
      pickId: null,
      associationId: club.id,
      status: "accepted",
      shared: { firstName: "Yrsa" },
      sentBy: builder.id,
      sentAt: "2026-11-01T10:00:00.000Z",
      answeredBy: null,
      answeredAt: "2026-11-02T10:00:00.000Z",
      declineReason: null,
      firstMeetingAt: "2026-12-03T17:00",
      meetingPlace: "Ved indgangen",
      metAt: null,
      welcomeItems: [],
      welcomeDone: [],
    });
  });
  afterAll(() => t.destroy());

  const as = async (email: string) => {
    const v = new Visitor(env.app, "a.test");
    await v.signIn(email);
    return v;
  };

  it("asks someone signed out to sign in on the pages the mails link to, for a real id and a made-up one alike", async () => {
    const links: [string, string][] = [
      [`/bridge/referrals/${referralId}`, "admin@gaa.test"],
      ["/bridge/referrals/no-such-referral", ""],
      ["/bridge/companion", "folge@a.test"],
      [`/bridge/cases/${caseId}/handover`, "bro@a.test"],
      [`/bridge/cases/${caseId}/follow-ups`, "bro@a.test"],
      ["/bridge/cases/no-such-case/handover", ""],
      ["/bridge/follow-ups", "bro@a.test"],
      ["/bridge/companions", "bro@a.test"],
    ];
    const anonymous = new Visitor(env.app, "a.test");
    for (const [path, who] of links) {
      const res = await anonymous.get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get("location"), path).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
      if (who) expect((await (await as(who)).get(path)).status, `${path} as ${who}`).toBe(200);
    }
    // A form sent while signed out changes nothing and says why.
    const before = await t.db.selectFrom("bridge_notes").select("id").execute();
    const note = await anonymous.post(`/bridge/cases/${caseId}/notes`, { body: "Ringede" }, { from: "/" });
    expect(note.status).toBe(401);
    expect(await t.db.selectFrom("bridge_notes").select("id").execute()).toEqual(before);
  });

  it("answers the referrals page with a 404 to anyone who answers for no association", async () => {
    for (const email of ["staff@a.test", "bro@a.test", "borger@a.test", "folge@a.test"]) {
      const res = await (await as(email)).get("/bridge/referrals");
      expect(res.status, email).toBe(404);
      expect(await res.text(), email).not.toContain("Yrsa");
    }
    const list = await (await as("admin@gaa.test")).get("/bridge/referrals");
    expect(list.status).toBe(200);
    expect(await list.text()).toContain("Yrsa");
  });

  it("writes the association's reading of the referrals list to the access log, as it does its reading of one referral", async () => {
    const reads = () =>
      t.db
        .selectFrom("access_log")
        .select(["action", "subject_id"])
        .where("subject_type", "=", "bridge_case")
        .where("action", "=", "bridge.referral_read")
        .execute();
    const before = (await reads()).length;
    expect((await (await as("admin@gaa.test")).get("/bridge/referrals")).status).toBe(200);
    const after = await reads();
    expect(after.length).toBe(before + 1);
    expect(after.map((r) => r.subject_id)).toContain(caseId);
  });

  it("keeps each ticked need, time and language once, however often a form sends it", async () => {
    const bro = await as("bro@a.test");
    const sent = await bro.post(
      `/bridge/cases/${caseId}/intake`,
      { wishes: "", needs: Array(50).fill("quiet_place"), slots: ["tue-morning", "tue-morning"], languages: ["da", "da", "en"], postcode: "" },
      { from: `/bridge/cases/${caseId}/intake` },
    );
    expect(sent.status).toBe(303);
    const c = await findCase(t.db, dataKeyring(env.config), tenantId, caseId);
    expect(c).toMatchObject({ needs: ["quiet_place"], slots: ["tue-morning"], languages: ["da", "en"] });
  });
});
