import { z } from "zod";
import { email } from "../../platform/auth/auth.schema.js";
import { STAFF_ROLES } from "../../platform/auth/policy.js";

export const staffRole = z.enum(STAFF_ROLES, "validation.invalid");
export const invitePersonInput = z.object({ email, role: staffRole });
export const roleChangeInput = z.object({ role: staffRole, action: z.enum(["grant", "revoke"], "validation.invalid") });
export const peopleQuery = z.object({
  q: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type PeopleQuery = z.output<typeof peopleQuery>;
