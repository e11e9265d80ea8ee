import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { everyStoredText, whereStored } from "../../../test/database-dump.js";
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
  PASSWORD,
  type TenantFixture,
  TestClock,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";
import { columnsReferencing } from "../../db/portable.js";
import { newId } from "../../platform/ids.js";
import { notAPerson, personalDataSources } from "../personal-data.js";

/** A column that, by its name, says who someone is or what they did. */
const namesAPerson = (table: string, column: string) =>
  /(^|_)(user|actor|author|citizen|staff|subject)_id$/.test(column) ||
  /_by$/.test(column) ||
  /(^|_)(email|phone)$|^to_address$|^ip$|^user_agent$/.test(column) ||
  (table === "rate_limits" && column === "key") ||
  (table === "users" && ["id", "name"].includes(column));

describe.each(dialects())("what Sammen holds about a person [%s]", (dialect) => {
  let t: TestDb;
  let a: TenantFixture;
  let b: TenantFixture;
  const clock = new TestClock();
  let env: ReturnType<typeof createTestApp>;
  let jobs: { id: string }[];
  let club: { id: string; name: string };
  let knitters: { id: string; name: string };
  let room: string;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    club = await createAssociation(t.db, a, "Besøgsvennerne");
    knitters = await createAssociation(t.db, a, "Strikkeklubben");
    jobs = [await createPublishedJob(t.db, a, club, { title: "Besøgsven onsdag" }), await createPublishedJob(t.db, a, club, { title: "Kaffe i caféen" })];
    await createPerson(t.db, a, { email: "admin@besog.test", name: "Bo Besøg", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "staff@a.test", name: "Sofie Staff", roles: ["staff", "caseworker"] });
    await createPerson(t.db, b, { email: "karen@a.test", name: "Karen i en anden kommune" });
    room = newId();
    const now = clock.now().toISOString();
    await t.db
      .insertInto("premises")
      .values({
        id: room,
        tenant_id: a.id,
        parent_id: null,
        kind: "room",
        name: "Mødelokalet",
        address: null,
        postcode: null,
        capacity: 30,
        size_m2: null,
        who_may_book: "everyone",
        approval: "auto",
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (let weekday = 1; weekday <= 7; weekday++) {
      await t.db
        .insertInto("premise_hours")
        .values({ id: newId(), tenant_id: a.id, premise_id: room, weekday, opens: "08:00", closes: "22:00", valid_from: null, valid_to: null })
        .execute();
    }
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  const signedIn = async (email: string) => {
    const v = new Visitor(env.app, "a.test");
    await v.signIn(email);
    return v;
  };
  const keyOf = (link: string) => new URL(`http://x${link}`).searchParams.get("key") ?? "";

  it("knows, for every column that names a person, which module hands it over and forgets it", async () => {
    const declared = new Set(personalDataSources().flatMap((s) => s.columns));
    const schema = new Map((await t.db.introspection.getTables()).map((table) => [table.name, table.columns.map((c) => c.name)]));
    const personal = [...schema].flatMap(([table, columns]) => columns.filter((c) => namesAPerson(table, c)).map((c) => `${table}.${c}`));
    const pointing = await columnsReferencing(t.db, "users");
    const undeclared = [...new Set([...personal, ...pointing])].filter((c) => !declared.has(c) && !(c in notAPerson()));
    expect(undeclared, "columns naming a person that no personal data source reads and erases").toEqual([]);
    const stale = [...declared, ...Object.keys(notAPerson())].filter((c) => {
      const [table = "", column = ""] = c.split(".");
      return !schema.get(table)?.includes(column);
    });
    expect(stale, "declared columns the schema does not have").toEqual([]);
    expect(pointing.length).toBeGreaterThan(10);
  });

  it("hands a person everything, erases them on request without an error, and keeps only records that no longer lead to them", async () => {
    const karenEmail = "karen@a.test";
    const secrets = [
      "Jeg har gigt i knæene",
      "kan ikke gå på trapper",
      "Karens fødselsdag",
      "Karen sagde ja i telefonen",
      "Jeg kan hjælpe om aftenen",
      "Vegansk kost",
    ];
    // Before she has an account: an application under her e-mail, confirmed, and a conversation about it.
    const anonymous = new Visitor(env.app, "a.test");
    const applied = await anonymous.post(
      `/opportunities/${jobs[0]?.id}/apply`,
      { name: "Karen Holm", email: karenEmail, phone: "+45 12 34 56 78", message: "Jeg har gigt i knæene, men kan sidde ned." },
      { from: `/opportunities/${jobs[0]?.id}` },
    );
    expect(applied.status).toBe(200);
    expect((await anonymous.get(linkIn((await latestMail(t.db, karenEmail))?.text ?? "", "/applications/confirm"))).status).toBe(200);
    const first = await t.db.selectFrom("applications").select("id").where("email", "=", karenEmail).executeTakeFirstOrThrow();
    const association = await signedIn("admin@besog.test");
    const thread = `/opportunities/${jobs[0]?.id}/applications/${first.id}`;
    expect((await association.post(`${thread}/messages`, { body: "Hej, passer onsdag?" }, { from: thread })).status).toBe(303);
    const reply = linkIn((await latestMail(t.db, karenEmail))?.text ?? "", "/applications/thread");
    expect((await anonymous.post("/applications/thread", { key: keyOf(reply), body: "Ja, men jeg kan ikke gå på trapper." }, { from: reply })).status).toBe(
      303,
    );
    expect((await association.get(`/opportunities/${jobs[0]?.id}/applications`)).status).toBe(200);

    // Then an account: another application, a profile with needs, a consent, a saved search, bookings and a seasonal application.
    const karen = await createPerson(t.db, a, { email: karenEmail, name: "Karen Holm", memberships: [{ associationId: knitters.id, role: "admin" }] });
    const me = await signedIn(karenEmail);
    await me.post(
      `/opportunities/${jobs[1]?.id}/apply`,
      { name: "Karen Holm", email: karenEmail, phone: "+45 12 34 56 78", message: "Jeg kan hjælpe om aftenen." },
      { from: `/opportunities/${jobs[1]?.id}` },
    );
    const profile = {
      interests: [],
      skills: "strik",
      slots: [],
      postcode: "",
      maxKm: "",
      languages: ["da"],
      needs: ["step_free"],
      setting: "any",
      rhythm: "any",
    };
    expect((await me.post("/matching/profile", profile, { from: "/matching/profile" })).status).toBe(303);
    expect((await me.post("/search/saved", { query: "q=strik", frequency: "weekly" }, { from: "/search" })).status).toBe(303);
    const book = (fields: Record<string, string>) =>
      me.post(
        `/premises/${room}/book`,
        { participants: "10", start: "18:00", end: "20:00", repeat: "none", until: "", ...fields },
        { from: `/premises/${room}/book` },
      );
    expect((await book({ associationId: "", purpose: "Karens fødselsdag", date: "2026-11-25", repeat: "weekly", until: "2026-12-30" })).status).toBe(303);
    expect((await book({ associationId: knitters.id, purpose: "Strikkeaften", date: "2026-11-26" })).status).toBe(303);
    const meeting = await buildEvent(t.db, a, { now: clock.now(), title: "Temamøde om strik", questions: [{ id: "food", label: "Kost", sensitive: true }] });
    const registered = await me.post(
      `/events/${meeting.id}/register`,
      { name: "Karen Holm", email: karenEmail, phone: "+45 12 34 56 78", answer_food: "Vegansk kost" },
      { from: `/events/${meeting.id}` },
    );
    expect(registered.status).toBe(303);
    const staff = await signedIn("staff@a.test");
    const round = await staff.post("/premises/rounds", { name: "Sæson 2027", from: "2027-08-01", to: "2027-12-20" }, { from: "/premises/rounds" });
    const roundId = (round.headers.get("location") ?? "").split("/")[3]?.split("?")[0] ?? "";
    const wish = { associationId: knitters.id, purpose: "Strik", participants: "12", priority: "3", minutes: "120", firstPremiseId: room, firstWeekday: "2" };
    const wishRest = { firstStart: "18:00", secondPremiseId: "", secondWeekday: "", secondStart: "", windowFrom: "", windowTo: "" };
    expect((await me.post(`/premises/rounds/${roundId}/apply`, { ...wish, ...wishRest }, { from: "/" })).status).toBe(303);
    expect(
      (await staff.post("/matching/staff", { email: karenEmail, consent: "on", note: "Karen sagde ja i telefonen" }, { from: "/matching/staff" })).status,
    ).toBe(303);
    expect((await staff.get(`/matching/staff?citizen=${karen.id}`)).status).toBe(200);
    expect((await staff.get(`/people/${karen.id}`)).status).toBe(200);
    // A mistyped password and a forgotten one leave a rate-limit count and a one-time link under her address.
    expect((await new Visitor(env.app, "a.test").post("/sign-in", { email: karenEmail, password: "forkert kodeord" })).status).toBe(401);
    await new Visitor(env.app, "a.test").post("/password/forgot", { email: karenEmail });

    // Weeks later: three of her six private dates have passed.
    clock.advance(18 * 24 * 3600_000);
    const later = await signedIn(karenEmail);
    const data = await (await later.get("/account/data.json")).json();
    expect(data.account).toMatchObject({ email: karenEmail, name: "Karen Holm" });
    const applications = data.applications as { message: string; conversation: { text: string }[]; read_by_others: { action: string }[] }[];
    expect(applications.map((x) => x.message).sort()).toEqual(["Jeg har gigt i knæene, men kan sidde ned.", "Jeg kan hjælpe om aftenen."]);
    const before = applications.find((x) => x.message.startsWith("Jeg har gigt"));
    expect(before?.conversation.map((m) => m.text)).toEqual(["Hej, passer onsdag?", "Ja, men jeg kan ikke gå på trapper."]);
    expect(before?.read_by_others.map((r) => r.action)).toEqual(expect.arrayContaining(["applicants.listed", "application.thread_read"]));
    expect(data.bookings.map((x: { purpose: string }) => x.purpose).sort()).toEqual(["Karens fødselsdag", "Strikkeaften"]);
    expect(data.bookings.find((x: { purpose: string }) => x.purpose === "Karens fødselsdag").dates).toHaveLength(6);
    expect(data.seasonal_applications).toEqual([expect.objectContaining({ association: "Strikkeklubben", purpose: "Strik" })]);
    expect(data.volunteer_profile.needs).toEqual(["step_free"]);
    expect(data.matching_consents.map((c: { note: string }) => c.note)).toEqual(["Karen sagde ja i telefonen"]);
    expect(data.saved_searches).toHaveLength(1);
    expect(data.event_registrations).toEqual([
      expect.objectContaining({ event: "Temamøde om strik", status: "registered", answers: { food: "Vegansk kost" } }),
    ]);
    expect(data.emails_sent_to_you.map((m: { text: string }) => m.text).join("\n")).toContain("Besøgsvennerne har skrevet til dig");
    expect(data.reads_of_your_data.map((r: { action: string }) => r.action).sort()).toEqual(["matching.viewed", "person.viewed"]);
    expect(JSON.stringify(data)).not.toContain("Karen i en anden kommune");

    expect((await later.post("/account/delete", {}, { from: "/account/delete" })).status).toBe(303);

    // Nothing stored names her, by id, address, name, telephone or anything she wrote.
    expect(await whereStored(t.db, [karen.id, karenEmail, "Karen Holm", "12 34 56 78", ...secrets])).toEqual([
      expect.stringMatching(/^users\.email: karen@a\.test$/),
    ]);
    expect((await t.db.selectFrom("users").select("tenant_id").where("email", "=", karenEmail).execute()).map((u) => u.tenant_id)).toEqual([b.id]);
    for (const table of ["applications", "application_messages", "volunteer_profiles", "matching_consents", "saved_searches", "event_registrations"] as const) {
      expect(await t.db.selectFrom(table).select("tenant_id").where("tenant_id", "=", a.id).execute(), table).toEqual([]);
    }
    // The municipality keeps its bookings: the association's whole, hers without her, their future dates freed.
    const kept = await t.db.selectFrom("bookings").select(["id", "purpose", "user_id", "association_id", "status"]).orderBy("start_date").execute();
    expect(kept.map((k) => [k.purpose, k.user_id, k.association_id])).toEqual([
      ["", null, null],
      ["Strikkeaften", null, knitters.id],
    ]);
    const dates = await t.db
      .selectFrom("booking_occurrences")
      .select(["local_date", "status"])
      .where("booking_id", "=", kept[0]?.id ?? "")
      .orderBy("local_date")
      .execute();
    expect(dates.map((d) => d.status)).toEqual(["active", "active", "active", "cancelled", "cancelled", "cancelled"]);
    const held = await t.db.selectFrom("occupancy").innerJoin("booking_occurrences as o", "o.id", "occupancy.occurrence_id").select("o.local_date").execute();
    expect(held.map((h) => h.local_date).sort()).toEqual(["2026-11-25", "2026-11-26", "2026-12-02", "2026-12-09"]);
    expect(await t.db.selectFrom("allocation_applications").select(["user_id", "purpose"]).execute()).toEqual([{ user_id: null, purpose: "Strik" }]);
    // The trail of what she did stays, under a pseudonym that appears nowhere else.
    const erased = await t.db.selectFrom("audit_log").select("entity_id").where("action", "=", "person.erased").executeTakeFirstOrThrow();
    const pseudonym = erased.entity_id ?? "";
    const trail = await t.db.selectFrom("audit_log").select(["action", "ip"]).where("actor_id", "=", pseudonym).execute();
    expect(trail.map((r) => r.action)).toContain("user.signed_in");
    expect(trail.every((r) => r.ip === null)).toBe(true);
    expect(await t.db.selectFrom("access_log").select("action").where("subject_id", "=", pseudonym).orderBy("action").execute()).toEqual([
      { action: "matching.viewed" },
      { action: "person.viewed" },
    ]);
    expect((await everyStoredText(t.db)).filter((v) => v.value === pseudonym && !["audit_log", "access_log"].includes(v.table))).toEqual([]);
    // Another tenant's Karen is untouched.
    expect(await t.db.selectFrom("users").select("name").where("tenant_id", "=", b.id).execute()).toEqual([{ name: "Karen i en anden kommune" }]);
  });

  it("lets a person without an account see, download and erase what is held under their e-mail address through a link mailed to it", async () => {
    const ole = "ole@example.org";
    const visitor = new Visitor(env.app, "a.test");
    await visitor.post(
      `/opportunities/${jobs[1]?.id}/apply`,
      { name: "Ole Olsen", email: ole, phone: "", message: "Jeg er i behandling for depression og vil gerne være noget for andre." },
      { from: `/opportunities/${jobs[1]?.id}` },
    );
    await visitor.get(linkIn((await latestMail(t.db, ole))?.text ?? "", "/applications/confirm"));
    const application = await t.db.selectFrom("applications").select("id").where("email", "=", ole).executeTakeFirstOrThrow();
    const association = await signedIn("admin@besog.test");
    const thread = `/opportunities/${jobs[1]?.id}/applications/${application.id}`;
    await association.post(`${thread}/messages`, { body: "Velkommen, Ole." }, { from: thread });

    const form = await visitor.get("/privacy/email");
    expect(await form.text()).toContain("Det, vi har gemt under din e-mailadresse");
    expect((await visitor.post("/privacy/email", { email: "ikke en adresse" }, { from: "/privacy/email" })).status).toBe(422);
    // The answer is the same whether anything is held or not: a link goes to the address.
    const unknown = await visitor.post("/privacy/email", { email: "ingen@example.org" }, { from: "/privacy/email" });
    const known = await visitor.post("/privacy/email", { email: ole }, { from: "/privacy/email" });
    expect([unknown.status, known.status]).toEqual([200, 200]);
    const same = (html: string) => html.replace("ingen@example.org", ole).replace(/[A-Za-z0-9_+/=-]{20,}/g, "");
    expect(same(await unknown.text())).toBe(same(await known.text()));
    const link = linkIn((await latestMail(t.db, ole))?.text ?? "", "/privacy/email/open");
    const token = new URL(`http://x${link}`).searchParams.get("token") ?? "";

    const page = await (await visitor.get(link)).text();
    expect(page).toContain("1 ansøgning om frivilligjob");
    expect(page).toContain("1 besked i samtaler med foreninger");
    expect(page).not.toContain("En konto");
    const download = await visitor.post("/privacy/email/download", { token }, { from: link });
    expect(download.headers.get("content-disposition")).toContain("attachment");
    const data = await download.json();
    expect(JSON.stringify(data)).not.toContain(token);
    expect(JSON.stringify(data.emails_sent_to_you)).not.toMatch(/https?:\/\//);
    expect(data.applications).toEqual([
      expect.objectContaining({
        name: "Ole Olsen",
        message: expect.stringContaining("depression"),
        conversation: [expect.objectContaining({ text: "Velkommen, Ole." })],
      }),
    ]);
    expect(data.account).toBeUndefined();
    expect((await visitor.get("/privacy/email/open?token=forged-token-0123456789")).status).toBe(400);
    expect((await visitor.post("/privacy/email/erase", { token: "forged-token-0123456789", confirm: "on" }, { from: link })).status).toBe(400);

    const unsure = await visitor.post("/privacy/email/erase", { token }, { from: link });
    expect(unsure.status).toBe(422);
    expect(await unsure.text()).toContain("Sæt flueben, hvis du vil slette det hele.");
    const erased = await visitor.post("/privacy/email/erase", { token, confirm: "on" }, { from: link });
    expect(erased.status).toBe(200);
    expect(await erased.text()).toContain("Vi har slettet det, vi havde gemt under adressen.");
    expect(await whereStored(t.db, [ole, "Ole Olsen", "depression", "Velkommen, Ole"])).toEqual([]);
    expect((await visitor.get(link)).status).toBe(400);
    expect((await visitor.post("/privacy/email/erase", { token, confirm: "on" }, { from: "/privacy/email" })).status).toBe(400);
  });

  it("erases an account through the mailed link too, and holds back a mailbox flood", async () => {
    await createPerson(t.db, a, { email: "lise@a.test", name: "Lise Lund" });
    const visitor = new Visitor(env.app, "a.test");
    await visitor.post("/privacy/email", { email: "lise@a.test" }, { from: "/privacy/email" });
    const link = linkIn((await latestMail(t.db, "lise@a.test"))?.text ?? "", "/privacy/email/open");
    const page = await (await visitor.get(link)).text();
    expect(page).toContain("En konto");
    expect(page).toContain("Adressen hører til en konto");
    const token = new URL(`http://x${link}`).searchParams.get("token") ?? "";
    expect((await visitor.post("/privacy/email/erase", { token, confirm: "on" }, { from: link })).status).toBe(200);
    expect(await t.db.selectFrom("users").select("id").where("email", "=", "lise@a.test").execute()).toEqual([]);
    expect((await new Visitor(env.app, "a.test").post("/sign-in", { email: "lise@a.test", password: PASSWORD })).status).toBe(401);

    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await visitor.post("/privacy/email", { email: "flood@example.org" }, { from: "/privacy/email" })).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect((await t.db.selectFrom("mail_outbox").select("id").where("to_address", "=", "flood@example.org").execute()).length).toBeLessThanOrEqual(10);
  });
});
