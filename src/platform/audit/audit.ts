import { isPerson } from "../auth/policy.js";
import { isoNow } from "../clock.js";
import type { ServiceContext } from "../service-context.js";
import { insertAudit } from "./audit.repository.js";

export type AuditContext = Pick<ServiceContext, "db" | "clock" | "tenant" | "actor" | "ip">;
/** Ids and codes only: never a name or an e-mail, so the row can outlive the person. */
export type AuditDetails = Record<string, string | number | boolean | null>;

/**
 * Notes a change to someone's data. Tenant, actor, address and time come from the context, so a
 * use case names only what it did; `as` names the actor when it is not the signed-in person (a new
 * account's owner signing up, a link's holder acting without a session).
 */
export async function audit(
  ctx: AuditContext,
  action: string,
  entity: { type: string; id: string | null },
  details?: AuditDetails,
  as?: { actorId: string | null },
): Promise<void> {
  await insertAudit(ctx.db, {
    tenantId: ctx.tenant.id,
    actorId: as ? as.actorId : isPerson(ctx.actor) ? ctx.actor.userId : null,
    action,
    entityType: entity.type,
    entityId: entity.id,
    ip: ctx.ip,
    details: details ?? null,
    at: isoNow(ctx.clock),
  });
}
