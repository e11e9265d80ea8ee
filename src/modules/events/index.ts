import type { ModuleDefinition } from "../../platform/modules.js";
import { eventJobs } from "./event-jobs.js";
import { eventsRoutes } from "./events.routes.js";
import type {} from "./events.table.js"; // its tables join the database interface
import { notAPerson, personalData } from "./personal-data.js";

export const eventsModule: ModuleDefinition = {
  name: "events",
  mounts: [{ path: "/events", routes: eventsRoutes }],
  jobs: eventJobs,
  personalData,
  notAPerson,
  sealedFields: [{ table: "event_registrations", column: "sensitive_answers", key: ["id"] }],
};
