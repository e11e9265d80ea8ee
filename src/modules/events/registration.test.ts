import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEvent } from "../../../test/factories/event.factory.js";
import { eventContext } from "../../../test/factories/event-context.js";
import { createPerson, createTenant, createTestDb, dialects, type TenantFixture, TestClock, type TestDb } from "../../../test/harness.js";
import { dataKeyring } from "../../platform/crypto/data-key.js";
import { AppError } from "../../platform/http/errors.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { lapseOffers } from "./event-jobs.js";
import { manageKey } from "./event-mails.js";
import type { CommunityEvent } from "./events.model.js";
import * as repo from "./events.repository.js";
import { acceptOffer, cancelPlaces } from "./my-registration.js";
import { register, registerByHand } from "./register.js";

const HOUR = 3_600_000;

describe.each(dialects())("registration and the waiting list [%s]", (dialect) => {
  let t: TestDb;
  let a: TenantFixture;
  const clock = new TestClock();
  const people: { id: string; email: string; name: string }[] = [];
  let staff: { id: string; email: string };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    staff = await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    for (let i = 0; i < 40; i++) {
      const email = `p${i}@a.test`;
      people.push({ ...(await createPerson(t.db, a, { email, name: `Person ${i}` })), name: `Person ${i}` });
    }
  });
  afterAll(() => t.destroy());

  const as = (i: number) => eventContext(t.db, a.host, clock, people[i]);
  const signUp = async (ctx: ServiceContext, e: CommunityEvent, others: string[] = []) =>
    register(ctx, e.id, {
      name: ctx.actor.kind === "person" ? ctx.actor.name : "Anonym",
      email: ctx.actor.kind === "person" ? ctx.actor.email : "x@a.test",
      phone: null,
      others,
      associationId: null,
      answers: {},
    });
  const statuses = async (e: CommunityEvent) =>
    (await repo.eventRegistrations(t.db, a.id, e.id)).map((r) => ({ name: r.name, status: r.status, queueNo: r.queueNo }));
  const mailsTo = (email: string) =>
    t.db.selectFrom("mail_outbox").select(["subject", "attachments"]).where("to_address", "=", email).orderBy("created_at").orderBy("id").execute();
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => (e instanceof AppError ? e.messageKey : String(e)),
    );

  it("gives places in order, then the waiting list, and tells each person with the calendar file", async () => {
    const e = await buildEvent(t.db, a, { capacity: 2, now: clock.now() });
    expect((await signUp(await as(0), e, ["Ven af Person 0"])).kind).toBe("placed");
    const third = await signUp(await as(1), e);
    expect(third).toMatchObject({ kind: "placed", group: [{ status: "waiting", queueNo: 1 }] });
    expect(await statuses(e)).toEqual([
      { name: "Person 0", status: "registered", queueNo: null },
      { name: "Ven af Person 0", status: "registered", queueNo: null },
      { name: "Person 1", status: "waiting", queueNo: 1 },
    ]);
    const [placed] = await mailsTo("p0@a.test");
    expect(placed?.subject).toContain("Du er tilmeldt");
    expect(placed?.attachments).toContain("BEGIN:VCALENDAR");
    expect((await mailsTo("p1@a.test"))[0]?.subject).toContain("ventelisten");
  });

  it("refuses a second registration with the same address and a registration after the window, writing nothing", async () => {
    const e = await buildEvent(t.db, a, { now: clock.now(), registrationClosesAt: new Date(clock.now().getTime() + HOUR).toISOString() });
    await signUp(await as(2), e);
    expect(await refusal(signUp(await as(2), e))).toBe("registration.already");
    clock.advance(2 * HOUR);
    expect(await refusal(signUp(await as(3), e))).toBe("registration.closed.closed");
    expect((await statuses(e)).length).toBe(1);
    clock.advance(-2 * HOUR);
  });

  it("offers a freed place to the first on the list, who accepts; an offer not taken in time passes to the next", async () => {
    const e = await buildEvent(t.db, a, { capacity: 1, now: clock.now() });
    const first = await signUp(await as(4), e);
    await signUp(await as(5), e);
    await signUp(await as(6), e);
    if (first.kind !== "placed") throw new Error("not placed");
    const owner = await as(4);
    await cancelPlaces(owner, manageKey(owner, first.group[0]?.groupId as string), undefined);
    const offered = (await repo.eventRegistrations(t.db, a.id, e.id)).find((r) => r.status === "offered");
    expect(offered?.name).toBe("Person 5");
    const offerMail = (await mailsTo("p5@a.test")).at(-1);
    expect(offerMail?.subject).toContain("ledig plads");
    expect(offerMail?.attachments).toContain("BEGIN:VEVENT");
    // Two days pass without an answer: the offer lapses and Person 6 is offered the place.
    clock.advance(49 * HOUR);
    await lapseOffers(await eventContext(t.db, a.host, clock));
    const after = await repo.eventRegistrations(t.db, a.id, e.id);
    expect(after.find((r) => r.name === "Person 5")?.status).toBe("expired");
    const next = after.find((r) => r.name === "Person 6");
    expect(next?.status).toBe("offered");
    expect((await mailsTo("p5@a.test")).at(-1)?.subject).toContain("gået videre");
    const ctx6 = await as(6);
    expect(await refusal(acceptOffer(ctx6, manageKey(ctx6, offered?.groupId as string), offered?.id as string))).toBe("registration.offerLapsed");
    await acceptOffer(ctx6, manageKey(ctx6, next?.groupId as string), next?.id as string);
    expect((await repo.eventRegistrations(t.db, a.id, e.id)).find((r) => r.name === "Person 6")?.status).toBe("registered");
    clock.advance(-49 * HOUR);
  });

  it("gives 30 people racing for the last 5 places exactly 5 places and 25 turns on the list, in one order", async () => {
    const e = await buildEvent(t.db, a, { capacity: 5, now: clock.now() });
    // Person 7…36, all at once.
    const contexts = await Promise.all(Array.from({ length: 30 }, (_, i) => as(i + 7)));
    const outcomes = await Promise.all(contexts.map((ctx) => signUp(ctx, e)));
    expect(outcomes.every((o) => o.kind === "placed")).toBe(true);
    const rows = await repo.eventRegistrations(t.db, a.id, e.id);
    expect(rows.length).toBe(30);
    expect(rows.filter((r) => r.status === "registered").length).toBe(5);
    const queue = rows.filter((r) => r.status === "waiting").map((r) => r.queueNo);
    expect(queue).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it("keeps the count when cancellations and registrations interleave", async () => {
    const e = await buildEvent(t.db, a, { capacity: 5, now: clock.now() });
    const early = [];
    for (let i = 0; i < 8; i++) early.push(await signUp(await as(i), e));
    // Five registered, three waiting. Now three cancel while five more register, all at once.
    const cancelling = early.slice(0, 3).map(async (o, i) => {
      const ctx = await as(i);
      if (o.kind === "placed") await cancelPlaces(ctx, manageKey(ctx, o.group[0]?.groupId as string), undefined);
    });
    const joining = [30, 31, 32, 33, 34].map(async (i) => signUp(await as(i), e));
    await Promise.all([...cancelling, ...joining]);
    const rows = await repo.eventRegistrations(t.db, a.id, e.id);
    expect(rows.length).toBe(13);
    const seated = rows.filter((r) => r.status === "registered" || r.status === "offered");
    expect(seated.length).toBe(5);
    // The three who waited first are the ones offered the freed places.
    expect(
      rows
        .filter((r) => r.status === "offered")
        .map((r) => r.name)
        .sort(),
    ).toEqual(["Person 5", "Person 6", "Person 7"]);
    const waiting = rows.filter((r) => r.status === "waiting").map((r) => r.queueNo as number);
    expect(new Set(waiting).size).toBe(5);
    expect(rows.filter((r) => r.status === "cancelled").length).toBe(3);
  });

  it("keeps the booker's answers on the booker, not on those they register with them", async () => {
    const e = await buildEvent(t.db, a, { now: clock.now(), questions: [{ id: "food", label: "Kost", sensitive: true }] });
    const ctx = await as(38);
    await register(ctx, e.id, {
      name: "Person 38",
      email: "p38@a.test",
      phone: null,
      others: ["Ven af 38"],
      associationId: null,
      answers: { food: "Diabetes" },
    });
    const rows = await repo.eventRegistrations(t.db, a.id, e.id);
    const sealed = await repo.sensitiveAnswers(t.db, dataKeyring(ctx.config), a.id, e.id);
    expect([...sealed.values()]).toEqual([{ food: "Diabetes" }]);
    expect(sealed.has(rows.find((r) => r.name === "Person 38")?.id as string)).toBe(true);
  });

  it("lets the organiser register by hand, and overbook only when they choose to", async () => {
    const e = await buildEvent(t.db, a, { capacity: 1, now: clock.now() });
    const ctx = await eventContext(t.db, a.host, clock, { ...staff, roles: ["staff"] });
    const input = (name: string, email: string) => ({ name, email, phone: null, others: [], associationId: null, answers: {} });
    expect((await registerByHand(ctx, e.id, input("Ruth", "ruth@a.test"), false))[0]?.status).toBe("registered");
    expect((await registerByHand(ctx, e.id, input("Sven", "sven@a.test"), false))[0]?.status).toBe("waiting");
    const over = await registerByHand(ctx, e.id, input("Tove", "tove@a.test"), true);
    expect(over[0]).toMatchObject({ status: "registered", overbooked: true });
    const logged = await t.db.selectFrom("audit_log").select("action").where("entity_id", "=", e.id).execute();
    expect(logged.map((l) => l.action).sort()).toEqual([
      "event.overbooked",
      "event.registered_by_hand",
      "event.registered_by_hand",
      "event.registered_by_hand",
    ]);
    expect(await refusal(registerByHand(await as(0), e.id, input("Uffe", "uffe@a.test"), true))).toBe("error.forbidden.text");
  });
});
