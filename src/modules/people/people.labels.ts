import type { StaffRole } from "../../platform/auth/policy.js";
import type { MessageKey } from "../../platform/i18n/i18n.js";

export const staffRoleLabels: Record<StaffRole, MessageKey> = {
  staff: "role.staff",
  caseworker: "role.caseworker",
  tenant_admin: "role.tenant_admin",
  bridge_builder: "role.bridge_builder",
  referrer: "role.referrer",
  committee: "role.committee",
};

/** Staff roles and the roles in an association an invitation may carry. */
export const roleLabels: Record<StaffRole | "member" | "admin", MessageKey> = {
  ...staffRoleLabels,
  member: "role.association_member",
  admin: "role.association_admin",
};
