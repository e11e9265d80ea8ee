import { can } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { canManageAccount } from "./account.policy.js";
import { accountRoutes } from "./account.routes.js";

export { rememberLanguage } from "./account.service.js";

export const accountModule: ModuleDefinition = {
  name: "account",
  mounts: [{ path: "/account", routes: accountRoutes }],
  nav: [
    {
      href: "/account",
      label: "nav.account",
      group: "account",
      visible: (a) => a.kind === "person" && can(a, canManageAccount, { tenantId: a.tenantId, userId: a.userId }),
    },
  ],
  notices: { accountDeleted: "notice.accountDeleted", accountSaved: "notice.accountSaved" },
};
