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
  type TestDb,
  Visitor,
} from "../../../test/harness.js";

/** Under pre-moderation an edit of an approved offer or association page waits beside it; the approved version stays public. */
describe.each(dialects())("changes to approved pages wait for approval [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let sorg: { id: string; name: string };
  let category: string;
  let offerId: string;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    const b = await createTenant(t.db, { slug: "b", host: "b.test" });
    await t.db.insertInto("postcodes").values({ country: "DK", code: "8000", name: "Aarhus C", lat: 56.1567, lon: 10.2108 }).execute();
    sorg = await createAssociation(t.db, a, "Sorggruppen");
    const other = await createAssociation(t.db, a, "Gåklubben");
    await createPerson(t.db, a, { email: "admin@sorg.test", memberships: [{ associationId: sorg.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "admin@gaa.test", memberships: [{ associationId: other.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, b, { email: "staff@b.test", roles: ["staff"] });
    category = (await t.db.selectFrom("taxonomy_terms").select("id").where("tenant_id", "=", a.id).where("code", "=", "social").executeTakeFirstOrThrow()).id;
    env = createTestApp(t.db);
  });
  afterAll(() => t.destroy());

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };
  const offer = (change: Record<string, string | string[]> = {}) => ({
    associationId: sorg.id,
    kind: "help",
    title: "Sorggruppe for voksne",
    description: "Vi mødes i en lille gruppe og taler om at have mistet en ægtefælle. Alle er velkomne, og det er gratis.",
    categoryId: category,
    targetGroups: ["bereaved"],
    placeName: "Frivilligcentret",
    address: "Kirkegade 4",
    postcode: "8000",
    timeText: "Hver anden torsdag kl. 19-21",
    slots: ["thu-evening"],
    accessibility: ["step_free"],
    languages: ["da"],
    price: "free",
    priceText: "",
    contactEmail: "sorg@forening.test",
    contactPhone: "",
    linkUrl: "",
    ...change,
  });
  const search = async (q: string, kind: string) =>
    (
      (await (await new Visitor(env.app, "a.test").get(`/api/v1/search?q=${encodeURIComponent(q)}&kind=${kind}`)).json()) as { data: { id: string }[] }
    ).data.map((d) => d.id);
  const publicOffer = async () => (await new Visitor(env.app, "a.test").get(`/directory/offers/${offerId}`)).text();
  const audits = async (action: string) =>
    (await t.db.selectFrom("audit_log").select(["entity_id", "details"]).where("action", "=", action).execute()).map((r) => r.entity_id);
  const changed = { title: "Sorggruppe for enker og enkemænd", timeText: "Hver torsdag kl. 19-21", accessibility: ["step_free", "hearing_loop"] };

  it("keeps the approved offer public, in search and in open data while an edit waits, and shows the editor the waiting change", async () => {
    const admin = await as("admin@sorg.test");
    const created = await admin.post("/directory/offers/new", offer(), { from: `/directory/offers/new?association=${sorg.id}` });
    offerId = created.headers.get("location")?.match(/offers\/([^?]+)/)?.[1] ?? "";
    const staff = await as("staff@a.test");
    const approved = await staff.post(`/directory/offers/${offerId}/decision`, { decision: "approve", note: "" }, { from: "/directory/moderation" });
    expect(approved.headers.get("location")).toBe("/directory/moderation?notice=offerApproved");
    expect(await (await staff.get("/directory/moderation?notice=offerApproved")).text()).toContain(
      "Godkendt. Tilbuddet er offentligt, og foreningen har fået besked.",
    );
    expect((await latestMail(t.db, "sorg@forening.test"))?.subject).toBe("Godkendt: Sorggruppe for voksne");

    const edit = await admin.post(`/directory/offers/${offerId}/edit`, offer(changed), { from: `/directory/offers/${offerId}/edit` });
    expect(edit.status).toBe(303);
    expect(edit.headers.get("location")).toBe(`/directory/offers/${offerId}?notice=changePending`);
    expect(await (await admin.get(`/directory/offers/${offerId}?notice=changePending`)).text()).toContain(
      "Din ændring er sendt til godkendelse. Siden viser den godkendte udgave indtil da.",
    );

    const page = await publicOffer();
    expect(page).toContain("Sorggruppe for voksne");
    expect(page).not.toContain("enkemænd");
    expect(await search("sorggruppe", "offer")).toEqual([offerId]);
    expect(await search("enkemænd", "offer")).toEqual([]);
    const hsds = (await (await new Visitor(env.app, "a.test").get(`/api/v1/hsds/services/${offerId}`)).json()) as { name: string };
    expect(hsds.name).toBe("Sorggruppe for voksne");

    const form = await (await admin.get(`/directory/offers/${offerId}/edit`)).text();
    expect(form).toContain("Din ændring venter på godkendelse. Siden viser den godkendte udgave indtil da.");
    expect(form).toContain('value="Sorggruppe for enker og enkemænd"');
    expect(form).toContain("Træk ændringen tilbage");
    expect(await audits("offer.change_submitted")).toEqual([offerId]);
  });

  it("shows staff the difference field by field, in words, and lets no other association or tenant see or decide it", async () => {
    const queue = await (await (await as("staff@a.test")).get("/directory/moderation")).text();
    expect(queue).toContain("Ændring af en offentlig side");
    expect(queue).toContain("Ændrede felter: 3");
    expect(queue).toMatch(/<del>Sorggruppe for voksne<\/del>/);
    expect(queue).toMatch(/<ins>Sorggruppe for enker og enkemænd<\/ins>/);
    expect(queue).toContain("<ins>Uden trin, Teleslynge</ins>");
    expect(queue).toContain("Uændrede felter (15)");
    expect(queue).toContain("Sorggruppen · sorg@forening.test");

    const other = await as("admin@gaa.test");
    expect((await other.get("/directory/moderation")).status).toBe(403);
    expect((await other.get(`/directory/offers/${offerId}/edit`)).status).toBe(403);
    expect((await other.post(`/directory/offers/${offerId}/decision`, { decision: "approve", note: "" }, { from: "/" })).status).toBe(403);
    expect((await other.post(`/directory/offers/${offerId}/withdraw-change`, {}, { from: "/" })).status).toBe(403);
    const foreign = await as("staff@b.test", "b.test");
    expect((await foreign.post(`/directory/offers/${offerId}/decision`, { decision: "approve", note: "" }, { from: "/" })).status).toBe(404);
    expect(await publicOffer()).not.toContain("enkemænd");
  });

  it("keeps the approved offer when staff reject the change, and tells the editor why by e-mail", async () => {
    const staff = await as("staff@a.test");
    expect((await staff.post(`/directory/offers/${offerId}/decision`, { decision: "reject", note: "" }, { from: "/directory/moderation" })).status).toBe(422);
    const res = await staff.post(
      `/directory/offers/${offerId}/decision`,
      { decision: "reject", note: "Gruppen er også for samlevere; skriv det i titlen." },
      { from: "/directory/moderation" },
    );
    expect(res.headers.get("location")).toBe("/directory/moderation?notice=changeRejected");
    expect(await publicOffer()).toContain("Sorggruppe for voksne");
    const mail = await latestMail(t.db, "sorg@forening.test");
    expect(mail?.subject).toBe("Din ændring blev ikke godkendt: Sorggruppe for voksne");
    expect(mail?.text).toContain("Gruppen er også for samlevere; skriv det i titlen.");
    expect(await audits("offer.change_rejected")).toEqual([offerId]);
    expect(await (await staff.get("/directory/moderation")).text()).not.toContain("enkemænd");
  });

  it("lets the editor withdraw a change, and puts an approved change in place of the old text, in search too", async () => {
    const admin = await as("admin@sorg.test");
    await admin.post(`/directory/offers/${offerId}/edit`, offer({ title: "Sorggruppe for efterladte" }), { from: "/" });
    const withdrawn = await admin.post(`/directory/offers/${offerId}/withdraw-change`, {}, { from: `/directory/offers/${offerId}/edit` });
    expect(withdrawn.headers.get("location")).toBe(`/directory/offers/${offerId}?notice=changeWithdrawn`);
    expect(await (await admin.get(`/directory/offers/${offerId}/edit`)).text()).toContain('value="Sorggruppe for voksne"');
    expect(await audits("offer.change_withdrawn")).toEqual([offerId]);

    await admin.post(`/directory/offers/${offerId}/edit`, offer(changed), { from: "/" });
    const staff = await as("staff@a.test");
    const res = await staff.post(`/directory/offers/${offerId}/decision`, { decision: "approve", note: "" }, { from: "/directory/moderation" });
    expect(res.headers.get("location")).toBe("/directory/moderation?notice=changeApproved");
    expect(await publicOffer()).toContain("Sorggruppe for enker og enkemænd");
    expect(await search("enkemænd", "offer")).toEqual([offerId]);
    expect((await latestMail(t.db, "sorg@forening.test"))?.subject).toBe("Din ændring er godkendt: Sorggruppe for enker og enkemænd");
    expect(await audits("offer.change_approved")).toEqual([offerId]);
  });

  it("does the same for an association's own page: the public text stays until staff approve", async () => {
    await t.db.updateTable("associations").set({ description: "Vi hjælper efterladte gennem sorgen." }).where("id", "=", sorg.id).execute();
    const admin = await as("admin@sorg.test");
    const res = await admin.post(
      `/directory/associations/${sorg.id}/profile`,
      { description: "Vi hjælper efterladte og pårørende gennem sorgen.", website: "https://sorg.example" },
      { from: `/directory/associations/${sorg.id}/profile` },
    );
    expect(res.headers.get("location")).toBe(`/directory/associations/${sorg.id}?notice=changePending`);
    const visitor = new Visitor(env.app, "a.test");
    expect(await (await visitor.get(`/directory/associations/${sorg.id}`)).text()).not.toContain("pårørende");
    expect(await search("pårørende", "association")).toEqual([]);
    const form = await (await admin.get(`/directory/associations/${sorg.id}/profile`)).text();
    expect(form).toContain("Din ændring venter på godkendelse");
    expect(form).toContain("Vi hjælper efterladte og pårørende gennem sorgen.");

    const other = await as("admin@gaa.test");
    expect((await other.get(`/directory/associations/${sorg.id}/profile`)).status).toBe(403);
    expect((await other.post(`/directory/associations/${sorg.id}/profile/decision`, { decision: "approve", note: "" }, { from: "/" })).status).toBe(403);
    expect((await other.post(`/directory/associations/${sorg.id}/profile/withdraw`, {}, { from: "/" })).status).toBe(403);

    const staff = await as("staff@a.test");
    const queue = await (await staff.get("/directory/moderation")).text();
    expect(queue).toContain("Foreningssider");
    expect(queue).toMatch(/<ins>https:\/\/sorg.example<\/ins>/);
    const email = (await t.db.selectFrom("associations").select("email").where("id", "=", sorg.id).executeTakeFirstOrThrow()).email;
    await staff.post(`/directory/associations/${sorg.id}/profile/decision`, { decision: "reject", note: "Hjemmesiden virker ikke." }, { from: "/" });
    expect((await latestMail(t.db, email))?.text).toContain("Hjemmesiden virker ikke.");
    expect(await (await visitor.get(`/directory/associations/${sorg.id}`)).text()).toContain("Vi hjælper efterladte gennem sorgen.");
    expect(await audits("association.profile_change_rejected")).toEqual([sorg.id]);

    await admin.post(
      `/directory/associations/${sorg.id}/profile`,
      { description: "Vi hjælper efterladte og pårørende gennem sorgen.", website: "" },
      { from: "/" },
    );
    await staff.post(`/directory/associations/${sorg.id}/profile/decision`, { decision: "approve", note: "" }, { from: "/" });
    expect(await (await visitor.get(`/directory/associations/${sorg.id}`)).text()).toContain("pårørende");
    expect(await search("pårørende", "association")).toEqual([sorg.id]);
    expect(await audits("association.profile_change_approved")).toEqual([sorg.id]);
  });
});
