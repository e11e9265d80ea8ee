import { logAccess } from "../../platform/audit/access.js";
import { audit } from "../../platform/audit/audit.js";
import { authorize } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { dataKeyring } from "../../platform/crypto/data-key.js";
import { notFound } from "../../platform/http/errors.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { getForEdit, jobsByIds } from "../opportunities/index.js";
import type { ApplicationStep, MyApplication } from "./applications.model.js";
import { canKeepApplications } from "./applications.policy.js";
import * as repo from "./applications.repository.js";

/** A posting's applicants, on the page or as CSV; who was shown is in the access log. */
export async function applicants(ctx: ServiceContext, opportunityId: string, via: "page" | "csv") {
  const o = await getForEdit(ctx, opportunityId);
  const rows = await repo.applicationsFor(ctx.db, dataKeyring(ctx.config), ctx.tenant.id, o.id);
  await logAccess(
    ctx,
    via === "page" ? "applicants.listed" : "applicants.exported",
    "application",
    rows.map((r) => r.id),
  );
  return { opportunity: o, applications: rows };
}

/** Moves an applicant along the pipeline; the first move out of "new" is the association's first answer. */
export async function moveApplication(ctx: ServiceContext, opportunityId: string, applicationId: string, status: ApplicationStep) {
  const o = await getForEdit(ctx, opportunityId);
  if (!(await repo.move(ctx.db, ctx.tenant.id, o.id, applicationId, status, isoNow(ctx.clock)))) throw notFound();
  await audit(ctx, "application.moved", { type: "application", id: applicationId }, { status });
}

/** The signed-in person's own applications, newest first. */
export async function myApplications(ctx: ServiceContext): Promise<MyApplication[]> {
  authorize(ctx.actor, canKeepApplications, { tenantId: ctx.tenant.id });
  const rows = await repo.applicationsOf(ctx.db, ctx.tenant.id, ctx.actor.userId);
  const jobs = await jobsByIds(
    ctx.db,
    ctx.tenant.id,
    rows.map((r) => r.opportunityId),
  );
  return rows.flatMap((r) => {
    const o = jobs.get(r.opportunityId);
    return o ? [{ ...r, title: o.title, associationName: o.associationName }] : [];
  });
}
