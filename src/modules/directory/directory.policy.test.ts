import { describe, it } from "vitest";
import { ASSOCIATION, expectOnly, OTHER_ASSOCIATION, TENANT } from "../../../test/policy-actors.js";
import { canManageOffers, canModerateOffers } from "./directory.policy.js";

describe("directory policy", () => {
  it("lets an association's admins and staff write its offers, and see them before they are public", () => {
    expectOnly(canManageOffers, { tenantId: TENANT, associationId: ASSOCIATION }, ["associationAdmin", "staff", "tenantAdmin"]);
    expectOnly(canManageOffers, { tenantId: TENANT, associationId: OTHER_ASSOCIATION }, ["otherAssociationAdmin", "staff", "tenantAdmin"]);
  });
  it("lets staff and the tenant's admin moderate and import offers", () => {
    expectOnly(canModerateOffers, { tenantId: TENANT }, ["staff", "tenantAdmin"]);
  });
});
