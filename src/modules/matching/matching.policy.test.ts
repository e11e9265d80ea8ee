import { describe, it } from "vitest";
import { actorNames, expectOnly, TENANT } from "../../../test/policy-actors.js";
import { canBeMatched, canMatchForOthers, canWithdrawConsent } from "./matching.policy.js";

const signedIn = actorNames.filter((name) => name !== "anonymous" && !name.startsWith("otherTenant"));

describe("matching policy", () => {
  it("lets centre staff and the tenant's admin match for a citizen, not caseworkers or associations", () => {
    expectOnly(canMatchForOthers, { tenantId: TENANT }, ["staff", "tenantAdmin"]);
  });
  it("lets every signed-in person of the tenant keep a profile and see what fits them", () => {
    expectOnly(canBeMatched, { tenantId: TENANT }, signedIn);
  });
  it("lets only the citizen withdraw their consent, not the staff who recorded it", () => {
    expectOnly(canWithdrawConsent, { tenantId: TENANT, citizenId: "user-citizen" }, ["citizen"]);
  });
});
