import { describe, it } from "vitest";
import { ASSOCIATION, expectOnly, OTHER_ASSOCIATION, TENANT } from "../../../test/policy-actors.js";
import { canFollowUp, canManageOpportunities, canModerate } from "./opportunities.policy.js";

describe("opportunities policy", () => {
  it("lets an association's admins and the centre's staff manage the association's jobs", () => {
    expectOnly(canManageOpportunities, { tenantId: TENANT, associationId: ASSOCIATION }, ["associationAdmin", "staff", "tenantAdmin"]);
    expectOnly(canManageOpportunities, { tenantId: TENANT, associationId: OTHER_ASSOCIATION }, ["otherAssociationAdmin", "staff", "tenantAdmin"]);
  });
  it("lets the centre's staff and the tenant's admin moderate postings and follow up on applicants", () => {
    expectOnly(canModerate, { tenantId: TENANT }, ["staff", "tenantAdmin"]);
    expectOnly(canFollowUp, { tenantId: TENANT }, ["staff", "tenantAdmin"]);
  });
});
