import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearBookings, type PremisesWorld, premisesWorld } from "../../../test/factories/premises.factory.js";
import { dialects, TestClock, type Visitor } from "../../../test/harness.js";

describe.each(dialects())("the edges of a seasonal round [%s]", (dialect) => {
  let world: PremisesWorld;
  const clock = new TestClock(new Date("2026-12-01T10:00:00.000Z"));

  beforeAll(async () => {
    world = await premisesWorld(dialect, clock);
  });
  afterAll(() => world.t.destroy());
  beforeEach(() => clearBookings(world.t.db));

  async function newRound(staff: Visitor, name: string) {
    const created = await staff.post("/premises/rounds", { name, from: "2027-08-01", to: "2027-12-20" }, { from: "/premises/rounds" });
    return (created.headers.get("location") ?? "").split("/")[3]?.split("?")[0] ?? "";
  }
  const wish = (change: Record<string, string> = {}) => ({
    associationId: world.club.id,
    purpose: "Seniorgymnastik",
    participants: "12",
    priority: "3",
    minutes: "60",
    firstPremiseId: world.rooms.north ?? "",
    firstWeekday: "3",
    firstStart: "10:00",
    secondPremiseId: "",
    secondWeekday: "",
    secondStart: "",
    windowFrom: "",
    windowTo: "",
    ...change,
  });
  const wishes = (roundId: string) =>
    world.t.db
      .selectFrom("allocation_applications")
      .select(["purpose", "priority", "second_premise_id", "second_weekday", "second_start"])
      .where("round_id", "=", roundId)
      .execute();

  it("asks what the time is for, with no answer chosen beforehand", async () => {
    const staff = await world.admin("sagsbehandler@a.test");
    const roundId = await newRound(staff, "Forår 2027");
    const clubAdmin = await world.admin();
    const page = await (await clubAdmin.get(`/premises/rounds/${roundId}`)).text();
    expect(page).toContain('<option value="" selected="">Vælg…</option>');
    expect(page).not.toContain('<option value="1" selected="">');

    const { priority: _, ...withoutPriority } = wish();
    for (const fields of [withoutPriority, wish({ priority: "" })]) {
      const res = await clubAdmin.post(`/premises/rounds/${roundId}/apply`, fields, { from: `/premises/rounds/${roundId}` });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain("Vælg, hvad tiden skal bruges til.");
    }
    expect(await wishes(roundId)).toEqual([]);
    expect((await clubAdmin.post(`/premises/rounds/${roundId}/apply`, wish(), { from: "/" })).status).toBe(303);
    expect(await wishes(roundId)).toEqual([expect.objectContaining({ purpose: "Seniorgymnastik", priority: 3 })]);
  });

  it("takes a second choice without the time marked optional: it is the first choice's time", async () => {
    const staff = await world.admin("sagsbehandler@a.test");
    const roundId = await newRound(staff, "Efterår 2027");
    const clubAdmin = await world.admin();
    const page = await (await clubAdmin.get(`/premises/rounds/${roundId}`)).text();
    expect(page).toContain("Andet ønske: fra kl.<span> (valgfri)</span>");
    const res = await clubAdmin.post(`/premises/rounds/${roundId}/apply`, wish({ secondPremiseId: world.rooms.south ?? "" }), { from: "/" });
    expect(res.status).toBe(303);
    expect(await wishes(roundId)).toEqual([expect.objectContaining({ second_premise_id: world.rooms.south, second_weekday: 3, second_start: "10:00" })]);
  });

  it("refuses to publish a round without applications, and asks before publishing one with them", async () => {
    const staff = await world.admin("sagsbehandler@a.test");
    const empty = await newRound(staff, "Tom runde");
    expect((await staff.post(`/premises/rounds/${empty}/propose`, {}, { from: "/" })).status).toBe(303);
    const refused = await staff.post(`/premises/rounds/${empty}/publish`, { confirm: "yes" }, { from: "/" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Runden har ingen ansøgninger, så der er intet at udgive.");
    const emptyPage = await (await staff.get(`/premises/rounds/${empty}/publish`)).text();
    expect(emptyPage).toContain("Runden har ingen ansøgninger");
    expect(emptyPage).not.toContain('name="confirm"');
    const round = () => world.t.db.selectFrom("allocation_rounds").select("status").where("id", "=", empty).executeTakeFirstOrThrow();
    expect((await round()).status).toBe("allocating");

    const roundId = await newRound(staff, "Vinter 2027");
    const clubAdmin = await world.admin();
    expect((await clubAdmin.post(`/premises/rounds/${roundId}/apply`, wish(), { from: "/" })).status).toBe(303);
    expect((await staff.post(`/premises/rounds/${roundId}/propose`, {}, { from: "/" })).status).toBe(303);
    const roundPage = await (await staff.get(`/premises/rounds/${roundId}`)).text();
    expect(roundPage).toContain(`href="/premises/rounds/${roundId}/publish"`);

    // A post without the confirmation does nothing but lead to the page that asks.
    const unasked = await staff.post(`/premises/rounds/${roundId}/publish`, {}, { from: "/" });
    expect(unasked.status).toBe(303);
    expect(unasked.headers.get("location")).toBe(`/premises/rounds/${roundId}/publish`);
    const status = async () => (await world.t.db.selectFrom("allocation_rounds").select("status").where("id", "=", roundId).executeTakeFirstOrThrow()).status;
    expect(await status()).toBe("allocating");

    const ask = await (await staff.get(`/premises/rounds/${roundId}/publish`)).text();
    expect(ask).toContain("Udgiv fordelingen i Vinter 2027?");
    expect(ask).toContain("1 forening får en e-mail om, hvad den har fået.");
    expect(ask).toContain("1 fast ugentlig tid bliver booket for sæsonen");
    expect(ask).toContain('name="confirm" value="yes"');
    expect((await staff.post(`/premises/rounds/${roundId}/publish`, { confirm: "yes" }, { from: "/" })).status).toBe(303);
    expect(await status()).toBe("published");
    // Not for an association's admin.
    expect((await clubAdmin.get(`/premises/rounds/${roundId}/publish`)).status).toBe(403);
  });
});
