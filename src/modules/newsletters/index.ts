import { can } from "../../platform/auth/policy.js";
import type { JobDeps, JobSet } from "../../platform/jobs/house-jobs.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { jobContext } from "../../platform/service-context.js";
import { allTenants } from "../../platform/tenants/tenants.js";
import { canSendNewsletters } from "./newsletters.policy.js";
import { newslettersRoutes } from "./newsletters.routes.js";
import { SEND_BATCH_JOB, sendBatch } from "./newsletters.service.js";
import type {} from "./newsletters.table.js"; // its tables join the database interface
import { personalData } from "./personal-data.js";

/** The sending job: one batch of a newsletter's mails per run, for the tenant the job names. */
function newsletterJobs(deps: JobDeps): JobSet {
  return {
    handlers: {
      [SEND_BATCH_JOB]: async (payload, job) => {
        const { newsletterId } = payload as { newsletterId: string };
        const tenant = (await allTenants(deps.db)).find((t) => t.id === job.tenantId);
        if (tenant) await sendBatch(jobContext(deps, tenant), newsletterId);
      },
    },
    schedules: [],
  };
}

export const newslettersModule: ModuleDefinition = {
  name: "newsletters",
  mounts: [{ path: "/newsletters", routes: newslettersRoutes }],
  jobs: newsletterJobs,
  personalData,
  notices: {
    newsletterSaved: "newsletters.notice.saved",
    newsletterSent: "newsletters.notice.sent",
  },
  nav: [{ href: "/newsletters", label: "nav.newsletters", group: "centre", visible: (a) => can(a, canSendNewsletters, { tenantId: a.tenantId }) }],
};
