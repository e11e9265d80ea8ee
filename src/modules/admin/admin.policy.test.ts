import { describe, it } from "vitest";
import { expectOnly, TENANT } from "../../../test/policy-actors.js";
import { canEditTenantSettings, canManageApiTokens, canReadAccessLog, canReadAudit } from "./admin.policy.js";

describe("admin policy", () => {
  it("lets the municipality's people read the audit log, not associations or citizens", () => {
    expectOnly(canReadAudit, { tenantId: TENANT }, ["staff", "caseworker", "tenantAdmin"]);
  });
  it("leaves the access log, API tokens and the tenant's settings to the tenant's admin", () => {
    expectOnly(canReadAccessLog, { tenantId: TENANT }, ["tenantAdmin"]);
    expectOnly(canManageApiTokens, { tenantId: TENANT }, ["tenantAdmin"]);
    expectOnly(canEditTenantSettings, { tenantId: TENANT }, ["tenantAdmin"]);
  });
});
