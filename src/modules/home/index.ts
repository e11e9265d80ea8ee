import type { ModuleDefinition } from "../../platform/modules.js";
import { homeRoutes } from "./home.routes.js";

export const homeModule: ModuleDefinition = {
  name: "home",
  mounts: [{ path: "/", routes: homeRoutes }],
  nav: [
    { href: "/", label: "nav.home", group: "public", visible: () => true },
    // The person's own start page, where what waits for them is.
    { href: "/start", label: "nav.start", group: "mine", visible: (a) => a.kind === "person" },
  ],
};
