import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/env.js";

export const applyRoutes = new Hono<AppEnv>();
