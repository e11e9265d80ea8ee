export { premisesRoutes } from "./premises.routes.js";
