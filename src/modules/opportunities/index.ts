import { hasRole, isPerson } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { answerReminderJobs } from "./answer-reminders.js";
import { applicationRoutes, opportunityRoutes } from "./opportunities.routes.js";
import { personalData, sealedFields } from "./opportunities.service.js";
import type {} from "./opportunities.table.js"; // its tables join the database interface

export { COMMITMENTS, reviewInput, SUITS } from "./opportunities.schema.js";
export { opportunityDocument } from "./opportunities.search.js";
export { type PublicJob, personalData, publicRecords, sealedFields } from "./opportunities.service.js";
export { commitmentLabels, settingLabels, suitsLabels } from "./views/opportunity-views.js";

export const opportunitiesModule: ModuleDefinition = {
  name: "opportunities",
  mounts: [{ path: "/opportunities", routes: opportunityRoutes }],
  jobs: answerReminderJobs,
  personalData,
  sealedFields,
  nav: [
    { href: "/opportunities", label: "nav.opportunities", visible: () => true },
    { href: "/opportunities/moderation", label: "nav.moderation", visible: (a) => hasRole(a, "staff", "tenant_admin") },
    { href: "/opportunities/waiting", label: "nav.waiting", visible: (a) => hasRole(a, "staff", "tenant_admin") },
    { href: "/opportunities/figures", label: "nav.figures", visible: (a) => hasRole(a, "staff", "tenant_admin") },
  ],
  notAPerson: {
    "opportunities.contact_email": "the contact the association gives for a posting; shown in the data download of the person it names",
  },
};

export const applicationsModule: ModuleDefinition = {
  name: "applications",
  mounts: [{ path: "/applications", routes: applicationRoutes }],
  nav: [{ href: "/applications/mine", label: "nav.myApplications", visible: isPerson }],
};
