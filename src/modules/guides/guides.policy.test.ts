import { describe, it } from "vitest";
import { expectOnly, TENANT } from "../../../test/policy-actors.js";
import { canWriteGuides } from "./guides.policy.js";

describe("guides policy", () => {
  it("lets only staff, caseworkers and the tenant's admin write guides and see drafts; never a board, a member, a citizen or another tenant", () => {
    expectOnly(canWriteGuides, { tenantId: TENANT }, ["staff", "caseworker", "tenantAdmin"]);
  });
});
