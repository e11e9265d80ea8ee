// Its tables join the database interface wherever the module is compiled.
import type {} from "./opportunities.table.js";

export { answerReminderJobs } from "./answer-reminders.js";
export { applicationRoutes, opportunityRoutes } from "./opportunities.routes.js";
export { COMMITMENTS, reviewInput, SUITS } from "./opportunities.schema.js";
export { opportunityDocument } from "./opportunities.search.js";
export { type PublicJob, personalData, publicRecords, sealedFields } from "./opportunities.service.js";
export { commitmentLabels, settingLabels, suitsLabels } from "./views/opportunity-views.js";
