import { describe, it } from "vitest";
import { ASSOCIATION, expectOnly, OTHER_ASSOCIATION, TENANT } from "../../../test/policy-actors.js";
import { canKeepCounselling, canSeeAgreed, canSeeOwnCounselling } from "./counselling.policy.js";

describe("counselling policy", () => {
  it("lets only the centre's staff and the tenant's admin keep the log; a caseworker, a board or a citizen may not", () => {
    expectOnly(canKeepCounselling, { tenantId: TENANT }, ["staff", "tenantAdmin"]);
  });
  it("shows what was agreed to the board of the case's association only, never to a plain member or another board", () => {
    expectOnly(canSeeAgreed, { tenantId: TENANT, associationId: ASSOCIATION }, ["associationAdmin"]);
    expectOnly(canSeeAgreed, { tenantId: TENANT, associationId: OTHER_ASSOCIATION }, ["otherAssociationAdmin"]);
  });
  it("shows a new initiative's case to no board at all", () => {
    expectOnly(canSeeAgreed, { tenantId: TENANT, associationId: null }, []);
  });
  it("lets a person who sits on a board look for their own counselling", () => {
    expectOnly(canSeeOwnCounselling, { tenantId: TENANT }, ["associationAdmin", "otherAssociationAdmin"]);
  });
});
