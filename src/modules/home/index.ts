import type { ModuleDefinition } from "../../platform/modules.js";
import { homeRoutes } from "./home.routes.js";

export const homeModule: ModuleDefinition = {
  name: "home",
  mounts: [{ path: "/", routes: homeRoutes }],
  nav: [{ href: "/", label: "nav.home", visible: () => true }],
};
