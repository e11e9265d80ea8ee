export { registerHsdsApi } from "./hsds.api.js";
export { embedRoutes, feedRoutes, openDataRoutes } from "./open-data.routes.js";
