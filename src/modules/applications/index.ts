import { can } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { answerReminderJobs } from "./answer-reminders.js";
import { canKeepApplications } from "./applications.policy.js";
import { applicantRoutes, applicationRoutes } from "./applications.routes.js";
import { personalData, sealedFields } from "./applications.service.js";
import type {} from "./applications.table.js"; // its tables join the database interface
import { waitingInApplications } from "./start.js";

export { answerSpeed, MIN_ANSWERS } from "./answer-speed.js";

/** Applying for a job and the work with applicants, under the job's path; the registry lists it before the job board, so "/opportunities/waiting" is not taken for a job. */
export const applicantsModule: ModuleDefinition = {
  name: "applicants",
  mounts: [{ path: "/opportunities", routes: applicantRoutes }],
  jobs: answerReminderJobs,
};

/** The applicant's own pages. */
export const applicationsModule: ModuleDefinition = {
  name: "applications",
  waiting: waitingInApplications,
  mounts: [{ path: "/applications", routes: applicationRoutes }],
  personalData,
  sealedFields,
  nav: [{ href: "/applications/mine", label: "nav.myApplications", group: "mine", visible: (a) => can(a, canKeepApplications, { tenantId: a.tenantId }) }],
};
