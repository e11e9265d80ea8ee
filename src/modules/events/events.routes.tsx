import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/env.js";
import { calendarRoutes } from "./routes/calendar.routes.js";
import { eventRoutes } from "./routes/event.routes.js";
import { manageRoutes } from "./routes/manage.routes.js";
import { participantsRoutes } from "./routes/participants.routes.js";

/**
 * The events pages, one file per sub-path. An event's own pages name it by id (a UUID), so fixed
 * paths such as "/manage" or "/calendar.ics" never reach them.
 */
export const eventsRoutes = new Hono<AppEnv>().route("/", manageRoutes).route("/", calendarRoutes).route("/", participantsRoutes).route("/", eventRoutes);
