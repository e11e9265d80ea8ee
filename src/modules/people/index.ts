import { can } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { canManagePeople } from "./people.policy.js";
import { invitationRoutes, peopleRoutes } from "./people.routes.js";

export const peopleModule: ModuleDefinition = {
  name: "people",
  notices: { roleChanged: "notice.roleChanged", roleAccepted: "notice.roleAccepted" },
  mounts: [
    { path: "/people", routes: peopleRoutes },
    { path: "/invitations", routes: invitationRoutes },
  ],
  nav: [{ href: "/people", label: "nav.people", group: "admin", visible: (a) => can(a, canManagePeople, { tenantId: a.tenantId }) }],
};
