import { can } from "../../platform/auth/policy.js";
import type { WaitingItem } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { canModerateProfiles } from "./associations.policy.js";
import { profileChangeQueue } from "./associations.profile.js";

/** The centre's queue of changes to association pages. */
export async function waitingInAssociations(ctx: ServiceContext): Promise<WaitingItem[]> {
  if (!can(ctx.actor, canModerateProfiles, { tenantId: ctx.tenant.id })) return [];
  const changes = await profileChangeQueue(ctx);
  return [{ group: "centre", label: "start.pagesToApprove", count: changes.length, href: "/directory/moderation", toDo: true }];
}
