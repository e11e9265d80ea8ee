// Its tables join the database interface wherever the module is compiled.
import type {} from "./search.table.js";

export { personalData, savedSearchJobs } from "./saved-searches.js";
export { registerSearchApi } from "./search.api.js";
export { searchRoutes } from "./search.routes.js";
