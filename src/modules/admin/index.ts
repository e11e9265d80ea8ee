import { hasRole } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { adminRoutes } from "./admin.routes.js";

export const adminModule: ModuleDefinition = {
  name: "admin",
  mounts: [{ path: "/admin", routes: adminRoutes }],
  nav: [
    { href: "/admin/audit", label: "nav.audit", visible: (a) => hasRole(a, "staff", "caseworker", "tenant_admin") },
    { href: "/admin/access", label: "nav.access", visible: (a) => hasRole(a, "tenant_admin") },
    { href: "/admin/api-tokens", label: "nav.apiTokens", visible: (a) => hasRole(a, "tenant_admin") },
    { href: "/admin/settings", label: "nav.settings", visible: (a) => hasRole(a, "tenant_admin") },
  ],
};
