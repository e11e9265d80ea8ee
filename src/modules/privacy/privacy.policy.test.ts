import { describe, it } from "vitest";
import { expectOnly, TENANT } from "../../../test/policy-actors.js";
import { canTakeOutData } from "./privacy.policy.js";

describe("privacy policy", () => {
  it("gives a person's data out, or erases it, only at that signed-in person's asking", () => {
    expectOnly(canTakeOutData, { tenantId: TENANT, userId: "user-citizen" }, ["citizen"]);
    expectOnly(canTakeOutData, { tenantId: TENANT, userId: "user-staff" }, ["staff"]);
  });
  it("gives nobody signed in the data held under an address without an account: that goes by the mailed link", () => {
    expectOnly(canTakeOutData, { tenantId: TENANT, userId: null }, []);
  });
});
