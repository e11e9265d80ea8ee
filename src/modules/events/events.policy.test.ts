import { describe, it } from "vitest";
import { ASSOCIATION, expectOnly, OTHER_ASSOCIATION, TENANT } from "../../../test/policy-actors.js";
import { canManageEvent, canModerateEvents, canOrganiseEvents, canOverbook, canRunCentreEvents } from "./events.policy.js";

describe("events policy", () => {
  it("lets staff and the tenant's admin run the centre's events", () => {
    expectOnly(canRunCentreEvents, { tenantId: TENANT }, ["staff", "tenantAdmin"]);
  });
  it("lets an association's admins manage its own events, and staff any", () => {
    expectOnly(canManageEvent, { tenantId: TENANT, associationId: ASSOCIATION }, ["associationAdmin", "staff", "tenantAdmin"]);
    expectOnly(canManageEvent, { tenantId: TENANT, associationId: OTHER_ASSOCIATION }, ["otherAssociationAdmin", "staff", "tenantAdmin"]);
    expectOnly(canManageEvent, { tenantId: TENANT, associationId: null }, ["staff", "tenantAdmin"]);
  });
  it("lets only staff and the tenant's admin approve associations' events", () => {
    expectOnly(canModerateEvents, { tenantId: TENANT }, ["staff", "tenantAdmin"]);
  });
  it("lets only an event's organisers overbook it", () => {
    expectOnly(canOverbook, { tenantId: TENANT, associationId: ASSOCIATION }, ["associationAdmin", "staff", "tenantAdmin"]);
    expectOnly(canOverbook, { tenantId: TENANT, associationId: null }, ["staff", "tenantAdmin"]);
  });
  it("opens the organisers' pages to staff and to associations' admins", () => {
    expectOnly(canOrganiseEvents, { tenantId: TENANT }, ["associationAdmin", "otherAssociationAdmin", "staff", "tenantAdmin"]);
  });
});
