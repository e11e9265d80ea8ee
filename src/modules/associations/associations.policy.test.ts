import { describe, it } from "vitest";
import { ASSOCIATION, expectOnly, OTHER_ASSOCIATION, TENANT } from "../../../test/policy-actors.js";
import {
  canCreateAssociation,
  canEditAssociation,
  canListAllAssociations,
  canManageMembers,
  canModerateProfiles,
  canSwitchTo,
  canViewAssociation,
} from "./associations.policy.js";

const association = { tenantId: TENANT, id: ASSOCIATION };
const SIGNED_IN_HERE = ["citizen", "member", "associationAdmin", "otherAssociationAdmin", "staff", "caseworker", "tenantAdmin"] as const;

describe("associations policy", () => {
  it("lets anyone signed in with the tenant register an association", () => {
    expectOnly(canCreateAssociation, { tenantId: TENANT }, [...SIGNED_IN_HERE]);
  });
  it("shows every association, its export and its import to the municipality's people only", () => {
    expectOnly(canListAllAssociations, { tenantId: TENANT }, ["staff", "caseworker", "tenantAdmin"]);
  });
  it("shows an association to its members and the municipality's people", () => {
    expectOnly(canViewAssociation, association, ["member", "associationAdmin", "staff", "caseworker", "tenantAdmin"]);
  });
  it("lets its admins and staff edit the association, its public profile and its members", () => {
    expectOnly(canEditAssociation, association, ["associationAdmin", "staff", "tenantAdmin"]);
    expectOnly(canManageMembers, association, ["associationAdmin", "staff", "tenantAdmin"]);
  });
  it("lets staff alone approve or reject a change to an association's public page, not its own or another association's admin", () => {
    expectOnly(canModerateProfiles, { tenantId: TENANT }, ["staff", "tenantAdmin"]);
  });
  it("lets a person act for an association they belong to, and no other", () => {
    expectOnly(canSwitchTo, { tenantId: TENANT, associationId: ASSOCIATION }, ["member", "associationAdmin"]);
    expectOnly(canSwitchTo, { tenantId: TENANT, associationId: OTHER_ASSOCIATION }, ["otherAssociationAdmin"]);
  });
});
