import { describe, expect, it } from "vitest";
import { translator } from "./i18n/i18n.js";
import { describeSlots } from "./week-slots.js";

describe("describeSlots", () => {
  const slots = ["thu-morning", "tue-morning", "sat-evening"];

  it("names the days in week order as each language writes them within a sentence", () => {
    expect(describeSlots(translator("da"), slots, "da")).toBe("Tirsdag formiddag, torsdag formiddag, lørdag aften");
    expect(describeSlots(translator("nb"), slots, "nb")).toBe("Tirsdag formiddag, torsdag formiddag, lørdag kveld");
    expect(describeSlots(translator("nl"), slots, "nl")).toBe("Dinsdag ochtend, donderdag ochtend, zaterdag avond");
    expect(describeSlots(translator("en"), slots, "en")).toBe("Tuesday morning, Thursday morning, Saturday evening");
  });

  it("is empty without slots", () => {
    expect(describeSlots(translator("en"), [], "en")).toBe("");
  });
});
