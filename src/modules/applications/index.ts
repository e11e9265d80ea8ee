export { canFollowUp, canKeepApplications } from "./applications.policy.js";
export { applicantRoutes, applicationRoutes } from "./applications.routes.js";
export { personalData, sealedFields } from "./applications.service.js";
