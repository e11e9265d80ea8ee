import { describe, expect, it } from "vitest";
import { actorNames, actors } from "../../../test/policy-actors.js";
import { homeModule } from "./index.js";

describe("home policy", () => {
  it("has no rules: the front page, accessibility and privacy statements are everyone's, signed in or not", () => {
    const visible = Object.fromEntries(actorNames.map((name) => [name, homeModule.nav?.every((entry) => entry.visible(actors[name]))]));
    expect(visible).toEqual(Object.fromEntries(actorNames.map((name) => [name, true])));
  });
});
