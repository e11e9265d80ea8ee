export { personalData, savedSearchJobs } from "./saved-searches.js";
export { registerSearchApi } from "./search.api.js";
export { searchRoutes } from "./search.routes.js";
