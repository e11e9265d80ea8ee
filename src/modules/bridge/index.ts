import { can } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { canSeeBridgeFigures } from "./bridge.policy.js";
import { bridgeRoutes } from "./bridge.routes.js";
import type {} from "./bridge.table.js"; // its tables join the database interface

export const bridgeModule: ModuleDefinition = {
  name: "bridge",
  mounts: [{ path: "/bridge", routes: bridgeRoutes }],
  nav: [{ href: "/bridge/figures", label: "nav.bridgeFigures", group: "centre", visible: (a) => can(a, canSeeBridgeFigures, { tenantId: a.tenantId }) }],
};
