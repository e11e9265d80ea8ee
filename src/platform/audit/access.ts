import { isPerson } from "../auth/policy.js";
import { isoNow } from "../clock.js";
import { newId } from "../ids.js";
import type { ServiceContext } from "../service-context.js";
import type { AccessLogTable } from "./audit.table.js";

const CHUNK = 500;

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
  const at = isoNow(ctx.clock);
  for (let i = 0; i < ids.length; i += CHUNK) {
    await ctx.db
      .insertInto("access_log")
      .values(
        ids.slice(i, i + CHUNK).map((subjectId) => ({
          id: newId(),
          tenant_id: ctx.tenant.id,
          actor_id: actorId,
          action,
          subject_type: subjectType,
          subject_id: subjectId,
          ip: ctx.ip,
          at,
        })),
      )
      .execute();
  }
}
