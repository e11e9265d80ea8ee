import { describe, it } from "vitest";
import { actors, expectOnly, OTHER_TENANT, TENANT } from "../../../test/policy-actors.js";
import { canHandleEnquiry, canManageContact, canUseInbox } from "./contact.policy.js";

const userOf = (name: keyof typeof actors) => {
  const a = actors[name];
  return a.kind === "person" ? a.userId : "";
};

describe("contact policy", () => {
  it("lets only the tenant's administrator keep topics and deadlines", () => {
    expectOnly(canManageContact, { tenantId: TENANT }, ["tenantAdmin"]);
    expectOnly(canManageContact, { tenantId: OTHER_TENANT }, ["otherTenantStaff"]);
  });
  it("gives staff, caseworkers and the administrator an inbox, and nobody else", () => {
    expectOnly(canUseInbox, { tenantId: TENANT }, ["staff", "caseworker", "tenantAdmin"]);
  });
  it("shows a person's topic's enquiry to that person and the administrator only", () => {
    expectOnly(canHandleEnquiry, { tenantId: TENANT, responsibleUserId: userOf("caseworker") }, ["caseworker", "tenantAdmin"]);
    expectOnly(canHandleEnquiry, { tenantId: TENANT, responsibleUserId: userOf("staff") }, ["staff", "tenantAdmin"]);
    // Another staff member of the tenant, or a citizen named as responsible by mistake, gets nothing.
    expectOnly(canHandleEnquiry, { tenantId: TENANT, responsibleUserId: userOf("citizen") }, ["tenantAdmin"]);
  });
  it("opens a shared inbox's enquiry to the tenant's staff and caseworkers, never to another tenant", () => {
    expectOnly(canHandleEnquiry, { tenantId: TENANT, responsibleUserId: null }, ["staff", "caseworker", "tenantAdmin"]);
    expectOnly(canHandleEnquiry, { tenantId: TENANT, responsibleUserId: userOf("otherTenantStaff") }, ["tenantAdmin"]);
  });
});
