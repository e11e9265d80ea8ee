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
} from "../../../test/harness.js";

/**
 * An event only for the members of one member group: staff choose the group in the event's form; only a
 * person on the board of, or a member of, an association that is a current member of the group registers;
 * everyone else is told why and whom to ask; the public calendar tells the title and who it is for, no more.
 */
describe.each(dialects())("events only for a member group's members [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  let staff: Visitor;
  let culture = "";
  let social = "";
  let eventId = "";
  const clock = new TestClock(new Date("2026-11-22T10:00:00.000Z"));
  const DESCRIPTION = "En aften kun for medlemsforeningerne: vi ser på næste års samarbejde og fordeler opgaverne.";

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };
  const form = (change: Record<string, string | string[]> = {}) => ({
    organiser: "centre",
    kind: "theme_meeting",
    title: "Medlemsaften i Kultur og idræt",
    description: DESCRIPTION,
    categoryId: "",
    targetGroups: [],
    languages: ["da"],
    accessibility: [],
    place: "address",
    premiseId: "",
    placeName: "Hemmelighuset",
    address: "Lukketvej 7",
    postcode: "8000",
    onlineUrl: "",
    price: "free",
    amount: "",
    capacity: "30",
    maxPerRegistration: "2",
    opensDate: "",
    opensTime: "",
    closesDate: "",
    closesTime: "",
    contactEmail: "arrangementer@centret.test",
    sessionId: ["", "", "", "", "", ""],
    sessionDate: ["2026-12-03", "", "", "", "", ""],
    sessionStart: ["19:00", "", "", "", "", ""],
    sessionEnd: ["21:00", "", "", "", "", ""],
    questionId: ["", "", "", "", ""],
    questionLabel: ["", "", "", "", ""],
    memberGroupId: culture,
    ...change,
  });
  const registrations = async () =>
    (await t.db.selectFrom("event_registrations").select("email").where("event_id", "=", eventId).orderBy("email").execute()).map((r) => r.email);
  const register = (v: Visitor, email: string) =>
    v.post(`/events/${eventId}/register`, { name: email.split("@")[0] as string, email, phone: "" }, { from: `/events/${eventId}` });

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    const club = await createAssociation(t.db, a, "Grønby Seniorklub");
    const outsider = await createAssociation(t.db, a, "Strikkecaféen");
    const socialClub = await createAssociation(t.db, a, "Naboskabet");
    const gone = await createAssociation(t.db, a, "Gåklubben");
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "board@club.test", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "member@club.test", memberships: [{ associationId: club.id, role: "member" }] });
    await createPerson(t.db, a, { email: "board@outsider.test", memberships: [{ associationId: outsider.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "board@social.test", memberships: [{ associationId: socialClub.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "board@gone.test", memberships: [{ associationId: gone.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "citizen@a.test" });
    await createPerson(t.db, b, { email: "staff@b.test", roles: ["staff"] });
    env = createTestApp(t.db, { clock });
    staff = await as("staff@a.test");
    for (const name of ["Kultur og idræt", "Sociale foreninger"])
      expect((await staff.post("/members/groups", { name }, { from: "/members/groups" })).status).toBe(303);
    const groups = await t.db.selectFrom("member_groups").select(["id", "name"]).where("tenant_id", "=", a.id).execute();
    culture = groups.find((g) => g.name === "Kultur og idræt")?.id as string;
    social = groups.find((g) => g.name === "Sociale foreninger")?.id as string;
    const join = async (associationId: string, group: string, leftOn = "") => {
      const res = await staff.post("/members", { associationId, membershipType: "full", joinedOn: "2026-01-01", groups: group }, { from: "/members/new" });
      expect(res.status).toBe(303);
      if (leftOn) {
        const id = (res.headers.get("location") ?? "").replace(/^\/members\//, "").replace(/\?.*$/, "");
        const left = await staff.post(`/members/${id}`, { membershipType: "full", joinedOn: "2026-01-01", leftOn, groups: group }, { from: `/members/${id}` });
        expect(left.status).toBe(303);
      }
    };
    await join(club.id, culture);
    await join(socialClub.id, social);
    // Gåklubben was in the group and left.
    await join(gone.id, culture, "2026-06-30");
  });
  afterAll(() => t.destroy());

  it("lets staff choose the group in the event's form, and refuses a group the tenant does not have", async () => {
    const page = await (await staff.get("/events/new")).text();
    expect(page).toContain("Åbent for alle");
    expect(page).toContain("Kun for medlemmer i gruppen Kultur og idræt");

    const otherStaff = await as("staff@b.test", "b.test");
    expect((await otherStaff.post("/members/groups", { name: "Fremmed gruppe" }, { from: "/members/groups" })).status).toBe(303);
    const foreign = (await t.db.selectFrom("member_groups").select("id").where("tenant_id", "=", b.id).executeTakeFirstOrThrow()).id;
    for (const bad of [foreign, "no-such-group"]) {
      const res = await staff.post("/events/new", form({ memberGroupId: bad }), { from: "/events/new" });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain("Vælg en medlemsgruppe fra listen.");
    }
    expect(await t.db.selectFrom("events").select("id").execute()).toHaveLength(0);

    const made = await staff.post("/events/new", form(), { from: "/events/new" });
    expect(made.status).toBe(303);
    const row = await t.db.selectFrom("events").select(["id", "member_group_id"]).executeTakeFirstOrThrow();
    expect(row.member_group_id).toBe(culture);
    eventId = row.id;
    // The edit form shows the choice as stored.
    expect(await (await staff.get(`/events/${eventId}/edit`)).text()).toMatch(new RegExp(`<option value="${culture}" selected`));
  });

  it("keeps the choice from an association's board", async () => {
    const board = await as("board@club.test");
    const club = (await t.db.selectFrom("associations").select("id").where("name", "=", "Grønby Seniorklub").executeTakeFirstOrThrow()).id;
    expect(await (await board.get("/events/new")).text()).not.toContain("Åbent for alle");
    const res = await board.post("/events/new", form({ organiser: club, memberGroupId: social }), { from: "/events/new" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Kun centrets medarbejdere kan bestemme");
  });

  it("says on the event's page who it is for, and tells others why they cannot register and whom to ask", async () => {
    const anonymous = new Visitor(env.app, "a.test");
    const html = await (await anonymous.get(`/events/${eventId}`)).text();
    expect(html).toContain("Kun for medlemmer af gruppen Kultur og idræt");
    expect(html).toContain("Kun foreninger, der er medlem af Kultur og idræt, kan tilmelde sig.");
    expect(html).toContain("kontakt@a.test");
    expect(html).not.toContain(`action="/events/${eventId}/register"`);

    const boardPage = await (await as("board@club.test")).get(`/events/${eventId}`);
    const boardHtml = await boardPage.text();
    expect(boardHtml).toContain("Kun for medlemmer af gruppen Kultur og idræt");
    expect(boardHtml).toContain(`action="/events/${eventId}/register"`);
  });

  it("names the group in the staff's list of events instead of calling the event public", async () => {
    const list = await (await staff.get("/events/manage")).text();
    expect(list).toContain("Medlemsaften i Kultur og idræt");
    expect(list).toContain("Kun for medlemmer af gruppen Kultur og idræt");
    expect(list).not.toContain("Offentlig");
  });

  it("lets the board and a member of a member association register, and refuses everyone else with the reason", async () => {
    for (const email of ["board@outsider.test", "board@social.test", "board@gone.test", "citizen@a.test"]) {
      const res = await register(await as(email), email);
      expect([email, res.status]).toEqual([email, 422]);
      const text = await res.text();
      expect(text).toContain("Kun foreninger, der er medlem af Kultur og idræt, kan tilmelde sig.");
      expect(text).toContain("Skriv til centret");
    }
    const anonymous = await register(new Visitor(env.app, "a.test"), "someone@example.test");
    expect(anonymous.status).toBe(422);
    expect(await anonymous.text()).toContain("log ind");
    expect(await registrations()).toEqual([]);

    expect((await register(await as("board@club.test"), "board@club.test")).status).toBe(303);
    expect((await register(await as("member@club.test"), "member@club.test")).status).toBe(303);
    expect(await registrations()).toEqual(["board@club.test", "member@club.test"]);
  });

  it("lets staff still add anyone by hand", async () => {
    const res = await staff.post(
      `/events/${eventId}/participants`,
      { name: "Borger Hansen", email: "borger@example.test", phone: "" },
      { from: `/events/${eventId}/participants` },
    );
    expect(res.status).toBe(303);
    expect(await registrations()).toContain("borger@example.test");
  });

  it("tells the public calendar only the title and who it is for, and leaves it out of the API and the feed", async () => {
    const anonymous = new Visitor(env.app, "a.test");
    const calendar = await (await anonymous.get("/events")).text();
    expect(calendar).toContain("Medlemsaften i Kultur og idræt");
    expect(calendar).toContain("Kun for medlemmer af gruppen Kultur og idræt");
    expect(calendar).not.toContain("Lukketvej 7");
    expect(calendar).not.toContain("Hemmelighuset");
    expect(calendar).not.toContain(DESCRIPTION.slice(0, 30));

    const api = await (await anonymous.get("/api/v1/events")).text();
    expect(api).not.toContain("Medlemsaften");
    expect((await anonymous.get(`/api/v1/events/${eventId}`)).status).toBe(404);
    const feed = await (await anonymous.get("/events/calendar.ics")).text();
    expect(feed).not.toContain("Medlemsaften");
    expect(feed).not.toContain("Lukketvej");
  });

  it("opens the event to everyone again when staff choose so", async () => {
    const res = await staff.post(`/events/${eventId}/edit`, form({ memberGroupId: "", sessionId: [] }), { from: `/events/${eventId}/edit` });
    expect([res.status, res.headers.get("location")]).toEqual([303, "/events/manage?notice=eventChanged"]);
    expect((await t.db.selectFrom("events").select("member_group_id").where("id", "=", eventId).executeTakeFirstOrThrow()).member_group_id).toBeNull();
    expect((await register(await as("citizen@a.test"), "citizen@a.test")).status).toBe(303);
    const logged = await t.db.selectFrom("audit_log").select("details").where("action", "=", "event.changed").executeTakeFirstOrThrow();
    expect(String(logged.details)).toContain("memberGroupId");
  });
});
