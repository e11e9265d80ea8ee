import { describe, expect, it } from "vitest";
import { actorNames, actors } from "../../../test/policy-actors.js";
import { mayReadOpenData } from "./open-data.policy.js";

describe("open data policy", () => {
  it("lets everyone read open data: nobody signed in, every role, another association, another tenant", () => {
    expect(actorNames.filter((name) => !mayReadOpenData(actors[name]))).toEqual([]);
  });
});
