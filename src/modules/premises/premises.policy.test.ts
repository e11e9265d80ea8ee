import { describe, expect, it } from "vitest";
import { ASSOCIATION, actors, expectOnly, OTHER_ASSOCIATION, OTHER_TENANT, TENANT } from "../../../test/policy-actors.js";
import { canBookFor, canBookForSomeAssociation, canDecideBookings, canManageBooking, canManagePremises, canSeeRounds, mayInTenant } from "./premises.policy.js";

const STAFF = ["staff", "caseworker", "tenantAdmin"] as const;

describe("premises policy", () => {
  it("lets an association's admins and the municipality's people book for the association", () => {
    expectOnly(canBookFor, { tenantId: TENANT, associationId: ASSOCIATION }, ["associationAdmin", ...STAFF]);
    expectOnly(canBookFor, { tenantId: TENANT, associationId: OTHER_ASSOCIATION }, ["otherAssociationAdmin", ...STAFF]);
  });
  it("lets caseworkers, staff and the tenant's admin decide requests and manage premises", () => {
    expectOnly(canDecideBookings, { tenantId: TENANT }, [...STAFF]);
    expectOnly(canManagePremises, { tenantId: TENANT }, [...STAFF]);
  });
  it("shows a booking to who made it, the admins of its association and caseworkers; nobody in another tenant", () => {
    const forAssociation = { tenantId: TENANT, userId: "user-someone", associationId: ASSOCIATION };
    expectOnly(canManageBooking, forAssociation, ["associationAdmin", ...STAFF]);
    expectOnly(canManageBooking, { tenantId: TENANT, userId: "user-citizen", associationId: null }, ["citizen", ...STAFF]);
    const orphaned = { tenantId: TENANT, userId: null, associationId: null };
    expectOnly(canManageBooking, orphaned, [...STAFF]);
    expectOnly(canManageBooking, { ...forAssociation, tenantId: OTHER_TENANT }, ["otherTenantStaff", "otherTenantAssociationAdmin"]);
  });
  it("shows the bookings menu to whoever runs an association, and the rounds to them and caseworkers", () => {
    expectOnly(canBookForSomeAssociation, { tenantId: TENANT }, ["associationAdmin", "otherAssociationAdmin"]);
    expectOnly(canSeeRounds, { tenantId: TENANT }, ["associationAdmin", "otherAssociationAdmin", ...STAFF]);
  });
  it("asks a tenant rule of the signed-in person in their own tenant, and never of someone anonymous", () => {
    expect(mayInTenant(actors.anonymous, canDecideBookings)).toBe(false);
    expect(mayInTenant(actors.caseworker, canDecideBookings)).toBe(true);
    expect(mayInTenant(actors.otherTenantStaff, canDecideBookings)).toBe(true);
    expect(mayInTenant(actors.citizen, canDecideBookings)).toBe(false);
  });
});
