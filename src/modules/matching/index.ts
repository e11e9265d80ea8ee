export { matchingRoutes } from "./matching.routes.js";
export { personalData, sealedFields } from "./matching.service.js";
