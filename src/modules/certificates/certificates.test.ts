import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCertificate } from "../../../test/factories/certificate.factory.js";
import {
  createAssociation,
  createPerson,
  createPublishedJob,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  type TenantFixture,
  TestClock,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";
import { DAY_MS } from "../../platform/clock.js";
import { jobContext } from "../../platform/service-context.js";
import { allTenants } from "../../platform/tenants/tenants.js";
import { remindCertificates } from "./certificate-jobs.js";
import { personalData } from "./personal-data.js";

/**
 * A board keeps its volunteers' child-protection certificates: a request, the consent, one of two outcomes.
 * Nobody else sees the list (not another board, a member, a citizen, the centre's staff or another tenant),
 * the certificate itself can never be stored, and the board is reminded once before a renewal.
 */
describe.each(dialects())("child-protection certificates [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  // Sunday 22 November 2026, 11:00 in Copenhagen.
  const clock = new TestClock(new Date("2026-11-22T10:00:00.000Z"));
  let club: { id: string; name: string };
  let other: { id: string; name: string };
  let job = "";
  let otherJob = "";

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    club = await createAssociation(t.db, a, "Spejderne");
    other = await createAssociation(t.db, a, "Skakklubben");
    const otherB = await createAssociation(t.db, b, "Spejderne B");
    await createPerson(t.db, a, { email: "board@a.test", name: "Birte Bestyrelse", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "otherboard@a.test", memberships: [{ associationId: other.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "member@a.test", memberships: [{ associationId: club.id, role: "member" }] });
    await createPerson(t.db, a, { email: "citizen@a.test" });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff", "caseworker", "tenant_admin"] });
    await createPerson(t.db, b, { email: "board@b.test", memberships: [{ associationId: otherB.id, role: "admin" }], roles: ["tenant_admin"] });
    job = (await createPublishedJob(t.db, a, club, { title: "Spejderleder" })).id;
    otherJob = (await createPublishedJob(t.db, a, other, { title: "Skaktræner" })).id;
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };
  const rows = () => t.db.selectFrom("child_certificates").selectAll().where("tenant_id", "=", a.id).execute();
  const request = (fields: Record<string, string> = {}) => ({
    association: club.id,
    name: "Vera Frivillig",
    email: "Vera@Example.test",
    opportunity: job,
    requestedOn: "2026-11-20",
    note: "Formanden sender anmodningen.",
    ...fields,
  });

  let id = "";

  it("lets the board record a request, the consent and 'checked, no remarks', with the renewal two years on", async () => {
    const board = await as("board@a.test");
    const list = await board.get("/certificates");
    expect(list.status).toBe(200);
    expect(await list.text()).toContain("Ingen attester endnu");
    const made = await board.post("/certificates/new", request(), { from: "/certificates/new" });
    expect(made.status).toBe(303);
    id = (made.headers.get("location") ?? "").split("?")[0]?.split("/").pop() ?? "";
    const [row] = await rows();
    expect(row).toMatchObject({ id, email: "vera@example.test", opportunity_id: job, requested_on: "2026-11-20", outcome: null });

    const consent = await board.post(`/certificates/${id}/consent`, { consentedOn: "2026-11-21", lapsesOn: "" }, { from: `/certificates/${id}` });
    expect(consent.status).toBe(303);
    expect((await rows())[0]).toMatchObject({ consented_on: "2026-11-21", consent_lapses_on: "2026-12-05" });

    const assessed = await board.post(`/certificates/${id}/assessment`, { outcome: "no_remarks", assessedOn: "2026-11-22" }, { from: `/certificates/${id}` });
    expect(assessed.status).toBe(303);
    expect((await rows())[0]).toMatchObject({ outcome: "no_remarks", assessed_on: "2026-11-22", renew_on: "2028-11-22" });

    const page = await (await board.get(`/certificates/${id}`)).text();
    expect(page).toContain("Tjekket, ingen bemærkninger");
    expect(page).toContain("Birte Bestyrelse");
    const listed = await (await board.get("/certificates")).text();
    expect(listed).toContain("Vera Frivillig");
    expect(listed).toContain("Spejderleder");
  });

  it("shows the list and the record to nobody else: another board, a member, a citizen, the centre's staff, another tenant", async () => {
    for (const email of ["otherboard@a.test", "member@a.test", "citizen@a.test", "staff@a.test"]) {
      const v = await as(email);
      expect((await v.get(`/certificates/${id}`)).status, email).toBe(404);
      expect((await v.get(`/certificates/${id}/delete`)).status, email).toBe(404);
      expect((await v.post(`/certificates/${id}/assessment`, { outcome: "follow_up", assessedOn: "2026-11-22" })).status, email).toBe(404);
      expect((await v.post(`/certificates/${id}/delete`, {})).status, email).toBe(404);
    }
    for (const email of ["member@a.test", "citizen@a.test", "staff@a.test"]) expect((await (await as(email)).get("/certificates")).status, email).toBe(404);
    const otherBoard = await as("otherboard@a.test");
    expect((await otherBoard.get(`/certificates?association=${club.id}`)).status).toBe(404);
    const posted = await otherBoard.post("/certificates/new", request(), { from: "/certificates/new" });
    expect(posted.status).toBe(422);
    const stranger = await as("board@b.test", "b.test");
    expect((await stranger.get(`/certificates/${id}`)).status).toBe(404);
    expect((await stranger.post(`/certificates/${id}/left`, {})).status).toBe(404);
    const anonymous = await new Visitor(env.app, "a.test").get("/certificates");
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toContain("/sign-in");
    expect(await rows()).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ outcome: "no_remarks", left_on: null });
  });

  it("keeps only the two outcomes, and no certificate file anywhere", async () => {
    const board = await as("board@a.test");
    const again = await buildCertificate(t.db, a.id, club.id, {
      name: "Ole",
      email: "ole@example.test",
      consentedOn: "2026-11-20",
      consentLapsesOn: "2026-12-04",
    });
    for (const outcome of ["clean", "Dømt for vold", ""]) {
      const res = await board.post(`/certificates/${again.id}/assessment`, { outcome, assessedOn: "2026-11-22" }, { from: `/certificates/${again.id}` });
      expect(res.status, outcome).toBe(422);
      expect(await res.text()).toContain("Vælg en af de to vurderinger.");
    }
    await expect(
      t.db
        .updateTable("child_certificates")
        .set({ outcome: "remarks" as never })
        .where("id", "=", again.id)
        .execute(),
    ).rejects.toThrow();
    const files = async () =>
      Number(
        (
          await t.db
            .selectFrom("files")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await files();
    const uploaded = await board.upload(
      `/certificates/${again.id}/assessment`,
      { outcome: "no_remarks", assessedOn: "2026-11-22" },
      { name: "attest.pdf", content: "%PDF-1.4 attest", type: "application/pdf", field: "certificate" },
      { from: `/certificates/${again.id}` },
    );
    expect(uploaded.status).toBe(303);
    expect(await files()).toBe(before);
    for (const path of ["/certificates", "/certificates/new", `/certificates/${again.id}`]) {
      const html = await (await board.get(path)).text();
      expect(html, path).not.toContain('type="file"');
      expect(html, path).not.toContain("multipart");
    }
    const kept = await t.db.selectFrom("child_certificates").selectAll().where("id", "=", again.id).executeTakeFirstOrThrow();
    expect(Object.values(kept).join(" ")).not.toContain("PDF");
  });

  it("answers bad input clearly and writes nothing", async () => {
    const board = await as("board@a.test");
    const count = (await rows()).length;
    const cases: [Record<string, string>, string][] = [
      [{ requestedOn: "2026-11-30" }, "Datoen kan ikke ligge efter i dag."],
      [{ requestedOn: "2026-02-30" }, 'id="f-requestedOn-error"'],
      [{ opportunity: otherJob }, "Vælg et af foreningens egne frivilligjob"],
      [{ opportunity: "no-such-job" }, "Vælg et af foreningens egne frivilligjob"],
      [{ association: "no-such-association" }, "Du kan kun registrere attester"],
      [{ email: "ikke en adresse" }, 'id="f-email-error"'],
    ];
    for (const [fields, message] of cases) {
      const res = await board.post("/certificates/new", request(fields), { from: "/certificates/new" });
      expect(res.status, JSON.stringify(fields)).toBe(422);
      expect(await res.text(), JSON.stringify(fields)).toContain(message);
    }
    const fresh = await buildCertificate(t.db, a.id, club.id, { name: "Kim", email: "kim@example.test", requestedOn: "2026-11-10" });
    for (const [fields, message] of [
      [{ consentedOn: "2026-12-01", lapsesOn: "" }, "Datoen kan ikke ligge efter i dag."],
      [{ consentedOn: "2026-13-01", lapsesOn: "" }, 'id="f-consentedOn-error"'],
      [{ consentedOn: "2026-11-01", lapsesOn: "" }, "Samtykket kan ikke være givet før anmodningen."],
      [{ consentedOn: "2026-11-20", lapsesOn: "2026-11-19" }, "Samtykket kan ikke udløbe"],
    ] as const) {
      const res = await board.post(`/certificates/${fresh.id}/consent`, fields, { from: `/certificates/${fresh.id}` });
      expect(res.status, JSON.stringify(fields)).toBe(422);
      expect(await res.text()).toContain(message);
    }
    expect((await board.get("/certificates/no-such-id")).status).toBe(404);
    expect((await board.post("/certificates/no-such-id/consent", { consentedOn: "2026-11-20", lapsesOn: "" })).status).toBe(404);
    const kim = await t.db.selectFrom("child_certificates").selectAll().where("id", "=", fresh.id).executeTakeFirstOrThrow();
    expect(kim.consented_on).toBeNull();
    expect((await rows()).length).toBe(count + 1);
  });

  it("mails the board once before a renewal and once when a consent lapses, and deletes records six months after", async () => {
    const tenant = (await allTenants(t.db)).find((x) => x.id === a.id);
    if (!tenant) throw new Error("no tenant");
    const c = new TestClock(clock.now());
    const run = () => remindCertificates(jobContext({ db: t.db, clock: c, config: env.config }, tenant));
    const mails = async (text: string) =>
      (await t.db.selectFrom("mail_outbox").select(["subject", "text"]).where("to_address", "=", "board@a.test").execute()).filter((m) =>
        m.subject.includes(text),
      );
    await buildCertificate(t.db, a.id, club.id, {
      name: "Rune Fornyes",
      email: "rune@example.test",
      outcome: "no_remarks",
      assessedOn: "2024-12-15",
      renewOn: "2026-12-15",
    });
    await buildCertificate(t.db, a.id, club.id, { name: "Lise Udløbet", email: "lise@example.test", consentedOn: "2026-11-01", consentLapsesOn: "2026-11-15" });
    const gone = await buildCertificate(t.db, a.id, club.id, { name: "Per Stoppet", email: "per@example.test", leftOn: "2026-05-01" });
    await run();
    await run();
    expect(await mails("Rune Fornyes")).toHaveLength(1);
    expect((await mails("Rune Fornyes"))[0]?.text).toContain("/certificates/");
    expect(await mails("Lise Udløbet")).toHaveLength(1);
    expect(await mails("Vera Frivillig")).toHaveLength(0);
    expect(await t.db.selectFrom("child_certificates").select("id").where("id", "=", gone.id).executeTakeFirst()).toBeUndefined();
    c.advance(10 * DAY_MS);
    await run();
    expect(await mails("Rune Fornyes")).toHaveLength(1);
    expect(await mails("Lise Udløbet")).toHaveLength(1);
  });

  it("hands the volunteer their records by e-mail and erases them; a board member's name comes off the steps they recorded", async () => {
    const board = await t.db.selectFrom("users").select("id").where("email", "=", "board@a.test").executeTakeFirstOrThrow();
    const ring = { current: null } as never;
    const read = await personalData.read(t.db, ring, { tenantId: a.id, userId: null, email: "vera@example.test" });
    expect(JSON.stringify(read)).toContain("no_remarks");
    const theirs = await personalData.read(t.db, ring, { tenantId: a.id, userId: board.id, email: null });
    expect(JSON.stringify(theirs)).toContain("steps_you_recorded");
    expect(await personalData.read(t.db, ring, { tenantId: b.id, userId: null, email: "vera@example.test" })).toEqual({});
    await personalData.erase(t.db, { tenantId: a.id, userId: board.id, email: "vera@example.test" }, { clock, pseudonym: "x" });
    expect(await t.db.selectFrom("child_certificates").select("id").where("email", "=", "vera@example.test").execute()).toHaveLength(0);
    expect(await t.db.selectFrom("child_certificates").select("id").where("assessed_by", "=", board.id).execute()).toHaveLength(0);
  });
});
