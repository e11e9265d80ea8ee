import { describe, expect, it } from "vitest";
import { fold, indexTerms, queryTerm } from "./analyzer.js";

describe("search analyzer", () => {
  it("folds Danish and Norwegian letters and accents the way people type without them", () => {
    expect(fold("besøgsven")).toBe("besogsven");
    expect(fold("hjælp")).toBe("hjaelp");
    expect(fold("gå")).toBe("gaa");
    expect(fold("coördinator")).toBe("coordinator");
  });

  it("stems each language so that inflected forms meet", () => {
    expect(queryTerm("frivillige", "da")).toBe(queryTerm("frivillig", "da"));
    expect(queryTerm("sorggrupper", "da")).toBe(queryTerm("sorggruppe", "da"));
    expect(queryTerm("besøksvenner", "nb")).toBe(queryTerm("besøksvenn", "nb"));
    expect(queryTerm("vrijwilligers", "nl")).toBe(queryTerm("vrijwilliger", "nl"));
    expect(queryTerm("volunteering", "en")).toBe(queryTerm("volunteers", "en"));
  });

  it("indexes the whole word beside its stem, so a query the stemmer treats differently still meets it", () => {
    expect(indexTerms("besøgsvenner", "da")).toEqual(["besogsven", "besogsvenner"]);
    expect(queryTerm("besogsven", "da")).toBe("besogsv");
    expect(indexTerms("Idræt", "da")).toEqual(["idraet"]);
  });
});
