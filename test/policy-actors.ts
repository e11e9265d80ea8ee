import { expect } from "vitest";
import { type Actor, can, type Rule, type StaffRole } from "../src/platform/auth/policy.js";

/** Two tenants and two associations in the first, as a policy test walks them. */
export const TENANT = "tenant-a";
export const OTHER_TENANT = "tenant-b";
export const ASSOCIATION = "association-a";
export const OTHER_ASSOCIATION = "association-b";

const person = (name: string, tenantId: string, roles: StaffRole[] = [], memberships: [string, "member" | "admin"][] = []): Actor => ({
  kind: "person",
  tenantId,
  userId: `user-${name}`,
  name,
  email: `${name}@example.test`,
  roles: new Set(roles),
  memberships: new Map(memberships),
});

/** Everyone a rule must be walked for: each role, another association's people, and the same roles in another tenant. */
export const actors = {
  anonymous: { kind: "anonymous", tenantId: TENANT } as Actor,
  citizen: person("citizen", TENANT),
  member: person("member", TENANT, [], [[ASSOCIATION, "member"]]),
  associationAdmin: person("association-admin", TENANT, [], [[ASSOCIATION, "admin"]]),
  otherAssociationAdmin: person("other-association-admin", TENANT, [], [[OTHER_ASSOCIATION, "admin"]]),
  staff: person("staff", TENANT, ["staff"]),
  caseworker: person("caseworker", TENANT, ["caseworker"]),
  tenantAdmin: person("tenant-admin", TENANT, ["tenant_admin"]),
  otherTenantStaff: person("other-tenant-staff", OTHER_TENANT, ["staff", "caseworker", "tenant_admin"]),
  otherTenantAssociationAdmin: person("other-tenant-association-admin", OTHER_TENANT, [], [[ASSOCIATION, "admin"]]),
} as const;

export type ActorName = keyof typeof actors;
export const actorNames = Object.keys(actors) as ActorName[];

/**
 * Asserts that exactly the named actors may do this to this record, and every other actor in the
 * walk may not. A rule that lets a new role through, or stops one it should not, fails by name.
 */
export function expectOnly<R extends { tenantId: string }>(rule: Rule<R>, record: R, allowed: ActorName[]) {
  const result = Object.fromEntries(actorNames.map((name) => [name, can(actors[name], rule, record)]));
  expect(result).toEqual(Object.fromEntries(actorNames.map((name) => [name, allowed.includes(name)])));
}
