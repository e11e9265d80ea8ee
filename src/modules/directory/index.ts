export { directoryRoutes } from "./directory.routes.js";
export { staleOfferJobs } from "./stale-offers.js";
