import { audit } from "../../platform/audit/audit.js";
import { DAY_MS, isoNow } from "../../platform/clock.js";
import type { JobDeps, JobSet } from "../../platform/jobs/house-jobs.js";
import { forEachTenantContext, inTransaction, type ServiceContext } from "../../platform/service-context.js";
import * as repo from "./cases.repository.js";
import { FOLLOW_UP_REMINDERS_JOB, remindFollowUps } from "./follow-up-jobs.js";
import { deleteCaseEverywhere } from "./withdraw.js";

/**
 * Deletes the cases whose time is up: a referral nobody got consent for within 14 days, and a case
 * the tenant's retention after its last follow-up has run out for. Deleted, not hidden.
 */
export async function purgeCases(ctx: ServiceContext): Promise<number> {
  const due = await repo.casesToPurge(ctx.db, ctx.tenant.id, isoNow(ctx.clock));
  for (const id of due) {
    await inTransaction(ctx, async (tx) => {
      await deleteCaseEverywhere(tx, id);
      await audit(tx, "bridge.case_purged", { type: "bridge_case", id });
    });
  }
  return due.length;
}

export function bridgeJobs(deps: JobDeps): JobSet {
  return {
    handlers: {
      "bridge.purge_cases": () => forEachTenantContext(deps, async (ctx) => void (await purgeCases(ctx))),
      [FOLLOW_UP_REMINDERS_JOB]: () => forEachTenantContext(deps, remindFollowUps),
    },
    schedules: [
      { name: "bridge.purge_cases", everyMs: DAY_MS / 4 },
      { name: FOLLOW_UP_REMINDERS_JOB, everyMs: DAY_MS },
    ],
  };
}
