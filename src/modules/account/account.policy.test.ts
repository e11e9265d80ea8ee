import { describe, expect, it } from "vitest";
import { actorNames, actors, expectOnly, TENANT } from "../../../test/policy-actors.js";
import { canManageAccount } from "./account.policy.js";
import { accountModule } from "./index.js";

describe("account policy", () => {
  it("lets only the account's owner manage it: not staff, not the tenant's admin, not anonymous", () => {
    expectOnly(canManageAccount, { tenantId: TENANT, userId: "user-citizen" }, ["citizen"]);
    expectOnly(canManageAccount, { tenantId: TENANT, userId: "user-tenant-admin" }, ["tenantAdmin"]);
  });
  it("shows the account in the menu to every signed-in person, and not to a visitor", () => {
    const visible = Object.fromEntries(actorNames.map((name) => [name, accountModule.nav?.[0]?.visible(actors[name])]));
    expect(visible).toEqual(Object.fromEntries(actorNames.map((name) => [name, name !== "anonymous"])));
  });
});
