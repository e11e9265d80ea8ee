import { describe, expect, it } from "vitest";
import { ASSOCIATION, actors, expectOnly, OTHER_ASSOCIATION, OTHER_TENANT, TENANT } from "../../../test/policy-actors.js";
import { type Actor, can, type Rule, type StaffRole } from "../../platform/auth/policy.js";
import type { RoundStatus } from "./grants.model.js";
import {
  canApplyFor,
  canApplyForSome,
  canDecide,
  canHandleGrants,
  canManageSchemes,
  canSeeApplication,
  canSeeAssessment,
  canSeeCommitteeList,
  canSeeRounds,
} from "./grants.policy.js";

const person = (name: string, roles: StaffRole[], tenantId = TENANT): Actor => ({
  kind: "person",
  tenantId,
  userId: `user-${name}`,
  name,
  email: `${name}@example.test`,
  roles: new Set(roles),
  memberships: new Map(),
});

/** Besides the house's walk: a member of the deciding body, and one of another tenant. */
const committee = person("committee", ["committee"]);
const otherTenantCommittee = person("other-tenant-committee", ["committee"], OTHER_TENANT);

const here = { tenantId: TENANT };
const round = (status: RoundStatus) => ({ tenantId: TENANT, status });
const application = (status: string, roundStatus: RoundStatus, associationId = ASSOCIATION) => ({ tenantId: TENANT, associationId, status, roundStatus });

function committeeMay<R extends { tenantId: string }>(rule: Rule<R>, record: R, allowed: boolean) {
  expect(can(committee, rule, record)).toBe(allowed);
  expect(can(otherTenantCommittee, rule, record)).toBe(false);
}

describe("grants policy", () => {
  it("lets only the tenant's administrator set up schemes, rounds and letters", () => {
    expectOnly(canManageSchemes, here, ["tenantAdmin"]);
    committeeMay(canManageSchemes, here, false);
  });

  it("lets an association's board apply for it, not its plain members, another association's board or staff", () => {
    expectOnly(canApplyFor, { tenantId: TENANT, associationId: ASSOCIATION }, ["associationAdmin"]);
    expectOnly(canApplyFor, { tenantId: TENANT, associationId: OTHER_ASSOCIATION }, ["otherAssociationAdmin"]);
    expectOnly(canApplyForSome, here, ["associationAdmin", "otherAssociationAdmin"]);
    committeeMay(canApplyFor, { tenantId: TENANT, associationId: ASSOCIATION }, false);
  });

  it("gives assessing to caseworkers and the list of rounds to caseworkers and the deciding body", () => {
    expectOnly(canHandleGrants, here, ["caseworker"]);
    committeeMay(canHandleGrants, here, false);
    expectOnly(canSeeRounds, here, ["caseworker"]);
    committeeMay(canSeeRounds, here, true);
  });

  it("shows the committee's list to its members only once the round is closed for decision", () => {
    expectOnly(canSeeCommitteeList, round("open"), ["caseworker"]);
    committeeMay(canSeeCommitteeList, round("open"), false);
    for (const status of ["deciding", "decided"] as const) {
      expectOnly(canSeeCommitteeList, round(status), ["caseworker"]);
      committeeMay(canSeeCommitteeList, round(status), true);
    }
  });

  it("lets decisions be recorded only while the round is in its sitting", () => {
    expectOnly(canDecide, round("deciding"), ["caseworker"]);
    committeeMay(canDecide, round("deciding"), true);
    for (const status of ["open", "decided"] as const) {
      expectOnly(canDecide, round(status), []);
      committeeMay(canDecide, round(status), false);
    }
  });

  it("keeps a draft to the association's board, and shows a sent application to caseworkers and then the deciding body", () => {
    expectOnly(canSeeApplication, application("draft", "open"), ["associationAdmin"]);
    committeeMay(canSeeApplication, application("draft", "deciding"), false);
    expectOnly(canSeeApplication, application("submitted", "open"), ["associationAdmin", "caseworker"]);
    committeeMay(canSeeApplication, application("submitted", "open"), false);
    committeeMay(canSeeApplication, application("assessed", "deciding"), true);
    expectOnly(canSeeApplication, application("submitted", "open", OTHER_ASSOCIATION), ["otherAssociationAdmin", "caseworker"]);
  });

  it("never shows scores and notes to the applicant; the deciding body sees them once the round is theirs", () => {
    expectOnly(canSeeAssessment, { tenantId: TENANT, roundStatus: "open" }, ["caseworker"]);
    committeeMay(canSeeAssessment, { tenantId: TENANT, roundStatus: "open" }, false);
    committeeMay(canSeeAssessment, { tenantId: TENANT, roundStatus: "deciding" }, true);
    expect(can(actors.associationAdmin, canSeeAssessment, { tenantId: TENANT, roundStatus: "decided" })).toBe(false);
  });
});
