import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../i18n/i18n.js";
import { snippetOf } from "./documents.js";
import { DEFAULT_SYNONYMS, expandQuery, formatSynonyms, parseSynonyms } from "./synonyms.js";

describe("synonyms", () => {
  it("reads one group per line, words by commas, and leaves out blank lines, lone words and repeats", () => {
    expect(parseSynonyms("Ældre, seniorer ,pensionister\n\nmotion\n træning;  gymnastik, træning \r\n")).toEqual([
      ["ældre", "seniorer", "pensionister"],
      ["træning", "gymnastik"],
    ]);
    expect(formatSynonyms(parseSynonyms("a,b\nc , d"))).toBe("a, b\nc, d");
  });

  it("has defaults for every language, each a list of real groups", () => {
    for (const lang of LANGUAGES) expect(parseSynonyms(DEFAULT_SYNONYMS[lang]).length).toBeGreaterThanOrEqual(4);
  });

  it("widens a word of a group to the whole group, by stem, and keeps the other words as typed", () => {
    const groups = parseSynonyms("ældre, seniorer, pensionister\nmotion, træning, gymnastik");
    expect(expandQuery("Motion for ældre", groups, "da", "AND")).toEqual({
      combineWith: "AND",
      queries: [
        { combineWith: "OR", queries: ["Motion", "motion", "træning", "gymnastik"] },
        "for",
        { combineWith: "OR", queries: ["ældre", "seniorer", "pensionister"] },
      ],
    });
    // An inflected form and one typed without æ meet the group too.
    expect(expandQuery("seniorerne", groups, "da", "OR")).toMatchObject({
      queries: [{ combineWith: "OR", queries: expect.arrayContaining(["ældre", "pensionister"]) }],
    });
    expect(expandQuery("aeldre", groups, "da", "OR")).toMatchObject({ queries: [{ combineWith: "OR" }] });
    expect(expandQuery("kaffe", groups, "da", "AND")).toEqual({ combineWith: "AND", queries: ["kaffe"] });
  });

  it("matches a phrase in a group as all its words", () => {
    const groups = parseSynonyms(DEFAULT_SYNONYMS.en);
    const q = expandQuery("befriender", groups, "en", "AND");
    expect(q).toMatchObject({ queries: [{ combineWith: "OR", queries: expect.arrayContaining([{ combineWith: "AND", queries: ["visiting", "friend"] }]) }] });
  });
});

describe("a result's snippet", () => {
  it("keeps the description apart from the place and the time, each a fact of its own", () => {
    expect(snippetOf("En lille gruppe for voksne.\nAarhus Motionsforening, Højbjerg\nHver anden torsdag kl. 19-21")).toEqual({
      lead: "En lille gruppe for voksne.",
      facts: ["Aarhus Motionsforening, Højbjerg", "Hver anden torsdag kl. 19-21"],
    });
  });
  it("cuts a long description at a word and leaves long lines after it out", () => {
    const long = "ord ".repeat(100);
    const { lead, facts } = snippetOf(`${long}\n${long}\n`);
    expect(lead.length).toBeLessThanOrEqual(222);
    expect(lead.endsWith(" …")).toBe(true);
    expect(facts).toEqual([]);
  });
});
