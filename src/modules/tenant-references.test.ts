import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  Visitor,
} from "../../test/harness.js";
import { newId } from "../platform/ids.js";

/**
 * Every id a request names is looked up in the request's own tenant. Another tenant's association
 * (its id is public in the open data) or an id nobody has is a 404 in a path and a 422 on the field
 * in a form; nothing is written, and the other tenant's name never shows.
 */
describe.each(dialects())("ids a request names belong to its tenant [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  let ours: { id: string; name: string };
  let theirs: { id: string; name: string };
  let room: string;
  let foreignRoom: string;
  let round: string;
  let wishId: string;
  let foreignBooking: string;
  let category: string;
  const clock = new TestClock();
  const FOREIGN_NAME = "Fremmede Forening i B";

  async function premise(tenant: TenantFixture, name: string) {
    const id = newId();
    const now = clock.now().toISOString();
    await t.db
      .insertInto("premises")
      .values({
        id,
        tenant_id: tenant.id,
        parent_id: null,
        kind: "room",
        name,
        address: null,
        postcode: null,
        capacity: 40,
        size_m2: null,
        approval: "auto",
        who_may_book: "associations",
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (let weekday = 1; weekday <= 7; weekday++) {
      await t.db
        .insertInto("premise_hours")
        .values({ id: newId(), tenant_id: tenant.id, premise_id: id, weekday, opens: "08:00", closes: "22:00", valid_from: null, valid_to: null })
        .execute();
    }
    return id;
  }

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    ours = await createAssociation(t.db, a, "Vores Forening");
    theirs = await createAssociation(t.db, b, FOREIGN_NAME);
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "sagsbehandler@a.test", roles: ["caseworker"] });
    await createPerson(t.db, a, { email: "admin@a.test", roles: ["tenant_admin"] });
    const bPerson = await createPerson(t.db, b, { email: "booker@b.test", memberships: [{ associationId: theirs.id, role: "admin" }] });
    room = await premise(a, "Mødelokalet");
    foreignRoom = await premise(b, "Anden kommunes lokale");
    category = (await t.db.selectFrom("taxonomy_terms").select("id").where("tenant_id", "=", a.id).where("code", "=", "social").executeTakeFirstOrThrow()).id;
    round = newId();
    await t.db
      .insertInto("allocation_rounds")
      .values({
        id: round,
        tenant_id: a.id,
        name: "Sæson",
        season_from: "2027-08-01",
        season_to: "2027-12-20",
        status: "open",
        created_at: clock.now().toISOString(),
        published_at: null,
      })
      .execute();
    foreignBooking = newId();
    const now = clock.now().toISOString();
    await t.db
      .insertInto("bookings")
      .values({
        id: foreignBooking,
        tenant_id: b.id,
        premise_id: foreignRoom,
        association_id: theirs.id,
        user_id: bPerson.id,
        purpose: "Deres møde",
        participants: 5,
        status: "pending",
        zone: "Europe/Copenhagen",
        start_date: "2026-12-01",
        start_time: "18:00",
        end_time: "20:00",
        every_weeks: null,
        until_date: null,
        decision_note: null,
        decided_by: null,
        decided_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    env = createTestApp(t.db, { clock });
    const caseworker = await as("sagsbehandler@a.test");
    const applied = await caseworker.post(`/premises/rounds/${round}/apply`, wish(ours.id), { from: `/premises/rounds/${round}` });
    expect(applied.status).toBe(303);
    wishId = (await t.db.selectFrom("allocation_applications").select("id").executeTakeFirstOrThrow()).id;
    expect((await caseworker.post(`/premises/rounds/${round}/propose`, {}, { from: "/" })).status).toBe(303);
  });
  afterAll(() => t.destroy());

  async function as(email: string) {
    const v = new Visitor(env.app, a.host);
    await v.signIn(email);
    return v;
  }

  const posting = (associationId: string) => ({
    associationId,
    title: "Besøgsven for ældre",
    categoryId: category,
    tasks: "Du besøger en ældre borger en time om ugen og drikker kaffe.",
    benefits: "",
    commitment: "weekly",
    hoursPerWeek: "1",
    oneOffDate: "",
    place: "",
    postcode: "8000",
    startDate: "",
    minAge: "",
    languages: ["da"],
    suits: ["seniors"],
    contactName: "Kontakt",
    contactEmail: "kontakt@a.test",
    expiresOn: "2027-06-30",
    intent: "draft",
  });
  const offer = (associationId: string) => ({
    associationId,
    kind: "activity",
    title: "Strikkecafé",
    description: "Vi strikker sammen hver onsdag og drikker kaffe. Alle er velkomne.",
    categoryId: category,
    placeName: "",
    address: "",
    postcode: "8000",
    timeText: "Onsdag kl. 14-16",
    price: "free",
    priceText: "",
    contactEmail: "kontakt@a.test",
    contactPhone: "",
    linkUrl: "",
  });
  const booking = (associationId: string) => ({
    associationId,
    purpose: "Bestyrelsesmøde",
    participants: "8",
    date: "2026-12-02",
    start: "18:00",
    end: "20:00",
    repeat: "none",
    until: "",
  });
  function wish(associationId: string, change: Record<string, string> = {}) {
    return {
      associationId,
      purpose: "Træning",
      participants: "20",
      priority: "1",
      minutes: "120",
      firstPremiseId: room,
      firstWeekday: "2",
      firstStart: "18:00",
      secondPremiseId: "",
      secondWeekday: "",
      secondStart: "",
      windowFrom: "",
      windowTo: "",
      ...change,
    };
  }

  const rows = async () => ({
    opportunities: (await t.db.selectFrom("opportunities").select("id").execute()).length,
    offers: (await t.db.selectFrom("offers").select("id").execute()).length,
    bookings: (await t.db.selectFrom("bookings").select("id").execute()).length,
    wishes: (await t.db.selectFrom("allocation_applications").select("id").execute()).length,
    calendars: (await t.db.selectFrom("calendar_tokens").select("token_hash").execute()).length,
    files: (await t.db.selectFrom("files").select("id").execute()).length,
    search: (await t.db.selectFrom("search_documents").select("ref_id").execute()).length,
    placed: await t.db.selectFrom("allocation_applications").select(["placed_premise_id", "placed_start"]).execute(),
    decided: await t.db.selectFrom("bookings").select(["id", "status"]).orderBy("id").execute(),
  });

  for (const [label, id] of [
    ["another tenant's", () => theirs.id],
    ["an unknown", () => newId()],
  ] as const) {
    it(`answers ${label} association id in a form with 422 on the field, and writes nothing`, async () => {
      const staff = await as("staff@a.test");
      const caseworker = await as("sagsbehandler@a.test");
      const admin = await as("admin@a.test");
      const before = await rows();
      const attempts: [string, Visitor, string, Record<string, string | string[]>][] = [
        ["job", staff, "/opportunities/new", posting(id())],
        ["job by the admin", admin, "/opportunities/new", posting(id())],
        ["offer", staff, "/directory/offers/new", offer(id())],
        ["booking", caseworker, `/premises/${room}/book`, booking(id())],
        ["booking by the admin", admin, `/premises/${room}/book`, booking(id())],
        ["round application", caseworker, `/premises/rounds/${round}/apply`, wish(id())],
        ["calendar address", caseworker, "/premises/calendars", { associationId: id() }],
      ];
      for (const [what, who, path, fields] of attempts) {
        const res = await who.post(path, fields, { from: "/" });
        expect(res.status, what).toBe(422);
        const page = await res.text();
        expect(page, what).toContain("Vi kan ikke finde det, du har valgt");
        expect(page, what).not.toContain(FOREIGN_NAME);
      }
      expect(await rows()).toEqual(before);
    });

    it(`answers ${label} association id in a path or query string with 404`, async () => {
      const staff = await as("staff@a.test");
      const before = await rows();
      for (const path of [
        `/opportunities/new?association=${id()}`,
        `/opportunities/association/${id()}`,
        `/directory/offers/new?association=${id()}`,
        `/directory/association/${id()}`,
        `/directory/associations/${id()}/profile`,
      ]) {
        expect((await staff.get(path)).status, path).toBe(404);
      }
      expect((await staff.post(`/directory/associations/${id()}/confirm`, {}, { from: "/" })).status).toBe(404);
      const png = new Uint8Array(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"));
      const logo = await staff.upload(
        `/directory/associations/${id()}/profile`,
        { description: "Overtaget", website: "" },
        { name: "logo.png", content: png, type: "image/png", field: "logo" },
      );
      expect(logo.status).toBe(404);
      expect(await rows()).toEqual(before);
    });
  }

  it("refuses another tenant's or an unknown room when staff move a seasonal application, and changes nothing", async () => {
    const caseworker = await as("sagsbehandler@a.test");
    const before = await rows();
    for (const premiseId of [foreignRoom, newId()]) {
      const res = await caseworker.post(`/premises/rounds/${round}/applications/${wishId}`, { premiseId, weekday: "3", start: "10:00" }, { from: "/" });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain("Vi kan ikke finde det, du har valgt");
    }
    expect(await rows()).toEqual(before);
  });

  it("answers an application of another round with 404", async () => {
    const caseworker = await as("sagsbehandler@a.test");
    const before = await rows();
    const other = newId();
    await t.db
      .insertInto("allocation_rounds")
      .values({
        id: other,
        tenant_id: a.id,
        name: "Anden",
        season_from: "2028-08-01",
        season_to: "2028-12-20",
        status: "allocating",
        created_at: clock.now().toISOString(),
        published_at: null,
      })
      .execute();
    const res = await caseworker.post(`/premises/rounds/${other}/applications/${wishId}`, { premiseId: room, weekday: "3", start: "10:00" }, { from: "/" });
    expect(res.status).toBe(404);
    expect((await caseworker.post(`/premises/rounds/${other}/applications/${wishId}/respond`, { response: "released" }, { from: "/" })).status).toBe(404);
    await t.db.deleteFrom("allocation_rounds").where("id", "=", other).execute();
    expect(await rows()).toEqual(before);
  });

  it("refuses a decision on another tenant's or an unknown booking with 422, and decides nothing", async () => {
    const caseworker = await as("sagsbehandler@a.test");
    const before = await rows();
    for (const ids of [[foreignBooking], [newId()]]) {
      const res = await caseworker.post("/premises/requests", { ids, decision: "approve", note: "" }, { from: "/premises/requests" });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain("Vi kan ikke finde det, du har valgt");
    }
    expect(await rows()).toEqual(before);
  });

  it("never shows another tenant's association on public pages, the availability API or calendars", async () => {
    const caseworker = await as("sagsbehandler@a.test");
    await caseworker.post(`/premises/${room}/book`, booking(theirs.id), { from: "/" });
    const made = await (await caseworker.post("/premises/calendars", { associationId: theirs.id }, { from: "/" })).text();
    const feed = made.match(/https?:\/\/[^<\s]+\/premises\/calendars\/[^<\s]+\.ics/)?.[0];
    const anyone = new Visitor(env.app, a.host);
    const pages = [
      "/opportunities",
      `/premises/${room}?week=2026-11-30`,
      `/api/v1/premises/${room}/availability?from=2026-11-30&days=7`,
      `/premises/${room}/calendar.ics`,
      ...(feed ? [new URL(feed).pathname] : []),
    ];
    for (const path of pages) {
      const res = await anyone.get(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).not.toContain(FOREIGN_NAME);
    }
  });
});
