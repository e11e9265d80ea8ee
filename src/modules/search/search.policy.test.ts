import { describe, it } from "vitest";
import { actorNames, expectOnly, TENANT } from "../../../test/policy-actors.js";
import { canEditSynonyms, canSaveSearches } from "./search.policy.js";

describe("search policy", () => {
  it("lets anyone signed in to the tenant keep searches, and nobody from another tenant", () => {
    expectOnly(
      canSaveSearches,
      { tenantId: TENANT },
      actorNames.filter((n) => n !== "anonymous" && !n.startsWith("otherTenant")),
    );
  });

  it("keeps the search words to the tenant's administrator", () => {
    expectOnly(canEditSynonyms, { tenantId: TENANT }, ["tenantAdmin"]);
  });
});
