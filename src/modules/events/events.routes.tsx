import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/env.js";
import { calendarRoutes } from "./routes/calendar.routes.js";
import { eventRoutes, registrationRoutes } from "./routes/event.routes.js";
import { fairRoutes } from "./routes/fair.routes.js";
import { manageRoutes } from "./routes/manage.routes.js";
import { participantsRoutes } from "./routes/participants.routes.js";

/**
 * The events pages, one file per sub-path. Order matters: the fixed paths ("/registration/…", "/manage",
 * "/calendar.ics") come before an event's own "/:id" pages, which take whatever is left.
 */
export const eventsRoutes = new Hono<AppEnv>()
  .route("/registration", registrationRoutes)
  .route("/", manageRoutes)
  .route("/", calendarRoutes)
  .route("/", fairRoutes)
  .route("/", participantsRoutes)
  .route("/", eventRoutes);
