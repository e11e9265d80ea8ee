export { registerSearchApi } from "./search.api.js";
export { searchRoutes } from "./search.routes.js";
