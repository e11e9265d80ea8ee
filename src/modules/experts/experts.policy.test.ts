import { describe, it } from "vitest";
import { ASSOCIATION, expectOnly, OTHER_ASSOCIATION, TENANT } from "../../../test/policy-actors.js";
import type { MatchAccess, MatchStatus } from "./experts.model.js";
import {
  canAnswerMatch,
  canAskFor,
  canAskForSome,
  canBeExpert,
  canLogHours,
  canMatchExperts,
  canRateMatch,
  canSeeExpertContact,
  canSeeMatch,
  canSeeRequest,
} from "./experts.policy.js";

/** A match of the first association's request, put to the citizen as the expert. */
const match = (status: MatchStatus): MatchAccess => ({ tenantId: TENANT, associationId: ASSOCIATION, expertUserId: "user-citizen", status });

describe("expert pool policy", () => {
  it("lets anyone signed in offer their skills, never across tenants", () => {
    expectOnly(canBeExpert, { tenantId: TENANT }, ["citizen", "member", "associationAdmin", "otherAssociationAdmin", "staff", "caseworker", "tenantAdmin"]);
  });
  it("lets only an association's board ask for help for it", () => {
    expectOnly(canAskFor, { tenantId: TENANT, associationId: ASSOCIATION }, ["associationAdmin"]);
    expectOnly(canAskFor, { tenantId: TENANT, associationId: OTHER_ASSOCIATION }, ["otherAssociationAdmin"]);
    expectOnly(canAskForSome, { tenantId: TENANT }, ["associationAdmin", "otherAssociationAdmin"]);
  });
  it("lets the centre's staff and the tenant's admin match; caseworkers and boards may not", () => {
    expectOnly(canMatchExperts, { tenantId: TENANT }, ["staff", "tenantAdmin"]);
  });
  it("shows a request to staff and its own board, never to another association's board or a member", () => {
    expectOnly(canSeeRequest, { tenantId: TENANT, associationId: ASSOCIATION }, ["associationAdmin", "staff", "tenantAdmin"]);
  });
  it("shows a proposed match to the expert and staff, but not yet to the board", () => {
    expectOnly(canSeeMatch, match("proposed"), ["citizen", "staff", "tenantAdmin"]);
    expectOnly(canSeeExpertContact, match("proposed"), ["citizen", "staff", "tenantAdmin"]);
    expectOnly(canSeeMatch, match("declined"), ["citizen", "staff", "tenantAdmin"]);
    expectOnly(canAnswerMatch, match("proposed"), ["citizen"]);
  });
  it("shows the expert's contact details to the asking board once accepted, never to another board", () => {
    expectOnly(canSeeExpertContact, match("accepted"), ["citizen", "associationAdmin", "staff", "tenantAdmin"]);
    expectOnly(canSeeExpertContact, match("closed"), ["citizen", "associationAdmin", "staff", "tenantAdmin"]);
    expectOnly(canAnswerMatch, match("accepted"), []);
  });
  it("lets the expert and the board log hours while it runs, and rate it once agreed", () => {
    expectOnly(canLogHours, match("accepted"), ["citizen", "associationAdmin"]);
    expectOnly(canLogHours, match("proposed"), []);
    expectOnly(canLogHours, match("closed"), []);
    expectOnly(canRateMatch, match("accepted"), ["citizen", "associationAdmin"]);
    expectOnly(canRateMatch, match("closed"), ["citizen", "associationAdmin"]);
    expectOnly(canRateMatch, match("proposed"), []);
  });
});
