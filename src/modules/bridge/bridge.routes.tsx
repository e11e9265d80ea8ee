import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/env.js";
import { casesRoutes } from "./routes/cases.routes.js";
import { companionsRoutes } from "./routes/companions.routes.js";
import { figuresRoutes } from "./routes/figures.routes.js";
import { followUpsRoutes } from "./routes/follow-ups.routes.js";
import { handoverRoutes } from "./routes/handover.routes.js";

/** Bridge-building's pages, one file per part. Fixed paths before a case's own "/cases/:id" pages. */
export const bridgeRoutes = new Hono<AppEnv>()
  .route("/", figuresRoutes)
  .route("/", followUpsRoutes)
  .route("/", companionsRoutes)
  .route("/", handoverRoutes)
  .route("/", casesRoutes);
