import { describe, it } from "vitest";
import { ASSOCIATION, expectOnly, OTHER_ASSOCIATION, TENANT } from "../../../test/policy-actors.js";
import { canApplyForStand, canPrintStandSign, canRunFair, canSeeLeads } from "./fair.policy.js";

describe("the fair's policy", () => {
  it("lets an association's admins apply for its stand, and nobody else", () => {
    expectOnly(canApplyForStand, { tenantId: TENANT, associationId: ASSOCIATION }, ["associationAdmin"]);
    expectOnly(canApplyForStand, { tenantId: TENANT, associationId: OTHER_ASSOCIATION }, ["otherAssociationAdmin"]);
  });
  it("lets staff and the tenant's admin run the fair", () => {
    expectOnly(canRunFair, { tenantId: TENANT }, ["staff", "tenantAdmin"]);
  });
  it("lets the stand's association and staff print its sign", () => {
    expectOnly(canPrintStandSign, { tenantId: TENANT, associationId: ASSOCIATION }, ["associationAdmin", "staff", "tenantAdmin"]);
  });
  it("shows an association's leads to its admins only", () => {
    expectOnly(canSeeLeads, { tenantId: TENANT, associationId: ASSOCIATION }, ["associationAdmin"]);
    expectOnly(canSeeLeads, { tenantId: TENANT, associationId: OTHER_ASSOCIATION }, ["otherAssociationAdmin"]);
  });
});
