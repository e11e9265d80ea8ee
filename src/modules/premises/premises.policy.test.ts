import { describe, it } from "vitest";
import { ASSOCIATION, expectOnly, TENANT } from "../../../test/policy-actors.js";
import { canBookFor, canDecideBookings, canManagePremises } from "./premises.policy.js";

describe("premises policy", () => {
  it("lets an association's admins and the municipality's people book for the association", () => {
    expectOnly(canBookFor, { tenantId: TENANT, associationId: ASSOCIATION }, ["associationAdmin", "staff", "caseworker", "tenantAdmin"]);
  });
  it("lets caseworkers, staff and the tenant's admin decide requests and manage premises", () => {
    expectOnly(canDecideBookings, { tenantId: TENANT }, ["staff", "caseworker", "tenantAdmin"]);
    expectOnly(canManagePremises, { tenantId: TENANT }, ["staff", "caseworker", "tenantAdmin"]);
  });
});
