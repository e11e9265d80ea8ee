import { hasRole, isPerson } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { matchingRoutes } from "./matching.routes.js";
import { personalData, sealedFields } from "./matching.service.js";
import type {} from "./matching.table.js"; // its tables join the database interface

export { personalData, sealedFields } from "./matching.service.js";

export const matchingModule: ModuleDefinition = {
  name: "matching",
  mounts: [{ path: "/matching", routes: matchingRoutes }],
  personalData,
  sealedFields,
  nav: [
    { href: "/matching", label: "nav.forYou", visible: isPerson },
    { href: "/matching/staff", label: "nav.matchingStaff", visible: (a) => hasRole(a, "staff", "tenant_admin") },
  ],
};
