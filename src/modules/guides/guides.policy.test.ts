import { describe, it } from "vitest";
import { expectOnly, TENANT } from "../../../test/policy-actors.js";
import { canWriteGuides, canWriteGuidesForCentre } from "./guides.policy.js";

describe("guides policy", () => {
  it("lets only staff, caseworkers and the tenant's admin write guides and see drafts; never a board, a member, a citizen or another tenant", () => {
    expectOnly(canWriteGuides, { tenantId: TENANT }, ["staff", "caseworker", "tenantAdmin"]);
  });
  it("lists the guides to write in the centre's menu for its staff and the tenant's admin only", () => {
    expectOnly(canWriteGuidesForCentre, { tenantId: TENANT }, ["staff", "tenantAdmin"]);
  });
});
