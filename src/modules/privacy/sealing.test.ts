import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { everyStoredText, whereStored } from "../../../test/database-dump.js";
import { buildSealedCase } from "../../../test/factories/bridge.factory.js";
import { buildEvent } from "../../../test/factories/event.factory.js";
import {
  createAssociation,
  createPerson,
  createPublishedJob,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  latestMail,
  linkIn,
  TEST_DATA_KEY,
  type TenantFixture,
  type TestDb,
  testConfig,
  Visitor,
} from "../../../test/harness.js";
import { dataKeyring } from "../../platform/crypto/data-key.js";
import { reseal } from "../../platform/crypto/reseal.js";
import { keyId, sealedWith } from "../../platform/crypto/sealed.js";
import { sealedFields } from "../personal-data.js";

describe.each(dialects())("special-category text at rest [%s]", (dialect) => {
  let t: TestDb;
  let a: TenantFixture;
  let env: ReturnType<typeof createTestApp>;
  let job: { id: string };
  let applicationId: string;
  const words = {
    message: "Jeg har haft en depression og vil gerne i gang igen.",
    toApplicant: "Tak, Mette. Vi tager hensyn til dit helbred.",
    toAssociation: "Jeg tager medicin om morgenen.",
    note: "Mette sagde ja ved samtalen om hendes angst.",
    food: "Jeg tåler ikke gluten på grund af cøliaki.",
  };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    const club = await createAssociation(t.db, a, "Besøgsvennerne");
    job = await createPublishedJob(t.db, a, club, { title: "Besøgsven" });
    await createPerson(t.db, a, { email: "admin@besog.test", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "mette@a.test", name: "Mette" });
    env = createTestApp(t.db);

    const mette = new Visitor(env.app, "a.test");
    await mette.signIn("mette@a.test");
    await mette.post(
      `/opportunities/${job.id}/apply`,
      { name: "Mette", email: "mette@a.test", phone: "", message: words.message },
      { from: `/opportunities/${job.id}` },
    );
    const profile = {
      interests: [],
      skills: "",
      slots: [],
      postcode: "",
      maxKm: "",
      languages: ["da"],
      needs: ["companion", "step_free"],
      setting: "any",
      rhythm: "any",
    };
    await mette.post("/matching/profile", profile, { from: "/matching/profile" });
    const meeting = await buildEvent(t.db, a, { questions: [{ id: "food", label: "Kost", sensitive: true }] });
    await mette.post(
      `/events/${meeting.id}/register`,
      { name: "Mette", email: "mette@a.test", phone: "", answer_food: words.food },
      { from: `/events/${meeting.id}` },
    );
    applicationId = (await t.db.selectFrom("applications").select("id").executeTakeFirstOrThrow()).id;
    const admin = new Visitor(env.app, "a.test");
    await admin.signIn("admin@besog.test");
    const thread = `/opportunities/${job.id}/applications/${applicationId}`;
    await admin.post(`${thread}/messages`, { body: words.toApplicant }, { from: thread });
    const link = linkIn((await latestMail(t.db, "mette@a.test"))?.text ?? "", "/applications/thread");
    await mette.post("/applications/thread", { key: new URL(`http://x${link}`).searchParams.get("key") ?? "", body: words.toAssociation }, { from: link });
    const staff = new Visitor(env.app, "a.test");
    await staff.signIn("staff@a.test");
    await staff.post("/matching/staff", { email: "mette@a.test", consent: "on", note: words.note }, { from: "/matching/staff" });
    // Bridge-building: a case with a value in every sealed column (its own tests read them through the pages).
    await buildSealedCase(t.db, dataKeyring(env.config), a.id, club.id, {
      firstName: "Mette",
      contact: "mette@a.test",
      reason: "Har været syg længe.",
      wishes: "Vil gerne synge i kor.",
      resources: "Lytter godt.",
      notes: "Bliver træt.",
      note: "Ringede om koret.",
      shared: "Vil gerne synge.",
      why: "Koret passer hende.",
      personWords: "Det er dejligt at synge.",
    });
  });
  afterAll(() => t.destroy());

  const association = async (app = env.app) => {
    const v = new Visitor(app, "a.test");
    await v.signIn("admin@besog.test");
    return v;
  };
  const everythingShows = async (app = env.app) => {
    const v = await association(app);
    expect(await (await v.get(`/opportunities/${job.id}/applications`)).text()).toContain(words.message);
    expect(await (await v.get(`/opportunities/${job.id}/applications.csv`)).text()).toContain(words.message);
    const thread = await (await v.get(`/opportunities/${job.id}/applications/${applicationId}`)).text();
    expect(thread).toContain(words.toApplicant);
    expect(thread).toContain(words.toAssociation);
  };

  it("keeps needs, consent notes and what applicants and associations write unreadable in the database, mails included", async () => {
    expect(await whereStored(t.db, Object.values(words))).toEqual([]);
    const stored = await everyStoredText(t.db);
    for (const field of sealedFields()) {
      const values = stored.filter((v) => v.table === field.table && v.column === field.column);
      expect(values.length, `${field.table}.${field.column}`).toBeGreaterThan(0);
      expect(
        values.every((v) => sealedWith(v.value) === keyId(Buffer.from(TEST_DATA_KEY, "base64"))),
        `${field.table}.${field.column}`,
      ).toBe(true);
    }
    expect(stored.filter((v) => v.table === "volunteer_profiles" && /companion|step_free/.test(v.value))).toEqual([]);
  });

  it("shows them to those allowed: the applicant list, its CSV, the thread, the staff's note and the citizen's needs", async () => {
    await everythingShows();
    const staff = new Visitor(env.app, "a.test");
    await staff.signIn("staff@a.test");
    const mette = await t.db.selectFrom("users").select("id").where("email", "=", "mette@a.test").executeTakeFirstOrThrow();
    expect(await (await staff.get(`/matching/staff?citizen=${mette.id}`)).text()).toContain(words.note);
    const self = new Visitor(env.app, "a.test");
    await self.signIn("mette@a.test");
    const profile = await (await self.get("/matching/profile")).text();
    expect(profile).toMatch(/value="companion"[^>]*checked|checked[^>]*value="companion"/);
  });

  it("seals text stored before its field was sealed, and re-seals everything with a new key while the old one still opens", async () => {
    const plain = "Skrevet før felterne blev forseglet.";
    await t.db.updateTable("applications").set({ message: plain }).where("id", "=", applicationId).execute();
    words.message = plain;
    await everythingShows();
    const first = await reseal(t.db, dataKeyring(env.config), sealedFields(), { rotate: false });
    expect(first).toMatchObject({ "applications.message": 1, "application_messages.body": 0 });
    expect(await whereStored(t.db, [plain])).toEqual([]);
    await everythingShows();

    const next = randomBytes(32).toString("base64");
    const rotated = createTestApp(t.db, { config: testConfig({ DATA_KEY: next, DATA_KEYS_OLD: TEST_DATA_KEY }) });
    await everythingShows(rotated.app);
    const moved = await reseal(t.db, dataKeyring(rotated.config), sealedFields(), { rotate: true });
    // Six of the older modules' values and twelve of bridge-building's.
    expect(Object.values(moved).reduce((n, x) => n + x, 0)).toBe(6 + 12);
    expect(await reseal(t.db, dataKeyring(rotated.config), sealedFields(), { rotate: true })).toMatchObject({ "applications.message": 0 });
    const ids = (await everyStoredText(t.db)).map((v) => sealedWith(v.value)).filter(Boolean);
    expect(new Set(ids)).toEqual(new Set([keyId(Buffer.from(next, "base64"))]));
    // With only the new key, everything still opens.
    await everythingShows(createTestApp(t.db, { config: testConfig({ DATA_KEY: next }) }).app);
  });
});
