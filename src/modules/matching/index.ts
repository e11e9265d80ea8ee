export { matchingRoutes } from "./matching.routes.js";
export { personalData } from "./matching.service.js";
