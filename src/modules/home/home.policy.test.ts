import { describe, expect, it } from "vitest";
import { actorNames, actors } from "../../../test/policy-actors.js";
import { homeModule } from "./index.js";

describe("home policy", () => {
  const visibleTo = (href: string) => {
    const entry = homeModule.nav?.find((e) => e.href === href);
    return actorNames.filter((name) => entry?.visible(actors[name]));
  };

  it("shows the front page to everyone, signed in or not", () => {
    expect(visibleTo("/")).toEqual(actorNames);
  });

  it("offers a start page to every signed-in person and nobody else", () => {
    expect(visibleTo("/start")).toEqual(actorNames.filter((name) => name !== "anonymous"));
  });
});
