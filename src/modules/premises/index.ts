export { personalData } from "./personal-data.js";
export { registerPremisesApi } from "./premises.api.js";
export { premisesRoutes } from "./premises.routes.js";
