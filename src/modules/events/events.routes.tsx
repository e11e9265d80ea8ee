import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/env.js";
import { calendarRoutes } from "./routes/calendar.routes.js";
import { eventRoutes } from "./routes/event.routes.js";
import { manageRoutes } from "./routes/manage.routes.js";
import { participantsRoutes } from "./routes/participants.routes.js";

/**
 * The events pages, one file per sub-path. Order matters: the fixed paths ("/manage", "/calendar.ics",
 * "/registration") come before an event's own "/:id" page, which takes whatever is left.
 */
export const eventsRoutes = new Hono<AppEnv>().route("/", manageRoutes).route("/", calendarRoutes).route("/", participantsRoutes).route("/", eventRoutes);
