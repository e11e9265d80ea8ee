import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/env.js";
import { roundsRoutes } from "./rounds.routes.js";
import { bookingsRoutes } from "./routes/bookings.routes.js";
import { calendarsRoutes } from "./routes/calendars.routes.js";
import { manageRoutes } from "./routes/manage.routes.js";
import { premiseRoutes } from "./routes/premise.routes.js";
import { requestsRoutes } from "./routes/requests.routes.js";
import { usageRoutes } from "./routes/usage.routes.js";

/**
 * The premises pages, one file per sub-path. Order matters: the fixed paths come before a premise's
 * own "/:id" pages, which take whatever is left.
 */
export const premisesRoutes = new Hono<AppEnv>()
  .route("/bookings", bookingsRoutes)
  .route("/requests", requestsRoutes)
  .route("/calendars", calendarsRoutes)
  .route("/", usageRoutes)
  .route("/rounds", roundsRoutes)
  .route("/", manageRoutes)
  .route("/", premiseRoutes);
