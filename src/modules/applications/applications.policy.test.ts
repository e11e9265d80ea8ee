import { describe, it } from "vitest";
import { ASSOCIATION, actorNames, expectOnly, TENANT } from "../../../test/policy-actors.js";
import { canFollowUp, canHandleApplicants, canKeepApplications } from "./applications.policy.js";

describe("applications policy", () => {
  it("lets only the job's association admins and the centre's staff handle its applicants", () => {
    expectOnly(canHandleApplicants, { tenantId: TENANT, associationId: ASSOCIATION }, ["associationAdmin", "staff", "tenantAdmin"]);
  });
  it("lets the centre's staff and the tenant's admin follow up on applicants nobody answered", () => {
    expectOnly(canFollowUp, { tenantId: TENANT }, ["staff", "tenantAdmin"]);
  });
  it("lets anyone signed in to the tenant keep their own applications", () => {
    expectOnly(
      canKeepApplications,
      { tenantId: TENANT },
      actorNames.filter((n) => n !== "anonymous" && !n.startsWith("otherTenant")),
    );
  });
});
