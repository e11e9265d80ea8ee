import { describe, it } from "vitest";
import { expectOnly, OTHER_TENANT, TENANT } from "../../../test/policy-actors.js";
import { canManageMembers } from "./members.policy.js";

describe("members policy", () => {
  it("lets only the centre's staff and the tenant's admin keep members and groups", () => {
    expectOnly(canManageMembers, { tenantId: TENANT }, ["staff", "tenantAdmin"]);
  });
  it("lets nobody of another tenant near this tenant's members", () => {
    expectOnly(canManageMembers, { tenantId: OTHER_TENANT }, ["otherTenantStaff"]);
  });
});
