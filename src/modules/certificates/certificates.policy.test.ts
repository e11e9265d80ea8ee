import { describe, it } from "vitest";
import { ASSOCIATION, expectOnly, OTHER_ASSOCIATION, TENANT } from "../../../test/policy-actors.js";
import { canKeepCertificates, canKeepSomeCertificates, canSetCertificateRenewal } from "./certificates.policy.js";

describe("certificates policy", () => {
  it("lets only the association's own board keep its certificates: not a member, another board, staff or another tenant", () => {
    expectOnly(canKeepCertificates, { tenantId: TENANT, associationId: ASSOCIATION }, ["associationAdmin"]);
    expectOnly(canKeepCertificates, { tenantId: TENANT, associationId: OTHER_ASSOCIATION }, ["otherAssociationAdmin"]);
  });

  it("shows the list to the boards of some association only", () => {
    expectOnly(canKeepSomeCertificates, { tenantId: TENANT }, ["associationAdmin", "otherAssociationAdmin"]);
  });

  it("lets only the tenant's administrator set the renewal period", () => {
    expectOnly(canSetCertificateRenewal, { tenantId: TENANT }, ["tenantAdmin"]);
  });
});
