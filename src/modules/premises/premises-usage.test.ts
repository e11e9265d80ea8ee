import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearBookings, type PremisesWorld, premisesWorld } from "../../../test/factories/premises.factory.js";
import { dialects, TestClock } from "../../../test/harness.js";

describe.each(dialects())("the use of premises [%s]", (dialect) => {
  let admin: PremisesWorld["admin"];
  let request: PremisesWorld["request"];
  let world: PremisesWorld;
  const clock = new TestClock();

  beforeAll(async () => {
    world = await premisesWorld(dialect, clock);
    ({ admin, request } = world);
  });
  afterAll(() => world.t.destroy());
  beforeEach(() => clearBookings(world.t.db));

  it("reports the use of premises: open hours against booked hours, cancellations and groups that did not come", async () => {
    const v = await admin();
    const booked = await request(v, "classroom", { date: "2026-11-30", start: "16:00", end: "19:00", repeat: "weekly", until: "2026-12-14" });
    const id = (booked.headers.get("location") ?? "").split("/")[3]?.split("?")[0] ?? "";
    expect((await v.post(`/premises/bookings/${id}/cancel`, { scope: "one", date: "2026-12-07" }, { from: "/" })).status).toBe(303);
    const staff = await admin("sagsbehandler@a.test");
    // Not yet: the group cannot have failed to come to a date still ahead.
    const early = await staff.post(`/premises/bookings/${id}/no-show`, { date: "2026-11-30" }, { from: "/" });
    expect(early.status).toBe(422);
    expect(await early.text()).toContain("Datoen er ikke kommet endnu");
    clock.advance(9 * 86_400_000);
    // Nine days on, both sign in again.
    const later = await admin();
    const staffLater = await admin("sagsbehandler@a.test");
    expect((await later.post(`/premises/bookings/${id}/no-show`, { date: "2026-11-30" }, { from: "/" })).status).toBe(403);
    expect((await staffLater.post(`/premises/bookings/${id}/no-show`, { date: "2026-11-30" }, { from: "/" })).status).toBe(303);

    const csv = await (await staffLater.get("/premises/usage.csv?from=2026-11-30&to=2026-12-06")).text();
    // Open 08-22 every day: 14 hours x 7 days; booked one date of 3 hours; the group did not come.
    expect(csv).toContain("Klasselokale 3;Sønderby Skole;98;3;0,031;1;0;1");
    const december = await (await staffLater.get("/premises/usage.csv?from=2026-12-01&to=2026-12-31")).text();
    // The Christmas closure from the 21st leaves 20 open days; one date booked, one cancelled.
    expect(december).toContain("Klasselokale 3;Sønderby Skole;280;3;0,011;1;1;0");
    const page = await (await staffLater.get("/premises/usage?from=2026-11-30&to=2026-12-13")).text();
    expect(page).toContain("Brug af lokalerne");
    expect(page).toContain("<svg");
    expect((await later.get("/premises/usage")).status).toBe(403);
    expect(await (await staffLater.get("/premises/usage?from=nonsense&to=2026-99-99")).text()).toContain("Brug af lokalerne");
  });
});
