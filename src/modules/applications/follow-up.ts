import { logAccess } from "../../platform/audit/access.js";
import { authorize } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { jobsByIds, publishedSince } from "../opportunities/index.js";
import { terms } from "../taxonomy/index.js";
import type { WaitingApplicant } from "./applications.model.js";
import { canFollowUp } from "./applications.policy.js";
import * as repo from "./applications.repository.js";
import { figures, lastTwelveMonths } from "./figures.js";

/** Applicants nobody has answered in time, for the centre to step in; who was shown is in the access log. */
export async function waitingApplicants(ctx: ServiceContext, via: "page" | "csv"): Promise<WaitingApplicant[]> {
  authorize(ctx.actor, canFollowUp, { tenantId: ctx.tenant.id });
  const rows = await repo.escalated(ctx.db, ctx.tenant.id);
  const jobs = await jobsByIds(
    ctx.db,
    ctx.tenant.id,
    rows.map((r) => r.opportunityId),
  );
  const waiting = rows.flatMap((r) => {
    const o = jobs.get(r.opportunityId);
    return o ? [{ ...r, title: o.title, associationName: o.associationName }] : [];
  });
  await logAccess(
    ctx,
    via === "page" ? "waiting.listed" : "waiting.exported",
    "application",
    waiting.map((r) => r.id),
  );
  return waiting;
}

/** The last twelve months by month and by category, for the centre's reporting. */
export async function figuresReport(ctx: ServiceContext) {
  authorize(ctx.actor, canFollowUp, { tenantId: ctx.tenant.id });
  const months = lastTwelveMonths(isoNow(ctx.clock).slice(0, 10));
  const since = `${months[0]}-01`;
  const [published, confirmed, categories] = await Promise.all([
    publishedSince(ctx, since),
    repo.confirmedSince(ctx.db, ctx.tenant.id, since),
    terms(ctx.db, ctx.tenant, "category", ctx.lang),
  ]);
  const data = { jobs: published, applications: confirmed };
  const byMonth = figures(data, months, { job: (j) => j.publishedAt.slice(0, 7), application: (a) => a.confirmedAt.slice(0, 7) });
  const byCategory = figures(
    data,
    categories.map((c) => c.code),
    { job: (j) => j.category, application: (a) => a.category },
  ).map((row) => ({ ...row, key: categories.find((c) => c.code === row.key)?.label ?? row.key }));
  return { byMonth, byCategory };
}
