import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { checkStalePages } from "./stale-pages.js";

const DAY = 24 * 3600_000;

describe.each(dialects())("the directory of offers [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let sorg: { id: string; name: string };
  let category: string;
  const clock = new TestClock();

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    await createTenant(t.db, { slug: "b", host: "b.test" });
    await t.db.insertInto("postcodes").values({ country: "DK", code: "8000", name: "Aarhus C", lat: 56.1567, lon: 10.2108 }).execute();
    sorg = await createAssociation(t.db, a, "Sorggruppen");
    const other = await createAssociation(t.db, a, "Gåklubben");
    await createPerson(t.db, a, { email: "admin@sorg.test", memberships: [{ associationId: sorg.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "admin@gaa.test", memberships: [{ associationId: other.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "borger@a.test" });
    await createPublishedJob(t.db, a, sorg, { title: "Samtaleleder i sorggruppe" });
    category = (await t.db.selectFrom("taxonomy_terms").select("id").where("tenant_id", "=", a.id).where("code", "=", "social").executeTakeFirstOrThrow()).id;
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  const offer = (change: Record<string, string | string[]> = {}) => ({
    associationId: sorg.id,
    kind: "help",
    title: "Sorggruppe for voksne",
    description: "Vi mødes i en lille gruppe og taler om at have mistet en ægtefælle. <b>Alle</b> er velkomne, og det er gratis.",
    categoryId: category,
    targetGroups: ["bereaved", "seniors"],
    placeName: "Frivilligcentret",
    address: "Kirkegade 4",
    postcode: "8000",
    timeText: "Hver anden torsdag kl. 19-21",
    slots: ["thu-evening"],
    accessibility: ["step_free", "hearing_loop"],
    languages: ["da"],
    price: "free",
    priceText: "",
    contactEmail: "sorg@forening.test",
    contactPhone: "",
    linkUrl: "",
    ...change,
  });
  const search = async (query: string) =>
    (await (await new Visitor(env.app, "a.test").get(`/api/v1/search?${query}`)).json()) as {
      data: { id: string; kind: string }[];
      facets: Record<string, { value: string; count: number }[]>;
    };
  const count = async () => (await t.db.selectFrom("offers").select("id").execute()).length;
  /** Under pre-moderation a change to an association's page waits; staff approve it. */
  const approveProfile = async () => {
    const staff = new Visitor(env.app, "a.test");
    await staff.signIn("staff@a.test");
    const res = await staff.post(`/directory/associations/${sorg.id}/profile/decision`, { decision: "approve", note: "" }, { from: "/directory/moderation" });
    expect(res.status).toBe(303);
  };

  it("refuses an offer without a place, with an unknown target group or a bad link, and writes nothing", async () => {
    const admin = new Visitor(env.app, "a.test");
    await admin.signIn("admin@sorg.test");
    const changes: Record<string, string | string[]>[] = [
      { postcode: "" },
      { targetGroups: ["martians"] },
      { linkUrl: "javascript:alert(1)" },
      { description: "Kort" },
    ];
    for (const change of changes) {
      const res = await admin.post("/directory/offers/new", offer(change), { from: `/directory/offers/new?association=${sorg.id}` });
      expect(res.status, JSON.stringify(change)).toBe(422);
    }
    expect(await count()).toBe(0);
  });

  it("takes an offer from the association, finds it once staff approve it, and shows HTML as text", async () => {
    const admin = new Visitor(env.app, "a.test");
    await admin.signIn("admin@sorg.test");
    const res = await admin.post("/directory/offers/new", offer(), { from: `/directory/offers/new?association=${sorg.id}` });
    expect(res.status).toBe(303);
    const id = res.headers.get("location")?.match(/offers\/([^?]+)/)?.[1] ?? "";
    expect((await search("q=sorggruppe&kind=offer")).data).toEqual([]);
    expect((await new Visitor(env.app, "a.test").get(`/directory/offers/${id}`)).status).toBe(404);

    const citizen = new Visitor(env.app, "a.test");
    await citizen.signIn("borger@a.test");
    expect((await citizen.get("/directory/moderation")).status).toBe(403);
    const staff = new Visitor(env.app, "a.test");
    await staff.signIn("staff@a.test");
    expect(await (await staff.get("/directory/moderation")).text()).toContain("Sorggruppe for voksne");
    expect((await staff.post(`/directory/offers/${id}/decision`, { decision: "approve", note: "" }, { from: "/directory/moderation" })).status).toBe(303);

    const found = await search("q=sorggrupe&kind=offer&near=8000");
    expect(found.data.map((d) => d.id)).toEqual([id]);
    const facet = (name: string, value: string) => found.facets[name]?.find((f) => f.value === value)?.count;
    expect(facet("price", "free")).toBe(1);
    expect(facet("target_group", "bereaved")).toBe(1);
    expect(facet("accessibility", "hearing_loop")).toBe(1);

    const page = await (await new Visitor(env.app, "a.test").get(`/directory/offers/${id}`)).text();
    expect(page).toContain("&lt;b&gt;Alle&lt;/b&gt;");
    expect(page).toContain('"@type":"Service"');
    expect(page).toContain("Hver anden torsdag kl. 19-21");

    const otherAdmin = new Visitor(env.app, "a.test");
    await otherAdmin.signIn("admin@gaa.test");
    expect((await otherAdmin.get(`/directory/offers/${id}/edit`)).status).toBe(403);
    expect((await otherAdmin.post(`/directory/offers/${id}/edit`, offer({ title: "Overtaget" }), { from: "/" })).status).toBe(403);
    expect((await new Visitor(env.app, "b.test").get(`/directory/offers/${id}`)).status).toBe(404);
  });

  it("makes the association findable by its description, with its offers and jobs on its public page", async () => {
    const admin = new Visitor(env.app, "a.test");
    await admin.signIn("admin@sorg.test");
    expect(
      (await admin.post(`/directory/associations/${sorg.id}/profile`, { description: "Vi hjælper efterladte.", website: "ftp://x" }, { from: "/" })).status,
    ).toBe(422);
    expect(
      (
        await admin.post(
          `/directory/associations/${sorg.id}/profile`,
          { description: "Vi hjælper efterladte gennem sorgen.", website: "https://sorg.example" },
          { from: "/" },
        )
      ).status,
    ).toBe(303);
    await approveProfile();
    expect((await search("q=efterladte&kind=association")).data.map((d) => d.id)).toEqual([sorg.id]);
    const page = await (await new Visitor(env.app, "a.test").get(`/directory/associations/${sorg.id}`)).text();
    expect(page).toContain("Sorggruppe for voksne");
    expect(page).toContain("Samtaleleder i sorggruppe");
    const otherAdmin = new Visitor(env.app, "a.test");
    await otherAdmin.signIn("admin@gaa.test");
    expect((await otherAdmin.post(`/directory/associations/${sorg.id}/profile`, { description: "Hacked", website: "" }, { from: "/" })).status).toBe(403);
  });

  it("takes a logo that is a real picture of at most 200 KB, and tells what is wrong otherwise", async () => {
    const admin = new Visitor(env.app, "a.test");
    await admin.signIn("admin@sorg.test");
    const png = new Uint8Array(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"));
    const send = (content: Uint8Array<ArrayBuffer> | string, name = "logo.png", type = "image/png") =>
      admin.upload(
        `/directory/associations/${sorg.id}/profile`,
        { description: "Vi hjælper efterladte gennem sorgen.", website: "" },
        { name, content, type, field: "logo" },
        { from: `/directory/associations/${sorg.id}/profile` },
      );
    const big = new Uint8Array(220 * 1024);
    big.set(png);
    const tooBig = await send(big);
    expect(tooBig.status).toBe(413);
    expect(await tooBig.text()).toContain("Billedet fylder for meget");
    const fake = await send("<svg onload=alert(1)></svg>", "logo.png");
    expect(fake.status).toBe(415);
    expect(await fake.text()).toContain("Brug PNG, JPEG eller WebP");
    // The signature and the header of a PNG, with no picture after them.
    const headerOnly = new Uint8Array([...png.slice(0, 33), ...Buffer.from("0000000049454e44ae426082", "hex")]);
    const broken = await send(headerOnly);
    expect(broken.status).toBe(422);
    expect(await broken.text()).toContain("Billedet kan ikke læses");
    expect(await t.db.selectFrom("files").select("id").execute()).toEqual([]);

    expect((await send(png)).status).toBe(303);
    await approveProfile();
    const page = await (await new Visitor(env.app, "a.test").get(`/directory/associations/${sorg.id}`)).text();
    expect(page).toContain('alt="Logo for Sorggruppen"');
    const logo = await new Visitor(env.app, "a.test").get(`/directory/associations/${sorg.id}/logo`);
    expect(logo.headers.get("content-type")).toBe("image/png");
    expect(await sharp(Buffer.from(await logo.arrayBuffer())).metadata()).toMatchObject({ format: "png", width: 1, height: 1 });
    expect((await new Visitor(env.app, "b.test").get(`/directory/associations/${sorg.id}/logo`)).status).toBe(404);
  });

  it("serves a logo under its own strict policy, as a download if opened on its own", async () => {
    const logo = await new Visitor(env.app, "a.test").get(`/directory/associations/${sorg.id}/logo`);
    expect(logo.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(logo.headers.get("content-disposition")).toBe('attachment; filename="logo.png"');
    expect(logo.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("keeps one file for a logo replaced three times, and no trace of where a photo was taken", async () => {
    const admin = new Visitor(env.app, "a.test");
    await admin.signIn("admin@sorg.test");
    const withGps = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c33" } })
      .jpeg()
      .withExif({ IFD0: { Make: "Telefon" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "56/1 9/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "10/1 12/1 0/1" } })
      .toBuffer();
    expect((await sharp(withGps).metadata()).exif).toBeDefined();
    for (let i = 0; i < 3; i += 1) {
      const res = await admin.upload(
        `/directory/associations/${sorg.id}/profile`,
        { description: "Vi hjælper efterladte gennem sorgen.", website: "" },
        { name: "logo.jpg", content: new Uint8Array(withGps), type: "image/jpeg", field: "logo" },
        { from: `/directory/associations/${sorg.id}/profile` },
      );
      expect(res.status).toBe(303);
      await approveProfile();
    }
    expect(await t.db.selectFrom("files").select("id").where("tenant_id", "=", a.id).execute()).toHaveLength(1);
    const logo = await new Visitor(env.app, "a.test").get(`/directory/associations/${sorg.id}/logo`);
    const served = Buffer.from(await logo.arrayBuffer());
    const meta = await sharp(served).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 40, height: 30 });
    expect(meta.exif).toBeUndefined();
    expect(served.includes("Telefon")).toBe(false);
  });

  it("asks after a year whether the page is still right, hides it after the grace period, and shows it again once confirmed", async () => {
    const id = (await t.db.selectFrom("offers").select("id").executeTakeFirstOrThrow()).id;
    const run = () => checkStalePages({ db: t.db, clock, config: env.config, mailer: env.mailer });
    await t.db.deleteFrom("mail_outbox").execute(); // the approval's mail
    clock.advance(364 * DAY);
    await run();
    expect(await t.db.selectFrom("mail_outbox").select("subject").where("to_address", "=", "sorg@forening.test").execute()).toEqual([]);
    clock.advance(2 * DAY);
    await run();
    await run();
    const mails = await t.db.selectFrom("mail_outbox").select(["subject", "text"]).where("to_address", "=", "sorg@forening.test").execute();
    expect(mails.map((m) => m.subject)).toEqual(["Er det stadig rigtigt? Sorggruppe for voksne"]);
    expect(mails[0]?.text).toContain(`/directory/offers/${id}`);
    expect((await search("q=sorggruppe&kind=offer")).data).toHaveLength(1);

    clock.advance(31 * DAY);
    await run();
    expect((await search("q=sorggruppe&kind=offer")).data).toEqual([]);
    expect((await new Visitor(env.app, "a.test").get(`/directory/offers/${id}`)).status).toBe(404);

    const admin = new Visitor(env.app, "a.test");
    await admin.signIn("admin@sorg.test");
    expect(await (await admin.get(`/directory/offers/${id}`)).text()).toContain("Det er stadig rigtigt");
    expect((await admin.post(`/directory/offers/${id}/confirm`, {}, { from: `/directory/offers/${id}` })).status).toBe(303);
    expect((await search("q=sorggruppe&kind=offer")).data).toHaveLength(1);
  });

  it("asks the same of an association's own page, and hides it from the public and from open data until confirmed", async () => {
    const old = new Date(clock.now().getTime() - 400 * DAY).toISOString();
    await t.db
      .updateTable("associations")
      .set({ description: "Vi hjælper efterladte.", updated_at: old, stale_notified_at: null, hidden_at: null })
      .where("id", "=", sorg.id)
      .execute();
    const email = (await t.db.selectFrom("associations").select("email").where("id", "=", sorg.id).executeTakeFirstOrThrow()).email;
    await t.db.deleteFrom("mail_outbox").execute();
    const run = () => checkStalePages({ db: t.db, clock, config: env.config, mailer: env.mailer });
    await run();
    const mails = await t.db.selectFrom("mail_outbox").select(["subject", "text"]).where("to_address", "=", email).execute();
    expect(mails.map((m) => m.subject)).toEqual(["Er det stadig rigtigt? Sorggruppen"]);
    expect(mails[0]?.text).toContain(`/directory/associations/${sorg.id}`);
    const visitor = new Visitor(env.app, "a.test");
    expect((await visitor.get(`/directory/associations/${sorg.id}`)).status).toBe(200);

    clock.advance(31 * DAY);
    await run();
    expect((await visitor.get(`/directory/associations/${sorg.id}`)).status).toBe(404);
    expect((await visitor.get(`/api/v1/hsds/organizations/${sorg.id}`)).status).toBe(404);
    expect((await search("kind=association")).data.map((d) => d.id)).not.toContain(sorg.id);

    const other = new Visitor(env.app, "a.test");
    await other.signIn("admin@gaa.test");
    expect((await other.get(`/directory/associations/${sorg.id}`)).status).toBe(404);
    expect((await other.post(`/directory/associations/${sorg.id}/confirm`, {}, { from: "/" })).status).toBe(403);

    const admin = new Visitor(env.app, "a.test");
    await admin.signIn("admin@sorg.test");
    expect(await (await admin.get(`/directory/associations/${sorg.id}`)).text()).toContain("Det er stadig rigtigt");
    expect((await admin.post(`/directory/associations/${sorg.id}/confirm`, {}, { from: `/directory/associations/${sorg.id}` })).status).toBe(303);
    expect((await visitor.get(`/directory/associations/${sorg.id}`)).status).toBe(200);
    expect((await search("kind=association")).data.map((d) => d.id)).toContain(sorg.id);
  });

  it("lets an association say it gives a supported welcome, shows it on the offer, and filters search by it", async () => {
    const admin = new Visitor(env.app, "a.test");
    await admin.signIn("admin@sorg.test");
    const form = await (await admin.get(`/directory/offers/new?association=${sorg.id}`)).text();
    expect(form).toContain('value="supported_welcome"');
    expect(form).toContain("Tryg velkomst");
    const res = await admin.post("/directory/offers/new", offer({ title: "Strikkecafé med tryg velkomst", accessibility: ["supported_welcome"] }), {
      from: `/directory/offers/new?association=${sorg.id}`,
    });
    expect(res.status).toBe(303);
    const id = res.headers.get("location")?.match(/offers\/([^?]+)/)?.[1] ?? "";
    const staff = new Visitor(env.app, "a.test");
    await staff.signIn("staff@a.test");
    expect((await staff.post(`/directory/offers/${id}/decision`, { decision: "approve", note: "" }, { from: "/directory/moderation" })).status).toBe(303);

    const all = await search("kind=offer");
    expect(all.facets.accessibility?.find((f) => f.value === "supported_welcome")?.count).toBe(1);
    expect(all.data.length).toBeGreaterThan(1);
    const welcoming = await search("kind=offer&accessibility=supported_welcome");
    expect(welcoming.data.map((d) => d.id)).toEqual([id]);
    const page = await (await new Visitor(env.app, "a.test").get(`/directory/offers/${id}`)).text();
    expect(page).toContain("Tryg velkomst");
    const searchPage = await (await new Visitor(env.app, "a.test").get("/search?kind=offer")).text();
    expect(searchPage).toMatch(/value="supported_welcome"/);
  });
});
