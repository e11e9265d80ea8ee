import { describe, expect, it } from "vitest";
import type { Expert } from "./experts.model.js";
import { suggestExperts } from "./suggest.js";

const expert = (id: string, over: Partial<Expert>): Expert => ({
  id,
  tenantId: "t",
  userId: `u-${id}`,
  name: id,
  email: `${id}@example.test`,
  skills: ["finance"],
  experience: "",
  hoursPerMonth: 4,
  phone: null,
  status: "active",
  createdAt: "",
  updatedAt: "",
  ...over,
});

describe("suggesting experts for a request", () => {
  it("ranks by skill, then hours, then who helps nobody now, with the reasons", () => {
    const list = suggestExperts(
      "finance",
      [
        expert("busy", { hoursPerMonth: 10 }),
        expert("free", { hoursPerMonth: 4 }),
        expert("lawyer", { skills: ["law"], hoursPerMonth: 20 }),
        expert("paused", { status: "paused" }),
        expert("asked", {}),
      ],
      new Map([["busy", 2]]),
      new Set(["asked"]),
    );
    expect(list.map((s) => s.expert.id)).toEqual(["free", "busy"]);
    expect(list[0]?.fits).toEqual([{ code: "skill", skill: "finance" }, { code: "hours", count: 4 }, { code: "free" }]);
    expect(list[1]?.misfits).toEqual([{ code: "busy", count: 2 }]);
  });
});
