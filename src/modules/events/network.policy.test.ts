import { describe, it } from "vitest";
import { actors, expectOnly, TENANT } from "../../../test/policy-actors.js";
import type { NetworkAccess, NetworkRole } from "./network.model.js";
import { canAddAgendaPoint, canOrganiseNetwork, canPlanMeetings, canRunNetworks, canSeeNetwork } from "./network.policy.js";

const userOf = (name: keyof typeof actors) => {
  const a = actors[name];
  return a.kind === "person" ? a.userId : "";
};

/** A network of this tenant whose members are the named actors. */
const network = (members: [keyof typeof actors, NetworkRole][]): NetworkAccess => ({
  tenantId: TENANT,
  members: new Map(members.map(([name, role]) => [userOf(name), role])),
});

describe("networks policy", () => {
  it("lets only staff and the tenant's admin start networks and plan their meetings", () => {
    expectOnly(canRunNetworks, { tenantId: TENANT }, ["staff", "tenantAdmin"]);
    expectOnly(canPlanMeetings, { tenantId: TENANT }, ["staff", "tenantAdmin"]);
  });
  it("shows a network to its members and staff, never to anyone else", () => {
    expectOnly(canSeeNetwork, network([]), ["staff", "tenantAdmin"]);
    expectOnly(canSeeNetwork, network([["citizen", "member"]]), ["citizen", "staff", "tenantAdmin"]);
    expectOnly(canAddAgendaPoint, network([["member", "member"]]), ["member", "staff", "tenantAdmin"]);
  });
  it("does not let a member of another tenant's network in, whatever her roles there", () => {
    // Another tenant's staff is a member in name only: the record is this tenant's.
    expectOnly(canSeeNetwork, network([["otherTenantStaff", "organiser"]]), ["staff", "tenantAdmin"]);
  });
  it("lets the network's organisers and staff manage members, agenda and minutes; a plain member may not", () => {
    expectOnly(canOrganiseNetwork, network([["citizen", "member"]]), ["staff", "tenantAdmin"]);
    expectOnly(
      canOrganiseNetwork,
      network([
        ["citizen", "organiser"],
        ["member", "member"],
      ]),
      ["citizen", "staff", "tenantAdmin"],
    );
  });
});
