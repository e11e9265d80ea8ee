// Its tables join the database interface wherever the module is compiled.
import type {} from "./directory.table.js";

export { directoryRoutes } from "./directory.routes.js";
export { publicOfferRecords } from "./directory.service.js";
export { stalePageJobs } from "./stale-pages.js";
