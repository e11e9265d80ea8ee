import { DAY_MS } from "../../platform/clock.js";
import type { ServiceContext } from "../../platform/service-context.js";
import * as repo from "./applications.repository.js";
import { median } from "./figures.js";

/** Fewer answers than this say nothing about how an association usually answers, so none is shown. */
export const MIN_ANSWERS = 5;
/** How far back answers count: how the association answers now, not years ago. */
const LOOK_BACK_DAYS = 365;

/**
 * How quickly an association usually answers an applicant: the median days from an application to
 * its first answer over the last year, or null until it has answered at least five.
 */
export async function answerSpeed(ctx: ServiceContext, associationId: string): Promise<{ medianDays: number; answers: number } | null> {
  const since = new Date(ctx.clock.now().getTime() - LOOK_BACK_DAYS * DAY_MS).toISOString();
  const times = await repo.answerTimes(ctx.db, ctx.tenant.id, associationId, since);
  const days = times
    .filter((a) => a.confirmedAt && a.firstAnswerAt)
    .map((a) => Math.max(0, (Date.parse(a.firstAnswerAt) - Date.parse(a.confirmedAt)) / DAY_MS));
  if (days.length < MIN_ANSWERS) return null;
  return { medianDays: median(days) ?? 0, answers: days.length };
}
