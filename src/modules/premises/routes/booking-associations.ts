import type { Context } from "hono";
import { can, isPerson } from "../../../platform/auth/policy.js";
import type { AppEnv } from "../../../platform/http/env.js";
import { namesForMember } from "../../associations/index.js";
import { canBookFor } from "../premises.policy.js";

/** The associations this person may book for. */
export async function bookingAssociations(c: Context<AppEnv>) {
  const actor = c.get("actor");
  if (!isPerson(actor)) return [];
  const mine = await namesForMember(c.get("deps").db, actor.tenantId, actor.userId);
  return mine.filter((a) => can(actor, canBookFor, { tenantId: actor.tenantId, associationId: a.id }));
}
