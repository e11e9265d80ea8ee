import type { ModuleDefinition } from "../../platform/modules.js";
import { registerHsdsApi } from "./hsds.api.js";
import { embedRoutes, feedRoutes, openDataRoutes } from "./open-data.routes.js";

export const openDataModule: ModuleDefinition = {
  name: "open-data",
  mounts: [
    { path: "/open-data", routes: openDataRoutes },
    { path: "/feeds", routes: feedRoutes },
    { path: "/embed", routes: embedRoutes },
  ],
  api: registerHsdsApi,
};
