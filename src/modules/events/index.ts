import type { ModuleDefinition } from "../../platform/modules.js";
import { eventJobs } from "./event-jobs.js";
import { registerEventsApi } from "./events.api.js";
import { eventsRoutes } from "./events.routes.js";
import type {} from "./events.table.js"; // its tables join the database interface
import { notAPerson, personalData } from "./personal-data.js";

export { eventJsonLd } from "./events.jsonld.js";
export { indexEvent } from "./events.search.js";

export const eventsModule: ModuleDefinition = {
  name: "events",
  mounts: [{ path: "/events", routes: eventsRoutes }],
  nav: [{ href: "/events", label: "nav.events", group: "public", visible: () => true }],
  api: registerEventsApi,
  jobs: eventJobs,
  notices: {
    registered: "notice.registered",
    onWaitingList: "notice.onWaitingList",
    registrationConfirmed: "notice.registrationConfirmed",
    registrationCancelled: "notice.registrationCancelled",
    placeAccepted: "notice.placeAccepted",
  },
  personalData,
  notAPerson,
  sealedFields: [{ table: "event_registrations", column: "sensitive_answers", key: ["id"] }],
};
