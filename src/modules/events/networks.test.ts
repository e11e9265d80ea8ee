import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  latestMail,
  linkIn,
  PASSWORD,
  type TenantFixture,
  TestClock,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";

/**
 * Issue 13's done-means for networks: a meeting with a member from another centre. She gets the invitation,
 * makes her account from its link, adds an agenda point and reads the minutes; to anyone who is not a
 * member (a stranger, another tenant's staff, a removed member) all of it is a 404.
 */
describe.each(dialects())("a network's meetings, open only to its members [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  // Sunday 22 November 2026, 11:00 in Copenhagen.
  const clock = new TestClock(new Date("2026-11-22T10:00:00.000Z"));
  let networkId = "";
  let meetingId = "";
  let meetingPath = "";

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    await createPerson(t.db, a, { email: "staff@a.test", name: "Sofie Staff", roles: ["staff"] });
    await createPerson(t.db, a, { email: "citizen@a.test", name: "Carl Borger" });
    await createPerson(t.db, a, { email: "removed@a.test", name: "Rikke Fjernet" });
    await createPerson(t.db, b, { email: "staff@b.test", roles: ["staff"] });
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };

  const meetingForm = (title: string, date: string) => ({
    organiser: "centre",
    kind: "network_meeting",
    title,
    description: "Vi deler erfaringer fra brobygning og planlægger foråret.",
    categoryId: "",
    targetGroups: [],
    languages: ["da"],
    accessibility: [],
    place: "online",
    premiseId: "",
    placeName: "",
    address: "",
    postcode: "",
    onlineUrl: "https://meet.example.test/brobygning",
    price: "free",
    amount: "",
    capacity: "30",
    maxPerRegistration: "1",
    opensDate: "",
    opensTime: "",
    closesDate: "",
    closesTime: "",
    contactEmail: "staff@a.test",
    sessionId: ["", "", "", "", "", ""],
    sessionDate: [date, "", "", "", "", ""],
    sessionStart: ["10:00", "", "", "", "", ""],
    sessionEnd: ["12:00", "", "", "", "", ""],
    questionId: ["", "", "", "", ""],
    questionLabel: ["", "", "", "", ""],
    questionSensitive: [],
  });

  it("lets staff start a network, invite a member from another centre and plan a meeting only its members hear of", async () => {
    const staff = await as("staff@a.test");
    const made = await staff.post(
      "/networks",
      { name: "Koordinatorer af brobygning", description: "Koordinatorerne mødes fire gange om året." },
      { from: "/networks" },
    );
    expect(made.status).toBe(303);
    networkId = (made.headers.get("location") ?? "").split("/")[2]?.split("?")[0] ?? "";
    expect(networkId).toMatch(/^[0-9a-f-]{36}$/);

    const invite = await staff.post(
      `/networks/${networkId}/members`,
      { name: "Hanne Holm", email: "hanne@aarhus.test", organisation: "Frivilligcenter Aarhus", role: "member" },
      { from: `/networks/${networkId}` },
    );
    expect(invite.status).toBe(303);
    await staff.post(
      `/networks/${networkId}/members`,
      { name: "Rikke Fjernet", email: "removed@a.test", organisation: "", role: "member" },
      { from: `/networks/${networkId}` },
    );
    // The same address twice is told so, and nothing more is written.
    const twice = await staff.post(
      `/networks/${networkId}/members`,
      { name: "Hanne", email: "hanne@aarhus.test", organisation: "", role: "member" },
      { from: `/networks/${networkId}` },
    );
    expect(twice.status).toBe(409);

    const planned = await staff.post(`/networks/${networkId}/meetings/new`, meetingForm("Netværksmøde december", "2026-12-03"), {
      from: `/networks/${networkId}/meetings/new`,
    });
    expect(planned.status).toBe(303);
    meetingPath = (planned.headers.get("location") ?? "").split("?")[0] ?? "";
    meetingId = meetingPath.split("/")[4] ?? "";
    const stored = await t.db.selectFrom("events").select(["kind", "network_id"]).where("id", "=", meetingId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ kind: "network_meeting", network_id: networkId });

    // The form speaks of a meeting, not a course.
    const form = await (await staff.get(`/networks/${networkId}/meetings/new`)).text();
    expect(form).toContain("Netværksmøde i marts");
    expect(form).not.toContain("Kursus i bestyrelsesarbejde");
    expect(form).not.toContain("til et kursus");
    // Staff's list of events shows the meeting as the network's, not as public.
    const manage = await (await staff.get("/events/manage")).text();
    expect(manage).toContain("Kun for medlemmerne af Koordinatorer af brobygning");
  });

  it("lets the member from another centre make her account from the invitation, add an agenda point and get the meeting", async () => {
    const mail = await latestMail(t.db, "hanne@aarhus.test");
    expect(mail?.subject).toContain("Koordinatorer af brobygning");
    const link = linkIn(mail?.text ?? "", "/networks/join");
    const hanne = new Visitor(env.app, "a.test");
    const page = await hanne.get(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("hanne@aarhus.test");
    const token = new URL(`http://x${link}`).searchParams.get("token") ?? "";

    // A weak password is refused and nothing is written.
    expect((await hanne.post("/networks/join/account", { token, name: "Hanne Holm", password: "kort" }, { from: link })).status).toBe(422);
    const joined = await hanne.post("/networks/join/account", { token, name: "Hanne Holm", password: PASSWORD }, { from: link });
    expect(joined.status).toBe(303);
    expect(joined.headers.get("location")).toBe(`/networks/${networkId}?notice=networkJoined`);
    // The link works once.
    expect((await new Visitor(env.app, "a.test").get(link)).status).toBe(200);
    expect(await (await new Visitor(env.app, "a.test").get(link)).text()).not.toContain('action="/networks/join/account"');

    const network = await (await hanne.get(`/networks/${networkId}`)).text();
    expect(network).toContain("Netværksmøde december");
    expect(network).toContain("Frivilligcenter Aarhus");
    expect(network).toContain("calendar.ics?key=");
    // Those who joined are counted (the organiser and Hanne); Rikke is only invited.
    expect(network).toContain("2 medlemmer (+1 inviteret)");
    // A member who may not plan meetings is refused the form as she would be refused saving it, before typing anything.
    expect((await hanne.get(`/networks/${networkId}/meetings/new`)).status).toBe(403);
    expect((await hanne.post(`/networks/${networkId}/meetings/new`, meetingForm("Mit møde", "2026-12-10"), { from: `/networks/${networkId}` })).status).toBe(
      403,
    );

    const point = await hanne.post(
      `${meetingPath}/agenda`,
      { title: "Erfaringer fra Aarhus", text: "Hvordan vi følger op efter tre måneder." },
      { from: meetingPath },
    );
    expect(point.status).toBe(303);
    const meeting = await (await hanne.get(meetingPath)).text();
    expect(meeting).toContain("Erfaringer fra Aarhus");
    expect(meeting).toContain("Foreslået af Hanne Holm");
    // The organiser's buttons say "Op", "Ned", "Fjern"; the point's title is there only for screen readers.
    const organised = await (await (await as("staff@a.test")).get(meetingPath)).text();
    expect(organised).toContain('Fjern<span class="ds-sr-only"> Erfaringer fra Aarhus</span>');
    expect(organised).toContain("meet.example.test/brobygning");
    // The event's own page works for her, without structured data for search engines.
    const own = await hanne.get(`/events/${meetingId}`);
    expect(own.status).toBe(200);
    expect(await own.text()).not.toContain("application/ld+json");
  });

  it("mails members who are not registered when the meeting changes", async () => {
    const staff = await as("staff@a.test");
    const before = (await t.db.selectFrom("mail_outbox").select("subject").where("to_address", "=", "hanne@aarhus.test").execute()).length;
    const stored = await t.db.selectFrom("event_sessions").select("id").where("event_id", "=", meetingId).executeTakeFirstOrThrow();
    const form = { ...meetingForm("Netværksmøde december", "2026-12-04"), sessionId: [stored.id, "", "", "", "", ""] };
    expect((await staff.post(`/events/${meetingId}/edit`, form, { from: `/events/${meetingId}/edit` })).status).toBe(303);
    const after = (await t.db.selectFrom("mail_outbox").select("subject").where("to_address", "=", "hanne@aarhus.test").execute()).length;
    expect(after).toBe(before + 1);
  });

  it("lets the organiser write the minutes after the meeting, and the member reads them", async () => {
    const staff = await as("staff@a.test");
    // Not before it starts.
    expect((await staff.post(`${meetingPath}/minutes`, { text: "For tidligt." }, { from: meetingPath })).status).toBe(409);
    clock.advance(13 * 24 * 3600_000);
    const organiser = await as("staff@a.test");
    const hanne = await as("hanne@aarhus.test");
    // The agenda closes when the meeting starts.
    expect((await hanne.post(`${meetingPath}/agenda`, { title: "For sent", text: "" }, { from: meetingPath })).status).toBe(409);
    const saved = await organiser.post(`${meetingPath}/minutes`, { text: "Vi talte om opfølgning.\n\nNæste møde i marts." }, { from: meetingPath });
    expect(saved.status).toBe(303);
    expect((await latestMail(t.db, "hanne@aarhus.test"))?.subject).toContain("Referat");
    // A member may not write minutes.
    expect((await hanne.post(`${meetingPath}/minutes`, { text: "Mit eget referat." }, { from: meetingPath })).status).toBe(403);
    const meeting = await (await hanne.get(meetingPath)).text();
    expect(meeting).toContain("Næste møde i marts.");
    // Once over: no places left to take, no link to join, and the agenda can no longer be reordered.
    const past = await (await organiser.get(meetingPath)).text();
    expect(past).not.toContain("meet.example.test/brobygning");
    expect(past).not.toContain("/agenda/");
    expect(past).not.toContain("ledige");
  });

  it("lets the organiser attach a file, checked by its bytes, that members download", async () => {
    const staff = await as("staff@a.test");
    const pdf = new TextEncoder().encode("%PDF-1.4\n% referat\n");
    const added = await staff.upload(
      `${meetingPath}/files`,
      {},
      { name: "Referat december.pdf", content: pdf, type: "application/pdf" },
      { from: meetingPath },
    );
    expect(added.status).toBe(303);
    expect(added.headers.get("location")).toMatch(/#files$/);
    // A program renamed to look like a document is refused and nothing is stored.
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]);
    expect((await staff.upload(`${meetingPath}/files`, {}, { name: "slides.pdf", content: exe, type: "application/pdf" }, { from: meetingPath })).status).toBe(
      415,
    );
    expect(await t.db.selectFrom("network_files").select("name").execute()).toEqual([{ name: "Referat december.pdf" }]);
    const hanne = await as("hanne@aarhus.test");
    const html = await (await hanne.get(meetingPath)).text();
    const href = html.match(/href="([^"]*\/files\/[^"]+)"/)?.[1] ?? "";
    const file = await hanne.get(href);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toContain("attachment");
    expect((await new Visitor(env.app, "a.test").get(href)).status).toBe(404);
    expect((await (await as("citizen@a.test")).get(href)).status).toBe(404);
  });

  it("gives her a calendar feed by her own key; a wrong key is a 404", async () => {
    const hanne = await as("hanne@aarhus.test");
    const html = await (await hanne.get(`/networks/${networkId}`)).text();
    const feed = (html.match(/href="([^"]*calendar\.ics\?key=[^"]+)"/)?.[1] ?? "").replaceAll("&amp;", "&");
    const res = await new Visitor(env.app, "a.test").get(feed);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Netværksmøde december");
    expect((await new Visitor(env.app, "a.test").get(`/networks/${networkId}/calendar.ics?key=${encodeURIComponent(`${"0".repeat(36)}.abc`)}`)).status).toBe(
      404,
    );
    expect((await new Visitor(env.app, "b.test").get(feed)).status).toBe(404);
  });

  it("keeps the meeting out of the public calendar, its feed, search and the API", async () => {
    const anyone = new Visitor(env.app, "a.test");
    clock.advance(-13 * 24 * 3600_000);
    expect(await (await anyone.get("/events")).text()).not.toContain("Netværksmøde december");
    expect(await (await anyone.get("/")).text()).not.toContain("Netværksmøde december");
    expect(await (await anyone.get("/events?view=month&month=2026-12")).text()).not.toContain("Netværksmøde december");
    expect(await (await anyone.get("/events/calendar.ics")).text()).not.toContain("Netværksmøde december");
    expect(await (await anyone.get("/api/v1/events")).text()).not.toContain("Netværksmøde december");
    expect((await anyone.get(`/api/v1/events/${meetingId}`)).status).toBe(404);
    expect(await (await anyone.get("/search?q=Netv%C3%A6rksm%C3%B8de")).text()).not.toContain("Netværksmøde december");
    const docs = await t.db.selectFrom("search_documents").select("visible").where("kind", "=", "event").where("ref_id", "=", meetingId).execute();
    expect(docs.filter((d) => d.visible === 1)).toEqual([]);
    clock.advance(13 * 24 * 3600_000);
  });

  it("answers 404 to everyone who is not a member: a stranger, a signed-in citizen, another tenant's staff, a removed member", async () => {
    const staff = await as("staff@a.test");
    const removedId = (await t.db.selectFrom("network_members").select("id").where("email", "=", "removed@a.test").executeTakeFirstOrThrow()).id;
    // Rikke joins, and is then removed.
    const link = linkIn((await latestMail(t.db, "removed@a.test"))?.text ?? "", "/networks/join");
    const rikke = await as("removed@a.test");
    const token = new URL(`http://x${link}`).searchParams.get("token") ?? "";
    expect((await rikke.post("/networks/join", { token }, { from: link })).status).toBe(303);
    expect((await rikke.get(`/networks/${networkId}`)).status).toBe(200);
    expect((await staff.post(`/networks/${networkId}/members/${removedId}/remove`, {}, { from: `/networks/${networkId}` })).status).toBe(303);

    const paths = [`/networks/${networkId}`, meetingPath, `/events/${meetingId}`];
    const outsiders = [
      ["stranger", new Visitor(env.app, "a.test")],
      ["citizen", await as("citizen@a.test")],
      ["removed member", rikke],
      ["other tenant's staff", await as("staff@b.test", "b.test")],
    ] as const;
    for (const [who, v] of outsiders) {
      for (const path of paths) expect([who, path, (await v.get(path)).status]).toEqual([who, path, 404]);
      const from = v.host === "a.test" ? "/" : "/";
      expect([who, "agenda", (await v.post(`${meetingPath}/agenda`, { title: "Snyd", text: "" }, { from })).status]).toEqual([who, "agenda", 404]);
      expect([who, "register", (await v.post(`/events/${meetingId}/register`, { name: "X", email: "x@x.test" }, { from })).status]).toEqual([
        who,
        "register",
        404,
      ]);
    }
    const points = await t.db.selectFrom("network_agenda_points").select("title").execute();
    expect(points.map((p) => p.title)).not.toContain("Snyd");
  });

  it("hands her memberships and agenda points over in her data, and forgets them on erasure", async () => {
    const { personalData } = await import("./personal-data.js");
    const user = await t.db.selectFrom("users").select("id").where("email", "=", "hanne@aarhus.test").executeTakeFirstOrThrow();
    const { dataKeyring } = await import("../../platform/crypto/data-key.js");
    const { testConfig } = await import("../../../test/harness.js");
    const subject = { tenantId: a.id, userId: user.id, email: "hanne@aarhus.test" };
    const data = (await personalData.read(t.db, dataKeyring(testConfig()), subject)) as Record<string, { organisation?: string; title?: string }[]>;
    expect(data.network_members?.[0]?.organisation).toBe("Frivilligcenter Aarhus");
    expect(data.network_agenda_points?.[0]?.title).toBe("Erfaringer fra Aarhus");
    await personalData.erase(t.db, subject, { clock, pseudonym: "x" });
    expect(await t.db.selectFrom("network_members").select("id").where("email", "=", "hanne@aarhus.test").execute()).toEqual([]);
    const point = await t.db
      .selectFrom("network_agenda_points")
      .select(["author_name", "member_id"])
      .where("title", "=", "Erfaringer fra Aarhus")
      .executeTakeFirstOrThrow();
    expect(point).toEqual({ author_name: null, member_id: null });
  });
});
