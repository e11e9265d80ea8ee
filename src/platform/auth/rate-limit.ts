import type { Database } from "../../db/database.js";
import type { Clock } from "../clock.js";
import type { ServiceContext } from "../service-context.js";
import { countHit, deleteWindowsBefore, hitsIn } from "./rate-limit.repository.js";

const WINDOW_MS = 15 * 60 * 1000;

/**
 * Fixed-window counter in the database, so every app instance sees the same count.
 * Returns false when this attempt is over the limit.
 */
const windowOf = (clock: Clock) => new Date(Math.floor(clock.now().getTime() / WINDOW_MS) * WINDOW_MS).toISOString();

export async function hit(db: Database, clock: Clock, key: string, limit: number): Promise<boolean> {
  return (await countHit(db, key, windowOf(clock))) <= limit;
}

type LimitContext = Pick<ServiceContext, "db" | "clock" | "config" | "tenant">;

/** One key per known subject of an action in this tenant: an address, an account, a recipient. */
export const limitKeys = (ctx: LimitContext, action: string, subjects: (string | null)[]) =>
  subjects.filter((s): s is string => Boolean(s)).map((s) => `${ctx.tenant.id}:${action}:${s}`);

/** Counts this attempt for each subject; false when one of them has had too many in this window. */
export async function withinLimit(ctx: LimitContext, action: string, subjects: (string | null)[]): Promise<boolean> {
  for (const key of limitKeys(ctx, action, subjects)) {
    if (!(await hit(ctx.db, ctx.clock, key, ctx.config.RATE_LIMIT_PER_15_MIN))) return false;
  }
  return true;
}

/** Whether this key has used up its attempts in the current window, without counting one more. */
export async function exhausted(db: Database, clock: Clock, key: string, limit: number): Promise<boolean> {
  return (await hitsIn(db, key, windowOf(clock))) >= limit;
}

export async function purgeRateLimits(db: Database, clock: Clock): Promise<void> {
  const cutoff = new Date(clock.now().getTime() - 2 * WINDOW_MS).toISOString();
  await deleteWindowsBefore(db, cutoff);
}
