export { applicationRoutes, opportunityRoutes } from "./opportunities.routes.js";
export { personalData } from "./opportunities.service.js";
