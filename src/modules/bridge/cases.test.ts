import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAssociation,
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  latestMail,
  type TenantFixture,
  TestClock,
  type TestDb,
  testConfig,
  Visitor,
} from "../../../test/harness.js";
import { DAY_MS } from "../../platform/clock.js";
import { jobContext } from "../../platform/service-context.js";
import { allTenants } from "../../platform/tenants/tenants.js";
import { purgeCases } from "./bridge-jobs.js";
import { contactHashOf } from "./refer.js";

describe.each(dialects())("bridge-building: from referral to intake, and out again [%s]", (dialect) => {
  let t: TestDb;
  let a: TenantFixture;
  let b: TenantFixture;
  const clock = new TestClock();
  let env: ReturnType<typeof createTestApp>;
  let builder: { id: string };
  let colleague: { id: string };
  let companion: { id: string };
  let caseId = "";

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    const club = await createAssociation(t.db, a, "Strikkeklubben");
    const other = await createAssociation(t.db, a, "Løbeklubben");
    builder = await createPerson(t.db, a, { email: "bro@a.test", name: "Bente Brobygger", roles: ["bridge_builder"] });
    colleague = await createPerson(t.db, a, { email: "bro2@a.test", name: "Bo Brobygger", roles: ["bridge_builder"] });
    await createPerson(t.db, a, { email: "jobcenter@a.test", name: "Jens Jobcenter", roles: ["referrer"] });
    await createPerson(t.db, a, { email: "staff@a.test", name: "Sofie Staff", roles: ["staff", "tenant_admin"] });
    companion = await createPerson(t.db, a, { email: "folge@a.test", name: "Frida Følgeven" });
    await createPerson(t.db, a, { email: "admin@strik.test", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "admin@lob.test", memberships: [{ associationId: other.id, role: "admin" }] });
    await createPerson(t.db, b, { email: "bro@b.test", roles: ["bridge_builder"] });
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };
  const count = async (table: "bridge_cases" | "bridge_notes" | "mail_outbox" | "bridge_case_shares") =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const referral = {
    source: "municipality",
    sourceUnit: "social_psychiatry",
    firstName: "Ingrid",
    contact: "ingrid@example.org",
    language: "da",
    consent: "yes",
    purposes: ["bridge_building", "follow_up"],
    how: "in_person",
    copy: "email",
    reason: "Sidder meget alene efter en lang sygemelding.",
  };

  it("lets a municipal worker refer someone with consent, mails the person their copy, and keeps the reason sealed away from the referrer", async () => {
    const jens = await as("jobcenter@a.test");
    const form = await (await jens.get("/bridge/refer")).text();
    expect(form).toContain("Socialpsykiatri");
    const sent = await jens.post("/bridge/refer", referral, { from: "/bridge/refer" });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain("Henvisningen af Ingrid er sendt til brobyggerne");
    const row = await t.db.selectFrom("bridge_cases").selectAll().executeTakeFirstOrThrow();
    caseId = row.id;
    expect(row).toMatchObject({ status: "intake", source: "municipality", source_unit: "social_psychiatry", consent_how: "in_person", purge_after: null });
    expect(row.reason).not.toContain("alene");
    const mail = await latestMail(t.db, "ingrid@example.org");
    expect(mail?.text).toContain("samtykke");
    expect(mail?.text).not.toContain("alene");
    expect(mail?.text).not.toContain("Socialpsykiatri");
    expect(await t.db.selectFrom("bridge_mails").select("mail_id").where("case_id", "=", caseId).execute()).toEqual([{ mail_id: mail?.id }]);
    // A referrer refers; she does not see cases.
    expect((await jens.get("/bridge")).status).toBe(404);
    expect((await jens.get(`/bridge/cases/${caseId}`)).status).toBe(404);
    const audit = await t.db.selectFrom("audit_log").select(["action", "details"]).where("entity_id", "=", caseId).orderBy("action").execute();
    expect(audit.map((r) => r.action)).toEqual(["bridge.consent_recorded", "bridge.referred"]);
    expect(JSON.stringify(audit)).not.toMatch(/Ingrid|alene|example\.org/);
  });

  it("answers bad input clearly and writes nothing", async () => {
    const jens = await as("jobcenter@a.test");
    const before = [await count("bridge_cases"), await count("mail_outbox")];
    const cases: [Record<string, string | string[]>, string][] = [
      [{ ...referral, firstName: "" }, "Skriv et fornavn."],
      [{ ...referral, contact: "ikke en adresse" }, "Skriv et telefonnummer (mindst 6 cifre)"],
      [{ ...referral, purposes: ["follow_up"] }, "Sæt flueben ved brobygning"],
      [{ ...referral, contact: "+45 22 33 44 55" }, "En kopi på e-mail kræver en e-mailadresse"],
      [{ ...referral, how: "" }, "Vælg, hvordan samtykket blev givet."],
      [{ ...referral, sourceUnit: "" }, "Vælg den afdeling, du henviser fra."],
      [{ ...referral, consent: "" }, "Svar, om der er givet samtykke."],
      [{ ...referral, source: "centre" }, "Værdien er ikke gyldig."],
    ];
    for (const [fields, message] of cases) {
      const res = await jens.post("/bridge/refer", fields, { from: "/bridge/refer" });
      expect(res.status, message).toBe(422);
      const html = await res.text();
      expect(html).toContain(message);
      if (fields.firstName) expect(html).toContain(`value="${fields.firstName}"`);
    }
    expect([await count("bridge_cases"), await count("mail_outbox")]).toEqual(before);
  });

  it("shows the case to bridge-builders only, logs every read, and lets one take it and share it", async () => {
    const bente = await as("bro@a.test");
    const list = await (await bente.get("/bridge")).text();
    expect(list).toContain("Ingrid");
    expect(list).toContain("Venter på en brobygger");
    const page = await (await bente.get(`/bridge/cases/${caseId}`)).text();
    expect(page).toContain("Sidder meget alene efter en lang sygemelding.");
    expect(page).toContain("Jens Jobcenter");
    for (const step of ["intake", "suggestions", "handover", "companion", "follow-ups"]) expect(page).toContain(`/bridge/cases/${caseId}/${step}`);
    const reads = await t.db.selectFrom("access_log").select(["action", "actor_id"]).where("subject_id", "=", caseId).execute();
    expect(reads).toEqual(
      expect.arrayContaining([
        { action: "bridge.cases.listed", actor_id: builder.id },
        { action: "bridge.case.read", actor_id: builder.id },
      ]),
    );

    expect((await bente.post(`/bridge/cases/${caseId}/take`, {}, { from: `/bridge/cases/${caseId}` })).status).toBe(303);
    const bo = await as("bro2@a.test");
    expect((await bo.get(`/bridge/cases/${caseId}`)).status).toBe(404);
    expect((await bo.post(`/bridge/cases/${caseId}/take`, {}, { from: "/bridge" })).status).toBe(404);
    // Sharing names a bridge-builder of the tenant; anyone else is refused with a message and nothing shared.
    const refused = await bente.post(`/bridge/cases/${caseId}/share`, { userId: companion.id }, { from: `/bridge/cases/${caseId}` });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Vælg en brobygger fra listen.");
    expect(await count("bridge_case_shares")).toBe(0);
    expect((await bente.post(`/bridge/cases/${caseId}/share`, { userId: colleague.id }, { from: `/bridge/cases/${caseId}` })).status).toBe(303);
    expect((await bo.get(`/bridge/cases/${caseId}`)).status).toBe(200);
    expect(await (await bo.get("/bridge")).text()).toContain("Delt med mig");
  });

  it("writes the intake down in the volunteer profile's terms and keeps notes", async () => {
    const bente = await as("bro@a.test");
    const intakePage = await (await bente.get(`/bridge/cases/${caseId}/intake`)).text();
    const category = intakePage.match(/name="interests" value="([^"]+)"/)?.[1] ?? "";
    expect(category).not.toBe("");
    expect(intakePage).not.toContain('name="shareFields"'); // Ingrid did not agree to share anything
    const saved = await bente.post(
      `/bridge/cases/${caseId}/intake`,
      {
        wishes: "Vil gerne strikke med andre",
        interests: [category, "findes-ikke"],
        resources: "God til at lytte",
        needs: ["company_first_times", "quiet_place"],
        notes: "Bliver træt om eftermiddagen",
        slots: ["tue-evening"],
        postcode: "8000",
        languages: ["da"],
        shareFields: ["first_name", "needs"],
      },
      { from: `/bridge/cases/${caseId}/intake` },
    );
    expect(saved.status).toBe(303);
    const row = await t.db
      .selectFrom("bridge_cases")
      .select(["status", "interests", "time_slots", "intake_at", "share_fields"])
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "choosing", interests: category, time_slots: "tue-evening", share_fields: "" });
    const bad = await bente.post(`/bridge/cases/${caseId}/intake`, { needs: ["nothing"], slots: [], postcode: "x" }, { from: "/bridge" });
    expect(bad.status).toBe(422);
    expect((await bente.post(`/bridge/cases/${caseId}/notes`, { body: "" }, { from: "/bridge" })).status).toBe(422);
    expect((await bente.post(`/bridge/cases/${caseId}/notes`, { body: "Ringede tirsdag, glad for forslaget." }, { from: "/bridge" })).status).toBe(303);
    expect(await (await bente.get(`/bridge/cases/${caseId}`)).text()).toContain("Ringede tirsdag, glad for forslaget.");
  });

  it("asks in the intake what the association may be told, when the person agreed to share, and keeps just that", async () => {
    const jens = await as("jobcenter@a.test");
    await jens.post(
      "/bridge/refer",
      { ...referral, firstName: "Lis", contact: "lis@example.org", purposes: ["bridge_building", "share_with_association"] },
      { from: "/bridge/refer" },
    );
    const lis = await t.db.selectFrom("bridge_cases").select("id").where("contact_hash", "=", contactHashOf("lis@example.org")).executeTakeFirstOrThrow();
    const bente = await as("bro@a.test");
    await bente.post(`/bridge/cases/${lis.id}/take`, {}, { from: `/bridge/cases/${lis.id}` });
    expect(await (await bente.get(`/bridge/cases/${lis.id}/intake`)).text()).toContain('name="shareFields" value="first_name"');
    const bad = await bente.post(
      `/bridge/cases/${lis.id}/intake`,
      { wishes: "", resources: "", notes: "", postcode: "", shareFields: ["reason"] },
      { from: `/bridge/cases/${lis.id}/intake` },
    );
    expect(bad.status).toBe(422);
    const saved = await bente.post(
      `/bridge/cases/${lis.id}/intake`,
      { wishes: "", resources: "", notes: "", postcode: "", shareFields: ["first_name", "needs"] },
      { from: `/bridge/cases/${lis.id}/intake` },
    );
    expect(saved.status).toBe(303);
    expect((await t.db.selectFrom("bridge_cases").select("share_fields").where("id", "=", lis.id).executeTakeFirstOrThrow()).share_fields).toBe(
      "first_name,needs",
    );
    const intake = await (await bente.get(`/bridge/cases/${lis.id}/intake`)).text();
    expect(intake).toMatch(/value="needs" id="shareFields-needs" checked/);
  });

  it("takes a self-referral without consent for 14 days, shows only name and contact, and records consent later", async () => {
    const anonymous = new Visitor(env.app, "a.test");
    const form = await (await anonymous.get("/bridge/refer")).text();
    expect(form).toContain("Få hjælp til at finde et fællesskab");
    expect(form).not.toContain('name="how"');
    const sent = await anonymous.post(
      "/bridge/refer",
      { firstName: "Karim", contact: "+45 11 22 33 44", consent: "no", purposes: ["bridge_building"], copy: "print", reason: "Ny i byen" },
      { from: "/bridge/refer" },
    );
    expect(sent.status).toBe(200);
    const row = await t.db.selectFrom("bridge_cases").selectAll().where("source", "=", "self").executeTakeFirstOrThrow();
    expect(row.status).toBe("awaiting_consent");
    expect(row.purge_after).toBe(new Date(clock.now().getTime() + 14 * DAY_MS).toISOString());
    expect(row.consent_at).toBeNull();
    const bente = await as("bro@a.test");
    // Her start page counts what waits, without names.
    const start = await (await bente.get("/start")).text();
    expect(start).toContain("1 henvisning mangler samtykke");
    expect(start).toContain("slettes om 14 dage");
    expect(start).not.toContain("Karim");
    const staffStart = await (await as("staff@a.test")).get("/start");
    expect(await staffStart.text()).not.toContain("mangler samtykke");
    const page = await (await bente.get(`/bridge/cases/${row.id}`)).text();
    expect(page).toContain("Karim");
    expect(page).toContain("slettes henvisningen om 14 dage");
    expect(page).not.toContain("Ny i byen");
    // Notes and intake wait for consent.
    expect((await bente.post(`/bridge/cases/${row.id}/notes`, { body: "Ringede" }, { from: "/bridge" })).status).toBe(409);
    expect((await bente.get(`/bridge/cases/${row.id}/intake`)).status).toBe(303);
    const missing = await bente.post(`/bridge/cases/${row.id}/consent`, { purposes: ["bridge_building"], copy: "email" }, { from: "/bridge" });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain("Vælg, hvordan samtykket blev givet.");
    const given = await bente.post(
      `/bridge/cases/${row.id}/consent`,
      { purposes: ["bridge_building"], how: "phone", copy: "print", reason: "Ny i byen, vil gerne løbe" },
      { from: "/bridge" },
    );
    expect(given.status).toBe(303);
    expect(given.headers.get("location")).toBe(`/bridge/cases/${row.id}/consent/print?notice=bridgeConsentRecorded`);
    const print = await (await bente.get(`/bridge/cases/${row.id}/consent/print`)).text();
    expect(print).toContain("Karim, den");
    expect(print).toContain("I telefonen");
    expect(print).toContain("Bente Brobygger");
    const after = await t.db.selectFrom("bridge_cases").select(["status", "purge_after", "consent_by"]).where("id", "=", row.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ status: "intake", purge_after: null, consent_by: builder.id });
    expect(
      (await bente.post(`/bridge/cases/${row.id}/consent`, { purposes: ["bridge_building"], how: "phone", copy: "print" }, { from: "/bridge" })).status,
    ).toBe(409);
  });

  it("limits anonymous self-referrals per sender", async () => {
    const proxied = createTestApp(t.db, { config: testConfig({ TRUST_PROXY: "true" }), clock });
    const sender = new Visitor(proxied.app, "a.test", { "x-forwarded-for": "203.0.113.77" });
    const send = (i: number) =>
      sender.post("/bridge/refer", { firstName: "Nogen", contact: `nogen${i}@example.org`, consent: "no", reason: "" }, { from: "/bridge/refer" });
    for (let i = 0; i < proxied.config.RATE_LIMIT_PER_15_MIN; i += 1) expect((await send(i)).status).toBe(200);
    const before = await count("bridge_cases");
    const refused = await send(99);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("Prøv igen om et kvarter");
    expect(await count("bridge_cases")).toBe(before);
    const hashed = await t.db.selectFrom("rate_limits").select("key").execute();
    expect(hashed.filter((r) => r.key.includes("example.org"))).toEqual([]);
  });

  it("deletes referrals nobody got consent for after 14 days, and keeps the rest", async () => {
    const awaiting = async () =>
      (await t.db.selectFrom("bridge_cases").select("id").where("status", "=", "awaiting_consent").where("tenant_id", "=", a.id).execute()).length;
    expect(await awaiting()).toBeGreaterThan(0);
    const total = await count("bridge_cases");
    const tenant = (await allTenants(t.db)).find((x) => x.id === a.id);
    if (!tenant) throw new Error("no tenant");
    const ctx = jobContext({ db: t.db, clock, config: env.config }, tenant);
    expect(await purgeCases(ctx)).toBe(0);
    clock.advance(14 * DAY_MS + 60_000);
    const purged = await purgeCases(ctx);
    expect(purged).toBeGreaterThan(0);
    expect(await awaiting()).toBe(0);
    expect(await count("bridge_cases")).toBe(total - purged);
    expect(await t.db.selectFrom("bridge_cases").select("id").where("id", "=", caseId).execute()).toHaveLength(1);
    const trail = await t.db.selectFrom("audit_log").select(["action", "actor_id"]).where("action", "=", "bridge.case_purged").execute();
    expect(trail).toHaveLength(purged);
    expect(trail.every((r) => r.actor_id === null)).toBe(true);
  });

  it("answers 404 from every wrong side on every route: no permission, a companion, an association, another tenant", async () => {
    await t.db.updateTable("bridge_cases").set({ companion_id: companion.id }).where("id", "=", caseId).execute();
    const routes: [string, string, Record<string, string | string[]>?][] = [
      ["GET", "/bridge"],
      ["GET", `/bridge/cases/${caseId}`],
      ["GET", `/bridge/cases/${caseId}/consent`],
      ["POST", `/bridge/cases/${caseId}/consent`, { purposes: ["bridge_building"], how: "phone", copy: "print" }],
      ["GET", `/bridge/cases/${caseId}/consent/print`],
      ["GET", `/bridge/cases/${caseId}/intake`],
      ["POST", `/bridge/cases/${caseId}/intake`, { wishes: "x" }],
      ["POST", `/bridge/cases/${caseId}/notes`, { body: "x" }],
      ["POST", `/bridge/cases/${caseId}/take`, {}],
      ["POST", `/bridge/cases/${caseId}/share`, { userId: colleague.id }],
      ["GET", `/bridge/cases/${caseId}/withdraw`],
      ["POST", `/bridge/cases/${caseId}/withdraw`, {}],
    ];
    const before = [await count("bridge_cases"), await count("bridge_notes"), await count("bridge_case_shares")];
    const outsiders: [string, string][] = [
      ["staff@a.test", "a.test"],
      ["folge@a.test", "a.test"],
      ["admin@strik.test", "a.test"],
      ["admin@lob.test", "a.test"],
      ["jobcenter@a.test", "a.test"],
      ["bro@b.test", "b.test"],
    ];
    for (const [email, host] of outsiders) {
      const v = await as(email, host);
      for (const [method, path, fields] of routes) {
        // Another tenant's bridge-builder has a list of her own, without this tenant's cases.
        if (host === "b.test" && path === "/bridge") {
          expect(await (await v.get(path)).text()).not.toContain("Ingrid");
          continue;
        }
        const res = method === "GET" ? await v.get(path) : await v.post(path, fields ?? {}, { from: "/" });
        expect(res.status, `${email} ${method} ${path}`).toBe(404);
      }
    }
    // Someone not signed in is asked to sign in, whatever the id, before anything is looked up.
    const anonymous = new Visitor(env.app, "a.test");
    for (const path of [`/bridge/cases/${caseId}`, "/bridge/cases/no-such-case", "/bridge"]) {
      const res = await anonymous.get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get("location"), path).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    }
    expect([await count("bridge_cases"), await count("bridge_notes"), await count("bridge_case_shares")]).toEqual(before);
  });

  it("deletes the whole case when consent is withdrawn, after a confirmation", async () => {
    const bente = await as("bro@a.test");
    const confirm = await (await bente.get(`/bridge/cases/${caseId}/withdraw`)).text();
    expect(confirm).toContain("Det kan ikke fortrydes");
    const gone = await bente.post(`/bridge/cases/${caseId}/withdraw`, {}, { from: `/bridge/cases/${caseId}/withdraw` });
    expect(gone.status).toBe(303);
    expect(gone.headers.get("location")).toBe("/bridge?notice=bridgeCaseDeleted");
    expect(await t.db.selectFrom("bridge_cases").select("id").where("id", "=", caseId).execute()).toEqual([]);
    expect(await t.db.selectFrom("bridge_notes").select("id").where("case_id", "=", caseId).execute()).toEqual([]);
    expect((await bente.get(`/bridge/cases/${caseId}`)).status).toBe(404);
  });
});
