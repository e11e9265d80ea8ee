import { describe, it } from "vitest";
import { expectOnly, OTHER_TENANT, TENANT } from "../../../test/policy-actors.js";
import { canSendNewsletters } from "./newsletters.policy.js";

describe("newsletters policy", () => {
  it("lets only the centre's staff and the tenant's admin write, send and follow newsletters", () => {
    expectOnly(canSendNewsletters, { tenantId: TENANT }, ["staff", "tenantAdmin"]);
  });
  it("lets nobody of another tenant near this tenant's newsletters", () => {
    expectOnly(canSendNewsletters, { tenantId: OTHER_TENANT }, ["otherTenantStaff"]);
  });
});
