import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearBookings, type PremisesWorld, premisesWorld } from "../../../test/factories/premises.factory.js";
import { dialects, latestMail, TestClock, type Visitor } from "../../../test/harness.js";

describe.each(dialects())("changing a booking [%s]", (dialect) => {
  let t: PremisesWorld["t"];
  let admin: PremisesWorld["admin"];
  let request: PremisesWorld["request"];
  let world: PremisesWorld;
  // These stories play nine days on, after the use report of the first of December was made.
  const clock = new TestClock(new Date("2026-12-01T10:00:00.000Z"));

  beforeAll(async () => {
    world = await premisesWorld(dialect, clock);
    ({ t, admin, request } = world);
  });
  afterAll(() => world.t.destroy());
  beforeEach(() => clearBookings(world.t.db));

  it("moves one date of a series to another day, under the same rules, freeing the old time", async () => {
    const v = await admin();
    const res = await request(v, "south", { date: "2027-01-05", repeat: "weekly", until: "2027-01-26" });
    const id = (res.headers.get("location") ?? "").split("/")[3]?.split("?")[0] ?? "";
    expect((await request(v, "north", { date: "2027-01-13", purpose: "Forældremøde" })).status).toBe(303);
    const move = (fields: Record<string, string>, visitor = v) =>
      visitor.post(`/premises/bookings/${id}/move`, { date: "2027-01-12", start: "18:00", end: "20:00", ...fields }, { from: "/" });

    expect((await move({ newDate: "2027-01-13" })).status).toBe(303);
    const dates = await t.db.selectFrom("booking_occurrences").select(["local_date", "starts_at"]).where("booking_id", "=", id).orderBy("local_date").execute();
    expect(dates.map((d) => d.local_date)).toEqual(["2027-01-05", "2027-01-13", "2027-01-19", "2027-01-26"]);
    expect(dates[1]?.starts_at).toBe("2027-01-13T17:00:00.000Z");
    // The hall is free on the 12th now, but not on the 13th, where both halves are taken.
    expect((await request(v, "hall", { date: "2027-01-12" })).status).toBe(303);
    expect((await request(v, "hall", { date: "2027-01-13" })).status).toBe(409);

    const taken = await move({ date: "2027-01-19", newDate: "2027-01-12" });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain("Tiden er allerede booket");
    expect(await (await move({ date: "2027-01-19", newDate: "2027-01-01" })).text()).toContain("Juleferie");
    expect((await move({ date: "2027-01-19", newDate: "2027-01-20" }, await admin("admin@gaa.test"))).status).toBe(404);
    expect(
      (await t.db.selectFrom("booking_occurrences").select("local_date").where("booking_id", "=", id).orderBy("local_date").execute()).map((d) => d.local_date),
    ).toEqual(["2027-01-05", "2027-01-13", "2027-01-19", "2027-01-26"]);
  });

  it("lets a caseworker propose another time instead; the booker takes it or says no", async () => {
    const v = await admin();
    const first = await request(v, "north", { date: "2026-12-01" });
    const id = (first.headers.get("location") ?? "").split("/")[3]?.split("?")[0] ?? "";
    const staff = await admin("sagsbehandler@a.test");
    const propose = (who: Visitor, bookingId: string, fields: Record<string, string>) =>
      who.post(`/premises/bookings/${bookingId}/propose`, { note: "", ...fields }, { from: "/" });
    expect((await propose(v, id, { date: "2026-12-02", start: "19:00", end: "21:00" })).status).toBe(403);
    expect(await (await propose(staff, id, { date: "2026-12-02", start: "21:00", end: "23:00" })).text()).toContain("08.00–22.00");
    expect((await propose(staff, id, { date: "2026-12-02", start: "19:00", end: "21:00", note: "Tirsdag er optaget af skolen." })).status).toBe(303);
    expect(await t.db.selectFrom("bookings").select(["status", "start_date", "start_time"]).where("id", "=", id).executeTakeFirst()).toEqual({
      status: "proposed",
      start_date: "2026-12-02",
      start_time: "19:00",
    });
    expect((await latestMail(t.db, "admin@badminton.test"))?.text).toContain("Tirsdag er optaget af skolen.");
    // The old time is free; the proposed one is held.
    expect((await request(v, "north", { date: "2026-12-01", purpose: "Bestyrelsesmøde" })).status).toBe(303);
    expect((await request(v, "hall", { date: "2026-12-02", start: "20:00", end: "21:00" })).status).toBe(409);
    expect((await (await admin("admin@gaa.test")).post(`/premises/bookings/${id}/answer`, { answer: "accept" }, { from: "/" })).status).toBe(404);
    expect((await v.post(`/premises/bookings/${id}/answer`, { answer: "accept" }, { from: "/" })).status).toBe(303);
    expect((await t.db.selectFrom("bookings").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status).toBe("approved");
    expect((await latestMail(t.db, "admin@badminton.test"))?.subject).toBe("Booket: Hallens nordlige halvdel");

    const second = await request(v, "south", { date: "2026-12-03" });
    const secondId = (second.headers.get("location") ?? "").split("/")[3]?.split("?")[0] ?? "";
    expect((await propose(staff, secondId, { date: "2026-12-04", start: "18:00", end: "20:00" })).status).toBe(303);
    expect((await v.post(`/premises/bookings/${secondId}/answer`, { answer: "decline" }, { from: "/" })).status).toBe(303);
    expect((await t.db.selectFrom("bookings").select("status").where("id", "=", secondId).executeTakeFirstOrThrow()).status).toBe("cancelled");
    expect((await request(v, "hall", { date: "2026-12-04" })).status).toBe(303);
  });
});
