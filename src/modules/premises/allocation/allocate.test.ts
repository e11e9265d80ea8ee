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
});
