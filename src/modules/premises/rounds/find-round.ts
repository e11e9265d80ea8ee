import { notFound } from "../../../platform/http/errors.js";
import type { ServiceContext } from "../../../platform/service-context.js";
import * as repo from "../rounds.repository.js";

export async function requireRound(ctx: ServiceContext, id: string) {
  const round = await repo.findRound(ctx.db, ctx.tenant.id, id);
  if (!round) throw notFound();
  return round;
}

/** An application to the round the path names. */
export async function requireApplication(ctx: ServiceContext, roundId: string, id: string) {
  const application = await repo.findApplication(ctx.db, ctx.tenant.id, roundId, id);
  if (!application) throw notFound();
  return application;
}
