import { isPerson } from "../auth/policy.js";
import { isoNow } from "../clock.js";
import type { ServiceContext } from "../service-context.js";
import { insertAccess } from "./audit.repository.js";
import type { AccessLogTable } from "./audit.table.js";

/**
 * Notes that the signed-in person was shown these people's (or applications') data: one row each,
 * so that "who has read about me" has an answer. Reads by the person themself are not noted.
 */
export async function logAccess(
  ctx: Pick<ServiceContext, "db" | "clock" | "tenant" | "actor" | "ip">,
  action: string,
  subjectType: AccessLogTable["subject_type"],
  subjectIds: readonly string[],
): Promise<void> {
  const actorId = isPerson(ctx.actor) ? ctx.actor.userId : null;
  const ids = [...new Set(subjectIds)].filter((id) => !(subjectType === "user" && id === actorId));
  await insertAccess(ctx.db, { tenantId: ctx.tenant.id, actorId, action, subjectType, subjectIds: ids, ip: ctx.ip, at: isoNow(ctx.clock) });
}
