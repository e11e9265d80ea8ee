export { directoryRoutes } from "./directory.routes.js";
export { publicOfferRecords } from "./directory.service.js";
export { staleOfferJobs } from "./stale-offers.js";
