import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/env.js";

export const schemesRoutes = new Hono<AppEnv>();
