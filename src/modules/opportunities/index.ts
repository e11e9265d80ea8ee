import { can } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { type ServiceContext, tenantToday } from "../../platform/service-context.js";
import { canFollowUp, canModerate } from "./opportunities.policy.js";
import * as repo from "./opportunities.repository.js";
import { opportunityRoutes } from "./opportunities.routes.js";
import { personalData } from "./opportunities.service.js";
import type {} from "./opportunities.table.js"; // its tables join the database interface
import { renewalReminderJobs } from "./renewal-reminders.js";
import { waitingInOpportunities } from "./start.js";

export { commitmentLabels, settingLabels, statusLabels, suitsLabels } from "./opportunities.labels.js";
export { COMMITMENTS, type Opportunity, SETTINGS, SUITS } from "./opportunities.model.js";
export { canFollowUp, canManageOpportunities } from "./opportunities.policy.js";
export { reviewInput } from "./opportunities.schema.js";
export { opportunityDocument } from "./opportunities.search.js";
export { categoryLabel, findJob, getForEdit, getVisible, jobsByIds, type PublicJob, publicRecords, publishedSince } from "./opportunities.service.js";
export { OpportunityPage } from "./views/opportunity-page.js";

export const opportunitiesModule: ModuleDefinition = {
  name: "opportunities",
  waiting: waitingInOpportunities,
  mounts: [{ path: "/opportunities", routes: opportunityRoutes }],
  jobs: renewalReminderJobs,
  notices: { jobApproved: "notice.jobApproved" },
  personalData,
  nav: [
    { href: "/opportunities", label: "nav.opportunities", group: "public", visible: () => true },
    { href: "/opportunities/moderation", label: "nav.moderation", group: "centre", visible: (a) => can(a, canModerate, { tenantId: a.tenantId }) },
    // The applicants' pages, in the job board's menu.
    { href: "/opportunities/waiting", label: "nav.waiting", group: "centre", visible: (a) => can(a, canFollowUp, { tenantId: a.tenantId }) },
    { href: "/opportunities/figures", label: "nav.figures", group: "centre", visible: (a) => can(a, canFollowUp, { tenantId: a.tenantId }) },
  ],
  notAPerson: {
    "opportunities.contact_email": "the contact the association gives for a posting; shown in the data download of the person it names",
  },
};
export { listForAssociation } from "./opportunities.service.js";

/** Which associations have a published job not yet expired, in which category: for a newsletter to the associations of a category. */
export async function currentJobCategories(ctx: Pick<ServiceContext, "db" | "tenant" | "clock">): Promise<{ categoryId: string; associationId: string }[]> {
  return repo.associationsByCategory(ctx.db, ctx.tenant.id, tenantToday(ctx));
}
