import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/env.js";
import { afterRoutes } from "./routes/after.routes.js";
import { applyRoutes } from "./routes/apply.routes.js";
import { assessRoutes } from "./routes/assess.routes.js";
import { committeeRoutes } from "./routes/committee.routes.js";
import { publicRoutes } from "./routes/public.routes.js";
import { schemesRoutes } from "./routes/schemes.routes.js";

/** Grants' pages, one file per part: schemes and rounds, applying, assessing, the committee, payouts and reports, and what is public. */
export const grantsRoutes = new Hono<AppEnv>()
  .route("/", publicRoutes)
  .route("/", schemesRoutes)
  .route("/", applyRoutes)
  .route("/", assessRoutes)
  .route("/", committeeRoutes)
  .route("/", afterRoutes);
