import { type Actor, can } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { canEditTenantSettings, canManageApiTokens, canReadAccessLog, canReadAudit } from "./admin.policy.js";
import { adminRoutes } from "./admin.routes.js";

const here = (a: Actor) => ({ tenantId: a.tenantId });

export const adminModule: ModuleDefinition = {
  name: "admin",
  notices: { settingsSaved: "notice.settingsSaved", tokenRevoked: "notice.tokenRevoked" },
  mounts: [{ path: "/admin", routes: adminRoutes }],
  nav: [
    { href: "/admin/audit", label: "nav.audit", group: "admin", visible: (a) => can(a, canReadAudit, here(a)) },
    { href: "/admin/access", label: "nav.access", group: "admin", visible: (a) => can(a, canReadAccessLog, here(a)) },
    { href: "/admin/api-tokens", label: "nav.apiTokens", group: "admin", visible: (a) => can(a, canManageApiTokens, here(a)) },
    { href: "/admin/settings", label: "nav.settings", group: "admin", visible: (a) => can(a, canEditTenantSettings, here(a)) },
  ],
};
