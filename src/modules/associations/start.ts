import { can, isPerson } from "../../platform/auth/policy.js";
import type { WaitingItem } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { canEditAssociation, canModerateProfiles } from "./associations.policy.js";
import { profileChangeQueue } from "./associations.profile.js";
import { namesForMember } from "./associations.service.js";

/** The centre's queue of changes to association pages; for an association's admin, its own page to keep current. */
export async function waitingInAssociations(ctx: ServiceContext): Promise<WaitingItem[]> {
  return [...(await ownPages(ctx)), ...(await changesToApprove(ctx))];
}

async function changesToApprove(ctx: ServiceContext): Promise<WaitingItem[]> {
  if (!can(ctx.actor, canModerateProfiles, { tenantId: ctx.tenant.id })) return [];
  const changes = await profileChangeQueue(ctx);
  return [{ group: "centre", label: "start.pagesToApprove", count: changes.length, href: "/directory/moderation", toDo: true }];
}

/** The public pages of the associations the person may edit as a member of them. */
async function ownPages(ctx: ServiceContext): Promise<WaitingItem[]> {
  const actor = ctx.actor;
  if (!isPerson(actor)) return [];
  const editable = new Set([...actor.memberships.keys()].filter((id) => can(actor, canEditAssociation, { id, tenantId: ctx.tenant.id })));
  if (editable.size === 0) return [];
  const mine = (await namesForMember(ctx.db, ctx.tenant.id, actor.userId)).filter((a) => editable.has(a.id));
  const page = (id: string) => `/directory/associations/${id}`;
  return [
    {
      group: "association",
      label: "start.ourPages",
      count: mine.length,
      href: mine.length === 1 && mine[0] ? page(mine[0].id) : "/associations",
      examples: mine.slice(0, 3).map((a) => ({ text: a.name, href: page(a.id) })),
    },
  ];
}
