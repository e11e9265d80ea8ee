import { describe, expect, it } from "vitest";
import { type AllocApplication, type AllocRoom, allocate, fairness, objective, priorityViolations } from "./allocate.js";
import { exactAllocation } from "./exact.js";

const h = (hours: number) => hours * 60;
const weekdays = (opens: number, closes: number) => Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [h(opens), h(closes)] as [number, number]]));
const gym: AllocRoom = { id: "gym", suited: false, open: weekdays(16, 22) };
const accessibleHall: AllocRoom = { id: "hall", suited: true, open: weekdays(16, 22) };

const app = (id: string, change: Partial<AllocApplication> = {}): AllocApplication => ({
  id,
  associationId: id,
  priority: 3,
  disabilityUse: false,
  minutes: 120,
  first: { roomId: "gym", weekday: 2, start: h(18) },
  second: null,
  windows: [],
  ...change,
});

describe("seasonal allocation", () => {
  it("gives children's activities the slot an adult activity also wants; the adults get their second choice", () => {
    const adults = app("yoga", { priority: 3, second: { roomId: "gym", weekday: 4, start: h(18) } });
    const children = app("badminton", { priority: 1 });
    const result = allocate([gym], [adults, children]);
    expect(result.find((p) => p.applicationId === "badminton")).toMatchObject({ weekday: 2, start: h(18), choice: "first" });
    expect(result.find((p) => p.applicationId === "yoga")).toMatchObject({ weekday: 4, choice: "second" });
    expect(priorityViolations([gym], [adults, children], result)).toBe(0);
  });

  it("gives a room suited to people with disabilities to that use first, even before children", () => {
    const wheelchairs = app("handicapidraet", { priority: 3, disabilityUse: true, first: { roomId: "hall", weekday: 2, start: h(18) } });
    const children = app("handbold", {
      priority: 1,
      first: { roomId: "hall", weekday: 2, start: h(18) },
      windows: [{ roomIds: ["gym"], weekday: 2, from: h(16), to: h(22) }],
    });
    const result = allocate([gym, accessibleHall], [children, wheelchairs]);
    expect(result.find((p) => p.applicationId === "handicapidraet")).toMatchObject({ roomId: "hall", choice: "first" });
    // The children's club is moved to the first free time in its window in the ordinary gym.
    expect(result.find((p) => p.applicationId === "handbold")).toMatchObject({ roomId: "gym", start: h(16), choice: "window" });
  });

  it("shares what is left fairly: an association with nothing yet goes before one that has had its first slot", () => {
    // Room for two two-hour slots on Tuesday; each association asks for two.
    const tuesday = { roomIds: ["gym"], weekday: 2, from: h(18), to: h(22) };
    const apps = [
      app("a1", { associationId: "a", windows: [tuesday] }),
      app("a2", { associationId: "a", first: { roomId: "gym", weekday: 2, start: h(20) }, windows: [tuesday] }),
      app("b1", { associationId: "b", windows: [tuesday] }),
      app("b2", { associationId: "b", first: { roomId: "gym", weekday: 2, start: h(20) }, windows: [tuesday] }),
    ];
    const result = allocate([{ ...gym, open: { 2: [h(18), h(22)] } }], apps);
    expect(result.map((p) => p.applicationId).sort()).toEqual(["a1", "b1"]);
    expect(fairness(apps, result)).toEqual({ share: 0.5, spread: 0 });
  });

  it("counts a broken priority order when a higher priority is left out for a lower one", () => {
    const adults = app("yoga", { priority: 3 });
    const children = app("badminton", { priority: 1 });
    const wrong = [{ applicationId: "yoga", roomId: "gym", weekday: 2, start: h(18), end: h(20), choice: "first" as const }];
    expect(priorityViolations([gym], [adults, children], wrong)).toBe(1);
  });

  it("moves one placed application to its second choice to make room for one left out, as the exact optimum does", async () => {
    // A could go 17-19 or 19-21; B only 17-19. A takes its first choice; the repair moves it to 19-21 for B.
    const room = { ...gym, open: { 2: [h(17), h(21)] as [number, number] } };
    const a = app("a", { first: { roomId: "gym", weekday: 2, start: h(17) }, second: { roomId: "gym", weekday: 2, start: h(19) } });
    const b = app("b", { first: { roomId: "gym", weekday: 2, start: h(17) } });
    const greedy = allocate([room], [a, b]);
    expect(greedy.map((p) => `${p.applicationId}@${p.start / 60}`).sort()).toEqual(["a@19", "b@17"]);
    const exact = await exactAllocation([room], [a, b]);
    expect(exact.optimal).toBe(true);
    expect(exact.placements.map((p) => `${p.applicationId}@${p.start / 60}`).sort()).toEqual(["a@19", "b@17"]);
    expect(objective([a, b], greedy)).toBeCloseTo(exact.value, 6);
  });

  it("never lets the repair push out a higher priority", () => {
    const room = { ...gym, open: { 2: [h(17), h(21)] as [number, number] } };
    const children = app("children", { priority: 1, first: { roomId: "gym", weekday: 2, start: h(17) }, second: { roomId: "gym", weekday: 2, start: h(19) } });
    const adults = app("adults", { priority: 3, first: { roomId: "gym", weekday: 2, start: h(17) } });
    const other = app("other", { priority: 1, first: { roomId: "gym", weekday: 2, start: h(19) } });
    const result = allocate([room], [children, adults, other]);
    expect(result.map((p) => p.applicationId).sort()).toEqual(["children", "other"]);
    expect(priorityViolations([room], [children, adults, other], result)).toBe(0);
  });

  it("follows a chain of moves the one-move repair missed: C takes A's place, A takes B's, B moves to its second choice", async () => {
    // Tuesday 16-22: A wants 18-20 (or 20-22), B 20-22 (or 16-18), C only 18-20. A and B are placed first;
    // no single move frees 18-20 for C, but two in a row do, and that is the optimum.
    const room = { ...gym, open: { 2: [h(16), h(22)] as [number, number] } };
    const a = app("a", { first: { roomId: "gym", weekday: 2, start: h(18) }, second: { roomId: "gym", weekday: 2, start: h(20) } });
    const b = app("b", { first: { roomId: "gym", weekday: 2, start: h(20) }, second: { roomId: "gym", weekday: 2, start: h(16) } });
    const c = app("c", { first: { roomId: "gym", weekday: 2, start: h(18) } });
    const result = allocate([room], [a, b, c]);
    expect(result.map((p) => `${p.applicationId}@${p.start / 60}`).sort()).toEqual(["a@20", "b@16", "c@18"]);
    const exact = await exactAllocation([room], [a, b, c]);
    expect(objective([a, b, c], result)).toBeCloseTo(exact.value, 6);
    expect(priorityViolations([room], [a, b, c], result)).toBe(0);
  });
});

describe("a hall divided in halves", () => {
  // The sports hall can be booked whole or by its east or west half.
  const hall: AllocRoom = { id: "hall", suited: false, open: weekdays(16, 22), holds: ["hall", "east", "west"] };
  const east: AllocRoom = { id: "east", suited: false, open: weekdays(16, 22) };
  const west: AllocRoom = { id: "west", suited: false, open: weekdays(16, 22) };
  const rooms = [hall, east, west];
  const at = (roomId: string, weekday = 2, start = h(18)) => ({ roomId, weekday, start });
  const where = (placements: { applicationId: string; roomId: string; weekday: number }[]) =>
    placements.map((p) => `${p.applicationId}:${p.roomId}/${p.weekday}`).sort();

  it("a booking of the whole hall keeps both halves free of others at that time", async () => {
    const handball = app("handball", { priority: 1, first: at("hall") });
    const yoga = app("yoga", { priority: 3, first: at("east"), second: at("east", 4) });
    const dance = app("dance", { priority: 3, first: at("west") });
    const result = allocate(rooms, [handball, yoga, dance]);
    expect(where(result)).toEqual(["handball:hall/2", "yoga:east/4"]);
    expect(priorityViolations(rooms, [handball, yoga, dance], result)).toBe(0);
    // The exact solver models the same conflict: it finds no better proposal.
    const exact = await exactAllocation(rooms, [handball, yoga, dance]);
    expect(where(exact.placements)).toEqual(["handball:hall/2", "yoga:east/4"]);
    expect(objective([handball, yoga, dance], result)).toBeCloseTo(exact.value, 6);
  });

  it("a booking of one half keeps the whole hall from being booked at that time, and the other half stays bookable", () => {
    const badminton = app("badminton", { priority: 1, first: at("east") });
    const floorball = app("floorball", { priority: 1, first: at("west") });
    const concert = app("concert", { priority: 3, first: at("hall"), windows: [{ roomIds: ["hall"], weekday: 2, from: h(16), to: h(22) }] });
    const result = allocate(rooms, [badminton, floorball, concert]);
    expect(where(result)).toEqual(["badminton:east/2", "concert:hall/2", "floorball:west/2"]);
    const placed = result.find((p) => p.applicationId === "concert");
    // Moved in its window to a time when neither half is booked.
    expect(placed?.end).toBeLessThanOrEqual(h(18));
  });

  it("keeps the priority order between a half and the whole: children in a half go before adults in the whole", () => {
    const adults = app("adults", { priority: 3, first: at("hall") });
    const children = app("children", { priority: 1, first: at("west") });
    const result = allocate(rooms, [adults, children]);
    expect(where(result)).toEqual(["children:west/2"]);
    expect(priorityViolations(rooms, [adults, children], result)).toBe(0);
    // Giving the whole hall to the adults instead breaks the order, and is counted.
    const wrong = [{ applicationId: "adults", roomId: "hall", weekday: 2, start: h(18), end: h(20), choice: "first" as const }];
    expect(priorityViolations(rooms, [adults, children], wrong)).toBe(1);
  });

  it("gives up a booking of the whole hall for two of its halves that together weigh more, in one move", async () => {
    // Tuesday 18-20 only. The concert (two hours) takes the whole hall first; yoga and dance (an hour and a half
    // each) want the halves. Either half alone is worth less than the concert; both together are worth more.
    const tuesday = { 2: [h(18), h(20)] as [number, number] };
    const only = rooms.map((r) => ({ ...r, open: tuesday }));
    const concert = app("concert", { associationId: "a", first: at("hall") });
    const yoga = app("yoga", { associationId: "b", minutes: 90, first: at("east") });
    const dance = app("dance", { associationId: "c", minutes: 90, first: at("west") });
    const result = allocate(only, [concert, yoga, dance]);
    expect(where(result)).toEqual(["dance:west/2", "yoga:east/2"]);
    expect(priorityViolations(only, [concert, yoga, dance], result)).toBe(0);
    const exact = await exactAllocation(only, [concert, yoga, dance]);
    expect(objective([concert, yoga, dance], result)).toBeCloseTo(exact.value, 6);
  });
});
