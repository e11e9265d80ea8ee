import { describe, it } from "vitest";
import { expectOnly, TENANT } from "../../../test/policy-actors.js";
import { canGrantRole, canManagePeople } from "./people.policy.js";

describe("people policy", () => {
  it("lets staff and the tenant's admin list people, not caseworkers, associations or citizens", () => {
    expectOnly(canManagePeople, { tenantId: TENANT }, ["staff", "tenantAdmin"]);
  });
  it("lets staff and the tenant's admin give the staff and caseworker roles", () => {
    expectOnly(canGrantRole, { tenantId: TENANT, role: "staff" }, ["staff", "tenantAdmin"]);
    expectOnly(canGrantRole, { tenantId: TENANT, role: "caseworker" }, ["staff", "tenantAdmin"]);
  });
  it("lets only a tenant admin make another tenant admin", () => {
    expectOnly(canGrantRole, { tenantId: TENANT, role: "tenant_admin" }, ["tenantAdmin"]);
  });
});
