import type { ModuleDefinition } from "../../platform/modules.js";
import { bridgeRoutes } from "./bridge.routes.js";
import type {} from "./bridge.table.js"; // its tables join the database interface

export const bridgeModule: ModuleDefinition = {
  name: "bridge",
  mounts: [{ path: "/bridge", routes: bridgeRoutes }],
};
