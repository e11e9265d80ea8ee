export { dataRequestRoutes } from "./privacy.routes.js";
export { erasePerson, exportPersonalData, subjectOfAccount } from "./privacy.service.js";
