import { describe, it } from "vitest";
import { ASSOCIATION, expectOnly, OTHER_ASSOCIATION, TENANT } from "../../../test/policy-actors.js";
import { canApplyFor, canRunRounds } from "./rounds.policy.js";

describe("rounds policy", () => {
  it("lets caseworkers, staff and the tenant's admin run a round", () => {
    expectOnly(canRunRounds, { tenantId: TENANT }, ["staff", "caseworker", "tenantAdmin"]);
  });
  it("lets an association's admins and the municipality's people apply for the association and answer its slots", () => {
    expectOnly(canApplyFor, { tenantId: TENANT, associationId: ASSOCIATION }, ["associationAdmin", "staff", "caseworker", "tenantAdmin"]);
    expectOnly(canApplyFor, { tenantId: TENANT, associationId: OTHER_ASSOCIATION }, ["otherAssociationAdmin", "staff", "caseworker", "tenantAdmin"]);
  });
});
