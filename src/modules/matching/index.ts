// Its tables join the database interface wherever the module is compiled.
import type {} from "./matching.table.js";

export { matchingRoutes } from "./matching.routes.js";
export { personalData, sealedFields } from "./matching.service.js";
