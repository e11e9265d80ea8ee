import { describe, it } from "vitest";
import { ASSOCIATION, expectOnly, TENANT } from "../../../test/policy-actors.js";
import { canManageAgreements, canSeeAgreement, canSeeOwnAgreements } from "./agreements.policy.js";

describe("agreements policy", () => {
  it("lets only caseworkers and the tenant's administrator record and change agreements (not volunteer-centre staff)", () => {
    expectOnly(canManageAgreements, { tenantId: TENANT }, ["caseworker", "tenantAdmin"]);
  });
  it("shows an agreement in full to its keepers and the board of a party; never to another association, a member, a citizen or another tenant", () => {
    expectOnly(canSeeAgreement, { tenantId: TENANT, associationIds: [ASSOCIATION] }, ["associationAdmin", "caseworker", "tenantAdmin"]);
    expectOnly(canSeeAgreement, { tenantId: TENANT, associationIds: ["someone-else"] }, ["caseworker", "tenantAdmin"]);
  });
  it("offers 'our agreements' to association boards only", () => {
    expectOnly(canSeeOwnAgreements, { tenantId: TENANT }, ["associationAdmin", "otherAssociationAdmin"]);
  });
});
