import { can, isPerson } from "../../platform/auth/policy.js";
import { translator } from "../../platform/i18n/i18n.js";
import type { WaitingItem } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { canFollowUp } from "../opportunities/index.js";
import { myApplications } from "./applicants.js";
import { stepLabels } from "./applications.labels.js";
import * as repo from "./applications.repository.js";

/** A person's own applications; an association admin's unanswered applicants; the centre's applicants waiting too long. */
export async function waitingInApplications(ctx: ServiceContext): Promise<WaitingItem[]> {
  const actor = ctx.actor;
  if (!isPerson(actor)) return [];
  const t = translator(ctx.lang);
  const items: WaitingItem[] = [];
  const mine = await myApplications(ctx);
  items.push({
    group: "mine",
    label: "start.myApplications",
    count: mine.length,
    href: "/applications/mine",
    examples: mine.slice(0, 3).map((a) => ({
      text: a.title,
      href: `/opportunities/${a.opportunityId}`,
      note: a.status === "unconfirmed" ? t("start.unconfirmed") : t(stepLabels[a.status]),
    })),
  });
  const admin = [...actor.memberships].filter(([, role]) => role === "admin").map(([id]) => id);
  if (admin.length > 0) {
    const jobs = await repo.newApplicantsByJob(ctx.db, ctx.tenant.id, admin);
    items.push({
      group: "association",
      label: "start.newApplicants",
      count: jobs.reduce((n, j) => n + j.count, 0),
      href: jobs[0] ? `/opportunities/${jobs[0].opportunityId}/applications` : `/opportunities/association/${admin[0]}`,
      toDo: true,
      examples: jobs
        .slice(0, 3)
        .map((j) => ({ text: j.title, href: `/opportunities/${j.opportunityId}/applications`, note: t("start.newCount", { count: j.count }) })),
    });
  }
  if (can(actor, canFollowUp, { tenantId: ctx.tenant.id })) {
    const late = await repo.escalated(ctx.db, ctx.tenant.id);
    items.push({ group: "centre", label: "start.waitingApplicants", count: late.length, href: "/opportunities/waiting", toDo: true });
  }
  return items;
}
