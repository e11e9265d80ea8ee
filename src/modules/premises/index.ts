// Its tables join the database interface wherever the module is compiled.
import type {} from "./premises.table.js";

export { personalData } from "./personal-data.js";
export { registerPremisesApi } from "./premises.api.js";
export { premisesRoutes } from "./premises.routes.js";
