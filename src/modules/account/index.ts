import { isPerson } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { accountRoutes } from "./account.routes.js";

export const accountModule: ModuleDefinition = {
  name: "account",
  mounts: [{ path: "/account", routes: accountRoutes }],
  nav: [{ href: "/account", label: "nav.account", visible: isPerson }],
  notices: { accountDeleted: "notice.accountDeleted" },
};
