export { answerReminderJobs } from "./answer-reminders.js";
export { certificateLabels, commitmentLabels, settingLabels, statusLabels, suitsLabels } from "./opportunities.labels.js";
export { COMMITMENTS, type Opportunity, SETTINGS, SUITS } from "./opportunities.model.js";
export { canManageOpportunities, canModerate } from "./opportunities.policy.js";
export { opportunityRoutes } from "./opportunities.routes.js";
export { reviewInput } from "./opportunities.schema.js";
export { opportunityDocument } from "./opportunities.search.js";
export {
  categoryLabel,
  findJob,
  getForEdit,
  getVisible,
  jobsByIds,
  type PublicJob,
  personalData,
  publicRecords,
  publishedSince,
} from "./opportunities.service.js";
export { OpportunityPage } from "./views/opportunity-page.js";
