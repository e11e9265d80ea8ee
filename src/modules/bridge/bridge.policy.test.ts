import { describe, expect, it } from "vitest";
import { ASSOCIATION, actors, expectOnly, OTHER_TENANT, TENANT } from "../../../test/policy-actors.js";
import { type Actor, can, type Rule, type StaffRole } from "../../platform/auth/policy.js";
import {
  canAccompany,
  canAnswerReferral,
  canManageCompanions,
  canReferForAssociation,
  canReferForCentre,
  canReferForMunicipality,
  canReferOthers,
  canSeeBridgeFigures,
  canSeeCase,
  canSeeReferrals,
  canTailorBridge,
  canWorkCases,
} from "./bridge.policy.js";

const person = (name: string, roles: StaffRole[], tenantId = TENANT): Actor => ({
  kind: "person",
  tenantId,
  userId: `user-${name}`,
  name,
  email: `${name}@example.test`,
  roles: new Set(roles),
  memberships: new Map(),
});

/** Bridge-building's own people, besides the house's walk: two bridge-builders, a municipal referrer, a companion, another tenant's bridge-builder. */
const ours = {
  builder: person("builder", ["bridge_builder"]),
  otherBuilder: person("other-builder", ["bridge_builder"]),
  referrer: person("referrer", ["referrer"]),
  companion: person("companion", []),
  otherTenantBuilder: person("other-tenant-builder", ["bridge_builder"], OTHER_TENANT),
};
type Ours = keyof typeof ours;

/** Exactly these of our own actors may, and the others may not. */
function expectOurs<R extends { tenantId: string }>(rule: Rule<R>, record: R, allowed: Ours[]) {
  const result = Object.fromEntries(Object.entries(ours).map(([name, actor]) => [name, can(actor, rule, record)]));
  expect(result).toEqual(Object.fromEntries(Object.keys(ours).map((name) => [name, allowed.includes(name as Ours)])));
}

const here = { tenantId: TENANT };
const aCase = (builderId: string | null, sharedWith: string[] = []) => ({ tenantId: TENANT, builderId, sharedWith });

describe("bridge-building policy", () => {
  it("lets only bridge-builders work cases and manage companions; nobody in the house's walk has the permission", () => {
    for (const rule of [canWorkCases, canManageCompanions]) {
      expectOnly(rule, here, []);
      expectOurs(rule, here, ["builder", "otherBuilder"]);
    }
  });

  it("shows a case nobody holds to every bridge-builder of the tenant, a held case to its holder and those it is shared with", () => {
    expectOnly(canSeeCase, aCase(null), []);
    expectOurs(canSeeCase, aCase(null), ["builder", "otherBuilder"]);
    expectOurs(canSeeCase, aCase("user-builder"), ["builder"]);
    expectOurs(canSeeCase, aCase("user-builder", ["user-other-builder"]), ["builder", "otherBuilder"]);
    // Being named does not let anyone without the permission in: the companion, a referrer, staff.
    expectOurs(canSeeCase, aCase("user-companion", ["user-referrer"]), []);
    expectOnly(canSeeCase, aCase("user-staff", ["user-citizen"]), []);
    // Another tenant's bridge-builder, even named on the case, never sees it.
    expectOurs(canSeeCase, aCase("user-other-tenant-builder", ["user-other-tenant-builder"]), []);
  });

  it("lets municipal workers, caseworkers, centre staff and association admins refer others; citizens refer themselves", () => {
    expectOnly(canReferOthers, here, ["associationAdmin", "otherAssociationAdmin", "staff", "caseworker"]);
    expectOurs(canReferOthers, here, ["builder", "otherBuilder", "referrer"]);
  });

  it("says a referral is the municipality's, an association's or the centre's by who makes it", () => {
    expectOnly(canReferForMunicipality, here, ["caseworker"]);
    expectOurs(canReferForMunicipality, here, ["referrer"]);
    expectOnly(canReferForAssociation, here, ["associationAdmin", "otherAssociationAdmin"]);
    expectOurs(canReferForAssociation, here, []);
    expectOnly(canReferForCentre, here, ["staff"]);
    expectOurs(canReferForCentre, here, ["builder", "otherBuilder"]);
  });

  it("lets an association's admins answer the referrals made to it, and see the referrals page", () => {
    expectOnly(canAnswerReferral, { tenantId: TENANT, associationId: ASSOCIATION }, ["associationAdmin"]);
    expectOurs(canAnswerReferral, { tenantId: TENANT, associationId: ASSOCIATION }, []);
    expectOnly(canSeeReferrals, here, ["associationAdmin", "otherAssociationAdmin"]);
    expectOurs(canSeeReferrals, here, []);
  });

  it("lets a companion see only the people they come along with", () => {
    expectOnly(canAccompany, { tenantId: TENANT, companionId: "user-citizen" }, ["citizen"]);
    expectOurs(canAccompany, { tenantId: TENANT, companionId: "user-companion" }, ["companion"]);
    expectOurs(canAccompany, { tenantId: TENANT, companionId: null }, []);
  });

  it("shows the anonymous figures to bridge-builders, staff and the tenant's admin; lets bridge-builders and the admin tailor it", () => {
    expectOnly(canSeeBridgeFigures, here, ["staff", "tenantAdmin"]);
    expectOurs(canSeeBridgeFigures, here, ["builder", "otherBuilder"]);
    expectOnly(canTailorBridge, here, ["tenantAdmin"]);
    expectOurs(canTailorBridge, here, ["builder", "otherBuilder"]);
  });

  it("lets nobody anonymous do anything", () => {
    for (const rule of [canWorkCases, canReferOthers, canSeeReferrals, canManageCompanions, canSeeBridgeFigures, canTailorBridge] as Rule<{
      tenantId: string;
    }>[])
      expect(can(actors.anonymous, rule, here)).toBe(false);
  });
});
