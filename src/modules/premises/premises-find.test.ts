import ICAL from "ical.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearBookings, type PremisesWorld, premisesWorld } from "../../../test/factories/premises.factory.js";
import { dialects, TestClock, Visitor } from "../../../test/harness.js";

describe.each(dialects())("finding premises and their calendars [%s]", (dialect) => {
  let t: PremisesWorld["t"];
  let env: PremisesWorld["env"];
  let club: PremisesWorld["club"];
  let rooms: PremisesWorld["rooms"];
  let admin: PremisesWorld["admin"];
  let request: PremisesWorld["request"];
  let world: PremisesWorld;
  const clock = new TestClock();

  beforeAll(async () => {
    world = await premisesWorld(dialect, clock);
    ({ t, env, club, rooms, admin, request } = world);
  });
  afterAll(() => world.t.destroy());
  beforeEach(() => clearBookings(world.t.db));

  it("finds the rooms free on Tuesday 18–20 for 30 people, and the nearest free times when a room is taken", async () => {
    const v = await admin();
    expect((await request(v, "north")).status).toBe(303);
    const html = await (await new Visitor(env.app, "a.test").get("/premises?date=2026-12-01&start=18:00&end=20:00&people=30")).text();
    expect(html).toContain("1 ledigt lokale");
    expect(html).toMatch(/Hallens sydlige halvdel[\s\S]*Ledigt på det tidspunkt/);
    expect(html).toContain("Hallens nordlige halvdel, tirsdag den 1. december 2026 kl. 20.00–22.00");
    expect(html).not.toContain("Klasselokale 3");
    expect(html).not.toContain("Anden kommunes hal");
  });

  it("tells a municipality's website through the API which premises there are and when they are free", async () => {
    const v = await admin();
    expect((await request(v, "north", { date: "2026-12-01" })).status).toBe(303);
    const anyone = new Visitor(env.app, "a.test");
    const list = (await (await anyone.get("/api/v1/premises")).json()) as {
      data: { id: string; name: string; parentId: string | null; bookable: boolean; address: string }[];
    };
    expect(list.data.map((p) => p.name)).toContain("Hallens nordlige halvdel");
    expect(list.data.map((p) => p.name)).not.toContain("Anden kommunes hal");
    expect(list.data.find((p) => p.id === rooms.north)).toMatchObject({ parentId: rooms.hall, bookable: true, address: "Skolevej 1, 8000" });

    type Day = {
      date: string;
      open: { opens: string; closes: string } | null;
      closure: string | null;
      booked: { start: string; end: string; status: string; by: string | null; partOfOther: boolean }[];
    };
    const week = (await (await anyone.get(`/api/v1/premises/${rooms.hall}/availability?from=2026-11-30&days=7`)).json()) as { zone: string; data: Day[] };
    expect(week.zone).toBe("Europe/Copenhagen");
    expect(week.data).toHaveLength(7);
    expect(week.data[1]).toMatchObject({
      date: "2026-12-01",
      open: { opens: "08:00", closes: "22:00" },
      booked: [{ start: "18:00", end: "20:00", status: "pending", by: null, partOfOther: true }],
    });
    const christmas = (await (await anyone.get(`/api/v1/premises/${rooms.hall}/availability?from=2026-12-24&days=1`)).json()) as { data: Day[] };
    expect(christmas.data[0]).toMatchObject({ open: null, closure: "Juleferie" });

    for (const bad of ["from=yesterday", "from=2026-12-01&days=100", ""]) {
      const res = await anyone.get(`/api/v1/premises/${rooms.hall}/availability?${bad}`);
      expect(res.status, bad).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    expect((await anyone.get(`/api/v1/premises/${rooms.foreign}/availability?from=2026-12-01`)).status).toBe(404);
  });

  it("gives an association a secret calendar address for its bookings, and a new one stops the old", async () => {
    const v = await admin();
    expect((await request(v, "classroom", { date: "2026-12-03", start: "17:00", end: "18:00" })).status).toBe(303);
    const page = await (await v.post("/premises/calendars", { associationId: club.id }, { from: "/premises/bookings" })).text();
    const url = page.match(/http:\/\/a\.test\/premises\/calendars\/[\w-]+\.ics/)?.[0] ?? "";
    expect(url).not.toBe("");
    const path = new URL(url).pathname;
    const anyone = new Visitor(env.app, "a.test");
    const feed = await (await anyone.get(path)).text();
    const events = new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(["2026-12-03T16:00:00.000Z"]);
    expect(await t.db.selectFrom("calendar_tokens").select("token_hash").execute()).not.toContainEqual({
      token_hash: path.split("/").at(-1)?.replace(".ics", ""),
    });

    await v.post("/premises/calendars", { associationId: club.id }, { from: "/premises/bookings" });
    expect((await anyone.get(path)).status).toBe(404);
    expect((await new Visitor(env.app, "b.test").get(path)).status).toBe(404);
    const outsider = await admin("admin@gaa.test");
    expect((await outsider.post("/premises/calendars", { associationId: club.id }, { from: "/premises/bookings" })).status).toBe(403);
  });
});
