export { directoryRoutes } from "./directory.routes.js";
export { publicOfferRecords } from "./directory.service.js";
export { stalePageJobs } from "./stale-pages.js";
