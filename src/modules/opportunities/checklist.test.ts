import { describe, expect, it } from "vitest";
import { reviewPosting } from "./checklist.js";

const good = {
  title: "Besøgsven for en ældre i Sønderby",
  tasks:
    "Du besøger en ældre borger en time om ugen, drikker kaffe, går en tur eller spiller kort. Du lytter, og du er en fast person i hverdagen for et menneske, der ellers sidder meget alene.",
  benefits: "Et varmt fællesskab med andre besøgsvenner, kurser og en årlig tur.",
  commitment: "weekly" as const,
  hoursPerWeek: 2,
  oneOffDate: null,
  place: "Sønderby",
  remote: false,
  startDate: "2026-12-01",
  suits: ["seniors" as const],
  languages: ["da" as const],
};

describe("the posting checklist", () => {
  it("passes a concrete posting with a full score", () => {
    const review = reviewPosting(good);
    expect(review.ready).toBe(true);
    expect(review.score).toBe(100);
  });

  it.each([
    ["Frivillige søges", "checklist.titleNamesTask"],
    ["Vi søger frivillige til alt muligt", "checklist.titleNamesTask"],
    ["Volunteers wanted", "checklist.titleNamesTask"],
    ["Hjælper", "checklist.titleNamesTask"],
  ])("rejects the vague title %s", (title, key) => {
    const review = reviewPosting({ ...good, title });
    expect(review.ready).toBe(false);
    expect(review.items.find((i) => !i.ok)?.key).toBe(key);
  });

  it("asks for concrete tasks, a clear time and a place", () => {
    const review = reviewPosting({ ...good, tasks: "Hjælp os.", hoursPerWeek: null, place: "", remote: false });
    expect(review.items.filter((i) => !i.ok).map((i) => i.key)).toEqual(["checklist.tasksConcrete", "checklist.timeClear", "checklist.placeClear"]);
    expect(review.ready).toBe(false);
  });

  it("lets advice items fail without blocking", () => {
    const review = reviewPosting({ ...good, benefits: "", startDate: null, suits: [] });
    expect(review.ready).toBe(true);
    expect(review.score).toBe(57);
  });

  it("accepts remote work as a place", () => {
    expect(reviewPosting({ ...good, place: "", remote: true }).ready).toBe(true);
  });
});
