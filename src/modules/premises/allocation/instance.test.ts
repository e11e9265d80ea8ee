import { describe, expect, it } from "vitest";
import { premiseRecord } from "../../../../test/factories/premise-record.js";
import { PremiseTree } from "../premise-tree.js";
import type { OpeningHours } from "../premises.model.js";
import type { RoundApplication } from "../rounds.model.js";
import { allocationInstance, currentPlacements } from "./instance.js";

const premise = premiseRecord;
const tree = new PremiseTree([
  premise("school", { kind: "building", bookable: false }),
  premise("north", { kind: "hall", parentId: "school", accessibility: ["step_free", "hearing_loop"] }),
  premise("south", { kind: "hall", parentId: "school" }),
  premise("classroom", { parentId: "school" }),
]);
// The school is open on weekdays all year; in the autumn season it keeps only shorter Tuesday hours.
const hours: OpeningHours[] = [
  ...[1, 2, 3, 4, 5].map((weekday) => ({
    id: `h${weekday}`,
    premiseId: "school",
    weekday,
    opens: "08:00",
    closes: "22:00",
    validFrom: null,
    validTo: null,
  })),
  { id: "season", premiseId: "school", weekday: 2, opens: "16:00", closes: "21:30", validFrom: "2027-08-01", validTo: "2027-12-20" },
];
const application = (id: string, fields: Partial<RoundApplication> = {}): RoundApplication => ({
  id,
  roundId: "r",
  associationId: `a-${id}`,
  userId: null,
  purpose: "Træning",
  participants: 20,
  priority: 1,
  disabilityUse: false,
  minutes: 120,
  first: { premiseId: "north", weekday: 2, start: "18:00" },
  second: null,
  window: null,
  placed: null,
  bookingId: null,
  response: null,
  createdAt: "2027-01-01T00:00:00Z",
  ...fields,
});

describe("the allocation instance of a round", () => {
  it("offers the bookable rooms with the hours of the season's first week, suited when step-free", () => {
    const { rooms } = allocationInstance({ seasonFrom: "2027-08-01", tree, hours, applications: [], order: [1, 2, 3] });
    expect(rooms.map((r) => r.id).sort()).toEqual(["classroom", "north", "south"]);
    const north = rooms.find((r) => r.id === "north");
    expect(north?.suited).toBe(true);
    expect(north?.open).toEqual({ 2: [960, 1290] });
    const spring = allocationInstance({ seasonFrom: "2027-01-04", tree, hours, applications: [], order: [1, 2, 3] });
    expect(spring.rooms.find((r) => r.id === "north")?.open).toEqual({ 1: [480, 1320], 2: [480, 1320], 3: [480, 1320], 4: [480, 1320], 5: [480, 1320] });
    expect(rooms.find((r) => r.id === "classroom")?.suited).toBe(false);
  });

  it("lets a booking of a hall hold its halves, and a half only itself", () => {
    const divided = new PremiseTree([
      premise("arena", { kind: "building", bookable: false }),
      premise("hall", { kind: "hall", parentId: "arena" }),
      premise("east", { kind: "hall", parentId: "hall" }),
      premise("west", { kind: "hall", parentId: "hall" }),
    ]);
    const { rooms } = allocationInstance({ seasonFrom: "2027-08-01", tree: divided, hours: [], applications: [], order: [1, 2, 3] });
    expect(Object.fromEntries(rooms.map((r) => [r.id, r.holds]))).toEqual({ hall: ["hall", "east", "west"], east: ["east"], west: ["west"] });
  });

  it("ranks by the tenant's order and turns a window into starts in the rooms like the first choice", () => {
    const { wishes } = allocationInstance({
      seasonFrom: "2027-08-01",
      tree,
      hours,
      applications: [
        application("children", { priority: 1 }),
        application("adults", {
          priority: 3,
          disabilityUse: true,
          second: { premiseId: "classroom", weekday: 4, start: "19:30" },
          window: { from: "16:00", to: "21:00" },
        }),
      ],
      order: [3, 1, 2],
    });
    expect(wishes).toEqual([
      expect.objectContaining({ id: "children", priority: 2, first: { roomId: "north", weekday: 2, start: 1080 }, second: null, windows: [] }),
      expect.objectContaining({
        id: "adults",
        priority: 1,
        disabilityUse: true,
        second: { roomId: "classroom", weekday: 4, start: 1170 },
        windows: [{ roomIds: ["north", "south"], weekday: 2, from: 960, to: 1260 }],
      }),
    ]);
  });

  it("reads the proposal back in the allocator's terms, a slot moved by hand as a window", () => {
    expect(
      currentPlacements([
        application("a", { placed: { premiseId: "north", weekday: 2, start: "18:00", choice: "first" } }),
        application("b", { placed: { premiseId: "south", weekday: 3, start: "17:30", choice: "manual" } }),
        application("c"),
      ]),
    ).toEqual([
      { applicationId: "a", roomId: "north", weekday: 2, start: 1080, end: 1200, choice: "first" },
      { applicationId: "b", roomId: "south", weekday: 3, start: 1050, end: 1170, choice: "window" },
    ]);
  });
});
